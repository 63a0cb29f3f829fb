// NavigationFlow implementation.
#include "core/kiosk/navigation_flow.hpp"

namespace reflect::core {

NavigationFlow::NavigationFlow(KioskServices& services, KioskState& state, ContributionFlow& contributions,
                               MeetingFlow& meetings)
    : m_services(services), m_state(state), m_contributions(contributions), m_meetings(meetings) {}

void NavigationFlow::showResult(const Result<void>& result) {
    if (!result) m_state.message = result.error().message;
}

void NavigationFlow::startUp() {
    m_state.dirty = true;
    auto restored = m_services.sessions.restoreUnfinished();
    if (!restored) {
        m_state.message = m_services.strings.format("errors.restore_failed", {{"reason", restored.error().message}});
    } else if (restored.value()) {
        m_state.screen = Screen::Runner;
        m_state.message = m_services.strings.get("runner.restored");
    }
}

void NavigationFlow::on(const OpenSetup&, SteadyMs) {
    m_state.dirty = true;
    m_state.message.clear();
    m_state.screen = Screen::Setup;
}

void NavigationFlow::on(const StartSession& c, SteadyMs) {
    m_state.dirty = true;
    const SessionTemplate* t = m_services.templates.find(c.templateId);
    if (!t) {
        m_state.message = m_services.strings.get("errors.template_missing");
        return;
    }
    auto started = m_services.sessions.start(*t, c.choices, m_services.meetings ? c.groupId : std::nullopt);
    showResult(started);
    if (started) {
        m_state.message.clear();
        m_state.screen = Screen::Runner;
    }
}

void NavigationFlow::endSession() {
    m_contributions.sessionEnding();
    try {
        m_summary = m_services.sessions.store().summary(m_services.sessions.activeId());
    } catch (const SqliteError& e) {
        m_state.message = storageFailureMessage(e);
    }
    m_services.sessions.closeActive();
    m_state.screen = Screen::Summary;
}

void NavigationFlow::on(const SessionCommand& c, SteadyMs) {
    m_state.dirty = true;
    // A check-in with an actions review cannot be left until every open action has been marked.
    if (c.op == SessionOp::Next) {
        const int waiting = m_meetings.unreviewedActions();
        if (waiting > 0) {
            m_state.message = m_services.strings.format("actions.review_first", {{"count", std::to_string(waiting)}});
            return;
        }
    }
    auto result = m_services.sessions.apply(c.op);
    showResult(result);
    if (result) m_state.message.clear();
    const SessionMachine* active = m_services.sessions.active();
    if (result && active && active->runState() == RunState::Ended) endSession();
}

void NavigationFlow::on(const ResumeSession&, SteadyMs) {
    m_state.dirty = true;
    if (!m_services.sessions.active()) {
        auto restored = m_services.sessions.restoreUnfinished();
        if (!restored) {
            m_state.message = restored.error().message;
            return;
        }
    }
    if (m_services.sessions.active()) m_state.screen = Screen::Runner;
}

void NavigationFlow::on(const GoHome&, SteadyMs) {
    m_state.dirty = true;
    m_state.message.clear();
    m_state.screen = Screen::Home;
}

void NavigationFlow::on(const OpenSignposts&, SteadyMs) {
    m_state.dirty = true;
    m_state.screen = Screen::Signposts;
}

void NavigationFlow::on(const FinishSummary&, SteadyMs) {
    m_state.dirty = true;
    m_summary.reset();
    m_state.screen = Screen::Home;
}

void NavigationFlow::on(const DismissMessage&, SteadyMs) {
    m_state.dirty = true;
    m_state.message.clear();
}

}  // namespace reflect::core
