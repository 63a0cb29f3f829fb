// The panels that sum in C++ rather than in SQL (for speed: see scripts/bench-review) give what a plain GROUP BY
// over the base tables gives, on demo data, for every kind of filter a lead can set.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/review/demo_data.hpp"
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"
#include "review/review_fixture.hpp"
#include "support/fixtures.hpp"

using namespace reflect;
using core::review_query::bindFilter;
using core::review_query::kFilterWhere;
using test::review::codebook;

namespace {

std::vector<core::ReviewFilter> filters(core::Database& db) {
    std::vector<core::ReviewFilter> out(5);
    out[1].from = "2025-11-01";
    out[1].to = "2026-10-31";
    out[2].period = core::PeriodKind::Quarter;
    out[2].groupId = db.queryInt("SELECT MIN(group_id) FROM sessions");
    out[3].period = core::PeriodKind::Year;
    out[3].format = "team-time";
    out[4].from = "2026-03-01";
    out[4].format = "round";
    return out;
}

/// The timing panel as one SQL statement, the way it was written before it summed in C++.
std::vector<core::TimingRow> timingBySql(core::Database& db, const core::ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT s.format, ss.key, MIN(ss.name), COUNT(*), AVG(ss.planned_ms) / 60000.0, "
        "AVG(ss.actual_ms) / 60000.0, AVG(ss.actual_ms > ss.planned_ms + 60000), MIN(ss.idx) "
        "FROM sessions s JOIN session_stages ss ON ss.session_id = s.id WHERE " +
        std::string(kFilterWhere) + " GROUP BY 1, 2 ORDER BY 1, 8, 2");
    bindFilter(st, filter);
    std::vector<core::TimingRow> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnInt(3), st.columnDouble(4),
                       st.columnDouble(5), st.columnDouble(6)});
    return out;
}

/// Sessions per tag, straight from themes and their tags (not from session_tags).
std::map<std::string, std::int64_t> tagSessionsBySql(core::Database& db, const core::ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT tt.tag, COUNT(DISTINCT s.id) FROM sessions s JOIN themes t ON t.session_id = s.id "
        "JOIN theme_tags tt ON tt.theme_id = t.id WHERE " +
        std::string(kFilterWhere) + " GROUP BY 1");
    bindFilter(st, filter);
    std::map<std::string, std::int64_t> out;
    while (st.step()) out[st.columnText(0)] = st.columnInt(1);
    return out;
}

std::map<std::pair<std::string, std::string>, std::int64_t> pairsBySql(core::Database& db,
                                                                       const core::ReviewFilter& filter) {
    const std::string tags =
        "(SELECT DISTINCT t.session_id AS sid, tt.tag AS tag FROM themes t JOIN theme_tags tt ON tt.theme_id = t.id)";
    auto st =
        db.prepare("SELECT a.tag, b.tag, COUNT(*) FROM sessions s JOIN " + tags + " a ON a.sid = s.id JOIN " + tags +
                   " b ON b.sid = s.id AND a.tag < b.tag WHERE " + std::string(kFilterWhere) + " GROUP BY 1, 2");
    bindFilter(st, filter);
    std::map<std::pair<std::string, std::string>, std::int64_t> out;
    while (st.step()) out[{st.columnText(0), st.columnText(1)}] = st.columnInt(2);
    return out;
}

/// The checklist panel as it was written before: months by strftime and GROUP BY, summed into periods after.
std::vector<core::ChecklistRow> checklistBySql(core::Database& db, const core::ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT k.group_id, g.name, strftime('%Y-%m', s.started_at / 1000, 'unixepoch'), r.principle, "
        "SUM(r.rating = 'met'), SUM(r.rating = 'partly'), SUM(r.rating = 'not_yet'), SUM(r.rating = 'not_applicable') "
        "FROM checklist_ratings r JOIN checklists k ON k.id = r.checklist_id JOIN groups g ON g.id = k.group_id "
        "JOIN sessions s ON s.id = k.session_id WHERE " +
        std::string(kFilterWhere) + " GROUP BY 1, 3, 4");
    bindFilter(st, filter);
    std::map<std::tuple<std::string, std::int64_t, std::string, std::string>, core::ChecklistRow> rows;
    while (st.step()) {
        const std::string period = core::review_query::periodOfMonth(filter.period, st.columnText(2));
        auto& row = rows[{st.columnText(1), st.columnInt(0), period, st.columnText(3)}];
        row.group = st.columnText(1);
        row.period = period;
        row.principle = st.columnText(3);
        row.met += st.columnInt(4);
        row.partly += st.columnInt(5);
        row.notYet += st.columnInt(6);
        row.notApplicable += st.columnInt(7);
    }
    std::vector<core::ChecklistRow> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    return out;
}

}  // namespace

TEST_CASE("the timing and checklist panels and the tag figures equal a GROUP BY over the base tables", "[review]") {
    auto db = test::memoryDatabase();
    core::DemoOptions options;
    options.sessions = 400;
    options.seed = 11;
    REQUIRE(core::generateDemoData(*db, codebook(), options));
    for (const auto& filter : filters(*db)) {
        INFO("from " << filter.from.value_or("-") << " format " << filter.format.value_or("-") << " group "
                     << filter.groupId.value_or(0) << " period " << core::periodKindName(filter.period));
        const auto timing = core::timingByStage(*db, filter);
        const auto expected = timingBySql(*db, filter);
        REQUIRE(timing.size() == expected.size());
        CHECK_FALSE(timing.empty());
        for (std::size_t i = 0; i < timing.size(); ++i) {
            CHECK(timing[i].format == expected[i].format);
            CHECK(timing[i].stageKey == expected[i].stageKey);
            CHECK(timing[i].stageName == expected[i].stageName);
            CHECK(timing[i].sessions == expected[i].sessions);
            CHECK(timing[i].plannedMinutes == Approx(expected[i].plannedMinutes));
            CHECK(timing[i].actualMinutes == Approx(expected[i].actualMinutes));
            CHECK(timing[i].overrunShare == Approx(expected[i].overrunShare));
        }

        const auto checklist = core::checklistByGroup(*db, filter);
        const auto checklistExpected = checklistBySql(*db, filter);
        REQUIRE(checklist.size() == checklistExpected.size());
        for (std::size_t i = 0; i < checklist.size(); ++i) {
            CHECK(checklist[i].group == checklistExpected[i].group);
            CHECK(checklist[i].period == checklistExpected[i].period);
            CHECK(checklist[i].principle == checklistExpected[i].principle);
            CHECK(checklist[i].met == checklistExpected[i].met);
            CHECK(checklist[i].partly == checklistExpected[i].partly);
            CHECK(checklist[i].notYet == checklistExpected[i].notYet);
            CHECK(checklist[i].notApplicable == checklistExpected[i].notApplicable);
        }

        const auto table = core::themesByTag(*db, codebook(), filter, core::ReviewSettings{});
        std::map<std::string, std::int64_t> sessions;
        for (const auto& row : table.rows) sessions[row.tag] = row.sessions;
        CHECK(sessions == tagSessionsBySql(*db, filter));

        std::map<std::pair<std::string, std::string>, std::int64_t> pairs;
        for (const auto& p : core::tagPairs(*db, filter, 1000)) pairs[{p.first, p.second}] = p.sessions;
        CHECK(pairs == pairsBySql(*db, filter));
    }
}
