// Headless UI: sessions as they really run. The read-only wall a Round's room reads after the reveal, paged by
// the facilitator; the console's head count typed as a number; the Tab hint only for someone at a keyboard; and no
// format code ("round") in any field a screen draws.
#include <algorithm>

#include <catch2/catch.hpp>

#include "core/review/demo_data.hpp"
#include "core/templates/session_template.hpp"
#include "support/kiosk_harness.hpp"

using namespace reflect;
using test::toDiscussion;

namespace {

float capHeight(const ImFont* font) {
    const ImFontGlyph* h = font->FindGlyphNoFallback('H');
    return h ? h->Y1 - h->Y0 : 0.0f;
}

/// 19 written, two of them the same words as the first: 17 cards on the wall, one of them "×3".
void revealSeventeen(test::KioskHarness& h) {
    h.apply(core::OpenContributions{});
    for (int i = 0; i < 19; ++i) {
        const std::string text =
            i < 17 ? "Card number " + std::to_string(i + 1) + " from the room" : "Card number 1 from the room";
        h.apply(core::SubmitContribution{core::SecretText(text)});
    }
    h.apply(core::CloseContributions{});
    h.apply(core::SetAttendance{40});
    h.apply(core::RevealContributions{});
    REQUIRE(h.screen() == core::Screen::Board);
}

std::vector<ui::RoomText> recorded(test::KioskHarness& h) {
    std::vector<ui::RoomText> texts;
    h.ui().room().setTextRecorder(&texts);
    h.frame();
    h.ui().room().setTextRecorder(nullptr);
    return texts;
}

bool drew(const std::vector<ui::RoomText>& texts, const std::string& text) {
    return std::any_of(texts.begin(), texts.end(), [&](const ui::RoomText& t) { return t.text == text; });
}

}  // namespace

TEST_CASE("the wall shows a Round's 17 cards three at a time in large type, paged by the facilitator", "[ui][wall]") {
    test::KioskHarness h;
    toDiscussion(h);
    revealSeventeen(h);
    const auto& wall = [&]() -> const core::WallView& { return h.view().board.wall; };
    REQUIRE(wall().enabled);
    REQUIRE(wall().console);
    CHECK(wall().total == 17);
    CHECK(wall().position == "Cards 1-3 of 17");
    CHECK(wall().cards.size() == 3);
    CHECK_FALSE(wall().canBack);
    // No grouping, tagging or voting on the wall: the board's own controls are not drawn.
    h.frame();
    CHECK(h.visible("##wall-next"));
    CHECK_FALSE(h.visible("##people-typed"));

    h.press(ImGuiKey_PageDown);
    CHECK(wall().position == "Cards 4-6 of 17");
    h.press(ImGuiKey_RightArrow);
    CHECK(wall().position == "Cards 7-9 of 17");
    bool sawMerged = false;
    std::size_t cardsSeen = 0;
    for (int page = 0; page < 3; ++page) {
        h.click("##wall-next");
        cardsSeen += wall().cards.size();
    }
    CHECK(wall().position == "Cards 16-17 of 17");
    CHECK(wall().cards.size() == 2);
    CHECK_FALSE(wall().canNext);
    h.click("##wall-next");  // nothing after the last page
    CHECK(wall().position == "Cards 16-17 of 17");
    h.press(ImGuiKey_PageUp);
    CHECK(wall().position == "Cards 13-15 of 17");
    CHECK(cardsSeen == 8);

    // Every page, as the room's own display draws it: large type, and the merged card as "×3".
    h.ui().setSurfaces(ui::Surfaces::Room);
    while (wall().canBack) h.apply(core::TurnWallPage{-1});
    for (int page = 0; page < 6; ++page) {
        const auto texts = recorded(h);
        REQUIRE_FALSE(texts.empty());
        CHECK(drew(texts, wall().position));
        for (const auto& c : wall().cards) {
            INFO(c.text);
            CHECK(drew(texts, c.text));
            if (c.copies == 3) sawMerged = drew(texts, "×3");
        }
        for (const auto& t : texts) {
            INFO(t.text);
            CHECK(capHeight(t.font) >= 24.0f);
        }
        h.apply(core::TurnWallPage{1});
    }
    CHECK(sawMerged);

    // Grouping and tagging follow on the console; the room keeps the wall.
    h.ui().setSurfaces(ui::Surfaces::Console);
    h.click("##wall-tools");
    CHECK_FALSE(wall().console);
    CHECK(wall().enabled);
    CHECK(h.visible("##people-typed"));
    h.ui().setSurfaces(ui::Surfaces::Room);
    CHECK(drew(recorded(h), wall().position));
}

TEST_CASE("a set's board has no wall: its members group their own cards at once", "[ui][wall]") {
    test::KioskHarness h;
    h.apply(core::StartSession{"action-learning-set", {}});
    REQUIRE(h.screen() == core::Screen::Runner);
    CHECK_FALSE(h.machine().plan().tmpl().board.wall);
    for (const char* id : {"round", "team-time", "peer-support-group"}) {
        const auto* t = test::shippedTemplates().find(id);
        REQUIRE(t != nullptr);
        INFO(id);
        CHECK(t->board.wall);
    }
}

