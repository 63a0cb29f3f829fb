// KioskApp: the composition of database, services, controller and UI that the frame loop drives.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/access/pin_store.hpp"
#include "core/clock.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/kiosk_controller.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/database.hpp"
#include "core/support/signposts.hpp"
#include "core/templates/template_loader.hpp"
#include "core/text/string_table.hpp"
#include "platform/frame_loop.hpp"
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

/// Owns nothing global: every collaborator is passed in by reference from main.
class KioskApp final : public platform::FrameClient {
public:
    KioskApp(core::Database& db, const core::Clock& clock, const core::TemplateSet& templates,
             const core::StringTable& strings, const core::SignpostList& signposts, const KioskAppConfig& config);

    void frame(const ui::Theme& theme) override;
    [[nodiscard]] std::int64_t msUntilNextChange() const override;
    [[nodiscard]] bool finished() const override { return m_controller.shouldExit(); }
    void closeRequested() override { m_controller.apply(core::RequestExit{}); }
    [[nodiscard]] bool kioskMode() const override { return m_controller.kioskMode(); }
    /// With --print-events, the first frame on screen prints "event first-frame" (scripts/bench-review times it).
    void framePresented() override;

    [[nodiscard]] core::KioskController& controller() noexcept { return m_controller; }
    [[nodiscard]] core::SessionService& sessions() noexcept { return m_sessions; }
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
    std::vector<core::Command> m_commands;
    std::optional<core::BackupScheduler> m_backups;
    bool m_firstFramePresented = false;
    bool m_printEvents = false;
    bool m_exitWasRequested = false;
};

/// The screens `--screenshot` can show, each with its own demo state.
[[nodiscard]] const std::vector<std::string>& screenshotScreens();
/// Puts the app into the demo state for `screen` (on a fresh in-memory database and a manual clock).
[[nodiscard]] core::Result<void> prepareScreenshot(const std::string& screen, KioskApp& app, core::ManualClock& clock,
                                                   core::Database& db);

}  // namespace reflect::app
