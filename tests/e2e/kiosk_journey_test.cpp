// The real binary on a virtual display, typed at with xdotool: a Round run with the keyboard alone, and a
// kill -9 in the middle of a stage after which the kiosk reopens the same stage with the right time left.
#include <chrono>

#include <catch2/catch.hpp>

#include "core/storage/database.hpp"
#include "support/child_process.hpp"
#include "support/kiosk_window.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

TEST_CASE("a Round runs from set-up to summary with the keyboard alone in the real window", "[e2e][journey]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    test::XvfbServer xvfb("1280x720x24");
    {
        test::KioskWindow kiosk(xvfb, db);
        kiosk.setPinsLater();
        kiosk.keys({"Return"});  // home: start a session
        kiosk.keys({"Return"});  // set-up: start the Round
        kiosk.expect("start");
        kiosk.keys({"space"});
        kiosk.expect("pause");
        kiosk.keys({"space"});
        kiosk.expect("resume");
        kiosk.keys({"equal"});
        kiosk.expect("extend1");
        for (int i = 1; i < 7; ++i) {
            kiosk.keys({"n"});
            CHECK(test::eventField(kiosk.expect("next"), "stage") == i);
        }
        kiosk.keys({"e"});
        kiosk.keys({"e"});  // confirm the end: Enter would keep the session going
        kiosk.expect("end");
        kiosk.keys({"Return"});  // summary: done
        kiosk.keys({"Escape"});  // home, not a kiosk: Escape closes
        CHECK(kiosk.process().wait(20'000) == 0);
    }
    core::Database check(db);
    CHECK(check.queryText("SELECT status FROM sessions") == "ended");
    CHECK(check.queryInt("SELECT COUNT(*) FROM stage_events") == 11);
    CHECK(check.queryInt("SELECT COUNT(*) FROM session_stages") == 7);
    CHECK(check.integrityCheck() == "ok");
}

TEST_CASE("kill -9 mid-stage: the restarted kiosk opens the same stage with the right time left", "[e2e][crash]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    test::XvfbServer xvfb("1280x720x24");
    long long beforeStage = -1;
    long long beforeRemaining = 0;
    std::chrono::steady_clock::time_point killedAt;
    {
        test::KioskWindow kiosk(xvfb, db);
        kiosk.setPinsLater();
        kiosk.keys({"Return", "Return"});
        kiosk.expect("start");
        kiosk.keys({"n"});
        const std::string next = kiosk.expect("next");
        killedAt = std::chrono::steady_clock::now();  // the event was committed just before its line was read
        beforeStage = test::eventField(next, "stage");
        beforeRemaining = test::eventField(next, "remaining_ms");
        REQUIRE(beforeStage == 1);
        kiosk.process().killHard();
    }
    test::ChildProcess again({REFLECT_BINARY, "--windowed", "--size", "1280x720", "--db", db, "--print-events"},
                             {{"DISPLAY", xvfb.display()}});
    auto line = again.waitForLine("event restored", 20'000);
    REQUIRE(line);
    const auto sinceEvent = std::chrono::steady_clock::now() - killedAt;
    CHECK(test::eventField(*line, "stage") == 1);
    // Time kept running while the kiosk was down: less is left, but never more than the wall time that passed.
    const auto passedMs = std::chrono::duration_cast<std::chrono::milliseconds>(sinceEvent).count();
    const auto lost = beforeRemaining - test::eventField(*line, "remaining_ms");
    CHECK(lost > 0);
    CHECK(lost <= passedMs + 1000);  // to the second
}
