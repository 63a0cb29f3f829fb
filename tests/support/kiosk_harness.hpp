// KioskHarness: the whole kiosk (database, services, controller, UI) in a headless ImGui context, driven by
// clicks and key presses; the clock only moves when the test says so.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/access/pin_store.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/kiosk_controller.hpp"
#include "core/session/session_service.hpp"
#include "core/support/signposts.hpp"
#include "support/fixtures.hpp"
#include "support/imgui_headless.hpp"
#include "ui/kiosk_ui.hpp"

namespace reflect::test {

/// What the harness does with the first-run PIN set-up that a fresh database opens on.
enum class FirstRun {
    SetLater,  ///< what a facilitator in a hurry does: "Set later" (most tests are about something else)
    Show,      ///< leave it open, for the tests of the set-up itself
};

class KioskHarness {
public:
    explicit KioskHarness(bool kioskMode = false, ImVec2 size = ImVec2(1920, 1080), bool highContrast = false,
                          FirstRun firstRun = FirstRun::SetLater)
        : m_imgui(size, highContrast),
          m_db(memoryDatabase()),
          m_signposts(core::loadSignposts(assetsDir() / "signposts.toml").value()),
          m_codebook(core::loadCodebook(assetsDir() / "codebook.toml").value()),
          m_sessions(*m_db, clock),
          m_pins(*m_db, clock),
          m_meetings(*m_db, clock, m_scrubber),
          m_controller(m_sessions, m_pins, shippedTemplates(), shippedStrings(), core::KioskOptions{kioskMode, 3, 90, &m_codebook, 180, {}, {}}),
          m_ui(ui::UiTexts{shippedStrings(), m_signposts, "Example NHS Trust"}) {
        m_ui.setHitRecorder(&m_hits);
        m_meetings.setPrinciples(core::loadPrinciples((assetsDir() / "principles.toml").string()).value());
        m_controller.attachMeetings(m_meetings);
        m_controller.startUp();
        frame();
        if (firstRun == FirstRun::SetLater) {
            REQUIRE(m_controller.pinSetup().open);
            m_controller.apply(core::SetPinsLater{});
            frame();
        }
    }

    core::ManualClock clock;

    void frame() { m_imgui.frame([this] { draw(); }); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    /// Clicks the control drawn with this id ("##next"); fails the test if it is not on screen.
    void click(const std::string& id) {
        frame();
        INFO("control " << id);
        REQUIRE(m_hits.count(id) == 1);
        const ImVec4 rect = m_hits.at(id);
        m_imgui.click(rect, [this] { draw(); });
    }
    [[nodiscard]] bool visible(const std::string& id) {
        frame();
        return m_hits.count(id) == 1;
    }
    void press(ImGuiKey key) { m_imgui.press(key, [this] { draw(); }); }
    void type(const std::string& text, bool shift = false) { m_imgui.type(text, [this] { draw(); }, shift); }

    [[nodiscard]] core::KioskController& controller() noexcept { return m_controller; }
    [[nodiscard]] core::SessionService& sessions() noexcept { return m_sessions; }
    [[nodiscard]] core::PinStore& pins() noexcept { return m_pins; }
    [[nodiscard]] core::MeetingService& meetings() noexcept { return m_meetings; }
    [[nodiscard]] core::Database& db() noexcept { return *m_db; }
    [[nodiscard]] ui::KioskUi& ui() noexcept { return m_ui; }
    [[nodiscard]] core::Screen screen() const { return m_controller.screen(); }
    [[nodiscard]] const core::SessionMachine& machine() const {
        REQUIRE(m_sessions.active());
        return *m_sessions.active();
    }

private:
    void draw() {
        m_ui.draw(m_controller, m_imgui.theme(), clock.steadyNow(), clock.wallNow(), m_commands);
        m_controller.applyAll(m_commands);
        m_controller.tick(clock.steadyNow());
    }

    HeadlessImGui m_imgui;
    std::unique_ptr<core::Database> m_db;
    core::SignpostList m_signposts;
    core::Codebook m_codebook;
    core::SessionService m_sessions;
    core::PinStore m_pins;
    core::Scrubber m_scrubber;
    core::MeetingService m_meetings;
    core::KioskController m_controller;
    ui::KioskUi m_ui;
    std::vector<core::Command> m_commands;
    ui::HitMap m_hits;
};

}  // namespace reflect::test
