// Backups, restore, verify and the start-up safe mode, on real files in a temporary folder.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/commands.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/database_opener.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMonday = 1'795'439'100'000;  // a fixed wall-clock moment (UTC)

std::int64_t startedSession(core::Database& db, core::ManualClock& clock) {
    core::SessionService service(db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    return service.activeId();
}

std::set<std::string> texts(core::Database& db) {
    std::set<std::string> out;
    auto stmt = db.prepare("SELECT text FROM contributions");
    while (stmt.step()) out.insert(stmt.columnText(0));
    return out;
}

std::set<std::int64_t> ids(core::Database& db) {
    std::set<std::int64_t> out;
    auto stmt = db.prepare("SELECT id FROM contributions");
    while (stmt.step()) out.insert(stmt.columnInt(0));
    return out;
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/// A real database file with `n` contributions, closed again.
void makeDatabase(const fs::path& file, int n) {
    core::Database db(file.string());
    core::migrate(db);
    core::ManualClock clock;
    const auto session = startedSession(db, clock);
    core::ContributionStore store(db);
    for (int i = 0; i < n; ++i) REQUIRE(store.add(session, 2, "thought " + std::to_string(i), false));
}

/// Overwrites the middle of the file with junk: quick_check (or opening) then fails.
void damage(const fs::path& file) {
    std::string bytes = readAll(file);
    REQUIRE(bytes.size() > 8192);
    for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(0xA5);
    writeAll(file, bytes);
}

}  // namespace

TEST_CASE("a backup is a checked, single-file copy with the same contributions", "[storage][backup]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 5);
    core::Database db((dir / "live.db").string());
    auto written = core::writeBackup(db, dir / "backups", kMonday);
    REQUIRE(written);
    CHECK(written->filename().string().rfind("reflect-", 0) == 0);
    CHECK(core::checkDatabaseFile(*written) == "ok");
    CHECK_FALSE(fs::exists(written->string() + "-wal"));
    core::Database copy(written->string());
    CHECK(texts(copy) == texts(db));
    // Nothing half-written is left behind.
    for (const auto& entry : fs::directory_iterator(dir / "backups"))
        CHECK(entry.path().filename().string().find("partial") == std::string::npos);
}

TEST_CASE("backups rotate to the configured number, oldest first", "[storage][backup]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 1);
    core::Database db((dir / "live.db").string());
    for (int i = 0; i < 5; ++i) REQUIRE(core::writeBackup(db, dir / "b", kMonday + i * 86'400'000LL));
    REQUIRE(core::listBackups(dir / "b").size() == 5);
    REQUIRE(core::rotateBackups(dir / "b", 3));
    const auto left = core::listBackups(dir / "b");
    REQUIRE(left.size() == 3);
    // Newest first; the two oldest days went.
    auto last = core::writeBackup(db, dir / "c", kMonday + 4 * 86'400'000LL);
    REQUIRE(last);
    CHECK(left.front().filename() == last->filename());
    // A file the kiosk did not write is never touched.
    writeAll(dir / "b" / "notes.txt", "keep me");
    REQUIRE(core::rotateBackups(dir / "b", 1));
    CHECK(fs::exists(dir / "b" / "notes.txt"));
    CHECK(core::listBackups(dir / "b").size() == 1);
}

TEST_CASE("restore refuses a damaged file and leaves the database unchanged", "[storage][backup][cli]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 3);
    makeDatabase(dir / "other.db", 8);
    damage(dir / "other.db");
    std::ostringstream out, err;
    CHECK(cli::restore(dir / "live.db", dir / "other.db", out, err) == 1);
    const std::string message = err.str();
    CHECK(message.find("integrity") != std::string::npos);
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
    core::Database db((dir / "live.db").string());
    CHECK(texts(db).size() == 3);
}

TEST_CASE("backup, verify and restore through the command line", "[storage][backup][cli]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 4);
    std::ostringstream out, err;
    REQUIRE(cli::verify(dir / "live.db", out, err) == 0);
    REQUIRE(cli::backup(dir / "live.db", dir / "usb", kMonday, out, err) == 0);
    const auto backups = core::listBackups(dir / "usb");
    REQUIRE(backups.size() == 1);
    {
        core::Database db((dir / "live.db").string());
        core::ContributionStore store(db);
        REQUIRE(store.add(db.queryInt("SELECT id FROM sessions"), 2, "written after the backup", false));
    }
    REQUIRE(cli::restore(dir / "live.db", backups.front(), out, err) == 0);
    core::Database db((dir / "live.db").string());
    CHECK(texts(db).size() == 4);
    CHECK(db.integrityCheck() == "ok");
    damage(dir / "live.db");
    std::ostringstream err2;
    CHECK(cli::verify(dir / "live.db", out, err2) == 1);
    CHECK_FALSE(err2.str().empty());
}

TEST_CASE("restore drill: a backup taken between submits restores the same set of contributions",
          "[storage][backup][drill]") {
    test::TempDir dir;
    core::ManualClock clock;
    std::set<std::int64_t> atBackup;
    fs::path backup;
    {
        core::Database db((dir / "live.db").string());
        core::migrate(db);
        const auto session = startedSession(db, clock);
        core::ContributionStore store(db);
        for (int i = 0; i < 30; ++i) {
            REQUIRE(store.add(session, 2, "drill " + std::to_string(i), false));
            if (i == 17) {
                auto written = core::writeBackup(db, dir / "b", kMonday);
                REQUIRE(written);
                backup = *written;
                atBackup = ids(db);
            }
        }
        CHECK(ids(db).size() == 30);
    }
    REQUIRE(atBackup.size() == 18);
    REQUIRE(core::restoreBackup(backup, dir / "live.db"));
    core::Database restored((dir / "live.db").string());
    CHECK(restored.integrityCheck() == "ok");
    CHECK(ids(restored) == atBackup);
}

TEST_CASE("safe mode: a damaged database is moved aside untouched and the latest good backup is copied in",
          "[storage][safe-mode]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 6);
    {
        core::Database db((dir / "live.db").string());
        REQUIRE(core::writeBackup(db, dir / "backups", kMonday - 86'400'000LL));
        REQUIRE(core::writeBackup(db, dir / "backups", kMonday));
    }
    // The newest backup is itself damaged: the opener must skip it and take the older one.
    const auto backups = core::listBackups(dir / "backups");
    REQUIRE(backups.size() == 2);
    damage(backups.front());
    const std::string newestBefore = readAll(backups.front());
    damage(dir / "live.db");
    const std::string damagedBytes = readAll(dir / "live.db");

    auto opened = core::openCheckedDatabase(dir / "live.db", dir / "backups", kMonday + 1000);
    REQUIRE(opened);
    CHECK(opened->safeMode);
    CHECK(opened->restoredFrom == backups.back());
    CHECK(readAll(opened->movedAsideTo) == damagedBytes);  // moved, byte for byte
    CHECK(opened->movedAsideTo.filename().string().find(".corrupt-") != std::string::npos);
    CHECK(fs::exists(backups.back()));                // copied, not moved
    CHECK(readAll(backups.front()) == newestBefore);  // the bad backup is left alone
    CHECK(texts(*opened->db).size() == 6);
    // Still accepts contributions.
    core::ContributionStore store(*opened->db);
    CHECK(store.add(opened->db->queryInt("SELECT id FROM sessions"), 2, "after safe mode", false));
}

TEST_CASE("safe mode without backups starts a fresh database, and a second failure never overwrites the first",
          "[storage][safe-mode]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 3);
    damage(dir / "live.db");
    auto first = core::openCheckedDatabase(dir / "live.db", dir / "none", kMonday);
    REQUIRE(first);
    CHECK(first->safeMode);
    CHECK(first->restoredFrom.empty());
    CHECK(texts(*first->db).empty());
    first->db.reset();
    // Same second: a different name must be chosen.
    writeAll(dir / "live.db", std::string(16384, 'x'));
    auto second = core::openCheckedDatabase(dir / "live.db", dir / "none", kMonday);
    REQUIRE(second);
    CHECK(second->safeMode);
    CHECK(second->movedAsideTo != first->movedAsideTo);
    CHECK(fs::exists(first->movedAsideTo));
    CHECK(readAll(second->movedAsideTo) == std::string(16384, 'x'));
}

TEST_CASE("a healthy database opens normally", "[storage][safe-mode]") {
    test::TempDir dir;
    makeDatabase(dir / "live.db", 2);
    auto opened = core::openCheckedDatabase(dir / "live.db", dir / "backups", kMonday);
    REQUIRE(opened);
    CHECK_FALSE(opened->safeMode);
    CHECK(texts(*opened->db).size() == 2);
}

TEST_CASE("automatic backups: after each session ends and once a day, rotated", "[storage][backup]") {
    test::TempDir dir;
    core::Database db((dir / "live.db").string());
    core::migrate(db);
    core::BackupScheduler scheduler(db, dir / "b", 2);
    std::int64_t now = kMonday;
    CHECK(scheduler.tick(false, now));  // no backup today yet
    CHECK_FALSE(scheduler.tick(false, now + 1000));
    CHECK_FALSE(scheduler.tick(true, now + 2000));  // a session runs
    CHECK(scheduler.tick(false, now + 3000));       // ... and ends
    CHECK_FALSE(scheduler.tick(false, now + 4000));
    CHECK(scheduler.tick(false, now + 86'400'000));  // next day
    CHECK(scheduler.written() == 3);
    CHECK(core::listBackups(dir / "b").size() == 2);
    // A new scheduler sees today's backup on disk and does not write another.
    core::BackupScheduler again(db, dir / "b", 2);
    CHECK_FALSE(again.tick(false, now + 86'400'000 + 5000));
}
