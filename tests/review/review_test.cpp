// Lead review: suppression on crafted fixtures (including differencing attempts) and search with hostile input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/review_commands.hpp"
#include "core/clock.hpp"
#include "core/contribute/codebook.hpp"
#include "core/review/audit_log.hpp"
#include "core/review/demo_data.hpp"
#include "core/review/export.hpp"
#include "core/review/purge.hpp"
#include "core/review/review.hpp"
#include "core/storage/random_key.hpp"
#include "review/review_fixture.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using namespace reflect::test::review;
using core::Cell;

TEST_CASE("cells backed by 1 to 7 show a star, zero and 8 show their number", "[review][suppression]") {
    CHECK(core::primaryCell(0, 7).text() == "0");
    CHECK(core::primaryCell(1, 7).text() == "*");
    CHECK(core::primaryCell(7, 7).text() == "*");
    CHECK(core::primaryCell(8, 7).text() == "8");
    CHECK(core::primaryCell(9, 10).text() == "*");
    const Cell total = core::sumCells({core::primaryCell(20, 7), core::primaryCell(3, 7)});
    CHECK(total.suppressed);
    CHECK(total.text() == "*");
    CHECK(core::sumCells({core::primaryCell(20, 7), core::primaryCell(0, 7)}).text() == "20");
}

TEST_CASE("a part of a published whole is hidden when the rest of the whole is small", "[review][suppression]") {
    // Contributions 10 in a unit, grief 9: publishing 9 would give away that the other tags hold 1.
    CHECK(core::partCell(9, 10, 7).suppressed);
    CHECK(core::partCell(2, 10, 7).suppressed);
    CHECK(core::partCell(10, 10, 7).text() == "10");
    CHECK(core::partCell(8, 16, 7).text() == "8");
    // None of a small whole says as much about those few as all of it would.
    CHECK(core::partCell(0, 5, 7).suppressed);
    CHECK(core::partCell(0, 0, 7).text() == "0");
    // A larger figure made with addUnit is hidden once any unit is, and a hidden figure carries no value.
    Cell year;
    core::addUnit(year, core::partCell(12, 12, 7));
    core::addUnit(year, core::partCell(9, 10, 7));
    CHECK(year.suppressed);
    CHECK(core::finished(year).value == 0);
    // Rating parts: agree, the rest, and the skipped forms must each be 0 or above the threshold.
    CHECK(core::ratingUnitPublishable(12, 20, 20, 7));
    CHECK_FALSE(core::ratingUnitPublishable(12, 20, 21, 7));
    CHECK_FALSE(core::ratingUnitPublishable(15, 20, 20, 7));
    CHECK(core::ratingUnitPublishable(20, 20, 28, 7));
}

TEST_CASE("dates are checked by hand", "[review]") {
    CHECK(core::isIsoDate("2026-02-28"));
    CHECK(core::isIsoDate("2024-02-29"));
    CHECK_FALSE(core::isIsoDate("2026-02-29"));
    CHECK_FALSE(core::isIsoDate("2026-13-01"));
    CHECK_FALSE(core::isIsoDate("2026-1-01"));
    CHECK_FALSE(core::isIsoDate("2026-01-01'"));
    CHECK_FALSE(core::isIsoDate(""));
}

TEST_CASE("a tag's month with few contributions is hidden, and so is any total that includes it",
          "[review][suppression]") {
    Fixture fx;
    fx.theme(fx.session(1, noon(2026, 1, 10)), "grief-and-loss", 20);
    fx.theme(fx.session(1, noon(2026, 2, 10)), "grief-and-loss", 5);
    fx.theme(fx.session(1, noon(2026, 3, 10)), "teamwork", 12);
    const core::ReviewSettings settings;
    const auto table = core::themesByTag(fx.db(), codebook(), range("2026-01-01", "2026-03-31"), settings);
    REQUIRE(table.periods == std::vector<std::string>{"2026-01", "2026-02", "2026-03"});
    const auto* grief = findTag(table, "grief-and-loss");
    REQUIRE(grief);
    CHECK(grief->name == "Grief and loss");
    CHECK(grief->perPeriod[0].text() == "20");
    CHECK(grief->perPeriod[1].text() == "*");
    CHECK(grief->perPeriod[2].text() == "0");
    CHECK(grief->total.text() == "*");  // 20 + hidden: the total would give the hidden 5 away
    const auto* teamwork = findTag(table, "teamwork");
    REQUIRE(teamwork);
    // February's unit held 5 contributions, none about teamwork: "0 of 5" is as telling as "5 of 5".
    CHECK(teamwork->perPeriod[2].text() == "12");
    CHECK(teamwork->total.text() == "*");
    // Contributions received are activity, not what was said: the session table shows them as they are.
    const auto sessions = core::sessionsOverTime(fx.db(), range("2026-01-01", "2026-03-31"), settings);
    REQUIRE(sessions.rows.size() == 3);
    CHECK(sessions.rows[1].contributions.text() == "5");
    CHECK(sessions.total.contributions.text() == "37");
    CHECK(sessions.total.sessions == 3);
}

