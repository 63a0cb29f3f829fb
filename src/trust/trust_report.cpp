// Reading the trust's units, rolling them up, and writing the report and the exports.
#include "trust/trust_report.hpp"

#include <fmt/format.h>

namespace reflect::trust {

namespace {

/// "$1 IS NULL OR k.name = $1": every query takes the site filter as its first parameter.
constexpr std::string_view kSite = "($1::text IS NULL OR k.name = $1)";

core::Result<void> loadAnswers(PgConnection& conn, const PgParams& site, int threshold, TrustFigures& f) {
    auto rows = conn.exec(fmt::format("SELECT k.name, a.unit, a.quarter, a.statement_index, a.statement, a.n1, a.n2, "
                                      "a.n3, a.n4, a.n5 FROM kiosk_answer_units a JOIN kiosks k ON k.id = a.kiosk_id "
                                      "WHERE {}",
                                      kSite),
                          site);
    if (!rows) return rows.error();
    std::vector<AnswerUnit> units;
    units.reserve(static_cast<std::size_t>(rows->rows()));
    for (int r = 0; r < rows->rows(); ++r) {
        AnswerUnit u{rows->text(r, 0), rows->text(r, 1),
                     rows->text(r, 2), static_cast<int>(rows->integer(r, 3)),
                     rows->text(r, 4), {}};
        for (int i = 0; i < 5; ++i) u.counts[static_cast<std::size_t>(i)] = rows->integer(r, 5 + i);
        units.push_back(std::move(u));
    }
    f.statements = rollUpAnswers(units, threshold);
    return core::ok();
}

core::Result<void> loadActivity(PgConnection& conn, const PgParams& site, TrustFigures& f) {
    auto tags =
        conn.exec(fmt::format("SELECT t.tag, SUM(t.sessions) FROM kiosk_tags t JOIN kiosks k ON k.id = t.kiosk_id "
                              "WHERE {} GROUP BY 1 ORDER BY 2 DESC, 1",
                              kSite),
                  site);
    if (!tags) return tags.error();
    for (int r = 0; r < tags->rows(); ++r) f.tags.push_back({tags->text(r, 0), tags->integer(r, 1)});
    auto pairs = conn.exec(fmt::format("SELECT p.first || ' + ' || p.second, SUM(p.sessions) FROM kiosk_pairs p "
                                       "JOIN kiosks k ON k.id = p.kiosk_id WHERE {} GROUP BY p.first, p.second "
                                       "ORDER BY 2 DESC, 1 LIMIT 20",
                                       kSite),
                           site);
    if (!pairs) return pairs.error();
    for (int r = 0; r < pairs->rows(); ++r) f.tagPairs.push_back({pairs->text(r, 0), pairs->integer(r, 1)});
    auto actions = conn.exec(fmt::format("SELECT a.state, SUM(a.actions) FROM kiosk_actions a "
                                         "JOIN kiosks k ON k.id = a.kiosk_id WHERE {} GROUP BY 1 ORDER BY 1",
                                         kSite),
                             site);
    if (!actions) return actions.error();
    for (int r = 0; r < actions->rows(); ++r) f.actions.push_back({actions->text(r, 0), actions->integer(r, 1)});
    auto checklist =
        conn.exec(fmt::format("SELECT c.principle, SUM(c.met), SUM(c.partly), SUM(c.not_yet), "
                              "SUM(c.not_applicable) FROM kiosk_checklist c JOIN kiosks k ON k.id = c.kiosk_id "
                              "WHERE {} GROUP BY 1 ORDER BY 1",
                              kSite),
                  site);
    if (!checklist) return checklist.error();
    for (int r = 0; r < checklist->rows(); ++r)
        f.checklist.push_back({checklist->text(r, 0), checklist->integer(r, 1), checklist->integer(r, 2),
                               checklist->integer(r, 3), checklist->integer(r, 4)});
    auto stages = conn.exec(
        fmt::format(
            "SELECT s.format, MIN(s.stage_name), SUM(s.sessions), SUM(s.planned_ms) / 60000.0 / SUM(s.sessions), "
            "SUM(s.actual_ms) / 60000.0 / SUM(s.sessions), SUM(s.overruns)::float8 / SUM(s.sessions) "
            "FROM kiosk_stages s JOIN kiosks k ON k.id = s.kiosk_id WHERE {} AND s.sessions > 0 "
            "GROUP BY s.format, s.stage_key ORDER BY 1, MIN(s.stage_key)",
            kSite),
        site);
    if (!stages) return stages.error();
    for (int r = 0; r < stages->rows(); ++r)
        f.stages.push_back({stages->text(r, 0), stages->text(r, 1), stages->integer(r, 2), stages->number(r, 3),
                            stages->number(r, 4), stages->number(r, 5)});
    return core::ok();
}

}  // namespace

core::Result<TrustFigures> loadTrustFigures(PgConnection& conn, const TrustQuery& query) {
    const PgParams site{query.site};
    TrustFigures f;
    // One snapshot for every query, so an import landing half-way through cannot mix two states in one report.
    auto tx = PgTransaction::begin(conn);
    if (!tx) return tx.error();
    if (auto snap = conn.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); !snap) return snap.error();
    auto sites = conn.exec(fmt::format("SELECT COUNT(*) FROM kiosks k WHERE {}", kSite), site);
    if (!sites) return sites.error();
    f.sites = sites->integer(0, 0);
    if (query.site && f.sites == 0) return core::fail(fmt::format("no site is registered as \"{}\"", *query.site));
    auto units = conn.exec(fmt::format("SELECT k.name, u.month, u.sessions, u.attendance, u.contributions, "
                                       "u.evaluations FROM units u JOIN kiosks k ON k.id = u.kiosk_id WHERE {}",
                                       kSite),
                           site);
    if (!units) return units.error();
    std::vector<UnitCounts> counts;
    counts.reserve(static_cast<std::size_t>(units->rows()));
    for (int r = 0; r < units->rows(); ++r)
        counts.push_back({units->text(r, 0), units->text(r, 1), units->integer(r, 2), units->integer(r, 3),
                          units->integer(r, 4), units->integer(r, 5)});
    f.rows = rollUp(counts, query.period, query.threshold);
    if (auto answers = loadAnswers(conn, site, query.threshold, f); !answers) return answers.error();
    if (auto activity = loadActivity(conn, site, f); !activity) return activity.error();
    if (auto done = tx->commit(); !done) return done.error();
    return f;
}

}  // namespace reflect::trust
