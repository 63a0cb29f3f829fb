// DatabaseOpener implementation.
#include "core/storage/database_opener.hpp"
#include "core/text/time_format.hpp"

#include <sqlite3.h>

#include <ctime>
#include <system_error>

#include <fmt/format.h>

#include "core/storage/backup.hpp"
#include "core/storage/migrations.hpp"

namespace reflect::core {

namespace fs = std::filesystem;

namespace {

bool isCorruption(const SqliteError& e) {
    return e.code() == SQLITE_CORRUPT || e.code() == SQLITE_NOTADB;
}

/// Opens, checks and migrates; throws SqliteError. Returns false (and no database) when quick_check fails.
std::unique_ptr<Database> openAndCheck(const fs::path& path, const OpenOptions& options, std::string& problem) {
    auto db = std::make_unique<Database>(path.string(), options);
    // quick_check reads every page once: a small cache while it runs keeps those pages out of memory.
    db->exec("PRAGMA cache_size=-2048");
    const std::string check = db->quickCheck();
    db->exec(fmt::format("PRAGMA cache_size=-{}", Database::kCacheKiB));
    if (check != "ok") {
        problem = check;
        return nullptr;
    }
    migrate(*db);
    return db;
}

/// Renames the file and its companions to a name that does not exist yet. Never copies, never overwrites.
Result<fs::path> moveAside(const fs::path& path, std::int64_t wallNowMs) {
    std::error_code ec;
    const std::string base = path.string() + ".corrupt-" + formatUtcStamp(wallNowMs);
    std::string chosen = base;
    for (int n = 2; fs::exists(chosen, ec) || fs::exists(chosen + "-wal", ec); ++n)
        chosen = fmt::format("{}-{}", base, n);
    for (const char* suffix : {"-wal", "-shm", ""}) {
        const fs::path from = path.string() + suffix;
        if (!fs::exists(from, ec)) continue;
        fs::rename(from, chosen + suffix, ec);
        if (ec) return fail(fmt::format("cannot move the damaged file {} aside: {}", from.string(), ec.message()));
    }
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (auto synced = syncPath(folder, true); !synced) return synced.error();
    return fs::path(chosen);
}

}  // namespace

Result<OpenedDatabase> openCheckedDatabase(const fs::path& path, const fs::path& backupDir, std::int64_t wallNowMs,
                                           const OpenOptions& options) {
    std::string problem;
    try {
        auto db = openAndCheck(path, options, problem);
        if (db) return OpenedDatabase{std::move(db), false, {}, {}};
    } catch (const SqliteError& e) {
        if (!isCorruption(e)) return fail(e.what());
        problem = e.what();
    }

    OpenedDatabase opened;
    opened.safeMode = true;
    auto moved = moveAside(path, wallNowMs);
    if (!moved) return fail(fmt::format("{} is damaged ({}) and {}", path.string(), problem, moved.error().message));
    opened.movedAsideTo = *moved;

    for (const auto& backup : listBackups(backupDir)) {
        if (checkDatabaseFile(backup) != "ok") continue;
        if (!restoreBackup(backup, path)) continue;
        try {
            std::string again;
            opened.db = openAndCheck(path, options, again);
            if (opened.db) {
                opened.restoredFrom = backup;
                return opened;
            }
        } catch (const SqliteError&) {
        }
        // The copy is unusable after all: move it aside too and try the next backup.
        if (auto aside = moveAside(path, wallNowMs + 1000); !aside) return aside.error();
    }
    try {
        std::string fresh;
        opened.db = openAndCheck(path, options, fresh);
        if (!opened.db) return fail(fmt::format("a fresh database at {} failed its check: {}", path.string(), fresh));
        return opened;
    } catch (const SqliteError& e) {
        return fail(fmt::format("cannot start a fresh database at {}: {}", path.string(), e.what()));
    }
}

}  // namespace reflect::core
