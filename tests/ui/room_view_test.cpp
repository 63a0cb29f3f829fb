// Headless UI: the room view at every stage of every shipped format shows nothing meant for the facilitator
// (guidance, alerts, overtime, counts), reads across a room, ignores what one person did, and the single
// screen's flip to the console goes back by itself.
#include <algorithm>
#include <cctype>

#include <catch2/catch.hpp>

#include "support/kiosk_harness.hpp"

using namespace reflect;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// A countdown such as "4:59" or "12:00" anywhere in the text: digits, a colon, two digits.
bool looksLikeClock(const std::string& s) {
    for (std::size_t i = 1; i + 2 < s.size(); ++i)
        if (s[i] == ':' && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(s[i + 1])) && std::isdigit(static_cast<unsigned char>(s[i + 2])))
            return true;
    return false;
}

/// The height of a capital H in this font, in pixels: what a reader at the back of the room sees. The timer's
/// font holds digits only; a lining digit stands as tall as a capital.
float capHeight(const ImFont* font) {
    const ImFontGlyph* h = font->FindGlyphNoFallback('H');
    if (!h) h = font->FindGlyphNoFallback('0');
    return h ? h->Y1 - h->Y0 : 0.0f;
}

/// Draws one frame and returns what the room view drew in it.
std::vector<ui::RoomText> roomFrame(test::KioskHarness& k) {
    std::vector<ui::RoomText> texts;
    k.ui().room().setTextRecorder(&texts);
    k.frame();
    k.ui().room().setTextRecorder(nullptr);
    return texts;
}

/// Phrases only the console uses: guidance, overtime, the timeline, the projected finish, counts and alerts.
const std::vector<std::string>& consoleOnlyPhrases() {
    static const std::vector<std::string> phrases = {
        "over time",        "overtime",           "over the planned",   "for the facilitator",
        "session timeline", "expected to finish", "received",           "on the board",
        "safeguarding",     "people here",        "left in this stage", "two minutes or less"};
    return phrases;
}

void checkRoomText(const std::vector<ui::RoomText>& texts, const core::SessionMachine& machine, float minCap) {
    const auto& stage = machine.currentStage();
    INFO("template " << machine.plan().tmpl().id << ", stage " << stage.key);
    REQUIRE_FALSE(texts.empty());
    bool sawZeroClock = false;
    for (const auto& t : texts) {
        INFO("drawn: " << t.text);
        CHECK(t.text.find('+') == std::string::npos);
        const std::string l = lower(t.text);
        for (const auto& phrase : consoleOnlyPhrases()) CHECK(l.find(phrase) == std::string::npos);
        for (const auto& s : machine.plan().stages())
            if (!s.guidance.empty()) CHECK(t.text.find(s.guidance) == std::string::npos);
        CHECK(capHeight(t.font) >= minCap);
        if (t.text == "0:00") sawZeroClock = true;
    }
    if (stage.flags.roomTimer == core::RoomTimer::Hidden) {
        for (const auto& t : texts) CHECK_FALSE(looksLikeClock(t.text));
    } else {
        // Every stage here has run over: the room's clock has stopped at 0:00.
        CHECK(sawZeroClock);
    }
}

void startOnRoomView(test::KioskHarness& k, const std::string& templateId) {
    k.ui().setSurfaces(ui::Surfaces::Room);
    k.apply(core::StartSession{templateId, {}});
    REQUIRE(k.screen() == core::Screen::Runner);
}

}  // namespace

TEST_CASE("the room view shows no guidance, alert, overtime or count at any stage of any shipped format",
          "[ui][room]") {
    for (const auto& tmpl : test::shippedTemplates().templates) {
        for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
            test::KioskHarness k(false, size);
            startOnRoomView(k, tmpl.id);
            const float minCap = 24.0f * size.y / 1080.0f;
            while (true) {
                const auto& machine = k.machine();
                if (machine.currentStage().flags.acceptsContributions &&
                    k.view().runner.contributions.state == core::ContributionState::Closed) {
                    // Contributions and a risk phrase arrive: the console counts them, the room must not.
                    k.apply(core::OpenContributions{});
                    for (const char* text : {"Tired", "I cannot go on like this", "Proud of the team", "Hope"})
                        k.apply(core::SubmitContribution{core::SecretText(text)});
                    // The console's figures move at the next batch.
                    k.clock.advanceMs(core::kContributionBatchMs);
                    k.frame();
                    REQUIRE(k.view().runner.contributions.safeguardingAlerts > 0);
                }
                k.clock.advanceMs(machine.allowedMs(machine.currentIndex()) + 65'000);
                k.frame();
                REQUIRE(k.ui().showingRoom());
                checkRoomText(roomFrame(k), k.machine(), minCap);
                if (!k.machine().canApply(core::SessionOp::Next)) break;
                k.apply(core::SessionCommand{core::SessionOp::Next});
            }
        }
    }
}

