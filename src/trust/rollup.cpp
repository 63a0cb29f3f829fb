// Combining sites: units first, suppression at the unit, every larger figure a sum that inherits any hiding.
#include "trust/rollup.hpp"

#include <map>

#include <fmt/format.h>

#include "core/review/suppression.hpp"

namespace reflect::trust {

std::string periodOf(core::PeriodKind kind, const std::string& month) {
    if (kind == core::PeriodKind::Month || month.size() < 7) return month;
    if (kind == core::PeriodKind::Year) return month.substr(0, 4);
    const int m = (month[5] - '0') * 10 + (month[6] - '0');
    return fmt::format("{}-Q{}", month.substr(0, 4), (m + 2) / 3);
}

std::vector<FigureRow> rollUp(const std::vector<UnitCounts>& units, core::PeriodKind period,
                              [[maybe_unused]] int threshold) {
    // Key: period ("~" sorts "Total" after every date), then site ("" = the whole trust, first).
    std::map<std::pair<std::string, std::string>, FigureRow> rows;
    for (const auto& u : units) {
        const std::string p = periodOf(period, u.month);
        for (const auto& [rowPeriod, site] :
             {std::pair{p, std::string()}, std::pair{p, u.site}, std::pair{std::string("~"), std::string()},
              std::pair{std::string("~"), u.site}}) {
            FigureRow& row = rows[{rowPeriod, site}];
            row.site = site;
            row.period = rowPeriod == "~" ? "Total" : rowPeriod;
            row.sessions += u.sessions;
            row.attendance += u.attendance;
            // Contributions received and forms returned are activity, as in the kiosk's own review: shown as they
            // are. What people said (answers, tags, text) keeps the unit rule below.
            row.contributions.value += u.contributions;
            row.evaluations.value += u.evaluations;
        }
    }
    std::vector<FigureRow> out;
    out.reserve(rows.size());
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    return out;
}

std::vector<StatementFigures> rollUpAnswers(const std::vector<AnswerUnit>& units, int threshold) {
    struct Acc {
        StatementFigures figures;
        std::int64_t n = 0, weighted = 0;
        bool meanSafe = true;
    };
    std::map<int, Acc> rows;
    for (const auto& u : units) {
        Acc& acc = rows[u.statementIndex];
        acc.figures.statementIndex = u.statementIndex;
        if (acc.figures.statement.empty()) acc.figures.statement = u.statement;
        // The lead review's rule for a unit's row: one value with 1..threshold answers hides the whole
        // distribution (a lone hidden cell could be worked out from the others and the count); the mean stays only
        // when the unit has more than threshold answers and its sum lies more than threshold points from both ends.
        std::int64_t n = 0, weighted = 0;
        bool cellsHidden = false;
        for (std::size_t v = 0; v < 5; ++v) {
            n += u.counts[v];
            weighted += u.counts[v] * static_cast<std::int64_t>(v + 1);
            cellsHidden = cellsHidden || core::primaryCell(u.counts[v], threshold).suppressed;
        }
        const core::Cell answers = core::primaryCell(n, threshold);
        const bool meanSafe =
            !answers.suppressed && (!cellsHidden || (weighted - n > threshold && 5 * n - weighted > threshold));
        for (std::size_t v = 0; v < 5; ++v)
            core::addUnit(acc.figures.distribution[v], core::Cell{u.counts[v], cellsHidden});
        core::addUnit(acc.figures.answers, answers);
        acc.n += n;
        acc.weighted += weighted;
        acc.meanSafe = acc.meanSafe && (n == 0 || meanSafe);
    }
    std::vector<StatementFigures> out;
    for (auto& [index, acc] : rows) {
        StatementFigures f = std::move(acc.figures);
        for (auto& cell : f.distribution) cell = core::finished(cell);
        f.answers = core::finished(f.answers);
        if (acc.n > 0 && acc.meanSafe) f.mean = static_cast<double>(acc.weighted) / static_cast<double>(acc.n);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace reflect::trust
