// The real binary on a virtual display, typed at with xdotool: a Round run with the keyboard alone, and a
// kill -9 in the middle of a stage after which the kiosk reopens the same stage with the right time left.
#include <chrono>
#include <sstream>

#include <catch2/catch.hpp>

#include "core/storage/database.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

namespace {

struct EventLine {
    std::string kind;
    int stage = -1;
    long long remainingMs = 0;
};

// A tiny scanner for lines like "event next session=1 stage=1 remaining_ms=359000 run=1". These lines are the
// binary's own output, short and fixed in shape; no user text ever reaches them.
EventLine parseEvent(const std::string& line) {
    EventLine e;
    std::istringstream in(line);
    std::string word;
    in >> word >> e.kind;
    while (in >> word) {
        const auto eq = word.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = word.substr(0, eq);
        const std::string value = word.substr(eq + 1);
        if (key == "stage") e.stage = std::stoi(value);
        if (key == "remaining_ms") e.remainingMs = std::stoll(value);
    }
    return e;
}

class Kiosk {
public:
    Kiosk(const test::XvfbServer& xvfb, const std::string& db)
        : m_display(xvfb.display()),
          m_child({REFLECT_BINARY, "--windowed", "--size", "1280x720", "--db", db, "--print-events"},
                  {{"DISPLAY", xvfb.display()}}) {
        // Wait for the window, then give it the keyboard (there is no window manager to do it).
        REQUIRE(xdotool({"search", "--sync", "--onlyvisible", "--name", "^Reflect$", "windowfocus", "--sync"}) == 0);
    }
    int xdotool(std::vector<std::string> args) {
        args.insert(args.begin(), "xdotool");
        return test::runCommand(args, {{"DISPLAY", m_display}}, 30'000);
    }
    void keys(const std::vector<std::string>& names) {
        std::vector<std::string> args = {"key", "--delay", "60"};
        args.insert(args.end(), names.begin(), names.end());
        REQUIRE(xdotool(args) == 0);
    }
    EventLine expect(const std::string& kind) {
        auto line = m_child.waitForLine("event " + kind, 20'000);
        INFO("waiting for event " << kind);
        REQUIRE(line);
        return parseEvent(*line);
    }
    test::ChildProcess& process() { return m_child; }

private:
    std::string m_display;
    test::ChildProcess m_child;
};

}  // namespace

TEST_CASE("a Round runs from set-up to summary with the keyboard alone in the real window", "[e2e][journey]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    test::XvfbServer xvfb("1280x720x24");
    {
        Kiosk kiosk(xvfb, db);
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
            CHECK(kiosk.expect("next").stage == i);
        }
        kiosk.keys({"e"});
        kiosk.keys({"Return"});  // confirm the end
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
    EventLine before;
    std::chrono::steady_clock::time_point killedAt;
    {
        Kiosk kiosk(xvfb, db);
        kiosk.keys({"Return", "Return"});
        kiosk.expect("start");
        kiosk.keys({"n"});
        before = kiosk.expect("next");
        killedAt = std::chrono::steady_clock::now();  // the event was committed just before its line was read
        REQUIRE(before.stage == 1);
        kiosk.process().killHard();
    }
    test::ChildProcess again({REFLECT_BINARY, "--windowed", "--size", "1280x720", "--db", db, "--print-events"},
                             {{"DISPLAY", xvfb.display()}});
    auto line = again.waitForLine("event restored", 20'000);
    REQUIRE(line);
    const auto sinceEvent = std::chrono::steady_clock::now() - killedAt;
    const auto after = parseEvent(*line);
    CHECK(after.stage == 1);
    // Time kept running while the kiosk was down: less is left, but never more than the wall time that passed.
    const auto passedMs = std::chrono::duration_cast<std::chrono::milliseconds>(sinceEvent).count();
    const auto lost = before.remainingMs - after.remainingMs;
    CHECK(lost > 0);
    CHECK(lost <= passedMs + 1000);  // to the second
}