TEST_CASE("a raised threshold hides more", "[review][suppression]") {
    Fixture fx;
    fx.theme(fx.session(1, noon(2026, 1, 10)), "hope", 9);
    core::ReviewSettings settings;
    CHECK(findTag(core::themesByTag(fx.db(), codebook(), {}, settings), "hope")->total.text() == "9");
    settings.suppressionThreshold = 10;
    CHECK(findTag(core::themesByTag(fx.db(), codebook(), {}, settings), "hope")->total.text() == "*");
}

TEST_CASE("differencing two custom ranges cannot isolate one session", "[review][suppression]") {
    // The attacker wants the session of 15 March (5 contributions on "guilt"). March also had a big session
    // on 2 March. They ask for 1 Jan..31 Mar and 1 Jan..10 Mar and subtract.
    Fixture fx;
    fx.theme(fx.session(1, noon(2026, 1, 12)), "guilt", 30);
    fx.theme(fx.session(1, noon(2026, 3, 2)), "guilt", 20);
    fx.theme(fx.session(2, noon(2026, 3, 15)), "guilt", 5);
    const core::ReviewSettings settings;
    const auto wide = core::themesByTag(fx.db(), codebook(), range("2026-01-01", "2026-03-31"), settings);
    const auto narrow = core::themesByTag(fx.db(), codebook(), range("2026-01-01", "2026-03-10"), settings);
    // Custom ranges are widened to whole months, so both questions get the same answer: nothing to subtract.
    REQUIRE(wide.periods == narrow.periods);
    const auto* a = findTag(wide, "guilt");
    const auto* b = findTag(narrow, "guilt");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->total.text() == b->total.text());
    for (std::size_t i = 0; i < a->perPeriod.size(); ++i) CHECK(a->perPeriod[i].text() == b->perPeriod[i].text());
    const auto sWide = core::sessionsOverTime(fx.db(), range("2026-01-01", "2026-03-31"), settings);
    const auto sNarrow = core::sessionsOverTime(fx.db(), range("2026-01-01", "2026-03-10"), settings);
    CHECK(sWide.total.sessions == sNarrow.total.sessions);
    CHECK(sWide.total.contributions.text() == sNarrow.total.contributions.text());

    // March holds Ward A's 20 and Ward B's 5. All groups together in March would be 25, and Ward A alone is
    // 20: subtracting would give Ward B's 5 away, so every figure that includes Ward B's March is hidden.
    CHECK(a->total.text() == "*");
    REQUIRE(wide.periods == std::vector<std::string>{"2026-01", "2026-03"});  // months that held sessions
    REQUIRE(a->perPeriod.size() == 2);
    CHECK(a->perPeriod[0].text() == "30");
    CHECK(a->perPeriod[1].text() == "*");
    const auto only = core::themesByTag(fx.db(), codebook(), range("2026-03-14", "2026-03-16"), settings);
    CHECK(findTag(only, "guilt")->total.text() == "*");  // the whole of March, never the one session
    // Ward A alone is shown in full: its own units are all above the threshold.
    auto wardA = range("2026-01-01", "2026-03-31");
    wardA.groupId = 1;
    CHECK(findTag(core::themesByTag(fx.db(), codebook(), wardA, settings), "guilt")->total.text() == "50");

    // A month that holds only a small session hides every total that includes it, at every period size, so a
    // year or a quarter cannot be set against its months to work the small one out.
    Fixture fx2;
    fx2.theme(fx2.session(1, noon(2026, 1, 12)), "guilt", 30);
    fx2.theme(fx2.session(2, noon(2026, 3, 15)), "guilt", 5);
    const auto withMarch = core::themesByTag(fx2.db(), codebook(), range("2026-01-01", "2026-03-31"), settings);
    const auto withoutMarch = core::themesByTag(fx2.db(), codebook(), range("2026-01-01", "2026-02-28"), settings);
    CHECK(findTag(withMarch, "guilt")->total.text() == "*");
    CHECK(findTag(withoutMarch, "guilt")->total.text() == "30");
    const auto year =
        core::themesByTag(fx2.db(), codebook(), range("2026-01-01", "2026-12-31", core::PeriodKind::Year), settings);
    CHECK(findTag(year, "guilt")->total.text() == "*");
    const auto quarters =
        core::themesByTag(fx2.db(), codebook(), range("2026-01-01", "2026-12-31", core::PeriodKind::Quarter), settings);
    CHECK(findTag(quarters, "guilt")->perPeriod[0].text() == "*");
}

