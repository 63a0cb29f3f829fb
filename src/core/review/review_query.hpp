// Shared by the review panels' queries: the filter's WHERE clause and its binding, and the period of a month.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/review/review.hpp"
#include "core/storage/database.hpp"

namespace reflect::core::review_query {

/// The WHERE clause every query shares; parameters ?1..?4 are the range's first and past-the-end moments (ms),
/// group and format (NULL = any). The bounds are whole periods, which is what widens a custom range; an open end
/// is bound as the smallest or largest moment, never NULL, so the sessions_for_review index finds the range.
inline constexpr std::string_view kFilterWhere =
    "s.status = 'ended' AND s.started_at >= ?1 AND s.started_at < ?2 "
    "AND (?3 IS NULL OR s.group_id = ?3) AND (?4 IS NULL OR s.format = ?4)";

/// The suppression unit of a result row whose columns `first`..`first + 2` are a session's group, format and
/// started_at. Rows arrive a session at a time, so the key is made once per session; its month (or quarter) is
/// worked out here rather than by strftime for every row in SQL.
class RowUnit {
public:
    /// `unitPeriod`: Month for contributions and tags, Quarter for ratings.
    explicit RowUnit(PeriodKind unitPeriod) : m_period(unitPeriod) {}
    [[nodiscard]] const UnitKey& read(Statement& st, int first);

private:
    PeriodKind m_period;
    bool m_valid = false;
    std::int64_t m_started = 0;
    UnitKey m_key;
};

/// The number of each result row's unit, where columns `first`..`first + 3` are a session's group, format,
/// started_at and id: looked up in `index` (units numbered by a first reading of the range) once per session.
/// Empty for a unit not in `index`: a session that ended between the two readings.
class UnitLookup {
public:
    UnitLookup(const std::map<UnitKey, std::size_t>& index, PeriodKind unitPeriod)
        : m_index(index), m_row(unitPeriod) {}
    [[nodiscard]] std::optional<std::size_t> read(Statement& st, int first);

private:
    const std::map<UnitKey, std::size_t>& m_index;
    RowUnit m_row;
    bool m_valid = false;
    std::int64_t m_session = 0;
    std::optional<std::size_t> m_unit;
};

/// Binds ?1..?4 of kFilterWhere.
void bindFilter(Statement& st, const ReviewFilter& filter);

/// The label of the output period that a unit month ("YYYY-MM") belongs to.
[[nodiscard]] std::string periodOfMonth(PeriodKind kind, const std::string& month);

/// "YYYY-MM" (UTC) of a moment in milliseconds since the epoch: the unit month, as strftime would give it.
[[nodiscard]] std::string monthOfMs(std::int64_t ms);

/// The SQL expression of a session's calendar month, YYYY-MM: all that free text shown to a lead says of when.
inline constexpr std::string_view kSessionMonth = "strftime('%Y-%m', s.started_at / 1000, 'unixepoch')";

/// The free-text rule as SQL over the session `s`: at least ?people people counted present and at least ?visible
/// contributions that are neither hidden nor purged (people, not texts, are what make a quote safe to show).
[[nodiscard]] std::string freeTextSession(int peopleParam, int visibleParam);

/// The SQL expression of a session's date (used only where a date is allowed: actions and timing).
[[nodiscard]] std::string sessionDate();

}  // namespace reflect::core::review_query
