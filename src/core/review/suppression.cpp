// Suppression: the unit rule every lead-facing figure about what people said goes through (see suppression.hpp).
#include "core/review/suppression.hpp"

namespace reflect::core {

std::string Cell::text() const {
    return suppressed ? "*" : std::to_string(value);
}

Cell primaryCell(std::int64_t count, int threshold) {
    return Cell{count, isSmall(count, threshold)};
}

Cell partCell(std::int64_t part, std::int64_t whole, int threshold) {
    return Cell{part, isSmall(part, threshold) || isSmall(whole - part, threshold)};
}

void addUnit(Cell& aggregate, Cell unit) {
    aggregate.value += unit.value;
    aggregate.suppressed = aggregate.suppressed || unit.suppressed;
}

Cell finished(Cell cell) {
    if (cell.suppressed) cell.value = 0;
    return cell;
}

Cell sumCells(const std::vector<Cell>& units) {
    Cell total;
    for (const auto& unit : units) addUnit(total, unit);
    return finished(total);
}

bool ratingUnitPublishable(std::int64_t agree, std::int64_t answers, std::int64_t forms, int threshold) {
    return !isSmall(agree, threshold) && !isSmall(answers - agree, threshold) && !isSmall(answers, threshold) &&
           !isSmall(forms - answers, threshold);
}

}  // namespace reflect::core
