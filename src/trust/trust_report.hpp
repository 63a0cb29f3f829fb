// The trust-wide figures read from PostgreSQL, suppressed after combining sites, as an HTML report or an export.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "trust/pg.hpp"
#include "trust/rollup.hpp"

namespace reflect::trust {

struct TrustQuery {
    std::optional<std::string> site;  ///< one site by name; empty = every site and the whole trust
    core::PeriodKind period = core::PeriodKind::Year;
    int threshold = 7;
};

struct CountRow {
    std::string label;
    std::int64_t count = 0;
};
struct StageRow {
    std::string format, stage;
    std::int64_t sessions = 0;
    double plannedMinutes = 0, actualMinutes = 0, overrunShare = 0;
};
struct ChecklistTotals {
    std::string principle;
    std::int64_t met = 0, partly = 0, notYet = 0, notApplicable = 0;
};

/// Everything the report shows. Counts of people's responses are Cells (suppressed by the unit rule); the rest
/// count sessions, actions or checklist ratings, which the lead review shows as they are.
struct TrustFigures {
    std::vector<FigureRow> rows;
    std::vector<StatementFigures> statements;
    std::vector<CountRow> tags;      ///< sessions each tag came up in, most first
    std::vector<CountRow> tagPairs;  ///< the 20 pairs of tags that came up together in most sessions
    std::vector<CountRow> actions;   ///< by state
    std::vector<ChecklistTotals> checklist;
    std::vector<StageRow> stages;
    std::int64_t sites = 0;
};

[[nodiscard]] core::Result<TrustFigures> loadTrustFigures(PgConnection& conn, const TrustQuery& query);
/// The self-contained, printable HTML report.
[[nodiscard]] std::string trustReportHtml(const TrustFigures& figures, const TrustQuery& query);
/// The sessions table as CSV (one row per site and period, site "trust" for the whole trust) or JSON.
void writeTrustExport(const TrustFigures& figures, const std::string& format, std::ostream& out);

}  // namespace reflect::trust
