// Every string key the screens use exists, no text says "(s)", and staff-facing screens carry no key hints.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "core/review/review.hpp"
#include "core/templates/session_template.hpp"
#include "support/fixtures.hpp"

#ifndef REFLECT_TEST_SOURCE_DIR
#error "the build defines REFLECT_TEST_SOURCE_DIR"
#endif

using namespace reflect;

namespace {

bool isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}
bool isIdentChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// The string keys one source file asks for: the literal in t("..."), get("...") and format("...").
std::set<std::string> keysIn(std::string_view source) {
    std::set<std::string> keys;
    for (const std::string_view call : {"t(\"", "get(\"", "format(\""}) {
        for (std::size_t pos = source.find(call); pos != std::string_view::npos; pos = source.find(call, pos + 1)) {
            // "ui.t(" counts; "printf(" or "at(" do not.
            if (pos > 0 && isIdentChar(source[pos - 1])) continue;
            const std::size_t begin = pos + call.size();
            const std::size_t end = source.find('"', begin);
            if (end == std::string_view::npos) break;
            const std::string_view key = source.substr(begin, end - begin);
            const bool looksLikeKey =
                key.find('.') != std::string_view::npos && std::all_of(key.begin(), key.end(), isKeyChar);
            if (looksLikeKey) keys.insert(std::string(key));
        }
    }
    return keys;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// Keys by the file that uses them: every screen under src/ui, and the kiosk controller whose messages
/// the screens show.
std::map<std::string, std::set<std::string>> keysByFile() {
    std::map<std::string, std::set<std::string>> out;
    const std::filesystem::path src = std::filesystem::path(REFLECT_TEST_SOURCE_DIR) / "src";
    for (const auto& folder : {src / "ui", src / "core" / "kiosk"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
            if (entry.is_regular_file() && entry.path().extension() == ".cpp")
                out[entry.path().filename().string()] = keysIn(readFile(entry.path()));
    return out;
}

bool containsWord(std::string_view text, std::string_view word) {
    for (std::size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
        const bool startOk = pos == 0 || !std::isalpha(static_cast<unsigned char>(text[pos - 1]));
        const std::size_t after = pos + word.size();
        const bool endOk = after >= text.size() || !std::isalpha(static_cast<unsigned char>(text[after]));
        if (startOk && endOk) return true;
    }
    return false;
}

/// A keyboard shortcut or an instruction to press a key: staff use touch or their own phone.
bool looksLikeKeyHint(std::string_view text) {
    for (const std::string_view marker : {"Ctrl+", "Alt+", "Shift+", "Press ", "press "})
        if (text.find(marker) != std::string_view::npos) return true;
    for (const std::string_view key : {"Tab", "Esc", "Enter", "Home", "Delete", "Backspace", "Space"})
        if (containsWord(text, key)) return true;
    // A lone key such as "[", "," or "Y": one or two characters and no lower-case word.
    std::string trimmed(text);
    trimmed.erase(std::remove(trimmed.begin(), trimmed.end(), ' '), trimmed.end());
    const bool hasLower = std::any_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return !trimmed.empty() && trimmed.size() <= 2 && !hasLower;
}

/// Every text a key can show: the plain form, or each plural form.
std::vector<std::string> textsOf(const core::StringTable& strings, const std::string& key) {
    std::vector<std::string> out;
    const auto plain = strings.keys();
    if (strings.has(key) && std::find(plain.begin(), plain.end(), key) == plain.end()) {
        for (const char* form : {"_one", "_other"})
            if (strings.has(key + form)) out.push_back(strings.get(key + form));
    } else {
        out.push_back(strings.get(key));
    }
    return out;
}

bool isStaffFacing(const std::string& file, const std::string& key) {
    if (file == "contribute_screen.cpp" || file == "signposts_screen.cpp") return true;
    return key.rfind("evaluation.", 0) == 0 || key.rfind("signposts.", 0) == 0;
}

}  // namespace

TEST_CASE("the key scanner finds keys in calls and ignores other strings", "[ui][strings]") {
    const auto keys = keysIn(R"(ui.t("a.b"); strings.format("c.d_e", {}); printf("x.y"); get("no key"); t("solo"))");
    CHECK(keys == std::set<std::string>{"a.b", "c.d_e"});
    CHECK(looksLikeKeyHint("Ctrl+Home"));
    CHECK(looksLikeKeyHint("["));
    CHECK(looksLikeKeyHint(", ."));
    CHECK(looksLikeKeyHint("Y"));
    CHECK(looksLikeKeyHint("Write it down. Press Tab to start typing."));
    CHECK_FALSE(looksLikeKeyHint("Back"));
    CHECK_FALSE(looksLikeKeyHint(""));
    CHECK_FALSE(looksLikeKeyHint("Submit anonymously"));
}

TEST_CASE("every string key a screen uses is in the string table", "[ui][strings]") {
    const auto& strings = test::shippedStrings();
    const auto byFile = keysByFile();
    std::size_t total = 0;
    for (const auto& [file, keys] : byFile) {
        for (const auto& key : keys) {
            INFO(file << " uses " << key);
            CHECK(strings.has(key));
            ++total;
        }
    }
    // The scan really saw the screens: a broken source path would find nothing and pass.
    CHECK(byFile.count("contribute_screen.cpp") == 1);
    CHECK(total > 200);
    // Keys the screens build at run time.
    for (int n = 1; n <= 5; ++n) CHECK(strings.has("evaluation.agree_" + std::to_string(n)));
    for (const std::string format : {"round", "team-time", "action-learning", "peer-support", "supervision", "custom"})
        CHECK(strings.has(core::formatNameKey(format)));
    for (std::string group : core::staffGroupNames()) {  // the ratings panel's staff-group columns
        std::replace(group.begin(), group.end(), '-', '_');
        CHECK(strings.has("lead.staff_" + group));
    }
}

TEST_CASE("no text anywhere uses a (s) plural and plural forms agree with their count", "[ui][strings]") {
    const auto& strings = test::shippedStrings();
    for (const auto& key : strings.keys()) {
        INFO(key << " = " << strings.get(key));
        CHECK(strings.get(key).find("(s)") == std::string::npos);
    }
    CHECK(strings.format("groups.next_actions", {{"count", "1"}}) == "1 open action to review");
    CHECK(strings.format("groups.next_actions", {{"count", "3"}}) == "3 open actions to review");
    CHECK(strings.format("closing.themes", {{"count", "0"}}) == "0 themes");
    CHECK(strings.format("setup.length", {{"minutes", "1"}}) == "About 1 minute");
}

TEST_CASE("staff-facing screens show no key hints", "[ui][strings]") {
    const auto& strings = test::shippedStrings();
    std::size_t checked = 0;
    for (const auto& [file, keys] : keysByFile()) {
        for (const auto& key : keys) {
            if (!isStaffFacing(file, key)) continue;
            for (const auto& text : textsOf(strings, key)) {
                INFO(file << ": " << key << " = \"" << text << "\"");
                CHECK_FALSE(looksLikeKeyHint(text));
                ++checked;
            }
        }
    }
    CHECK(checked > 30);
}

TEST_CASE("the evaluation scale and not-applicable answers use one wording each", "[ui][strings]") {
    const auto& strings = test::shippedStrings();
    CHECK(strings.get("evaluation.agree_3") == "Neither agree nor disagree");
    for (const auto& key : strings.keys()) {
        const std::string& text = strings.get(key);
        INFO(key << " = " << text);
        CHECK(text.find("N/A") == std::string::npos);
        CHECK(text.find("Not relevant") == std::string::npos);
    }
    CHECK(strings.get("checklist.not_applicable") == strings.get("lead.col_na"));
}

TEST_CASE("a key written in plural forms picks its form by the count", "[ui][strings]") {
    auto table = core::StringTable::parse(
        "[x]\ncats_one = \"1 cat\"\ncats_other = \"{count} cats\"\nwait_one = \"1 second\"\nwait_other = \"{seconds} "
        "seconds\"\n",
        "t.toml");
    REQUIRE(table);
    CHECK(table->has("x.cats"));
    CHECK_FALSE(table->has("x.dogs"));
    CHECK(table->format("x.cats", {{"count", "1"}}) == "1 cat");
    CHECK(table->format("x.cats", {{"count", "0"}}) == "0 cats");
    CHECK(table->format("x.cats", {{"count", "11"}}) == "11 cats");
    CHECK(table->format("x.wait", {{"seconds", "1"}}) == "1 second");
    CHECK(table->format("x.wait", {{"seconds", "30"}}) == "30 seconds");
    // Without a count the general form shows, never the bare key.
    CHECK(table->get("x.cats") == "{count} cats");
    CHECK(core::pluralCategory("1") == "one");
    CHECK(core::pluralCategory("21") == "other");
}
