// Access in the headless kiosk: the first-run PIN set-up (both PINs, refusals, "Set later", the reminder, the
// audit rows), the idle close of every PIN pad on the manual clock, and the frame loop's wake-ups for countdowns.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/review/audit_log.hpp"
#include "support/kiosk_harness.hpp"

using namespace reflect;

namespace {
constexpr const char* kFacilitatorPin = "2580";
constexpr const char* kLeadPin = "147030";

std::vector<core::AuditEntry> auditOf(test::KioskHarness& k) {
    return core::AuditLog(k.db(), k.clock).recent(20);
}

bool hasDigit(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Types a PIN on the set-up pad and presses Enter, as a person at the kiosk would.
void enter(test::KioskHarness& k, const std::string& pin) {
    k.type(pin);
    k.press(ImGuiKey_Enter);
}

/// Every line the kiosk reports from now on (what --print-events prints and the e2e tests read).
std::vector<std::string>& captureEvents(test::KioskHarness& k, std::vector<std::string>& lines) {
    k.sessions().setEventSink([&lines](std::string_view line) { lines.emplace_back(line); });
    return lines;
}
}  // namespace

TEST_CASE("a fresh kiosk opens on the PIN set-up, saves both PINs, audits them and never shows it again",
          "[ui][access][first-run]") {
    test::KioskHarness k(false, ImVec2(1920, 1080), false, test::FirstRun::Show);
    std::vector<std::string> events;
    captureEvents(k, events);
    REQUIRE(k.screen() == core::Screen::Home);
    REQUIRE(k.view().pads.setup.open);
    CHECK(k.view().pads.setup.role == core::Role::Facilitator);
    CHECK(k.view().pads.setup.roles == 2);
    CHECK(k.visible("##ok"));
    CHECK_FALSE(k.visible("##set-pins"));  // no reminder while the set-up itself is showing

    // Home's keys belong to the pad while it is up: Enter does not start a session, L does not open the review.
    k.type("l");
    CHECK_FALSE(k.view().pads.leadOpen);
    enter(k, kFacilitatorPin);
    CHECK(k.screen() == core::Screen::Home);
    CHECK(k.view().pads.setup.confirming);
    CHECK(k.ui().pinSetupPad().digits().empty());  // sent and wiped
    enter(k, kFacilitatorPin);
    CHECK(k.pins().isSet(core::Role::Facilitator));
    REQUIRE(k.view().pads.setup.open);
    CHECK(k.view().pads.setup.role == core::Role::Lead);
    CHECK(k.view().pads.setup.roleNumber == 2);
    CHECK_FALSE(k.view().pads.setup.problem);
    // The lead PIN by touch: the pad's digit keys, then its "Next" and "Save PIN" buttons.
    k.type("14703");
    k.click("##digit");  // the pad's keys share an id inside their own scope; the one recorded is the last, "0"
    CHECK(k.ui().pinSetupPad().digits() == kLeadPin);
    k.click("##ok");
    REQUIRE(k.view().pads.setup.confirming);
    enter(k, kLeadPin);
    CHECK_FALSE(k.view().pads.setup.open);
    CHECK(k.pins().isSet(core::Role::Lead));
    CHECK_FALSE(k.view().home.pinsMissing());
    CHECK_FALSE(k.visible("##set-pins"));

    // Both saves are in the audit log with the role and "pin change" (as the CLI records it), and nothing of either
    // PIN.
    const auto audit = auditOf(k);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].role == "lead");
    CHECK(audit[1].role == "facilitator");
    for (const auto& e : audit) {
        CHECK(e.action == "pin change");
        CHECK_FALSE(hasDigit(e.role + e.action + e.detail));
    }
    // What the kiosk reported carries event names only: no digit of either PIN, no digit at all.
    REQUIRE_FALSE(events.empty());
    for (const auto& line : events) {
        INFO(line);
        CHECK_FALSE(hasDigit(line));
    }
    CHECK(std::count(events.begin(), events.end(), "event pin-setup-done") == 1);

    // Never again: neither on this kiosk's home nor on the next start over the same database.
    k.apply(core::OpenPinSetup{});
    CHECK_FALSE(k.view().pads.setup.open);
    core::KioskController again(k.sessions(), k.pins(), test::shippedTemplates(), test::shippedStrings(),
                                core::KioskOptions{});
    again.startUp(k.clock.steadyNow());
    CHECK_FALSE(again.view().pads.setup.open);
    CHECK_FALSE(again.view().home.pinsMissing());

    // The lead PIN chosen here opens the review.
    k.type("l");
    REQUIRE(k.view().pads.leadOpen);
    enter(k, kLeadPin);
    CHECK(k.screen() == core::Screen::Dashboard);
}

