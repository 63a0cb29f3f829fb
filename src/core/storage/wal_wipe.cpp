// wipeWal implementation, through the connection's own VFS so a test VFS sees the same writes as a disk would.
#include "core/storage/wal_wipe.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <vector>

#include "core/storage/write_transaction.hpp"

namespace reflect::core {

namespace {

/// Runs a wal_checkpoint pragma; true when it finished (no reader or writer held it back).
bool checkpoint(Database& db, const char* mode) {
    auto stmt = db.prepare(std::string("PRAGMA wal_checkpoint(") + mode + ")");
    return stmt.step() && stmt.columnInt(0) == 0;
}

/// Writes zeros over every byte of the open WAL file and syncs them. The caller holds the write lock.
int zeroWalFile(Database& db) {
    sqlite3_file* wal = nullptr;
    if (sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) != SQLITE_OK) return SQLITE_OK;
    if (wal == nullptr || wal->pMethods == nullptr) return SQLITE_OK;  // no WAL opened yet: nothing was written
    sqlite3_int64 size = 0;
    if (const int rc = wal->pMethods->xFileSize(wal, &size); rc != SQLITE_OK) return rc;
    const std::vector<char> zeros(64 * 1024, 0);
    for (sqlite3_int64 offset = 0; offset < size;) {
        const auto chunk =
            static_cast<int>(std::min<sqlite3_int64>(static_cast<sqlite3_int64>(zeros.size()), size - offset));
        if (const int rc = wal->pMethods->xWrite(wal, zeros.data(), chunk, offset); rc != SQLITE_OK) return rc;
        offset += chunk;
    }
    return size > 0 ? wal->pMethods->xSync(wal, SQLITE_SYNC_FULL) : SQLITE_OK;
}

}  // namespace

Result<void> wipeWal(Database& db) {
    const char* busy = "The kiosk could not tidy its storage just now because it was in use; it will try again.";
    try {
        if (db.queryText("PRAGMA journal_mode") != "wal") return ok();
        const auto before = db.queryInt("PRAGMA data_version");
        if (!checkpoint(db, "RESTART")) return fail(busy);
        {
            // The write lock keeps every other writer out while the frames are overwritten. data_version moves
            // when another connection committed since we looked: its frames may not be checkpointed, so stop.
            Transaction hold(db);
            if (db.queryInt("PRAGMA data_version") != before) return fail(busy);
            if (const int rc = zeroWalFile(db); rc != SQLITE_OK)
                throw SqliteError(std::string("overwrite the WAL: ") + sqlite3_errstr(rc), rc & 0xff, rc);
            hold.commit();
        }
        if (!checkpoint(db, "TRUNCATE")) return fail(busy);
        return ok();
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
}

}  // namespace reflect::core
