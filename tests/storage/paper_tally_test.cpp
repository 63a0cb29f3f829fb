// The paper tally: checks with one message per mistake, saved as ordinary anonymous evaluations, replaced (never
// doubled) when entered again, phone and kiosk evaluations untouched, and the review, exports and published
// units seeing exactly the typed counts, with the review's suppression as for any other evaluations.
#include <algorithm>
#include <numeric>

#include <catch2/catch.hpp>

#include "core/access/pin_store.hpp"
#include "core/evaluation/paper_tally_store.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/kiosk_controller.hpp"
#include "core/publish/unit_queries.hpp"
#include "core/review/review.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using core::SessionOp;
using core::TallyRow;

namespace {

struct Kiosk {
    explicit Kiosk(std::unique_ptr<core::Database> database = test::memoryDatabase()) : db(std::move(database)) {
        controller.attachMeetings(meetings);
        controller.startUp(clock.steadyNow());
    }
    std::unique_ptr<core::Database> db;
    core::ManualClock clock;
    core::Scrubber scrubber;
    core::SessionService sessions{*db, clock};
    core::PinStore pins{*db, clock};
    core::MeetingService meetings{*db, clock, scrubber};
    core::KioskController controller{sessions, pins, test::shippedTemplates(), test::shippedStrings(), {}};

    void run(core::Command c) { controller.apply(c, clock.steadyNow()); }
    /// A Round that ran and ended, with `phone` evaluations sent from phones while it ran.
    std::int64_t endedRound(const std::vector<core::EvaluationAnswers>& phone = {}) {
        run(core::StartSession{"round", {}});
        REQUIRE(sessions.active());
        const auto id = sessions.activeId();
        run(core::SessionCommand{SessionOp::Start});
        for (const auto& a : phone) run(core::SubmitEvaluation{a, true});
        clock.advanceSeconds(3600);
        run(core::SessionCommand{SessionOp::End});
        REQUIRE(controller.screen() == core::Screen::Summary);
        return id;
    }
    std::size_t statements() const { return test::shippedTemplates().find("round")->evaluationStatements.size(); }
};

core::PaperTally roundOfSixty(std::size_t statements) {
    core::PaperTally t;
    t.headCount = 60;
    t.forms = 56;
    t.overall = {1, 3, 12, 24, 15};
    // Statement 1 has a small count (3 strongly disagree); the others have none.
    for (std::size_t i = 0; i < statements; ++i)
        t.statements.push_back({i == 0 ? 3 : (i % 2 == 1 ? 8 : 0), 8, 8, 16, 16});
    t.comeAgainYes = 48;
    t.comeAgainNo = 5;
    t.staffGroups = {30, 14, 8, 2};
    return t;
}

std::vector<std::string> messagesOf(const std::vector<core::TallyIssue>& issues) {
    std::vector<std::string> out;
    for (const auto& i : issues) out.push_back(i.message);
    return out;
}

/// The answers per statement and value the lead review's source table holds for a session.
std::vector<core::AnswerCounts> storedAnswers(core::Database& db, std::int64_t session, std::size_t statements) {
    std::vector<core::AnswerCounts> out(statements, core::AnswerCounts{});
    auto st =
        db.prepare("SELECT statement_index, n1, n2, n3, n4, n5 FROM evaluation_tally WHERE session_id = ? ORDER BY 1");
    st.bind(1, session);
    while (st.step())
        for (int v = 0; v < 5; ++v)
            out.at(static_cast<std::size_t>(st.columnInt(0)))[static_cast<std::size_t>(v)] =
                static_cast<int>(st.columnInt(1 + v));
    return out;
}

core::EvaluationAnswers phoneForm(std::size_t statements, int value, std::string comment = "") {
    core::EvaluationAnswers a;
    a.overall = value;
    a.statements.assign(statements, value);
    a.comment = std::move(comment);
    a.comeAgain = true;
    a.staffGroup = core::StaffGroup::Student;
    return a;
}

}  // namespace

