// bench_review: times the lead-review figures over a demo-data database and prints them with the targets.
// Usage: reflect_bench_review DB ASSETS_DIR SCRATCH_DIR
//   DB          a database filled by `reflect-kiosk demo-data` (it is only read, apart from the search index)
//   ASSETS_DIR  the assets folder (for the codebook)
//   SCRATCH_DIR a folder for a throw-away database used to time durable contribution submits
// Never fails on slow numbers; exit 2 when it cannot run.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/contribute/codebook.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/review/review.hpp"
#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"

namespace {

using namespace reflect;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU time of this thread in ms. On a shared machine the wall time also counts the time other work held the
/// cores; the CPU time is what the queries themselves cost, so both are printed.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(index, v.size() - 1)];
}

/// Per panel, the wall and CPU time of each refresh.
struct PanelTimes {
    std::vector<std::pair<std::string, std::vector<double>>> wall, cpu;
    void add(const char* panel, double wallMs, double cpuMs) {
        auto find = [&](auto& list) -> std::vector<double>& {
            for (auto& [name, times] : list)
                if (name == panel) return times;
            return list.emplace_back(panel, std::vector<double>{}).second;
        };
        find(wall).push_back(wallMs);
        find(cpu).push_back(cpuMs);
    }
};

/// Every panel of the dashboard, as the dashboard would ask for it (it refreshes one panel at a time; this is all of
/// them, so the total is what refreshing every panel in turn costs).
std::size_t refreshDashboard(core::Database& db, const core::Codebook& codebook, const core::ReviewFilter& filter,
                             PanelTimes* times) {
    const core::ReviewSettings settings;
    std::size_t rows = 0;
    const auto timed = [&](const char* panel, auto&& run) {
        const auto start = Clock::now();
        const double cpu = cpuMs();
        rows += run();
        if (times) times->add(panel, msSince(start), cpuMs() - cpu);
    };
    timed("sessions", [&] { return core::sessionsOverTime(db, filter, settings).rows.size(); });
    timed("themes", [&] { return core::themesOverview(db, codebook, filter, settings, 8).table.rows.size(); });
    timed("actions", [&] { return core::actionsByGroup(db, filter, "2026-11-01").size(); });
    timed("evaluations", [&] {
        const auto overview = core::evaluationsOverview(db, filter, settings);
        return overview.statements.size() + overview.staffGroups.size();
    });
    timed("timing", [&] { return core::timingByStage(db, filter).size(); });
    timed("checklist", [&] { return core::checklistByGroup(db, filter).size(); });
    return rows;
}

