// KioskController: the headless heart of the kiosk; applies commands to the services and decides the screen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/pin_store.hpp"
#include "core/clock.hpp"
#include "core/kiosk/commands.hpp"
#include "core/session/session_service.hpp"
#include "core/templates/template_loader.hpp"
#include "core/text/string_table.hpp"

namespace reflect::core {

struct KioskOptions {
    bool kioskMode = false;  ///< exit needs the facilitator PIN
};

/// Everything a frame needs to draw, held by the controller; screens read it, never write it.
class KioskController {
public:
    KioskController(SessionService& sessions, PinStore& pins, const TemplateSet& templates, const StringTable& strings,
                    KioskOptions options);

    /// Call once at start: an unfinished session (power cut, crash) reopens on its running stage.
    void startUp();
    void apply(const Command& command);
    void applyAll(std::vector<Command>& commands);

    [[nodiscard]] Screen screen() const noexcept { return m_screen; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }
    [[nodiscard]] bool exitRequested() const noexcept { return m_exitRequested; }
    [[nodiscard]] bool shouldExit() const noexcept { return m_shouldExit; }
    [[nodiscard]] const std::string& pinMessage() const noexcept { return m_pinMessage; }
    [[nodiscard]] bool kioskMode() const noexcept { return m_options.kioskMode; }
    [[nodiscard]] const SessionService& sessions() const noexcept { return m_sessions; }
    [[nodiscard]] const TemplateSet& templates() const noexcept { return m_templates; }
    [[nodiscard]] const std::optional<SessionSummary>& summary() const noexcept { return m_summary; }
    [[nodiscard]] const std::optional<UnfinishedSession>& unfinished() const noexcept { return m_unfinished; }

    /// A message for the admin shown on the home screen until dismissed (start-up safe mode, backup trouble).
    void showNotice(std::string text) { m_message = std::move(text); }

    /// For screenshot and test set-ups.
    void showScreen(Screen screen) { m_screen = screen; }

private:
    void refreshUnfinished();
    void showResult(const Result<void>& result);

    SessionService& m_sessions;
    PinStore& m_pins;
    const TemplateSet& m_templates;
    const StringTable& m_strings;
    KioskOptions m_options;
    Screen m_screen = Screen::Home;
    std::string m_message;
    bool m_exitRequested = false;
    bool m_shouldExit = false;
    std::string m_pinMessage;
    std::optional<SessionSummary> m_summary;
    std::optional<UnfinishedSession> m_unfinished;
};

}  // namespace reflect::core
