// The paper tally on the console: a Round of 60 typed by keyboard alone and saved (the keystrokes are counted and
// printed), Esc asking before anything typed is thrown away, and home's way in behind the facilitator PIN.
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/evaluation/paper_tally.hpp"
#include "support/kiosk_harness.hpp"

using namespace reflect;

namespace {

/// Runs a Round from start to end; the kiosk shows its summary.
std::int64_t endRound(test::KioskHarness& k) {
    k.apply(core::StartSession{"round", {}});
    REQUIRE(k.sessions().active());
    const auto id = k.sessions().activeId();
    k.apply(core::SessionCommand{core::SessionOp::Start});
    k.clock.advanceSeconds(3600);
    k.apply(core::SessionCommand{core::SessionOp::End});
    REQUIRE(k.screen() == core::Screen::Summary);
    k.frame();
    return id;
}

/// The Round of 60 as the forms say, every field in Tab order: head count, forms, overall, each statement's five
/// answers, come again yes and no, the four staff groups.
std::vector<int> roundOfSixtyFields(std::size_t statements) {
    std::vector<int> f = {60, 57, 0, 2, 11, 26, 17};
    const int spread[][5] = {{0, 2, 9, 27, 18}, {1, 1, 8, 26, 20}, {0, 3, 12, 25, 15}, {2, 4, 13, 22, 14}};
    for (std::size_t i = 0; i < statements; ++i) f.insert(f.end(), spread[i % 4], spread[i % 4] + 5);
    f.insert(f.end(), {50, 4, 29, 15, 9, 3});
    return f;
}

int keystrokesFor(int value) {
    return value == 0 ? 0 : static_cast<int>(std::to_string(value).size());  // a 0 is already there: just Tab
}

}  // namespace

TEST_CASE("a Round of 60's paper tally is typed by keyboard alone and saved", "[ui][tally]") {
    test::KioskHarness k;
    const auto session = endRound(k);
    const std::size_t statements = test::roundTemplate().evaluationStatements.size();
    REQUIRE(statements == 8);  // the shipped Round template's statements
    k.type("f");
    REQUIRE(k.screen() == core::Screen::Tally);
    k.frames(2);
    REQUIRE(k.view().tally.statements.size() == statements);

    const auto fields = roundOfSixtyFields(statements);
    int keystrokes = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] != 0) k.type(std::to_string(fields[i]));
        keystrokes += keystrokesFor(fields[i]);
        if (i + 1 < fields.size()) {
            k.press(ImGuiKey_Tab);
            ++keystrokes;
        }
    }
    k.frame();
    const core::PaperTally& typed = k.view().tally.tally;
    CHECK(typed.headCount == 60);
    CHECK(typed.forms == 57);
    CHECK(typed.overall == core::AnswerCounts{0, 2, 11, 26, 17});
    CHECK(typed.statements[3] == core::AnswerCounts{2, 4, 13, 22, 14});
    CHECK(typed.comeAgainYes == 50);
    CHECK(typed.staffGroups == std::array<int, 4>{29, 15, 9, 3});
    CHECK(k.view().tally.issues.empty());

    // A slip, seen beside the row and fixed by going back with Shift+Tab: Student typed as 90 instead of 9.
    const auto shiftTab = [&] {
        ImGui::GetIO().KeyShift = true;
        k.press(ImGuiKey_Tab);
        ImGui::GetIO().KeyShift = false;
    };
    shiftTab();
    k.type("90");
    k.frame();
    REQUIRE(k.view().tally.issues.size() == 1);
    CHECK(k.view().tally.issues[0].message ==
          "Staff groups: 137 answers, but only 57 forms. Check the counts on this row.");
    k.press(ImGuiKey_Enter);  // refused: the mistake is still there
    CHECK(k.screen() == core::Screen::Tally);
    CHECK(k.meetings().evaluations().count(session) == 0);
    CHECK(k.view().tally.saveMessage == "1 row needs a change before the counts can be saved.");
    // Enter left the field; a tap puts the keyboard back in it with its number selected, so typing replaces it.
    k.click("##tally-cell-" + std::to_string(2 + 5 + 5 * statements + 2 + 2));
    k.type("9");
    k.frame();
    CHECK(k.view().tally.issues.empty());
    k.press(ImGuiKey_Enter);
    keystrokes += 1;
    REQUIRE(k.screen() == core::Screen::Summary);
    CHECK(k.view().message == "Paper forms saved: 57 forms for Schwartz Round.");

    CHECK(k.meetings().evaluations().count(session) == 57);
    const auto tally = k.meetings().evaluations().tally(session);
    CHECK(tally.overall == std::array<int, 5>{0, 2, 11, 26, 17});
    CHECK(tally.comeAgainYes == 50);
    CHECK(tally.comeAgainNo == 4);
    auto st = k.db().prepare(
        "SELECT n1, n2, n3, n4, n5 FROM evaluation_tally WHERE session_id = ? AND "
        "statement_index = 3");
    st.bind(1, session);
    REQUIRE(st.step());
    for (int v = 0; v < 5; ++v) CHECK(st.columnInt(v) == fields[7 + 3 * 5 + static_cast<std::size_t>(v)]);

    const int numberFields = static_cast<int>(fields.size());
    std::printf(
        "Paper tally, Round of 60 (%zu statements): %d fields, %d keystrokes by keyboard alone; at 1 s a "
        "field about %d s\n",
        statements, numberFields, keystrokes, numberFields);
    CHECK(keystrokes < 200);
}

