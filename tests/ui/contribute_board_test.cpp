// Headless UI: staff type into the contribute screen (identifiers included) and submit; the facilitator opens,
// closes and reveals; the reveal gate; the board groups and tags with keys and clicks.
#include <catch2/catch.hpp>

#include "core/contribute/contribution_store.hpp"
#include "support/kiosk_harness.hpp"

using namespace reflect;

namespace {
void toDiscussion(test::KioskHarness& h) {
    h.apply(core::StartSession{"round", {}});
    REQUIRE(h.screen() == core::Screen::Runner);
    for (int i = 0; i < 20 && !h.view().runner.contributions.stageAccepts; ++i)
        h.apply(core::SessionCommand{core::SessionOp::Next});
    REQUIRE(h.view().runner.contributions.stageAccepts);
    h.frame();
}

void ctrlPress(test::KioskHarness& h, ImGuiKey key) {
    ImGui::GetIO().KeyCtrl = true;
    h.press(key);
    ImGui::GetIO().KeyCtrl = false;
    h.frame();
}

std::vector<std::string> stored(test::KioskHarness& h) {
    std::vector<std::string> out;
    auto stmt = h.db().prepare("SELECT text FROM contributions");
    while (stmt.step()) out.push_back(stmt.columnText(0));
    std::sort(out.begin(), out.end());
    return out;
}

void submitTyped(test::KioskHarness& h, const std::string& text) {
    h.type(text);
    h.click("##submit");
    h.frame();
}
}  // namespace

TEST_CASE("staff type with identifiers, submit, and only the scrubbed text is stored", "[ui][contribute]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.click("##contrib-open");
    CHECK(h.view().runner.contributions.state == core::ContributionState::Open);
    h.click("##contrib-write");
    REQUIRE(h.screen() == core::Screen::Contribute);
    h.frames(2);
    h.type("Staff Nurse Siobhan Byrne on Ward 7 was kind");
    CHECK_FALSE(h.ui().contribute().draftEmpty());
    h.click("##submit");
    h.frame();
    // Saved only after the commit: the draft is gone and the database holds the scrubbed text.
    CHECK(h.ui().contribute().draftEmpty());
    const auto texts = stored(h);
    REQUIRE(texts.size() == 1);
    CHECK(texts[0] == "Staff Nurse [NAME] on [LOCATION] was kind");

    // Ctrl+Enter submits too.
    h.type("Second thought");
    ctrlPress(h, ImGuiKey_Enter);
    CHECK(stored(h).size() == 2);
    CHECK(h.ui().contribute().draftEmpty());

    // The facilitator comes back with Ctrl+Home; the runner shows only the count.
    ctrlPress(h, ImGuiKey_Home);
    CHECK(h.screen() == core::Screen::Runner);
}

TEST_CASE("an unsent draft is wiped after the idle time", "[ui][contribute]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.click("##contrib-open");
    h.click("##contrib-write");
    h.frames(2);
    h.type("half a thought about Dr Ahmed");
    h.clock.advanceSeconds(85);
    h.frame();
    CHECK_FALSE(h.ui().contribute().draftEmpty());
    h.clock.advanceSeconds(6);
    h.frames(2);
    CHECK(h.ui().contribute().draftEmpty());
    CHECK(stored(h).empty());
}

TEST_CASE("a risk phrase gets the same thank-you as any other and only the facilitator's count moves",
          "[ui][contribute][safeguarding]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.click("##contrib-open");
    h.click("##contrib-write");
    h.frames(2);
    submitTyped(h, "A long week on the ward");
    const auto calm = h.view().runner.contributions.feedback;
    CHECK(h.view().runner.contributions.safeguardingAlerts == 0);
    h.clock.advanceSeconds(10);
    h.frames(2);
    submitTyped(h, "I cannot go on like this");
    const auto risky = h.view().runner.contributions.feedback;
    // Whoever watches the shared screen sees the same outcome for both: no signposts page, no other words.
    CHECK(risky.kind == calm.kind);
    CHECK(risky.message == calm.message);
    CHECK_FALSE(h.visible("##signposts-done"));
    CHECK(h.visible("##submit"));
    CHECK(h.view().runner.contributions.safeguardingAlerts == 1);
}

TEST_CASE("reveal is refused at 0, 1 and 2 entries and while open, allowed at 3", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.click("##contrib-reveal");  // disabled at 0: nothing happens
    CHECK(h.screen() == core::Screen::Runner);
    h.apply(core::RevealContributions{});
    CHECK(h.screen() == core::Screen::Runner);
    CHECK_FALSE(h.controller().message().empty());
    for (int n = 1; n <= 3; ++n) {
        h.click("##contrib-open");
        h.click("##contrib-write");
        h.frames(2);
        submitTyped(h, "Entry " + std::to_string(n));
        ctrlPress(h, ImGuiKey_Home);
        h.apply(core::RevealContributions{});
        INFO("while open, with " << n);
        CHECK(h.screen() == core::Screen::Runner);
        h.click("##contrib-close");
        h.apply(core::DismissMessage{});
        h.type("r");
        if (n < 3) {
            INFO(n << " entries");
            CHECK(h.screen() == core::Screen::Runner);
            CHECK(h.controller().message().find("At least 3") != std::string::npos);
        } else {
            CHECK(h.screen() == core::Screen::Board);
        }
    }
}

TEST_CASE("on the board, cards are grouped into a named, tagged theme with keys", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.apply(core::OpenContributions{});
    for (const char* text : {"Tired", "Proud of the team", "Grief after a death", "Hope"}) {
        h.apply(core::SubmitContribution{core::SecretText(text)});
    }
    h.apply(core::CloseContributions{});
    h.apply(core::RevealContributions{});
    REQUIRE(h.screen() == core::Screen::Board);
    h.frame();
    // Weak anonymity until someone says five or more are here.
    h.type("]]]]]");
    CHECK(h.view().runner.contributions.attendance == 5);
    h.press(ImGuiKey_Space);
    h.press(ImGuiKey_RightArrow);
    h.press(ImGuiKey_Space);
    h.type("g");
    h.frames(2);
    h.type("Sorrow");  // the default name is selected, so typing replaces it
    h.press(ImGuiKey_Enter);
    REQUIRE(h.view().board.themes.size() == 1);
    const auto& theme = h.view().board.themes.front();
    CHECK(theme.name == "Sorrow");
    CHECK(h.view().board.cardsIn(theme.id) == 2);
    // A second theme straight after: two cards are left, the cursor is on the second.
    h.press(ImGuiKey_LeftArrow);
    h.press(ImGuiKey_Space);
    h.type("g");
    h.frames(2);
    h.type("Hope and pride");
    h.press(ImGuiKey_Enter);
    REQUIRE(h.view().board.themes.size() == 2);
    h.press(ImGuiKey_Tab);
    h.frame();
    h.type("t");
    h.frames(2);
    h.press(ImGuiKey_Space);
    h.press(ImGuiKey_Enter);
    REQUIRE(h.view().board.themes.front().tags.size() == 1);
    CHECK(h.view().board.themes.front().tags[0] == h.app().codebook().tags.front().key);
    h.press(ImGuiKey_Escape);
    CHECK(h.screen() == core::Screen::Runner);
}