TEST_CASE("a paper tally's mistakes come one message each, naming the row and what to fix", "[tally]") {
    const auto& strings = test::shippedStrings();
    core::PaperTally t = roundOfSixty(8);
    CHECK(core::validateTally(t, {}, strings).empty());

    t.headCount.reset();
    auto issues = core::validateTally(t, {}, strings);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].row == TallyRow{TallyRow::Kind::HeadCount});
    CHECK(issues[0].message ==
          "No head count is recorded for this session. Type how many people came in the Head count row.");

    t = roundOfSixty(8);
    t.forms = 60;
    t.statements[2] = {10, 10, 14, 20, 10};  // 64 answers
    t.overall[1] = -2;
    t.staffGroups = {40, 20, 1, 0};  // 61
    issues = core::validateTally(t, {}, strings);
    CHECK(messagesOf(issues) == std::vector<std::string>{
                                    "Overall: a count cannot be below 0. Type 0 or more.",
                                    "Statement 3: 64 answers, but only 60 forms. Check the counts on this row.",
                                    "Staff groups: 61 answers, but only 60 forms. Check the counts on this row.",
                                });
    CHECK(issues[1].row == TallyRow{TallyRow::Kind::Statement, 2});

    // More forms than people: with evaluations from phones, both are named.
    t = roundOfSixty(8);
    t.headCount = 57;
    issues = core::validateTally(t, {3}, strings);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].row == TallyRow{TallyRow::Kind::Forms});
    CHECK(issues[0].message ==
          "Forms returned: 56 forms on paper and 3 forms from phones or the kiosk, but only 57 people came. Check "
          "the forms, or correct the head count.");
    t.headCount = 1;
    t.forms = 2;
    t.overall = {};
    t.statements.assign(8, core::AnswerCounts{});
    t.comeAgainYes = t.comeAgainNo = 0;
    t.staffGroups = {};
    CHECK(messagesOf(core::validateTally(t, {}, strings)) ==
          std::vector<std::string>{
              "Forms returned: 2 forms, but only 1 person came. Check the forms, or correct the head count."});
    t.comeAgainNo = -1;
    t.forms = -1;
    CHECK(core::validateTally(t, {}, strings).size() == 2);
}

TEST_CASE("a paper tally is saved as ordinary evaluations: the review, exports and published units see the counts",
          "[tally]") {
    Kiosk k;
    const auto session = k.endedRound();
    const core::PaperTally typed = roundOfSixty(k.statements());
    core::PaperTallyStore store(*k.db);
    REQUIRE(store.save(session, typed));

    CHECK(k.db->queryInt("SELECT evaluation_count FROM sessions WHERE id = " + std::to_string(session)) == 56);
    CHECK(k.db->queryInt("SELECT attendance FROM sessions WHERE id = " + std::to_string(session)) == 60);
    CHECK(storedAnswers(*k.db, session, k.statements()) == typed.statements);
    const auto tally = k.meetings.evaluations().tally(session);
    CHECK(tally.count == 56);
    CHECK(tally.overall == std::array<int, 5>{1, 3, 12, 24, 15});
    CHECK(tally.comeAgainYes == 48);
    CHECK(tally.comeAgainNo == 5);
    const auto groups = k.meetings.evaluations().staffGroupCounts(session);
    CHECK(groups == std::map<std::string, int>{{"clinical", 30}, {"non-clinical", 14}, {"student", 8}, {"other", 2}});

    // The lead review (and the CSV export, which prints these rows) shows the typed counts; statement 1's three
    // "strongly disagree" are a small count, which hides that statement's spread as for any evaluations.
    const auto rows = core::evaluationsByStatement(*k.db, {}, core::ReviewSettings{});
    REQUIRE(rows.size() == k.statements());
    for (const auto& row : rows) {
        const auto& want = typed.statements[static_cast<std::size_t>(row.statementIndex)];
        INFO("statement " << row.statementIndex + 1);
        CHECK(row.forms.value == 56);
        // Blanks are a complement like any other: 5 blanks of 56 forms hide the answer count too.
        const int blanks = 56 - core::answered(want);
        CHECK(row.answers.suppressed == (blanks >= 1 && blanks <= 7));
        if (!row.answers.suppressed) CHECK(row.answers.value == core::answered(want));
        if (!row.agree.suppressed) CHECK(row.agree.value == want[3] + want[4]);
        const bool small = std::any_of(want.begin(), want.end(), [](int n) { return n >= 1 && n <= 7; });
        CHECK(small == (row.statementIndex == 0));
        for (std::size_t v = 0; v < 5; ++v) {
            CHECK(row.distribution[v].suppressed == small);
            if (!small) CHECK(row.distribution[v].value == want[v]);
        }
    }
    // Staff groups: 2 forms named no group and 2 said "other", both small parts of 56. Forms returned minus the
    // published groups would give either away, so the unit publishes none of its groups (the review's rule for
    // any evaluations, paper or not).
    for (const auto& g : core::staffGroupsByPeriod(*k.db, {}, core::ReviewSettings{})) {
        INFO(g.staffGroup);
        CHECK(g.forms.suppressed);
    }
    // The published unit carries the same answers per statement and the forms returned.
    const auto units = core::readUnits(*k.db, {});
    REQUIRE(units.size() == 1);
    CHECK(units[0].evaluations == 56);
    CHECK(units[0].attendance == 60);
    for (const auto& [index, a] : units[0].answers)
        for (std::size_t v = 0; v < 5; ++v) CHECK(a.counts[v] == typed.statements[static_cast<std::size_t>(index)][v]);
}

