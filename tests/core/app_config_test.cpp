// config.toml: defaults, each bad field reported once with file, line and field while the rest still applies.
#include <catch2/catch.hpp>

#include <set>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/config/app_config.hpp"
#include "core/config/settings_audit.hpp"
#include "core/review/audit_log.hpp"
#include "support/fixtures.hpp"

using reflect::core::AppConfig;
using reflect::core::ConfigIssue;
using reflect::core::ConfigLoad;
using reflect::core::loadConfig;
using reflect::core::parseConfig;
using reflect::core::Signpost;
using reflect::core::ThemeChoice;

namespace {

// One setting per line at a known line number, so a test can break exactly one of them.
const std::vector<std::string> kValidLines = {
    "# A kiosk in a staff room",                // 1
    "organisation_name = \"Riverside Trust\"",  // 2
    "reveal_minimum = 5",                       // 3
    "suppression_threshold = 10",               // 4
    "retention_days = 365",                     // 5
    "templates_dir = \"/srv/templates\"",       // 6
    "backup_dir = \"/media/reflect-backup\"",   // 7
    "backup_keep = 30",                         // 8
    "scale = 1.5",                              // 9
    "theme = \"high-contrast\"",                // 10
    "",                                         // 11
    "[idle]",                                   // 12
    "draft_seconds = 120",                      // 13
    "lock_seconds = 300",                       // 14
    "",                                         // 15
    "[[signpost]]",                             // 16
    "name = \"Staff wellbeing hub\"",           // 17
    "detail = \"Drop in, Monday to Friday.\"",  // 18
    "contact = \"Ext 4321\"",                   // 19
};

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

std::string withLine(int lineNumber, const std::string& replacement) {
    auto lines = kValidLines;
    lines.at(static_cast<std::size_t>(lineNumber - 1)) = replacement;
    return joinLines(lines);
}

AppConfig validConfig() {
    AppConfig c;
    c.organisationName = "Riverside Trust";
    c.revealMinimum = 5;
    c.suppressionThreshold = 10;
    c.retentionDays = 365;
    c.templatesDir = "/srv/templates";
    c.backupDir = "/media/reflect-backup";
    c.backupKeep = 30;
    c.scale = 1.5;
    c.theme = ThemeChoice::HighContrast;
    c.draftIdleSeconds = 120;
    c.lockIdleSeconds = 300;
    c.signposts = {Signpost{"Staff wellbeing hub", "Drop in, Monday to Friday.", "Ext 4321"}};
    return c;
}

bool sameSignposts(const std::vector<Signpost>& a, const std::vector<Signpost>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].detail != b[i].detail || a[i].contact != b[i].contact) return false;
    return true;
}

/// Field by field, so a failure says which setting went wrong.
void requireSame(const AppConfig& actual, const AppConfig& expected) {
    CHECK(actual.organisationName == expected.organisationName);
    CHECK(actual.revealMinimum == expected.revealMinimum);
    CHECK(actual.suppressionThreshold == expected.suppressionThreshold);
    CHECK(actual.retentionDays == expected.retentionDays);
    CHECK(actual.templatesDir == expected.templatesDir);
    CHECK(actual.backupDir == expected.backupDir);
    CHECK(actual.backupKeep == expected.backupKeep);
    CHECK(actual.scale == expected.scale);
    CHECK(actual.theme == expected.theme);
    CHECK(actual.draftIdleSeconds == expected.draftIdleSeconds);
    CHECK(actual.lockIdleSeconds == expected.lockIdleSeconds);
    CHECK(sameSignposts(actual.signposts, expected.signposts));
}

std::string describe(const std::vector<ConfigIssue>& issues) {
    std::string out;
    for (const auto& issue : issues) out += issue.toString() + "\n";
    return out;
}

struct BadField {
    int line;
    std::string replacement;
    std::string field;
    std::string messagePart;
    void (*resetToDefault)(AppConfig&);
};

