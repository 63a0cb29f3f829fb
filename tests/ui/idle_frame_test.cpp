// An idle frame runs no SQL: on every screen, frames with no input (and a running stage's once-a-second frames)
// draw from the view in memory; only a command reads the database again. The figure per screen is printed.
#include <sqlite3.h>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/kiosk_harness.hpp"

using namespace reflect;
using core::SessionOp;

namespace {

/// Counts every statement the connection starts, through SQLite's own trace hook.
class StatementCounter {
public:
    explicit StatementCounter(core::Database& db) : m_db(db.handle()) {
        sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &StatementCounter::onTrace, this);
    }
    ~StatementCounter() { sqlite3_trace_v2(m_db, 0, nullptr, nullptr); }
    StatementCounter(const StatementCounter&) = delete;
    StatementCounter& operator=(const StatementCounter&) = delete;
    [[nodiscard]] int count() const noexcept { return m_count; }
    void reset() noexcept { m_count = 0; }

private:
    static int onTrace(unsigned, void* self, void*, void*) {
        ++static_cast<StatementCounter*>(self)->m_count;
        return 0;
    }
    sqlite3* m_db;
    int m_count = 0;
};

struct Setting {
    const char* screen;
    std::function<void(test::KioskHarness&)> reach;
};

void toStage(test::KioskHarness& k, const std::function<bool(const core::SessionMachine&)>& here) {
    for (int i = 0; i < 40 && !here(k.machine()) && k.machine().canApply(SessionOp::Next); ++i)
        k.apply(core::SessionCommand{SessionOp::Next});
    REQUIRE(here(k.machine()));
}

std::int64_t alsWithHistory(test::KioskHarness& k) {
    k.apply(core::CreateGroup{"Set", "action-learning", 6});
    const auto group = *k.view().setup.createdGroup;
    k.apply(core::StartSession{"action-learning-set-90", {}, group});
    k.apply(core::AddAction{"Shadow the night team", "Presenter A", std::nullopt});
    k.apply(core::SessionCommand{SessionOp::End});
    k.apply(core::FinishSummary{});
    k.apply(core::StartSession{"action-learning-set-90", {}, group});
    return group;
}

