// Storage: migrations from empty, real files closed and reopened, durable settings, rollback on error.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"
#include "core/storage/settings_store.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

TEST_CASE("a new database migrates from empty to the latest schema", "[storage]") {
    core::Database db(":memory:");
    CHECK(db.queryInt("PRAGMA user_version") == 0);
    core::migrate(db);
    CHECK(db.queryInt("PRAGMA user_version") == core::latestSchemaVersion());
    for (const char* table : {"settings", "groups", "sessions", "session_stages", "stage_events"}) {
        auto stmt = db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
        stmt.bind(1, table);
        stmt.step();
        CHECK(stmt.columnInt(0) == 1);
    }
    core::migrate(db);  // a second run changes nothing
    CHECK(db.queryInt("PRAGMA user_version") == core::latestSchemaVersion());
}

TEST_CASE("a file from a newer build is refused rather than damaged", "[storage]") {
    core::Database db(":memory:");
    db.exec("PRAGMA user_version = 999");
    CHECK_THROWS_AS(core::migrate(db), core::SqliteError);
}

TEST_CASE("a real file opens with the shipped durability settings and survives a reopen", "[storage]") {
    test::TempDir dir;
    const auto path = (dir / "reflect.db").string();
    umask(077);
    {
        core::Database db(path);
        core::migrate(db);
        CHECK(db.queryText("PRAGMA journal_mode") == "wal");
        CHECK(db.queryInt("PRAGMA synchronous") == 2);  // FULL
        CHECK(db.queryInt("PRAGMA secure_delete") == 1);
        CHECK(db.queryInt("PRAGMA foreign_keys") == 1);
        core::SettingsStore settings(db);
        REQUIRE(settings.set("theme", "high-contrast"));
    }
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    core::Database again(path);
    CHECK(core::SettingsStore(again).get("theme") == std::optional<std::string>("high-contrast"));
    CHECK(again.quickCheck() == "ok");
}

TEST_CASE("a transaction that is not committed leaves nothing behind", "[storage]") {
    auto db = test::memoryDatabase();
    {
        core::Transaction tx(*db);
        db->exec("INSERT INTO settings(key, value) VALUES('a', '1')");
    }
    CHECK(db->queryInt("SELECT COUNT(*) FROM settings") == 0);
    try {
        core::Transaction tx(*db);
        db->exec("INSERT INTO settings(key, value) VALUES('b', '2')");
        db->exec("INSERT INTO settings(key, value) VALUES('b', '3')");  // duplicate key: throws
        tx.commit();
        FAIL("the duplicate should have thrown");
    } catch (const core::SqliteError& e) {
        CHECK(e.code() == 19);  // SQLITE_CONSTRAINT
    }
    CHECK(db->queryInt("SELECT COUNT(*) FROM settings") == 0);
}

TEST_CASE("opening a folder that cannot hold a database fails with a clear error", "[storage]") {
    CHECK_THROWS_AS(core::Database("/proc/no/such/place/reflect.db"), core::SqliteError);
}
