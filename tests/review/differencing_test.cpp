// Lead review against differencing: the findings a lead could once subtract their way to, the staff-group
// migration, and a property test that asks every view of a random history and subtracts every nested pair.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/contribute/codebook.hpp"
#include "core/review/audit_log.hpp"
#include "core/review/dashboard.hpp"
#include "core/review/review.hpp"
#include "core/storage/migrations.hpp"
#include "core/storage/random_key.hpp"
#include "support/fixtures.hpp"

using namespace reflect;
using core::Cell;

namespace {

std::int64_t noonOn(int y, unsigned m, unsigned d) {
    const std::chrono::sys_days day = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
    return (day.time_since_epoch().count() * 86'400LL + 12 * 3600LL) * 1000LL;
}

const core::Codebook& book() {
    static const core::Codebook codebook = core::loadCodebook(test::assetsDir() / "codebook.toml").value();
    return codebook;
}

/// Sessions of several formats in one group, with exact contributions, tags, forms and answers.
class History {
public:
    History() : m_db(test::memoryDatabase()) {
        m_db->exec(
            "INSERT INTO groups(id, name, format, created_at) VALUES (1, 'Ward 7', 'team-time', 0), "
            "(2, 'Ward 9', 'team-time', 0), (3, 'Peer group', 'peer', 0)");
    }
    core::Database& db() { return *m_db; }

    std::int64_t session(std::optional<std::int64_t> group, const std::string& format, std::int64_t at, int people) {
        m_db->prepare(
                "INSERT INTO sessions(group_id, template_id, template_name, format, plan, status, started_at, "
                "ended_at, attendance) VALUES(?, ?, ?, ?, '{}', 'ended', ?, ?, ?)")
            .bind(1, group)
            .bind(2, format)
            .bind(3, format)
            .bind(4, format)
            .bind(5, at)
            .bind(6, at + 3'600'000)
            .bind(7, people)
            .run();
        return m_db->lastInsertRowId();
    }
    /// A theme under `tags` with `count` contributions (the first `hidden` of them hidden by the facilitator).
    void theme(std::int64_t session, const std::vector<std::string>& tags, int count, const std::string& text,
               int hidden = 0) {
        const auto themeId = core::randomKey();
        m_db->prepare("INSERT INTO themes(id, session_id, name) VALUES(?, ?, 'A theme')")
            .bind(1, themeId)
            .bind(2, session)
            .run();
        for (const auto& tag : tags)
            m_db->prepare("INSERT INTO theme_tags(theme_id, tag) VALUES(?, ?)").bind(1, themeId).bind(2, tag).run();
        for (int i = 0; i < count; ++i) {
            const auto id = core::randomKey();
            m_db->prepare("INSERT INTO contributions(id, session_id, stage_index, text, hidden) VALUES(?, ?, 1, ?, ?)")
                .bind(1, id)
                .bind(2, session)
                .bind(3, text)
                .bind(4, i < hidden ? 1 : 0)
                .run();
            m_db->prepare("INSERT INTO theme_cards(contribution_id, theme_id) VALUES(?, ?)")
                .bind(1, id)
                .bind(2, themeId)
                .run();
        }
    }
    /// One form per entry: the answer to statement 0 (nullopt = skipped) and the staff group named (may be empty).
    void form(std::int64_t session, std::optional<int> answer, const std::string& staffGroup = "") {
        const auto id = core::randomKey();
        m_db->prepare("INSERT INTO evaluations(id, session_id, overall) VALUES(?, ?, 3)")
            .bind(1, id)
            .bind(2, session)
            .run();
        if (answer)
            m_db->prepare(
                    "INSERT INTO evaluation_answers(evaluation_id, statement_index, statement, answer) "
                    "VALUES(?, 0, 'I felt listened to.', ?)")
                .bind(1, id)
                .bind(2, *answer)
                .run();
        if (!staffGroup.empty())
            m_db->prepare(
                    "INSERT INTO evaluation_staff_groups(session_id, staff_group, n) VALUES(?, ?, 1) "
                    "ON CONFLICT(session_id, staff_group) DO UPDATE SET n = n + 1")
                .bind(1, session)
                .bind(2, staffGroup)
                .run();
    }

private:
    std::unique_ptr<core::Database> m_db;
};

core::ReviewFilter wholeYear(core::PeriodKind kind = core::PeriodKind::Month) {
    core::ReviewFilter f;
    f.period = kind;
    f.from = "2025-01-01";
    f.to = "2025-12-31";
    return f;
}

const core::TagRow* tagRow(const core::TagTable& table, const std::string& tag) {
    for (const auto& row : table.rows)
        if (row.tag == tag) return &row;
    return nullptr;
}

bool small(std::int64_t n) {
    return core::isSmall(n, 7);
}

}  // namespace

TEST_CASE("a format filter cannot split a group's month: the peer session's 3 stay hidden", "[review][differencing]") {
    // Ward 7, grief, March: 9 in a Team Time session and 3 in a peer session of the same group.
    History h;
    const auto teamTime = h.session(1, "team-time", noonOn(2025, 3, 4), 12);
    h.theme(teamTime, {"grief-and-loss"}, 9, "the death on the ward");
    const auto peer = h.session(1, "peer", noonOn(2025, 3, 20), 10);
    h.theme(peer, {"grief-and-loss"}, 3, "carrying it home");
    const core::ReviewSettings settings;
    auto all = wholeYear();
    auto onlyTeamTime = wholeYear();
    onlyTeamTime.format = "team-time";
    const auto allTable = core::themesByTag(h.db(), book(), all, settings);
    const auto teamTimeTable = core::themesByTag(h.db(), book(), onlyTeamTime, settings);
    const auto* a = tagRow(allTable, "grief-and-loss");
    const auto* t = tagRow(teamTimeTable, "grief-and-loss");
    REQUIRE(a);
    REQUIRE(t);
    // The Team Time unit shows its 9; every figure holding the peer unit is hidden, so 12 - 9 is never there.
    CHECK(t->total.text() == "9");
    CHECK(a->total.suppressed);
    REQUIRE(a->perPeriod.size() == 1);
    CHECK(a->perPeriod[0].suppressed);
}

TEST_CASE("a tag cannot be subtracted from its unit's contributions: grief 9 of 10 is hidden",
          "[review][differencing]") {
    History h;
    const auto s = h.session(1, "team-time", noonOn(2025, 3, 4), 12);
    h.theme(s, {"grief-and-loss"}, 9, "a loss");
    h.theme(s, {"fear"}, 1, "afraid");
    const core::ReviewSettings settings;
    const auto sessions = core::sessionsOverTime(h.db(), wholeYear(), settings);
    CHECK(sessions.total.contributions.text() == "10");  // activity: shown as it is
    const auto table = core::themesByTag(h.db(), book(), wholeYear(), settings);
    CHECK(tagRow(table, "grief-and-loss")->total.suppressed);
    CHECK(tagRow(table, "fear")->total.suppressed);
}

TEST_CASE("answers cannot be subtracted from forms: one skip in 10 hides the answers", "[review][differencing]") {
    History h;
    const auto s = h.session(1, "team-time", noonOn(2025, 3, 4), 14);
    for (int i = 0; i < 9; ++i) h.form(s, 4);
    h.form(s, std::nullopt);
    const auto rows = core::evaluationsByStatement(h.db(), wholeYear(), core::ReviewSettings{});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].forms.text() == "10");
    CHECK(rows[0].answers.suppressed);
    CHECK(rows[0].agree.suppressed);
    CHECK_FALSE(rows[0].mean.has_value());
    // Everyone answering: 10 of 10, all agreeing, is shown as 100 % agree (10).
    History all;
    const auto s2 = all.session(1, "team-time", noonOn(2025, 3, 4), 14);
    for (int i = 0; i < 10; ++i) all.form(s2, 5);
    const auto shown = core::evaluationsByStatement(all.db(), wholeYear(), core::ReviewSettings{});
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].answers.text() == "10");
    REQUIRE(shown[0].agreeShare.has_value());
    CHECK(*shown[0].agreeShare == Approx(100.0));
}

