// Backups implementation: VACUUM INTO, fsync, integrity_check, rename, fsync of the folder.
#include "core/storage/backup.hpp"
#include "core/text/time_format.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <system_error>

#include <sqlite3.h>

#include <fmt/format.h>

namespace reflect::core {

namespace fs = std::filesystem;

namespace {

/// An open file descriptor, closed in the destructor.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const noexcept { return m_fd; }

private:
    int m_fd;
};

bool isBackupName(const std::string& name) {
    return name.size() > 11 && name.rfind("reflect-", 0) == 0 && name.ends_with(".db");
}

void removeQuietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

/// Copies `from` to `to` byte for byte and syncs `to`. `to` must not exist.
Result<void> copyAndSync(const fs::path& from, const fs::path& to) {
    Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) return fail(fmt::format("cannot read {}", from.string()));
    Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (out.get() < 0) return fail(fmt::format("cannot create {}", to.string()));
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(in.get(), buffer, sizeof buffer);
        if (got < 0) return fail(fmt::format("cannot read {}", from.string()));
        if (got == 0) break;
        ssize_t done = 0;
        while (done < got) {
            const ssize_t wrote = ::write(out.get(), buffer + done, static_cast<std::size_t>(got - done));
            if (wrote < 0) return fail(fmt::format("cannot write {} (is the disk full?)", to.string()));
            done += wrote;
        }
    }
    if (::fsync(out.get()) != 0) return fail(fmt::format("cannot flush {} to disk", to.string()));
    return ok();
}

Result<void> makeSingleFile(const fs::path& file) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> owned(raw, &sqlite3_close_v2);
    if (rc != SQLITE_OK) return fail(fmt::format("cannot open the backup copy {}", file.string()));
    if (sqlite3_exec(raw, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(fmt::format("cannot finish the backup copy: {}", sqlite3_errmsg(raw)));
    return ok();
}

}  // namespace

Result<void> syncPath(const fs::path& path, bool directory) {
    Fd fd(::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC));
    if (fd.get() < 0) return fail(fmt::format("cannot open {} to flush it", path.string()));
    if (::fsync(fd.get()) != 0) return fail(fmt::format("cannot flush {} to disk", path.string()));
    return ok();
}

fs::path backupFolderFor(const fs::path& databasePath, const std::string& configuredDir) {
    if (!configuredDir.empty()) return fs::path(configuredDir);
    return databasePath.parent_path() / "backups";
}

std::string checkDatabaseFile(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return fmt::format("{} is not a file", file.string());
    try {
        OpenOptions options;
        options.readOnly = true;
        options.create = false;
        Database db(file.string(), options);
        db.exec("PRAGMA cache_size=-2048");  // reads every page once: no need to keep them
        const std::string integrity = db.integrityCheck();
        if (integrity != "ok") return integrity;
        auto fk = db.prepare("PRAGMA foreign_key_check");
        if (fk.step()) return fmt::format("a row in {} points at a missing row", fk.columnText(0));
        return "ok";
    } catch (const SqliteError& e) {
        return e.what();
    }
}

Result<fs::path> writeBackup(Database& db, const fs::path& dir, std::int64_t wallNowMs) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail(fmt::format("cannot create the backup folder {}: {}", dir.string(), ec.message()));
    const std::string stamp = formatUtcStamp(wallNowMs);
    fs::path target = dir / fmt::format("reflect-{}.db", stamp);
    for (int n = 2; fs::exists(target, ec); ++n) target = dir / fmt::format("reflect-{}-{}.db", stamp, n);
    const fs::path temp = dir / fmt::format(".partial-{}.tmp", target.filename().string());
    removeQuietly(temp);
    try {
        // The copy reads every page once; a small cache while it runs keeps the kiosk's memory where it was.
        db.exec("PRAGMA cache_size=-2048");
        auto stmt = db.prepare("VACUUM INTO ?");
        stmt.bind(1, temp.string());
        stmt.run();
        db.exec(fmt::format("PRAGMA cache_size=-{}", Database::kCacheKiB));
    } catch (const SqliteError& e) {
        try {
            db.exec(fmt::format("PRAGMA cache_size=-{}", Database::kCacheKiB));
        } catch (const SqliteError&) {
            // The cache size only affects speed.
        }
        removeQuietly(temp);
        return fail(fmt::format("backup failed: {}", e.what()));
    }
    // The copy keeps the WAL flag of its source; a backup is one self-contained file, so switch it to a
    // rollback journal (this also leaves no -wal or -shm beside it).
    if (auto single = makeSingleFile(temp); !single) {
        removeQuietly(temp);
        return single.error();
    }
    if (auto synced = syncPath(temp, false); !synced) {
        removeQuietly(temp);
        return synced.error();
    }
    if (const std::string check = checkDatabaseFile(temp); check != "ok") {
        removeQuietly(temp);
        return fail(fmt::format("the backup copy failed its check: {}", check));
    }
    fs::rename(temp, target, ec);
    if (ec) {
        removeQuietly(temp);
        return fail(fmt::format("cannot name the backup {}: {}", target.string(), ec.message()));
    }
    if (auto synced = syncPath(dir, true); !synced) return synced.error();
    return target;
}