TEST_CASE("the set-up refuses a short PIN and a mismatch and saves nothing", "[ui][access][first-run]") {
    test::KioskHarness k(false, ImVec2(1280, 720), true, test::FirstRun::Show);
    REQUIRE(k.view().pads.setup.open);
    enter(k, "123");
    CHECK(k.view().pads.setup.problem);
    CHECK(k.view().pads.setup.message == test::shippedStrings().get("pin_setup.bad_length"));
    CHECK_FALSE(k.view().pads.setup.confirming);
    // Thirteen digits are not possible: the pad stops at twelve.
    k.type("1234567890123");
    CHECK(k.ui().pinSetupPad().digits().size() == 12);
    k.click("##clear");
    CHECK(k.ui().pinSetupPad().digits().empty());

    enter(k, "4826");
    REQUIRE(k.view().pads.setup.confirming);
    enter(k, "4862");
    CHECK(k.view().pads.setup.problem);
    CHECK(k.view().pads.setup.message == test::shippedStrings().get("pin_setup.mismatch"));
    CHECK_FALSE(k.view().pads.setup.confirming);  // starts again from a new PIN
    CHECK(k.view().pads.setup.role == core::Role::Facilitator);
    // A short confirmation is just a mismatch.
    enter(k, "4826");
    enter(k, "48");
    CHECK(k.view().pads.setup.message == test::shippedStrings().get("pin_setup.mismatch"));

    CHECK_FALSE(k.pins().isSet(core::Role::Facilitator));
    CHECK_FALSE(k.pins().isSet(core::Role::Lead));
    CHECK(auditOf(k).empty());
    CHECK(k.view().pads.setup.open);
}

TEST_CASE("Set later leaves the PINs unset, and home keeps a calm reminder that reopens the set-up",
          "[ui][access][first-run]") {
    test::KioskHarness k(true, ImVec2(1920, 1080), false, test::FirstRun::Show);
    REQUIRE(k.view().pads.setup.open);
    enter(k, "9753");  // half-way: a first entry is held until it is confirmed
    REQUIRE(k.view().pads.setup.confirming);
    k.type("97");
    // Escape is "Set later" here, even in kiosk mode: it does not raise the exit pad.
    k.press(ImGuiKey_Escape);
    CHECK_FALSE(k.view().pads.setup.open);
    CHECK_FALSE(k.view().pads.exitOpen);
    CHECK(k.ui().pinSetupPad().digits().empty());
    CHECK_FALSE(k.pins().isSet(core::Role::Facilitator));
    CHECK_FALSE(k.pins().isSet(core::Role::Lead));
    CHECK(auditOf(k).empty());
    // A facilitator can run a session straight away.
    CHECK(k.visible("##set-pins"));
    CHECK(k.visible("##start"));

    // P reopens it from the start; "Set later" by touch closes it again.
    k.type("p");
    REQUIRE(k.view().pads.setup.open);
    CHECK_FALSE(k.view().pads.setup.confirming);
    k.click("##cancel");
    CHECK_FALSE(k.view().pads.setup.open);

    // With only the lead PIN missing (the facilitator's was set with set-pin), the set-up asks for that one only.
    REQUIRE(k.pins().setPin(core::Role::Facilitator, "1357"));
    k.apply(core::GoHome{});
    CHECK(k.visible("##set-pins"));
    k.click("##set-pins");
    REQUIRE(k.view().pads.setup.open);
    CHECK(k.view().pads.setup.role == core::Role::Lead);
    CHECK(k.view().pads.setup.roles == 1);
    enter(k, "8642");
    enter(k, "8642");
    CHECK_FALSE(k.view().pads.setup.open);
    CHECK_FALSE(k.visible("##set-pins"));
    CHECK(k.pins().verify(core::Role::Facilitator, "1357").outcome == core::PinCheck::Outcome::Accepted);
}

