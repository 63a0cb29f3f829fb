// The rewrite that forgets submission order: nothing is lost or changed by it (texts, hidden marks, theme cards,
// evaluation tallies, search), it happens at close, end and crash recovery, the safeguarding count reaches the disk
// only with it, a power cut anywhere inside it leaves the old rows or the new ones, and the WAL keeps no old frame.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/contribute/contribution_store.hpp"
#include "core/evaluation/evaluation_store.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/review/review.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/wal_wipe.hpp"
#include "support/fault_vfs.hpp"
#include "support/fixtures.hpp"
#include "support/sqlite_pages.hpp"

using namespace reflect;

namespace {

std::map<std::int64_t, std::string> keyedTexts(core::Database& db, std::int64_t session) {
    std::map<std::int64_t, std::string> out;
    auto stmt = db.prepare("SELECT id, text || '|' || hidden FROM contributions WHERE session_id = ?");
    stmt.bind(1, session);
    while (stmt.step()) out.emplace(stmt.columnInt(0), stmt.columnText(1));
    return out;
}

std::multiset<std::string> values(const std::map<std::int64_t, std::string>& keyed) {
    std::multiset<std::string> out;
    for (const auto& [key, text] : keyed) out.insert(text);
    return out;
}

std::string tallyOf(core::Database& db, std::int64_t session) {
    auto stmt = db.prepare(
        "SELECT group_concat(statement_index || ':' || n1 || n2 || n3 || n4 || n5, ' ') FROM "
        "(SELECT * FROM evaluation_tally WHERE session_id = ? ORDER BY statement_index)");
    stmt.bind(1, session);
    stmt.step();
    return stmt.columnText(0);
}

}  // namespace

TEST_CASE("closing contributions rewrites them under new keys and changes nothing a person sees", "[storage][order]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::SessionService service(*db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    const auto session = service.activeId();
    core::ContributionStore store(*db);
    REQUIRE(store.setState(session, core::ContributionState::Open));
    for (int i = 0; i < 10; ++i) REQUIRE(store.add(session, 2, "entry " + std::to_string(i), i == 3 || i == 7));
    db->exec("UPDATE contributions SET hidden = 1 WHERE text = 'entry 4'");
    const core::Scrubber scrubber;
    core::EvaluationStore evaluations(*db, scrubber);
    for (int i = 0; i < 5; ++i) {
        core::EvaluationAnswers answers;
        answers.overall = 1 + i;
        answers.statements = {1 + (i % 5), 5 - (i % 5)};
        answers.comment = "comment " + std::to_string(i);
        REQUIRE(evaluations.add(session, answers, {"one", "two"}));
    }
    const auto before = keyedTexts(*db, session);
    const auto tallyBefore = tallyOf(*db, session);
    const auto evaluationKeysBefore = db->queryInt("SELECT SUM(id % 1000003) FROM evaluations");
    // The count is held in memory while contributions are open: the disk shows 0 until the close.
    CHECK(store.safeguardingAlerts(session) == 2);
    CHECK(db->queryInt("SELECT safeguarding_alerts FROM sessions") == 0);

    REQUIRE(store.close(session));
    const auto after = keyedTexts(*db, session);
    CHECK(values(after) == values(before));
    for (const auto& [key, text] : after) CHECK(before.count(key) == 0);  // every key is new
    CHECK(db->queryInt("SELECT safeguarding_alerts FROM sessions") == 2);
    CHECK(store.safeguardingAlerts(session) == 2);
    CHECK(store.state(session) == core::ContributionState::Closed);
    CHECK(db->queryInt("SELECT contribution_count FROM sessions") == 10);
    CHECK(db->queryInt("SELECT evaluation_count FROM sessions") == 5);
    CHECK(tallyOf(*db, session) == tallyBefore);
    CHECK(db->queryInt("SELECT SUM(id % 1000003) FROM evaluations") != evaluationKeysBefore);
    CHECK(db->queryInt("SELECT COUNT(*) FROM evaluation_answers") == 10);
    // The search index waits for the end, when the keys are final: then it finds the rewritten rows (hidden ones
    // excepted), and nothing under an old key.
    core::syncSearchIndex(*db);
    CHECK(db->queryInt("SELECT COUNT(*) FROM contributions_fts") == 0);
    CHECK(db->queryInt("SELECT COUNT(*) FROM search_dirty WHERE kind = 'c'") == 10);
    REQUIRE(service.apply(core::SessionOp::End));
    core::syncSearchIndex(*db);
    CHECK(db->queryInt("SELECT COUNT(*) FROM contributions_fts WHERE contributions_fts MATCH 'entry'") == 9);
    CHECK(db->queryInt("SELECT COUNT(*) FROM search_dirty") == 0);
    CHECK(db->queryInt("SELECT COUNT(*) FROM contributions_fts WHERE rowid NOT IN (SELECT id FROM contributions)") ==
          0);
    CHECK(db->integrityCheck() == "ok");
}

