// The timing panel: planned against actual minutes per template stage.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace reflect::core {

using namespace review_query;

std::vector<TimingRow> timingByStage(Database& db, const ReviewFilter& filter) {
    // Summed here rather than by GROUP BY: SQLite's sorter took 7 ms of the 8 for a year of sessions.
    auto st = db.prepare(
        "SELECT s.format, ss.key, ss.name, ss.planned_ms, ss.actual_ms, ss.idx "
        "FROM sessions s JOIN session_stages ss ON ss.session_id = s.id WHERE " +
        std::string(kFilterWhere));
    bindFilter(st, filter);
    struct Sums {
        std::string name;  ///< the least, as MIN() would give: one name per stage key, whatever a template said
        std::int64_t sessions = 0, planned = 0, actual = 0, overran = 0, firstIndex = 0;
    };
    std::map<std::pair<std::string, std::string>, Sums> stages;  // (format, stage key)
    while (st.step()) {
        Sums& sums = stages[{st.columnText(0), st.columnText(1)}];
        std::string name = st.columnText(2);
        const auto planned = st.columnInt(3), actual = st.columnInt(4), index = st.columnInt(5);
        if (sums.sessions == 0 || name < sums.name) sums.name = std::move(name);
        if (sums.sessions == 0 || index < sums.firstIndex) sums.firstIndex = index;
        ++sums.sessions;
        sums.planned += planned;
        sums.actual += actual;
        sums.overran += actual > planned + 60000 ? 1 : 0;
    }
    std::vector<std::pair<std::int64_t, TimingRow>> rows;
    for (auto& [key, sums] : stages) {
        const auto n = static_cast<double>(sums.sessions);
        rows.push_back({sums.firstIndex,
                        {key.first, key.second, std::move(sums.name), sums.sessions,
                         static_cast<double>(sums.planned) / n / 60000.0,
                         static_cast<double>(sums.actual) / n / 60000.0, static_cast<double>(sums.overran) / n}});
    }
    // By format, then in the order the stages run.
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        if (a.second.format != b.second.format) return a.second.format < b.second.format;
        return a.first < b.first;
    });
    std::vector<TimingRow> out;
    for (auto& [index, row] : rows) out.push_back(std::move(row));
    return out;
}

}  // namespace reflect::core
