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
                auto started = m_sessions.start(*t, c.choices);
                showResult(started);
                if (started) {
                    m_message.clear();
                    m_screen = Screen::Runner;
                }
            },
            [&](const SessionCommand& c) {
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
        },
        command);
}

}  // namespace reflect::core
