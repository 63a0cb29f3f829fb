// The actions panel: actions by group and the action list.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <fmt/format.h>

namespace reflect::core {

using namespace review_query;

double ActionsRow::completionRate() const {
    const auto all = open + inProgress + done + dropped;
    return all == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(all);
}

std::vector<ActionsRow> actionsByGroup(Database& db, const ReviewFilter& filter, const std::string& today) {
    auto st = db.prepare(
        fmt::format("SELECT COALESCE(g.name, ''), SUM(a.status = 'open'), SUM(a.status = 'in_progress'), "
                    "SUM(a.status IN ('open', 'in_progress') AND a.due_date IS NOT NULL AND a.due_date < ?5), "
                    "SUM(a.status = 'done'), SUM(a.status = 'dropped') "
                    "FROM actions a JOIN sessions s ON s.id = a.session_id LEFT JOIN groups g ON g.id = a.group_id "
                    "WHERE {} GROUP BY a.group_id ORDER BY 1",
                    kFilterWhere));
    bindFilter(st, filter);
    st.bind(5, today);
    std::vector<ActionsRow> out;
    while (st.step())
        out.push_back(
            {st.columnText(0), st.columnInt(1), st.columnInt(2), st.columnInt(3), st.columnInt(4), st.columnInt(5)});
    return out;
}

std::vector<ActionLine> actionList(Database& db, const ReviewFilter& filter, bool openOnly) {
    auto st = db.prepare(
        fmt::format("SELECT COALESCE(g.name, ''), {0}, a.status, COALESCE(a.due_date, ''), a.text, a.outcome, "
                    "a.owner_label "
                    "FROM actions a JOIN sessions s ON s.id = a.session_id LEFT JOIN groups g ON g.id = a.group_id "
                    "WHERE {1} AND (?5 = 0 OR a.status IN ('open', 'in_progress')) ORDER BY a.due_date, 1, a.id",
                    sessionDate(), kFilterWhere));
    bindFilter(st, filter);
    st.bind(5, openOnly ? 1 : 0);
    std::vector<ActionLine> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4),
                       st.columnText(5), st.columnText(6)});
    return out;
}

}  // namespace reflect::core
