// Combining sites: units first, suppression at the unit, every larger figure a sum that inherits any hiding.
#include "trust/rollup.hpp"

#include <map>

#include <fmt/format.h>

namespace reflect::trust {

namespace {

void addUnit(core::Cell& total, core::Cell unit) {
    total.value += unit.value;
    total.suppressed = total.suppressed || unit.suppressed;
}

/// Clears a hidden cell's value so nothing downstream can print it by mistake.
core::Cell finished(core::Cell cell) {
    return core::sumCells({cell});
}

}  // namespace

std::string periodOf(core::PeriodKind kind, const std::string& month) {
    if (kind == core::PeriodKind::Month || month.size() < 7) return month;
    if (kind == core::PeriodKind::Year) return month.substr(0, 4);
    const int m = (month[5] - '0') * 10 + (month[6] - '0');
    return fmt::format("{}-Q{}", month.substr(0, 4), (m + 2) / 3);
}

std::vector<FigureRow> rollUp(const std::vector<UnitCounts>& units, core::PeriodKind period, int threshold) {
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
            addUnit(row.contributions, core::primaryCell(u.contributions, threshold));
            addUnit(row.evaluations, core::primaryCell(u.evaluations, threshold));
        }
    }
    std::vector<FigureRow> out;
    out.reserve(rows.size());
    for (auto& [key, row] : rows) {
        row.contributions = finished(row.contributions);
        row.evaluations = finished(row.evaluations);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<StatementFigures> rollUpAnswers(const std::vector<AnswerUnit>& units, int threshold) {
    struct Acc {
        StatementFigures figures;
        std::int64_t weighted = 0;
        bool meanSafe = true;
    };
    std::map<int, Acc> rows;
    for (const auto& u : units) {
        Acc& acc = rows[u.statementIndex];
        acc.figures.statementIndex = u.statementIndex;
        if (acc.figures.statement.empty()) acc.figures.statement = u.statement;
        std::array<core::Cell, 5> cells;
        int hidden = 0;
        std::int64_t total = 0;
        for (std::size_t i = 0; i < 5; ++i) {
            cells[i] = core::primaryCell(u.counts[i], threshold);
            hidden += cells[i].suppressed ? 1 : 0;
            total += u.counts[i];
        }
        if (hidden == 1) {
            std::optional<std::size_t> smallest;
            for (std::size_t i = 0; i < 5; ++i)
                if (!cells[i].suppressed && cells[i].value > 0 &&
                    (!smallest || cells[i].value < cells[*smallest].value))
                    smallest = i;
            if (smallest) cells[*smallest].suppressed = true;
        }
        for (std::size_t i = 0; i < 5; ++i) {
            addUnit(acc.figures.distribution[i], cells[i]);
            acc.weighted += u.counts[i] * static_cast<std::int64_t>(i + 1);
            acc.meanSafe = acc.meanSafe && !cells[i].suppressed;
        }
        addUnit(acc.figures.answers, core::primaryCell(total, threshold));
    }
    std::vector<StatementFigures> out;
    for (auto& [index, acc] : rows) {
        StatementFigures f = std::move(acc.figures);
        for (auto& cell : f.distribution) cell = finished(cell);
        f.answers = finished(f.answers);
        if (acc.meanSafe && !f.answers.suppressed && f.answers.value > 0)
            f.mean = static_cast<double>(acc.weighted) / static_cast<double>(f.answers.value);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace reflect::trust
