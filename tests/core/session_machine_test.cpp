// The session machine with a manual clock: every transition, pauses across deadlines, overtime, restarts.
#include <cstdlib>

#include <catch2/catch.hpp>

#include "core/clock.hpp"
#include "core/session/session_machine.hpp"
#include "support/fixtures.hpp"

using namespace reflect;
using core::RunState;
using core::SessionOp;

namespace {
core::SessionMachine roundMachine(int panellists = 3) {
    core::PlanChoices choices;
    choices.repeatCounts["panel"] = panellists;
    return core::SessionMachine(core::SessionPlan::build(test::roundTemplate(), choices));
}
constexpr std::int64_t kMin = 60'000;
}  // namespace

TEST_CASE("a Round expands to welcome, one stage per panellist, discussion, the panel's last word and close",
          "[machine]") {
    auto m = roundMachine(3);
    REQUIRE(m.stageCount() == 7);
    CHECK(m.plan().stages()[1].name == "Panellist 1: their story");
    CHECK(m.plan().stages()[3].name == "Panellist 3: their story");
    CHECK(m.plan().stages()[4].key == "discussion");
    CHECK(m.plan().stages()[5].key == "last-word");
    CHECK(m.plan().stages()[6].key == "close");
    CHECK(roundMachine(4).stageCount() == 8);
    CHECK(roundMachine(9).stageCount() == 8);  // clamped to the template's maximum of 4
    CHECK(roundMachine(1).stageCount() == 6);  // and to its minimum of 2
    // The hour holds whatever the panel size: the discussion takes up the difference.
    for (int panel : {2, 3, 4}) CHECK(roundMachine(panel).plan().totalPlannedMs() == 60 * kMin);
}

