// The checklist panel: the peer-support principles checklist by group over time.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <map>
#include <tuple>

namespace reflect::core {

using namespace review_query;

std::vector<ChecklistRow> checklistByGroup(Database& db, const ReviewFilter& filter) {
    // From the range's sessions to their checklists (by the checklists_by_session index); ratings are summed into
    // the filter's periods here, by the same rule as every other panel.
    auto st = db.prepare(
        "SELECT k.group_id, g.name, s.started_at, r.principle, r.rating = 'met', r.rating = 'partly', "
        "r.rating = 'not_yet', r.rating = 'not_applicable' "
        "FROM sessions s JOIN checklists k ON k.session_id = s.id JOIN groups g ON g.id = k.group_id "
        "JOIN checklist_ratings r ON r.checklist_id = k.id WHERE " +
        std::string(kFilterWhere));
    bindFilter(st, filter);
    std::map<std::tuple<std::string, std::int64_t, std::string, std::string>, ChecklistRow>
        rows;  // name, id, period, principle
    std::int64_t lastStart = 0;
    std::string period;
    while (st.step()) {
        if (const auto started = st.columnInt(2); period.empty() || started != lastStart) {
            lastStart = started;
            period = periodOfMonth(filter.period, monthOfMs(started));
        }
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