TEST_CASE("free text needs 8 people present and 3 visible contributions, and shows the month only",
          "[review][differencing][search]") {
    History h;
    const auto crowded = h.session(1, "team-time", noonOn(2025, 3, 4), 9);
    h.theme(crowded, {"teamwork"}, 3, "rota swap helped");
    const auto fewPeople = h.session(1, "team-time", noonOn(2025, 3, 11), 2);  // 3 texts, 2 people
    h.theme(fewPeople, {"teamwork"}, 3, "rota swap from the few");
    const auto hiddenCards = h.session(1, "team-time", noonOn(2025, 3, 18), 12);  // 4 texts, 2 of them hidden
    h.theme(hiddenCards, {"teamwork"}, 4, "rota swap half hidden", 2);
    const auto hits = core::search(h.db(), "rota", {}, core::ReviewSettings{});
    int contributions = 0;
    for (const auto& hit : hits) {
        if (hit.kind != "contribution") continue;
        ++contributions;
        CHECK(hit.text == "rota swap helped");
        CHECK(hit.month == "2025-03");
        CHECK(hit.group == "Ward 7");
    }
    CHECK(contributions == 3);
}

TEST_CASE("a tag opens up to three quotes, only from sessions safe for free text", "[review][differencing][quotes]") {
    History h;
    const auto safe = h.session(2, "team-time", noonOn(2025, 5, 6), 10);
    h.theme(safe, {"fear"}, 5, "afraid of the night shift");
    const auto fewPeople = h.session(2, "team-time", noonOn(2025, 6, 6), 4);
    h.theme(fewPeople, {"fear"}, 5, "afraid and only four of us");
    const auto quotes = core::tagQuotes(h.db(), {}, core::ReviewSettings{}, "fear");
    REQUIRE(quotes.size() == 3);
    for (const auto& q : quotes) {
        CHECK(q.text == "afraid of the night shift");
        CHECK(q.month == "2025-05");
        CHECK(q.group == "Ward 9");
    }
    CHECK(core::tagQuotes(h.db(), {}, core::ReviewSettings{}, "grief-and-loss").empty());
}