std::filesystem::path freshTempDir() {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("reflect-config-test-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path exampleConfigPath() {
    // The source tree comes from the build, not from __FILE__ (a compiler cache may make that relative).
    return std::filesystem::path(REFLECT_TEST_SOURCE_DIR) / "kiosk-setup" / "config.example.toml";
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

TEST_CASE("an empty config gives the documented defaults and no issues", "[config]") {
    const ConfigLoad load = parseConfig("", "config.toml");
    CHECK(load.issues.empty());
    const AppConfig& c = load.config;
    CHECK(c.organisationName.empty());
    CHECK(c.signposts.empty());
    CHECK(c.revealMinimum == 3);
    CHECK(c.suppressionThreshold == 7);
    CHECK(c.draftIdleSeconds == 90);
    CHECK(c.lockIdleSeconds == 180);
    CHECK(c.retentionDays == 0);
    CHECK(c.templatesDir.empty());
    CHECK(c.backupDir.empty());
    CHECK(c.backupKeep == 14);
    CHECK(c.scale == 0.0);
    CHECK(c.theme == ThemeChoice::Calm);
}

TEST_CASE("every setting in a valid config applies", "[config]") {
    const ConfigLoad load = parseConfig(joinLines(kValidLines), "config.toml");
    INFO(describe(load.issues));
    REQUIRE(load.issues.empty());
    requireSame(load.config, validConfig());
}

TEST_CASE("each bad field gives exactly one issue naming file, line and field, the rest still applies", "[config]") {
    const std::string longName(121, 'a');
    const std::string longDetail(401, 'b');
    const auto keepOrg = [](AppConfig& c) { c.organisationName.clear(); };
    const auto keepReveal = [](AppConfig& c) { c.revealMinimum = 3; };
    const auto keepSuppression = [](AppConfig& c) { c.suppressionThreshold = 7; };
    const auto keepRetention = [](AppConfig& c) { c.retentionDays = 0; };
    const auto keepTemplates = [](AppConfig& c) { c.templatesDir.clear(); };
    const auto keepBackupDir = [](AppConfig& c) { c.backupDir.clear(); };
    const auto keepBackupKeep = [](AppConfig& c) { c.backupKeep = 14; };
    const auto keepScale = [](AppConfig& c) { c.scale = 0.0; };
    const auto keepTheme = [](AppConfig& c) { c.theme = ThemeChoice::Calm; };
    const auto keepDraft = [](AppConfig& c) { c.draftIdleSeconds = 90; };
    const auto keepLock = [](AppConfig& c) { c.lockIdleSeconds = 180; };
    const auto dropSignpost = [](AppConfig& c) { c.signposts.clear(); };
    const auto nothing = [](AppConfig&) {};

    const std::vector<BadField> cases = {
        {2, "organisation_name = 42", "organisation_name", "must be text in quotes, not a whole number", keepOrg},
        {2, "organisation_name = \"Ward\\u000Aone\"", "organisation_name", "without control characters", keepOrg},
        {2, "organisation_name = \"Ward\\u0085one\"", "organisation_name", "without control characters", keepOrg},
        {2, "organisation_name = \"" + longName + "\"", "organisation_name", "at most 120 bytes", keepOrg},
        {3, "reveal_minimum = 2", "reveal_minimum", "must be a whole number from 3 to 50", keepReveal},
        {3, "reveal_minimum = 51", "reveal_minimum", "must be a whole number from 3 to 50", keepReveal},
        {3, "reveal_minimum = \"5\"", "reveal_minimum", "from 3 to 50, not text", keepReveal},
        {3, "reveal_minimum = 5.0", "reveal_minimum", "not a decimal number", keepReveal},
        {4, "suppression_threshold = 5", "suppression_threshold", "from 7 to 100", keepSuppression},
        {4, "suppression_threshold = 101", "suppression_threshold", "from 7 to 100", keepSuppression},
        {4, "suppression_threshold = true", "suppression_threshold", "not true or false", keepSuppression},
        {5, "retention_days = 10", "retention_days", "0 (keep everything) or a whole number from 30 to 3650",
         keepRetention},
        {5, "retention_days = -1", "retention_days", "from 30 to 3650", keepRetention},
        {5, "retention_days = 3651", "retention_days", "from 30 to 3650", keepRetention},
        {5, "retention_days = 2024-01-01", "retention_days", "not a date or time", keepRetention},
        {6, "templates_dir = \"templates\"", "templates_dir", "full path starting with /", keepTemplates},
        {6, "templates_dir = 5", "templates_dir", "must be text in quotes", keepTemplates},
        {7, "backup_dir = \"media/usb\"", "backup_dir", "full path starting with /", keepBackupDir},
        {7, "backup_dir = [\"/media/usb\"]", "backup_dir", "not a list", keepBackupDir},
        {8, "backup_keep = 0", "backup_keep", "from 1 to 365", keepBackupKeep},
        {8, "backup_keep = 366", "backup_keep", "from 1 to 365", keepBackupKeep},
        {9, "scale = 0.4", "scale", "must be 0 (automatic) or a number from 0.5 to 4.0", keepScale},
        {9, "scale = 4.5", "scale", "from 0.5 to 4.0", keepScale},
        {9, "scale = nan", "scale", "from 0.5 to 4.0", keepScale},
        {9, "scale = \"big\"", "scale", "not text", keepScale},
        {10, "theme = \"dark\"", "theme", "must be \"calm\" or \"high-contrast\"", keepTheme},
        {10, "theme = 1", "theme", "must be text in quotes", keepTheme},
        {13, "draft_seconds = 29", "idle.draft_seconds", "from 30 to 600", keepDraft},
        {13, "draft_seconds = 601", "idle.draft_seconds", "from 30 to 600", keepDraft},
        {14, "lock_seconds = 3601", "idle.lock_seconds", "from 30 to 3600", keepLock},
        {14, "lock_seconds = \"3m\"", "idle.lock_seconds", "not text", keepLock},
        {17, "name = \"\"", "signpost[1].name", "must not be empty", dropSignpost},
        {17, "name = 3", "signpost[1].name", "must be text in quotes", dropSignpost},
        {17, "# no name", "signpost[1].name", "is missing", dropSignpost},
        {18, "detail = \"" + longDetail + "\"", "signpost[1].detail", "at most 400 bytes", dropSignpost},
        {19, "contact = 4321", "signpost[1].contact", "must be text in quotes", dropSignpost},
        {11, "reveal_minimun = 4", "reveal_minimun", "unknown key (typing mistake?)", nothing},
        {15, "sleep_seconds = 10", "idle.sleep_seconds", "unknown key (typing mistake?)", nothing},
    };

    for (const auto& bad : cases) {
        DYNAMIC_SECTION("line " << bad.line << ": " << bad.replacement.substr(0, 60)) {
            const ConfigLoad load = parseConfig(withLine(bad.line, bad.replacement), "config.toml");
            INFO(describe(load.issues));
            REQUIRE(load.issues.size() == 1);
            const ConfigIssue& issue = load.issues.front();
            CHECK(issue.file == "config.toml");
            // A missing key has no line of its own, so the issue points at its [[signpost]] header.
            CHECK(issue.line == (bad.messagePart == "is missing" ? 16 : bad.line));
            CHECK(issue.field == bad.field);
            CHECK_THAT(issue.message, Catch::Contains(bad.messagePart));
            AppConfig expected = validConfig();
            bad.resetToDefault(expected);
            requireSame(load.config, expected);
        }
    }
}

TEST_CASE("an unknown key inside a signpost is reported but the signpost is still shown", "[config]") {
    auto lines = kValidLines;
    lines.push_back("url = \"https://example.org\"");  // line 20
    const ConfigLoad load = parseConfig(joinLines(lines), "config.toml");
    REQUIRE(load.issues.size() == 1);
    CHECK(load.issues[0].line == 20);
    CHECK(load.issues[0].field == "signpost[1].url");
    requireSame(load.config, validConfig());
}

TEST_CASE("the issue reads as file:line: field: message", "[config]") {
    const ConfigLoad load = parseConfig(withLine(3, "reveal_minimum = 2"), "config.toml");
    REQUIRE(load.issues.size() == 1);
    CHECK(load.issues[0].toString() == "config.toml:3: reveal_minimum: must be a whole number from 3 to 50");
    CHECK(ConfigIssue{"/etc/reflect-kiosk/config.toml", 0, "", "cannot be read"}.toString() ==
          "/etc/reflect-kiosk/config.toml: cannot be read");
}

TEST_CASE("several bad fields give one issue each, in the order of the file", "[config]") {
    auto lines = kValidLines;
    lines[9] = "theme = \"dark\"";
    lines[2] = "reveal_minimum = 1";
    lines[13] = "lock_seconds = 1";
    const ConfigLoad load = parseConfig(joinLines(lines), "config.toml");
    REQUIRE(load.issues.size() == 3);
    CHECK(load.issues[0].field == "reveal_minimum");
    CHECK(load.issues[1].field == "theme");
    CHECK(load.issues[2].field == "idle.lock_seconds");
    AppConfig expected = validConfig();
    expected.revealMinimum = 3;
    expected.theme = ThemeChoice::Calm;
    expected.lockIdleSeconds = 180;
    requireSame(load.config, expected);
}

TEST_CASE("zero means automatic or keep-everything, and an empty path the built-in folder", "[config]") {
    const ConfigLoad load = parseConfig(
        "scale = 0\nretention_days = 0\ntemplates_dir = \"\"\nbackup_dir = \"\"\n"
        "scale_note = 1\n",
        "config.toml");
    REQUIRE(load.issues.size() == 1);  // only the made-up key
    CHECK(load.config.scale == 0.0);
    CHECK(load.config.retentionDays == 0);
    CHECK(load.config.templatesDir.empty());
    CHECK(load.config.backupDir.empty());
    CHECK(parseConfig("scale = 2\n", "c").config.scale == 2.0);
}

TEST_CASE("wrong shapes for the sections are one issue each", "[config]") {
    SECTION("idle as a value instead of a section") {
        const ConfigLoad load = parseConfig("reveal_minimum = 4\nidle = 5\n", "config.toml");
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].line == 2);
        CHECK(load.issues[0].field == "idle");
        CHECK_THAT(load.issues[0].message, Catch::Contains("[idle] section"));
        CHECK(load.config.revealMinimum == 4);
        CHECK(load.config.draftIdleSeconds == 90);
    }
    SECTION("a single [signpost] instead of [[signpost]]") {
        const ConfigLoad load = parseConfig("reveal_minimum = 4\n[signpost]\nname = \"Hub\"\n", "config.toml");
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].field == "signpost");
        CHECK_THAT(load.issues[0].message, Catch::Contains("[[signpost]]"));
        CHECK(load.config.signposts.empty());
        CHECK(load.config.revealMinimum == 4);
    }
}

