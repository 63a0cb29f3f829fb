// Backups: consistent copies of the live database (VACUUM INTO), checked, made durable and rotated;
// verification and restore of a copy. Backup files hold exactly what the database holds: scrubbed text,
// no per-entry time and no order, so they add nothing a thief of the live file would not already have.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// Where automatic backups go: the configured folder, else <folder of the database>/backups.
[[nodiscard]] std::filesystem::path backupFolderFor(const std::filesystem::path& databasePath,
                                                    const std::string& configuredDir);

/// Writes a checked copy of `db` into `dir` as reflect-YYYYMMDD-HHMMSS[-n].db (UTC of `wallNowMs`).
/// Steps: VACUUM INTO a temporary name, fsync the copy, integrity_check it, rename into place, fsync the folder.
/// A failed step removes the temporary file and leaves every earlier backup untouched.
[[nodiscard]] Result<std::filesystem::path> writeBackup(Database& db, const std::filesystem::path& dir,
                                                        std::int64_t wallNowMs);

/// Removes the oldest backups in `dir` (by name, which sorts by time) until at most `keep` remain.
/// Only files this module wrote (reflect-*.db) are touched.
[[nodiscard]] Result<void> rotateBackups(const std::filesystem::path& dir, int keep);

/// The backups in `dir`, newest first.
[[nodiscard]] std::vector<std::filesystem::path> listBackups(const std::filesystem::path& dir);

/// integrity_check and foreign_key_check of a database file opened read-only; "ok" or the first problem.
[[nodiscard]] std::string checkDatabaseFile(const std::filesystem::path& file);

/// Replaces the database at `target` with a copy of `backup`, after checking the backup. The copy is
/// written beside the target, synced and renamed over it, so a crash leaves either the old or the new file.
/// The caller must not hold the target open. Stale -wal/-shm files of the old database are removed first.
[[nodiscard]] Result<void> restoreBackup(const std::filesystem::path& backup, const std::filesystem::path& target);

/// fsync of one file or folder by path.
[[nodiscard]] Result<void> syncPath(const std::filesystem::path& path, bool directory);

}  // namespace reflect::core

namespace reflect::core {

/// Automatic backups: one after every session ends and one per UTC day, then rotation to `keep`.
/// Driven by tick() from the frame loop with the wall clock; never throws.
class BackupScheduler {
public:
    BackupScheduler(Database& db, std::filesystem::path dir, int keep);
    /// Call once per frame. Writes a backup when a session has just ended, or when no backup exists for today.
    /// Returns true when a backup was written this call.
    bool tick(bool sessionActive, std::int64_t wallNowMs);
    /// The last failure, "" after a success.
    [[nodiscard]] const std::string& lastError() const noexcept { return m_lastError; }
    [[nodiscard]] int written() const noexcept { return m_written; }

private:
    bool backupNow(std::int64_t wallNowMs);

    Database& m_db;
    std::filesystem::path m_dir;
    int m_keep;
    bool m_wasActive = false;
    std::int64_t m_lastDay = -1;
    std::int64_t m_lastAttemptMs = -1;
    std::string m_lastError;
    int m_written = 0;
};

}  // namespace reflect::core
