// The meeting screens driven like a person would: presenters set during bids, actions marked at check-in, the
// evaluation form filled in turn and reset after each person, the principles checklist saved and compared.
#include <catch2/catch.hpp>

#include "support/kiosk_harness.hpp"

using namespace reflect;
using core::SessionOp;

namespace {
std::int64_t newGroup(test::KioskHarness& k, const std::string& name) {
    k.apply(core::CreateGroup{name, "action-learning", 6});
    REQUIRE(k.view().setup.createdGroup);
    return *k.view().setup.createdGroup;
}
}  // namespace

TEST_CASE("bids: the presenter buttons and keys expand and shrink the timeline", "[ui][meetings]") {
    test::KioskHarness k;
    const auto group = newGroup(k, "Set");
    k.apply(core::StartSession{"action-learning-set-90", {}, group});
    while (!k.machine().currentStage().flags.bids && k.machine().canApply(SessionOp::Next))
        k.apply(core::SessionCommand{SessionOp::Next});
    REQUIRE(k.machine().currentStage().flags.bids);
    const int two = k.machine().stageCount();
    k.click("##presenters-more");
    CHECK(k.machine().stageCount() == two + 5);
    k.click("##presenters-more");  // three is this template's most: the button is off
    CHECK(k.machine().stageCount() == two + 5);
    k.type("f");
    CHECK(k.machine().stageCount() == two);
    k.type("f");
    CHECK(k.machine().stageCount() == two - 5);
    k.type("f");  // one is the least
    CHECK(k.machine().stageCount() == two - 5);
}

TEST_CASE("check-in: each action is marked on screen before the stage can be left", "[ui][meetings]") {
    test::KioskHarness k;
    const auto group = newGroup(k, "Set");
    k.apply(core::StartSession{"action-learning-set-90", {}, group});
    k.apply(core::AddAction{"Shadow the night team", "Presenter A", std::nullopt});
    k.apply(core::AddAction{"Book the room", "The set", std::nullopt});
    k.apply(core::SessionCommand{SessionOp::End});
    k.apply(core::FinishSummary{});
    k.apply(core::StartSession{"action-learning-set-90", {}, group});
    k.click("##next");  // re-contracting, then the check-in
    REQUIRE(k.machine().currentStage().flags.actionsReview);
    k.click("##next");
    CHECK(k.machine().currentIndex() == 1);
    CHECK_FALSE(k.controller().message().empty());
    k.type("d");  // the first still to mark
    k.click("##act-carry-1");
    CHECK(k.meetings().actions().awaitingReview(group, k.sessions().activeId()).empty());
    k.click("##next");
    CHECK(k.machine().currentIndex() == 2);
    CHECK(k.meetings().actions().openForGroup(group).size() == 1);

    // The closing stage takes a head count.
    while (k.machine().canApply(SessionOp::Next)) k.apply(core::SessionCommand{SessionOp::Next});
    auto here = [&] { return k.meetings().groups().attendance(k.sessions().activeId()).value_or(-1); };
    k.click("##attendance-more");
    CHECK(here() == 1);
    k.type("]]]]");
    CHECK(here() == 5);
    k.click("##attendance-fewer");
    CHECK(here() == 4);
}

TEST_CASE("the evaluation form stores one anonymous answer per person and resets for the next",
          "[ui][meetings][evaluation]") {
    test::KioskHarness k;
    k.apply(core::StartSession{"walk-up-team-time", {}});
    while (!k.machine().currentStage().flags.evaluation && k.machine().canApply(SessionOp::Next))
        k.apply(core::SessionCommand{SessionOp::Next});
    REQUIRE(k.machine().currentStage().flags.evaluation);
    const auto session = k.sessions().activeId();
    k.click("##eval-overall-4");
    k.type("5");  // digits answer the first statement still open
    k.type("2");
    k.type("4444");  // all six answered: the form scrolls on to the staff group and the rest
    k.click("##eval-group-0");
    k.click("##eval-again-yes");
    k.press(ImGuiKey_Enter);  // the send button is further down the scrolling form; Enter sends from anywhere
    REQUIRE(k.meetings().evaluations().count(session) == 1);
    const auto stored = k.meetings().evaluations().shuffled(session).front();
    CHECK(stored.overall == 4);
    CHECK(stored.statements[0] == 5);
    CHECK(stored.statements[1] == 2);
    CHECK(stored.statements[5] == 4);
    CHECK(k.meetings().evaluations().staffGroupCounts(session) == std::map<std::string, int>{{"clinical", 1}});
    CHECK(stored.comeAgain == true);

    // The thank-you, then an empty form for the next person: nothing of the last answers is left on screen.
    CHECK_FALSE(k.visible("##eval-submit"));
    k.clock.advanceSeconds(6);
    REQUIRE(k.visible("##eval-submit"));
    k.press(ImGuiKey_Enter);  // no overall rating chosen yet: nothing is sent
    CHECK(k.meetings().evaluations().count(session) == 1);
    k.type("3");
    k.press(ImGuiKey_Enter);
    CHECK(k.meetings().evaluations().count(session) == 2);
}

TEST_CASE("the principles checklist is rated, saved and shown against the last check", "[ui][meetings][checklist]") {
    test::KioskHarness k;
    const auto group = newGroup(k, "Peer support circle");
    k.apply(core::FinishSummary{});  // home
    k.type("c");
    REQUIRE(k.screen() == core::Screen::Checklist);
    k.type("1111111");
    k.click("##checklist-save");
    auto history = k.meetings().checklists().history(group);
    REQUIRE(history.size() == 1);
    CHECK(history[0].answers.size() == 7);
    CHECK(history[0].find("safe")->rating == core::PrincipleRating::Met);

    k.press(ImGuiKey_Escape);
    REQUIRE(k.screen() == core::Screen::Home);
    k.clock.advanceSeconds(86400 * 30);
    k.click("##group-checklist-0");
    REQUIRE(k.screen() == core::Screen::Checklist);
    k.type("2");  // mutuality: partly this time
    k.type("111111");
    k.press(ImGuiKey_Enter);
    history = k.meetings().checklists().history(group);
    REQUIRE(history.size() == 2);
    const auto changes = core::compareChecklists(&history[1], history[0]);
    for (const auto& c : changes) CHECK(c.direction == (c.principle == "mutuality" ? -1 : 0));
}
