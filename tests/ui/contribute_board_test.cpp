// Headless UI: staff type into the contribute screen (identifiers included) and submit; the facilitator opens,
// closes and reveals; the reveal gate; the board groups and tags with keys and clicks.
#include <catch2/catch.hpp>

#include "core/contribute/contribution_store.hpp"
#include "support/kiosk_harness.hpp"

using namespace reflect;
using test::toDiscussion;

namespace {
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

TEST_CASE("keys typed before the box has the keyboard are kept, in order, with the cursor after them",
          "[ui][contribute]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.click("##contrib-open");
    h.click("##contrib-write");
    REQUIRE(h.screen() == core::Screen::Contribute);
    // Someone starts typing at once: the whole word arrives before ImGui has given the box the keyboard.
    for (const char c : std::string("Hello")) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
    h.frame();
    h.type(" there");
    h.click("##submit");
    h.frame();
    const auto texts = stored(h);
    REQUIRE(texts.size() == 1);
    CHECK(texts[0] == "Hello there");
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
    // The console's notice comes with the next batch, never with the submission that raised it.
    CHECK(h.view().runner.contributions.safeguardingAlerts == 0);
    h.clock.advanceMs(core::kContributionBatchMs);
    h.frames(2);
    CHECK(h.view().runner.contributions.safeguardingAlerts == 1);
}

TEST_CASE("reveal is refused at 0, 1 and 2 entries and while open, allowed at 3", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    h.apply(core::SetAttendance{5});  // the head count is its own gate, checked below
    h.click("##contrib-reveal");      // disabled at 0: nothing happens
    CHECK(h.screen() == core::Screen::Runner);
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Runner);
    CHECK_FALSE(h.controller().message().empty());
    for (int n = 1; n <= 3; ++n) {
        h.click("##contrib-open");
        h.click("##contrib-write");
        h.frames(2);
        submitTyped(h, "Entry " + std::to_string(n));
        ctrlPress(h, ImGuiKey_Home);
        h.apply(core::RevealContributions{});
        h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
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
    h.apply(core::SetAttendance{5});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    REQUIRE(h.screen() == core::Screen::Board);
    h.frame();
    // Someone arrives late: one more is counted with a key.
    h.type("]");
    CHECK(h.view().runner.contributions.attendance == 6);
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

namespace {
/// Opens, fills with `texts` and closes contributions of the running session.
void addClosed(test::KioskHarness& h, std::initializer_list<const char*> texts) {
    h.apply(core::OpenContributions{});
    for (const char* text : texts) h.apply(core::SubmitContribution{core::SecretText(text)});
    h.apply(core::CloseContributions{});
    h.frame();
}
}  // namespace

TEST_CASE("a Round reveals only once five people are recorded as present, and says why in plain words", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    addClosed(h, {"Tired", "Proud of the team", "Hope", "Grief"});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Runner);
    CHECK(h.controller().message().find("nobody is recorded yet") != std::string::npos);
    CHECK(h.view().runner.contributions.reveal.refusal == core::RevealRefusal::TooFewPresent);
    h.apply(core::DismissMessage{});
    h.apply(core::SetAttendance{3});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Runner);
    CHECK(h.controller().message() ==
          "At least 5 people need to be recorded as present before contributions are shown: 3 are recorded.");
    h.apply(core::DismissMessage{});
    h.apply(core::SetAttendance{1});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.controller().message().find(": 1 is recorded.") != std::string::npos);
    h.apply(core::DismissMessage{});
    h.apply(core::SetAttendance{5});
    CHECK(h.view().runner.contributions.reveal.allowed());
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Board);
}

TEST_CASE("the reveal gate takes the larger contribution minimum and the template's head count", "[board]") {
    using core::ContributionState;
    CHECK(core::checkReveal(ContributionState::Closed, 5, 3, 4, 5).refusal == core::RevealRefusal::TooFewPresent);
    CHECK(core::checkReveal(ContributionState::Closed, 5, 3, 5, 5).allowed());
    CHECK(core::checkReveal(ContributionState::Closed, 2, 3, 9, 5).refusal == core::RevealRefusal::TooFew);
    CHECK(core::checkReveal(ContributionState::Open, 9, 3, 9, 5).refusal == core::RevealRefusal::StillOpen);
    CHECK(core::checkReveal(ContributionState::Closed, 3, 3).allowed());  // no head count asked for

    // A template asking for 4 contributions and 6 people wins over the config's 3.
    test::KioskHarness h;
    h.apply(core::StartSession{"voting-custom", {}});
    h.apply(core::SessionCommand{core::SessionOp::Next});
    REQUIRE(h.view().runner.contributions.stageAccepts);
    addClosed(h, {"One", "Two", "Three"});
    h.apply(core::SetAttendance{6});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Runner);
    CHECK(h.view().runner.contributions.reveal.minimum == 4);
    CHECK(h.controller().message().find("At least 4") != std::string::npos);
    h.apply(core::DismissMessage{});
    addClosed(h, {"Four"});
    h.apply(core::SetAttendance{5});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Runner);
    CHECK(h.controller().message().find("At least 6 people") != std::string::npos);
    h.apply(core::SetAttendance{6});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    CHECK(h.screen() == core::Screen::Board);
}