std::string loadAverage() {
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    if (!f) return "unknown\n";
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, f) != nullptr;
    std::fclose(f);
    return read ? std::string(line) : std::string("unknown\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: reflect_bench_review DB ASSETS_DIR SCRATCH_DIR\n");
        return 2;
    }
    try {
        core::OpenOptions options;
        options.create = false;
        core::Database db(argv[1], options);
        {
            // A file made by an older kiosk is migrated first, as the kiosk's first start after an upgrade would.
            const auto before = db.queryInt("PRAGMA user_version");
            const auto start = Clock::now();
            core::migrate(db);
            if (before != core::latestSchemaVersion())
                std::printf("schema migration v%lld -> v%d: %.0f ms (once, at the first start after an upgrade)\n",
                            static_cast<long long>(before), core::latestSchemaVersion(), msSince(start));
        }
        auto codebook = core::loadCodebook(std::filesystem::path(argv[2]) / "codebook.toml");
        if (!codebook) {
            std::fprintf(stderr, "%s\n", codebook.error().message.c_str());
            return 2;
        }
        std::printf("database: %lld sessions, %lld contributions\n",
                    static_cast<long long>(db.queryInt("SELECT COUNT(*) FROM sessions")),
                    static_cast<long long>(db.queryInt("SELECT COUNT(*) FROM contributions")));
        core::syncSearchIndex(db);

        // Dashboard refresh: the default view (last 12 months by month, all groups) and one group by quarter.
        core::ReviewFilter lastYear;
        lastYear.from = "2025-11-01";
        lastYear.to = "2026-10-31";
        core::ReviewFilter oneGroup;
        oneGroup.period = core::PeriodKind::Quarter;
        oneGroup.groupId = db.queryInt("SELECT MIN(id) FROM groups");
        for (const auto& [name, filter] : {std::pair{"last 12 months, all groups", lastYear},
                                           std::pair{"one group, all time by quarter", oneGroup}}) {
            std::vector<double> times, cpu;
            PanelTimes panels;
            std::size_t rows = 0;
            refreshDashboard(db, *codebook, filter, nullptr);  // warm the page cache: a lead's second look
            for (int i = 0; i < 11; ++i) {
                const auto start = Clock::now();
                const double cpuStart = cpuMs();
                rows = refreshDashboard(db, *codebook, filter, &panels);
                times.push_back(msSince(start));
                cpu.push_back(cpuMs() - cpuStart);
            }
            for (std::size_t p = 0; p < panels.wall.size(); ++p)
                std::printf("  %-12s median %.1f ms (cpu %.1f ms)\n", panels.wall[p].first.c_str(),
                            percentile(panels.wall[p].second, 0.5), percentile(panels.cpu[p].second, 0.5));
            std::printf(
                "dashboard, every panel in turn (%s, %zu rows): median %.1f ms, worst %.1f ms, cpu median %.1f ms "
                "(target <= 50 ms)\n",
                name, rows, percentile(times, 0.5), *std::max_element(times.begin(), times.end()),
                percentile(cpu, 0.5));
        }
        {
            core::ReviewFilter all;
            all.period = core::PeriodKind::Year;
            PanelTimes panels;
            const auto start = Clock::now();
            const auto rows = refreshDashboard(db, *codebook, all, &panels);
            const double total = msSince(start);
            for (const auto& [panel, t] : panels.wall) std::printf("  %-12s %.1f ms\n", panel.c_str(), t.front());
            std::printf("dashboard, every panel in turn (all time, all groups, by year, %zu rows): %.1f ms\n", rows,
                        total);
        }

        // Search.
        const std::vector<std::string> queries = {
            "night shift", "grief",  "family", "proud",          "tired", "breaks",           "bed", "thank", "mistake",
            "colleague",   "listen", "rota",   "\"unbalanced (", "kind*", "waiting corridor", "home"};
        std::vector<double> searchTimes, searchCpu;
        std::size_t hits = 0;
        for (int round = 0; round < 3; ++round)
            for (const auto& q : queries) {
                const auto start = Clock::now();
                const double cpuStart = cpuMs();
                hits += core::search(db, q, {}, core::ReviewSettings{}, 50).size();
                searchTimes.push_back(msSince(start));
                searchCpu.push_back(cpuMs() - cpuStart);
            }
        std::printf(
            "search (%zu queries, %zu hits): median %.1f ms, p95 %.1f ms, worst %.1f ms, cpu median %.1f ms, p95 %.1f "
            "ms (target <= 20 ms)\n",
            searchTimes.size(), hits, percentile(searchTimes, 0.5), percentile(searchTimes, 0.95),
            *std::max_element(searchTimes.begin(), searchTimes.end()), percentile(searchCpu, 0.5),
            percentile(searchCpu, 0.95));
        std::printf("load average after the timings: %s", loadAverage().c_str());

        // Durable submit: the contribution store's own transaction, synchronous=FULL, on a file.
        const auto scratch = std::filesystem::path(argv[3]) / "bench-submit.db";
        std::filesystem::remove(scratch);
        std::filesystem::remove(scratch.string() + "-wal");
        std::filesystem::remove(scratch.string() + "-shm");
        {
            core::Database submitDb(scratch.string());
            core::migrate(submitDb);
            submitDb.exec(
                "INSERT INTO sessions(template_id, template_name, format, plan, status, started_at) "
                "VALUES('round', 'Schwartz Round', 'round', '{}', 'running', 0)");
            const auto sessionId = submitDb.lastInsertRowId();
            core::ContributionStore store(submitDb);
            std::vector<double> submitTimes;
            for (int i = 0; i < 200; ++i) {
                const auto start = Clock::now();
                if (!store.add(sessionId, 1, "Something that stayed with me after the shift.", false)) return 2;
                submitTimes.push_back(msSince(start));
            }
            std::printf(
                "durable submit (200 contributions, synchronous=FULL): median %.2f ms, p95 %.2f ms (target p95 <= 10 "
                "ms)\n",
                percentile(submitTimes, 0.5), percentile(submitTimes, 0.95));
        }
        std::filesystem::remove(scratch);
        std::filesystem::remove(scratch.string() + "-wal");
        std::filesystem::remove(scratch.string() + "-shm");

        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("peak RSS of this process (queries over the whole database): %.1f MB (kiosk target <= 150 MB)\n",
                    static_cast<double>(usage.ru_maxrss) / 1024.0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_review: %s\n", e.what());
        return 2;
    }
    return 0;
}
