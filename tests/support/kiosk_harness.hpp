// KioskHarness: the whole kiosk (database, services, controller, UI) in a headless ImGui context, driven by
// clicks and key presses; the clock only moves when the test says so.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "app/kiosk_app.hpp"
#include "support/fixtures.hpp"
#include "support/imgui_headless.hpp"

namespace reflect::test {

/// The whole kiosk as the binary composes it (app::KioskApp), on an in-memory database and a manual clock.
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
          m_app(
              *m_db, clock, testTemplates(), shippedStrings(), m_signposts,
              app::KioskAppConfig{"Example NHS Trust", kioskMode, false, 3, 90, &m_codebook, "", {}, 14, 180, {}, ""}) {
        m_app.ui().setHitRecorder(&m_hits);
        m_app.meetings().setPrinciples(core::loadPrinciples((assetsDir() / "principles.toml").string()).value());
        frame();
        if (firstRun == FirstRun::SetLater) {
            REQUIRE(view().pads.setup.open);
            apply(core::SetPinsLater{});
            frame();
        }
    }

    core::ManualClock clock;

    void frame() {
        m_imgui.frame([this] { draw(); });
    }
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
    void press(ImGuiKey key) {
        m_imgui.press(key, [this] { draw(); });
    }
    void type(const std::string& text, bool shift = false) {
        m_imgui.type(
            text, [this] { draw(); }, shift);
    }

    /// Applies a command at the clock's present moment, as if a surface had posted it.
    void apply(const core::Command& command) { m_app.apply(command); }
    /// What every surface draws this frame (rebuilt from the database only when something changed).
    [[nodiscard]] const core::KioskView& view() { return m_app.view(); }
    [[nodiscard]] app::KioskApp& app() noexcept { return m_app; }
    [[nodiscard]] core::KioskController& controller() noexcept { return m_app.controller(); }
    [[nodiscard]] core::SessionService& sessions() noexcept { return m_app.sessions(); }
    [[nodiscard]] core::PinStore& pins() noexcept { return m_app.pins(); }
    [[nodiscard]] core::MeetingService& meetings() noexcept { return m_app.meetings(); }
    [[nodiscard]] core::Database& db() noexcept { return *m_db; }
    [[nodiscard]] ui::KioskUi& ui() noexcept { return m_app.ui(); }
    [[nodiscard]] core::Screen screen() { return m_app.controller().screen(); }
    [[nodiscard]] const core::SessionMachine& machine() {
        REQUIRE(m_app.sessions().active());
        return *m_app.sessions().active();
    }

private:
    void draw() { m_app.frame(m_imgui.theme()); }

    HeadlessImGui m_imgui;
    std::unique_ptr<core::Database> m_db;
    core::SignpostList m_signposts;
    core::Codebook m_codebook;
    app::KioskApp m_app;
    ui::HitMap m_hits;
};

/// Starts a Round and steps to its first stage that takes contributions (the open discussion).
inline void toDiscussion(KioskHarness& h) {
    h.apply(core::StartSession{"round", {}});
    REQUIRE(h.screen() == core::Screen::Runner);
    for (int i = 0; i < 20 && !h.view().runner.contributions.stageAccepts; ++i)
        h.apply(core::SessionCommand{core::SessionOp::Next});
    REQUIRE(h.view().runner.contributions.stageAccepts);
    h.frame();
}

}  // namespace reflect::test
