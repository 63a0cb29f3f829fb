// Lead review: suppression on crafted fixtures (including a differencing attempt), search with hostile
// input, exports, the HTML report, purge, the audit log and the demo-data generator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/review_commands.hpp"
#include "core/clock.hpp"
#include "core/review/audit_log.hpp"
#include "core/contribute/codebook.hpp"
#include "core/review/demo_data.hpp"
#include "core/review/export.hpp"
#include "core/review/purge.hpp"
#include "core/review/review.hpp"
#include "core/storage/random_key.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using core::Cell;

namespace {

/// Milliseconds since the epoch for noon UTC on a calendar day.
std::int64_t noon(int y, unsigned m, unsigned d) {
    const std::chrono::sys_days day = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
    return (day.time_since_epoch().count() * 86'400LL + 12 * 3600LL) * 1000LL;
}

/// A crafted history: sessions with exact numbers of contributions under exact tags.
class Fixture {
public:
    Fixture() : m_db(test::memoryDatabase()) {
        m_db->exec("INSERT INTO groups(id, name, format, created_at) VALUES (1, 'Ward A', 'team-time', 0), "
                   "(2, 'Ward B', 'team-time', 0)");
    }
    core::Database& db() { return *m_db; }

    std::int64_t session(std::int64_t group, std::int64_t startedAt, int attendance = 10) {
        m_db->prepare("INSERT INTO sessions(group_id, template_id, template_name, format, plan, status, started_at, "
                      "ended_at, attendance) VALUES(?, 'team-time', 'Team Time', 'team-time', '{}', 'ended', ?, ?, ?)")
            .bind(1, group)
            .bind(2, startedAt)
            .bind(3, startedAt + 3'600'000)
            .bind(4, attendance)
            .run();
        return m_db->lastInsertRowId();
    }
    /// A theme with one tag and `count` contributions filed under it, each with the given text.
    void theme(std::int64_t session, const std::string& tag, int count, const std::string& text = "a thought") {
        const auto themeId = core::randomKey();
        m_db->prepare("INSERT INTO themes(id, session_id, name) VALUES(?, ?, ?)").bind(1, themeId).bind(2, session).bind(3, "Theme " + tag).run();
        m_db->prepare("INSERT INTO theme_tags(theme_id, tag) VALUES(?, ?)").bind(1, themeId).bind(2, tag).run();
        for (int i = 0; i < count; ++i) {
            const auto id = core::randomKey();
            m_db->prepare("INSERT INTO contributions(id, session_id, stage_index, text) VALUES(?, ?, 1, ?)")
                .bind(1, id).bind(2, session).bind(3, text).run();
            m_db->prepare("INSERT INTO theme_cards(contribution_id, theme_id) VALUES(?, ?)").bind(1, id).bind(2, themeId).run();
        }
    }
    void evaluations(std::int64_t session, const std::vector<int>& answers) {
        for (const int a : answers) {
            const auto id = core::randomKey();
            m_db->prepare("INSERT INTO evaluations(id, session_id, overall) VALUES(?, ?, ?)").bind(1, id).bind(2, session).bind(3, a).run();
            m_db->prepare("INSERT INTO evaluation_answers(evaluation_id, statement_index, statement, answer) "
                          "VALUES(?, 0, 'I felt listened to.', ?)")
                .bind(1, id).bind(2, a).run();
        }
    }

private:
    std::unique_ptr<core::Database> m_db;
};

const core::Codebook& codebook() {
    static const core::Codebook book = core::loadCodebook(test::assetsDir() / "codebook.toml").value();
    return book;
}

core::ReviewFilter range(std::string from, std::string to, core::PeriodKind kind = core::PeriodKind::Month) {
    core::ReviewFilter f;
    f.period = kind;
    f.from = std::move(from);
    f.to = std::move(to);
    return f;
}

const core::TagRow* findTag(const core::TagTable& table, const std::string& tag) {
    for (const auto& row : table.rows)
        if (row.tag == tag) return &row;
    return nullptr;
}

/// A small XML well-formedness check: every tag closes in order, attributes are quoted, '&' starts an entity.
bool wellFormed(const std::string& doc, std::string& problem) {
    std::vector<std::string> stack;
    std::size_t i = 0;
    while (i < doc.size()) {
        if (doc[i] == '&') {
            const auto semi = doc.find(';', i);
            if (semi == std::string::npos || semi - i > 8) { problem = "bare & at " + std::to_string(i); return false; }
            i = semi + 1;
            continue;
        }
        if (doc[i] != '<') { ++i; continue; }
        const auto close = doc.find('>', i);
        if (close == std::string::npos) { problem = "unclosed <"; return false; }
        std::string tag = doc.substr(i + 1, close - i - 1);
        i = close + 1;
        if (tag.rfind("!DOCTYPE", 0) == 0) continue;
        if (tag.empty()) { problem = "empty tag"; return false; }
        bool inQuote = false;
        for (const char ch : tag) {
            if (ch == '"') inQuote = !inQuote;
            if (!inQuote && (ch == '<' || ch == '&')) { problem = "bad tag " + tag; return false; }
        }
        if (inQuote) { problem = "unbalanced quote in " + tag; return false; }
        if (tag.back() == '/') continue;
        if (tag[0] == '/') {
            const std::string name = tag.substr(1);
            if (stack.empty() || stack.back() != name) { problem = "mismatched </" + name + ">"; return false; }
            stack.pop_back();
            continue;
        }
        const auto space = tag.find_first_of(" \n");
        const std::string name = tag.substr(0, space);
        // Inside <style>, the CSS holds no '<', so it is skipped as text.
        stack.push_back(name);
    }
    if (!stack.empty()) { problem = "unclosed <" + stack.back() + ">"; return false; }
    return true;
}

}  // namespace

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

TEST_CASE("a tag's month with few contributions is hidden, and so is any total that includes it", "[review][suppression]") {
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
    CHECK(teamwork->total.text() == "12");
    // The session table follows the same rules.
    const auto sessions = core::sessionsOverTime(fx.db(), range("2026-01-01", "2026-03-31"), settings);
    REQUIRE(sessions.rows.size() == 3);
    CHECK(sessions.rows[1].contributions.text() == "*");
    CHECK(sessions.total.contributions.text() == "*");
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
    const auto year = core::themesByTag(fx2.db(), codebook(), range("2026-01-01", "2026-12-31", core::PeriodKind::Year), settings);
    CHECK(findTag(year, "guilt")->total.text() == "*");
    const auto quarters = core::themesByTag(fx2.db(), codebook(), range("2026-01-01", "2026-12-31", core::PeriodKind::Quarter), settings);
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
    // The same for the sessions panel's contribution counts.
    auto all = range("2026-01-01", "2026-12-31", core::PeriodKind::Quarter);
    const auto sAll = core::sessionsOverTime(fx.db(), all, settings);
    REQUIRE(sAll.rows.size() == 4);
    CHECK(sAll.rows[0].contributions.text() == "36");
    CHECK(sAll.rows[1].contributions.text() == "*");
    CHECK(sAll.rows[2].contributions.text() == "45");
    CHECK(sAll.total.contributions.text() == "*");
    all.period = core::PeriodKind::Year;
    CHECK(core::sessionsOverTime(fx.db(), all, settings).rows.at(0).contributions.text() == "*");
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
                    for (const auto& [key, count] : truth) {
                        const auto& [group, month, tag] = key;
                        if (tag != row.tag) continue;
                        if (view.groupId && group != *view.groupId) continue;
                        if (view.format && (group == 3 ? "als" : "team-time") != *view.format) continue;
                        if (!isTotal && !inPeriod(kind, month, table.periods[p])) continue;
                        sum += count;
                        containsSmall = containsSmall || (count >= 1 && count <= settings.suppressionThreshold);
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
        CHECK(h.date == "2026-04-01");
        CHECK(h.group == "Ward A");
        CHECK(h.format == "team-time");
    }
    CHECK(contributions == 4);

    const std::vector<std::string> hostile = {
        "\"", "night\" OR \"own", "(((", "night)", "NEAR(night shift", "*", "-night", "night AND", "OR",
        "text:night", "'; DROP TABLE contributions; --", "^night", "\"unbalanced", "night\"*", "{text}: night",
        "\xF0\x9F\x98\x80", std::string(5000, 'a'), "", "   ", "n\"i\"g\"h\"t"};
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
    CHECK(rota.front().date == "2026-12-10");
    CHECK(rota.back().date == "2026-09-10");  // 3 + 3 + 3 from the last three months, then one from September
    CHECK(std::is_sorted(rota.begin(), rota.end(), [](const auto& a, const auto& b) { return a.date > b.date; }));
    const auto handover = core::search(fx.db(), "handover", {}, settings, 10);
    int contributions = 0;
    std::set<std::string> dates;
    for (const auto& h : handover)
        if (h.kind == "contribution") {
            ++contributions;
            dates.insert(h.date);
        }
    CHECK(contributions == 2);  // the newest window had one; the search went on to find the oldest too
    CHECK(dates == std::set<std::string>{"2025-01-10", "2026-12-10"});
    // A filter's range is honoured inside every window.
    const auto firstYear = core::search(fx.db(), "rota", range("2025-01-01", "2025-12-31"), settings, 50);
    CHECK(std::count_if(firstYear.begin(), firstYear.end(), [](const auto& h) { return h.kind == "contribution"; }) == 36);
    for (const auto& h : firstYear) CHECK(h.date.substr(0, 4) == "2025");
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

TEST_CASE("CSV quotes commas, quotes and newlines per RFC 4180", "[review][export]") {
    CHECK(core::csvField("plain") == "plain");
    CHECK(core::csvField("a,b") == "\"a,b\"");
    CHECK(core::csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(core::csvField("line\nbreak") == "\"line\nbreak\"");
    CHECK(core::csvField("cr\rhere") == "\"cr\rhere\"");
    CHECK(core::csvField("=SUM(A1)") == "'=SUM(A1)");
    CHECK(core::csvField("") == "");
    core::ExportTable table;
    table.columns = {"a", "b,c"};
    table.rows.push_back({std::string("x\"y"), core::SuppressedValue{}});
    table.rows.push_back({std::int64_t{3}, std::monostate{}});
    CHECK(core::toCsv(table, false) == "a,\"b,c\"\r\n\"x\"\"y\",*\r\n3,\r\n");
    CHECK(core::toCsv(table, true).rfind("\xEF\xBB\xBF" "a,", 0) == 0);
}

TEST_CASE("exports carry suppression and give text only when asked", "[review][export]") {
    Fixture fx;
    const auto big = fx.session(1, noon(2026, 6, 1));
    fx.theme(big, "pride", 12, "proud of us");
    const auto small = fx.session(2, noon(2026, 6, 20));
    fx.theme(small, "fear", 2, "afraid");
    const core::ReviewSettings settings;
    core::ExportRequest request{"themes", {}, false, "2026-07-01"};
    auto table = core::buildExport(fx.db(), codebook(), request, settings);
    REQUIRE(table);
    const auto json = nlohmann::json::parse(core::toJson(*table, request, settings));
    CHECK(json["format"] == "reflect-kiosk-export");
    CHECK(json["version"] == 2);
    CHECK(json["what"] == "themes");
    CHECK(json["suppressed"] == "*");
    bool sawFear = false;
    for (const auto& row : json["rows"]) {
        if (row["tag"] == "fear") {
            sawFear = true;
            CHECK(row["contributions"] == "*");
        }
        if (row["tag"] == "pride") CHECK(row["contributions"] == 12);
    }
    CHECK(sawFear);
    CHECK(core::toCsv(*table, false).find("afraid") == std::string::npos);

    request.includeText = true;
    auto texts = core::buildExport(fx.db(), codebook(), request, settings);
    REQUIRE(texts);
    const std::string csv = core::toCsv(*texts, false);
    CHECK(csv.find("Theme pride") != std::string::npos);
    CHECK(csv.find("Theme fear") == std::string::npos);  // that session had only 2 contributions

    request.what = "nonsense";
    CHECK_FALSE(core::buildExport(fx.db(), codebook(), request, settings));
}

TEST_CASE("the HTML report is self-contained, script-free and well-formed", "[review][report]") {
    auto db = test::memoryDatabase();
    core::DemoOptions options;
    options.sessions = 120;
    options.seed = 3;
    REQUIRE(core::generateDemoData(*db, codebook(), options));
    db->exec("UPDATE themes SET name = 'Fish & <chips> \"quoted\"' WHERE id = (SELECT MIN(id) FROM themes)");
    core::ReportRequest request;
    request.filter.period = core::PeriodKind::Quarter;
    request.today = "2026-11-01";
    request.organisation = "St <Elsewhere> & Co";
    const std::string html = core::buildHtmlReport(*db, codebook(), request, core::ReviewSettings{});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@page { size: A4") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("St &lt;Elsewhere&gt; &amp; Co") != std::string::npos);
    for (const char* heading : {"Sessions and attendance", "Themes that keep coming up", "How sessions were rated",
                                "Actions", "Timing"})
        CHECK(html.find(heading) != std::string::npos);
    std::string problem;
    CHECK(wellFormed(html, problem));
    INFO(problem);
}

TEST_CASE("purge clears old text, keeps tags and counts, and is audited", "[review][purge]") {
    Fixture fx;
    core::ManualClock clock(0, noon(2026, 6, 1));
    const auto old = fx.session(1, noon(2025, 1, 10));
    fx.theme(old, "grief-and-loss", 9, "remembering the old ward");
    fx.db().exec("INSERT INTO evaluations(id, session_id, comment) SELECT 77, id, 'old comment' FROM sessions LIMIT 1");
    const auto recent = fx.session(1, noon(2026, 5, 20));
    fx.theme(recent, "hope", 9, "recent hopeful words");
    const core::ReviewSettings settings;
    REQUIRE(!core::search(fx.db(), "remembering", {}, settings).empty());

    auto result = core::purgeOlderThan(fx.db(), clock, 90, "lead");
    REQUIRE(result);
    CHECK(result->contributions == 9);
    CHECK(result->comments == 1);
    CHECK(fx.db().queryInt("SELECT COUNT(*) FROM contributions WHERE text LIKE '%remembering%'") == 0);
    CHECK(fx.db().queryInt("SELECT COUNT(*) FROM contributions") == 18);
    CHECK(fx.db().queryInt("SELECT COUNT(*) FROM evaluations WHERE comment <> ''") == 0);
    CHECK(core::search(fx.db(), "remembering", {}, settings).empty());
    CHECK(!core::search(fx.db(), "hopeful", {}, settings).empty());
    CHECK(findTag(core::themesByTag(fx.db(), codebook(), {}, settings), "grief-and-loss")->total.text() == "9");

    core::AuditLog log(fx.db(), clock);
    const auto entries = log.recent(10);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].action == "purge");
    CHECK(entries[0].role == "lead");
    CHECK(entries[0].at == noon(2026, 6, 1));
    CHECK(entries[0].detail.find("remembering") == std::string::npos);
    CHECK_FALSE(core::purgeOlderThan(fx.db(), clock, 0, "lead"));
}

TEST_CASE("the audit log lists lead actions newest first", "[review][audit]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock(0, 1'000'000);
    core::AuditLog log(*db, clock);
    REQUIRE(log.record("lead", "unlock", ""));
    clock.advanceSeconds(5);
    REQUIRE(log.record("lead", "export", "csv themes month"));
    const auto entries = log.recent(5);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "export");
    CHECK(entries[1].action == "unlock");
}

TEST_CASE("demo data is repeatable and covers every state", "[review][demo]") {
    const auto fingerprint = [](core::Database& db) {
        return db.queryText("SELECT COUNT(*) || ':' || SUM(length(text)) || ':' || MIN(id) FROM contributions") + "/" +
               db.queryText("SELECT group_concat(name, '|') FROM (SELECT name FROM themes ORDER BY id LIMIT 50)") + "/" +
               db.queryText("SELECT SUM(answer) FROM evaluation_answers");
    };
    core::DemoOptions options;
    options.sessions = 150;
    options.seed = 42;
    auto a = test::memoryDatabase();
    auto b = test::memoryDatabase();
    auto c = test::memoryDatabase();
    const auto sa = core::generateDemoData(*a, codebook(), options);
    const auto sb = core::generateDemoData(*b, codebook(), options);
    options.seed = 43;
    REQUIRE(core::generateDemoData(*c, codebook(), options));
    REQUIRE(sa);
    REQUIRE(sb);
    CHECK(sa->sessions == 150);
    CHECK(sa->contributions == sb->contributions);
    CHECK(fingerprint(*a) == fingerprint(*b));
    CHECK(fingerprint(*a) != fingerprint(*c));
    CHECK(a->queryInt("SELECT COUNT(DISTINCT status) FROM actions") == 4);
    CHECK(a->queryInt("SELECT COUNT(DISTINCT format) FROM sessions") >= 5);
    CHECK(a->queryInt("SELECT COUNT(*) FROM checklist_ratings") > 0);
    // Every tag comes from the codebook, and at least one group has a recurring theme.
    std::set<std::string> keys;
    for (const auto& t : codebook().tags) keys.insert(t.key);
    auto tags = a->prepare("SELECT DISTINCT tag FROM theme_tags");
    while (tags.step()) CHECK(keys.count(tags.columnText(0)) == 1);
    CHECK_FALSE(core::recurringTags(*a, {}, core::ReviewSettings{}).empty());
    // The dashboard's other panels have something to show.
    CHECK_FALSE(core::tagPairs(*a, {}, 10).empty());
    CHECK_FALSE(core::timingByStage(*a, {}).empty());
    CHECK_FALSE(core::checklistByGroup(*a, {}).empty());
    CHECK_FALSE(core::actionsByGroup(*a, {}, "2026-11-01").empty());
    CHECK_FALSE(core::search(*a, "night shift", {}, core::ReviewSettings{}).empty());
}

TEST_CASE("the export, report, purge and set-pin commands write files and leave an audit trail", "[review][cli]") {
    test::TempDir dir;
    const auto dbPath = (dir.path() / "reflect.db").string();
    {
        core::Database db(dbPath);
        core::migrate(db);
        std::ostringstream out, err;
        REQUIRE(cli::demoData(db, test::assetsDir(), 60, 5, out, err) == 0);
        CHECK(out.str().find("60 sessions") != std::string::npos);
        core::ManualClock clock(0, noon(2026, 11, 2));
        cli::ExportArgs args;
        args.what = "sessions";
        args.output = (dir.path() / "sessions.csv").string();
        args.bom = true;
        REQUIRE(cli::exportData(db, test::assetsDir(), args, core::ReviewSettings{}, clock, out, err) == 0);
        std::ifstream csv(args.output, std::ios::binary);
        std::string firstLine;
        std::getline(csv, firstLine);
        CHECK(firstLine == "\xEF\xBB\xBF" "date,group,format,template,attendance,themes,"
                           "planned_minutes,actual_minutes\r");
        args.from = "2026-02-30";
        CHECK(cli::exportData(db, test::assetsDir(), args, core::ReviewSettings{}, clock, out, err) == 2);
        cli::ReportArgs report;
        report.file = (dir.path() / "report.html").string();
        CHECK(cli::report(db, test::assetsDir(), report, core::ReviewSettings{}, clock, out, err) == 0);
        CHECK(std::filesystem::file_size(report.file) > 1000);
        CHECK(cli::purge(db, 365, clock, out, err) == 0);
        const auto entries = core::AuditLog(db, clock).recent(10);
        REQUIRE(entries.size() == 3);
        CHECK(entries[0].action == "purge");
    }
    std::istringstream pin("2468\n");
    std::ostringstream out, err;
    REQUIRE(cli::setPin(dbPath, "lead", pin, out, err) == 0);
    core::Database db(dbPath);
    core::SystemClock clock;
    const auto entries = core::AuditLog(db, clock).recent(1);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].action == "pin change");
    CHECK(entries[0].detail.find("2468") == std::string::npos);
}