TEST_CASE("a bad signpost is left out and the good ones keep their order", "[config]") {
    const std::string text =
        "[[signpost]]\nname = \"First\"\ncontact = \"1\"\n"
        "[[signpost]]\nname = \"Second\"\ncontact = 2\n"
        "[[signpost]]\nname = \"Third\"\n";
    const ConfigLoad load = parseConfig(text, "config.toml");
    REQUIRE(load.issues.size() == 1);
    CHECK(load.issues[0].field == "signpost[2].contact");
    CHECK(load.issues[0].line == 6);
    REQUIRE(load.config.signposts.size() == 2);
    CHECK(load.config.signposts[0].name == "First");
    CHECK(load.config.signposts[1].name == "Third");
}

TEST_CASE("more signposts than fit on the screen are reported and left out", "[config]") {
    std::string text;
    for (int i = 1; i <= 22; ++i) text += "[[signpost]]\nname = \"Place " + std::to_string(i) + "\"\n";
    const ConfigLoad load = parseConfig(text, "config.toml");
    CHECK(load.config.signposts.size() == 20);
    REQUIRE(load.issues.size() == 2);
    CHECK(load.issues[0].field == "signpost[21]");
    CHECK(load.issues[0].line == 41);
}

TEST_CASE("a TOML syntax error gives one issue with its line, and every setting keeps its default", "[config]") {
    SECTION("a value left out") {
        const ConfigLoad load = parseConfig(withLine(3, "reveal_minimum = "), "config.toml");
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].file == "config.toml");
        CHECK(load.issues[0].line == 3);
        CHECK(load.issues[0].field.empty());
        CHECK_THAT(load.issues[0].message, Catch::Contains("default"));
        requireSame(load.config, AppConfig{});
    }
    SECTION("the same key twice") {
        auto lines = kValidLines;
        lines[10] = "reveal_minimum = 6";
        const ConfigLoad load = parseConfig(joinLines(lines), "config.toml");
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].line == 11);
        requireSame(load.config, AppConfig{});
    }
    SECTION("text that is not valid UTF-8") {
        const ConfigLoad load = parseConfig(withLine(2, "organisation_name = \"Caf\xe9\""), "config.toml");
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].line == 2);
        requireSame(load.config, AppConfig{});
    }
}