TEST_CASE("entering a tally again replaces the paper figures and never touches phone evaluations", "[tally]") {
    Kiosk k;
    const auto n = k.statements();
    std::vector<core::EvaluationAnswers> phone = {phoneForm(n, 5, "The panel was brave."), phoneForm(n, 2),
                                                  phoneForm(n, 1)};
    // A phone form that says exactly what a paper form will: taking either out later is the same to every reader.
    core::PaperTally typed = roundOfSixty(n);
    phone.push_back(core::spreadOverForms(typed)[3]);
    phone.back().staffGroup.reset();
    const auto session = k.endedRound(phone);
    const auto before = storedAnswers(*k.db, session, n);
    const auto phoneGroups = k.meetings.evaluations().staffGroupCounts(session);

    core::PaperTallyStore store(*k.db);
    REQUIRE(store.save(session, typed));
    auto opened = store.open(session);
    REQUIRE(opened);
    CHECK(opened.value().tally.forms == 56);
    CHECK(opened.value().otherForms == 4);
    CHECK(opened.value().session.paperForms == 56);

    // The same tally twice: the same figures, not twice as many.
    REQUIRE(store.save(session, typed));
    CHECK(k.meetings.evaluations().count(session) == 60);

    // A correction: fewer forms and different counts replace the earlier ones.
    core::PaperTally corrected = typed;
    corrected.forms = 50;
    corrected.overall = {0, 2, 10, 24, 14};
    for (auto& s : corrected.statements) s = {2, 4, 10, 20, 12};
    corrected.comeAgainYes = 40;
    corrected.staffGroups = {25, 14, 8, 2};
    REQUIRE(store.save(session, corrected));
    CHECK(k.meetings.evaluations().count(session) == 54);
    auto after = storedAnswers(*k.db, session, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t v = 0; v < 5; ++v) CHECK(after[i][v] == before[i][v] + corrected.statements[i][v]);
    auto groups = k.meetings.evaluations().staffGroupCounts(session);
    CHECK(groups["clinical"] == 25);
    CHECK(groups["student"] == phoneGroups.at("student") + 8);

    // Every phone evaluation is still there as it was: its comment, and all its answers on one row.
    const auto rows = k.meetings.evaluations().shuffled(session);
    CHECK(std::count_if(rows.begin(), rows.end(), [](const core::StoredEvaluation& e) {
              return e.comment == "The panel was brave." && e.overall == 5 &&
                     std::all_of(e.statements.begin(), e.statements.end(), [](auto a) { return a == 5; });
          }) == 1);
    for (const int value : {1, 2})
        CHECK(std::count_if(rows.begin(), rows.end(), [&](const core::StoredEvaluation& e) {
                  return e.overall == value &&
                         std::all_of(e.statements.begin(), e.statements.end(), [&](auto a) { return a == value; });
              }) >= 1);

    // No paper forms at all: only the phone evaluations are left, and nothing marks the session as paper.
    core::PaperTally none;
    none.headCount = 60;
    none.statements.assign(n, core::AnswerCounts{});
    REQUIRE(store.save(session, none));
    CHECK(k.meetings.evaluations().count(session) == 4);
    CHECK(storedAnswers(*k.db, session, n) == before);
    CHECK(k.meetings.evaluations().staffGroupCounts(session) == phoneGroups);
    CHECK(k.db->queryInt("SELECT COUNT(*) FROM paper_tallies") == 0);
}

