// DatabaseOpener: the start-up check. A file that fails quick_check is moved aside untouched and the kiosk
// carries on with a copy of the latest good backup, or a fresh database, so a session can still run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct OpenedDatabase {
    std::unique_ptr<Database> db;
    /// True when the original file was unusable and has been moved aside.
    bool safeMode = false;
    /// Where the unusable file now is (empty unless safeMode).
    std::filesystem::path movedAsideTo;
    /// The backup that was copied in (empty when a fresh database was started).
    std::filesystem::path restoredFrom;
};

/// Opens `path` (creating it if missing), runs quick_check and migrates. If the file is corrupt (quick_check
/// fails, or SQLite reports CORRUPT or NOTADB) it, and its -wal and -shm, are renamed to
/// <name>.corrupt-YYYYMMDD-HHMMSS (never overwritten), then the newest backup in `backupDir` that passes
/// integrity_check is copied (not moved) into place; with none, a fresh database is created.
/// Other failures (permissions, a full disk) are returned as errors: moving a healthy file aside would not help.
[[nodiscard]] Result<OpenedDatabase> openCheckedDatabase(const std::filesystem::path& path,
                                                         const std::filesystem::path& backupDir, std::int64_t wallNowMs,
                                                         const OpenOptions& options = {});

}  // namespace reflect::core
