// Strings from data and times for people.
#include <catch2/catch.hpp>

#include "core/text/string_table.hpp"
#include "core/text/time_format.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

TEST_CASE("strings flatten sections into dotted keys and fill placeholders", "[strings]") {
    auto table = core::StringTable::parse("[runner]\nstage_of = \"Stage {n} of {total}\"\n", "t.toml");
    REQUIRE(table);
    CHECK(table->format("runner.stage_of", {{"n", "2"}, {"total", "7"}}) == "Stage 2 of 7");
    CHECK(table->get("runner.missing") == "runner.missing");  // a gap shows as its key, never a crash
    CHECK(table->format("runner.stage_of", {}) == "Stage {n} of {total}");
    CHECK_FALSE(core::StringTable::parse("[runner]\nstage_of = 3\n", "t.toml"));
    CHECK_FALSE(core::StringTable::parse("[runner\n", "t.toml"));
}

TEST_CASE("every string the screens ask for exists in en-GB", "[strings]") {
    // Keys used by the screens; a new screen adds its keys here and to the strings file.
    const char* keys[] = {"app.name",
                          "home.start",
                          "home.resume",
                          "home.support",
                          "setup.heading",
                          "setup.start",
                          "setup.total",
                          "runner.stage_of",
                          "runner.overtime",
                          "runner.paused",
                          "runner.two_minutes",
                          "runner.projected_end",
                          "runner.next",
                          "runner.end",
                          "confirm.end_title",
                          "summary.heading",
                          "summary.overrun",
                          "signposts.heading",
                          "pin.title",
                          "pin.wait",
                          "errors.dismiss",
                          "format.round",
                          "format.team-time",
                          "format.action-learning",
                          "format.peer-support",
                          "format.supervision",
                          "format.custom"};
    for (const char* key : keys) {
        INFO(key);
        CHECK(test::shippedStrings().has(key));
    }
}

TEST_CASE("countdowns round up, overtime rounds down, minutes read naturally", "[time]") {
    CHECK(core::formatCountdown(300'000) == "5:00");
    CHECK(core::formatCountdown(299'001) == "5:00");
    CHECK(core::formatCountdown(299'000) == "4:59");
    CHECK(core::formatCountdown(1) == "0:01");
    CHECK(core::formatCountdown(0) == "0:00");
    CHECK(core::formatCountdown(3'725'000) == "1:02:05");
    CHECK(core::formatOvertime(999) == "+0:00");
    CHECK(core::formatOvertime(65'000) == "+1:05");
    CHECK(core::formatMinutes(6 * 60'000) == "6 min");
    CHECK(core::formatMinutes(90 * 60'000) == "1 h 30 min");
    CHECK(core::formatDifference(2 * 60'000) == "+2 min");
    CHECK(core::formatDifference(10'000) == "on time");
    CHECK(core::formatDifference(-3 * 60'000) == "\u22123 min");
}
