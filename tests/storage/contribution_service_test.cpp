// Contributions end to end in core: scrubbed before storage, open/closed gate, risk count, the idle wipe timer,
// the reveal gate and the theme board.
#include <algorithm>

#include <catch2/catch.hpp>

#include "core/board/theme_board.hpp"
#include "core/contribute/contribution_service.hpp"
#include "core/contribute/secret_text.hpp"
#include "core/session/session_service.hpp"
#include "support/board_kiosk.hpp"

using namespace reflect;

namespace {
struct Fixture : test::BoardKiosk {
    std::int64_t sid = startRound();

    std::vector<std::string> storedTexts() {
        std::vector<std::string> out;
        auto stmt = db->prepare("SELECT text FROM contributions");
        while (stmt.step()) out.push_back(stmt.columnText(0));
        std::sort(out.begin(), out.end());
        return out;
    }
    void addOpen(int n) { BoardKiosk::addOpen(sid, n); }
};
}  // namespace

TEST_CASE("only scrubbed text is stored, and only while contributions are open", "[contribute][anonymity]") {
    Fixture f;
    CHECK_FALSE(f.service.submit(f.sid, 2, "Before opening"));
    CHECK(f.storedTexts().empty());
    REQUIRE(f.service.open(f.sid));
    auto r = f.service.submit(f.sid, 2, "Dr Priya Shah looked after NHS 943 476 5919 on Ward 7, call 07700 900123");
    REQUIRE(r);
    CHECK_FALSE(r.value().atRisk);
    const auto texts = f.storedTexts();
    REQUIRE(texts.size() == 1);
    CHECK(texts[0].find("Priya") == std::string::npos);
    CHECK(texts[0].find("943") == std::string::npos);
    CHECK(texts[0].find("07700") == std::string::npos);
    CHECK(texts[0].find("[NHS_NUMBER]") != std::string::npos);
    CHECK(texts[0].find("[PHONE]") != std::string::npos);
    REQUIRE(f.service.close(f.sid));
    CHECK_FALSE(f.service.submit(f.sid, 2, "After closing"));
    CHECK(f.service.count(f.sid) == 1);
}

TEST_CASE("empty, over-long and ill-formed drafts are refused, never cut", "[contribute]") {
    Fixture f;
    REQUIRE(f.service.open(f.sid));
    CHECK_FALSE(f.service.submit(f.sid, 2, "  \n\t "));
    CHECK(f.service.submit(f.sid, 2, std::string(2000, 'a')));
    auto over = f.service.submit(f.sid, 2, std::string(2001, 'a'));
    REQUIRE_FALSE(over);
    CHECK(over.error().message.find("2001") != std::string::npos);
    // 2000 characters of two bytes each is still within the limit: it counts characters, not bytes.
    std::string accents;
    for (int i = 0; i < 2000; ++i) accents += "é";
    CHECK(f.service.submit(f.sid, 2, accents));
    CHECK_FALSE(f.service.submit(f.sid, 2, std::string("bad \xff byte")));
    CHECK(f.service.count(f.sid) == 2);
}

TEST_CASE("a risk phrase raises the session's safeguarding count and nothing on the entry",
          "[contribute][safeguarding]") {
    Fixture f;
    REQUIRE(f.service.open(f.sid));
    auto r = f.service.submit(f.sid, 2, "Some days I feel I can't go on");
    REQUIRE(r);
    CHECK(r.value().atRisk);
    CHECK(f.service.safeguardingAlerts(f.sid) == 1);
    auto calm = f.service.submit(f.sid, 2, "A good day with a kind team");
    REQUIRE(calm);
    CHECK_FALSE(calm.value().atRisk);
    CHECK(f.service.safeguardingAlerts(f.sid) == 1);
}

TEST_CASE("SecretText zeroes what it held when moved from", "[contribute][anonymity]") {
    std::string s = "Priya";
    core::wipeText(s);
    CHECK(s.empty());
    core::SecretText a("short secret");
    core::SecretText b(std::move(a));
    CHECK(a.view().empty());  // NOLINT(bugprone-use-after-move): checking the wipe is the point
    CHECK(b.view() == "short secret");
}