TEST_CASE("the set-up does not open over a session restored after a power cut", "[ui][access][first-run]") {
    test::KioskHarness k;  // set later
    k.press(ImGuiKey_Enter);
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Runner);
    // The kiosk starts again over the same database, as after a power cut.
    core::SessionService sessions(k.db(), k.clock);
    core::PinStore pins(k.db(), k.clock);
    core::KioskController restarted(sessions, pins, test::shippedTemplates(), test::shippedStrings(),
                                    core::KioskOptions{});
    restarted.startUp(k.clock.steadyNow());
    CHECK(restarted.screen() == core::Screen::Runner);
    CHECK_FALSE(restarted.view().pads.setup.open);
    CHECK(restarted.view().home.pinsMissing());
}

namespace {
/// Opens one kind of pad and types two digits into it.
void openPad(test::KioskHarness& k, const std::string& which) {
    if (which == "exit") {
        REQUIRE(k.pins().setPin(core::Role::Facilitator, "1357"));
        k.press(ImGuiKey_Escape);
        REQUIRE(k.view().pads.exitOpen);
    } else if (which == "lead") {
        REQUIRE(k.pins().setPin(core::Role::Lead, "2468"));
        k.type("l");
        REQUIRE(k.view().pads.leadOpen);
    } else {
        REQUIRE(k.view().pads.setup.open);
        enter(k, "5791");  // a first entry held by the controller until confirmed
        REQUIRE(k.view().pads.setup.confirming);
    }
    k.type("12");
}

const std::string& typed(test::KioskHarness& k, const std::string& which) {
    if (which == "exit") return k.ui().exitPad().digits();
    if (which == "lead") return k.ui().leadPad().digits();
    return k.ui().pinSetupPad().digits();
}
}  // namespace

