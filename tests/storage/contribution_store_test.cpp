// Anonymous contributions in storage: the schema holds no time, author or order, keys are random, reads shuffle.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "core/contribute/contribution_store.hpp"
#include "core/session/session_service.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

namespace {
std::int64_t startedSession(core::Database& db, core::ManualClock& clock) {
    core::SessionService service(db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    return service.activeId();
}
}  // namespace

TEST_CASE("a contribution row has no time, author, device or sequence column", "[storage][anonymity]") {
    auto db = test::memoryDatabase();
    std::set<std::string> columns;
    auto stmt = db->prepare("SELECT name FROM pragma_table_info('contributions')");
    while (stmt.step()) columns.insert(stmt.columnText(0));
    CHECK(columns == std::set<std::string>{"id", "session_id", "stage_index", "text", "hidden", "purged"});
    for (const char* table : {"contributions", "evaluations"}) {
        const std::string sql =
            db->queryText(std::string("SELECT sql FROM sqlite_schema WHERE name = '") + table + "'");
        for (const char* forbidden : {"AUTOINCREMENT", "_at", "time", "author", "device", "seq", "order"}) {
            INFO(table << " must not contain " << forbidden);
            CHECK(sql.find(forbidden) == std::string::npos);
        }
    }
}

TEST_CASE("keys are random, and reading a session's contributions shuffles them", "[storage][anonymity]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    const auto session = startedSession(*db, clock);
    core::ContributionStore store(*db);
    for (int i = 0; i < 40; ++i) REQUIRE(store.add(session, 3, "entry " + std::to_string(i), false));
    CHECK(store.count(session) == 40);

    std::vector<std::int64_t> keys;
    auto stmt = db->prepare("SELECT id FROM contributions");
    while (stmt.step()) keys.push_back(stmt.columnInt(0));
    // Sequential keys would differ by one; random 63-bit keys are spread over the whole range.
    std::sort(keys.begin(), keys.end());
    CHECK(keys.back() - keys.front() > (std::int64_t{1} << 50));

    const auto first = store.shuffled(session);
    const auto second = store.shuffled(session);
    REQUIRE(first.size() == 40);
    std::vector<std::string> a, b;
    for (const auto& c : first) a.push_back(c.text);
    for (const auto& c : second) b.push_back(c.text);
    CHECK(a != b);  // two shuffles of 40 agree with probability 1/40!
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a == b);
}

TEST_CASE("a risk contribution raises the session's count, never a flag on the entry", "[storage][anonymity]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    const auto session = startedSession(*db, clock);
    core::ContributionStore store(*db);
    REQUIRE(store.add(session, 3, "a hard week", false));
    REQUIRE(store.add(session, 3, "I can't go on like this", true));
    CHECK(store.safeguardingAlerts(session) == 1);
    CHECK(store.state(session) == core::ContributionState::Closed);
    REQUIRE(store.setState(session, core::ContributionState::Open));
    CHECK(store.state(session) == core::ContributionState::Open);
}

TEST_CASE("a failed write reports it and stores nothing", "[storage]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    const auto session = startedSession(*db, clock);
    core::ContributionStore store(*db);
    db->exec("PRAGMA query_only = ON");
    CHECK_FALSE(store.add(session, 3, "not saved", false));
    db->exec("PRAGMA query_only = OFF");
    CHECK(store.count(session) == 0);
}