std::vector<Setting> settings() {
    const auto roundRunning = [](test::KioskHarness& k) {
        k.apply(core::StartSession{"round", {}});
        k.apply(core::SessionCommand{SessionOp::Start});
    };
    return {
        {"home", [](test::KioskHarness&) {}},
        {"setup", [](test::KioskHarness& k) { k.apply(core::OpenSetup{}); }},
        {"signposts", [](test::KioskHarness& k) { k.apply(core::OpenSignposts{}); }},
        {"runner, running", roundRunning},
        {"runner, paused",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             k.apply(core::SessionCommand{SessionOp::Pause});
         }},
        {"runner, contributions open",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             toStage(k, [](const core::SessionMachine& m) { return m.currentStage().flags.acceptsContributions; });
             k.apply(core::OpenContributions{});
             k.apply(core::SubmitContribution{core::SecretText("A long week")});
             // The submission reaches the console with its batch (one rebuild); the frames after it are idle.
             k.frame();
             k.clock.advanceMs(core::kContributionBatchMs);
         }},
        {"contribute",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             toStage(k, [](const core::SessionMachine& m) { return m.currentStage().flags.acceptsContributions; });
             k.apply(core::OpenContributions{});
             k.apply(core::LetStaffWrite{});
         }},
        {"board",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             toStage(k, [](const core::SessionMachine& m) { return m.currentStage().flags.acceptsContributions; });
             k.apply(core::OpenContributions{});
             for (const char* text : {"Tired", "Proud of the team", "Not enough time"})
                 k.apply(core::SubmitContribution{core::SecretText(text)});
             k.apply(core::CloseContributions{});
             k.apply(core::SetAttendance{5});
             k.apply(core::RevealContributions{});
             k.apply(core::ShowBoardTools{});
         }},
        {"wall",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             toStage(k, [](const core::SessionMachine& m) { return m.currentStage().flags.acceptsContributions; });
             k.apply(core::OpenContributions{});
             for (const char* text : {"Tired", "Proud of the team", "Not enough time", "Tired"})
                 k.apply(core::SubmitContribution{core::SecretText(text)});
             k.apply(core::CloseContributions{});
             k.apply(core::SetAttendance{5});
             k.apply(core::RevealContributions{});
         }},
        {"set check-in with actions to review", [](test::KioskHarness& k) { alsWithHistory(k); }},
        {"set closing",
         [](test::KioskHarness& k) {
             alsWithHistory(k);
             k.apply(core::SessionCommand{SessionOp::Start});
             for (const auto& a :
                  k.meetings().actions().awaitingReview(*k.view().runner.meeting.groupId, k.sessions().activeId()))
                 k.apply(core::ReviewAction{a.id, {core::ActionStatus::Open, "", true}});
             toStage(k, [](const core::SessionMachine& m) { return m.currentIndex() + 1 == m.stageCount(); });
         }},
        {"evaluation",
         [](test::KioskHarness& k) {
             k.apply(core::StartSession{"walk-up-team-time", {}});
             k.apply(core::SessionCommand{SessionOp::Start});
             toStage(k, [](const core::SessionMachine& m) { return m.currentStage().flags.evaluation; });
         }},
        {"summary",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             k.apply(core::SessionCommand{SessionOp::End});
         }},
        {"checklist",
         [](test::KioskHarness& k) {
             k.apply(core::CreateGroup{"Peers", "peer-support", 8});
             k.apply(core::OpenChecklist{*k.view().setup.createdGroup});
         }},
        {"lead review",
         [](test::KioskHarness& k) {
             REQUIRE(k.pins().setPin(core::Role::Lead, "2468"));
             k.apply(core::OpenLeadReview{});
             k.apply(core::SubmitLeadPin{"2468"});
             REQUIRE(k.screen() == core::Screen::Dashboard);
         }},
        {"exit PIN pad", [](test::KioskHarness& k) { k.apply(core::RequestExit{}); }},
        {"home with a recent session (paper forms)",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             k.apply(core::SessionCommand{SessionOp::End});
             k.apply(core::FinishSummary{});
         }},
        {"paper tally",
         [=](test::KioskHarness& k) {
             roundRunning(k);
             k.apply(core::SessionCommand{SessionOp::End});
             k.apply(core::OpenPaperTally{k.view().summary->id});
             REQUIRE(k.screen() == core::Screen::Tally);
         }},
    };
}

}  // namespace

TEST_CASE("an idle frame runs no SQL on any screen, a running timer included", "[ui][idle]") {
    for (const auto& setting : settings()) {
        DYNAMIC_SECTION(setting.screen) {
            test::KioskHarness k(true);
            setting.reach(k);
            k.frames(2);  // the first frame after a command reads the database once
            StatementCounter counter(k.db());
            for (int i = 0; i < 60; ++i) {
                k.clock.advanceMs(1000);
                k.frame();
            }
            std::printf("SQL statements per idle frame (60 frames, clock +1 s each): %-38s %.2f\n", setting.screen,
                        counter.count() / 60.0);
            CHECK(counter.count() == 0);
        }
    }
}

TEST_CASE("a command reads the database again, once, and the frames after it read nothing", "[ui][idle]") {
    test::KioskHarness k;
    k.apply(core::StartSession{"round", {}});
    k.frames(2);
    StatementCounter counter(k.db());
    k.frame();
    CHECK(counter.count() == 0);
    k.apply(core::SessionCommand{SessionOp::Start});  // a write, then the view is rebuilt on the next frame
    k.frame();
    const int afterCommand = counter.count();
    CHECK(afterCommand > 0);
    k.frames(10);
    CHECK(counter.count() == afterCommand);
}
