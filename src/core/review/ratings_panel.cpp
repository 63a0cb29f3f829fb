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
struct RatingUnits {
    std::map<UnitKey, std::int64_t> forms;
    std::map<std::pair<int, UnitKey>, Distribution> answers;
    std::map<int, std::string> statements;
};

RatingUnits readRatingUnits(Database& db, const ReviewFilter& filter) {
    RatingUnits out;
    std::map<std::string, std::string> quarterOfMonth;
    const auto quarterOf = [&](const std::string& month) -> const std::string& {
        auto& q = quarterOfMonth[month];
        if (q.empty()) q = periodOfMonth(PeriodKind::Quarter, month);
        return q;
    };
    auto forms = db.prepare(fmt::format("SELECT {}, SUM(s.evaluation_count) FROM sessions s WHERE {} GROUP BY 1, 2, 3",
                                        kUnitColumns, kFilterWhere));
    bindFilter(forms, filter);
    while (forms.step()) {
        UnitKey key{forms.columnIsNull(0) ? std::nullopt : std::optional(forms.columnInt(0)), forms.columnText(1),
                    quarterOf(forms.columnText(2))};
        out.forms[std::move(key)] += forms.columnInt(3);
    }
    auto st =
        db.prepare(fmt::format("SELECT t.statement_index, t.statement, {}, t.n1, t.n2, t.n3, t.n4, t.n5 "
                               "FROM sessions s JOIN evaluation_tally t ON t.session_id = s.id WHERE {}",
                               kUnitColumns, kFilterWhere));
    bindFilter(st, filter);
    while (st.step()) {
        const int index = static_cast<int>(st.columnInt(0));
        if (!out.statements.count(index)) out.statements[index] = st.columnText(1);
        UnitKey key{st.columnIsNull(2) ? std::nullopt : std::optional(st.columnInt(2)), st.columnText(3),
                    quarterOf(st.columnText(4))};
        auto& counts = out.answers[{index, std::move(key)}];
        for (std::size_t v = 0; v < 5; ++v) counts[v] += st.columnInt(5 + static_cast<int>(v));
    }
    // A unit that returned forms but no answer to a statement still takes part: its forms minus its zero
    // answers is a complement like any other.
    for (const auto& [index, text] : out.statements)
        for (const auto& [unit, n] : out.forms) out.answers.try_emplace({index, unit}, Distribution{});
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

std::vector<StatementRow> evaluationsByStatement(Database& db, const ReviewFilter& asked,
                                                 const ReviewSettings& settings) {
    // Ratings are pooled by quarter at the finest: a month of one group rarely holds more than a handful of
    // answers. The range is widened to whole quarters too, so two ranges never differ by part of a quarter.
    ReviewFilter filter = asked;
    filter.period = ratingsPeriod(asked.period);
    const RatingUnits units = readRatingUnits(db, filter);
    std::map<std::pair<std::string, int>, Accumulated> rows;
    for (const auto& [key, counts] : units.answers) {
        const auto& [index, unit] = key;
        const std::string period = filter.period == PeriodKind::Year ? unit.month.substr(0, 4) : unit.month;
        auto& acc = rows[{period, index}];
        if (acc.row.distribution.empty()) {
            acc.row.period = period;
            acc.row.statementIndex = index;
            acc.row.statement = units.statements.at(index);
            acc.row.distribution.assign(5, Cell{});
        }
        const auto forms = units.forms.find(unit);
        addRatingUnit(acc, counts, forms == units.forms.end() ? 0 : forms->second, settings.suppressionThreshold);
    }
    std::vector<StatementRow> out;
    std::map<int, std::optional<double>> lastShare;  // rows come by period, then statement
    for (auto& [key, acc] : rows) {
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

const std::vector<std::string>& staffGroupNames() {
    static const std::vector<std::string> names = {"clinical", "non-clinical", "student", "other"};
    return names;
}

std::optional<double> StaffGroupRow::share() const {
    if (forms.suppressed || returned.value <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(forms.value) / static_cast<double>(returned.value);
}

std::vector<StaffGroupRow> staffGroupsByPeriod(Database& db, const ReviewFilter& asked,
                                               const ReviewSettings& settings) {
    // The same units as the ratings (group, format, quarter); each staff group's forms are a part of the unit's
    // forms returned, so a group is hidden when it, or everyone else in the unit, is 1..threshold.
    ReviewFilter filter = asked;
    filter.period = ratingsPeriod(asked.period);
    const int threshold = settings.suppressionThreshold;
    const RatingUnits units = readRatingUnits(db, filter);
    auto st =
        db.prepare(fmt::format("SELECT {}, g.staff_group, SUM(g.n) FROM sessions s JOIN evaluation_staff_groups g "
                               "ON g.session_id = s.id WHERE {} GROUP BY 1, 2, 3, 4",
                               kUnitColumns, kFilterWhere));
    bindFilter(st, filter);
    std::map<std::pair<UnitKey, std::string>, std::int64_t> counts;
    while (st.step()) {
        UnitKey key{st.columnIsNull(0) ? std::nullopt : std::optional(st.columnInt(0)), st.columnText(1),
                    periodOfMonth(PeriodKind::Quarter, st.columnText(2))};
        counts[{std::move(key), st.columnText(3)}] += st.columnInt(4);
    }
    const auto& names = staffGroupNames();
    std::map<std::pair<std::string, std::string>, StaffGroupRow> rows;  // (period, staff group)
    for (const auto& [unit, forms] : units.forms) {
        const std::string period = filter.period == PeriodKind::Year ? unit.month.substr(0, 4) : unit.month;
        std::vector<Cell> cells;
        std::int64_t rest = forms;  // the forms not in a published group: the hidden groups and those naming none
        for (const auto& group : names) {
            const auto it = counts.find({unit, group});
            cells.push_back(partCell(it == counts.end() ? 0 : it->second, forms, threshold));
            if (!cells.back().suppressed) rest -= cells.back().value;
        }
        // Forms minus every published group must not be a small count either, or subtracting would reveal who
        // named no group (or a hidden group's few): then the unit publishes none of its groups.
        const bool hideAll = isSmall(rest, threshold);
        for (std::size_t i = 0; i < names.size(); ++i) {
            StaffGroupRow& row = rows[{period, names[i]}];
            row.period = period;
            row.staffGroup = names[i];
            addUnit(row.forms, Cell{cells[i].value, cells[i].suppressed || hideAll});
            addUnit(row.returned, Cell{forms, false});
        }
    }
    std::vector<StaffGroupRow> out;
    for (auto& [key, row] : rows) {
        row.forms = finished(row.forms);
        out.push_back(std::move(row));
    }
    // By period, then in the shown order of the groups.
    std::stable_sort(out.begin(), out.end(), [&](const StaffGroupRow& a, const StaffGroupRow& b) {
        if (a.period != b.period) return a.period < b.period;
        const auto rank = [&](const std::string& g) {
            return std::find(names.begin(), names.end(), g) - names.begin();
        };
        return rank(a.staffGroup) < rank(b.staffGroup);
    });
    return out;
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