TEST_CASE("the evaluation tally always matches the answers", "[review][suppression]") {
    const auto rawMatchesTally = [](core::Database& db) {
        return db.queryText(
                   "SELECT group_concat(x, ',') FROM (SELECT e.session_id || ':' || ea.statement_index || ':' || ea.answer "
                   "|| '=' || COUNT(*) AS x FROM evaluation_answers ea JOIN evaluations e ON e.id = ea.evaluation_id "
                   "GROUP BY e.session_id, ea.statement_index, ea.answer ORDER BY 1)") ==
               db.queryText(
                   "SELECT group_concat(x, ',') FROM (SELECT session_id || ':' || statement_index || ':' || v || '=' || n AS x "
                   "FROM (SELECT session_id, statement_index, 1 AS v, n1 AS n FROM evaluation_tally UNION ALL "
                   "SELECT session_id, statement_index, 2, n2 FROM evaluation_tally UNION ALL "
                   "SELECT session_id, statement_index, 3, n3 FROM evaluation_tally UNION ALL "
                   "SELECT session_id, statement_index, 4, n4 FROM evaluation_tally UNION ALL "
                   "SELECT session_id, statement_index, 5, n5 FROM evaluation_tally) WHERE n > 0 ORDER BY 1)");
    };
    auto db = test::memoryDatabase();
    core::DemoOptions options;
    options.sessions = 40;
    REQUIRE(core::generateDemoData(*db, codebook(), options));
    CHECK(db->queryInt("SELECT COUNT(*) FROM evaluation_tally") > 0);
    CHECK(rawMatchesTally(*db));
    db->exec("UPDATE evaluation_answers SET answer = 6 - answer WHERE statement_index = 1");
    CHECK(rawMatchesTally(*db));
    db->exec("DELETE FROM evaluations WHERE id IN (SELECT id FROM evaluations ORDER BY id LIMIT 25)");
    CHECK(rawMatchesTally(*db));
    CHECK(db->queryInt("SELECT COUNT(*) FROM evaluation_tally WHERE n1 < 0 OR n2 < 0 OR n3 < 0 OR n4 < 0 OR n5 < 0") == 0);
}
