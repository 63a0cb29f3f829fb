// Session plans: labels, clamping, shared-out time and the stored snapshot.
#include <catch2/catch.hpp>

#include "core/session/session_plan.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

TEST_CASE("repeat labels number or letter their instances", "[plan]") {
    core::RepeatDef numbers{"panel", "Panellist {n}", 3, 2, 4, false};
    core::RepeatDef letters{"presenter", "Presenter {letter}", 2, 1, 8, true};
    CHECK(numbers.labelFor(0) == "Panellist 1");
    CHECK(letters.labelFor(1) == "Presenter B");
    CHECK(letters.labelFor(26) == "Presenter AA");
}

TEST_CASE("stage minutes chosen at set-up stay inside the template's range", "[plan]") {
    core::PlanChoices choices;
    choices.stageMinutes["story"] = 30;  // the Round allows 5 to 7
    const auto plan = core::SessionPlan::build(test::roundTemplate(), choices);
    for (const auto& s : plan.stages())
        if (s.key == "story") CHECK(s.plannedMs == 7 * 60'000);
}

TEST_CASE("the plan round-trips through its stored JSON unchanged", "[plan]") {
    core::PlanChoices choices;
    choices.title = "When things go wrong — “quotes” and ünïcode";
    choices.repeatCounts["panel"] = 4;
    choices.stageMinutes["discussion"] = 25;
    const auto plan = core::SessionPlan::build(test::roundTemplate(), choices);
    auto back = core::SessionPlan::fromJson(plan.toJson());
    REQUIRE(back);
    CHECK(back->choices() == plan.choices());
    REQUIRE(back->stages().size() == plan.stages().size());
    for (std::size_t i = 0; i < plan.stages().size(); ++i) {
        CHECK(back->stages()[i].name == plan.stages()[i].name);
        CHECK(back->stages()[i].plannedMs == plan.stages()[i].plannedMs);
        CHECK(back->stages()[i].flags == plan.stages()[i].flags);
    }
    CHECK_FALSE(core::SessionPlan::fromJson("not json"));
    CHECK_FALSE(core::SessionPlan::fromJson(R"({"version":2})"));
}

TEST_CASE("a set's presenter blocks share out what the session has left", "[plan]") {
    const auto* set = test::shippedTemplates().find("action-learning-set");
    REQUIRE(set);
    for (int presenters : {1, 2, 4}) {
        core::PlanChoices choices;
        choices.repeatCounts["presenter"] = presenters;
        const auto plan = core::SessionPlan::build(*set, choices);
        // Within a minute of the stated length, whatever the number of presenters.
        CHECK(std::llabs(plan.totalPlannedMs() - static_cast<std::int64_t>(*set->minutes * 60'000)) <= 60'000);
    }
}