TEST_CASE("the idle timer shows a countdown for the last 10 s, then expires at 90 s", "[contribute]") {
    core::ManualClock clock;
    core::DraftIdleTimer timer(90'000);
    CHECK_FALSE(timer.expired(clock.steadyNow()));
    timer.touch(clock.steadyNow());
    clock.advanceSeconds(79);
    CHECK_FALSE(timer.countdownVisible(clock.steadyNow()));
    clock.advanceSeconds(2);
    CHECK(timer.countdownVisible(clock.steadyNow()));
    CHECK(timer.secondsLeft(clock.steadyNow()) == 9);
    timer.touch(clock.steadyNow());  // a keystroke keeps the draft
    CHECK_FALSE(timer.countdownVisible(clock.steadyNow()));
    clock.advanceSeconds(90);
    CHECK(timer.expired(clock.steadyNow()));
}

TEST_CASE("reveal is refused at 0, 1 and 2 contributions and while open, allowed at 3", "[board]") {
    using core::ContributionState;
    for (int n : {0, 1, 2}) {
        INFO(n);
        const auto check = core::checkReveal(ContributionState::Closed, n, 3);
        CHECK(check.refusal == core::RevealRefusal::TooFew);
    }
    CHECK(core::checkReveal(ContributionState::Open, 5, 3).refusal == core::RevealRefusal::StillOpen);
    CHECK(core::checkReveal(ContributionState::Closed, 3, 3).allowed());
    CHECK(core::checkReveal(ContributionState::Revealed, 3, 3).allowed());
    CHECK_FALSE(core::checkReveal(ContributionState::Closed, 4, 5).allowed());
}

TEST_CASE("the board groups, names, tags, merges, splits, hides and votes", "[board]") {
    Fixture f;
    f.addOpen(6);
    core::ThemeBoard board(*f.db, f.codebook, f.scrubber);
    board.load(f.sid);
    REQUIRE(board.cards().size() == 6);
    std::vector<std::int64_t> ids;
    for (const auto& c : board.cards()) ids.push_back(c.id);

    auto a = board.createTheme({ids[0], ids[1], ids[2]}, "Feeling stretched");
    REQUIRE(a);
    auto b = board.createTheme({ids[3]}, "  Kindness on nights with Dr Niamh Kelly ");
    REQUIRE(b);
    // Theme names are typed on the shared screen too: scrubbed and trimmed.
    CHECK(board.theme(b.value())->name == "Kindness on nights with Dr [NAME]");
    CHECK_FALSE(board.createTheme({ids[4]}, "   "));

    REQUIRE(board.toggleTag(a.value(), "moral-distress"));
    REQUIRE(board.toggleTag(a.value(), "teamwork"));
    REQUIRE(board.toggleTag(a.value(), "teamwork"));
    CHECK(board.theme(a.value())->tags == std::vector<std::string>{"moral-distress"});
    CHECK_FALSE(board.toggleTag(a.value(), "not-a-tag"));

    REQUIRE(board.vote(a.value(), 1));
    REQUIRE(board.vote(b.value(), 2));
    REQUIRE(board.rename(b.value(), "Kindness"));
    REQUIRE(board.toggleTag(b.value(), "kindness"));
    REQUIRE(board.merge(a.value(), b.value()));
    CHECK(board.themes().size() == 1);
    CHECK(board.cardsIn(a.value()) == 4);
    CHECK(board.theme(a.value())->votes == 3);
    CHECK(board.theme(a.value())->tags.size() == 2);

    auto c = board.split(a.value(), {ids[3]}, "Kindness again");
    REQUIRE(c);
    CHECK(board.cardsIn(a.value()) == 3);
    CHECK(board.cardsIn(c.value()) == 1);
    CHECK_FALSE(board.split(a.value(), {ids[5]}, "Not in that theme"));

    // Hiding the only card of a theme removes the card for good and the empty theme with it.
    REQUIRE(board.hideCard(ids[3]));
    CHECK(board.theme(c.value()) == nullptr);
    CHECK(board.cards().size() == 5);
    board.load(f.sid);
    CHECK(board.cards().size() == 5);
    CHECK(
        std::none_of(board.cards().begin(), board.cards().end(), [&](const auto& card) { return card.id == ids[3]; }));
    // What was grouped is still grouped after a reload.
    CHECK(board.cardsIn(a.value()) == 3);
    REQUIRE(board.ungroup({ids[0]}));
    CHECK(board.cardsIn(a.value()) == 2);
}

TEST_CASE("a tag's recurrence counts earlier sessions of the same format", "[board]") {
    Fixture f;
    core::ThemeBoard board(*f.db, f.codebook, f.scrubber);
    // Three earlier Rounds; two carried "grief-and-loss".
    std::vector<std::int64_t> earlier;
    for (int i = 0; i < 3; ++i) {
        f.addOpen(3);
        board.load(f.sid);
        auto t = board.createTheme({board.cards()[0].id}, "Loss");
        REQUIRE(t);
        if (i < 2) REQUIRE(board.toggleTag(t.value(), "grief-and-loss"));
        REQUIRE(f.sessions.apply(core::SessionOp::End));
        f.sessions.closeActive();
        f.clock.advanceSeconds(7 * 24 * 3600);
        REQUIRE(f.sessions.start(test::roundTemplate(), {}));
        f.sid = f.sessions.activeId();
    }
    f.addOpen(3);
    board.load(f.sid);
    const auto rec = board.recurrence("grief-and-loss");
    CHECK(rec.sessions == 3);
    CHECK(rec.carrying == 2);
    CHECK(board.recurrence("hope").carrying == 0);
}

TEST_CASE("attendance is entered on the board and read back", "[board]") {
    Fixture f;
    CHECK_FALSE(core::sessionAttendance(*f.db, f.sid));
    REQUIRE(core::setSessionAttendance(*f.db, f.sid, 4));
    CHECK(core::sessionAttendance(*f.db, f.sid) == 4);
    CHECK_FALSE(core::setSessionAttendance(*f.db, f.sid, -1));
}
