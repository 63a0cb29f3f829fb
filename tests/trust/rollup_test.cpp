// Suppression after combining sites: a property test over many random sites, and agreement with the lead review.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include <fmt/format.h>

#include "core/publish/unit_queries.hpp"
#include "support/temp_dir.hpp"
#include "trust/rollup.hpp"
#include "trust/trust_fixtures.hpp"

using namespace reflect;

namespace {

/// A count as units really hold them: often zero, sometimes small, mostly larger.
std::int64_t randomCount(std::mt19937_64& rng) {
    const auto roll = rng() % 100;
    if (roll < 25) return 0;
    if (roll < 40) return static_cast<std::int64_t>(1 + rng() % 7);
    return static_cast<std::int64_t>(8 + rng() % 40);
}

/// A count in a busy group: zero or above the threshold, never small.
std::int64_t busyCount(std::mt19937_64& rng) {
    return rng() % 5 == 0 ? 0 : static_cast<std::int64_t>(8 + rng() % 40);
}

bool small(std::int64_t n) {
    return n >= 1 && n <= 7;
}

}  // namespace

TEST_CASE("activity is shown as it is, and no answer figure or difference of two is a small count, over many sites",
          "[trust][rollup][property]") {
    std::mt19937_64 rng(20261202);
    int shownTrustCells = 0;
    for (int trial = 0; trial < 150; ++trial) {
        const int sites = 2 + static_cast<int>(rng() % 30);
        std::vector<trust::UnitCounts> units;
        std::vector<trust::AnswerUnit> answers;
        for (int s = 0; s < sites; ++s) {
            const std::string site = fmt::format("site {}", s);
            // Some sites are busy everywhere, so that trust-level figures are sometimes published at all.
            const bool busy = trial % 3 == 0 || rng() % 3 == 0;
            for (int m = 1; m <= 24; ++m) {
                if (rng() % 4 == 0) continue;
                const std::string month = fmt::format("{}-{:02}", 2024 + (m - 1) / 12, (m - 1) % 12 + 1);
                units.push_back(
                    {site, month, 1 + static_cast<std::int64_t>(rng() % 4), 10, randomCount(rng), randomCount(rng)});
            }
            for (int g = 0; g < 1 + static_cast<int>(rng() % 3); ++g)
                for (int q = 1; q <= 8; ++q)
                    for (int statement = 0; statement < 3; ++statement) {
                        trust::AnswerUnit a{site,
                                            fmt::format("group {}", g),
                                            fmt::format("{}-Q{}", 2024 + (q - 1) / 4, (q - 1) % 4 + 1),
                                            statement,
                                            fmt::format("Statement {}", statement),
                                            {}};
                        for (auto& c : a.counts) c = busy ? busyCount(rng) : randomCount(rng);
                        answers.push_back(a);
                    }
        }
        // Activity (sessions, head counts, contributions received, forms returned) is the true sum, never hidden.
        for (const auto& row : trust::rollUp(units, core::PeriodKind::Year, 7)) {
            std::int64_t contributions = 0, evaluations = 0;
            for (const auto& u : units)
                if ((row.site.empty() || row.site == u.site) &&
                    (row.period == "Total" || row.period == trust::periodOf(core::PeriodKind::Year, u.month))) {
                    contributions += u.contributions;
                    evaluations += u.evaluations;
                }
            CHECK_FALSE(row.contributions.suppressed);
            CHECK(row.contributions.value == contributions);
            CHECK(row.evaluations.value == evaluations);
        }
        // What people answered keeps the unit rule after combining: every shown cell is the true sum and never
        // 1..7, and the trust's cell minus any one site's cell is never 1..7 either.
        const auto whole = trust::rollUpAnswers(answers, 7);
        for (int s = 0; s < sites; ++s) {
            std::vector<trust::AnswerUnit> mine;
            for (const auto& a : answers)
                if (a.site == fmt::format("site {}", s)) mine.push_back(a);
            const auto part = trust::rollUpAnswers(mine, 7);
            for (const auto& p : part)
                for (const auto& w : whole) {
                    if (w.statementIndex != p.statementIndex) continue;
                    for (std::size_t v = 0; v < 5; ++v) {
                        const auto& wc = w.distribution[v];
                        const auto& pc = p.distribution[v];
                        if (!pc.suppressed) CHECK_FALSE(small(pc.value));
                        if (wc.suppressed || pc.suppressed) continue;
                        CHECK(wc.value >= pc.value);
                        CHECK_FALSE(small(wc.value - pc.value));
                    }
                }
        }
        for (const auto& w : whole) {
            std::array<std::int64_t, 5> truth{};
            for (const auto& a : answers)
                if (a.statementIndex == w.statementIndex)
                    for (std::size_t v = 0; v < 5; ++v) truth[v] += a.counts[v];
            for (std::size_t v = 0; v < 5; ++v) {
                if (w.distribution[v].suppressed) continue;
                ++shownTrustCells;
                CHECK(w.distribution[v].value == truth[v]);
                CHECK_FALSE(small(w.distribution[v].value));
            }
        }
    }
    // The property is only worth something if trust-level answers were published in some trials.
    CHECK(shownTrustCells > 10);
}

TEST_CASE("one site's figures rolled up from its published units equal the kiosk's own lead review",
          "[trust][rollup]") {
    test::TempDir dir;
    test::TestKiosk kiosk(dir / "kiosk", 300, 21);
    std::vector<trust::UnitCounts> units;
    for (const auto& u : core::readUnits(*kiosk.db, {}))
        units.push_back({"only", u.month, u.sessions, u.attendance, u.contributions, u.evaluations});
    for (auto kind : {core::PeriodKind::Month, core::PeriodKind::Quarter, core::PeriodKind::Year}) {
        core::ReviewFilter filter;
        filter.period = kind;
        const auto review = core::sessionsOverTime(*kiosk.db, filter, core::ReviewSettings{});
        std::map<std::string, trust::FigureRow> site;
        for (const auto& r : trust::rollUp(units, kind, 7))
            if (r.site == "only") site[r.period] = r;
        REQUIRE(site.size() == review.rows.size() + 1);
        for (const auto& r : review.rows) {
            const auto& mine = site[r.period];
            CHECK(mine.sessions == r.sessions);
            CHECK(mine.attendance == r.attendance.value);
            CHECK(mine.contributions.text() == r.contributions.text());
            CHECK(mine.evaluations.text() == r.evaluations.text());
        }
        CHECK(site["Total"].contributions.text() == review.total.contributions.text());
        CHECK(site["Total"].sessions == review.total.sessions);
    }
}
