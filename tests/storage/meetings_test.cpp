// Groups that meet again: a set's presenters changed during bids, actions carried across meetings, anonymous
// evaluations and the principles checklist, driven through the kiosk controller like the screens drive it.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <set>

#include <catch2/catch.hpp>

#include "core/access/pin_store.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/kiosk_controller.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using core::SessionOp;

namespace {

struct Kiosk {
    std::unique_ptr<core::Database> db = test::memoryDatabase();
    core::ManualClock clock;
    core::Scrubber scrubber;
    core::SessionService sessions{*db, clock};
    core::PinStore pins{*db, clock};
    core::MeetingService meetings{*db, clock, scrubber};
    core::KioskController controller{sessions, pins, test::shippedTemplates(), test::shippedStrings(), {}};

    Kiosk() {
        controller.attachMeetings(meetings);
        controller.startUp(clock.steadyNow());
    }
    void run(core::Command c) { controller.apply(c, clock.steadyNow()); }
    void op(SessionOp o) { run(core::SessionCommand{o}); }
    std::int64_t newGroup(const std::string& name) {
        run(core::CreateGroup{name, "action-learning", 6});
        REQUIRE(controller.view().setup.createdGroup);
        return *controller.view().setup.createdGroup;
    }
    std::int64_t startSet(std::int64_t group, const std::string& templateId = "action-learning-set-90") {
        run(core::StartSession{templateId, {}, group});
        REQUIRE(controller.screen() == core::Screen::Runner);
        op(SessionOp::Start);
        return sessions.activeId();
    }
    const core::SessionMachine& machine() {
        REQUIRE(sessions.active());
        return *sessions.active();
    }
    void endSession() {
        op(SessionOp::End);
        REQUIRE(controller.screen() == core::Screen::Summary);
        run(core::FinishSummary{});
    }
    std::vector<std::string> stageNames() {
        std::vector<std::string> out;
        for (const auto& s : machine().plan().stages()) out.push_back(s.name);
        return out;
    }
};

}  // namespace

