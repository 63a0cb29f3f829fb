// The evaluations panel: answers to the evaluation statements, and evaluation comments.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace reflect::core {

using namespace review_query;

PeriodKind ratingsPeriod(PeriodKind asked) { return asked == PeriodKind::Month ? PeriodKind::Quarter : asked; }

std::vector<StatementRow> evaluationsByStatement(Database& db, const ReviewFilter& asked, const ReviewSettings& settings) {
    // Ratings are pooled by quarter at the finest: a month of one group rarely holds more than a handful of
    // answers. The range is widened to whole quarters too, so two ranges never differ by part of a quarter.
    ReviewFilter filter = asked;
    filter.period = ratingsPeriod(asked.period);
    // The per-session tallies, summed into units (statement, group or format, quarter) here.
    auto st = db.prepare("SELECT t.statement_index, t.statement, s.group_id, s.format, s.started_at, s.id, t.n1, t.n2, "
                         "t.n3, t.n4, t.n5 FROM sessions s JOIN evaluation_tally t ON t.session_id = s.id WHERE " +
                         std::string(kFilterWhere));
    bindFilter(st, filter);
    using StatementUnit = std::tuple<int, std::int64_t, std::string, std::string>;  // statement, group, format, month
    std::map<StatementUnit, std::array<std::int64_t, 5>> units;
    std::map<int, std::string> statements;
    std::map<std::int64_t, std::string> quarterOfSession;
    while (st.step()) {
        const int index = static_cast<int>(st.columnInt(0));
        if (!statements.count(index)) statements[index] = st.columnText(1);
        auto& quarter = quarterOfSession[st.columnInt(5)];
        if (quarter.empty()) quarter = periodOfMonth(PeriodKind::Quarter, monthOfMs(st.columnInt(4)));
        auto& counts = units[{index, st.columnIsNull(2) ? -1 : st.columnInt(2), st.columnText(3), quarter}];
        for (std::size_t v = 0; v < 5; ++v) counts[v] += st.columnInt(6 + static_cast<int>(v));
    }
    const int threshold = settings.suppressionThreshold;
    struct Accumulated {
        StatementRow row;
        std::int64_t n = 0, weighted = 0;
        bool meanSafe = true;  ///< every unit inside may show its mean
    };
    std::map<std::pair<std::string, int>, Accumulated> rows;
    for (const auto& [key, counts] : units) {
        const int index = std::get<0>(key);
        const std::string& quarter = std::get<3>(key);
        const std::string period = filter.period == PeriodKind::Year ? quarter.substr(0, 4) : quarter;
        auto& acc = rows[{period, index}];
        if (acc.row.distribution.empty()) {
            acc.row.period = period;
            acc.row.statementIndex = index;
            acc.row.statement = statements[index];
            acc.row.distribution.assign(5, Cell{});
        }
        // The unit's own row. If any answer value has 1..threshold people, the whole distribution is hidden (a
        // lone hidden cell could be worked out from the others and the count). The mean may still be given, but
        // only when the unit has more than threshold answers and its sum lies more than threshold points from
        // both ends of the scale: near an end, count and mean pin the few who answered differently.
        std::int64_t n = 0, weighted = 0;
        bool cellsHidden = false;
        for (std::size_t v = 0; v < 5; ++v) {
            n += counts[v];
            weighted += counts[v] * static_cast<std::int64_t>(v + 1);
            cellsHidden = cellsHidden || primaryCell(counts[v], threshold).suppressed;
        }
        const Cell answers = primaryCell(n, threshold);
        const bool meanSafe = !answers.suppressed &&
                              (!cellsHidden || (weighted - n > threshold && 5 * n - weighted > threshold));
        for (std::size_t v = 0; v < 5; ++v) addUnit(acc.row.distribution[v], Cell{counts[v], cellsHidden});
        addUnit(acc.row.answers, answers);
        acc.n += n;
        acc.weighted += weighted;
        acc.meanSafe = acc.meanSafe && (n == 0 || meanSafe);
    }
    std::vector<StatementRow> out;
    for (auto& [key, acc] : rows) {
        StatementRow& row = acc.row;
        if (acc.n > 0 && acc.meanSafe) row.mean = static_cast<double>(acc.weighted) / static_cast<double>(acc.n);
        for (auto& cell : row.distribution) cell = finished(cell);
        row.answers = finished(row.answers);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<CommentText> evaluationComments(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    // Ordered by the comment's random key, then grouped by period: that order says nothing about who or when.
    auto st = db.prepare("SELECT s.started_at, COALESCE(g.name, ''), s.format, e.comment FROM evaluations e "
                         "JOIN sessions s ON s.id = e.session_id LEFT JOIN groups g ON g.id = s.group_id WHERE " +
                         std::string(kFilterWhere) +
                         " AND e.comment <> '' AND e.purged = 0 AND s.contribution_count >= ?5 AND s.evaluation_count > ?6 "
                         "ORDER BY e.id");
    bindFilter(st, filter);
    st.bind(5, settings.freeTextMinimum).bind(6, settings.suppressionThreshold);
    std::vector<CommentText> out;
    while (st.step())
        out.push_back({periodOfMonth(filter.period, monthOfMs(st.columnInt(0))), st.columnText(1), st.columnText(2),
                       st.columnText(3)});
    std::stable_sort(out.begin(), out.end(), [](const CommentText& a, const CommentText& b) { return a.period < b.period; });
    return out;
}

}  // namespace reflect::core
