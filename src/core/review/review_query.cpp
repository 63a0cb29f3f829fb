// The review panels' shared query pieces: the filter's WHERE binding, periods of months, and the group list.
#include "core/review/review_query.hpp"

#include <chrono>
#include <limits>

#include <fmt/format.h>

namespace reflect::core {

namespace {

/// Milliseconds since the epoch at 00:00 UTC on a calendar day.
std::int64_t msOf(std::chrono::year_month_day day) {
    return std::int64_t{std::chrono::sys_days(day).time_since_epoch().count()} * 86'400'000;
}

/// The first day of the period (month, quarter or year) that an ISO date falls in, and of the period after it.
std::pair<std::chrono::year_month_day, std::chrono::year_month_day> periodAround(PeriodKind kind,
                                                                                 std::string_view iso) {
    using namespace std::chrono;
    const int y = std::stoi(std::string(iso.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))));
    const year_month first = kind == PeriodKind::Year      ? year{y} / January
                             : kind == PeriodKind::Quarter ? year{y} / month{(m - 1) / 3 * 3 + 1}
                                                           : year{y} / month{m};
    const months length{kind == PeriodKind::Year ? 12 : kind == PeriodKind::Quarter ? 3 : 1};
    return {first / 1, (first + length) / 1};
}

}  // namespace

namespace review_query {

void bindFilter(Statement& st, const ReviewFilter& f) {
    if (f.from && isIsoDate(*f.from))
        st.bind(1, msOf(periodAround(f.period, *f.from).first));
    else
        st.bind(1, std::numeric_limits<std::int64_t>::min());
    if (f.to && isIsoDate(*f.to))
        st.bind(2, msOf(periodAround(f.period, *f.to).second));
    else
        st.bind(2, std::numeric_limits<std::int64_t>::max());
    st.bind(3, f.groupId);
    st.bind(4, f.format);
}

std::string sessionDate() {
    return "date(s.started_at / 1000, 'unixepoch')";
}

/// The label of the output period that a unit month ("YYYY-MM") belongs to.
std::string periodOfMonth(PeriodKind kind, const std::string& month) {
    if (kind == PeriodKind::Month || month.size() < 7) return month;
    if (kind == PeriodKind::Year) return month.substr(0, 4);
    const int m = (month[5] - '0') * 10 + (month[6] - '0');
    return fmt::format("{}-Q{}", month.substr(0, 4), (m + 2) / 3);
}

/// "YYYY-MM" (UTC) of a moment in milliseconds since the epoch: the unit month, as strftime would give it.
std::string monthOfMs(std::int64_t ms) {
    return formatUtcDate(ms).substr(0, 7);
}

const UnitKey& RowUnit::read(Statement& st, int first) {
    const std::optional<std::int64_t> group =
        st.columnIsNull(first) ? std::nullopt : std::optional(st.columnInt(first));
    const std::int64_t started = st.columnInt(first + 2);
    if (m_valid && group == m_key.group && started == m_started && st.columnText(first + 1) == m_key.format)
        return m_key;
    m_valid = true;
    m_started = started;
    m_key = UnitKey{group, st.columnText(first + 1), periodOfMonth(m_period, monthOfMs(started))};
    return m_key;
}

std::optional<std::size_t> UnitLookup::read(Statement& st, int first) {
    if (const auto id = st.columnInt(first + 3); !m_valid || id != m_session) {
        m_valid = true;
        m_session = id;
        const auto it = m_index.find(m_row.read(st, first));
        m_unit = it == m_index.end() ? std::nullopt : std::optional(it->second);
    }
    return m_unit;
}

std::string freeTextSession(int peopleParam, int visibleParam) {
    return fmt::format(
        "COALESCE(s.attendance, 0) >= ?{} AND (SELECT COUNT(*) FROM contributions fc WHERE "
        "fc.session_id = s.id AND fc.hidden = 0 AND fc.purged = 0) >= ?{}",
        peopleParam, visibleParam);
}

}  // namespace review_query

const char* periodKindName(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::Month:
            return "month";
        case PeriodKind::Quarter:
            return "quarter";
        case PeriodKind::Year:
            return "year";
    }
    return "month";
}

std::optional<PeriodKind> parsePeriodKind(std::string_view text) {
    if (text == "month") return PeriodKind::Month;
    if (text == "quarter") return PeriodKind::Quarter;
    if (text == "year") return PeriodKind::Year;
    return std::nullopt;
}

std::vector<GroupInfo> listGroups(Database& db) {
    return GroupStore(db).list();
}

}  // namespace reflect::core