TEST_CASE("a tally with a mistake or for a running session is refused and changes nothing", "[tally]") {
    Kiosk k;
    const auto session = k.endedRound();
    core::PaperTallyStore store(*k.db);
    core::PaperTally t = roundOfSixty(k.statements());
    t.statements[0][4] = 60;
    CHECK_FALSE(store.save(session, t));
    t = roundOfSixty(k.statements());
    t.headCount = 50;
    CHECK_FALSE(store.save(session, t));
    CHECK(k.meetings.evaluations().count(session) == 0);

    k.run(core::FinishSummary{});
    k.run(core::StartSession{"round", {}});
    const auto running = k.sessions.activeId();
    CHECK_FALSE(store.open(running));
    CHECK_FALSE(store.save(running, roundOfSixty(k.statements())));
}

TEST_CASE("the database file holds no mark on any row saying it came from paper", "[tally][storage]") {
    test::TempDir dir;
    const auto path = dir.path() / "kiosk.db";
    {
        auto file = std::make_unique<core::Database>(path.string());
        core::migrate(*file);
        Kiosk k(std::move(file));
        const auto n = k.statements();
        const auto session = k.endedRound({phoneForm(n, 4), phoneForm(n, 3)});
        core::PaperTallyStore store(*k.db);
        REQUIRE(store.save(session, roundOfSixty(n)));
    }
    core::Database db(path.string());
    // The evaluation tables have exactly the columns they had before paper tallies existed.
    const auto columns = [&](const std::string& table) {
        std::vector<std::string> out;
        auto st = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        st.bind(1, table);
        while (st.step()) out.push_back(st.columnText(0));
        return out;
    };
    CHECK(columns("evaluations") ==
          std::vector<std::string>{"id", "session_id", "overall", "comment", "come_again", "purged"});
    CHECK(columns("evaluation_answers") ==
          std::vector<std::string>{"evaluation_id", "statement_index", "statement", "answer"});
    // The only trace of paper is per session: the counts typed, with no evaluation key in them.
    CHECK(columns("paper_tallies") == std::vector<std::string>{"session_id", "forms", "counts"});
    CHECK(db.queryInt("SELECT COUNT(*) FROM paper_tallies") == 1);
    auto keys = db.prepare("SELECT id FROM evaluations");
    const std::string counts = [&] {
        auto st = db.prepare("SELECT counts FROM paper_tallies");
        st.step();
        return st.columnText(0);
    }();
    int rows = 0;
    while (keys.step()) {
        ++rows;
        CHECK(counts.find(std::to_string(keys.columnInt(0))) == std::string::npos);
    }
    CHECK(rows == 58);
    // No other table or index mentions paper, and no trigger writes any per-row flag.
    CHECK(db.queryInt("SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%paper%' AND name <> 'paper_tallies' AND "
                      "name NOT LIKE 'sqlite_autoindex_paper%'") == 0);
}