TEST_CASE("the console's head count takes a typed number, Enter to set, and refuses one out of range",
          "[ui][runner][attendance]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.click("##runner-people-more");
    CHECK(h.view().runner.contributions.attendance == 1);
    h.click("##runner-people-typed");
    h.type("63");
    CHECK(h.view().runner.contributions.attendance == 1);  // nothing is sent digit by digit
    h.type("n");  // typing: the runner's own keys stay off (N would move to the next stage)
    const int stage = h.machine().currentIndex();
    h.press(ImGuiKey_Enter);
    CHECK(h.view().runner.contributions.attendance == 63);
    CHECK(h.machine().currentIndex() == stage);
    // 900 is refused with a message, and the count stays as it was.
    h.click("##runner-people-typed");
    h.type("900");
    h.press(ImGuiKey_Enter);
    CHECK(h.view().runner.contributions.attendance == 63);
    h.click("##runner-people-more");
    CHECK(h.view().runner.contributions.attendance == 64);
}

TEST_CASE("'Press Tab to start typing' shows only after a physical key, never for touch alone",
          "[ui][meetings][keyboard]") {
    test::KioskHarness h;
    h.apply(core::StartSession{"action-learning-set-90", {}});
    REQUIRE(h.screen() == core::Screen::Runner);
    h.apply(core::SessionCommand{core::SessionOp::Start});
    for (int i = 0; i < 20 && !h.view().runner.meeting.commitment; ++i)
        h.apply(core::SessionCommand{core::SessionOp::Next});
    REQUIRE(h.view().runner.meeting.commitment);
    const auto hint = [&] { return h.ui().runner().meeting().tabHintShown(); };
    h.frames(2);
    CHECK_FALSE(h.ui().keyboardSeen());  // start-up: nothing pressed yet
    CHECK_FALSE(hint());
    h.click("##due-week");  // a touch: still no keyboard
    CHECK_FALSE(hint());
    h.press(ImGuiKey_Home);  // a physical key that does nothing here
    h.frame();
    CHECK(h.ui().keyboardSeen());
    CHECK(hint());
    h.press(ImGuiKey_Tab);  // the box has the keyboard now: the hint has done its job
    h.frame();
    CHECK_FALSE(hint());
    h.press(ImGuiKey_Escape);
    h.click("##due-2weeks");  // back to touch: the hint goes again
    h.frame();
    CHECK_FALSE(h.ui().keyboardSeen());
    CHECK_FALSE(hint());
}

TEST_CASE("no field a screen draws holds a format code", "[ui][strings][formats]") {
    const auto& strings = test::shippedStrings();
    const std::vector<std::string> codes = {"round",        "team-time",   "action-learning",
                                            "peer-support", "supervision", "custom"};
    const auto isCode = [&](const std::string& s) { return std::find(codes.begin(), codes.end(), s) != codes.end(); };
    // The printed reports name formats in English; they must say what the screens say, and never the code.
    for (const auto& code : codes) {
        INFO(code);
        CHECK(core::formatDisplayName(code) == strings.get(core::formatNameKey(code)));
        CHECK_FALSE(isCode(strings.get(core::formatNameKey(code))));
    }
    test::KioskHarness k;
    core::DemoOptions options;
    options.sessions = 120;
    options.seed = 7;
    options.endWallMs = k.clock.wallNow() - 24LL * 3600 * 1000;
    REQUIRE(core::generateDemoData(k.db(), k.app().codebook(), options));
    REQUIRE(k.pins().setPin(core::Role::Lead, "4826"));
    k.type("l");
    REQUIRE(k.view().pads.leadOpen);
    k.type("4826");
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Dashboard);
    const auto& d = [&]() -> const core::DashboardView& { return k.view().dashboard; };
    // The review opens on one format (Rounds, Team Time and sets are not mixed in one share): by its name.
    CHECK_FALSE(d().formatName.empty());
    CHECK_FALSE(isCode(d().formatName));
    REQUIRE_FALSE(d().formats.empty());
    // Every format the filter offers, as the lead steps through them: its name, never its code.
    for (std::size_t i = 0; i < d().formats.size(); ++i) {
        k.type("f");
        INFO(d().formatName);
        CHECK_FALSE(d().formatName.empty());
        CHECK_FALSE(isCode(d().formatName));
    }
    k.apply(core::SetDashboardFilter{core::PeriodKind::Year, std::nullopt, std::nullopt, std::nullopt});
    k.apply(core::ShowDashboardPanel{core::DashboardPanel::Timing});
    REQUIRE_FALSE(d().timing.empty());
    for (const auto& row : d().timing) {
        INFO(row.format << " shows as " << row.formatName);
        CHECK_FALSE(row.formatName.empty());
        CHECK_FALSE(isCode(row.formatName));
    }
    k.frames(2);
    k.apply(core::ShowDashboardPanel{core::DashboardPanel::Search});
    k.apply(core::DashboardSearch{"family"});
    REQUIRE_FALSE(d().hits.empty());
    for (const auto& hit : d().hits) {
        INFO(hit.format << " shows as " << hit.formatName);
        CHECK_FALSE(hit.formatName.empty());
        CHECK_FALSE(isCode(hit.formatName));
    }
    k.frames(2);
}
