// Power loss and I/O faults through FaultVfs: an acknowledged contribution survives any power cut with the
// shipped settings (WAL, synchronous=FULL); the same harness with synchronous=NORMAL loses some (the control);
// a failed write never reports "saved", changes nothing, and succeeds on retry once the fault clears.
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "core/contribute/contribution_store.hpp"
#include "core/session/session_service.hpp"
#include "support/fault_vfs.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

namespace {

constexpr const char* kPath = "/kiosk/reflect.db";

core::OpenOptions onVfs(const test::FaultVfs& vfs, const char* synchronous) {
    core::OpenOptions options;
    options.vfs = vfs.name();
    options.synchronous = synchronous;
    return options;
}

std::map<std::string, int> textCounts(core::Database& db) {
    std::map<std::string, int> counts;
    // A cut can lose the schema itself (the control setting); then every contribution is lost.
    if (db.queryInt("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'contributions'") == 0) return counts;
    auto stmt = db.prepare("SELECT text FROM contributions");
    while (stmt.step()) ++counts[stmt.columnText(0)];
    return counts;
}

struct CrashOutcome {
    int acknowledged = 0;
    int lost = 0;
    int duplicated = 0;
    bool integrityOk = true;
};

/// One crash point: set up a session, cut the power at write/sync number `crashAt` while contributions are
/// submitted, power on, reopen and compare with what was acknowledged.
CrashOutcome runCrashPoint(test::FaultVfs& vfs, const char* synchronous, std::int64_t crashAt, int autoCheckpoint,
                           bool tornWrites, std::uint32_t seed) {
    vfs.files().clear();
    vfs.powerOn();
    std::set<std::string> acked;
    {
        core::Database db(kPath, onVfs(vfs, synchronous));
        core::migrate(db);
        db.exec("PRAGMA wal_autocheckpoint=" + std::to_string(autoCheckpoint));
        core::ManualClock clock;
        core::SessionService service(db, clock);
        REQUIRE(service.start(test::roundTemplate(), {}));
        // The set-up is made durable in the main file, so every cut tests the submits alone.
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        core::ContributionStore store(db);
        if (tornWrites)
            vfs.armFault(test::Fault::None, 0);
        else
            vfs.armFault(test::Fault::PowerCut, crashAt);
        for (int i = 0; i < 40 && !vfs.dead(); ++i) {
            const std::string text = "entry " + std::to_string(i);
            if (store.add(service.activeId(), 2, text, false)) acked.insert(text);
            if (tornWrites && vfs.operations() >= crashAt) vfs.powerCut(true, seed);
        }
        if (!vfs.dead()) vfs.powerCut(tornWrites, seed);
    }
    vfs.powerOn();
    CrashOutcome outcome;
    outcome.acknowledged = static_cast<int>(acked.size());
    core::Database db(kPath, onVfs(vfs, synchronous));
    outcome.integrityOk = db.integrityCheck() == "ok";
    const auto counts = textCounts(db);
    for (const auto& text : acked) {
        const auto it = counts.find(text);
        if (it == counts.end())
            ++outcome.lost;
        else if (it->second > 1)
            ++outcome.duplicated;
    }
    return outcome;
}

}  // namespace

TEST_CASE("power loss: 0 acknowledged contributions lost with WAL and synchronous=FULL", "[storage][power-loss]") {
    test::FaultVfs vfs("reflect-power-full");
    int points = 0, acknowledged = 0, lost = 0, duplicated = 0, badIntegrity = 0;
    // Three flavours: a cut that drops every unsynced write, the same with frequent checkpoints (so cuts land
    // inside checkpoints too), and a cut where a random subset of unsynced writes reached the disk.
    for (int flavour = 0; flavour < 3; ++flavour) {
        for (std::int64_t crashAt = 1; crashAt <= 180; ++crashAt) {
            const auto outcome = runCrashPoint(vfs, "FULL", crashAt, flavour == 1 ? 3 : 1000, flavour == 2,
                                               static_cast<std::uint32_t>(crashAt));
            ++points;
            acknowledged += outcome.acknowledged;
            lost += outcome.lost;
            duplicated += outcome.duplicated;
            if (!outcome.integrityOk) ++badIntegrity;
        }
    }
    INFO(points << " crash points, " << acknowledged << " acknowledged, " << lost << " lost");
    CHECK(points >= 500);
    CHECK(acknowledged > points * 5);  // the cuts land all through the run, not only at its start
    CHECK(lost == 0);
    CHECK(duplicated == 0);
    CHECK(badIntegrity == 0);
}

