// Time formatting for people: "4:59", "+1:05", "14:30", "Mon 23 Nov 2026".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace reflect::core {

/// A countdown: whole seconds rounded up, so "5:00" shows for the first second and "0:00" only at the end.
[[nodiscard]] std::string formatCountdown(std::int64_t remainingMs);
/// Overtime: whole seconds rounded down, shown with a plus sign ("+0:07").
[[nodiscard]] std::string formatOvertime(std::int64_t overMs);
/// Minutes for tables: "6 min", "1 h 05 min"; rounds to the nearest minute.
[[nodiscard]] std::string formatMinutes(std::int64_t ms);
/// Signed difference in whole minutes: "+3 min", "−2 min", "on time".
[[nodiscard]] std::string formatDifference(std::int64_t ms);
/// Local time of day, 24-hour: "14:30".
[[nodiscard]] std::string formatTimeOfDay(WallMs wall);
/// True for a real calendar date written YYYY-MM-DD (1970 or later), such as an action's due date.
[[nodiscard]] bool isIsoDate(std::string_view text) noexcept;
/// The UTC calendar date of a moment: "2026-11-23". Periods, "today" and file names all use UTC.
[[nodiscard]] std::string formatUtcDate(WallMs wall);
/// True for YYYY-MM with a month from 01 to 12 (year 1970 or later).
[[nodiscard]] bool isYearMonth(std::string_view text) noexcept;
/// Months since January of year 0 for a valid YYYY-MM, and back.
[[nodiscard]] int yearMonthIndex(std::string_view yearMonth);
[[nodiscard]] std::string yearMonthAt(int index);
/// A valid YYYY-MM moved by `months` (negative = earlier), never before 1970-01.
[[nodiscard]] std::string addMonths(std::string_view yearMonth, int months);
/// A UTC stamp for file names, sortable as text: "20261123-140512".
[[nodiscard]] std::string formatUtcStamp(WallMs wall);
/// Local date: "23 Nov 2026".
[[nodiscard]] std::string formatDate(WallMs wall);
/// A calendar month written YYYY-MM, for people: "Jan 2025". Anything else comes back unchanged.
[[nodiscard]] std::string formatYearMonth(std::string_view yearMonth);

}  // namespace reflect::core
