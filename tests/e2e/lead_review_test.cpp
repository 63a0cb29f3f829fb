// The lead review in the real window: a demo-data database, the lead PIN set on stdin, unlocked with xdotool,
// every panel opened by its key, and the unlock found in the audit log.
#include <catch2/catch.hpp>

#include "core/storage/database.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

namespace {
std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}
}  // namespace

TEST_CASE("a lead unlocks the review and opens every panel over demo data", "[e2e][lead]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    REQUIRE(test::runCommand({REFLECT_BINARY, "--db", db, "demo-data", "--sessions", "200", "--seed", "7"}, {},
                             120'000) == 0);
    const std::string setPin =
        "printf '3579\\n' | " + shellQuote(REFLECT_BINARY) + " --db " + shellQuote(db) + " set-pin --role lead";
    REQUIRE(test::runCommand({"sh", "-c", setPin}) == 0);

    test::XvfbServer xvfb("1280x720x24");
    const std::map<std::string, std::string> env = {{"DISPLAY", xvfb.display()}};
    {
        test::ChildProcess kiosk({REFLECT_BINARY, "--windowed", "--size", "1280x720", "--db", db, "--print-events"},
                                 env);
        auto xdotool = [&](std::vector<std::string> args) {
            args.insert(args.begin(), "xdotool");
            return test::runCommand(args, env, 30'000);
        };
        REQUIRE(xdotool({"search", "--sync", "--onlyvisible", "--name", "^Reflect$", "windowfocus", "--sync"}) == 0);
        // Only the lead PIN was set, so the kiosk opens on the set-up for the facilitator's: set it later.
        REQUIRE(kiosk.waitForLine("event pin-setup-open", 20'000));
        REQUIRE(xdotool({"key", "--delay", "60", "Escape"}) == 0);
        REQUIRE(kiosk.waitForLine("event pin-setup-later", 20'000));
        // A wrong PIN first: refused, the review stays shut. Each step waits for the kiosk to say the pad is up,
        // so no digit can arrive before the pad that takes it.
        REQUIRE(xdotool({"key", "--delay", "60", "l"}) == 0);
        REQUIRE(kiosk.waitForLine("event lead-pin-open", 20'000));
        REQUIRE(xdotool({"key", "--delay", "60", "1", "1", "1", "1", "Return"}) == 0);
        REQUIRE(kiosk.waitForLine("event lead-pin-refused", 20'000));
        REQUIRE(xdotool({"key", "--delay", "60", "Escape"}) == 0);
        REQUIRE(kiosk.waitForLine("event lead-pin-closed", 20'000));
        REQUIRE(xdotool({"key", "--delay", "60", "l"}) == 0);
        REQUIRE(kiosk.waitForLine("event lead-pin-open", 20'000));
        REQUIRE(xdotool({"key", "--delay", "60", "3", "5", "7", "9", "Return"}) == 0);
        REQUIRE(kiosk.waitForLine("event lead-unlock", 20'000));
        for (int panel = 1; panel <= 8; ++panel) {
            REQUIRE(xdotool({"key", "--delay", "60", std::to_string(panel)}) == 0);
            const std::string expected = "event lead-panel panel=" + std::to_string(panel) + " ok=1";
            INFO("waiting for " << expected);
            CHECK(kiosk.waitForLine(expected, 20'000));
        }
        REQUIRE(xdotool({"key", "--delay", "60", "Escape"}) == 0);  // lock
        REQUIRE(kiosk.waitForLine("event lead-lock", 20'000));
        REQUIRE(xdotool({"key", "--delay", "60", "Escape"}) == 0);  // home, not a kiosk: Escape closes
        CHECK(kiosk.wait(20'000) == 0);
    }
    core::Database check(db);
    CHECK(check.queryInt("SELECT COUNT(*) FROM audit_log WHERE role = 'lead' AND action = 'unlock'") == 1);
    CHECK(check.integrityCheck() == "ok");
}
