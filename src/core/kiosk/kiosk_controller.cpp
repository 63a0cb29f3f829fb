// KioskController implementation.
#include "core/kiosk/kiosk_controller.hpp"

#include <fmt/format.h>

namespace reflect::core {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

KioskController::KioskController(SessionService& sessions, PinStore& pins, const TemplateSet& templates,
                                 const StringTable& strings, KioskOptions options)
    : m_sessions(sessions), m_pins(pins), m_templates(templates), m_strings(strings), m_options(options) {}

void KioskController::startUp() {
    auto restored = m_sessions.restoreUnfinished();
    if (!restored) {
        m_message = m_strings.format("errors.restore_failed", {{"reason", restored.error().message}});
    } else if (restored.value()) {
        m_screen = Screen::Runner;
        m_message = m_strings.get("runner.restored");
    }
    refreshUnfinished();
}

void KioskController::refreshUnfinished() {
    try {
        m_unfinished = m_sessions.store().findUnfinished();
    } catch (const SqliteError&) {
        m_unfinished.reset();
    }
}

void KioskController::showResult(const Result<void>& result) {
    if (!result) m_message = result.error().message;
}

void KioskController::applyAll(std::vector<Command>& commands) {
    for (const auto& c : commands) apply(c);
    commands.clear();
}

void KioskController::apply(const Command& command) {
    std::visit(
        Overloaded{
            [&](const OpenSetup&) {
                m_message.clear();
                m_screen = Screen::Setup;
            },
            [&](const StartSession& c) {
                const SessionTemplate* t = m_templates.find(c.templateId);
                if (!t) {
                    m_message = m_strings.get("errors.template_missing");
                    return;
                }
                auto started = m_sessions.start(*t, c.choices, m_meetings ? c.groupId : std::nullopt);
                showResult(started);
                if (started) {
                    m_message.clear();
                    m_screen = Screen::Runner;
                }
            },
            [&](const SessionCommand& c) {
                // A check-in with an actions review cannot be left until every open action has been marked.
                if (c.op == SessionOp::Next && m_meetings) {
                    const int waiting = m_meetings->unreviewedActions(m_sessions);
                    if (waiting > 0) {
                        m_message = m_strings.format("actions.review_first", {{"count", std::to_string(waiting)}});
                        return;
                    }
                }
                auto result = m_sessions.apply(c.op);
                showResult(result);
                if (result) m_message.clear();
                const SessionMachine* active = m_sessions.active();
                if (result && active && active->runState() == RunState::Ended) {
                    m_summary = m_sessions.store().summary(m_sessions.activeId());
                    m_sessions.closeActive();
                    m_screen = Screen::Summary;
                }
            },
            [&](const ResumeSession&) {
                if (!m_sessions.active()) {
                    auto restored = m_sessions.restoreUnfinished();
                    if (!restored) {
                        m_message = restored.error().message;
                        return;
                    }
                }
                if (m_sessions.active()) m_screen = Screen::Runner;
            },
            [&](const GoHome&) {
                m_message.clear();
                refreshUnfinished();
                m_screen = Screen::Home;
            },
            [&](const OpenSignposts&) { m_screen = Screen::Signposts; },
            [&](const FinishSummary&) {
                m_summary.reset();
                refreshUnfinished();
                m_screen = Screen::Home;
            },
            [&](const RequestExit&) {
                if (!m_options.kioskMode) {
                    m_shouldExit = true;
                    return;
                }
                m_exitRequested = true;
                m_pinMessage.clear();
            },
            [&](const CancelExit&) {
                m_exitRequested = false;
                m_pinMessage.clear();
            },
            [&](const SubmitExitPin& c) {
                const PinCheck check = m_pins.verify(Role::Facilitator, c.pin);
                switch (check.outcome) {
                    case PinCheck::Outcome::Accepted: m_shouldExit = true; break;
                    case PinCheck::Outcome::NotSet: m_pinMessage = m_strings.get("pin.not_set"); break;
                    case PinCheck::Outcome::Wrong:
                    case PinCheck::Outcome::Throttled: {
                        const auto wait = m_pins.waitSeconds();
                        m_pinMessage = wait > 0 ? m_strings.format("pin.wait", {{"seconds", std::to_string(wait)}})
                                                : m_strings.get("pin.wrong");
                        break;
                    }
                }
            },
            [&](const DismissMessage&) { m_message.clear(); },
            [&](const SetRepeatCount& c) {
                if (!m_meetings) return;
                auto result = m_meetings->setRepeatCount(m_sessions, c.repeatKey, c.count);
                showResult(result);
            },
            [&](const CreateGroup& c) {
                if (!m_meetings) return;
                auto created = m_meetings->groups().create(c.name, c.format, c.expectedSize, m_meetings->nowWall());
                if (!created) {
                    m_message = created.error().message;
                    return;
                }
                m_message.clear();
                m_createdGroup = created.value();
            },
            [&](const AddAction& c) {
                if (!m_meetings || !m_sessions.active()) return;
                const auto session = m_sessions.activeId();
                auto added = m_meetings->actions().add(m_meetings->groups().groupOfSession(session), session, c.text,
                                                       c.ownerLabel, c.dueDate, m_meetings->nowWall());
                if (!added) {
                    m_message = added.error().message;
                    return;
                }
                m_message.clear();
                ++m_actionsSaved;
                m_sessions.announce("action");
            },
            [&](const ReviewAction& c) {
                if (!m_meetings) return;
                const std::optional<std::int64_t> session =
                    m_sessions.active() ? std::optional<std::int64_t>(m_sessions.activeId()) : std::nullopt;
                auto result = m_meetings->actions().review(c.actionId, session, c.review, m_meetings->nowWall());
                showResult(result);
                if (result) {
                    m_message.clear();
                    m_sessions.announce("review");
                }
            },
            [&](const SubmitEvaluation& c) {
                if (!m_meetings || !m_sessions.active()) return;
                auto result = m_meetings->evaluations().add(m_sessions.activeId(), c.answers,
                                                            m_sessions.active()->plan().tmpl().evaluationStatements);
                showResult(result);
                if (result) {
                    m_message.clear();
                    ++m_evaluationsSaved;  // never announced: nothing may log when an evaluation arrived
                }
            },
            [&](const SetAttendance& c) {
                if (!m_meetings || !m_sessions.active()) return;
                showResult(m_meetings->groups().setAttendance(m_sessions.activeId(), c.count));
            },
            [&](const OpenChecklist& c) {
                if (!m_meetings || !m_meetings->groups().find(c.groupId)) return;
                m_checklistGroup = c.groupId;
                m_message.clear();
                m_screen = Screen::Checklist;
            },
            [&](const SaveChecklist& c) {
                if (!m_meetings || m_checklistGroup == 0) return;
                const std::optional<std::int64_t> session =
                    m_sessions.active() ? std::optional<std::int64_t>(m_sessions.activeId()) : std::nullopt;
                auto saved = m_meetings->checklists().save(m_checklistGroup, session, c.answers, m_meetings->nowWall());
                if (!saved) {
                    m_message = saved.error().message;
                    return;
                }
                m_message.clear();
                ++m_checklistsSaved;
            },
        },
        command);
}

}  // namespace reflect::core
