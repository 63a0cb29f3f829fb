// Every screen draws in both themes and at both sizes without an ImGui error, and home behaves.
#include <catch2/catch.hpp>

#include "support/kiosk_harness.hpp"

using namespace reflect;

TEST_CASE("every screen draws at 1920x1080 and 1280x720 in both themes", "[ui][screens]") {
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
        for (const bool highContrast : {false, true}) {
            test::KioskHarness k(true, size, highContrast);
            k.frames(3);
            k.apply(core::OpenSignposts{});
            k.frames(3);
            k.apply(core::OpenSetup{});
            k.frames(3);
            k.press(ImGuiKey_Enter);
            REQUIRE(k.screen() == core::Screen::Runner);
            k.clock.advanceSeconds(600);  // overtime
            k.frames(3);
            k.press(ImGuiKey_Space);  // paused
            k.type("e");              // the end dialog
            k.press(ImGuiKey_Enter);  // the safe answer: keep going
            REQUIRE(k.screen() == core::Screen::Runner);
            k.type("e");
            k.type("e");  // E again ends it
            REQUIRE(k.screen() == core::Screen::Summary);
            k.frames(3);
            k.apply(core::RequestExit{});  // the PIN pad
            k.frames(3);
            CHECK(k.view().pads.exitOpen);
        }
    }
}

TEST_CASE("home offers to resume an open session first", "[ui][home]") {
    test::KioskHarness k;
    k.press(ImGuiKey_Enter);
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Runner);
    k.type("h");
    REQUIRE(k.screen() == core::Screen::Home);
    CHECK(k.visible("##resume"));
    k.type("r");
    CHECK(k.screen() == core::Screen::Runner);
}

TEST_CASE("in kiosk mode Escape asks for the facilitator PIN, and only the right PIN closes", "[ui][kiosk]") {
    test::KioskHarness k(true);
    REQUIRE(k.pins().setPin(core::Role::Facilitator, "1357"));
    k.press(ImGuiKey_Escape);
    REQUIRE(k.view().pads.exitOpen);
    k.type("2468");
    k.press(ImGuiKey_Enter);
    CHECK_FALSE(k.controller().shouldExit());
    CHECK(k.view().pads.exitMessage == test::shippedStrings().get("pin.wrong"));
    k.press(ImGuiKey_Escape);
    CHECK_FALSE(k.view().pads.exitOpen);
    k.press(ImGuiKey_Escape);
    k.click("##digit");  // the pad's buttons share an id inside their own scope; this is the last, "0"
    k.type("135");
    k.press(ImGuiKey_Backspace);
    k.press(ImGuiKey_Backspace);
    k.press(ImGuiKey_Backspace);
    k.press(ImGuiKey_Backspace);
    k.type("1357");
    k.press(ImGuiKey_Enter);
    CHECK(k.controller().shouldExit());
}

TEST_CASE("outside kiosk mode Escape on home closes at once", "[ui][kiosk]") {
    test::KioskHarness k(false);
    k.press(ImGuiKey_Escape);
    CHECK(k.controller().shouldExit());
}