TEST_CASE("loading from disk", "[config]") {
    const auto dir = freshTempDir();
    SECTION("a missing file means defaults and no issue") {
        const ConfigLoad load = loadConfig(dir / "config.toml");
        CHECK(load.issues.empty());
        requireSame(load.config, AppConfig{});
    }
    SECTION("a file on disk is read and its path names every issue") {
        const auto file = dir / "config.toml";
        std::ofstream(file) << withLine(8, "backup_keep = 0");
        const ConfigLoad load = loadConfig(file);
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].toString() == file.string() + ":8: backup_keep: must be a whole number from 1 to 365");
        AppConfig expected = validConfig();
        expected.backupKeep = 14;
        requireSame(load.config, expected);
    }
    SECTION("a folder where the file should be is one issue") {
        std::filesystem::create_directory(dir / "config.toml");
        const ConfigLoad load = loadConfig(dir / "config.toml");
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].line == 0);
        CHECK_THAT(load.issues[0].message, Catch::Contains("folder"));
        requireSame(load.config, AppConfig{});
    }
    SECTION("an enormous file is refused without parsing it") {
        const auto file = dir / "config.toml";
        std::ofstream(file) << std::string(300 * 1024, '#');
        const ConfigLoad load = loadConfig(file);
        REQUIRE(load.issues.size() == 1);
        CHECK_THAT(load.issues[0].message, Catch::Contains("larger than"));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("the shipped config.example.toml is valid, and documents the defaults", "[config]") {
    const auto path = exampleConfigPath();
    INFO(path.string());
    REQUIRE(std::filesystem::exists(path));
    const std::string text = readFile(path);

    const ConfigLoad asShipped = parseConfig(text, "config.example.toml");
    INFO(describe(asShipped.issues));
    CHECK(asShipped.issues.empty());
    requireSame(asShipped.config, AppConfig{});

    // Settings are written "#key = value" and prose "# text": switching every setting on must change nothing
    // but the example signpost, or the documented defaults are wrong.
    std::istringstream in(text);
    std::string line;
    std::string enabled;
    while (std::getline(in, line)) {
        if (line.size() > 1 && line[0] == '#' && (std::islower(static_cast<unsigned char>(line[1])) || line[1] == '['))
            line.erase(0, 1);
        enabled += line + "\n";
    }
    const ConfigLoad allOn = parseConfig(enabled, "config.example.toml");
    INFO(describe(allOn.issues));
    CHECK(allOn.issues.empty());
    AppConfig expected;
    REQUIRE(allOn.config.signposts.size() == 1);
    expected.signposts = allOn.config.signposts;
    requireSame(allOn.config, expected);
}

TEST_CASE("a changed setting is written to the audit log at the next start, once", "[config][audit]") {
    namespace core = reflect::core;
    namespace test = reflect::test;
    auto db = test::memoryDatabase();
    core::ManualClock clock(0, 1'795'000'000'000);
    core::AppConfig config;
    // The first start only remembers the settings.
    REQUIRE(core::auditSettingsChanges(*db, clock, config).value() == 0);
    CHECK(db->queryInt("SELECT COUNT(*) FROM audit_log") == 0);
    REQUIRE(core::auditSettingsChanges(*db, clock, config).value() == 0);
    // The admin raises the threshold and sets a retention period.
    config.suppressionThreshold = 10;
    config.retentionDays = 365;
    REQUIRE(core::auditSettingsChanges(*db, clock, config).value() == 2);
    const auto entries = core::AuditLog(*db, clock).recent(10);
    REQUIRE(entries.size() == 2);
    std::set<std::string> details;
    for (const auto& e : entries) {
        CHECK(e.role == "admin");
        CHECK(e.action == "settings change");
        details.insert(e.detail);
    }
    CHECK(details == std::set<std::string>{"suppression_threshold: 7 -> 10", "retention_days: 0 -> 365"});
    // Nothing new at the start after.
    REQUIRE(core::auditSettingsChanges(*db, clock, config).value() == 0);
    CHECK(db->queryInt("SELECT COUNT(*) FROM audit_log") == 2);
}
