// The trust-wide benchmark: KIOSKS kiosks x YEARS years of units, generated as signed bundles (one per kiosk-year),
// imported into a throwaway PostgreSQL 15, then the whole-trust report. Prints figures next to their goals.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/publish/bundle.hpp"
#include "trust/pg_server.hpp"
#include "trust/trust_report.hpp"
#include "trust/trust_store.hpp"

using namespace reflect;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kGroups = 4;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// One group-month as a busy kiosk would publish it: a dozen tags, their pairs, a Round's stages and so on.
core::UnitFigures makeUnit(std::mt19937_64& rng, int group, int year, int month) {
    core::UnitFigures u;
    u.group = fmt::format("Group {}", group + 1);
    u.format = group % 2 == 0 ? "round" : "team-time";
    u.month = fmt::format("{}-{:02}", year, month);
    u.key = fmt::format("g{}|{}|{}", group + 1, u.format, u.month);
    const auto n = [&](int lo, int hi) {
        return static_cast<std::int64_t>(lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)));
    };
    u.sessions = n(1, 4);
    u.attendance = u.sessions * n(6, 30);
    u.contributions = n(0, 60);
    u.evaluations = n(0, 30);
    for (int s = 0; s < 3; ++s) {
        auto& a = u.answers[s];
        a.statement = fmt::format("Statement {}", s + 1);
        for (auto& c : a.counts) c = n(0, 8);
    }
    std::vector<std::string> tags;
    for (int t = 0; t < 12; ++t) tags.push_back(fmt::format("tag-{:02}", static_cast<int>(rng() % 40)));
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    for (const auto& t : tags) u.tags[t] = n(1, static_cast<int>(u.sessions));
    for (std::size_t i = 0; i + 1 < tags.size(); i += 2) u.tagPairs[{tags[i], tags[i + 1]}] = 1;
    for (int st = 0; st < 8; ++st)
        u.stages[fmt::format("stage-{}", st)] = {fmt::format("Stage {}", st + 1), u.sessions, u.sessions * 600'000,
                                                 u.sessions * n(400'000, 900'000), n(0, static_cast<int>(u.sessions))};
    for (const char* state : {"open", "in_progress", "done", "dropped"}) u.actions[state] = n(0, 5);
    for (int p = 0; p < 6; ++p) u.checklist[fmt::format("principle-{}", p)] = {n(0, 3), n(0, 3), n(0, 3), 0};
    return u;
}

}  // namespace

int main(int argc, char** argv) {
    const int kiosks = argc > 1 ? std::stoi(argv[1]) : 300;
    const int years = argc > 2 ? std::stoi(argv[2]) : 10;
    try {
        test::PgServer server("-c log_min_duration_statement=50");
        auto conn = trust::PgConnection::connect(server.url());
        if (!conn || !trust::migrateTrust(*conn)) {
            std::fprintf(stderr, "bench-trust: the trust database could not be set up\n");
            return 2;
        }
        std::mt19937_64 rng(1);
        std::vector<double> importSeconds;
        std::int64_t units = 0;
        double generateSeconds = 0;
        const auto importStart = Clock::now();
        for (int k = 0; k < kiosks; ++k) {
            core::SigningKey key;
            if (!trust::registerKiosk(*conn, fmt::format("Site {:03}", k + 1), key.publicHex())) return 2;
            for (int y = 0; y < years; ++y) {
                const auto made = Clock::now();
                core::Bundle bundle{key.publicHex(), y + 1, y, {}};
                for (int m = 1; m <= 12; ++m)
                    for (int g = 0; g < kGroups; ++g) bundle.units.push_back(makeUnit(rng, g, 2017 + y, m));
                const std::string text = core::writeBundle(bundle, key);
                generateSeconds += secondsSince(made);
                const auto started = Clock::now();
                auto imported = trust::importBundle(*conn, text);
                importSeconds.push_back(secondsSince(started));
                if (!imported) {
                    std::fprintf(stderr, "bench-trust: import failed: %s\n", imported.error().message.c_str());
                    return 2;
                }
                units += imported->units;
            }
        }
        const double wall = secondsSince(importStart) - generateSeconds;
        (void)conn->exec("VACUUM ANALYZE");
        std::sort(importSeconds.begin(), importSeconds.end());
        const double median = importSeconds[importSeconds.size() / 2];
        const double worst = importSeconds.back();
        std::printf("imported %lld units from %d kiosks x %d years (%zu bundles) in %.1f s: %.0f units/s\n",
                    static_cast<long long>(units), kiosks, years, importSeconds.size(), wall,
                    static_cast<double>(units) / wall);
        std::printf("one kiosk-year bundle (%d units): median %.3f s, slowest %.3f s (goal: under 1 s)\n", 12 * kGroups,
                    median, worst);
        for (int run = 0; run < 3; ++run) {
            const auto started = Clock::now();
            trust::TrustQuery query;
            auto figures = trust::loadTrustFigures(*conn, query);
            if (!figures) {
                std::fprintf(stderr, "bench-trust: report failed: %s\n", figures.error().message.c_str());
                return 2;
            }
            const std::string page = trust::trustReportHtml(*figures, query);
            std::printf("whole-trust report (%zu rows, %zu bytes of HTML): %.3f s (goal: under 2 s)\n",
                        figures->rows.size(), page.size(), secondsSince(started));
        }
        // The report's slowest statements, from the server's own log: where the time goes.
        std::ifstream log(server.logFile());
        for (std::string line; std::getline(log, line);)
            if (line.find("duration:") != std::string::npos && line.find("COPY") == std::string::npos)
                std::printf("  slow: %.160s\n", line.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-trust: %s\n", e.what());
        return 2;
    }
    return 0;
}
