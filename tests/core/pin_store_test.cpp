// PINs: Argon2id hashes, and a throttle that a power cut cannot reset.
#include <catch2/catch.hpp>

#include <sodium.h>

#include "core/access/pin_store.hpp"
#include "core/clock.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using Outcome = core::PinCheck::Outcome;

TEST_CASE("a PIN is stored as an Argon2id hash and verified", "[pin]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::PinStore pins(*db, clock);
    CHECK(pins.verify(core::Role::Facilitator, "1234").outcome == Outcome::NotSet);
    CHECK_FALSE(pins.setPin(core::Role::Facilitator, "12a4"));
    CHECK_FALSE(pins.setPin(core::Role::Facilitator, "123"));
    REQUIRE(pins.setPin(core::Role::Facilitator, "482913"));
    const std::string stored = db->queryText("SELECT value FROM settings WHERE key = 'pin.facilitator'");
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("$m=19456,t=2,p=1$") != std::string::npos);  // OWASP's Argon2id configuration
    CHECK(stored.find("482913") == std::string::npos);
    CHECK(pins.verify(core::Role::Facilitator, "482913").outcome == Outcome::Accepted);
    CHECK(pins.verify(core::Role::Lead, "482913").outcome == Outcome::NotSet);
}

TEST_CASE("a PIN hashed with an older build's settings is hashed again when it is next entered", "[pin]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::PinStore pins(*db, clock);
    REQUIRE(sodium_init() >= 0);
    std::string old(crypto_pwhash_STRBYTES, '\0');
    REQUIRE(crypto_pwhash_str(old.data(), "2468", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
    old.resize(std::char_traits<char>::length(old.c_str()));
    REQUIRE(old.find("m=65536") != std::string::npos);
    db->prepare("INSERT INTO settings(key, value) VALUES('pin.lead', ?)").bind(1, old).run();
    CHECK(pins.verify(core::Role::Lead, "0000").outcome == Outcome::Wrong);
    CHECK(db->queryText("SELECT value FROM settings WHERE key = 'pin.lead'") == old);  // a wrong PIN changes nothing
    CHECK(pins.verify(core::Role::Lead, "2468").outcome == Outcome::Accepted);
    const std::string now = db->queryText("SELECT value FROM settings WHERE key = 'pin.lead'");
    CHECK(now.find("$m=19456,t=2,p=1$") != std::string::npos);
    CHECK(pins.verify(core::Role::Lead, "2468").outcome == Outcome::Accepted);
}

TEST_CASE("after three failures the wait doubles, and a restart does not reset it", "[pin]") {
    test::TempDir dir;
    const auto path = (dir / "pins.db").string();
    core::ManualClock clock;
    {
        core::Database db(path);
        core::migrate(db);
        core::PinStore pins(db, clock);
        REQUIRE(pins.setPin(core::Role::Facilitator, "2468"));
        for (int i = 0; i < 3; ++i) CHECK(pins.verify(core::Role::Facilitator, "0000").outcome == Outcome::Wrong);
        CHECK(pins.waitSeconds() == 1);
        CHECK(pins.verify(core::Role::Facilitator, "2468").outcome == Outcome::Throttled);
    }
    // kill -9 and a restart: a new connection, a new store, the same file.
    core::Database db(path);
    core::PinStore pins(db, clock);
    CHECK(pins.verify(core::Role::Facilitator, "2468").outcome == Outcome::Throttled);
    clock.advanceSeconds(1);
    CHECK(pins.verify(core::Role::Facilitator, "1111").outcome == Outcome::Wrong);
    CHECK(pins.waitSeconds() == 2);
    clock.advanceSeconds(2);
    CHECK(pins.verify(core::Role::Facilitator, "1111").outcome == Outcome::Wrong);
    CHECK(pins.waitSeconds() == 4);
    clock.advanceSeconds(4);
    CHECK(pins.verify(core::Role::Facilitator, "2468").outcome == Outcome::Accepted);
    CHECK(pins.waitSeconds() == 0);
}

TEST_CASE("no more than 20 wrong guesses are accepted in any hour", "[pin]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::PinStore pins(*db, clock);
    REQUIRE(pins.setPin(core::Role::Lead, "97531"));
    // Someone who knows the PIN mixes in a right guess after every two wrong ones, so the doubling
    // delay never starts; only the hourly cap stands in the way.
    std::vector<core::WallMs> wrong;
    int streak = 0;
    for (int step = 0; step < 2 * 3600 / 5; ++step, clock.advanceSeconds(5)) {
        if (pins.waitSeconds() > 0) continue;
        if (streak < 2) {
            if (pins.verify(core::Role::Lead, "00000").outcome == Outcome::Wrong) wrong.push_back(clock.wallNow());
            ++streak;
        } else {
            REQUIRE(pins.verify(core::Role::Lead, "97531").outcome == Outcome::Accepted);
            streak = 0;
        }
    }
    REQUIRE(wrong.size() > 20);  // the test did reach the cap
    for (std::size_t i = 0; i < wrong.size(); ++i) {
        std::size_t inHour = 0;
        for (std::size_t j = i; j < wrong.size() && wrong[j] - wrong[i] < 3'600'000; ++j) ++inHour;
        CHECK(inHour <= 20);
    }
}
