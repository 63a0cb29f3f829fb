// The SIGKILL test: the real submit path in a child process, killed at random moments. After every kill the
// file passes integrity_check and holds every acknowledged contribution exactly once.
// REFLECT_CRASH_KILLS sets the number of kills (default 200; scripts/crash-test runs 1 000).
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "core/storage/database.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

#ifndef REFLECT_CRASH_DRIVER
#error "the build defines REFLECT_CRASH_DRIVER"
#endif

using namespace reflect;

TEST_CASE("SIGKILL during submits never loses or duplicates an acknowledged contribution", "[crash][sigkill]") {
    int kills = 200;
    if (const char* env = std::getenv("REFLECT_CRASH_KILLS"); env && std::atoi(env) > 0) kills = std::atoi(env);
    test::TempDir dir;
    const std::string db = (dir / "reflect.db").string();
    std::set<long> acked;
    long next = 0;
    int lost = 0, duplicated = 0, badIntegrity = 0, failedStarts = 0;
    std::mt19937 random(std::random_device{}());
    const auto began = std::chrono::steady_clock::now();
    for (int kill = 0; kill < kills; ++kill) {
        {
            test::ChildProcess child(
                {REFLECT_CRASH_DRIVER, db, std::to_string(next), REFLECT_TEST_ASSETS_DIR "/templates"});
            // Kill at a random moment: sometimes before the database is even open, mostly after a few submits.
            const auto wantAcks = random() % 6;
            const bool waitForReady = random() % 8 != 0;
            if (waitForReady && !child.waitForLine("ready", 20'000)) ++failedStarts;
            for (unsigned i = 0; waitForReady && i < wantAcks; ++i) {
                auto line = child.readLine(20'000);
                if (!line) break;
                if (line->rfind("ack ", 0) == 0) acked.insert(std::stol(line->substr(4)));
            }
            child.killHard();
            // Acknowledgements already in the pipe count too: the child said them before it died.
            while (auto line = child.readLine(2'000))
                if (line->rfind("ack ", 0) == 0) acked.insert(std::stol(line->substr(4)));
        }
        if (!acked.empty()) next = *acked.rbegin() + 1'000;  // a gap: unacknowledged numbers are never reused
        if (!std::filesystem::exists(db)) continue;          // killed before the file was created
        core::Database check(db);
        if (check.integrityCheck() != "ok") ++badIntegrity;
        std::map<long, int> seen;
        if (check.queryInt("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'contributions'") > 0) {
            auto stmt = check.prepare("SELECT text FROM contributions");
            while (stmt.step()) ++seen[std::stol(stmt.columnText(0).substr(12))];
        }
        for (const long n : acked) {
            const auto it = seen.find(n);
            if (it == seen.end()) ++lost;
        }
        for (const auto& [n, count] : seen)
            if (count > 1) ++duplicated;
        next = std::max(next, seen.empty() ? next : seen.rbegin()->first + 1'000);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    WARN(kills << " kills in " << seconds << " s: " << acked.size() << " acknowledged, " << lost << " lost, "
               << duplicated << " duplicated, " << badIntegrity << " failed integrity_check, " << failedStarts
               << " starts without 'ready'");
    CHECK(acked.size() > static_cast<std::size_t>(kills));
    CHECK(lost == 0);
    CHECK(duplicated == 0);
    CHECK(badIntegrity == 0);
    CHECK(failedStarts == 0);
}