TEST_CASE("differencing all groups against one group, or a year against its quarters, finds nothing hidden",
          "[review][suppression]") {
    // Ward A is big every month; Ward B had 4 contributions in May. An attacker reads "all groups" and "Ward A"
    // for May, Q2 and 2026 and subtracts; then reads the year and its four quarters and subtracts.
    Fixture fx;
    for (unsigned m = 1; m <= 12; ++m) fx.theme(fx.session(1, noon(2026, m, 3)), "workload", 12);
    fx.theme(fx.session(2, noon(2026, 5, 20)), "workload", 4);
    fx.theme(fx.session(2, noon(2026, 9, 20)), "workload", 9);
    const core::ReviewSettings settings;
    for (const auto kind : {core::PeriodKind::Month, core::PeriodKind::Quarter, core::PeriodKind::Year}) {
        INFO(core::periodKindName(kind));
        auto all = range("2026-01-01", "2026-12-31", kind);
        auto wardA = all;
        wardA.groupId = 1;
        auto wardB = all;
        wardB.groupId = 2;
        const auto tAll = core::themesByTag(fx.db(), codebook(), all, settings);
        const auto tA = core::themesByTag(fx.db(), codebook(), wardA, settings);
        const auto tB = core::themesByTag(fx.db(), codebook(), wardB, settings);
        const auto* rAll = findTag(tAll, "workload");
        const auto* rA = findTag(tA, "workload");
        const auto* rB = findTag(tB, "workload");
        REQUIRE(rAll);
        REQUIRE(rA);
        REQUIRE(rB);
        for (std::size_t p = 0; p < tAll.periods.size(); ++p) {
            INFO(tAll.periods[p]);
            const auto& period = tAll.periods[p];
            const bool holdsMay = period == "2026-05" || period == "2026-Q2" || period == "2026";
            // Wherever the hidden 4 is inside, the all-groups figure is hidden; elsewhere all = A + B exactly.
            if (holdsMay) {
                CHECK(rAll->perPeriod[p].suppressed);
            } else {
                CHECK_FALSE(rAll->perPeriod[p].suppressed);
            }
            // Ward A's own figures stay visible: hiding them would protect no one.
            const auto inA = std::find(tA.periods.begin(), tA.periods.end(), period);
            REQUIRE(inA != tA.periods.end());
            CHECK_FALSE(rA->perPeriod[static_cast<std::size_t>(inA - tA.periods.begin())].suppressed);
        }
        CHECK(rAll->total.suppressed);
        CHECK(rB->total.suppressed);
        CHECK(rA->total.text() == "144");
    }
    // The sessions panel's contributions received are activity and are shown as they are.
    auto all = range("2026-01-01", "2026-12-31", core::PeriodKind::Quarter);
    const auto sAll = core::sessionsOverTime(fx.db(), all, settings);
    REQUIRE(sAll.rows.size() == 4);
    CHECK(sAll.rows[0].contributions.text() == "36");
    CHECK(sAll.rows[1].contributions.text() == "40");
    CHECK(sAll.rows[2].contributions.text() == "45");
    CHECK(sAll.total.contributions.text() == "157");
    all.period = core::PeriodKind::Year;
    CHECK(core::sessionsOverTime(fx.db(), all, settings).rows.at(0).contributions.text() == "157");
}

