// Each field wrong in turn: a template, the config and the signposts each give one clear error that names the
// file, the line and the field, and everything else still loads.
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "core/config/app_config.hpp"
#include "core/support/signposts.hpp"
#include "core/templates/template_loader.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

/// "key = value" on one line (not an array item, not a table header): the key, else "".
std::string scalarKey(const std::string& line) {
    const auto eq = line.find(" = ");
    if (eq == std::string::npos || line.empty() || line[0] == '[' || line[0] == '#' || line[0] == ' ') return "";
    const std::string value = line.substr(eq + 3);
    if (value.empty() || value[0] == '[') return "";
    return line.substr(0, eq);
}

/// A value of the wrong kind for what is there now: text for numbers and booleans, a number for text.
std::string wrongValueFor(const std::string& line) {
    const std::string value = line.substr(line.find(" = ") + 3);
    if (value[0] == '"') return "12345";
    return "\"not a number\"";
}

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a template with each field wrong in turn names file, line and field", "[templates][hostile]") {
    const auto lines = linesOf(readAll(test::assetsDir() / "templates" / "team_time.toml"));
    int tried = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string key = scalarKey(lines[i]);
        if (key.empty()) continue;
        auto broken = lines;
        broken[i] = key + " = " + wrongValueFor(lines[i]);
        const auto parsed = core::parseTemplate(join(broken), "team_time.toml");
        INFO("line " << i + 1 << ": " << broken[i]);
        const auto* issue = std::get_if<core::TemplateIssue>(&parsed);
        REQUIRE(issue);
        CHECK(issue->file == "team_time.toml");
        CHECK(issue->line == static_cast<int>(i + 1));
        CHECK(issue->field.find(key) != std::string::npos);
        CHECK_FALSE(issue->message.empty());
        ++tried;
    }
    CHECK(tried >= 20);
}

TEST_CASE("the config with each field wrong in turn gives one issue naming file, line and field, the rest apply",
          "[config][hostile]") {
    const std::vector<std::string> good = {
        "organisation_name = \"Example NHS Trust\"",
        "reveal_minimum = 4",
        "suppression_threshold = 8",
        "retention_days = 365",
        "templates_dir = \"/srv/templates\"",
        "backup_dir = \"/media/usb\"",
        "backup_keep = 20",
        "scale = 1.5",
        "theme = \"high-contrast\"",
        "[idle]",
        "draft_seconds = 120",
        "lock_seconds = 300",
        "[[signpost]]",
        "name = \"Staff wellbeing hub\"",
        "detail = \"Talk to someone today.\"",
        "contact = \"Extension 4000\"",
    };
    {
        const auto load = core::parseConfig(join(good), "config.toml");
        REQUIRE(load.issues.empty());
    }
    int tried = 0;
    for (std::size_t i = 0; i < good.size(); ++i) {
        const std::string key = scalarKey(good[i]);
        if (key.empty()) continue;
        auto broken = good;
        broken[i] = key + " = " + wrongValueFor(good[i]);
        const auto load = core::parseConfig(join(broken), "config.toml");
        INFO(broken[i]);
        REQUIRE(load.issues.size() == 1);
        CHECK(load.issues[0].file == "config.toml");
        CHECK(load.issues[0].line == static_cast<int>(i + 1));
        CHECK(load.issues[0].field.find(key) != std::string::npos);
        const std::string text = load.issues[0].toString();
        CHECK(text.find("config.toml:" + std::to_string(i + 1)) == 0);
        // Everything else still applies.
        if (key != "backup_keep") CHECK(load.config.backupKeep == 20);
        if (key != "reveal_minimum") CHECK(load.config.revealMinimum == 4);
        ++tried;
    }
    CHECK(tried == 14);
}

TEST_CASE("the signposts with each field wrong in turn name file, line and field", "[signposts][hostile]") {
    const auto lines = linesOf(readAll(test::assetsDir() / "signposts.toml"));
    REQUIRE(core::parseSignposts(join(lines), "signposts.toml"));
    int tried = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string key = scalarKey(lines[i]);
        if (key.empty()) continue;
        auto broken = lines;
        broken[i] = key + " = " + wrongValueFor(lines[i]);
        const auto parsed = core::parseSignposts(join(broken), "signposts.toml");
        INFO(broken[i]);
        REQUIRE_FALSE(parsed);
        const std::string& message = parsed.error().message;
        CHECK(message.find("signposts.toml:" + std::to_string(i + 1)) != std::string::npos);
        CHECK(message.find(key) != std::string::npos);
        ++tried;
    }
    CHECK(tried >= 3);
}
