// The kiosk's unit aggregation queries, in one place so the unit rule can be switched with the review's.
#include "core/publish/unit_queries.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/privacy/scrubber.hpp"

namespace reflect::core {

namespace {

/// The group, group name, format and month of a session `s` (with `g` its group, LEFT JOINed): the same unit
/// as the lead review's (group, or format without a group, and calendar month), with the format always in the key.
constexpr std::string_view kUnit =
    "s.group_id, COALESCE(g.name, ''), s.format, strftime('%Y-%m', s.started_at / 1000, 'unixepoch')";
constexpr std::string_view kEnded = "s.status = 'ended'";

/// Runs a query whose first four columns are kUnit and hands each row, with its unit, to `fill`.
template <typename Fill>
void eachUnitRow(Database& db, std::map<std::string, UnitFigures>& units, const std::string& sql, Fill fill) {
    auto st = db.prepare(sql);
    while (st.step()) {
        const UnitKey key{st.columnOptionalInt(0), st.columnText(2), st.columnText(3)};
        UnitFigures& u = units[unitKeyText(key)];
        if (u.key.empty()) {
            u.key = unitKeyText(key);
            u.group = st.columnText(1);
            u.format = st.columnText(2);
            u.month = st.columnText(3);
        }
        fill(u, st);
    }
}

}  // namespace

std::vector<UnitFigures> readUnits(Database& db, const UnitQueryOptions& options) {
    std::map<std::string, UnitFigures> units;
    const std::string from = "FROM sessions s LEFT JOIN groups g ON g.id = s.group_id";
    eachUnitRow(db, units,
                fmt::format("SELECT {}, COUNT(*), SUM(COALESCE(s.attendance, 0)), SUM(s.contribution_count), "
                            "SUM(s.evaluation_count) {} WHERE {} GROUP BY 1, 3, 4",
                            kUnit, from, kEnded),
                [](UnitFigures& u, Statement& st) {
                    u.sessions = st.columnInt(4);
                    u.attendance = st.columnInt(5);
                    u.contributions = st.columnInt(6);
                    u.evaluations = st.columnInt(7);
                });
    eachUnitRow(db, units,
                fmt::format("SELECT {}, t.statement_index, MIN(t.statement), SUM(t.n1), SUM(t.n2), SUM(t.n3), "
                            "SUM(t.n4), SUM(t.n5) {} JOIN evaluation_tally t ON t.session_id = s.id WHERE {} "
                            "GROUP BY 1, 3, 4, 5",
                            kUnit, from, kEnded),
                [](UnitFigures& u, Statement& st) {
                    auto& a = u.answers[static_cast<int>(st.columnInt(4))];
                    a.statement = st.columnText(5);
                    for (int i = 0; i < 5; ++i) a.counts[static_cast<std::size_t>(i)] = st.columnInt(6 + i);
                });
    const std::string sessionTags = "(SELECT session_id AS sid, tag FROM session_tags)";
    eachUnitRow(db, units,
                fmt::format("SELECT {}, a.tag, COUNT(*) {} JOIN {} a ON a.sid = s.id WHERE {} GROUP BY 1, 3, 4, 5",
                            kUnit, from, sessionTags, kEnded),
                [](UnitFigures& u, Statement& st) { u.tags[st.columnText(4)] = st.columnInt(5); });
    eachUnitRow(db, units,
                fmt::format("SELECT {0}, a.tag, b.tag, COUNT(*) {1} JOIN {2} a ON a.sid = s.id "
                            "JOIN {2} b ON b.sid = s.id AND a.tag < b.tag WHERE {3} GROUP BY 1, 3, 4, 5, 6",
                            kUnit, from, sessionTags, kEnded),
                [](UnitFigures& u, Statement& st) {
                    u.tagPairs[{st.columnText(4), st.columnText(5)}] = st.columnInt(6);
                });
    eachUnitRow(
        db, units,
        fmt::format("SELECT {}, ss.key, MIN(ss.name), COUNT(*), SUM(ss.planned_ms), SUM(ss.actual_ms), "
                    "SUM(ss.actual_ms > ss.planned_ms + 60000) {} JOIN session_stages ss ON ss.session_id = s.id "
                    "WHERE {} GROUP BY 1, 3, 4, 5",
                    kUnit, from, kEnded),
        [](UnitFigures& u, Statement& st) {
            u.stages[st.columnText(4)] = {st.columnText(5), st.columnInt(6), st.columnInt(7), st.columnInt(8),
                                          st.columnInt(9)};
        });
    eachUnitRow(db, units,
                fmt::format("SELECT {}, a.status, COUNT(*) {} JOIN actions a ON a.session_id = s.id WHERE {} "
                            "GROUP BY 1, 3, 4, 5",
                            kUnit, from, kEnded),
                [](UnitFigures& u, Statement& st) { u.actions[st.columnText(4)] = st.columnInt(5); });
    eachUnitRow(
        db, units,
        fmt::format("SELECT {}, r.principle, SUM(r.rating = 'met'), SUM(r.rating = 'partly'), "
                    "SUM(r.rating = 'not_yet'), SUM(r.rating = 'not_applicable') {} "
                    "JOIN checklists k ON k.session_id = s.id JOIN checklist_ratings r ON r.checklist_id = k.id "
                    "WHERE {} GROUP BY 1, 3, 4, 5",
                    kUnit, from, kEnded),
        [](UnitFigures& u, Statement& st) {
            u.checklist[st.columnText(4)] = {st.columnInt(5), st.columnInt(6), st.columnInt(7), st.columnInt(8)};
        });
    if (options.themeNames) {
        const Scrubber scrubber;
        auto st =
            db.prepare(fmt::format("SELECT {}, t.name {} JOIN themes t ON t.session_id = s.id "
                                   "WHERE {} AND s.contribution_count >= ?1 AND t.name <> ''",
                                   kUnit, from, kEnded));
        st.bind(1, options.freeTextMinimum);
        while (st.step()) {
            auto found = units.find(unitKeyText({st.columnOptionalInt(0), st.columnText(2), st.columnText(3)}));
            if (found != units.end()) found->second.themes.push_back(scrubber.scrub(st.columnText(4)).text);
        }
        for (auto& [key, u] : units) std::sort(u.themes.begin(), u.themes.end());
    }
    std::vector<UnitFigures> out;
    out.reserve(units.size());
    for (auto& [key, u] : units) out.push_back(std::move(u));
    return out;
}

}  // namespace reflect::core
