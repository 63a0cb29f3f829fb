// The kiosk side of the trust-wide review: what a bundle carries, its signature, its key, and what changes.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/publish/bundle.hpp"
#include "core/publish/outbox.hpp"
#include "core/publish/unit_queries.hpp"
#include "support/temp_dir.hpp"
#include "trust/trust_fixtures.hpp"

using namespace reflect;

namespace {

core::Bundle bundleFrom(const std::string& text) {
    auto split = core::splitBundle(text);
    REQUIRE(split);
    REQUIRE(core::signatureMatches(split->kiosk, split->signature, split->payload));
    auto bundle = core::readPayload(*split);
    REQUIRE(bundle);
    return std::move(*bundle);
}

}  // namespace

TEST_CASE("a published bundle is signed by the kiosk's key and any changed byte breaks the signature",
          "[trust][publish]") {
    test::TempDir dir;
    test::TestKiosk kiosk(dir / "kiosk", 60, 11);
    std::string path;
    REQUIRE(kiosk.publish(dir.path(), path) == 0);
    const std::string text = test::readText(path);
    const core::Bundle bundle = bundleFrom(text);
    CHECK(bundle.kiosk == kiosk.publicKey());
    CHECK(bundle.revision == 1);
    CHECK(bundle.since == 0);
    CHECK_FALSE(bundle.units.empty());
    auto split = core::splitBundle(text).value();
    for (std::size_t at = 0; at < split.payload.size(); at += 97) {
        std::string changed = split.payload;
        changed[at] = static_cast<char>(changed[at] ^ 0x01);
        CHECK_FALSE(core::signatureMatches(split.kiosk, split.signature, changed));
    }
    // Another kiosk's key does not verify it either.
    CHECK_FALSE(core::signatureMatches(core::SigningKey().publicHex(), split.signature, split.payload));
}

TEST_CASE("the signing key is made once, kept private, and refused when others can read it", "[trust][publish]") {
    test::TempDir dir;
    test::TestKiosk kiosk(dir / "kiosk", 5, 1);
    const std::string key = kiosk.publicKey();
    CHECK(core::isPublicKeyHex(key));
    CHECK(kiosk.publicKey() == key);
    const auto file = cli::publishKeyFile(kiosk.folder);
    using std::filesystem::perms;
    const perms mode = std::filesystem::status(file).permissions();
    CHECK((mode & perms::owner_read) == perms::owner_read);
    CHECK((mode & (perms::group_all | perms::others_all)) == perms::none);
    std::filesystem::permissions(file, std::filesystem::perms::others_read, std::filesystem::perm_options::add);
    std::string output;
    CHECK(kiosk.publish(dir.path(), output) == 1);
    CHECK(output.find("chmod 600") != std::string::npos);
}

TEST_CASE("a bundle carries counts only: no contribution, comment or theme text unless the admin allows themes",
          "[trust][publish]") {
    test::TempDir dir;
    test::TestKiosk kiosk(dir / "kiosk", 150, 5);
    kiosk.db->exec(
        "UPDATE evaluations SET comment = 'a comment only the lead may read' WHERE id IN "
        "(SELECT id FROM evaluations LIMIT 20)");
    std::vector<std::string> secrets;
    for (auto st = kiosk.db->prepare("SELECT DISTINCT text FROM contributions WHERE length(text) >= 12 UNION "
                                     "SELECT DISTINCT comment FROM evaluations WHERE length(comment) >= 12");
         st.step();)
        secrets.push_back(st.columnText(0));
    REQUIRE(secrets.size() > 20);
    std::string path;
    REQUIRE(kiosk.publish(dir.path(), path) == 0);
    const std::string text = test::readText(path);
    for (const auto& secret : secrets) CHECK(text.find(secret) == std::string::npos);
    for (const auto& unit : bundleFrom(text).units) CHECK(unit.themes.empty());

    // With theme names allowed, they come only from sessions with at least 3 contributions.
    kiosk.db->exec(
        "UPDATE themes SET name = 'Rare theme from a tiny session' WHERE session_id IN "
        "(SELECT id FROM sessions WHERE contribution_count < 3)");
    test::TempDir second;
    REQUIRE(kiosk.publish(second.path(), path, true, true) == 0);
    const core::Bundle withThemes = bundleFrom(test::readText(path));
    std::size_t names = 0;
    for (const auto& unit : withThemes.units) {
        names += unit.themes.size();
        for (const auto& name : unit.themes) CHECK(name != "Rare theme from a tiny session");
        CHECK(std::is_sorted(unit.themes.begin(), unit.themes.end()));
    }
    CHECK(names > 0);
}