TEST_CASE("the welcome puts the agreements centre stage in large type", "[ui][room]") {
    test::KioskHarness k;
    startOnRoomView(k, "round");
    const auto texts = roomFrame(k);
    const auto& agreements = k.machine().plan().tmpl().agreements;
    REQUIRE_FALSE(agreements.empty());
    for (const auto& a : agreements) {
        INFO("agreement: " << a);
        const auto found = std::find_if(texts.begin(), texts.end(), [&](const ui::RoomText& t) { return t.text == a; });
        REQUIRE(found != texts.end());
        CHECK(capHeight(found->font) >= 24.0f);
    }
}

TEST_CASE("a risk-phrase submission leaves the room view exactly as it was", "[ui][room][safeguarding]") {
    test::KioskHarness k;
    startOnRoomView(k, "round");
    for (int i = 0; i < 20 && !k.view().runner.contributions.stageAccepts; ++i)
        k.apply(core::SessionCommand{core::SessionOp::Next});
    k.apply(core::OpenContributions{});
    k.frame();
    const auto before = roomFrame(k);
    k.apply(core::SubmitContribution{core::SecretText("I cannot go on like this, I want to end it")});
    REQUIRE(k.view().runner.contributions.feedback.kind == core::SubmitFeedback::Kind::Saved);
    k.frames(2);
    CHECK(roomFrame(k) == before);
    const auto serial = k.view().runner.contributions.feedback.serial;
    k.apply(core::SubmitContribution{core::SecretText("A hard week on the ward")});
    REQUIRE(k.view().runner.contributions.feedback.serial == serial + 1);
    k.frames(2);
    CHECK(roomFrame(k) == before);
}

TEST_CASE("on a single screen the console flips up with V and goes back to the room after 15 s untouched",
          "[ui][room][single-screen]") {
    test::KioskHarness k;
    k.ui().setSurfaces(ui::Surfaces::SingleScreen);
    k.apply(core::StartSession{"round", {}});
    k.frame();
    CHECK(k.ui().showingRoom());
    CHECK_FALSE(k.visible("##next"));  // no controls on the room view
    k.type("v");
    CHECK_FALSE(k.ui().showingRoom());
    CHECK(k.visible("##next"));
    // The wait is asked of the frame loop, so an idle kiosk still sleeps until the flip back.
    const std::int64_t wake = k.app().msUntilNextChange();
    CHECK(wake >= 0);
    CHECK(wake <= ui::kConsoleFlipBackMs);
    k.clock.advanceSeconds(10);
    k.frame();
    CHECK_FALSE(k.ui().showingRoom());
    k.press(ImGuiKey_Space);  // a touch restarts the wait
    k.clock.advanceSeconds(14);
    k.frame();
    CHECK_FALSE(k.ui().showingRoom());
    k.clock.advanceSeconds(1);
    k.frame();
    CHECK(k.ui().showingRoom());
    // The button stated on the room view does the same as the key.
    k.click("##facilitator-view");
    k.frame();
    CHECK_FALSE(k.ui().showingRoom());
    k.type("v");  // and back at once
    CHECK(k.ui().showingRoom());
}

TEST_CASE("on a single screen a console key on the room view brings up the console and does its job at once",
          "[ui][room][single-screen]") {
    test::KioskHarness k;
    k.ui().setSurfaces(ui::Surfaces::SingleScreen);
    k.apply(core::StartSession{"action-learning-set", {}});
    for (int i = 0; i < 10 && !k.view().runner.meeting.bids; ++i) k.apply(core::SessionCommand{core::SessionOp::Next});
    REQUIRE(k.view().runner.meeting.bids);
    k.frame();
    REQUIRE(k.ui().showingRoom());
    const int stages = k.machine().stageCount();
    k.type("m");  // one more presenter: a meeting-panel key, not a runner key
    CHECK_FALSE(k.ui().showingRoom());
    CHECK(k.machine().stageCount() > stages);
}

TEST_CASE("on a single screen the runner's keys still work on the room view and a PIN pad brings up the console",
          "[ui][room][single-screen]") {
    test::KioskHarness k(true);  // kiosk mode: closing asks for the facilitator's PIN
    k.ui().setSurfaces(ui::Surfaces::SingleScreen);
    k.apply(core::StartSession{"round", {}});
    k.frame();
    REQUIRE(k.ui().showingRoom());
    k.type("n");
    CHECK(k.machine().currentIndex() == 1);
    CHECK(k.ui().showingRoom());
    k.apply(core::RequestExit{});
    REQUIRE(k.view().pads.exitOpen);
    k.frame();
    CHECK_FALSE(k.ui().showingRoom());
}
