// The facilitator's phone from the console's side: "Pair my phone" shows the one-time code on the console only
// (after the facilitator PIN on a single screen), pairing hides it, Unpair lets the phone go; and the contribution
// count the console and the remote show moves in batches by the injected clock, never with one submission.
#include <catch2/catch.hpp>

#include "support/kiosk_harness.hpp"

using namespace reflect;

namespace {

/// A Round at its first stage that takes contributions, with the phone page on.
void toContributions(test::KioskHarness& k) {
    k.controller().setPhoneAddress("http://reflect.kiosk:8080");
    test::toDiscussion(k);
}

/// What the paired phone's remote shows, as the phone page's server reads it.
int remoteCount(test::KioskHarness& k) {
    return k.app().phonePort().snapshot().remote.contributionCount;
}

void submitFromPhone(test::KioskHarness& k, const char* text) {
    k.apply(core::SubmitContribution{core::SecretText(text), true});
    k.frame();
}

}  // namespace

TEST_CASE("one submission does not move the console's count until the batch time", "[ui][phone][batch]") {
    test::KioskHarness k;
    toContributions(k);
    k.click("##contrib-open");
    REQUIRE(k.view().runner.contributions.state == core::ContributionState::Open);
    CHECK(k.view().runner.contributions.count == 0);

    k.clock.advanceSeconds(5);
    k.frame();
    submitFromPhone(k, "A long week on the ward");
    k.frames(3);
    // Saved (the database has it), but neither the console nor the remote moves.
    CHECK(k.db().queryInt("SELECT COUNT(*) FROM contributions") == 1);
    CHECK(k.view().runner.contributions.count == 0);
    CHECK(remoteCount(k) == 0);
    // The frame loop is told when to wake for the batch: 25 s after this submission, 30 s after the opening.
    CHECK(k.controller().msUntilIdleChange(k.clock.steadyNow()) == 25'000);

    k.clock.advanceMs(24'999);
    k.frames(2);
    CHECK(k.view().runner.contributions.count == 0);
    k.clock.advanceMs(1);
    k.frames(2);
    CHECK(k.view().runner.contributions.count == 1);
    CHECK(remoteCount(k) == 1);

    // The next batch keeps the cadence from the opening.
    k.clock.advanceSeconds(10);
    submitFromPhone(k, "Proud of how we handled it");
    submitFromPhone(k, "I cannot go on like this");
    k.frames(2);
    CHECK(k.view().runner.contributions.count == 1);
    CHECK(k.view().runner.contributions.safeguardingAlerts == 0);
    k.clock.advanceSeconds(20);
    k.frames(2);
    CHECK(k.view().runner.contributions.count == 3);
    CHECK(k.view().runner.contributions.safeguardingAlerts == 1);
    CHECK(remoteCount(k) == 3);
    CHECK(k.app().phonePort().snapshot().remote.safeguardingAlert);

    // At the close, everything counts at once.
    k.clock.advanceSeconds(3);
    submitFromPhone(k, "Hope");
    CHECK(k.view().runner.contributions.count == 3);
    k.click("##contrib-close");
    k.frame();
    CHECK(k.view().runner.contributions.count == 4);
    CHECK(remoteCount(k) == 4);
}

TEST_CASE("a batch with nothing new in it rebuilds nothing and runs no SQL", "[ui][phone][batch]") {
    test::KioskHarness k;
    toContributions(k);
    k.click("##contrib-open");
    k.frames(2);
    const auto revision = k.controller().viewRevision();
    CHECK(k.controller().msUntilIdleChange(k.clock.steadyNow()) == -1);
    for (int i = 0; i < 4; ++i) {
        k.clock.advanceSeconds(30);
        k.frames(2);
    }
    CHECK(k.controller().viewRevision() == revision);
}

TEST_CASE("Pair my phone shows the one-time code on the console, pairing hides it, Unpair lets the phone go",
          "[ui][phone][pairing]") {
    test::KioskHarness k;
    toContributions(k);
    // Nothing of the code is in the view until the facilitator asks for it.
    CHECK(k.view().phone.pairingAvailable);
    CHECK_FALSE(k.view().phone.pairingShown);
    CHECK(k.view().phone.pairUrl.empty());
    CHECK_FALSE(k.visible("##pair-hide"));

    k.click("##pair-phone");
    k.frame();
    REQUIRE(k.view().phone.pairingShown);
    const std::string token = k.view().phone.pairToken;
    CHECK(k.view().phone.pairUrl == "http://reflect.kiosk:8080/pair/" + token);
    CHECK(k.view().phone.pairQr.size > 0);
    CHECK(k.visible("##pair-hide"));
    // The runner's keys wait while the code is up: N does not move the stage behind it.
    const int stage = k.machine().currentIndex();
    k.type("n");
    CHECK(k.machine().currentIndex() == stage);

    // Hidden unused, and shown again with P: the same one-time code.
    k.click("##pair-hide");
    k.frame();
    CHECK_FALSE(k.view().phone.pairingShown);
    k.type("p");
    k.frame();
    CHECK(k.view().phone.pairingShown);
    CHECK(k.view().phone.pairToken == token);

    // The phone pairs: the code goes, the console says so.
    const std::string sessionKey = k.app().phonePort().snapshot().sessionKey;
    auto reply = k.app().inbox().postAndWait(core::PairPhone{token});
    k.frames(2);
    CHECK(reply.get().ok);
    CHECK(k.view().phone.paired);
    CHECK_FALSE(k.view().phone.pairingShown);
    CHECK_FALSE(k.view().phone.pairingAvailable);
    CHECK(k.view().phone.pairToken.empty());
    CHECK_FALSE(k.visible("##pair-hide"));
    CHECK_FALSE(k.visible("##pair-phone"));
    CHECK(k.visible("##unpair-phone"));

    // Unpair: the phone's cookie was bound to the old session key, which is gone; a new code can be shown.
    k.click("##unpair-phone");
    k.frame();
    CHECK_FALSE(k.view().phone.paired);
    CHECK(k.view().phone.pairingAvailable);
    CHECK(k.app().phonePort().snapshot().sessionKey != sessionKey);
    CHECK_FALSE(k.app().phonePort().snapshot().sessionKey.empty());
    CHECK(k.view().phone.pairToken != token);
    CHECK(k.visible("##pair-phone"));
}

TEST_CASE("on a single screen the pairing code waits for the facilitator PIN and never shows on the room view",
          "[ui][phone][pairing]") {
    test::KioskHarness k;
    REQUIRE(k.pins().setPin(core::Role::Facilitator, "2468"));
    k.controller().setSingleScreen(true);
    k.ui().setSurfaces(ui::Surfaces::SingleScreen);
    toContributions(k);
    k.frame();
    REQUIRE(k.ui().showingRoom());

    // P on the room view brings up the console and asks for the PIN; the code is not in the view yet.
    k.type("p");
    k.frame();
    CHECK(k.view().pads.pairOpen);
    CHECK_FALSE(k.view().phone.pairingShown);
    CHECK(k.view().phone.pairUrl.empty());
    CHECK_FALSE(k.ui().showingRoom());

    k.apply(core::SubmitPairPin{"1111"});
    k.frame();
    CHECK(k.view().pads.pairOpen);
    CHECK_FALSE(k.view().pads.pairMessage.empty());
    CHECK_FALSE(k.view().phone.pairingShown);

    k.apply(core::SubmitPairPin{"2468"});
    k.frame();
    CHECK_FALSE(k.view().pads.pairOpen);
    CHECK(k.view().phone.pairingShown);
    CHECK_FALSE(k.ui().showingRoom());
    CHECK(k.visible("##pair-hide"));

    // Left alone, the single screen goes back to the room view, and the code is put away with the console.
    k.clock.advanceMs(ui::kConsoleFlipBackMs);
    k.frames(3);
    CHECK(k.ui().showingRoom());
    CHECK_FALSE(k.view().phone.pairingShown);
    CHECK(k.view().phone.pairUrl.empty());
}

TEST_CASE("with a second display the code shows on the console without a PIN, and the room never has it",
          "[ui][phone][pairing]") {
    test::KioskHarness k;
    REQUIRE(k.pins().setPin(core::Role::Facilitator, "2468"));
    toContributions(k);
    k.apply(core::ShowPairingCode{});
    k.frame();
    CHECK_FALSE(k.view().pads.pairOpen);
    CHECK(k.view().phone.pairingShown);
    // The session ends: the code, the token and any pairing go with it.
    k.apply(core::SessionCommand{core::SessionOp::End});
    k.frame();
    CHECK_FALSE(k.view().phone.pairingShown);
    CHECK_FALSE(k.view().phone.pairingAvailable);
    CHECK(k.view().phone.pairToken.empty());
    CHECK(k.app().phonePort().snapshot().sessionKey.empty());
}
