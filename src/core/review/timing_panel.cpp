// The timing panel: planned against actual minutes per template stage.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

namespace reflect::core {

using namespace review_query;

std::vector<TimingRow> timingByStage(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT s.format, ss.key, MIN(ss.name), COUNT(*), AVG(ss.planned_ms) / 60000.0, "
        "AVG(ss.actual_ms) / 60000.0, AVG(ss.actual_ms > ss.planned_ms + 60000), MIN(ss.idx) "
        "FROM sessions s JOIN session_stages ss ON ss.session_id = s.id WHERE " +
        std::string(kFilterWhere) + " GROUP BY 1, 2 ORDER BY 1, 8");
    bindFilter(st, filter);
    std::vector<TimingRow> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnInt(3), st.columnDouble(4),
                       st.columnDouble(5), st.columnDouble(6)});
    return out;
}

}  // namespace reflect::core
