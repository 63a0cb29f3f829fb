// The evaluations panel: answers to the evaluation statements, and evaluation comments.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace reflect::core {

using namespace review_query;

PeriodKind ratingsPeriod(PeriodKind asked) {
    return asked == PeriodKind::Month ? PeriodKind::Quarter : asked;
}

namespace {

using Distribution = std::array<std::int64_t, 5>;

/// Units of ratings: group, format and quarter. Each holds its forms returned and, per statement, its answers.
/// Units are numbered in the order first met; `period[u]` numbers the output period unit u falls in.
struct RatingUnits {
    std::vector<UnitKey> units;
    std::vector<std::int64_t> forms;
    std::vector<std::string> periods;  ///< sorted
    std::vector<std::size_t> period;
    std::map<UnitKey, std::size_t> index;
    std::map<int, std::size_t> statementSlot;        ///< statement index -> slot in `answers`, in statement order
    std::vector<std::string> statements;             ///< by slot
    std::vector<std::vector<Distribution>> answers;  ///< [slot][unit]
};

RatingUnits readRatingUnits(Database& db, const ReviewFilter& filter) {
    RatingUnits out;
    auto forms = db.prepare(fmt::format(
        "SELECT s.group_id, s.format, s.started_at, s.evaluation_count FROM sessions s WHERE {}", kFilterWhere));
    bindFilter(forms, filter);
    RowUnit formUnit(PeriodKind::Quarter);
    while (forms.step()) {
        const auto [it, added] = out.index.emplace(formUnit.read(forms, 0), out.units.size());
        if (added) {
            out.units.push_back(it->first);
            out.forms.push_back(0);
        }
        out.forms[it->second] += forms.columnInt(3);
    }
    // Output periods: the quarter, or for a yearly view the year.
    std::map<std::string, std::size_t> periodIndex;
    const auto periodOf = [&](const UnitKey& key) {
        return filter.period == PeriodKind::Year ? key.month.substr(0, 4) : key.month;
    };
    for (const auto& key : out.units) periodIndex.emplace(periodOf(key), 0);
    for (auto& [label, i] : periodIndex) {
        i = out.periods.size();
        out.periods.push_back(label);
    }
    for (const auto& key : out.units) out.period.push_back(periodIndex.at(periodOf(key)));

    auto st = db.prepare(
        fmt::format("SELECT t.statement_index, s.group_id, s.format, s.started_at, s.id, t.n1, t.n2, t.n3, t.n4, "
                    "t.n5, t.statement FROM sessions s JOIN evaluation_tally t ON t.session_id = s.id WHERE {}",
                    kFilterWhere));
    bindFilter(st, filter);
    struct Answer {
        int statement;
        std::size_t unit;
        Distribution counts;
    };
    std::vector<Answer> read;
    std::map<int, std::string> texts;
    UnitLookup lookup(out.index, PeriodKind::Quarter);
    while (st.step()) {
        const auto unit = lookup.read(st, 1);
        if (!unit) continue;
        const int index = static_cast<int>(st.columnInt(0));
        if (!texts.count(index)) texts[index] = st.columnText(10);
        Answer answer{index, *unit, {}};
        for (std::size_t v = 0; v < 5; ++v) answer.counts[v] = st.columnInt(5 + static_cast<int>(v));
        read.push_back(answer);
    }
    // Every statement has a distribution in every unit: a unit that returned forms but no answer to a statement
    // still takes part, since its forms minus its zero answers is a complement like any other.
    for (auto& [index, text] : texts) {
        out.statementSlot[index] = out.statements.size();
        out.statements.push_back(std::move(text));
    }
    out.answers.assign(out.statements.size(), std::vector<Distribution>(out.units.size(), Distribution{}));
    for (const auto& answer : read) {
        auto& counts = out.answers[out.statementSlot.at(answer.statement)][answer.unit];
        for (std::size_t v = 0; v < 5; ++v) counts[v] += answer.counts[v];
    }
    return out;
}

struct Accumulated {
    StatementRow row;
    std::int64_t n = 0, weighted = 0;
    bool meanSafe = true;  ///< every unit inside may show its mean
};

/// Adds one unit's answers to a statement into its row. The unit's answer count is published only when it and
/// forms-minus-answers (those who skipped the statement) are each 0 or above the threshold; its "% agree" only
/// when, besides, agree and answers-minus-agree are. Its distribution needs its answers published and every
/// answer value 0 or above the threshold. The mean needs the answers published and, when a value is small, a
/// sum more than threshold points from both ends of the scale (near an end, count and mean pin the few).
void addRatingUnit(Accumulated& acc, const Distribution& counts, std::int64_t forms, int threshold) {
    std::int64_t n = 0, weighted = 0;
    bool cellsSmall = false;
    for (std::size_t v = 0; v < 5; ++v) {
        n += counts[v];
        weighted += counts[v] * static_cast<std::int64_t>(v + 1);
        cellsSmall = cellsSmall || isSmall(counts[v], threshold);
    }
    const std::int64_t agree = counts[3] + counts[4];
    const Cell answers = partCell(n, forms, threshold);
    const bool agreeShown = ratingUnitPublishable(agree, n, forms, threshold);
    const bool meanSafe =
        !answers.suppressed && (!cellsSmall || (weighted - n > threshold && 5 * n - weighted > threshold));
    for (std::size_t v = 0; v < 5; ++v)
        addUnit(acc.row.distribution[v], Cell{counts[v], cellsSmall || answers.suppressed});
    addUnit(acc.row.answers, answers);
    addUnit(acc.row.agree, Cell{agree, !agreeShown});
    addUnit(acc.row.forms, Cell{forms, false});
    acc.n += n;
    acc.weighted += weighted;
    acc.meanSafe = acc.meanSafe && (n == 0 || meanSafe);
}

}  // namespace

