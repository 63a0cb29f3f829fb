// The kiosk's unit aggregation queries: every figure a unit publishes, read from the kiosk's SQLite database.
#pragma once

#include <vector>

#include "core/publish/unit_figures.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct UnitQueryOptions {
    bool themeNames = false;  ///< publish scrubbed theme names (the admin's publish_theme_names)
    int freeTextMinimum = 3;  ///< theme names only from sessions with at least this many contributions
};

/// Every unit with at least one ended session, ordered by key. Counts only; theme names only when asked for,
/// scrubbed again on the way out, sorted so their order says nothing.
[[nodiscard]] std::vector<UnitFigures> readUnits(Database& db, const UnitQueryOptions& options);

}  // namespace reflect::core
