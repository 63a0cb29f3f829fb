// KioskApp implementation.
#include "app/kiosk_app.hpp"

#include <cstdio>

namespace reflect::app {

KioskApp::KioskApp(core::Database& db, const core::Clock& clock, const core::TemplateSet& templates,
                   const core::StringTable& strings, const core::SignpostList& signposts, const KioskAppConfig& config)
    : m_clock(clock),
      m_sessions(db, clock),
      m_pins(db, clock),
      m_meetings(db, clock, m_scrubber),
      m_controller(m_sessions, m_pins, templates, strings,
                   core::KioskOptions{config.kioskMode, config.revealMinimum, config.draftIdleSeconds, config.codebook,
                                      config.lockIdleSeconds, config.review, config.exportFolder, false}),
      m_ui(ui::UiTexts{strings, signposts, config.organisation, m_scrubber}),
      m_roomUi(ui::UiTexts{strings, signposts, config.organisation, m_scrubber}),
      m_phone(m_inbox, clock, signposts),
      m_codebook(config.codebook) {
    m_printEvents = config.printEvents;
    if (config.printEvents) {
        // Machine-readable progress for the end-to-end tests: kinds and numbers only, never anything typed.
        m_sessions.setEventSink([](std::string_view line) {
            std::fwrite(line.data(), 1, line.size(), stdout);
            std::fputc('\n', stdout);
            std::fflush(stdout);
        });
    }
    m_controller.attachMeetings(m_meetings);
    m_controller.startUp(clock.steadyNow());
    if (!config.startupNotice.empty()) m_controller.showNotice(config.startupNotice);
    if (!config.backupDir.empty()) m_backups.emplace(db, config.backupDir, config.backupKeep);
}

void KioskApp::frame(const ui::Theme& theme) {
    // The clock is read once per frame; everything below sees the same moment.
    const auto now = m_clock.steadyNow();
    const auto wall = m_clock.wallNow();
    m_ui.draw(m_controller.view(), theme, now, wall, m_commands);
    m_controller.applyAll(m_commands, now);
    m_controller.drain(m_inbox, now);
    const bool exitRequested = m_controller.view().pads.exitOpen;
    if (m_printEvents && exitRequested != m_exitWasRequested) {
        // For the containment test: the PIN pad came up (or went away) instead of the kiosk closing.
        std::puts(exitRequested ? "event exit_requested" : "event exit_cancelled");
        std::fflush(stdout);
    }
    m_exitWasRequested = exitRequested;
    if (m_printEvents && m_ui.surfaces() == ui::Surfaces::SingleScreen && m_ui.showingRoom() != m_showedRoom) {
        // For the single-screen e2e: the console flipped up, or the room view came back by itself.
        m_showedRoom = m_ui.showingRoom();
        std::puts(m_showedRoom ? "event surface room" : "event surface console");
        std::fflush(stdout);
    }
    const core::KioskView& view = m_controller.view();
    m_phone.publish(view, m_controller.viewRevision());
    if (m_printEvents && view.phone.paired != m_remotePaired) {
        // After the phone page's copy is published, so a test that reads this line meets the server's new state.
        m_remotePaired = view.phone.paired;
        std::printf("event remote paired=%d\n", m_remotePaired ? 1 : 0);
        std::fflush(stdout);
    }
    if (m_printEvents && view.phone.joinUrl != m_joinUrl) {
        // For tests and admins: where phones join now (the token is not a secret from the room: it is on the QR).
        m_joinUrl = view.phone.joinUrl;
        std::printf("event join-address url=%s\n", m_joinUrl.empty() ? "none" : m_joinUrl.c_str());
        std::fflush(stdout);
    }
    // Backups wait until the first frame is on screen: on a large database a copy takes seconds, and the kiosk
    // should never start on a blank screen.
    if (m_backups && m_firstFramePresented) {
        const std::string before = m_backups->lastError();
        m_backups->tick(m_sessions.active() != nullptr, wall);
        // Paths and SQLite reasons only: a backup error never holds anything anyone typed.
        if (m_backups->lastError() != before && !m_backups->lastError().empty())
            std::fprintf(stderr, "reflect-kiosk: automatic backup: %s\n", m_backups->lastError().c_str());
    }
    m_controller.tick(m_clock.steadyNow());
}

void KioskApp::roomFrame(const ui::Theme& theme) {
    m_roomUi.setSurfaces(ui::Surfaces::Room);
    // The room's window has no controls; anything it might emit is dropped rather than acted on.
    std::vector<core::Command> ignored;
    m_roomUi.draw(m_controller.view(), theme, m_clock.steadyNow(), m_clock.wallNow(), ignored);
}

void KioskApp::framePresented() {
    if (m_firstFramePresented) return;
    m_firstFramePresented = true;
    if (m_printEvents) {
        std::puts("event first-frame");
        std::fflush(stdout);
    }
}

std::int64_t KioskApp::msUntilNextChange() {
    const auto now = m_clock.steadyNow();
    // Something posted by another surface is applied on the next frame.
    if (!m_inbox.empty()) return 0;
    std::int64_t wake = -1;
    const auto consider = [&](std::int64_t ms) {
        if (ms >= 0 && (wake < 0 || ms < wake)) wake = ms;
    };
    // The idle countdowns (dashboard lock, PIN pads closing): when they appear, then once a second until they act.
    consider(m_controller.msUntilIdleChange(now));
    // A single screen flipped to the console goes back to the room view by itself.
    consider(m_ui.msUntilNextChange(now));
    consider(m_roomUi.msUntilNextChange(now));
    if (m_controller.screen() == core::Screen::Contribute) consider(m_ui.contribute().msUntilNextChange(now));
    if (m_controller.screen() != core::Screen::Runner) return wake;
    const auto& machine = m_controller.view().runner.machine;
    if (!machine) return wake;
    const auto tick = machine->msUntilNextVisibleChange(now);
    if (tick >= 0) consider(tick);
    // Paused: the countdown stands still but the projected finish moves with the time of day, once a minute.
    else
        consider(60'000 - m_clock.wallNow() % 60'000);
    return wake;
}

}  // namespace reflect::app
