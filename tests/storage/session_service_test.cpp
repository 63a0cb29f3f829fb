// The session service: each transition is saved before it shows, a failed save changes nothing, and a
// kiosk that died comes back on the same stage with the right time left.
#include <catch2/catch.hpp>

#include "core/session/session_service.hpp"
#include "core/storage/migrations.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using core::SessionOp;

TEST_CASE("every transition is one event row with the state after it", "[service]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::SessionService service(*db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    clock.advanceSeconds(10);
    REQUIRE(service.apply(SessionOp::Pause));
    REQUIRE(service.apply(SessionOp::Resume));
    REQUIRE(service.apply(SessionOp::Next));
    REQUIRE(service.apply(SessionOp::Back));  // back to the first stage: allowed
    REQUIRE(service.apply(SessionOp::Back));  // from the first stage: refused, and nothing is written
    CHECK(service.store().eventCount(service.activeId()) == 5);
    CHECK(db->queryText("SELECT group_concat(kind, ',') FROM (SELECT kind FROM stage_events ORDER BY seq)") ==
          "start,pause,resume,next,back");
}

TEST_CASE("a failed save shows an honest message and leaves the session as it was", "[service]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::SessionService service(*db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    db->exec("PRAGMA query_only = ON");  // every write now fails, as on a read-only or failing disk
    auto result = service.apply(SessionOp::Next);
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("Nothing has changed") != std::string::npos);
    CHECK(service.active()->currentIndex() == 0);
    db->exec("PRAGMA query_only = OFF");
    REQUIRE(service.apply(SessionOp::Next));  // the retry succeeds once the fault clears
    CHECK(service.active()->currentIndex() == 1);
}

TEST_CASE("after a crash the kiosk reopens the same stage with the downtime counted", "[service]") {
    test::TempDir dir;
    const auto path = (dir / "reflect.db").string();
    core::ManualClock clock;
    std::int64_t remainingBefore = 0;
    {
        core::Database db(path);
        core::migrate(db);
        core::SessionService service(db, clock);
        core::PlanChoices choices;
        choices.title = "Staying connected";
        REQUIRE(service.start(test::roundTemplate(), choices));
        clock.advanceSeconds(200);
        REQUIRE(service.apply(SessionOp::Next));
        clock.advanceSeconds(61);
        remainingBefore = service.active()->remainingMs(clock.steadyNow());
        // No clean shutdown: the connection is simply dropped, as kill -9 would.
    }
    clock.rebootAfterSeconds(37);
    core::Database db(path);
    core::SessionService service(db, clock);
    auto restored = service.restoreUnfinished();
    REQUIRE(restored);
    REQUIRE(restored.value());
    const auto* m = service.active();
    CHECK(m->currentIndex() == 1);
    CHECK(m->plan().choices().title == "Staying connected");
    CHECK(m->runState() == core::RunState::Running);
    // The last saved event was the "next", 61 s before the crash: those and the 37 s down both count.
    CHECK(m->remainingMs(clock.steadyNow()) == remainingBefore - 37'000);
}

TEST_CASE("an ended session is not reopened and its timings are kept", "[service]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::SessionService service(*db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    clock.advanceSeconds(300);
    REQUIRE(service.apply(SessionOp::Next));
    clock.advanceSeconds(400);
    REQUIRE(service.apply(SessionOp::End));
    const auto id = service.activeId();
    service.closeActive();
    CHECK_FALSE(service.restoreUnfinished().value());
    const auto summary = service.store().summary(id);
    REQUIRE(summary);
    CHECK(summary->endedWall);
    CHECK(summary->stages[0].actualMs == 300'000);
    CHECK(summary->stages[1].actualMs == 400'000);
    CHECK(summary->stages[2].actualMs == 0);
}
