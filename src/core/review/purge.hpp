// Retention: deletes contribution and evaluation-comment text from sessions older than N days, keeping
// themes, tags and every count. secure_delete overwrites the freed content; VACUUM then rebuilds the file
// so no old page survives; the search index is rebuilt from what is left.
#pragma once

#include <cstdint>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct PurgeSummary {
    std::int64_t contributions = 0;  ///< texts cleared
    std::int64_t comments = 0;       ///< evaluation comments cleared
    std::int64_t initials = 0;       ///< a set's presenter initials deleted with its old meetings
};

/// Clears text from sessions that started more than `days` days before the clock's wall time, records the
/// purge in the audit log (counts only), then (when anything was cleared) VACUUMs. `days` must be at least 1.
[[nodiscard]] Result<PurgeSummary> purgeOlderThan(Database& db, const Clock& clock, int days, std::string_view role);

}  // namespace reflect::core