TEST_CASE("presenters added and removed during bids expand the timeline and keep earlier progress", "[meetings][als]") {
    Kiosk k;
    const auto group = k.newGroup("Ward leaders set");
    k.startSet(group, "action-learning-set");
    CHECK(k.machine().stageCount() ==
          3 + 2 * 5 + 3);  // re-contracting, check-in, bids, 2 presenters x 5, break, process review, close
    k.clock.advanceSeconds(600);
    k.op(SessionOp::Next);  // re-contracting done; the check-in is next
    REQUIRE(k.machine().currentIndex() == 1);
    k.clock.advanceSeconds(120);
    const auto total2 = k.machine().plan().totalPlannedMs();
    const auto issue2 = k.machine().plan().stages()[3].plannedMs;

    k.run(core::SetRepeatCount{"presenter", 4});
    CHECK(k.machine().stageCount() == 3 + 4 * 5 + 3);
    CHECK(k.machine().currentIndex() == 1);
    CHECK(k.machine().elapsedMs(0, k.clock.steadyNow()) == 600'000);
    CHECK(k.machine().elapsedMs(1, k.clock.steadyNow()) == 120'000);
    const auto names = k.stageNames();
    CHECK(std::count_if(names.begin(), names.end(),
                        [](const std::string& n) { return n.rfind("Presenter D", 0) == 0; }) == 5);
    // Time for presenters is shared out of the half day: more presenters, shorter turns, the same finish.
    CHECK(k.machine().plan().stages()[3].plannedMs < issue2);
    CHECK(std::llabs(k.machine().plan().totalPlannedMs() - total2) <= 60'000);

    k.run(core::SetRepeatCount{"presenter", 1});
    CHECK(k.machine().stageCount() == 3 + 5 + 3);
    CHECK(k.machine().plan().stages()[3].plannedMs > issue2);
    CHECK(k.machine().elapsedMs(1, k.clock.steadyNow()) == 120'000);

    k.run(core::SetRepeatCount{"presenter", 12});  // past the template's maximum of 8: clamped
    CHECK(k.machine().stageCount() == 3 + 8 * 5 + 3);
    const auto last = k.stageNames();
    CHECK(std::find(last.begin(), last.end(), "Presenter H: the issue") != last.end());
    // Labels only: the stage names never hold anything typed.
    for (const auto& n : last) CHECK((n.rfind("Presenter ", 0) == 0 || n.find("Presenter") == std::string::npos));
    // The change is durable: a restart finds the same plan.
    core::SessionService again(*k.db, k.clock);
    REQUIRE(again.restoreUnfinished().value());
    CHECK(again.active()->stageCount() == 3 + 8 * 5 + 3);
}

TEST_CASE("a set meets three times and each meeting starts from what the last committed to", "[meetings][actions]") {
    Kiosk k;
    const auto group = k.newGroup("Community nursing set");

    // Meeting 1: two presenters commit to actions; the set takes one too.
    const auto first = k.startSet(group);
    k.op(SessionOp::Next);
    k.run(core::AddAction{"Ask Dr Okafor about the rota on 12/03/2026", "Presenter A", std::string("2026-12-01")});
    k.run(core::AddAction{"Shadow the night team for one shift", "Presenter B", std::nullopt});
    k.run(core::AddAction{"Find a quieter room for the set", "The set", std::nullopt});
    CHECK(k.controller.view().runner.meeting.actionsSaved == 3);
    k.run(core::AddAction{"   ", "Presenter A", std::nullopt});
    CHECK(k.controller.view().runner.meeting.actionsSaved == 3);
    CHECK_FALSE(k.controller.message().empty());
    k.run(core::AddAction{"Bad date", "Presenter A", std::string("2026-02-30")});
    CHECK(k.controller.view().runner.meeting.actionsSaved == 3);
    const auto agreed = k.meetings.actions().agreedIn(first);
    REQUIRE(agreed.size() == 3);
    for (const auto& a : agreed) CHECK(a.text.find("Okafor") == std::string::npos);
    CHECK(k.meetings.closing(first).actionsAgreed == 3);
    k.endSession();
    CHECK(k.meetings.groups().overview().front().openActions == 3);

    // Meeting 2: the check-in cannot be left until every open action is marked.
    const auto second = k.startSet(group);
    k.op(SessionOp::Next);  // re-contracting, then the check-in
    CHECK(k.meetings.unreviewedActions(k.sessions) == 3);
    k.op(SessionOp::Next);
    CHECK(k.machine().currentIndex() == 1);
    CHECK(k.controller.message().find('3') != std::string::npos);
    const auto review = k.meetings.actions().awaitingReview(group, second);
    REQUIRE(review.size() == 3);
    auto byOwner = [&](const std::string& owner) {
        for (const auto& a : review)
            if (a.ownerLabel == owner) return a.id;
        FAIL("no action for " << owner);
        return std::int64_t{0};
    };
    const auto a1 = byOwner("Presenter A");
    const auto a2 = byOwner("Presenter B");
    const auto a3 = byOwner("The set");
    k.run(core::ReviewAction{a1, {core::ActionStatus::Done, "Rota changed after talking with Sister Jones", false}});
    k.run(core::ReviewAction{a2, {core::ActionStatus::Open, "", true}});
    k.op(SessionOp::Next);
    CHECK(k.machine().currentIndex() == 1);  // the set's own action is still unmarked
    k.run(core::ReviewAction{a3, {core::ActionStatus::Dropped, "No room is free; we stay where we are", false}});
    CHECK(k.meetings.actions().forCheckIn(group, second).size() == 3);  // marked ones stay listed at this check-in
    k.op(SessionOp::Next);
    CHECK(k.machine().currentIndex() == 2);
    CHECK(k.meetings.actions().find(a1)->outcome.find("Jones") == std::string::npos);
    k.run(core::AddAction{"Write up the handover idea", "Presenter A", std::nullopt});
    k.endSession();

    // Meeting 3: the carried action and the new one are waiting; done and dropped ones are not.
    const auto third = k.startSet(group);
    k.op(SessionOp::Next);
    const auto waiting = k.meetings.actions().awaitingReview(group, third);
    REQUIRE(waiting.size() == 2);
    std::set<std::string> texts;
    for (const auto& a : waiting) texts.insert(a.text);
    CHECK(texts == std::set<std::string>{"Shadow the night team for one shift", "Write up the handover idea"});
    for (const auto& a : waiting) k.run(core::ReviewAction{a.id, {core::ActionStatus::InProgress, "Started", false}});
    k.op(SessionOp::Next);
    CHECK(k.machine().currentIndex() == 2);

    const auto history = k.meetings.actions().history(a2);
    REQUIRE(history.size() == 3);
    CHECK(history[0].note == "created");
    CHECK(history[0].sessionId == first);
    CHECK(history[1].note == "carried over");
    CHECK(history[1].sessionId == second);
    CHECK(history[2].status == core::ActionStatus::InProgress);
    CHECK(history[2].sessionId == third);
    const auto dropped = k.meetings.actions().history(a3);
    REQUIRE(dropped.size() == 2);
    CHECK(dropped[1].status == core::ActionStatus::Dropped);
    CHECK(k.meetings.actions().openForGroup(group).size() == 2);
}

TEST_CASE("a session without a group has no review gate", "[meetings][actions]") {
    Kiosk k;
    k.run(core::StartSession{"action-learning-set-90", {}, std::nullopt});
    k.op(SessionOp::Start);
    k.op(SessionOp::Next);
    CHECK(k.machine().currentIndex() == 1);
}

TEST_CASE("evaluation rows hold no time, order or author, and reads are shuffled",
          "[meetings][evaluation][anonymity]") {
    Kiosk k;
    for (const char* table : {"evaluations", "evaluation_answers"}) {
        std::set<std::string> columns;
        auto stmt = k.db->prepare(std::string("SELECT name FROM pragma_table_info('") + table + "')");
        while (stmt.step()) columns.insert(stmt.columnText(0));
        if (std::string(table) == "evaluations")
            CHECK(columns == std::set<std::string>{"id", "session_id", "overall", "comment", "come_again", "purged"});
        else
            CHECK(columns == std::set<std::string>{"evaluation_id", "statement_index", "statement", "answer"});
        const std::string sql =
            k.db->queryText(std::string("SELECT sql FROM sqlite_schema WHERE name = '") + table + "'");
        for (const char* forbidden : {"AUTOINCREMENT", "_at", "time", "author", "device", "seq", "order", "name"}) {
            INFO(table << " must not contain " << forbidden);
            CHECK(sql.find(forbidden) == std::string::npos);
        }
    }

    k.run(core::StartSession{"round", {}, std::nullopt});
    k.op(SessionOp::Start);
    const auto session = k.sessions.activeId();
    const auto& statements = k.machine().plan().tmpl().evaluationStatements;
    REQUIRE(statements.size() == 8);
    for (int i = 0; i < 24; ++i) {
        core::EvaluationAnswers a;
        a.overall = 1 + i % 5;
        a.statements.assign(statements.size(), std::optional<int>(5 - i % 5));
        a.statements[3].reset();
        a.staffGroup = i % 2 ? core::StaffGroup::Clinical : core::StaffGroup::Student;
        a.comment = i == 0 ? "Thanks to Staff Nurse Patel, call 07700 900123" : "";
        a.comeAgain = i % 3 != 0;
        k.run(core::SubmitEvaluation{a});
    }
    CHECK(k.controller.view().runner.meeting.evaluationsSaved == 24);
    core::EvaluationAnswers bad;
    bad.overall = 6;
    k.run(core::SubmitEvaluation{bad});
    CHECK(k.controller.view().runner.meeting.evaluationsSaved == 24);
    CHECK(k.meetings.evaluations().count(session) == 24);

    // Keys are random, so rowid order is not arrival order.
    std::vector<std::int64_t> keys;
    auto ids = k.db->prepare("SELECT id FROM evaluations");
    while (ids.step()) keys.push_back(ids.columnInt(0));
    REQUIRE(keys.size() == 24);
    CHECK(keys.back() - keys.front() > 1'000'000);

    const std::string dump = k.db->queryText("SELECT group_concat(comment, '|') FROM evaluations");
    CHECK(dump.find("Patel") == std::string::npos);
    CHECK(dump.find("07700") == std::string::npos);

    const auto read1 = k.meetings.evaluations().shuffled(session);
    REQUIRE(read1.size() == 24);
    for (const auto& e : read1) {
        REQUIRE(e.statements.size() == 8);
        CHECK_FALSE(e.statements[3]);
        CHECK(e.statements[0]);
    }
    auto overallSeq = [](const std::vector<core::StoredEvaluation>& v) {
        std::vector<int> out;
        for (const auto& e : v) out.push_back(e.overall.value_or(0) * 10 + (e.comeAgain.value_or(false) ? 1 : 0));
        return out;
    };
    bool differs = false;
    for (int attempt = 0; attempt < 5 && !differs; ++attempt)
        differs = overallSeq(k.meetings.evaluations().shuffled(session)) != overallSeq(read1);
    CHECK(differs);

    const auto tally = k.meetings.evaluations().tally(session);
    CHECK(tally.count == 24);
    CHECK(tally.overall == std::array<int, 5>{5, 5, 5, 5, 4});
    CHECK(tally.comeAgainYes == 16);
    CHECK(tally.comeAgainNo == 8);
    CHECK(k.meetings.closing(session).evaluations == 24);
}

TEST_CASE("the principles checklist round trip shows what changed since the last check", "[meetings][checklist]") {
    const auto principles = core::loadPrinciples((test::assetsDir() / "principles.toml").string());
    REQUIRE(principles);
    REQUIRE(principles.value().size() == 7);
    CHECK(principles.value()[0].key == "mutuality");
    CHECK_FALSE(core::loadPrinciples("/nonexistent/principles.toml"));

    Kiosk k;
    const auto group = k.newGroup("Peer support circle");
    k.run(core::OpenChecklist{group});
    CHECK(k.controller.screen() == core::Screen::Checklist);
    std::vector<core::PrincipleAnswer> first;
    for (const auto& p : principles.value()) first.push_back({p.key, core::PrincipleRating::Partly, "", ""});
    first[0].rating = core::PrincipleRating::NotYet;
    first[0].example = "Mr Hughes always chairs";
    first[6].rating = core::PrincipleRating::NotApplicable;
    k.run(core::SaveChecklist{first});
    k.clock.advanceSeconds(86400 * 42);

    auto second = first;
    second[0].rating = core::PrincipleRating::Met;
    second[0].example = "";
    second[0].nextStep = "Rotate the chair";
    second[1].rating = core::PrincipleRating::NotYet;
    k.run(core::SaveChecklist{second});

    const auto history = k.meetings.checklists().history(group);
    REQUIRE(history.size() == 2);
    CHECK(history[0].takenAtWall - history[1].takenAtWall == 86400LL * 42 * 1000);
    CHECK(history[1].answers.size() == 7);
    CHECK(history[1].find("mutuality")->example.find("Hughes") == std::string::npos);
    CHECK(history[0].find("mutuality")->nextStep == "Rotate the chair");

    const auto changes = core::compareChecklists(&history[1], history[0]);
    REQUIRE(changes.size() == 7);
    std::map<std::string, int> direction;
    for (const auto& c : changes) direction[c.principle] = c.direction;
    CHECK(direction["mutuality"] == 1);
    CHECK(direction["reciprocal"] == -1);
    CHECK(direction[principles.value()[2].key] == 0);
    for (const auto& c : changes)
        if (c.principle == "mutuality") CHECK(c.before == core::PrincipleRating::NotYet);
    for (const auto& c : core::compareChecklists(nullptr, history[0])) CHECK_FALSE(c.before);

    k.run(core::SaveChecklist{
        {{"mutuality", core::PrincipleRating::Met, "", ""}, {"mutuality", core::PrincipleRating::Met, "", ""}}});
    CHECK(k.meetings.checklists().history(group).size() == 2);
    CHECK_FALSE(k.controller.message().empty());
}

TEST_CASE("home shows each group's next step and attendance is a count", "[meetings][groups]") {
    Kiosk k;
    k.run(core::CreateGroup{"  ", "action-learning", std::nullopt});
    CHECK_FALSE(k.controller.message().empty());
    const auto group = k.newGroup("Theatre team");
    k.startSet(group);
    k.run(core::SetAttendance{5});
    CHECK(k.meetings.groups().attendance(k.sessions.activeId()) == 5);
    k.run(core::AddAction{"Book the debrief room", "The set", std::nullopt});
    k.endSession();
    const auto overview = k.meetings.groups().overview();
    REQUIRE(overview.size() == 1);
    CHECK(overview[0].group.name == "Theatre team");
    CHECK(overview[0].meetings == 1);
    CHECK(overview[0].openActions == 1);
    CHECK(overview[0].group.expectedSize == 6);
}

TEST_CASE("timings on a real database file: saving an evaluation, and the check-in queries of a busy set",
          "[meetings][timing]") {
    test::TempDir dir;
    core::Database db((dir / "reflect.db").string());
    core::migrate(db);
    core::ManualClock clock;
    core::Scrubber scrubber;
    core::SessionService sessions(db, clock);
    core::MeetingService meetings(db, clock, scrubber);
    const auto group = meetings.groups().create("Busy set", "action-learning", 8, clock.wallNow()).value();
    REQUIRE(sessions.start(test::roundTemplate(), {}, group));
    const auto session = sessions.activeId();
    const auto& statements = test::roundTemplate().evaluationStatements;

    constexpr int kEvaluations = 40;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kEvaluations; ++i) {
        core::EvaluationAnswers a;
        a.overall = 1 + i % 5;
        a.statements.assign(statements.size(), std::optional<int>(3));
        a.comment = "It helped to hear Sister Jones talk about the night shift";
        REQUIRE(meetings.evaluations().add(session, a, statements));
    }
    const double perEvaluation =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kEvaluations;

    // 300 actions from earlier meetings: what the check-in panel reads on each frame it draws.
    for (int i = 0; i < 300; ++i)
        REQUIRE(meetings.actions().add(group, std::nullopt, "Follow up the rota question", "Presenter A", std::nullopt,
                                       clock.wallNow()));
    start = std::chrono::steady_clock::now();
    std::size_t seen = 0;
    for (int i = 0; i < 10; ++i)
        seen += meetings.actions().forCheckIn(group, session).size() +
                meetings.actions().awaitingReview(group, session).size();
    const double perFrame =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 10;
    std::cout << "[meetings] one evaluation saved (synchronous=FULL, file) in " << perEvaluation
              << " ms; check-in lists of "
              << "300 open actions read in " << perFrame << " ms\n";
    CHECK(meetings.evaluations().count(session) == kEvaluations);
    CHECK(seen == 10 * 600);
}
