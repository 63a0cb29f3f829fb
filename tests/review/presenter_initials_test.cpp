// A set's presenter initials: typed and checked at the set's meeting, shown on the set's own screens, kept only
// with that set's meetings (and purged with them), and never in a lead view, export, report or bundle, which say
// "Presenter A" instead.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/access/pin_store.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/kiosk_controller.hpp"
#include "core/publish/outbox.hpp"
#include "core/review/export.hpp"
#include "core/review/purge.hpp"
#include "core/text/time_format.hpp"
#include "support/fixtures.hpp"

using namespace reflect;
using core::SessionOp;

namespace {

// Initials no other text in these outputs could contain by chance (no word, no hex, no JSON key has them).
constexpr const char* kInitials = "QJX";

struct SetKiosk {
    std::unique_ptr<core::Database> db = test::memoryDatabase();
    core::ManualClock clock;
    core::Scrubber scrubber;
    core::SessionService sessions{*db, clock};
    core::PinStore pins{*db, clock};
    core::MeetingService meetings{*db, clock, scrubber};
    core::KioskController controller{sessions, pins, test::shippedTemplates(), test::shippedStrings(), {}};
    std::int64_t group = 0;

    SetKiosk() {
        controller.attachMeetings(meetings);
        controller.startUp(clock.steadyNow());
        run(core::CreateGroup{"Ward leaders set", "action-learning", 6});
        group = controller.view().setup.createdGroup.value_or(0);
        REQUIRE(group != 0);
    }
    void run(core::Command c) { controller.apply(c, clock.steadyNow()); }
    void op(SessionOp o) { run(core::SessionCommand{o}); }
    std::int64_t startSet() {
        run(core::StartSession{"action-learning-set-90", {}, group});
        REQUIRE(controller.screen() == core::Screen::Runner);
        op(SessionOp::Start);
        return sessions.activeId();
    }
    void endSession() {
        op(SessionOp::End);
        run(core::FinishSummary{});
    }
    /// One meeting: Presenter A chooses the initials and commits to an action; Presenter B has none.
    std::int64_t meetingWithInitials() {
        const auto session = startSet();
        run(core::SetPresenterInitials{"Presenter A", "qjx"});
        CHECK(controller.message().empty());
        run(core::AddAction{"Ask the rota lead for a protected hour", "Presenter A", std::nullopt});
        run(core::AddAction{"Try a huddle at the start of the late shift", "Presenter B", std::nullopt});
        run(core::SetAttendance{6});
        clock.advanceSeconds(90 * 60);
        endSession();
        return session;
    }
};

/// Every text cell of every table, as "table.column=value" lines.
std::vector<std::string> textCells(core::Database& db) {
    std::vector<std::string> tables;
    auto list = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (list.step()) tables.push_back(list.columnText(0));
    std::vector<std::string> out;
    for (const auto& table : tables) {
        std::vector<std::string> columns;
        auto info = db.prepare("SELECT name FROM pragma_table_info(?)");
        info.bind(1, table);
        while (info.step()) columns.push_back(info.columnText(0));
        for (const auto& column : columns) {
            auto rows = db.prepare("SELECT \"" + column + "\" FROM \"" + table + "\"");
            while (rows.step()) {
                const core::SqlValue value = rows.columnValue(0);
                if (const auto* text = std::get_if<std::string>(&value))
                    out.push_back(table + "." + column + "=" + *text);
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("presenter initials are letters only, one to three, upper-cased, with a clear message otherwise",
          "[meetings][initials]") {
    CHECK(core::normalisePresenterInitials("jm").value() == "JM");
    CHECK(core::normalisePresenterInitials("  Abc ").value() == "ABC");
    CHECK(core::normalisePresenterInitials("").value().empty());
    CHECK(core::normalisePresenterInitials("J.M").error().message == "Initials are letters only, for example JM.");
    CHECK(core::normalisePresenterInitials("J M").error().message == "Initials are letters only, for example JM.");
    CHECK(core::normalisePresenterInitials("J7").error().message == "Initials are letters only, for example JM.");
    CHECK(core::normalisePresenterInitials("JMQZ").error().message == "Initials are 1 to 3 letters, for example JM.");

    SetKiosk k;
    const auto session = k.startSet();
    k.run(core::SetPresenterInitials{"Presenter A", "Jo-Mo"});
    CHECK(k.controller.message() == "Initials are letters only, for example JM.");
    CHECK(k.meetings.actions().presenterInitials(session).empty());
    k.run(core::SetPresenterInitials{"Presenter A", "jm"});
    CHECK(k.controller.message().empty());
    CHECK(k.meetings.actions().presenterInitials(session).at("Presenter A") == "JM");
    k.run(core::SetPresenterInitials{"Presenter A", ""});  // cleared again
    CHECK(k.meetings.actions().presenterInitials(session).empty());
}

TEST_CASE("a session without a set keeps no initials", "[meetings][initials]") {
    SetKiosk k;
    k.run(core::StartSession{"action-learning-set-90", {}});
    REQUIRE(k.controller.screen() == core::Screen::Runner);
    k.run(core::SetPresenterInitials{"Presenter A", "JM"});
    CHECK_FALSE(k.controller.message().empty());
    CHECK(k.db->queryInt("SELECT COUNT(*) FROM set_presenters") == 0);
}

TEST_CASE("the set's next meeting shows whose action it is by initials, and the actions keep only Presenter A",
          "[meetings][initials]") {
    SetKiosk k;
    k.meetingWithInitials();
    k.clock.advanceSeconds(28 * 24 * 3600);
    k.startSet();
    k.op(SessionOp::Next);  // the check-in reviews last meeting's actions
    const auto& meeting = k.controller.view().runner.meeting;
    REQUIRE(meeting.review);
    REQUIRE(meeting.checkIn.size() == 2);
    int withInitials = 0;
    for (const auto& line : meeting.checkIn) {
        if (line.action.ownerLabel == "Presenter A") {
            CHECK(line.initials == kInitials);
            ++withInitials;
        } else {
            CHECK(line.initials.empty());
        }
    }
    CHECK(withInitials == 1);
    // The initials live in one table, keyed by the meeting that chose them; nowhere else in the database.
    for (const auto& cell : textCells(*k.db)) {
        INFO(cell);
        if (cell.find(kInitials) != std::string::npos) CHECK(cell.rfind("set_presenters.initials=", 0) == 0);
    }
    CHECK(k.db->queryInt("SELECT COUNT(*) FROM actions WHERE owner_label = 'Presenter A'") == 1);
}

TEST_CASE("the retention purge deletes a set's initials with its old meetings", "[meetings][initials][purge]") {
    SetKiosk k;
    k.meetingWithInitials();
    REQUIRE(k.db->queryInt("SELECT COUNT(*) FROM set_presenters") == 1);
    k.clock.advanceSeconds(400LL * 24 * 3600);
    const auto recent = k.startSet();
    k.run(core::SetPresenterInitials{"Presenter A", "AB"});
    auto purged = core::purgeOlderThan(*k.db, k.clock, 365, "admin");
    REQUIRE(purged);
    CHECK(purged->initials == 1);
    // The old meeting's initials are gone; this year's meeting keeps its own.
    CHECK(k.db->queryInt("SELECT COUNT(*) FROM set_presenters") == 1);
    CHECK(k.meetings.actions().presenterInitials(recent).at("Presenter A") == "AB");
    for (const auto& cell : textCells(*k.db)) {
        INFO(cell);
        CHECK(cell.find(kInitials) == std::string::npos);
    }
}

TEST_CASE("lead views, exports, the report and the published bundle say Presenter A, never a set's initials",
          "[review][initials][export]") {
    SetKiosk k;
    k.meetingWithInitials();
    k.clock.advanceSeconds(24 * 3600);
    const core::ReviewSettings settings;
    const core::Codebook codebook;
    const std::string today = core::formatUtcDate(k.clock.wallNow());
    std::string everything;

    for (const char* what : {"sessions", "themes", "actions", "evaluations"})
        for (const bool text : {false, true}) {
            core::ExportRequest request{what, {}, text, today};
            auto table = core::buildExport(*k.db, codebook, request, settings);
            if (!table) continue;  // evaluations without text have nothing to export here
            const std::string csv = core::toCsv(*table, true);
            const std::string json = core::toJson(*table, request, settings);
            if (std::string(what) == "actions" && text) {
                CHECK(csv.find("Presenter A") != std::string::npos);
                CHECK(json.find("Presenter A") != std::string::npos);
            }
            everything += csv + json;
        }
    core::ReportRequest report{{}, today, "Test Trust"};
    everything += core::buildHtmlReport(*k.db, codebook, report, settings);
    for (const auto& hit : core::search(*k.db, "rota", {}, settings)) everything += hit.text + hit.group;
    for (const auto& line : core::actionList(*k.db, {}, false)) {
        CHECK((line.owner == "Presenter A" || line.owner == "Presenter B"));
        everything += line.owner + line.text + line.outcome;
    }
    std::string bundle;
    auto published = core::publishChanges(*k.db, std::string(64, '0'), {}, [&](const core::Bundle& b) {
        for (const auto& unit : b.units) bundle += core::toJson(unit).dump();
        return core::ok();
    });
    REQUIRE(published);
    CHECK_FALSE(bundle.empty());
    everything += bundle;

    CHECK(everything.find("Presenter A") != std::string::npos);
    CHECK(everything.find(kInitials) == std::string::npos);
}
