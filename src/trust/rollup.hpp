// Trust-level suppression: figures combined across sites from each site's units, by the lead review's unit rule.
//
// Activity (sessions, head counts, contributions received, forms returned) is shown as it is, as in the lead
// review. What people answered keeps the unit rule: a unit is one site's group in one quarter, as in the lead
// review, and a unit's count of answers that is 1..threshold is hidden. Every larger figure (a site's year, the trust's
// month, the trust's whole range) is the sum of its units and is hidden when any of its units is. So the trust total
// minus a site total, or one period minus another, is a sum of units that are each 0 or above the threshold.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/review/review.hpp"
#include "core/review/suppression.hpp"

namespace reflect::trust {

/// One unit's activity and response counts as the trust stores them.
struct UnitCounts {
    std::string site;
    std::string month;  ///< YYYY-MM
    std::int64_t sessions = 0, attendance = 0, contributions = 0, evaluations = 0;
};

/// One row of the sessions table: one site (or the whole trust, site "") in one period ("Total" for the range).
struct FigureRow {
    std::string site;
    std::string period;
    std::int64_t sessions = 0;
    std::int64_t attendance = 0;  ///< a head count the facilitator records: not suppressed, as in the lead review
    core::Cell contributions;
    core::Cell evaluations;
};

/// The label of the period (month, quarter or year) that a unit month "YYYY-MM" falls in.
[[nodiscard]] std::string periodOf(core::PeriodKind kind, const std::string& month);

/// Rows per period (in order, then "Total"): the whole trust first, then each site by name. Activity only, so
/// nothing here is hidden; `threshold` is kept for callers that pass the site's setting.
[[nodiscard]] std::vector<FigureRow> rollUp(const std::vector<UnitCounts>& units, core::PeriodKind period,
                                            int threshold);

/// One unit's answers to one statement: a site's group in one quarter.
struct AnswerUnit {
    std::string site, unit, quarter;
    int statementIndex = 0;
    std::string statement;
    std::array<std::int64_t, 5> counts{};
};
struct StatementFigures {
    int statementIndex = 0;
    std::string statement;
    std::array<core::Cell, 5> distribution;
    core::Cell answers;
    std::optional<double> mean;  ///< only when every unit's mean could be shown
};
/// Answers per statement over every unit given, by the lead review's ratings rule (see ratings_panel.cpp): a unit
/// row with any value at 1..threshold hides its whole distribution.
[[nodiscard]] std::vector<StatementFigures> rollUpAnswers(const std::vector<AnswerUnit>& units, int threshold);

}  // namespace reflect::trust
