// The first-run PIN set-up in the real window: a kiosk on an empty database opens on it, both PINs are typed
// twice with xdotool, and the database then holds two Argon2id hashes, two audit rows without a digit, and the
// kiosk's output holds no PIN. The lead PIN chosen there opens the review.
#include <algorithm>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/storage/database.hpp"
#include "support/child_process.hpp"
#include "support/kiosk_window.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

namespace {
constexpr const char* kFacilitatorPin = "583920";
constexpr const char* kLeadPin = "71645";

/// One xdotool key name per digit, then Return.
std::vector<std::string> digitKeys(const std::string& pin) {
    std::vector<std::string> keys;
    for (const char c : pin) keys.emplace_back(1, c);
    keys.emplace_back("Return");
    return keys;
}

bool hasDigit(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

TEST_CASE("both PINs are set on first run in the real window and stored only as Argon2id hashes", "[e2e][first-run]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    test::XvfbServer xvfb("1280x720x24");
    std::string transcript;
    {
        test::KioskWindow kiosk(xvfb, db, true);
        kiosk.expect("pin-setup-open");
        // A short PIN is refused and changes nothing.
        kiosk.keys(digitKeys("12"));
        kiosk.expect("pin-setup-refused");
        kiosk.keys(digitKeys(kFacilitatorPin));
        kiosk.expect("pin-setup-confirm");
        kiosk.keys(digitKeys(kFacilitatorPin));
        CHECK(kiosk.expect("pin-set role") == "event pin-set role=facilitator");
        kiosk.keys(digitKeys(kLeadPin));
        kiosk.expect("pin-setup-confirm");
        kiosk.keys(digitKeys(kLeadPin));
        CHECK(kiosk.expect("pin-set role") == "event pin-set role=lead");
        kiosk.expect("pin-setup-done");
        // The lead PIN chosen here opens the review; Escape locks it, and on home (not a kiosk) closes.
        kiosk.keys({"l"});
        kiosk.expect("lead-pin-open");
        kiosk.keys(digitKeys(kLeadPin));
        kiosk.expect("lead-unlock");
        kiosk.keys({"Escape"});
        kiosk.expect("lead-lock");
        kiosk.keys({"Escape"});
        CHECK(kiosk.process().wait(20'000) == 0);
        transcript = kiosk.process().transcript();
    }
    // Standard output and standard error together: no PIN, and no digit in any line about PINs.
    CHECK(transcript.find(kFacilitatorPin) == std::string::npos);
    CHECK(transcript.find(kLeadPin) == std::string::npos);
    std::istringstream lines(transcript);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        if (line.find("pin") != std::string::npos) CHECK_FALSE(hasDigit(line));
    }

    core::Database check(db);
    for (const char* role : {"facilitator", "lead"}) {
        INFO(role);
        const std::string hash =
            check.queryText(std::string("SELECT value FROM settings WHERE key = 'pin.") + role + "'");
        CHECK(hash.rfind("$argon2id$", 0) == 0);
        CHECK(hash.find(kFacilitatorPin) == std::string::npos);
        CHECK(hash.find(kLeadPin) == std::string::npos);
        CHECK(check.queryInt(std::string("SELECT COUNT(*) FROM audit_log WHERE action = 'pin change' AND role = '") +
                             role + "'") == 1);
    }
    CHECK(check.queryInt("SELECT COUNT(*) FROM audit_log WHERE detail GLOB '*[0-9]*' AND action = 'pin change'") == 0);
    CHECK(check.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock'") == 1);
    CHECK(check.integrityCheck() == "ok");
}