TEST_CASE("no published figure, in any view, contains a hidden unit", "[review][suppression]") {
    // A random history; then every view a lead can ask for (three period sizes, all groups, each group, each
    // format) is checked against the truth: a figure that is shown must be made only of units (group x month)
    // whose own count is 0 or above the threshold, and must equal their sum. Subtracting shown figures can then
    // only ever give sums of such units.
    Fixture fx;
    fx.db().exec("INSERT INTO groups(id, name, format, created_at) VALUES (3, 'Set 1', 'als', 0)");
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    const auto next = [&](std::uint64_t n) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state % n;
    };
    const std::vector<std::string> tags = {"workload", "guilt", "teamwork"};
    std::map<std::tuple<std::int64_t, std::string, std::string>, std::int64_t> truth;  // (group, month, tag) -> count
    for (int i = 0; i < 60; ++i) {
        const auto group = static_cast<std::int64_t>(1 + next(3));
        const auto month = static_cast<unsigned>(1 + next(12));
        const auto sid = fx.session(group, noon(2025, month, static_cast<unsigned>(1 + next(27))));
        for (const auto& tag : tags) {
            const int count = static_cast<int>(next(4) == 0 ? next(6) : next(30));
            if (count == 0) continue;
            fx.theme(sid, tag, count);
            truth[{group, fmt::format("2025-{:02}", month), tag}] += count;
        }
    }
    if (fx.db().queryInt("SELECT COUNT(*) FROM sessions WHERE group_id = 3") > 0)
        fx.db().exec("UPDATE sessions SET format = 'als' WHERE group_id = 3");
    const core::ReviewSettings settings;
    const auto inPeriod = [](core::PeriodKind kind, const std::string& month, const std::string& period) {
        if (kind == core::PeriodKind::Month) return month == period;
        if (kind == core::PeriodKind::Year) return month.substr(0, 4) == period;
        const int m = std::stoi(month.substr(5, 2));
        return period == fmt::format("{}-Q{}", month.substr(0, 4), (m + 2) / 3);
    };
    int shown = 0, hidden = 0;
    for (const auto kind : {core::PeriodKind::Month, core::PeriodKind::Quarter, core::PeriodKind::Year}) {
        std::vector<core::ReviewFilter> views;
        views.push_back(range("2025-01-01", "2025-12-31", kind));
        for (std::int64_t g = 1; g <= 3; ++g) {
            views.push_back(range("2025-01-01", "2025-12-31", kind));
            views.back().groupId = g;
        }
        for (const char* format : {"team-time", "als"}) {
            views.push_back(range("2025-01-01", "2025-12-31", kind));
            views.back().format = std::string(format);
        }
        for (const auto& view : views) {
            const auto table = core::themesByTag(fx.db(), codebook(), view, settings);
            for (const auto& row : table.rows)
                for (std::size_t p = 0; p <= table.periods.size(); ++p) {
                    const bool isTotal = p == table.periods.size();
                    const Cell& cell = isTotal ? row.total : row.perPeriod[p];
                    std::int64_t sum = 0;
                    bool containsSmall = false;
                    const auto unitWhole = [&](std::int64_t g, const std::string& m) {
                        std::int64_t whole = 0;
                        for (const auto& t : tags) {
                            const auto it = truth.find({g, m, t});
                            if (it != truth.end()) whole += it->second;
                        }
                        return whole;
                    };
                    std::set<std::pair<std::int64_t, std::string>> unitsSeen;
                    for (const auto& [key, count] : truth) unitsSeen.insert({std::get<0>(key), std::get<1>(key)});
                    for (const auto& [group, month] : unitsSeen) {
                        if (view.groupId && group != *view.groupId) continue;
                        if (view.format && (group == 3 ? "als" : "team-time") != *view.format) continue;
                        if (!isTotal && !inPeriod(kind, month, table.periods[p])) continue;
                        const auto found = truth.find({group, month, row.tag});
                        const std::int64_t count = found == truth.end() ? 0 : found->second;
                        sum += count;
                        // A unit's tag count (zero included) is hidden when it, or the rest of the unit's
                        // contributions, is small.
                        containsSmall = containsSmall || core::isSmall(count, settings.suppressionThreshold) ||
                                        core::isSmall(unitWhole(group, month) - count, settings.suppressionThreshold);
                    }
                    INFO(row.tag << " " << (isTotal ? "total" : table.periods[p]));
                    CHECK(cell.suppressed == containsSmall);
                    if (!cell.suppressed) CHECK(cell.value == sum);
                    (cell.suppressed ? hidden : shown) += 1;
                }
        }
    }
    CHECK(shown > 20);
    CHECK(hidden > 20);
}

