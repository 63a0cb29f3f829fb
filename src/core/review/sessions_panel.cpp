// The sessions panel: sessions, head counts, contributions and evaluations over time, and the session list.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <map>

#include <fmt/format.h>

namespace reflect::core {

using namespace review_query;

SessionsOverTime sessionsOverTime(Database& db, const ReviewFilter& filter, const ReviewSettings&) {
    // Activity only: how many met, came, wrote and returned a form. None of these says what anyone said, so
    // they are shown as they are (see suppression.hpp); what was said is suppressed in the other panels.
    auto st = db.prepare(fmt::format(
        "SELECT strftime('%Y-%m', s.started_at / 1000, 'unixepoch'), COUNT(*), SUM(COALESCE(s.attendance, 0)), "
        "SUM(s.contribution_count), SUM(s.evaluation_count) FROM sessions s WHERE {} GROUP BY 1 ORDER BY 1",
        kFilterWhere));
    bindFilter(st, filter);
    SessionsOverTime out;
    std::map<std::string, SessionsRow> rows;
    while (st.step()) {
        const std::string period = periodOfMonth(filter.period, st.columnText(0));
        SessionsRow& row = rows[period];
        row.period = period;
        for (SessionsRow* r : {&row, &out.total}) {
            r->sessions += st.columnInt(1);
            r->attendance.value += st.columnInt(2);
            r->contributions.value += st.columnInt(3);
            r->evaluations.value += st.columnInt(4);
        }
    }
    for (auto& [period, row] : rows) out.rows.push_back(std::move(row));
    out.total.period = "Total";
    return out;
}

std::optional<double> SessionsRow::returnRate() const {
    if (attendance.value <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(evaluations.value) / static_cast<double>(attendance.value);
}

std::vector<SessionLine> sessionList(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(fmt::format(
        "SELECT {0}, COALESCE(g.name, ''), s.format, s.template_name, COALESCE(s.attendance, 0), "
        "(SELECT COUNT(*) FROM themes t WHERE t.session_id = s.id), "
        "(SELECT COALESCE(SUM(planned_ms), 0) / 60000.0 FROM session_stages ss WHERE ss.session_id = s.id), "
        "(SELECT COALESCE(SUM(actual_ms), 0) / 60000.0 FROM session_stages ss WHERE ss.session_id = s.id) "
        "FROM sessions s LEFT JOIN groups g ON g.id = s.group_id WHERE {1} ORDER BY s.started_at, s.id",
        sessionDate(), kFilterWhere));
    bindFilter(st, filter);
    std::vector<SessionLine> out;
    while (st.step()) {
        SessionLine line;
        line.date = st.columnText(0);
        line.group = st.columnText(1);
        line.format = st.columnText(2);
        line.templateName = st.columnText(3);
        line.attendance = Cell{st.columnInt(4), false};
        line.themes = st.columnInt(5);
        line.plannedMinutes = st.columnDouble(6);
        line.actualMinutes = st.columnDouble(7);
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace reflect::core