TEST_CASE("the dashboard opens a tag's quotes, audited, and gives the reason when only small sessions hold it",
          "[review][quotes][dashboard]") {
    History h;
    const auto safe = h.session(2, "team-time", noonOn(2025, 5, 6), 10);
    h.theme(safe, {"teamwork"}, 4, "we covered for each other");
    // Fear comes up only where too few were present (4 people), or too few cards stayed visible (2 of 5).
    const auto fewPeople = h.session(2, "team-time", noonOn(2025, 6, 6), 4);
    h.theme(fewPeople, {"fear"}, 5, "afraid and only four of us");
    const auto fewVisible = h.session(2, "team-time", noonOn(2025, 7, 8), 12);
    h.theme(fewVisible, {"fear"}, 5, "afraid but hidden", 3);
    core::ManualClock clock(1'000'000, noonOn(2025, 12, 15));
    core::AuditLog audit(h.db(), clock);
    core::Dashboard dashboard(h.db(), book(), core::ReviewSettings{});
    dashboard.reset(clock.wallNow());
    dashboard.setFilter(core::PeriodKind::Month, std::nullopt, std::nullopt);
    dashboard.setPanel(core::DashboardPanel::Themes);
    dashboard.refresh(audit);

    dashboard.openQuotes("fear", audit);
    const auto& view = dashboard.view();
    CHECK(view.error.empty());
    REQUIRE(view.quotes.has_value());
    CHECK(view.quotes->tag == "fear");
    CHECK(view.quotes->name == book().nameOf("fear"));
    CHECK(view.quotes->quotes.empty());
    CHECK(view.quotes->reason == core::TagQuotesView::Reason::NoSafeSession);

    dashboard.openQuotes("teamwork", audit);
    REQUIRE(view.quotes.has_value());
    REQUIRE(view.quotes->quotes.size() == 3);
    CHECK(view.quotes->reason == core::TagQuotesView::Reason::None);
    for (const auto& q : view.quotes->quotes) {
        CHECK(q.text == "we covered for each other");
        CHECK(q.month == "2025-05");  // the month and the group, never the date
        CHECK(q.group == "Ward 9");
    }
    // Both openings are in the audit log with the tag and no quote; a panel or filter change closes the quotes.
    const auto entries = audit.recent(10);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "quotes");
    CHECK(entries[0].detail == "teamwork");
    CHECK(entries[1].detail == "fear");
    dashboard.setFilter(core::PeriodKind::Quarter, std::nullopt, std::nullopt);
    CHECK_FALSE(view.quotes.has_value());
    dashboard.openQuotes("teamwork", audit);
    dashboard.setPanel(core::DashboardPanel::Sessions);
    CHECK_FALSE(view.quotes.has_value());
}