TEST_CASE("start counts down the first stage from its planned minutes", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    REQUIRE_FALSE(m.apply(SessionOp::Next, clock.steadyNow()));  // nothing before start
    REQUIRE(m.apply(SessionOp::Start, clock.steadyNow()));
    CHECK(m.runState() == RunState::Running);
    CHECK(m.remainingMs(clock.steadyNow()) == m.plan().stages()[0].plannedMs);
    clock.advanceSeconds(59);
    CHECK(m.remainingMs(clock.steadyNow()) == m.plan().stages()[0].plannedMs - 59'000);
    CHECK_FALSE(m.apply(SessionOp::Start, clock.steadyNow()));
}

TEST_CASE("a pause holds the clock, even across the stage's deadline", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    clock.advanceSeconds(60);
    REQUIRE(m.apply(SessionOp::Pause, clock.steadyNow()));
    const auto held = m.remainingMs(clock.steadyNow());
    clock.advanceSeconds(3600);  // far past where the deadline would have been
    CHECK(m.remainingMs(clock.steadyNow()) == held);
    CHECK(m.msUntilNextVisibleChange(clock.steadyNow()) == -1);
    CHECK_FALSE(m.apply(SessionOp::Pause, clock.steadyNow()));
    REQUIRE(m.apply(SessionOp::Resume, clock.steadyNow()));
    clock.advanceSeconds(10);
    CHECK(m.remainingMs(clock.steadyNow()) == held - 10'000);
}

TEST_CASE("overtime counts up and never moves the session on by itself", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    clock.advanceMs(m.allowedMs(0) + 90'000);
    CHECK(m.currentIndex() == 0);
    CHECK(m.remainingMs(clock.steadyNow()) == -90'000);
    CHECK(m.runState() == RunState::Running);
}

TEST_CASE("extending in overtime gives the stage more time from where it is", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    clock.advanceMs(m.allowedMs(0) + 30'000);
    REQUIRE(m.apply(SessionOp::Extend1, clock.steadyNow()));
    CHECK(m.remainingMs(clock.steadyNow()) == 30'000);
    REQUIRE(m.apply(SessionOp::Extend5, clock.steadyNow()));
    CHECK(m.remainingMs(clock.steadyNow()) == 330'000);
    CHECK(m.progress(0).extraMs == 6 * kMin);
}

TEST_CASE("back from the first stage is refused, back later returns to the earlier stage's clock", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    CHECK_FALSE(m.apply(SessionOp::Back, clock.steadyNow()));
    clock.advanceSeconds(100);
    REQUIRE(m.apply(SessionOp::Next, clock.steadyNow()));
    clock.advanceSeconds(20);
    REQUIRE(m.apply(SessionOp::Back, clock.steadyNow()));
    CHECK(m.currentIndex() == 0);
    CHECK(m.elapsedMs(0, clock.steadyNow()) == 100'000);
    CHECK(m.elapsedMs(1, clock.steadyNow()) == 20'000);
    clock.advanceSeconds(5);
    CHECK(m.elapsedMs(0, clock.steadyNow()) == 105'000);
}

TEST_CASE("next from the last stage is refused, end works from there", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    while (m.apply(SessionOp::Next, clock.steadyNow())) clock.advanceSeconds(1);
    CHECK(m.currentIndex() == m.stageCount() - 1);
    CHECK_FALSE(m.canApply(SessionOp::Next));
    REQUIRE(m.apply(SessionOp::End, clock.steadyNow()));
    CHECK(m.runState() == RunState::Ended);
    CHECK_FALSE(m.apply(SessionOp::Resume, clock.steadyNow()));
}

TEST_CASE("ending while paused does not count the paused time", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    clock.advanceSeconds(40);
    m.apply(SessionOp::Pause, clock.steadyNow());
    clock.advanceSeconds(500);
    REQUIRE(m.apply(SessionOp::End, clock.steadyNow()));
    CHECK(m.elapsedMs(0, clock.steadyNow()) == 40'000);
    CHECK(m.msToProjectedFinish(clock.steadyNow()) == 0);
}

TEST_CASE("moving to another stage while paused starts that stage's clock", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    m.apply(SessionOp::Pause, clock.steadyNow());
    REQUIRE(m.apply(SessionOp::Next, clock.steadyNow()));
    CHECK(m.runState() == RunState::Running);
}

TEST_CASE("the projected finish adds what is left now to the plan of every later stage", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    CHECK(m.msToProjectedFinish(clock.steadyNow()) == 60 * kMin);
    clock.advanceMs(m.allowedMs(0) + 2 * kMin);  // two minutes over in the first stage
    CHECK(m.msToProjectedFinish(clock.steadyNow()) == 60 * kMin - m.allowedMs(0));
    m.apply(SessionOp::Next, clock.steadyNow());
    m.apply(SessionOp::Extend5, clock.steadyNow());
    CHECK(m.msToProjectedFinish(clock.steadyNow()) == 60 * kMin - m.plan().stages()[0].plannedMs + 5 * kMin);
}

TEST_CASE("the loop wakes exactly when the shown second changes", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    CHECK(m.msUntilNextVisibleChange(clock.steadyNow()) == 1000);
    clock.advanceMs(250);
    CHECK(m.msUntilNextVisibleChange(clock.steadyNow()) == 750);
    clock.advanceMs(m.allowedMs(0));  // 250 ms into overtime
    CHECK(m.msUntilNextVisibleChange(clock.steadyNow()) == 750);
}

TEST_CASE("a restart resumes the same stage, counting the downtime only if it was running", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine();
    m.apply(SessionOp::Start, clock.steadyNow());
    clock.advanceSeconds(30);
    m.apply(SessionOp::Next, clock.steadyNow());
    clock.advanceSeconds(100);
    const std::string saved = m.stateJson(clock.steadyNow());
    const auto remainingAtSave = m.remainingMs(clock.steadyNow());

    SECTION("running: the 45 s the kiosk was down are gone from the stage") {
        clock.rebootAfterSeconds(45);
        auto restored = core::SessionMachine::restore(m.plan(), saved, clock.steadyNow(), 45'000);
        REQUIRE(restored);
        CHECK(restored->currentIndex() == 1);
        CHECK(restored->runState() == RunState::Running);
        CHECK(restored->remainingMs(clock.steadyNow()) == remainingAtSave - 45'000);
        CHECK(restored->elapsedMs(0, clock.steadyNow()) == 30'000);
    }
    SECTION("paused: the stage keeps the time it had") {
        m.apply(SessionOp::Pause, clock.steadyNow());
        const std::string pausedState = m.stateJson(clock.steadyNow());
        clock.rebootAfterSeconds(600);
        auto restored = core::SessionMachine::restore(m.plan(), pausedState, clock.steadyNow(), 600'000);
        REQUIRE(restored);
        CHECK(restored->runState() == RunState::Paused);
        CHECK(restored->remainingMs(clock.steadyNow()) == remainingAtSave);
    }
    SECTION("a damaged state is refused with a message, not a crash") {
        CHECK_FALSE(core::SessionMachine::restore(m.plan(), "{\"run\":", clock.steadyNow(), 0));
        CHECK_FALSE(core::SessionMachine::restore(m.plan(), R"({"run":"running","current":99,"stages":[]})",
                                                  clock.steadyNow(), 0));
    }
}

TEST_CASE("replanning keeps the progress of stages that remain", "[machine]") {
    core::ManualClock clock;
    auto m = roundMachine(2);
    m.apply(SessionOp::Start, clock.steadyNow());
    clock.advanceSeconds(50);
    m.apply(SessionOp::Next, clock.steadyNow());
    clock.advanceSeconds(20);
    core::PlanChoices more;
    more.repeatCounts["panel"] = 4;
    REQUIRE(m.replan(core::SessionPlan::build(test::roundTemplate(), more), clock.steadyNow()));
    CHECK(m.stageCount() == 8);
    CHECK(m.currentIndex() == 1);
    CHECK(m.elapsedMs(0, clock.steadyNow()) == 50'000);
    CHECK(m.elapsedMs(1, clock.steadyNow()) == 20'000);
}

TEST_CASE("bids replan a set live: time follows the minutes asked and the break stays between presenters",
          "[machine][bids]") {
    const auto* set = test::shippedTemplates().find("action-learning-set");
    REQUIRE(set);
    core::ManualClock clock;
    core::SessionMachine m(core::SessionPlan::build(*set, {}));
    m.apply(SessionOp::Start, clock.steadyNow());
    while (!m.currentStage().flags.bids) REQUIRE(m.apply(SessionOp::Next, clock.steadyNow()));
    const int bidsAt = m.currentIndex();
    clock.advanceSeconds(90);

    core::PlanChoices bids;
    bids.repeatCounts["presenter"] = 3;
    bids.repeatWeights["presenter"] = {20, 40, 20};
    REQUIRE(m.replan(core::SessionPlan::build(*set, bids), clock.steadyNow()));
    CHECK(m.currentIndex() == bidsAt);
    CHECK(m.elapsedMs(bidsAt, clock.steadyNow()) == 90'000);
    std::int64_t a = 0, b = 0;
    int breakAt = -1, lastOfB = -1;
    for (int i = 0; i < m.stageCount(); ++i) {
        const auto& s = m.plan().stages()[static_cast<std::size_t>(i)];
        if (s.repeatIndex == 0) a += s.plannedMs;
        if (s.repeatIndex == 1) {
            b += s.plannedMs;
            lastOfB = i;
        }
        if (s.flags.isBreak) breakAt = i;
    }
    CHECK(static_cast<double>(b) == Approx(2.0 * static_cast<double>(a)).epsilon(0.01));
    CHECK(breakAt == lastOfB + 1);  // three presenters: the break comes after B
    CHECK(std::llabs(m.plan().totalPlannedMs() - 180 * kMin) <= kMin);
}