TEST_CASE("Esc on the tally asks before throwing away what was typed", "[ui][tally]") {
    test::KioskHarness k;
    const auto session = endRound(k);
    k.click("##summary-tally");
    REQUIRE(k.screen() == core::Screen::Tally);
    // Nothing typed yet: Esc simply leaves.
    k.press(ImGuiKey_Escape);
    REQUIRE(k.screen() == core::Screen::Summary);
    k.click("##summary-tally");
    REQUIRE(k.screen() == core::Screen::Tally);
    k.frames(2);  // the keyboard is in the head count field from the second frame
    k.type("40");
    CHECK(k.view().tally.tally.headCount == 40);
    k.press(ImGuiKey_Tab);
    k.press(ImGuiKey_Escape);
    CHECK(k.screen() == core::Screen::Tally);
    CHECK(k.ui().tally().confirmingDiscard());
    CHECK(k.visible("##tally-keep"));
    k.press(ImGuiKey_Escape);  // keep typing
    CHECK_FALSE(k.ui().tally().confirmingDiscard());
    CHECK(k.view().tally.tally.headCount == 40);
    k.press(ImGuiKey_Escape);
    k.click("##tally-discard");
    CHECK(k.screen() == core::Screen::Summary);
    CHECK(k.meetings().evaluations().count(session) == 0);
}

TEST_CASE("home offers the tally of recent sessions behind the facilitator PIN, and One more works by touch",
          "[ui][tally]") {
    test::KioskHarness k;
    const auto session = endRound(k);
    k.apply(core::FinishSummary{});
    REQUIRE(k.pins().setPin(core::Role::Facilitator, "2468"));
    k.frame();
    REQUIRE(k.view().home.paperTallies.size() == 1);
    CHECK(k.view().home.paperTallies[0].id == session);
    k.click("##home-tally-0");
    CHECK(k.screen() == core::Screen::Home);
    CHECK(k.view().pads.tallyOpen);
    k.apply(core::SubmitTallyPin{"1111"});
    CHECK(k.screen() == core::Screen::Home);
    CHECK_FALSE(k.view().pads.tallyMessage.empty());
    k.apply(core::SubmitTallyPin{"2468"});
    REQUIRE(k.screen() == core::Screen::Tally);
    k.frame();
    // Touch: tap a field, then One more; the head count was never recorded, so that is the first mistake shown.
    CHECK(k.view().tally.issues.size() == 1);
    k.click("##tally-cell-1");
    for (int i = 0; i < 3; ++i) k.click("##tally-more");
    k.click("##tally-less");
    k.frame();
    CHECK(k.view().tally.tally.forms == 2);

    // Fifteen days on, the session has left home's list.
    k.apply(core::CancelPaperTally{});
    k.frame();
    k.clock.advanceSeconds(15 * 24 * 3600);
    k.apply(core::GoHome{});
    CHECK(k.view().home.paperTallies.empty());
}