TEST_CASE("the staff group moves off the evaluation row into counts, and a lead sees them by the unit rule",
          "[review][differencing][migration]") {
    core::Database db(":memory:");
    core::migrateTo(db, 5);
    db.exec(
        "INSERT INTO sessions(id, template_id, template_name, format, plan, status, started_at, ended_at, attendance) "
        "VALUES (1, 'round', 'Round', 'round', '{}', 'ended', " +
        std::to_string(noonOn(2025, 2, 3)) + ", " + std::to_string(noonOn(2025, 2, 3) + 1000) + ", 30)");
    for (int i = 0; i < 20; ++i)
        db.prepare("INSERT INTO evaluations(id, session_id, overall, staff_group) VALUES(?, 1, 4, ?)")
            .bind(1, core::randomKey())
            .bind(2, i == 0   ? "student"
                     : i < 11 ? "clinical"
                              : "non-clinical")
            .run();
    core::migrate(db);
    std::set<std::string> columns;
    auto st = db.prepare("SELECT name FROM pragma_table_info('evaluations')");
    while (st.step()) columns.insert(st.columnText(0));
    CHECK(columns.count("staff_group") == 0);
    CHECK(db.queryInt("SELECT n FROM evaluation_staff_groups WHERE staff_group = 'clinical'") == 10);
    CHECK(db.queryInt("SELECT n FROM evaluation_staff_groups WHERE staff_group = 'student'") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM evaluations") == 20);
    std::map<std::string, core::StaffGroupRow> byGroup;
    for (const auto& row : core::staffGroupsByPeriod(db, wholeYear(), core::ReviewSettings{}))
        byGroup[row.staffGroup] = row;
    // One student among 20 forms: the student is hidden, and so is every other group of the unit, because the
    // 20 forms returned minus 10 clinical, 9 non-clinical and 0 other would leave the one student.
    CHECK(byGroup["student"].forms.suppressed);
    CHECK(byGroup["clinical"].forms.suppressed);
    CHECK(byGroup["non-clinical"].forms.suppressed);
    CHECK(byGroup["other"].forms.suppressed);
    CHECK(byGroup["clinical"].returned.text() == "20");  // forms returned are activity: shown
    CHECK_FALSE(byGroup["clinical"].share().has_value());
}

TEST_CASE("staff groups are shown as a share of the forms when no subtraction reaches a small count",
          "[review][differencing][staff]") {
    History h;
    const auto s = h.session(1, "team-time", noonOn(2025, 2, 3), 30);
    for (int i = 0; i < 24; ++i) h.form(s, 4, i < 12 ? "clinical" : i < 20 ? "non-clinical" : "");
    std::map<std::string, core::StaffGroupRow> byGroup;
    for (const auto& row : core::staffGroupsByPeriod(h.db(), wholeYear(), core::ReviewSettings{}))
        byGroup[row.staffGroup] = row;
    // 24 forms: 12 clinical, 8 non-clinical, 4 named none. Clinical and non-clinical are each 8 or more and so
    // is the rest of the unit after each; but 24 - 12 - 8 - 0 - 0 = 4 would be the four who named none.
    CHECK(byGroup["clinical"].forms.suppressed);
    CHECK(byGroup["student"].forms.suppressed);
    // Four more clinical forms: 28 - 16 - 8 = 4 still; four more naming none: 32 - 16 - 8 = 8 can be shown.
    for (int i = 0; i < 4; ++i) h.form(s, 4, "clinical");
    for (int i = 0; i < 4; ++i) h.form(s, 4, "");
    byGroup.clear();
    for (const auto& row : core::staffGroupsByPeriod(h.db(), wholeYear(), core::ReviewSettings{}))
        byGroup[row.staffGroup] = row;
    CHECK(byGroup["clinical"].forms.text() == "16");
    CHECK(byGroup["non-clinical"].forms.text() == "8");
    CHECK(byGroup["student"].forms.text() == "0");
    CHECK(byGroup["other"].forms.text() == "0");
    CHECK(byGroup["clinical"].returned.text() == "32");
    REQUIRE(byGroup["clinical"].share().has_value());
    CHECK(*byGroup["clinical"].share() == Approx(50.0));
}

namespace {

/// What a published figure is made of: a group (0 = all), a format ("" = all) and a set of months.
struct Coverage {
    std::int64_t group = 0;
    std::string format;
    std::set<std::string> months;
    /// True when every unit of `inner` is also a unit of this one.
    [[nodiscard]] bool contains(const Coverage& inner) const {
        if (group != 0 && group != inner.group) return false;
        if (!format.empty() && format != inner.format) return false;
        for (const auto& m : inner.months)
            if (!months.count(m)) return false;
        return true;
    }
};

/// One published figure about what people said; `what` names the quantity ("tag:grief", "answers:0", ...).
struct Figure {
    std::string what;
    Coverage coverage;
    std::int64_t value = 0;
};

/// The months of the range that an output period label covers ("2025-03", "2025-Q1", "2025").
std::set<std::string> monthsOf(const std::string& period) {
    std::set<std::string> out;
    for (unsigned m = 1; m <= 12; ++m) {
        const std::string month = fmt::format("{}-{:02}", period.substr(0, 4), m);
        const std::string quarter = fmt::format("{}-Q{}", period.substr(0, 4), (m + 2) / 3);
        if (period == month || period == quarter || period == period.substr(0, 4)) out.insert(month);
    }
    return out;
}

/// Every figure about what people said in one view, and checks of each complement against activity.
void collect(core::Database& db, const core::ReviewFilter& view, std::vector<Figure>& figures, int& complements) {
    const core::ReviewSettings settings;
    const Coverage base{view.groupId.value_or(0), view.format.value_or(""), {}};
    const auto sessions = core::sessionsOverTime(db, view, settings);
    std::map<std::string, std::int64_t> received;
    std::int64_t receivedAll = 0;
    for (const auto& row : sessions.rows) received[row.period] = row.contributions.value;
    receivedAll = sessions.total.contributions.value;
    const auto table = core::themesByTag(db, book(), view, settings);
    std::set<std::string> allMonths;
    for (const auto& p : table.periods)
        for (const auto& m : monthsOf(p)) allMonths.insert(m);
    for (const auto& row : table.rows)
        for (std::size_t p = 0; p <= table.periods.size(); ++p) {
            const bool total = p == table.periods.size();
            const Cell& cell = total ? row.total : row.perPeriod[p];
            if (cell.suppressed) continue;
            Coverage c = base;
            c.months = total ? allMonths : monthsOf(table.periods[p]);
            figures.push_back({"tag:" + row.tag, c, cell.value});
            // The tag's complement in the same view and period: contributions received minus the tag.
            const std::int64_t whole = total ? receivedAll : received[table.periods[p]];
            INFO("contributions " << whole << " minus tag " << row.tag << " " << cell.value);
            CHECK_FALSE(small(whole - cell.value));
            ++complements;
        }
    for (const auto& row : core::evaluationsByStatement(db, view, settings)) {
        Coverage c = base;
        c.months = monthsOf(row.period);
        if (!row.answers.suppressed) {
            figures.push_back({"answers", c, row.answers.value});
            INFO("forms " << row.forms.value << " minus answers " << row.answers.value);
            CHECK_FALSE(small(row.forms.value - row.answers.value));
            ++complements;
        }
        if (!row.agree.suppressed) {
            figures.push_back({"agree", c, row.agree.value});
            figures.push_back({"not-agree", c, row.answers.value - row.agree.value});
        }
        for (std::size_t v = 0; v < row.distribution.size(); ++v)
            if (!row.distribution[v].suppressed)
                figures.push_back({fmt::format("answered-{}", v + 1), c, row.distribution[v].value});
    }
    // Staff groups: each published group is a figure, and so is what the forms returned in the same period leave
    // once every published group is taken away (those who named none, and the hidden groups). Forms returned are
    // read from the sessions panel by the ratings' own periods, not from the staff-group rows.
    core::ReviewFilter byRatings = view;
    byRatings.period = core::ratingsPeriod(view.period);
    std::map<std::string, std::int64_t> returned;
    for (const auto& row : core::sessionsOverTime(db, byRatings, settings).rows)
        returned[row.period] = row.evaluations.value;
    std::map<std::string, std::int64_t> rest = returned;
    std::set<std::string> subtracted;  // periods where at least one group is published
    for (const auto& row : core::staffGroupsByPeriod(db, view, settings)) {
        CHECK(row.returned.value == returned[row.period]);
        if (row.forms.suppressed) continue;
        Coverage c = base;
        c.months = monthsOf(row.period);
        figures.push_back({"staff:" + row.staffGroup, c, row.forms.value});
        INFO("forms " << returned[row.period] << " minus staff group " << row.staffGroup << " " << row.forms.value);
        CHECK_FALSE(small(returned[row.period] - row.forms.value));
        ++complements;
        rest[row.period] -= row.forms.value;
        subtracted.insert(row.period);
    }
    // Where no group is published the "rest" is the forms returned themselves: activity, not a difference.
    for (const auto& [period, left] : rest) {
        if (!subtracted.count(period)) continue;
        INFO("forms in " << period << " minus every published staff group: " << left);
        CHECK_FALSE(small(left));
        Coverage c = base;
        c.months = monthsOf(period);
        figures.push_back({"staff-rest", c, left});
        ++complements;
    }
}

}  // namespace

TEST_CASE("no view, and no difference of two nested views, reveals a count of 1 to 7",
          "[review][differencing][property]") {
    // A random year: three groups, one of them meeting in two formats, and open sessions with no group; themes
    // with one or two tags, loose and hidden cards, forms with skipped answers and staff groups. Every view a
    // lead can ask for (month, quarter, year; all or each group; all or each format; the whole year or a custom
    // range) is read; each figure about what people said must be 0 or above 7, each complement against activity
    // too, and so must the difference of any two figures of the same quantity where one covers the other.
    for (const std::uint64_t seed : {0x9E3779B97F4A7C15ULL, 0x2545F4914F6CDD1DULL}) {
        History h;
        std::uint64_t state = seed;
        const auto next = [&](std::uint64_t n) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return static_cast<int>(state % n);
        };
        const std::vector<std::string> tags = {"grief-and-loss", "fear", "teamwork", "exhaustion-and-workload"};
        const std::vector<std::string> staff = {"", "clinical", "non-clinical", "student", "other"};
        for (int i = 0; i < 70; ++i) {
            const int g = next(4);  // 0: an open session without a group
            const std::string format = g == 3                   ? "peer"
                                       : g == 1 && next(3) == 0 ? "peer"
                                       : g == 0                 ? "round"
                                                                : "team-time";
            const auto at = noonOn(2025, static_cast<unsigned>(1 + next(12)), static_cast<unsigned>(1 + next(27)));
            const int people = 2 + next(20);
            const auto s = h.session(g == 0 ? std::nullopt : std::optional<std::int64_t>(g), format, at, people);
            for (const auto& tag : tags) {
                if (next(3) == 0) continue;
                std::vector<std::string> on = {tag};
                if (next(4) == 0) on.push_back(tags[static_cast<std::size_t>(next(4))]);
                if (on.size() == 2 && on[0] == on[1]) on.pop_back();
                h.theme(s, on, next(3) == 0 ? 1 + next(6) : next(14), "rota " + tag, next(5) == 0 ? 1 : 0);
            }
            if (next(3) == 0) h.theme(s, {}, 1 + next(4), "loose card");
            const int forms = next(static_cast<std::uint64_t>(people) + 1);
            for (int f = 0; f < forms; ++f)
                h.form(s, next(6) == 0 ? std::nullopt : std::optional<int>(1 + next(5)),
                       staff[static_cast<std::size_t>(next(5))]);
        }
        std::vector<core::ReviewFilter> views;
        for (const auto kind : {core::PeriodKind::Month, core::PeriodKind::Quarter, core::PeriodKind::Year})
            for (const std::int64_t group : {0, 1, 2, 3})
                for (const std::string format : {"", "team-time", "peer", "round"})
                    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                             {"2025-01-01", "2025-12-31"}, {"2025-02-10", "2025-07-20"}}) {
                        core::ReviewFilter v;
                        v.period = kind;
                        v.from = from;
                        v.to = to;
                        if (group != 0) v.groupId = group;
                        if (!format.empty()) v.format = format;
                        views.push_back(v);
                    }
        std::vector<Figure> figures;
        int complements = 0;
        for (const auto& view : views) collect(h.db(), view, figures, complements);
        for (const auto& f : figures) {
            INFO(f.what << " = " << f.value);
            CHECK_FALSE(small(f.value));
        }
        std::map<std::string, std::vector<const Figure*>> byWhat;
        for (const auto& f : figures) byWhat[f.what].push_back(&f);
        long pairs = 0;
        for (const auto& [what, list] : byWhat)
            for (const Figure* outer : list)
                for (const Figure* inner : list) {
                    if (outer == inner || !outer->coverage.contains(inner->coverage)) continue;
                    ++pairs;
                    if (small(outer->value - inner->value)) {
                        FAIL_CHECK(what << ": " << outer->value << " (group " << outer->coverage.group << ", format '"
                                        << outer->coverage.format << "') minus " << inner->value << " (group "
                                        << inner->coverage.group << ", format '" << inner->coverage.format << "')");
                    }
                }
        // The history must be rich enough for the test to mean something.
        CHECK(figures.size() > 300);
        CHECK(pairs > 500);
        CHECK(complements > 100);
        // Search: contributions come only from sessions with 8 people and 3 visible cards, by month.
        for (const auto& view : views) {
            for (const auto& hit : core::search(h.db(), "rota", view, core::ReviewSettings{}, 500)) {
                CHECK(hit.month.size() == 7);
                if (hit.kind != "contribution") continue;
                const auto ok = h.db().queryInt(
                    "SELECT COUNT(*) FROM sessions s WHERE s.attendance >= 8 AND (SELECT COUNT(*) FROM contributions c "
                    "WHERE c.session_id = s.id AND c.hidden = 0 AND c.purged = 0) >= 3 AND strftime('%Y-%m', "
                    "s.started_at / 1000, 'unixepoch') = '" +
                    hit.month + "'");
                CHECK(ok > 0);
            }
        }
    }
}
