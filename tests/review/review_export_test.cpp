// Lead review: exports, the HTML report, purge, the audit log, the demo-data generator, the CLI and tallies.
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

namespace {

std::string toCsvHead(const std::string& csv) {
    return csv.substr(0, csv.find("\r\n"));
}

/// A small XML well-formedness check: every tag closes in order, attributes are quoted, '&' starts an entity.
bool wellFormed(const std::string& doc, std::string& problem) {
    std::vector<std::string> stack;
    std::size_t i = 0;
    while (i < doc.size()) {
        if (doc[i] == '&') {
            const auto semi = doc.find(';', i);
            if (semi == std::string::npos || semi - i > 8) {
                problem = "bare & at " + std::to_string(i);
                return false;
            }
            i = semi + 1;
            continue;
        }
        if (doc[i] != '<') {
            ++i;
            continue;
        }
        const auto close = doc.find('>', i);
        if (close == std::string::npos) {
            problem = "unclosed <";
            return false;
        }
        std::string tag = doc.substr(i + 1, close - i - 1);
        i = close + 1;
        if (tag.rfind("!DOCTYPE", 0) == 0) continue;
        if (tag.empty()) {
            problem = "empty tag";
            return false;
        }
        bool inQuote = false;
        for (const char ch : tag) {
            if (ch == '"') inQuote = !inQuote;
            if (!inQuote && (ch == '<' || ch == '&')) {
                problem = "bad tag " + tag;
                return false;
            }
        }
        if (inQuote) {
            problem = "unbalanced quote in " + tag;
            return false;
        }
        if (tag.back() == '/') continue;
        if (tag[0] == '/') {
            const std::string name = tag.substr(1);
            if (stack.empty() || stack.back() != name) {
                problem = "mismatched </" + name + ">";
                return false;
            }
            stack.pop_back();
            continue;
        }
        const auto space = tag.find_first_of(" \n");
        const std::string name = tag.substr(0, space);
        // Inside <style>, the CSS holds no '<', so it is skipped as text.
        stack.push_back(name);
    }
    if (!stack.empty()) {
        problem = "unclosed <" + stack.back() + ">";
        return false;
    }
    return true;
}

}  // namespace

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
    CHECK(core::toCsv(table, true)
              .rfind("\xEF\xBB\xBF"
                     "a,",
                     0) == 0);
}

TEST_CASE("exports carry suppression and give text only when asked", "[review][export]") {
    Fixture fx;
    const auto big = fx.session(1, noon(2026, 6, 1));
    fx.theme(big, "pride", 12, "proud of us");
    const auto small = fx.session(2, noon(2026, 6, 20), 5);
    fx.theme(small, "fear", 2, "afraid");
    fx.theme(small, "teamwork", 9, "together");
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
    CHECK(csv.find("Theme fear") == std::string::npos);  // only 5 people were in that session

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
                                "Staff groups on the evaluation forms", "Actions", "Timing"})
        CHECK(html.find(heading) != std::string::npos);
    std::string problem;
    CHECK(wellFormed(html, problem));
    INFO(problem);
}

TEST_CASE("the staff-groups export gives each group as forms, forms returned and a share, with * where hidden",
          "[review][export][staff]") {
    Fixture fx;
    // Ward A, June: 32 forms, 16 clinical, 8 non-clinical, 8 naming none. Ward B, June: 20 forms, 10 clinical,
    // 9 non-clinical and 1 student.
    const auto a = fx.session(1, noon(2026, 6, 1), 40);
    fx.evaluations(a, std::vector<int>(32, 4));
    fx.db().exec(
        fmt::format("INSERT INTO evaluation_staff_groups(session_id, staff_group, n) VALUES "
                    "({0}, 'clinical', 16), ({0}, 'non-clinical', 8)",
                    a));
    const auto b = fx.session(2, noon(2026, 6, 2), 12);
    fx.evaluations(b, std::vector<int>(20, 4));
    fx.db().exec(
        fmt::format("INSERT INTO evaluation_staff_groups(session_id, staff_group, n) VALUES "
                    "({0}, 'student', 1), ({0}, 'clinical', 10), ({0}, 'non-clinical', 9)",
                    b));
    core::ExportRequest request{"staff-groups", {}, false, "2026-11-01"};
    request.filter.groupId = 1;
    const core::ReviewSettings settings;
    auto table = core::buildExport(fx.db(), codebook(), request, settings);
    REQUIRE(table);
    CHECK(table->columns ==
          std::vector<std::string>{"period", "staff_group", "forms", "forms_returned", "percent_of_forms"});
    auto json = nlohmann::json::parse(core::toJson(*table, request, settings));
    REQUIRE(json["rows"].size() == 4);
    std::map<std::string, nlohmann::json> byGroup;
    for (const auto& row : json["rows"]) byGroup[row["staff_group"].get<std::string>()] = row;
    CHECK(byGroup["clinical"]["period"] == "2026-Q2");
    CHECK(byGroup["clinical"]["forms"] == 16);
    CHECK(byGroup["clinical"]["forms_returned"] == 32);
    CHECK(byGroup["clinical"]["percent_of_forms"] == 50.0);
    CHECK(byGroup["non-clinical"]["percent_of_forms"] == 25.0);
    CHECK(byGroup["student"]["forms"] == 0);
    CHECK(toCsvHead(core::toCsv(*table, false)) == "period,staff_group,forms,forms_returned,percent_of_forms");
    // Both wards: Ward B's one student hides the student and, through 20 - 10 - 9 - 0 = 1, every group of its
    // unit; so every figure for both wards is '*', its share too, while the forms returned stay activity.
    request.filter.groupId.reset();
    table = core::buildExport(fx.db(), codebook(), request, settings);
    REQUIRE(table);
    json = nlohmann::json::parse(core::toJson(*table, request, settings));
    REQUIRE(json["rows"].size() == 4);
    for (const auto& row : json["rows"]) {
        CHECK(row["forms"] == "*");
        CHECK(row["percent_of_forms"] == "*");
        CHECK(row["forms_returned"] == 52);
    }
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
               db.queryText("SELECT group_concat(name, '|') FROM (SELECT name FROM themes ORDER BY id LIMIT 50)") +
               "/" + db.queryText("SELECT SUM(answer) FROM evaluation_answers");
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
        CHECK(firstLine ==
              "\xEF\xBB\xBF"
              "date,group,format,template,attendance,themes,"
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
                   "SELECT group_concat(x, ',') FROM (SELECT e.session_id || ':' || ea.statement_index || ':' || "
                   "ea.answer "
                   "|| '=' || COUNT(*) AS x FROM evaluation_answers ea JOIN evaluations e ON e.id = ea.evaluation_id "
                   "GROUP BY e.session_id, ea.statement_index, ea.answer ORDER BY 1)") ==
               db.queryText(
                   "SELECT group_concat(x, ',') FROM (SELECT session_id || ':' || statement_index || ':' || v || '=' "
                   "|| n AS x "
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
    CHECK(db->queryInt("SELECT COUNT(*) FROM evaluation_tally WHERE n1 < 0 OR n2 < 0 OR n3 < 0 OR n4 < 0 OR n5 < 0") ==
          0);
}
