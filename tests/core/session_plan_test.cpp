// Session plans: labels, clamping, shared-out time and the stored snapshot.
#include <algorithm>
#include <limits>
#include <map>

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

namespace {
const core::SessionTemplate& shipped(const std::string& id) {
    const auto* t = test::shippedTemplates().find(id);
    if (!t) throw std::runtime_error("no shipped template " + id);
    return *t;
}

/// Planned milliseconds of every stage of one presenter's block.
double blockMs(const core::SessionPlan& plan, int instance) {
    std::int64_t total = 0;
    for (const auto& s : plan.stages())
        if (s.repeatKey == "presenter" && s.repeatIndex == instance) total += s.plannedMs;
    return static_cast<double>(total);
}

std::vector<std::string> keysOf(const core::SessionPlan& plan) {
    std::vector<std::string> out;
    for (const auto& s : plan.stages())
        out.push_back(s.repeatIndex >= 0 ? s.key + std::to_string(s.repeatIndex) : s.key);
    return out;
}
}  // namespace

TEST_CASE("bids share a set's time by the minutes each presenter asked for", "[plan][bids]") {
    const auto& set = shipped("action-learning-set");
    core::PlanChoices choices;
    choices.repeatCounts["presenter"] = 2;
    const auto equal = core::SessionPlan::build(set, choices);
    choices.repeatWeights["presenter"] = {20, 40};
    const auto weighted = core::SessionPlan::build(set, choices);
    // B asked for twice as long as A and gets twice the time; together they keep what the equal split had.
    CHECK(blockMs(weighted, 1) == Approx(2.0 * blockMs(weighted, 0)).epsilon(0.01));
    CHECK(blockMs(weighted, 0) + blockMs(weighted, 1) == Approx(blockMs(equal, 0) + blockMs(equal, 1)).margin(5'000));
    CHECK(blockMs(equal, 0) == blockMs(equal, 1));
    CHECK(std::llabs(weighted.totalPlannedMs() - 180 * 60'000) <= 60'000);
    // Each stage of a block keeps its share of the block: open questions stay twice the issue.
    std::map<std::string, double> presenterB;
    for (const auto& s : weighted.stages())
        if (s.repeatIndex == 1) presenterB[s.key] = static_cast<double>(s.plannedMs);
    CHECK(presenterB["open-questions"] == Approx(2.0 * presenterB["issue"]).epsilon(0.01));
}

TEST_CASE("a presenter who gave no minutes counts as an average bid", "[plan][bids]") {
    const auto& set = shipped("action-learning-set");
    core::PlanChoices choices;
    choices.repeatCounts["presenter"] = 3;
    choices.repeatWeights["presenter"] = {10, 30};  // C gave none: counts as 20
    const auto plan = core::SessionPlan::build(set, choices);
    CHECK(blockMs(plan, 1) == Approx(3.0 * blockMs(plan, 0)).epsilon(0.01));
    CHECK(blockMs(plan, 2) == Approx(2.0 * blockMs(plan, 0)).epsilon(0.01));
    choices.repeatWeights["presenter"] = {
        -5, 0, std::numeric_limits<double>::infinity()};  // nonsense everywhere: an equal split
    const auto fallback = core::SessionPlan::build(set, choices);
    CHECK(blockMs(fallback, 0) == blockMs(fallback, 2));
    // The stored plan stays readable: no inf or NaN reaches the JSON.
    const auto stored = core::SessionPlan::fromJson(fallback.toJson());
    REQUIRE(stored);
    CHECK(stored->totalPlannedMs() == fallback.totalPlannedMs());
    CHECK(std::llabs(fallback.totalPlannedMs() - 180 * 60'000) <= 60'000);
}

TEST_CASE("weights on a block that does not share out time move minutes between instances only", "[plan][bids]") {
    core::PlanChoices choices;
    choices.repeatWeights["panel"] = {1, 1, 2};
    const auto plan = core::SessionPlan::build(test::roundTemplate(), choices);
    const auto plain = core::SessionPlan::build(test::roundTemplate(), {});
    CHECK(std::llabs(plan.totalPlannedMs() - plain.totalPlannedMs()) <= 2'000);
    std::vector<std::int64_t> stories;
    for (const auto& s : plan.stages())
        if (s.repeatKey == "panel") stories.push_back(s.plannedMs);
    REQUIRE(stories.size() == 3);
    CHECK(stories[2] == 2 * stories[0]);
}

TEST_CASE("a set's break sits between presenters and can be moved", "[plan][break]") {
    const auto& set = shipped("action-learning-set");
    const std::vector<std::string> block = {"issue", "clarifying", "open-questions", "reflection", "action"};
    const auto position = [](const std::vector<std::string>& keys, const std::string& key) {
        return std::find(keys.begin(), keys.end(), key) - keys.begin();
    };
    core::PlanChoices choices;
    choices.repeatCounts["presenter"] = 2;
    auto keys = keysOf(core::SessionPlan::build(set, choices));
    CHECK(position(keys, "break") == position(keys, "action0") + 1);
    CHECK(position(keys, "issue1") == position(keys, "break") + 1);
    CHECK(std::count(keys.begin(), keys.end(), "break") == 1);

    choices.repeatCounts["presenter"] = 3;
    keys = keysOf(core::SessionPlan::build(set, choices));
    CHECK(position(keys, "break") == position(keys, "action1") + 1);  // half way, rounded up
    choices.breakAfter["break"] = 1;
    keys = keysOf(core::SessionPlan::build(set, choices));
    CHECK(position(keys, "break") == position(keys, "action0") + 1);
    choices.breakAfter["break"] = 9;  // past the last presenter: after the block
    keys = keysOf(core::SessionPlan::build(set, choices));
    CHECK(position(keys, "break") == position(keys, "action2") + 1);
    CHECK(position(keys, "process-review") == position(keys, "break") + 1);

    choices.repeatCounts["presenter"] = 1;
    choices.breakAfter.clear();
    keys = keysOf(core::SessionPlan::build(set, choices));
    CHECK(position(keys, "break") == position(keys, "action0") + 1);
}

TEST_CASE("a Round's discussion takes what the panel leaves of the hour", "[plan][round]") {
    for (const auto& [panel, discussion] : std::vector<std::pair<int, int>>{{2, 41}, {3, 36}, {4, 31}}) {
        INFO(panel << " panellists");
        core::PlanChoices choices;
        choices.repeatCounts["panel"] = panel;
        const auto plan = core::SessionPlan::build(test::roundTemplate(), choices);
        CHECK(plan.totalPlannedMs() == 60 * 60'000);
        for (const auto& s : plan.stages())
            if (s.key == "discussion") CHECK(s.plannedMs == discussion * 60'000);
    }
    // Minutes the facilitator set by hand win over the share-out, still inside the stage's range.
    core::PlanChoices chosen;
    chosen.stageMinutes["discussion"] = 30;
    const auto chosenPlan = core::SessionPlan::build(test::roundTemplate(), chosen);
    for (const auto& s : chosenPlan.stages())
        if (s.key == "discussion") CHECK(s.plannedMs == 30 * 60'000);
}

TEST_CASE("weights, the break's place, flags and board settings survive the stored JSON", "[plan]") {
    core::PlanChoices choices;
    choices.repeatCounts["presenter"] = 3;
    choices.repeatWeights["presenter"] = {15, 45, 30};
    choices.breakAfter["break"] = 1;
    const auto plan = core::SessionPlan::build(shipped("action-learning-set"), choices);
    auto back = core::SessionPlan::fromJson(plan.toJson());
    REQUIRE(back);
    CHECK(back->choices() == plan.choices());
    CHECK(back->tmpl().board == plan.tmpl().board);
    REQUIRE(back->stages().size() == plan.stages().size());
    for (std::size_t i = 0; i < plan.stages().size(); ++i) {
        INFO(plan.stages()[i].name);
        CHECK(back->stages()[i].key == plan.stages()[i].key);
        CHECK(back->stages()[i].plannedMs == plan.stages()[i].plannedMs);
        CHECK(back->stages()[i].flags == plan.stages()[i].flags);
    }
    // A plan stored before board settings existed reads with the format's floors.
    const std::string old = R"({"version":1,"template":{"id":"r","name":"R","format":"round","repeats":[],
        "stages":[{"key":"a","name":"A","minutes":5}]},"choices":{}})";
    auto legacy = core::SessionPlan::fromJson(old);
    REQUIRE(legacy);
    CHECK(legacy->tmpl().board.revealMinPresent == 5);
    CHECK(legacy->stages().front().flags.roomTimer == core::RoomTimer::Small);
}
