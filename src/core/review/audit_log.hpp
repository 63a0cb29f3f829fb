// AuditLog: what leads did (unlock, export, purge, PIN change, settings change), when, and in which role.
// Never any contribution or comment text; details are short descriptions written by the code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct AuditEntry {
    std::int64_t at = 0;  ///< wall-clock ms
    std::string role;
    std::string action;
    std::string detail;
};

class AuditLog {
public:
    AuditLog(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}
    [[nodiscard]] Result<void> record(std::string_view role, std::string_view action, std::string_view detail);
    /// Newest first.
    [[nodiscard]] std::vector<AuditEntry> recent(std::size_t limit) const;

private:
    Database& m_db;
    const Clock& m_clock;
};

}  // namespace reflect::core
