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

TEST_CASE("no difference of two published trust figures is a small count, over many random sites",
          "[trust][rollup][property]") {
    std::mt19937_64 rng(20261202);
    int shownTrustTotals = 0;
    for (int trial = 0; trial < 150; ++trial) {
        std::vector<trust::UnitCounts> units;
        const int sites = 2 + static_cast<int>(rng() % 30);
        for (int s = 0; s < sites; ++s) {
            const int groups = 1 + static_cast<int>(rng() % 3);
            // Some sites are busy everywhere, so that trust-level figures are sometimes published at all.
            const bool busy = trial % 3 == 0 || rng() % 3 == 0;
            for (int g = 0; g < groups; ++g)
                for (int m = 1; m <= 24; ++m) {
                    if (rng() % 4 == 0) continue;
                    const std::string month = fmt::format("{}-{:02}", 2024 + (m - 1) / 12, (m - 1) % 12 + 1);
                    units.push_back({fmt::format("site {}", s), month, 1 + static_cast<std::int64_t>(rng() % 4), 10,
                                     busy ? busyCount(rng) : randomCount(rng),
                                     busy ? busyCount(rng) : randomCount(rng)});
                }
        }
        for (auto kind : {core::PeriodKind::Month, core::PeriodKind::Quarter, core::PeriodKind::Year}) {
            const auto rows = trust::rollUp(units, kind, 7);
            std::map<std::pair<std::string, std::string>, trust::FigureRow> byKey;
            for (const auto& r : rows) byKey[{r.period, r.site}] = r;
            // The true sums, worked out here independently.
            std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> truth;
            for (const auto& u : units)
                for (const auto& key :
                     {std::pair{trust::periodOf(kind, u.month), std::string()},
                      std::pair{trust::periodOf(kind, u.month), u.site}, std::pair{std::string("Total"), std::string()},
                      std::pair{std::string("Total"), u.site}}) {
                    truth[key].first += u.contributions;
                    truth[key].second += u.evaluations;
                }
            REQUIRE(truth.size() == byKey.size());
            for (const auto& [key, row] : byKey) {
                for (const auto& [cell, real] :
                     {std::pair{row.contributions, truth[key].first}, std::pair{row.evaluations, truth[key].second}}) {
                    if (cell.suppressed) {
                        CHECK(cell.value == 0);
                        continue;
                    }
                    CHECK(cell.value == real);
                    CHECK_FALSE(small(cell.value));
                }
            }
            // Trust minus any site, and a site's total minus any of its periods, is never 1..7.
            for (const auto& [key, row] : byKey) {
                const auto& trustRow = byKey[{key.first, std::string()}];
                const auto& siteTotal = byKey[{std::string("Total"), key.second}];
                for (const auto& [whole, part] : {std::pair{trustRow.contributions, row.contributions},
                                                  std::pair{trustRow.evaluations, row.evaluations},
                                                  std::pair{siteTotal.contributions, row.contributions},
                                                  std::pair{siteTotal.evaluations, row.evaluations}}) {
                    if (whole.suppressed || part.suppressed) continue;
                    CHECK(whole.value >= part.value);
                    CHECK_FALSE(small(whole.value - part.value));
                }
            }
            if (!byKey[{"Total", ""}].contributions.suppressed) ++shownTrustTotals;
        }
    }
    // The property is only worth something if trust-level figures were published in some trials.
    CHECK(shownTrustTotals > 10);
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
