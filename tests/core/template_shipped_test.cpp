// The shipped formats as practice runs them: lengths add up, a Round's discussion is its heart, sets flag their parts.
#include <algorithm>
#include <cstdlib>

#include <catch2/catch.hpp>

#include "core/session/session_plan.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

namespace {
const core::SessionTemplate& shipped(const std::string& id) {
    const auto* t = test::shippedTemplates().find(id);
    if (!t) throw std::runtime_error("no shipped template " + id);
    return *t;
}

core::SessionPlan planWith(const core::SessionTemplate& t, int count) {
    core::PlanChoices choices;
    for (const auto& rep : t.repeats) choices.repeatCounts[rep.key] = count;
    return core::SessionPlan::build(t, choices);
}

const core::PlannedStage* longest(const core::SessionPlan& plan) {
    const auto it = std::max_element(plan.stages().begin(), plan.stages().end(),
                                     [](const auto& a, const auto& b) { return a.plannedMs < b.plannedMs; });
    return it == plan.stages().end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("each shipped template's planned minutes add up to its stated length", "[templates][shipped]") {
    const auto& set = test::shippedTemplates();
    for (const auto& issue : set.issues) FAIL(issue.toString());
    REQUIRE(set.templates.size() >= 6);
    for (const auto& t : set.templates) {
        INFO(t.sourceFile);
        REQUIRE(t.minutes);
        const auto plan = core::SessionPlan::build(t, {});
        CHECK(std::llabs(plan.totalPlannedMs() - static_cast<std::int64_t>(*t.minutes * 60'000)) <= 60'000);
        // The length the set-up card and `templates check` print is the length that runs.
        CHECK(t.defaultMinutes() == Approx(*t.minutes).margin(1));
    }
}

TEST_CASE("a Round's open discussion is the heart of the hour with 2, 3 or 4 panellists",
          "[templates][shipped][round]") {
    const auto& round = shipped("round");
    for (int panel : {2, 3, 4}) {
        INFO(panel << " panellists");
        const auto plan = planWith(round, panel);
        CHECK(std::llabs(plan.totalPlannedMs() - 60 * 60'000) <= 60'000);
        REQUIRE(longest(plan));
        CHECK(longest(plan)->key == "discussion");
        std::int64_t stories = 0;
        for (const auto& s : plan.stages())
            if (s.repeatKey == "panel") stories += s.plannedMs;
        CHECK(stories >= 10 * 60'000);
        CHECK(stories <= 20 * 60'000);
        if (panel == 3) {
            CHECK(stories >= 15 * 60'000);
            CHECK(longest(plan)->plannedMs >= 35 * 60'000);
        }
        // The panel has the last word just before the close.
        REQUIRE(plan.stages().size() >= 2);
        CHECK(plan.stages()[plan.stages().size() - 2].key == "last-word");
    }
    // The evaluation happens after the hour, on paper or phones: statements kept, no stage inside the hour.
    CHECK(round.evaluationStatements.size() == 8);
    for (const auto& s : round.stages) CHECK_FALSE(s.flags.evaluation);
}

TEST_CASE("Team Time keeps evaluation statements like a Round", "[templates][shipped]") {
    const auto& teamTime = shipped("team-time");
    CHECK(teamTime.evaluationStatements.size() >= 5);
    const auto plan = core::SessionPlan::build(teamTime, {});
    CHECK(plan.totalPlannedMs() == 45 * 60'000);
    CHECK(longest(plan)->key == "discussion");
}

TEST_CASE("a set re-contracts first, takes bids, breaks between presenters and closes with the next date",
          "[templates][shipped][set]") {
    for (const std::string id : {"action-learning-set", "action-learning-set-90"}) {
        INFO(id);
        const auto plan = planWith(shipped(id), 2);
        const auto& stages = plan.stages();
        REQUIRE(stages.size() > 6);
        CHECK(stages.front().key == "re-contracting");
        CHECK(std::count_if(stages.begin(), stages.end(), [](const auto& s) { return s.flags.bids; }) == 1);
        CHECK(std::count_if(stages.begin(), stages.end(), [](const auto& s) { return s.flags.commitment; }) == 2);
        CHECK(stages.back().flags.nextMeeting);
        const auto pause = std::find_if(stages.begin(), stages.end(), [](const auto& s) { return s.flags.isBreak; });
        REQUIRE(pause != stages.end());
        REQUIRE(pause + 1 != stages.end());
        CHECK((pause - 1)->repeatIndex == 0);
        CHECK((pause + 1)->repeatIndex == 1);
        // A presenter's slot keeps strict time on the room screen.
        for (const auto& s : stages)
            if (!s.repeatKey.empty()) CHECK(s.flags.roomTimer == core::RoomTimer::Large);
    }
}

TEST_CASE("groups that share feelings never vote and reveal only with five in the room",
          "[templates][shipped][board]") {
    for (const auto& t : test::shippedTemplates().templates) {
        INFO(t.sourceFile);
        CHECK(t.board.revealMinContributions >= core::kRevealMinContributionsFloor);
        CHECK(t.board.revealMinPresent >= core::revealMinPresentFloor(t.format));
        if (t.format == "action-learning") continue;
        CHECK_FALSE(t.board.votes);
        CHECK(t.board.revealMinPresent >= 5);
        // Stories and discussion are not raced against a big countdown.
        for (const auto& s : t.stages)
            if (s.repeat.size() > 0 || s.flags.acceptsContributions)
                CHECK(s.flags.roomTimer == core::RoomTimer::Hidden);
    }
}
