// Storage: migrations from empty, real files closed and reopened, durable settings, rollback on error.
#include <sys/stat.h>

#include <memory>
#include <type_traits>

#include <catch2/catch.hpp>

#include "core/paths.hpp"
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

TEST_CASE("the review's kept counts match the rows they count, after an upgrade and through every board move",
          "[storage][review]") {
    core::Database db(":memory:");
    core::migrateTo(db, 4);
    db.exec(
        "INSERT INTO sessions(id, template_id, template_name, format, plan, status, started_at) "
        "VALUES (1, 't', 'T', 'round', '{}', 'ended', 0), (2, 't', 'T', 'round', '{}', 'ended', 0)");
    db.exec(
        "INSERT INTO contributions(id, session_id, stage_index, text) VALUES (11, 1, 0, 'a'), (12, 1, 0, 'b'), "
        "(13, 1, 0, 'c'), (21, 2, 0, 'd')");
    db.exec("INSERT INTO themes(id, session_id, name) VALUES (100, 1, 'x'), (101, 1, 'y')");
    db.exec("INSERT INTO theme_cards(contribution_id, theme_id) VALUES (11, 100), (12, 100), (13, 101)");
    db.exec("INSERT INTO evaluations(id, session_id) VALUES (31, 1), (32, 2), (33, 2)");
    core::migrate(db);  // version 5 fills the counts in from the rows already there

    const auto matches = [&db] {
        return db.queryInt(
                   "SELECT COUNT(*) FROM sessions s WHERE s.contribution_count <> "
                   "(SELECT COUNT(*) FROM contributions c WHERE c.session_id = s.id) OR s.evaluation_count <> "
                   "(SELECT COUNT(*) FROM evaluations e WHERE e.session_id = s.id)") == 0 &&
               db.queryInt(
                   "SELECT COUNT(*) FROM themes t WHERE t.card_count <> "
                   "(SELECT COUNT(*) FROM theme_cards c WHERE c.theme_id = t.id)") == 0;
    };
    CHECK(db.queryInt("SELECT contribution_count FROM sessions WHERE id = 1") == 3);
    CHECK(db.queryInt("SELECT card_count FROM themes WHERE id = 100") == 2);
    CHECK(matches());
    // The board's own statements: an upsert that moves a card, a merge, an ungroup, a deleted theme (cascade),
    // a new contribution and evaluation, a deleted evaluation.
    db.exec(
        "INSERT INTO theme_cards(contribution_id, theme_id) VALUES (13, 100) "
        "ON CONFLICT(contribution_id) DO UPDATE SET theme_id = excluded.theme_id");
    CHECK(matches());
    db.exec("INSERT INTO themes(id, session_id, name) VALUES (102, 1, 'z')");
    db.exec("UPDATE theme_cards SET theme_id = 102 WHERE theme_id = 100");
    CHECK(db.queryInt("SELECT card_count FROM themes WHERE id = 102") == 3);
    CHECK(matches());
    db.exec("DELETE FROM theme_cards WHERE contribution_id = 11");
    CHECK(matches());
    db.exec("DELETE FROM themes WHERE id = 102");
    CHECK(matches());
    db.exec("INSERT INTO contributions(id, session_id, stage_index, text) VALUES (22, 2, 0, 'e')");
    db.exec("INSERT INTO evaluations(id, session_id) VALUES (34, 1)");
    db.exec("DELETE FROM evaluations WHERE id = 32");
    db.exec("DELETE FROM contributions WHERE id = 12");
    CHECK(matches());
    CHECK(db.queryInt("SELECT contribution_count FROM sessions WHERE id = 2") == 2);
    CHECK(db.queryInt("SELECT evaluation_count FROM sessions WHERE id = 1") == 2);
}

// A Statement keeps a pointer to its Database: if a Database could move, a statement prepared before the move
// would report its errors through a dead object. The type forbids it, and a holder may move freely instead.
static_assert(!std::is_move_constructible_v<core::Database>, "Database must not be movable");
static_assert(!std::is_move_assignable_v<core::Database>, "Database must not be move-assignable");
static_assert(!std::is_copy_constructible_v<core::Database>, "Database must not be copyable");

TEST_CASE("a statement keeps working and reports errors after its database's holder has moved", "[storage]") {
    auto db = test::memoryDatabase();
    db->exec("CREATE TABLE t(x INTEGER NOT NULL)");
    auto insert = db->prepare("INSERT INTO t(x) VALUES(?)");
    const std::unique_ptr<core::Database> moved = std::move(db);
    insert.bind(1, 7).run();
    CHECK(moved->queryInt("SELECT x FROM t") == 7);
    insert.reset();
    insert.bindNull(1);
    // The NOT NULL failure is reported through the statement's database, which is still the live one.
    CHECK_THROWS_WITH(insert.run(), Catch::Contains("NOT NULL"));
}

TEST_CASE("the data folder is made private, but a shared sticky folder such as /tmp is left as it is", "[storage]") {
    test::TempDir dir;
    namespace fs = std::filesystem;
    const fs::path fresh = dir / "data" / "reflect-kiosk";
    REQUIRE(core::ensurePrivateFolder(fresh));
    CHECK((fs::status(fresh).permissions() & fs::perms::all) == fs::perms::owner_all);

    const fs::path shared = dir / "shared";
    fs::create_directories(shared);
    fs::permissions(shared, fs::perms::all | fs::perms::sticky_bit, fs::perm_options::replace);
    REQUIRE(core::ensurePrivateFolder(shared));
    // Closing it would lock every other user out of their own files (a --db in /tmp once made /tmp 0700).
    CHECK((fs::status(shared).permissions() & fs::perms::all) == fs::perms::all);
}