TEST_CASE("a Round never votes on themes: no vote button, and a vote command is refused", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    addClosed(h, {"Tired", "Proud of the team", "Hope"});
    h.apply(core::SetAttendance{5});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    REQUIRE(h.screen() == core::Screen::Board);
    std::vector<std::int64_t> cards;
    for (const auto& c : h.view().board.cards) cards.push_back(c.id);
    h.apply(core::BoardCreateTheme{cards, "Everything"});
    REQUIRE(h.view().board.themes.size() == 1);
    h.frames(2);
    CHECK_FALSE(h.view().board.votes);
    CHECK_FALSE(h.visible("##vote"));
    CHECK(h.visible("##hide"));
    h.apply(core::BoardVote{h.view().board.themes.front().id, 1});
    h.press(ImGuiKey_Tab);
    h.type("v");
    CHECK(h.view().board.themes.front().votes == 0);
    CHECK_FALSE(h.view().board.message.empty());
}

TEST_CASE("a format that allows votes keeps the vote button and counts votes", "[ui][board]") {
    test::KioskHarness h;
    h.apply(core::StartSession{"voting-custom", {}});
    h.apply(core::SessionCommand{core::SessionOp::Next});
    addClosed(h, {"One", "Two", "Three", "Four"});
    h.apply(core::SetAttendance{6});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    REQUIRE(h.screen() == core::Screen::Board);
    std::vector<std::int64_t> cards;
    for (const auto& c : h.view().board.cards) cards.push_back(c.id);
    h.apply(core::BoardCreateTheme{cards, "Everything"});
    h.frames(2);
    CHECK(h.view().board.votes);
    CHECK(h.visible("##vote"));
    h.apply(core::BoardVote{h.view().board.themes.front().id, 1});
    CHECK(h.view().board.themes.front().votes == 1);
}

TEST_CASE("identical cards show once with a count and move, group and hide together", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    addClosed(h, {"Tired", "  tired ", "TIRED", "Hope", "Proud of the team", "hope"});
    h.apply(core::SetAttendance{6});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    REQUIRE(h.screen() == core::Screen::Board);
    const auto cards = h.view().board.cards;
    REQUIRE(cards.size() == 3);
    const core::BoardCard* tired = nullptr;
    const core::BoardCard* hope = nullptr;
    for (const auto& c : cards) {
        if (core::foldedCardText(c.text) == "tired") tired = &c;
        if (core::foldedCardText(c.text) == "hope") hope = &c;
    }
    REQUIRE(tired != nullptr);
    REQUIRE(hope != nullptr);
    CHECK(tired->copies() == 3);
    CHECK(hope->copies() == 2);
    h.frames(2);  // draws the "×3" badge without tripping any layout assertion
    h.apply(core::BoardCreateTheme{{tired->id}, "Worn out"});
    REQUIRE(h.view().board.themes.size() == 1);
    CHECK(h.view().board.cardsIn(h.view().board.themes.front().id) == 3);
    h.apply(core::BoardHideCard{hope->id});
    CHECK(h.view().board.cards.size() == 2);  // "Worn out" ×3 and "Proud of the team": both "hope" cards are gone
    CHECK(h.db().queryInt("SELECT COUNT(*) FROM contributions WHERE hidden = 1") == 2);
}

TEST_CASE("the board's head count can be typed as well as stepped", "[ui][board]") {
    test::KioskHarness h;
    toDiscussion(h);
    addClosed(h, {"Tired", "Proud of the team", "Hope"});
    h.apply(core::SetAttendance{5});
    h.apply(core::RevealContributions{});
    h.apply(core::ShowBoardTools{});  // a Round opens on the read-only wall first
    REQUIRE(h.screen() == core::Screen::Board);
    h.frames(2);
    h.click("##people-typed");
    h.type("63");
    CHECK(h.view().runner.contributions.attendance == 5);
    h.press(ImGuiKey_Space);  // typing: the board's keys stay off, no card is selected
    h.press(ImGuiKey_Enter);
    CHECK(h.view().runner.contributions.attendance == 63);
    h.click("##people-more");
    CHECK(h.view().runner.contributions.attendance == 64);
    h.type("g");  // nothing was selected while typing, so no new-theme editor opens
    h.frames(2);
    CHECK(h.view().board.themes.empty());
}