std::vector<fs::path> listBackups(const fs::path& dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && isBackupName(it->path().filename().string())) found.push_back(it->path());
    }
    // The names hold the UTC time, so reverse name order is newest first.
    std::sort(found.begin(), found.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename().string() > b.filename().string(); });
    return found;
}

Result<void> rotateBackups(const fs::path& dir, int keep) {
    if (keep < 1) return fail("backupKeep must be at least 1");
    const auto backups = listBackups(dir);
    for (std::size_t i = static_cast<std::size_t>(keep); i < backups.size(); ++i) {
        std::error_code ec;
        fs::remove(backups[i], ec);
        if (ec) return fail(fmt::format("cannot remove the old backup {}: {}", backups[i].string(), ec.message()));
    }
    return ok();
}

Result<void> restoreBackup(const fs::path& backup, const fs::path& target) {
    if (const std::string check = checkDatabaseFile(backup); check != "ok")
        return fail(fmt::format("{} failed its integrity check ({}); nothing was changed", backup.string(), check));
    std::error_code ec;
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const fs::path temp = folder / fmt::format(".restoring-{}.tmp", target.filename().string());
    removeQuietly(temp);
    if (auto copied = copyAndSync(backup, temp); !copied) {
        removeQuietly(temp);
        return copied.error();
    }
    if (const std::string check = checkDatabaseFile(temp); check != "ok") {
        removeQuietly(temp);
        return fail(fmt::format("the restored copy failed its check: {}", check));
    }
    // Fold the old database's WAL into it and close it, so no stale WAL is replayed onto the restored file.
    if (fs::exists(target, ec)) {
        try {
            OpenOptions options;
            options.create = false;
            Database old(target.string(), options);
            old.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SqliteError&) {
            // An unreadable old file is being replaced anyway.
        }
    }
    removeQuietly(fs::path(target.string() + "-wal"));
    removeQuietly(fs::path(target.string() + "-shm"));
    fs::rename(temp, target, ec);
    if (ec) {
        removeQuietly(temp);
        return fail(fmt::format("cannot replace {}: {}", target.string(), ec.message()));
    }
    return syncPath(folder, true);
}

}  // namespace reflect::core

namespace reflect::core {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

/// The UTC day number of the newest backup in `dir`, from its name; -1 when there is none.
std::int64_t newestBackupDay(const fs::path& dir) {
    for (const auto& file : listBackups(dir)) {
        const std::string name = file.filename().string();  // reflect-YYYYMMDD-...
        if (name.size() < 16) continue;
        std::tm parts{};
        int ymd = 0;
        for (std::size_t i = 8; i < 16; ++i) {
            if (name[i] < '0' || name[i] > '9') return -1;
            ymd = ymd * 10 + (name[i] - '0');
        }
        parts.tm_year = ymd / 10000 - 1900;
        parts.tm_mon = ymd / 100 % 100 - 1;
        parts.tm_mday = ymd % 100;
        return static_cast<std::int64_t>(timegm(&parts)) * 1000 / kDayMs;
    }
    return -1;
}

}  // namespace

BackupScheduler::BackupScheduler(Database& db, fs::path dir, int keep)
    : m_db(db), m_dir(std::move(dir)), m_keep(keep), m_lastDay(newestBackupDay(m_dir)) {}

bool BackupScheduler::tick(bool sessionActive, std::int64_t wallNowMs) {
    const bool ended = m_wasActive && !sessionActive;
    m_wasActive = sessionActive;
    const std::int64_t today = wallNowMs / kDayMs;
    const bool daily = today != m_lastDay;
    if (!ended && !daily) return false;
    // After a failure, wait a minute before the next daily attempt rather than retrying every frame.
    if (!ended && m_lastAttemptMs >= 0 && wallNowMs - m_lastAttemptMs < 60'000) return false;
    return backupNow(wallNowMs);
}

bool BackupScheduler::backupNow(std::int64_t wallNowMs) {
    m_lastAttemptMs = wallNowMs;
    auto written = writeBackup(m_db, m_dir, wallNowMs);
    if (!written) {
        m_lastError = written.error().message;
        return false;
    }
    m_lastDay = wallNowMs / kDayMs;
    ++m_written;
    auto rotated = rotateBackups(m_dir, m_keep);
    m_lastError = rotated ? std::string() : rotated.error().message;
    return true;
}

}  // namespace reflect::core