TEST_CASE("power loss control: the same harness with synchronous=NORMAL loses acknowledged contributions",
          "[storage][power-loss]") {
    test::FaultVfs vfs("reflect-power-normal");
    int lost = 0, badIntegrity = 0;
    for (std::int64_t crashAt = 1; crashAt <= 180; ++crashAt) {
        const auto outcome = runCrashPoint(vfs, "NORMAL", crashAt, 1000, false, 0);
        lost += outcome.lost;
        if (!outcome.integrityOk) ++badIntegrity;
    }
    INFO("synchronous=NORMAL: " << lost << " acknowledged contributions lost over 180 crash points");
    CHECK(lost > 0);
    CHECK(badIntegrity == 0);  // NORMAL may lose the newest commits but never corrupts
}

TEST_CASE("I/O faults at every step of a submit: no 'saved', nothing changed, retry succeeds", "[storage][io-fault]") {
    test::FaultVfs vfs("reflect-io-submit");
    for (const auto fault : {test::Fault::DiskFull, test::Fault::WriteError, test::Fault::SyncError}) {
        int failedSubmits = 0;
        for (std::int64_t step = 1; step <= 40; ++step) {
            vfs.files().clear();
            vfs.powerOn();
            core::Database db(kPath, onVfs(vfs, "FULL"));
            core::migrate(db);
            core::ManualClock clock;
            core::SessionService service(db, clock);
            REQUIRE(service.start(test::roundTemplate(), {}));
            core::ContributionStore store(db);
            REQUIRE(store.add(service.activeId(), 2, "already here", false));
            const auto before = textCounts(db);
            vfs.armFault(fault, step);
            const auto result = store.add(service.activeId(), 2, "the new one", true);
            const bool fired = vfs.faultFired();
            vfs.clearFault();
            if (!fired) {
                // The fault came after the whole submit: it must have succeeded.
                CHECK(result);
                break;
            }
            INFO("fault " << static_cast<int>(fault) << " at step " << step);
            if (result) continue;  // a fault after the commit was durable (for instance in a later checkpoint)
            ++failedSubmits;
            CHECK_FALSE(result.error().message.empty());
            CHECK(textCounts(db) == before);
            CHECK(store.safeguardingAlerts(service.activeId()) == 0);
            REQUIRE(store.add(service.activeId(), 2, "the new one", true));
            CHECK(textCounts(db).at("the new one") == 1);
            CHECK(store.safeguardingAlerts(service.activeId()) == 1);
            CHECK(db.integrityCheck() == "ok");
        }
        CHECK(failedSubmits > 0);
    }
}

TEST_CASE("I/O faults at every step of a stage transition: the stage does not move, retry succeeds",
          "[storage][io-fault]") {
    test::FaultVfs vfs("reflect-io-stage");
    for (const auto fault : {test::Fault::DiskFull, test::Fault::WriteError, test::Fault::SyncError}) {
        int failedTransitions = 0;
        for (std::int64_t step = 1; step <= 40; ++step) {
            vfs.files().clear();
            vfs.powerOn();
            core::Database db(kPath, onVfs(vfs, "FULL"));
            core::migrate(db);
            core::ManualClock clock;
            core::SessionService service(db, clock);
            REQUIRE(service.start(test::roundTemplate(), {}));
            REQUIRE(service.apply(core::SessionOp::Start));
            clock.advanceSeconds(30);
            const int stageBefore = service.active()->currentIndex();
            const auto eventsBefore = db.queryInt("SELECT COUNT(*) FROM stage_events");
            vfs.armFault(fault, step);
            const auto result = service.apply(core::SessionOp::Next);
            const bool fired = vfs.faultFired();
            vfs.clearFault();
            if (!fired) {
                CHECK(result);
                break;
            }
            INFO("fault " << static_cast<int>(fault) << " at step " << step);
            if (result) continue;
            ++failedTransitions;
            CHECK_FALSE(result.error().message.empty());
            CHECK(service.active()->currentIndex() == stageBefore);
            CHECK(db.queryInt("SELECT COUNT(*) FROM stage_events") == eventsBefore);
            REQUIRE(service.apply(core::SessionOp::Next));
            CHECK(service.active()->currentIndex() == stageBefore + 1);
            CHECK(db.integrityCheck() == "ok");
            // And the moved stage survives a restart.
            core::SessionService reopened(db, clock);
            REQUIRE(reopened.restoreUnfinished());
            CHECK(reopened.active()->currentIndex() == stageBefore + 1);
        }
        CHECK(failedTransitions > 0);
    }
}