const std::vector<std::string>& staffGroupNames() {
    static const std::vector<std::string> names = {"clinical", "non-clinical", "student", "other"};
    return names;
}

std::optional<double> StaffGroupRow::share() const {
    if (forms.suppressed || returned.value <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(forms.value) / static_cast<double>(returned.value);
}

namespace {

/// Ratings are pooled by quarter at the finest: a month of one group rarely holds more than a handful of answers.
/// The range is widened to whole quarters too, so two ranges never differ by part of a quarter.
ReviewFilter ratingsFilter(const ReviewFilter& asked) {
    ReviewFilter filter = asked;
    filter.period = ratingsPeriod(asked.period);
    return filter;
}

std::vector<StatementRow> statementRows(const RatingUnits& units, const ReviewSettings& settings) {
    // [period][slot], so rows come by period, then statement.
    std::vector<std::vector<Accumulated>> rows(units.periods.size(), std::vector<Accumulated>(units.statements.size()));
    for (const auto& [index, slot] : units.statementSlot)
        for (std::size_t u = 0; u < units.units.size(); ++u) {
            auto& acc = rows[units.period[u]][slot];
            if (acc.row.distribution.empty()) {
                acc.row.period = units.periods[units.period[u]];
                acc.row.statementIndex = index;
                acc.row.statement = units.statements[slot];
                acc.row.distribution.assign(5, Cell{});
            }
            addRatingUnit(acc, units.answers[slot][u], units.forms[u], settings.suppressionThreshold);
        }
    std::vector<StatementRow> out;
    std::map<int, std::optional<double>> lastShare;  // rows come by period, then statement
    for (auto& period : rows)
        for (auto& acc : period) {
            if (acc.row.distribution.empty()) continue;
            StatementRow& row = acc.row;
            if (acc.n > 0 && acc.meanSafe) row.mean = static_cast<double>(acc.weighted) / static_cast<double>(acc.n);
            for (auto& cell : row.distribution) cell = finished(cell);
            row.answers = finished(row.answers);
            row.agree = finished(row.agree);
            if (!row.agree.suppressed && row.answers.value > 0)
                row.agreeShare = 100.0 * static_cast<double>(row.agree.value) / static_cast<double>(row.answers.value);
            auto& before = lastShare[row.statementIndex];
            if (row.agreeShare && before) row.agreeChange = *row.agreeShare - *before;
            before = row.agreeShare;
            out.push_back(std::move(row));
        }
    return out;
}

/// The same units as the ratings (group, format, quarter); each staff group's forms are a part of the unit's
/// forms returned, so a group is hidden when it, or everyone else in the unit, is 1..threshold.
std::vector<StaffGroupRow> staffGroupRows(Database& db, const RatingUnits& units, const ReviewFilter& filter,
                                          const ReviewSettings& settings) {
    const int threshold = settings.suppressionThreshold;
    const auto& names = staffGroupNames();
    auto st =
        db.prepare(fmt::format("SELECT g.staff_group, s.group_id, s.format, s.started_at, s.id, g.n FROM sessions s "
                               "JOIN evaluation_staff_groups g ON g.session_id = s.id WHERE {}",
                               kFilterWhere));
    bindFilter(st, filter);
    std::vector<std::vector<std::int64_t>> counts(units.units.size(), std::vector<std::int64_t>(names.size()));
    UnitLookup lookup(units.index, PeriodKind::Quarter);
    while (st.step()) {
        const auto unit = lookup.read(st, 1);
        const auto group = std::find(names.begin(), names.end(), st.columnText(0)) - names.begin();
        if (unit && group < static_cast<std::ptrdiff_t>(names.size()))
            counts[*unit][static_cast<std::size_t>(group)] += st.columnInt(5);
    }
    std::map<std::pair<std::size_t, std::size_t>, StaffGroupRow> rows;  // (period, staff group)
    for (std::size_t u = 0; u < units.units.size(); ++u) {
        const std::int64_t forms = units.forms[u];
        std::vector<Cell> cells;
        std::int64_t rest = forms;  // the forms not in a published group: the hidden groups and those naming none
        for (std::size_t i = 0; i < names.size(); ++i) {
            cells.push_back(partCell(counts[u][i], forms, threshold));
            if (!cells.back().suppressed) rest -= cells.back().value;
        }
        // Forms minus every published group must not be a small count either, or subtracting would reveal who
        // named no group (or a hidden group's few): then the unit publishes none of its groups.
        const bool hideAll = isSmall(rest, threshold);
        for (std::size_t i = 0; i < names.size(); ++i) {
            StaffGroupRow& row = rows[{units.period[u], i}];
            row.period = units.periods[units.period[u]];
            row.staffGroup = names[i];
            addUnit(row.forms, Cell{cells[i].value, cells[i].suppressed || hideAll});
            addUnit(row.returned, Cell{forms, false});
        }
    }
    std::vector<StaffGroupRow> out;  // by period, then in the shown order of the groups
    for (auto& [key, row] : rows) {
        row.forms = finished(row.forms);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

std::vector<StatementRow> evaluationsByStatement(Database& db, const ReviewFilter& asked,
                                                 const ReviewSettings& settings) {
    const ReviewFilter filter = ratingsFilter(asked);
    return statementRows(readRatingUnits(db, filter), settings);
}

std::vector<StaffGroupRow> staffGroupsByPeriod(Database& db, const ReviewFilter& asked,
                                               const ReviewSettings& settings) {
    const ReviewFilter filter = ratingsFilter(asked);
    return staffGroupRows(db, readRatingUnits(db, filter), filter, settings);
}

EvaluationsOverview evaluationsOverview(Database& db, const ReviewFilter& asked, const ReviewSettings& settings) {
    // One reading of the units for both figures: the dashboard's evaluations panel shows them together.
    const ReviewFilter filter = ratingsFilter(asked);
    const RatingUnits units = readRatingUnits(db, filter);
    return {statementRows(units, settings), staffGroupRows(db, units, filter, settings)};
}

std::vector<CommentText> evaluationComments(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    // Ordered by the comment's random key, then grouped by period: that order says nothing about who or when.
    auto st = db.prepare(
        "SELECT s.started_at, COALESCE(g.name, ''), s.format, e.comment FROM evaluations e "
        "JOIN sessions s ON s.id = e.session_id LEFT JOIN groups g ON g.id = s.group_id WHERE " +
        std::string(kFilterWhere) + " AND e.comment <> '' AND e.purged = 0 AND s.evaluation_count > ?6 AND " +
        freeTextSession(5, 7) + " ORDER BY e.id");
    bindFilter(st, filter);
    st.bind(5, settings.freeTextPeople).bind(6, settings.suppressionThreshold).bind(7, settings.freeTextMinimum);
    std::vector<CommentText> out;
    while (st.step())
        out.push_back({periodOfMonth(filter.period, monthOfMs(st.columnInt(0))), st.columnText(1), st.columnText(2),
                       st.columnText(3)});
    std::stable_sort(out.begin(), out.end(),
                     [](const CommentText& a, const CommentText& b) { return a.period < b.period; });
    return out;
}

}  // namespace reflect::core