TEST_CASE("ending a session keeps its theme cards on their themes under the new keys", "[storage][order]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::SessionService service(*db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    const auto session = service.activeId();
    core::ContributionStore store(*db);
    for (int i = 0; i < 6; ++i) REQUIRE(store.add(session, 2, "card " + std::to_string(i), false));
    db->exec("INSERT INTO themes(id, session_id, name) VALUES(1, " + std::to_string(session) + ", 'tiredness')");
    db->exec(
        "INSERT INTO theme_cards(contribution_id, theme_id) SELECT id, 1 FROM contributions WHERE text IN ('card 1', "
        "'card 4')");
    REQUIRE(service.apply(core::SessionOp::End));
    auto stmt = db->prepare(
        "SELECT c.text FROM theme_cards tc JOIN contributions c ON c.id = tc.contribution_id ORDER BY c.text");
    std::vector<std::string> onTheme;
    while (stmt.step()) onTheme.push_back(stmt.columnText(0));
    CHECK(onTheme == std::vector<std::string>{"card 1", "card 4"});
    CHECK(db->queryInt("SELECT card_count FROM themes WHERE id = 1") == 2);
}

TEST_CASE("recovering a session after a crash rewrites its rows", "[storage][order]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    std::map<std::int64_t, std::string> before;
    {
        core::SessionService service(*db, clock);
        REQUIRE(service.start(test::roundTemplate(), {}));
        core::ContributionStore store(*db);
        for (int i = 0; i < 5; ++i) REQUIRE(store.add(service.activeId(), 2, "kept " + std::to_string(i), false));
        before = keyedTexts(*db, service.activeId());
    }
    core::SessionService reopened(*db, clock);
    REQUIRE(reopened.restoreUnfinished().value());
    const auto after = keyedTexts(*db, reopened.activeId());
    CHECK(values(after) == values(before));
    for (const auto& [key, text] : after) CHECK(before.count(key) == 0);
}

TEST_CASE("a power cut anywhere inside the close leaves the old rows or the new ones, never a mix or a loss",
          "[storage][order][power-loss]") {
    test::FaultVfs vfs("reflect-reorder-cut");
    core::OpenOptions options;
    options.vfs = vfs.name();
    int oldRows = 0, newRows = 0, cuts = 0;
    for (std::int64_t crashAt = 1; crashAt <= 60; ++crashAt) {
        vfs.files().clear();
        vfs.powerOn();
        std::map<std::int64_t, std::string> before;
        std::int64_t session = 0;
        {
            core::Database db("/kiosk/reflect.db", options);
            core::migrate(db);
            core::ManualClock clock;
            core::SessionService service(db, clock);
            REQUIRE(service.start(test::roundTemplate(), {}));
            session = service.activeId();
            core::ContributionStore store(db);
            REQUIRE(store.setState(session, core::ContributionState::Open));
            for (int i = 0; i < 8; ++i) REQUIRE(store.add(session, 2, "acknowledged " + std::to_string(i), i == 2));
            before = keyedTexts(db, session);
            vfs.armFault(test::Fault::PowerCut, crashAt);
            (void)store.close(session);
            if (!vfs.faultFired()) break;
            ++cuts;
        }
        vfs.powerOn();
        core::Database db("/kiosk/reflect.db", options);
        INFO("power cut at write/sync " << crashAt);
        REQUIRE(db.integrityCheck() == "ok");
        const auto after = keyedTexts(db, session);
        CHECK(values(after) == values(before));
        std::size_t kept = 0;
        for (const auto& [key, text] : after) kept += before.count(key);
        CHECK((kept == 0 || kept == before.size()));
        const auto state = db.queryText("SELECT contributions_state FROM sessions");
        // The state, the count and the rows move together: old rows with "open", new rows with "closed" and the count.
        if (kept == before.size()) {
            ++oldRows;
            CHECK(state == "open");
        } else {
            ++newRows;
            CHECK(state == "closed");
            CHECK(db.queryInt("SELECT safeguarding_alerts FROM sessions") == 1);
        }
    }
    WARN(cuts << " power cuts inside the close: " << oldRows << " left the old rows, " << newRows << " the new");
    CHECK(cuts >= 10);
    CHECK(oldRows > 0);
    CHECK(newRows > 0);
}

TEST_CASE("after a close the WAL holds zeros where its frames were, even if the power goes before the truncate",
          "[storage][order][wal]") {
    test::FaultVfs vfs("reflect-wal-wipe");
    core::OpenOptions options;
    options.vfs = vfs.name();
    const std::string walPath = "/kiosk/reflect.db-wal";
    for (const bool wipe : {true, false}) {
        vfs.files().clear();
        vfs.powerOn();
        {
            core::Database db("/kiosk/reflect.db", options);
            core::migrate(db);
            core::ManualClock clock;
            core::SessionService service(db, clock);
            REQUIRE(service.start(test::roundTemplate(), {}));
            core::ContributionStore store(db);
            REQUIRE(store.setState(service.activeId(), core::ContributionState::Open));
            for (int i = 0; i < 8; ++i)
                REQUIRE(store.add(service.activeId(), 2, "frame-text-" + std::to_string(i), false));
            REQUIRE(test::walFrames(vfs.contents(walPath)).size() > 8);
            if (wipe) {
                REQUIRE(store.close(service.activeId()));
            } else {
                // The control: a checkpoint that only truncates, as SQLite does by itself.
                db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            CHECK(vfs.contents(walPath).empty());
            vfs.powerCut(false, 1);
        }
        const std::string durable = vfs.contents(walPath);
        INFO((wipe ? "wiped" : "control") << ": " << durable.size() << " bytes survive the cut");
        if (wipe) {
            CHECK(durable.find("frame-text-") == std::string::npos);
            CHECK(durable.find_first_not_of('\0') == std::string::npos);
        } else {
            CHECK(durable.find("frame-text-") != std::string::npos);
        }
    }
}