TEST_CASE("a rating row with a small cell hides its whole distribution, and the mean only near an end of the scale",
          "[review][suppression]") {
    Fixture fx;
    const auto s = fx.session(1, noon(2026, 5, 5), 40);
    std::vector<int> answers(10, 4);
    answers.insert(answers.end(), 9, 5);
    answers.insert(answers.end(), 3, 2);  // three people answered 2
    fx.evaluations(s, answers);
    const auto rows = core::evaluationsByStatement(fx.db(), {}, core::ReviewSettings{});
    REQUIRE(rows.size() == 1);
    const auto& r = rows[0];
    CHECK(r.period == "2026-Q2");  // ratings are pooled by quarter
    CHECK(r.answers.text() == "22");
    CHECK(r.forms.text() == "22");
    // 19 agree of 22 would give away that exactly 3 did not: "% agree" is hidden.
    CHECK(r.agree.suppressed);
    CHECK_FALSE(r.agreeShare.has_value());
    // With one cell hidden, the others and the count would give it away: all five are hidden.
    for (const auto& cell : r.distribution) CHECK(cell.text() == "*");
    // Count and mean give the sum (91) and nothing more: many ways to answer make 22 answers sum to 91.
    REQUIRE(r.mean.has_value());
    CHECK(*r.mean == Approx(91.0 / 22.0));

    // Nine 5s and one 4: count and mean would say that exactly one person answered 4.
    Fixture nearTop;
    std::vector<int> almostAll(9, 5);
    almostAll.push_back(4);
    nearTop.evaluations(nearTop.session(1, noon(2026, 5, 5), 12), almostAll);
    const auto top = core::evaluationsByStatement(nearTop.db(), {}, core::ReviewSettings{});
    REQUIRE(top.size() == 1);
    CHECK(top[0].answers.text() == "10");
    CHECK_FALSE(top[0].mean.has_value());

    // Every cell above the threshold: the distribution and the mean are shown.
    Fixture big;
    const auto s2 = big.session(1, noon(2026, 5, 5), 40);
    std::vector<int> many(10, 4);
    many.insert(many.end(), 12, 5);
    big.evaluations(s2, many);
    const auto rows2 = core::evaluationsByStatement(big.db(), {}, core::ReviewSettings{});
    REQUIRE(rows2.size() == 1);
    CHECK(rows2[0].distribution[3].text() == "10");
    CHECK(rows2[0].distribution[4].text() == "12");
    REQUIRE(rows2[0].mean.has_value());
    CHECK(*rows2[0].mean == Approx((10 * 4 + 12 * 5) / 22.0));

    // All groups together hide what any one group's quarter hides, so one group cannot be subtracted out.
    const auto s3 = big.session(2, noon(2026, 6, 1), 12);
    big.evaluations(s3, std::vector<int>(9, 5));
    CHECK_FALSE(core::evaluationsByStatement(big.db(), {}, core::ReviewSettings{})[0].distribution[4].suppressed);
    big.evaluations(s3, {4});  // ward B now has nine 5s and one 4 in Q2
    const auto both = core::evaluationsByStatement(big.db(), {}, core::ReviewSettings{});
    REQUIRE(both.size() == 1);
    CHECK(both[0].distribution[3].suppressed);
    CHECK_FALSE(both[0].mean.has_value());
    CHECK(both[0].answers.text() == "32");
}

