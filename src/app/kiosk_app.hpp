// KioskApp: the composition of database, services, controller and UI that the frame loop drives.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/phone_port.hpp"
#include "core/access/pin_store.hpp"
#include "core/clock.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/command_inbox.hpp"
#include "core/kiosk/kiosk_controller.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/database.hpp"
#include "core/support/signposts.hpp"
#include "core/templates/template_loader.hpp"
#include "core/text/string_table.hpp"
#include "ui/kiosk_ui.hpp"

namespace reflect::app {

struct KioskAppConfig {
    std::string organisation;
    bool kioskMode = false;
    bool printEvents = false;
    int revealMinimum = 3;
    int draftIdleSeconds = 90;
    const core::Codebook* codebook = nullptr;
    /// Shown on the home screen at start (safe mode after a damaged database); "" = none.
    std::string startupNotice;
    /// Automatic backups after each session and daily; empty folder = none (screenshots, tests).
    std::filesystem::path backupDir;
    int backupKeep = 14;
    int lockIdleSeconds = 180;
    core::ReviewSettings review{};
    std::string exportFolder;
};

/// The kiosk without a window: database, services, controller, inbox and the ImGui surfaces. The real binary
/// drives it from the GLFW frame loop and the tests from a headless ImGui context, so the two cannot drift.
/// Owns nothing global: every collaborator is passed in by reference.
class KioskApp {
public:
    KioskApp(core::Database& db, const core::Clock& clock, const core::TemplateSet& templates,
             const core::StringTable& strings, const core::SignpostList& signposts, const KioskAppConfig& config);

    /// One frame between ImGui::NewFrame and ImGui::Render: reads the clock once, draws from the view, applies
    /// what the person asked for and what other surfaces posted.
    void frame(const ui::Theme& theme);
    /// With a second display: one frame of the room's own window (the room view only; it takes no commands).
    void roomFrame(const ui::Theme& theme);
    [[nodiscard]] std::int64_t msUntilNextChange();
    [[nodiscard]] bool finished() const { return m_controller.shouldExit(); }
    void closeRequested() { apply(core::RequestExit{}); }
    [[nodiscard]] bool kioskMode() const { return m_controller.kioskMode(); }
    /// With --print-events, the first frame on screen prints "event first-frame" (scripts/bench-review times it).
    void framePresented();
    /// Applies one command now (demo states and tests; surfaces emit theirs during frame()).
    void apply(const core::Command& command) { m_controller.apply(command, m_clock.steadyNow()); }

    [[nodiscard]] core::KioskController& controller() noexcept { return m_controller; }
    [[nodiscard]] const core::KioskView& view() { return m_controller.view(); }
    [[nodiscard]] core::CommandInbox& inbox() noexcept { return m_inbox; }
    /// What the phone page's server reads and posts through.
    [[nodiscard]] PhonePort& phonePort() noexcept { return m_phone; }
    [[nodiscard]] const core::Scrubber& scrubber() const noexcept { return m_scrubber; }
    [[nodiscard]] const core::Codebook& codebook() const noexcept { return m_codebook ? *m_codebook : m_noCodebook; }
    [[nodiscard]] core::SessionService& sessions() noexcept { return m_sessions; }
    [[nodiscard]] core::PinStore& pins() noexcept { return m_pins; }
    [[nodiscard]] ui::KioskUi& ui() noexcept { return m_ui; }
    [[nodiscard]] core::MeetingService& meetings() noexcept { return m_meetings; }

private:
    const core::Clock& m_clock;
    core::SessionService m_sessions;
    core::PinStore m_pins;
    core::Scrubber m_scrubber;
    core::MeetingService m_meetings;
    core::KioskController m_controller;
    ui::KioskUi m_ui;
    ui::KioskUi m_roomUi;
    core::CommandInbox m_inbox;
    PhonePort m_phone;
    std::string m_joinUrl;        ///< last printed with --print-events
    bool m_remotePaired = false;  ///< last printed with --print-events
    const core::Codebook* m_codebook = nullptr;
    core::Codebook m_noCodebook;
    std::vector<core::Command> m_commands;
    std::optional<core::BackupScheduler> m_backups;
    bool m_firstFramePresented = false;
    bool m_printEvents = false;
    bool m_exitWasRequested = false;
    bool m_showedRoom = false;  ///< single screen: what the last frame showed, for --print-events
};

/// What a demo state is prepared from: the screen's name, the app on a fresh in-memory database, a manual clock.
struct DemoContext {
    const std::string& screen;
    KioskApp& app;
    core::ManualClock& clock;
    core::Database& db;
};
/// One screen `--screenshot` can show and the commands that bring the kiosk to it.
struct DemoScreen {
    const char* name;
    core::Result<void> (*prepare)(const DemoContext&);
};
[[nodiscard]] const std::vector<DemoScreen>& demoScreens();
/// The meeting demos (sets, the checklist, peer groups), in demo_meetings.cpp.
[[nodiscard]] core::Result<void> prepareMeetingScreen(const DemoContext& d);
/// The paper tally demos ("tally", "tally-errors"), in demo_tally.cpp.
[[nodiscard]] core::Result<void> prepareTallyScreen(const DemoContext& d);
/// The screens `--screenshot` can show (the names of demoScreens(), less the benchmark's own).
[[nodiscard]] std::vector<std::string> screenshotScreens();
/// Puts the app into the demo state for `screen` (on a fresh in-memory database and a manual clock).
[[nodiscard]] core::Result<void> prepareScreenshot(const std::string& screen, KioskApp& app, core::ManualClock& clock,
                                                   core::Database& db);

}  // namespace reflect::app
