// End to end against a real, throwaway PostgreSQL 15: kiosks publish, reflect-trust imports, reports and refuses.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/publish/unit_queries.hpp"
#include "support/temp_dir.hpp"
#include "trust/pg.hpp"
#include "trust/pg_server.hpp"
#include "trust/trust_fixtures.hpp"

using namespace reflect;

namespace {

struct Run {
    int code = 0;
    std::string output;  ///< standard output and standard error together
};

Run trustCommand(std::vector<std::string> args) {
    args.insert(args.begin(), REFLECT_TRUST_BIN);
    test::ChildProcess child(args, {}, true);
    Run run;
    run.code = child.wait(120'000);
    run.output = child.transcript();
    return run;
}

/// Everything the trust holds, as one text: what "changes nothing" is checked against.
std::string snapshot(trust::PgConnection& conn) {
    auto rows = conn.exec(
        "SELECT (SELECT string_agg(name || ':' || revision, ',' ORDER BY name) FROM kiosks) || '/' || "
        "(SELECT COUNT(*) FROM imports) || '/' || "
        "(SELECT COALESCE(md5(string_agg(u::text, ',' ORDER BY kiosk_id, unit_key)), '') FROM units u) || '/' || "
        "(SELECT COALESCE(md5(string_agg(t::text, ',' ORDER BY kiosk_id, unit_key, tag)), '') FROM unit_tags t) || '/' "
        "|| "
        "(SELECT COALESCE(md5(string_agg(a::text, ',' ORDER BY kiosk_id, unit_key, statement_index)), '') "
        "FROM unit_answers a)");
    REQUIRE(rows);
    return rows->text(0, 0);
}

/// A trust database with two registered kiosks that have each published once.
struct TrustWorld {
    test::TempDir dir;
    test::PgServer server;
    test::TestKiosk north{dir / "north", 120, 31};
    test::TestKiosk south{dir / "south", 90, 32};
    std::filesystem::path outbox = dir / "outbox";
    std::string northBundle, southBundle;

    TrustWorld() {
        std::filesystem::create_directories(outbox);
        REQUIRE(trustCommand({"init", "--db", server.url()}).code == 0);
        REQUIRE(trustCommand({"register-kiosk", "--db", server.url(), "--name", "North", "--key", north.publicKey()})
                    .code == 0);
        REQUIRE(trustCommand({"register-kiosk", "--db", server.url(), "--name", "South", "--key", south.publicKey()})
                    .code == 0);
        REQUIRE(north.publish(outbox, northBundle) == 0);
        REQUIRE(south.publish(outbox, southBundle) == 0);
    }
    trust::PgConnection connect() { return trust::PgConnection::connect(server.url()).value(); }
    nlohmann::json exportJson() {
        const Run run = trustCommand({"export", "--db", server.url(), "--format", "json", "--period", "year"});
        REQUIRE(run.code == 0);
        return nlohmann::json::parse(run.output);
    }
};

}  // namespace

TEST_CASE("the trust's figures are the sums of both kiosks' units, suppressed after combining", "[trust][e2e]") {
    TrustWorld world;
    const Run imported = trustCommand({"import", "--db", world.server.url(), world.northBundle, world.southBundle});
    INFO(imported.output);
    REQUIRE(imported.code == 0);
    CHECK(imported.output.find("imported site North revision 1") != std::string::npos);

    std::map<std::string, std::vector<core::UnitFigures>> units{{"North", core::readUnits(*world.north.db, {})},
                                                                {"South", core::readUnits(*world.south.db, {})}};
    const auto exported = world.exportJson();
    CHECK(exported["sites"] == 2);
    int checked = 0;
    for (const auto& row : exported["rows"]) {
        if (row["period"] != "Total") continue;
        const std::string site = row["site"];
        std::int64_t sessions = 0, attendance = 0, contributions = 0;
        bool anySmall = false;
        for (const auto& [name, list] : units) {
            if (site != "trust" && site != name) continue;
            for (const auto& u : list) {
                sessions += u.sessions;
                attendance += u.attendance;
                contributions += u.contributions;
                anySmall = anySmall || (u.contributions >= 1 && u.contributions <= 7);
            }
        }
        CHECK(row["sessions"] == sessions);
        CHECK(row["attendance"] == attendance);
        if (anySmall)
            CHECK(row["contributions"].is_null());
        else
            CHECK(row["contributions"] == contributions);
        ++checked;
    }
    CHECK(checked == 3);

    const auto html = world.dir / "trust.html";
    const Run report = trustCommand({"report", "--db", world.server.url(), "--html", html.string()});
    REQUIRE(report.code == 0);
    const std::string page = test::readText(html);
    CHECK(page.find("Whole trust") != std::string::npos);
    CHECK(page.find("North") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    // Sessions per tag are the sums over both kiosks' units (not suppressed: a session is not a person).
    std::map<std::string, std::int64_t> tagSessions;
    for (const auto& [name, list] : units)
        for (const auto& u : list)
            for (const auto& [tag, n] : u.tags) tagSessions[tag] += n;
    REQUIRE_FALSE(tagSessions.empty());
    for (const auto& [tag, n] : tagSessions)
        CHECK(page.find(fmt::format("<tr><td>{}</td><td>{}</td></tr>", tag, n)) != std::string::npos);
    CHECK(page.find(" + ") != std::string::npos);  // the tag pairs table has rows

    const Run one = trustCommand({"export", "--db", world.server.url(), "--format", "csv", "--site", "South"});
    REQUIRE(one.code == 0);
    CHECK(one.output.find("North") == std::string::npos);
    CHECK(one.output.find("\"South\"") != std::string::npos);
}

TEST_CASE("a tampered byte, an unknown key and a replayed older bundle are each refused and change nothing",
          "[trust][e2e]") {
    TrustWorld world;
    REQUIRE(trustCommand({"import", "--db", world.server.url(), world.northBundle}).code == 0);
    auto conn = world.connect();
    const std::string before = snapshot(conn);

    SECTION("tampered") {
        std::string text = test::readText(world.southBundle);
        const auto at = text.find("\"sessions\":") + 11;
        text[at] = text[at] == '9' ? '8' : '9';
        const auto tampered = world.dir / "tampered.bundle";
        test::writeText(tampered, text);
        const Run run = trustCommand({"import", "--db", world.server.url(), tampered.string()});
        CHECK(run.code == 1);
        CHECK(run.output.find("signature does not match") != std::string::npos);
        CHECK(std::count(run.output.begin(), run.output.end(), '\n') == 1);
    }
    SECTION("unknown key") {
        test::TestKiosk stranger(world.dir / "stranger", 20, 33);
        std::string bundle;
        REQUIRE(stranger.publish(world.outbox, bundle) == 0);
        const Run run = trustCommand({"import", "--db", world.server.url(), bundle});
        CHECK(run.code == 1);
        CHECK(run.output.find("unknown kiosk key") != std::string::npos);
        CHECK(std::count(run.output.begin(), run.output.end(), '\n') == 1);
    }
    SECTION("replayed older bundle, and the same bundle twice") {
        world.north.addSessions(8, (1ULL << 40) + 77, 1'796'083'200'000);
        std::string second;
        REQUIRE(world.north.publish(world.outbox, second) == 0);
        REQUIRE(trustCommand({"import", "--db", world.server.url(), second}).code == 0);
        const std::string after = snapshot(conn);
        CHECK(after != before);
        const Run replay = trustCommand({"import", "--db", world.server.url(), world.northBundle});
        CHECK(replay.code == 1);
        CHECK(replay.output.find("older than revision 2") != std::string::npos);
        CHECK(std::count(replay.output.begin(), replay.output.end(), '\n') == 1);
        const Run twice = trustCommand({"import", "--db", world.server.url(), second});
        CHECK(twice.code == 0);
        CHECK(twice.output.find("already imported") != std::string::npos);
        CHECK(snapshot(conn) == after);
        return;
    }
    CHECK(snapshot(conn) == before);
}

TEST_CASE("an import killed with SIGKILL half-way leaves the trust database as it was", "[trust][e2e][crash]") {
    TrustWorld world;
    auto conn = world.connect();
    const std::string before = snapshot(conn);
    // The import writes every unit first and records itself in imports last; holding that table makes it stop
    // there, with all its units written but not committed, until it is killed.
    auto blocker = world.connect();
    REQUIRE(blocker.exec("BEGIN"));
    REQUIRE(blocker.exec("LOCK TABLE imports IN ACCESS EXCLUSIVE MODE"));
    test::ChildProcess child({REFLECT_TRUST_BIN, "import", "--db", world.server.url(), world.northBundle}, {}, true);
    bool waiting = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!waiting && std::chrono::steady_clock::now() < deadline) {
        auto rows = conn.exec(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND query LIKE 'INSERT INTO imports%'");
        REQUIRE(rows);
        waiting = rows->integer(0, 0) > 0;
    }
    REQUIRE(waiting);
    auto written = conn.exec("SELECT COUNT(*) FROM units");  // the killed import's units are not visible
    REQUIRE(written);
    CHECK(written->integer(0, 0) == 0);
    child.killHard();
    REQUIRE(blocker.exec("ROLLBACK"));
    CHECK(snapshot(conn) == before);
    // The trust takes the same bundle afterwards as if nothing had happened.
    const Run retry = trustCommand({"import", "--db", world.server.url(), world.northBundle});
    INFO(retry.output);
    CHECK(retry.code == 0);
    CHECK(snapshot(conn) != before);
}

TEST_CASE("reflect-trust answers bad usage with 2 and an unreachable database with 1 and one line", "[trust][e2e]") {
    CHECK(trustCommand({"import"}).code == 2);
    CHECK(trustCommand({"export", "--db", "x", "--format", "xml"}).code == 2);
    test::TempDir dir;
    const Run run = trustCommand({"init", "--db", "host=" + dir.path().string() + " dbname=none connect_timeout=2"});
    CHECK(run.code == 1);
    CHECK(run.output.rfind("reflect-trust: cannot connect to the database", 0) == 0);
    CHECK(std::count(run.output.begin(), run.output.end(), '\n') == 1);
}