TEST_CASE("hostile search input is answered safely", "[review][search]") {
    Fixture fx;
    const auto big = fx.session(1, noon(2026, 4, 1));
    fx.theme(big, "teamwork", 4, "The night shift pulled together");
    const auto small = fx.session(2, noon(2026, 4, 2));
    fx.theme(small, "teamwork", 2, "Night shift on my own");  // only 2 contributions: never shown as text
    const core::ReviewSettings settings;

    const auto hits = core::search(fx.db(), "night", {}, settings);
    int contributions = 0;
    for (const auto& h : hits) {
        if (h.kind != "contribution") continue;
        ++contributions;
        CHECK(h.text == "The night shift pulled together");
        CHECK(h.month == "2026-04");  // the month, never the date
        CHECK(h.group == "Ward A");
        CHECK(h.format == "team-time");
    }
    CHECK(contributions == 4);

    const std::vector<std::string> hostile = {"\"",
                                              "night\" OR \"own",
                                              "(((",
                                              "night)",
                                              "NEAR(night shift",
                                              "*",
                                              "-night",
                                              "night AND",
                                              "OR",
                                              "text:night",
                                              "'; DROP TABLE contributions; --",
                                              "^night",
                                              "\"unbalanced",
                                              "night\"*",
                                              "{text}: night",
                                              "\xF0\x9F\x98\x80",
                                              std::string(5000, 'a'),
                                              "",
                                              "   ",
                                              "n\"i\"g\"h\"t"};
    for (const auto& input : hostile) {
        INFO(input.substr(0, 40));
        std::vector<core::SearchHit> result;
        REQUIRE_NOTHROW(result = core::search(fx.db(), input, {}, settings));
        for (const auto& h : result) CHECK(h.text != "Night shift on my own");
        const std::string q = core::ftsQueryFor(input);
        // Only quoted prefix terms: an even number of quotes, no bracket, colon or caret outside them.
        CHECK(std::count(q.begin(), q.end(), '"') % 2 == 0);
        CHECK(q.find_first_of("()^:{}") == std::string::npos);
    }
    CHECK(fx.db().queryInt("SELECT COUNT(*) FROM contributions") == 6);
    // "OR" is searched for as a word, not used as an operator.
    CHECK(core::ftsQueryFor("night OR day") == "\"night\"* \"OR\"* \"day\"*");
}

TEST_CASE("search gives the newest hits first, whichever window of months they come from", "[review][search]") {
    Fixture fx;
    // Two years of monthly sessions with "rota" in each; "handover" only in the oldest and the newest months.
    for (int i = 0; i < 24; ++i) {
        const int y = 2025 + i / 12;
        const auto m = static_cast<unsigned>(1 + i % 12);
        const auto sid = fx.session(1, noon(y, m, 10));
        fx.theme(sid, "workload", 3, fmt::format("rota gap {}", i));
        if (i == 0 || i == 23) fx.theme(sid, "teamwork", 1, "handover went well");
    }
    const core::ReviewSettings settings;
    const auto rota = core::search(fx.db(), "rota", {}, settings, 10);
    REQUIRE(rota.size() == 10);
    CHECK(rota.front().month == "2026-12");
    CHECK(rota.back().month == "2026-09");  // 3 + 3 + 3 from the last three months, then one from September
    CHECK(std::is_sorted(rota.begin(), rota.end(), [](const auto& a, const auto& b) { return a.month > b.month; }));
    const auto handover = core::search(fx.db(), "handover", {}, settings, 10);
    int contributions = 0;
    std::set<std::string> dates;
    for (const auto& h : handover)
        if (h.kind == "contribution") {
            ++contributions;
            dates.insert(h.month);
        }
    CHECK(contributions == 2);  // the newest window had one; the search went on to find the oldest too
    CHECK(dates == std::set<std::string>{"2025-01", "2026-12"});
    // A filter's range is honoured inside every window.
    const auto firstYear = core::search(fx.db(), "rota", range("2025-01-01", "2025-12-31"), settings, 50);
    CHECK(std::count_if(firstYear.begin(), firstYear.end(), [](const auto& h) { return h.kind == "contribution"; }) ==
          36);
    for (const auto& h : firstYear) CHECK(h.month.substr(0, 4) == "2025");
}

TEST_CASE("the search index is keyed by the contributions' random keys", "[review][search]") {
    Fixture fx;
    fx.theme(fx.session(1, noon(2026, 4, 1)), "hope", 6, "things are getting better");
    core::syncSearchIndex(fx.db());
    auto st = fx.db().prepare("SELECT COUNT(*) FROM contributions_fts f JOIN contributions c ON c.id = f.rowid");
    REQUIRE(st.step());
    CHECK(st.columnInt(0) == 6);
    // Hidden text leaves the index.
    fx.db().exec("UPDATE contributions SET hidden = 1");
    core::syncSearchIndex(fx.db());
    CHECK(fx.db().queryInt("SELECT COUNT(*) FROM contributions_fts") == 0);
}
