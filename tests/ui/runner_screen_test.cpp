// The stage runner, clicked and typed at as a facilitator would, headless.
#include <catch2/catch.hpp>

#include "support/kiosk_harness.hpp"

using namespace reflect;
using core::RunState;

namespace {
void startRound(test::KioskHarness& k) {
    k.press(ImGuiKey_Enter);  // home: start a session
    REQUIRE(k.screen() == core::Screen::Setup);
    k.press(ImGuiKey_Enter);  // set-up: the Round is first and chosen
    REQUIRE(k.screen() == core::Screen::Runner);
    REQUIRE(k.machine().plan().tmpl().id == "round");
}
}  // namespace

TEST_CASE("the runner's buttons move, pause, extend and end the session", "[ui][runner]") {
    test::KioskHarness k;
    startRound(k);
    k.clock.advanceSeconds(30);
    k.click("##next");
    CHECK(k.machine().currentIndex() == 1);
    k.click("##back");
    CHECK(k.machine().currentIndex() == 0);
    k.click("##pause");
    CHECK(k.machine().runState() == RunState::Paused);
    k.click("##pause");  // the same button now resumes
    CHECK(k.machine().runState() == RunState::Running);
    k.click("##ext1");
    k.click("##ext5");
    CHECK(k.machine().progress(0).extraMs == 6 * 60'000);
    k.click("##end");
    REQUIRE(k.ui().runner().confirmingEnd());
    k.click("##keep");
    CHECK(k.screen() == core::Screen::Runner);
    CHECK_FALSE(k.ui().runner().confirmingEnd());
    k.click("##end");
    k.click("##yes");
    CHECK(k.screen() == core::Screen::Summary);
    CHECK(k.db().queryText("SELECT status FROM sessions") == "ended");
}

TEST_CASE("the runner's keys do what their labels say", "[ui][runner]") {
    test::KioskHarness k;
    startRound(k);
    k.press(ImGuiKey_Space);
    CHECK(k.machine().runState() == RunState::Paused);
    k.press(ImGuiKey_Space);
    CHECK(k.machine().runState() == RunState::Running);
    k.type("n");
    CHECK(k.machine().currentIndex() == 1);
    k.press(ImGuiKey_RightArrow);
    CHECK(k.machine().currentIndex() == 2);
    k.type("b");
    CHECK(k.machine().currentIndex() == 1);
    k.press(ImGuiKey_LeftArrow);
    CHECK(k.machine().currentIndex() == 0);
    k.type("=");  // the unshifted "+" key
    CHECK(k.machine().progress(0).extraMs == 60'000);
    k.type("+", true);  // Shift and "+"
    CHECK(k.machine().progress(0).extraMs == 6 * 60'000);
    k.type("e");
    REQUIRE(k.ui().runner().confirmingEnd());
    k.press(ImGuiKey_Escape);
    CHECK_FALSE(k.ui().runner().confirmingEnd());
    CHECK(k.screen() == core::Screen::Runner);
}

TEST_CASE("a Round runs from set-up to summary with the keyboard alone", "[ui][journey]") {
    test::KioskHarness k;
    startRound(k);
    const int stages = k.machine().stageCount();
    for (int i = 0; i < stages; ++i) {
        k.clock.advanceMs(k.machine().allowedMs(i) + (i == 2 ? 90'000 : 0));  // the second story runs over
        k.type("n");
    }
    // "N" on the last stage asks whether to end, as "E" does. Enter is the safe answer: keep going.
    REQUIRE(k.ui().runner().confirmingEnd());
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Runner);
    CHECK_FALSE(k.ui().runner().confirmingEnd());
    k.type("e");
    REQUIRE(k.ui().runner().confirmingEnd());
    k.type("e");  // E again ends it
    REQUIRE(k.screen() == core::Screen::Summary);
    const auto& summary = k.view().summary;
    REQUIRE(summary);
    REQUIRE(static_cast<int>(summary->stages.size()) == stages);
    CHECK(summary->stages[2].actualMs - summary->stages[2].plannedMs == 90'000);
    k.press(ImGuiKey_Enter);
    CHECK(k.screen() == core::Screen::Home);
    CHECK_FALSE(k.view().home.unfinished);
}

TEST_CASE("typing a title at set-up does not trigger shortcuts and reaches the session", "[ui][setup]") {
    test::KioskHarness k;
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Setup);
    k.press(ImGuiKey_Tab);  // into the title box
    k.type("Team news + endings");
    CHECK(k.screen() == core::Screen::Setup);
    k.press(ImGuiKey_Enter);  // the first Enter leaves the box and keeps the text
    CHECK(k.screen() == core::Screen::Setup);
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Runner);
    CHECK(k.machine().plan().choices().title == "Team news + endings");
}

TEST_CASE("the panellist count and stage minutes change before start", "[ui][setup]") {
    test::KioskHarness k;
    k.press(ImGuiKey_Enter);
    k.click("##count-more");
    k.type("+");
    CHECK(k.ui().setup().choices().repeatCounts.at("panel") == 4);
    k.type("-");
    CHECK(k.ui().setup().choices().repeatCounts.at("panel") == 3);
    k.press(ImGuiKey_DownArrow);  // Team Time
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Runner);
    CHECK(k.machine().plan().tmpl().id == "team-time");
}
