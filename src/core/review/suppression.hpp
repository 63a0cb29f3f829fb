// Suppression: the one rule by which a figure about what people said reaches a lead, or shows '*' instead.
//
// The rule, in plain words (PRODUCT.md "Reports to leads suppress what people said in small numbers"):
// - What is suppressed is what people said: how ratings split, how many contributions a tag got, and free text.
//   Activity is shown as it is: sessions, head counts, contributions received and evaluations returned count
//   who took part, not what anyone said.
// - The unit is one group (none for an open session) in one format in one calendar month (ratings: quarter).
//   A unit's count that is 1..threshold is hidden; zero is shown.
// - Every complement is checked the same way: when a unit's whole is published (its contributions, its forms)
//   a part of it (a tag's contributions, one statement's answers) is hidden too when the whole minus the part is
//   1..threshold, because subtracting would reveal that small count. Where a whole is split into several parts
//   (the staff groups of a unit's forms), the whole minus every published part is checked as well; when it is
//   1..threshold, none of the unit's parts is published.
// - Every larger figure (a quarter, a year, all groups, all formats) is the sum of its units and is hidden when
//   any unit is. So the difference of two published figures is a sum of published units, each 0 or more than
//   the threshold, and so is 0 or more than the threshold itself: never a hidden count.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reflect::core {

/// A count that may be suppressed. `value` is 0 when suppressed, so nothing downstream can print it by mistake.
struct Cell {
    std::int64_t value = 0;
    bool suppressed = false;
    [[nodiscard]] std::string text() const;
    bool operator==(const Cell&) const = default;
};

/// The key of a suppression unit. The format is part of it: a filter by format must never cut a unit in two.
struct UnitKey {
    std::optional<std::int64_t> group;  ///< empty for a session without a group
    std::string format;
    std::string month;  ///< YYYY-MM (for ratings, the quarter YYYY-Qn)
    auto operator<=>(const UnitKey&) const = default;
};

/// True when a count would give a small number away: 1..threshold.
[[nodiscard]] constexpr bool isSmall(std::int64_t count, int threshold) noexcept {
    return count >= 1 && count <= threshold;
}

/// One unit's count: hidden when it is 1..threshold.
[[nodiscard]] Cell primaryCell(std::int64_t count, int threshold);

/// One unit's part of a published whole (a tag's contributions of the unit's contributions, a statement's
/// answers of the unit's forms): hidden when the part or the whole minus the part is 1..threshold.
[[nodiscard]] Cell partCell(std::int64_t part, std::int64_t whole, int threshold);

/// Adds one unit's cell into a larger figure, which is hidden once any of its units is.
void addUnit(Cell& aggregate, Cell unit);

/// The figure ready to publish: a hidden one loses its value.
[[nodiscard]] Cell finished(Cell cell);

/// The sum of units, hidden when any unit is (addUnit over all, then finished).
[[nodiscard]] Cell sumCells(const std::vector<Cell>& units);

/// "% agree (n)" parts of a unit's answers to one statement: the agreeing count and the answers are both
/// published, so each of agree, answers - agree and forms - answers must be 0 or more than the threshold.
[[nodiscard]] bool ratingUnitPublishable(std::int64_t agree, std::int64_t answers, std::int64_t forms, int threshold);

}  // namespace reflect::core