TEST_CASE("every PIN pad closes itself after lockIdleSeconds untouched, with a countdown in the last 20 s",
          "[ui][access][idle]") {
    for (const std::string which : {"exit", "lead", "setup"}) {
        INFO("pad " << which);
        test::KioskHarness k(true, ImVec2(1280, 720), false,
                             which == "setup" ? test::FirstRun::Show : test::FirstRun::SetLater);
        openPad(k, which);
        CHECK(typed(k, which) == "12");
        CHECK(k.view().pads.anyOpen());
        CHECK_FALSE(k.visible("##pad-countdown"));
        CHECK(k.view().pads.idleRemainingMs(k.clock.steadyNow()) == 180'000);

        k.clock.advanceSeconds(159);
        CHECK_FALSE(k.visible("##pad-countdown"));
        k.clock.advanceSeconds(1);  // 160 s: the countdown shows
        CHECK(k.visible("##pad-countdown"));
        CHECK(k.view().pads.idleRemainingMs(k.clock.steadyNow()) == 20'000);

        // Any key keeps it open and hides the countdown again; the digits typed so far stay.
        k.type("3");
        CHECK_FALSE(k.visible("##pad-countdown"));
        CHECK(typed(k, which) == "123");

        k.clock.advanceSeconds(179);
        CHECK(k.view().pads.anyOpen());
        CHECK(k.visible("##pad-countdown"));
        CHECK(typed(k, which) == "123");
        k.clock.advanceSeconds(1);  // 180 s since the last key
        k.frame();
        CHECK_FALSE(k.view().pads.anyOpen());
        CHECK_FALSE(k.view().pads.exitOpen);
        CHECK_FALSE(k.view().pads.leadOpen);
        CHECK_FALSE(k.view().pads.setup.open);
        CHECK_FALSE(k.view().pads.setup.confirming);  // the held first entry went with it
        k.frame();
        CHECK(typed(k, which).empty());
        CHECK(k.view().pads.idleRemainingMs(k.clock.steadyNow()) == -1);
        CHECK_FALSE(k.controller().shouldExit());
        CHECK(k.screen() == core::Screen::Home);
    }
}

TEST_CASE("a key after the idle time is up does not count: the pad has already closed", "[ui][access][idle]") {
    test::KioskHarness k;
    REQUIRE(k.pins().setPin(core::Role::Lead, "2468"));
    k.type("l");
    REQUIRE(k.view().pads.leadOpen);
    k.clock.advanceSeconds(181);
    // No frame in between (the loop was idle, waiting for input): the first command after the deadline finds the pad
    // closed.
    k.apply(core::PinPadActivity{});
    CHECK_FALSE(k.view().pads.leadOpen);
    k.apply(core::SubmitLeadPin{"2468"});
    CHECK(k.screen() == core::Screen::Home);
}

TEST_CASE("the frame loop is woken for every idle countdown", "[ui][access][idle][wake]") {
    test::KioskHarness k;
    const auto wake = [&] { return k.controller().msUntilIdleChange(k.clock.steadyNow()); };
    CHECK(wake() == -1);  // home, nothing counting down: wait for input only

    SECTION("a PIN pad") {
        REQUIRE(k.pins().setPin(core::Role::Lead, "2468"));
        k.type("l");
        REQUIRE(k.view().pads.leadOpen);
        const auto remaining = [&] { return k.view().pads.idleRemainingMs(k.clock.steadyNow()); };
        // Far from the end: no later than the moment the countdown appears.
        CHECK(wake() > 0);
        CHECK(wake() <= remaining() - core::kIdleCountdownMs);
        k.clock.advanceSeconds(100);
        CHECK(wake() > 0);
        CHECK(wake() <= remaining() - core::kIdleCountdownMs);
        // In the last 20 s: at least once a second, and exactly at the next whole second shown.
        k.clock.advanceMs(60'000 + 500);  // 19.5 s left
        CHECK(wake() <= 1000);
        CHECK(wake() == 500);
        for (int i = 0; i < 19; ++i) {
            k.clock.advanceMs(wake());
            k.frame();
            CHECK(k.view().pads.leadOpen);
            CHECK(wake() <= 1000);
            CHECK(wake() > 0);
        }
        k.clock.advanceMs(wake());
        k.frame();
        CHECK_FALSE(k.view().pads.leadOpen);
        CHECK(wake() == -1);
    }
    SECTION("the dashboard") {
        REQUIRE(k.pins().setPin(core::Role::Lead, "2468"));
        k.type("l");
        enter(k, "2468");
        REQUIRE(k.screen() == core::Screen::Dashboard);
        const auto remaining = [&] { return k.view().leadIdleRemainingMs(k.clock.steadyNow()); };
        CHECK(wake() > 0);
        CHECK(wake() <= remaining() - core::kIdleCountdownMs);
        k.clock.advanceSeconds(165);
        CHECK(wake() <= 1000);
        CHECK(wake() > 0);
        k.clock.advanceMs(remaining());
        CHECK(wake() == 0);  // due now: the lock happens on the next frame
        k.frame();
        CHECK(k.screen() == core::Screen::Home);
        CHECK(wake() == -1);
    }
}
