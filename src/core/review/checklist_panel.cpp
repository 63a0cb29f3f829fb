// The checklist panel: the peer-support principles checklist by group over time.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <map>
#include <tuple>

namespace reflect::core {

using namespace review_query;

std::vector<ChecklistRow> checklistByGroup(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT k.group_id, g.name, strftime('%Y-%m', s.started_at / 1000, 'unixepoch'), r.principle, "
        "SUM(r.rating = 'met'), SUM(r.rating = 'partly'), SUM(r.rating = 'not_yet'), SUM(r.rating = 'not_applicable') "
        "FROM checklist_ratings r JOIN checklists k ON k.id = r.checklist_id JOIN groups g ON g.id = k.group_id "
        "JOIN sessions s ON s.id = k.session_id WHERE " +
        std::string(kFilterWhere) + " GROUP BY 1, 3, 4");
    bindFilter(st, filter);
    // Months are summed into the filter's periods here, by the same rule as every other panel.
    std::map<std::tuple<std::string, std::int64_t, std::string, std::string>, ChecklistRow>
        rows;  // name, id, period, principle
    while (st.step()) {
        const std::string period = periodOfMonth(filter.period, st.columnText(2));
        auto& row = rows[{st.columnText(1), st.columnInt(0), period, st.columnText(3)}];
        row.group = st.columnText(1);
        row.period = period;
        row.principle = st.columnText(3);
        row.met += st.columnInt(4);
        row.partly += st.columnInt(5);
        row.notYet += st.columnInt(6);
        row.notApplicable += st.columnInt(7);
    }
    std::vector<ChecklistRow> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    return out;
}

}  // namespace reflect::core