TEST_CASE("publish sends only the units that changed, and nothing when nothing did", "[trust][publish]") {
    test::TempDir dir;
    test::TestKiosk kiosk(dir / "kiosk", 80, 9);
    const auto all = core::readUnits(*kiosk.db, {});
    std::string path;
    REQUIRE(kiosk.publish(dir.path(), path) == 0);
    CHECK(bundleFrom(test::readText(path)).units.size() == all.size());
    std::string again;
    REQUIRE(kiosk.publish(dir.path(), again) == 0);
    CHECK(again.find("Nothing changed since revision 1") != std::string::npos);

    // A few more sessions: only units that are new or differ travel, as revision 2 following 1.
    std::map<std::string, core::UnitFigures> before;
    for (const auto& unit : all) before[unit.key] = unit;
    kiosk.addSessions(6, (1ULL << 40) + 99, 1'796'083'200'000);  // 2026-12-01
    REQUIRE(kiosk.publish(dir.path(), path) == 0);
    const core::Bundle next = bundleFrom(test::readText(path));
    CHECK(next.revision == 2);
    CHECK(next.since == 1);
    REQUIRE_FALSE(next.units.empty());
    CHECK(next.units.size() < all.size());
    std::set<std::string> sent;
    for (const auto& unit : next.units) {
        sent.insert(unit.key);
        CHECK((before.count(unit.key) == 0 || !(before[unit.key] == unit)));
    }
    for (const auto& unit : core::readUnits(*kiosk.db, {}))
        if (!sent.count(unit.key)) CHECK(before[unit.key] == unit);
}

TEST_CASE("a failed delivery leaves the outbox as it was, so the next publish sends the same units",
          "[trust][publish]") {
    test::TempDir dir;
    test::TestKiosk kiosk(dir / "kiosk", 40, 4);
    const std::string key = kiosk.publicKey();
    auto failed = core::publishChanges(*kiosk.db, key, {}, [](const core::Bundle&) -> core::Result<void> {
        return core::fail("the USB stick was pulled out");
    });
    REQUIRE_FALSE(failed);
    CHECK(core::lastPublishedRevision(*kiosk.db) == 0);
    std::size_t sent = 0;
    auto done = core::publishChanges(*kiosk.db, key, {}, [&](const core::Bundle& b) -> core::Result<void> {
        sent = b.units.size();
        CHECK(b.revision == 1);
        return core::ok();
    });
    REQUIRE(done);
    CHECK(sent == core::readUnits(*kiosk.db, {}).size());
}

TEST_CASE("theme names are off unless config.toml turns publish_theme_names on, and a wrong value says so",
          "[trust][publish][config]") {
    CHECK_FALSE(core::parseConfig("", "config.toml").config.publishThemeNames);
    CHECK(core::parseConfig("publish_theme_names = true\n", "config.toml").config.publishThemeNames);
    const auto wrong = core::parseConfig("organisation_name = \"X\"\npublish_theme_names = \"yes\"\n", "config.toml");
    CHECK_FALSE(wrong.config.publishThemeNames);
    REQUIRE(wrong.issues.size() == 1);
    CHECK(wrong.issues[0].toString() == "config.toml:2: publish_theme_names: must be true or false, not text");
}
