// Reads config.toml with toml++ and checks it field by field, so one typing mistake never costs the other settings.
#include "core/config/app_config.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace reflect::core {

std::string ConfigIssue::toString() const {
    const std::string where = line > 0 ? fmt::format("{}:{}", file, line) : file;
    if (field.empty()) return fmt::format("{}: {}", where, message);
    return fmt::format("{}: {}: {}", where, field, message);
}

namespace {

// Larger than any honest config by a wide margin; refusing early keeps a stray binary file from slowing start-up.
constexpr std::uintmax_t kMaxConfigBytes = 256 * 1024;
constexpr std::size_t kMaxSignposts = 20;
constexpr std::size_t kMaxPathBytes = 4096;

int lineOf(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

/// The words an admin would use for what they actually wrote, so "not text" points at the quotes.
std::string_view describeType(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "text";
        case toml::node_type::integer:
            return "a whole number";
        case toml::node_type::floating_point:
            return "a decimal number";
        case toml::node_type::boolean:
            return "true or false";
        case toml::node_type::array:
            return "a list";
        case toml::node_type::table:
            return "a section";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        case toml::node_type::none:
            break;
    }
    return "empty";
}

/// C0 and C1 controls and DEL: a newline in a name or an escape sequence in a path only ever causes confusion.
bool hasControlCharacters(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9f) return true;
        }
    }
    return false;
}

/// Reads typed settings from one table; a bad value is reported once and the caller's default stays.
class SettingReader {
public:
    SettingReader(const toml::table& table, std::string prefix, std::string_view file, std::vector<ConfigIssue>& issues)
        : m_table(table), m_prefix(std::move(prefix)), m_file(file), m_issues(issues) {}

    [[nodiscard]] std::string field(std::string_view key) const {
        return m_prefix.empty() ? std::string(key) : fmt::format("{}.{}", m_prefix, key);
    }

    void report(int line, std::string fieldName, std::string message) {
        m_issues.push_back(ConfigIssue{m_file, line, std::move(fieldName), std::move(message)});
    }

    /// Marks a key as handled elsewhere (a section or a list of sections).
    const toml::node* take(std::string_view key) {
        m_seen.emplace(key);
        return m_table.get(key);
    }

    bool integer(std::string_view key, std::int64_t lo, std::int64_t hi, int& out) {
        const std::string expected = fmt::format("must be a whole number from {} to {}", lo, hi);
        return integerWith(
            key, expected, [&](std::int64_t v) { return v >= lo && v <= hi; }, out);
    }

    /// For settings where 0 means "off/automatic" and other values have a range.
    bool integerOrZero(std::string_view key, std::int64_t lo, std::int64_t hi, std::string_view zeroMeaning, int& out) {
        const std::string expected = fmt::format("must be 0 ({}) or a whole number from {} to {}", zeroMeaning, lo, hi);
        return integerWith(
            key, expected, [&](std::int64_t v) { return v == 0 || (v >= lo && v <= hi); }, out);
    }

    bool numberOrZero(std::string_view key, double lo, double hi, std::string_view zeroMeaning, double& out) {
        const toml::node* node = take(key);
        if (!node) return false;
        const std::string expected =
            fmt::format("must be 0 ({}) or a number from {:.1f} to {:.1f}", zeroMeaning, lo, hi);
        double v = 0;
        if (const auto* i = node->as_integer()) {
            v = static_cast<double>(i->get());
        } else if (const auto* f = node->as_floating_point()) {
            v = f->get();
        } else {
            report(lineOf(*node), field(key), fmt::format("{}, not {}", expected, describeType(*node)));
            return false;
        }
        // Written so that NaN fails too.
        if (!(v == 0.0 || (v >= lo && v <= hi))) {
            report(lineOf(*node), field(key), expected);
            return false;
        }
        out = v;
        return true;
    }

    bool text(std::string_view key, std::size_t maxBytes, std::string& out) {
        const toml::node* node = take(key);
        if (!node) return false;
        const auto* value = node->as_string();
        if (!value) {
            report(lineOf(*node), field(key), fmt::format("must be text in quotes, not {}", describeType(*node)));
            return false;
        }
        const std::string& s = value->get();
        if (s.size() > maxBytes) {
            report(lineOf(*node), field(key), fmt::format("must be at most {} bytes long", maxBytes));
            return false;
        }
        if (hasControlCharacters(s)) {
            report(lineOf(*node), field(key), "must be one line of text without control characters");
            return false;
        }
        out = s;
        return true;
    }

    /// "" keeps the built-in choice; anything else must be absolute, because the service's working folder is "/".
    bool path(std::string_view key, std::string& out) {
        std::string value;
        if (!text(key, kMaxPathBytes, value)) return false;
        if (!value.empty() && value.front() != '/') {
            report(lineFor(key), field(key), "must be a full path starting with / (or \"\" for the built-in choice)");
            return false;
        }
        out = std::move(value);
        return true;
    }

    [[nodiscard]] int lineFor(std::string_view key) const {
        const toml::node* node = m_table.get(key);
        return node ? lineOf(*node) : lineOf(m_table);
    }

    /// Call last: every key nobody asked about is most likely a misspelling of one that was.
    void reportUnknownKeys() {
        for (const auto& [key, value] : m_table) {
            const std::string name(key.str());
            if (!m_seen.count(name)) report(lineOf(value), field(name), "unknown key (typing mistake?)");
        }
    }

private:
    template <typename Accept>
    bool integerWith(std::string_view key, const std::string& expected, Accept accept, int& out) {
        const toml::node* node = take(key);
        if (!node) return false;
        const auto* value = node->as_integer();
        if (!value) {
            report(lineOf(*node), field(key), fmt::format("{}, not {}", expected, describeType(*node)));
            return false;
        }
        const std::int64_t v = value->get();
        if (!accept(v)) {
            report(lineOf(*node), field(key), expected);
            return false;
        }
        out = static_cast<int>(v);
        return true;
    }

    const toml::table& m_table;
    std::string m_prefix;
    std::string m_file;
    std::vector<ConfigIssue>& m_issues;
    std::set<std::string, std::less<>> m_seen;
};

void readIdle(SettingReader& root, const std::string& file, AppConfig& config, std::vector<ConfigIssue>& issues) {
    const toml::node* node = root.take("idle");
    if (!node) return;
    const auto* table = node->as_table();
    if (!table) {
        root.report(lineOf(*node), "idle", fmt::format("must be an [idle] section, not {}", describeType(*node)));
        return;
    }
    SettingReader idle(*table, "idle", file, issues);
    idle.integer("draft_seconds", 30, 600, config.draftIdleSeconds);
    idle.integer("lock_seconds", 30, 3600, config.lockIdleSeconds);
    idle.reportUnknownKeys();
}

void readCompanion(SettingReader& root, const std::string& file, AppConfig& config, std::vector<ConfigIssue>& issues) {
    const toml::node* node = root.take("companion");
    if (!node) return;
    const auto* table = node->as_table();
    if (!table) {
        root.report(lineOf(*node), "companion",
                    fmt::format("must be a [companion] section, not {}", describeType(*node)));
        return;
    }
    SettingReader companion(*table, "companion", file, issues);
    if (companion.text("listen", 64, config.companionListen) && !config.companionListen.empty() &&
        config.companionListen.find(':') == std::string::npos) {
        companion.report(companion.lineFor("listen"), companion.field("listen"),
                         "must be ADDRESS:PORT, such as \"10.42.0.1:8080\" (or \"\" for off)");
        config.companionListen.clear();
    }
    companion.path("tls_cert", config.companionTlsCert);
    companion.path("tls_key", config.companionTlsKey);
    if (config.companionTlsCert.empty() != config.companionTlsKey.empty()) {
        companion.report(companion.lineFor(config.companionTlsCert.empty() ? "tls_key" : "tls_cert"), "companion",
                         "set both tls_cert and tls_key, or neither; the page is served without TLS until then");
        config.companionTlsCert.clear();
        config.companionTlsKey.clear();
    }
    companion.text("host", 253, config.companionHost);
    companion.reportUnknownKeys();
}

void readSignposts(SettingReader& root, const std::string& file, AppConfig& config, std::vector<ConfigIssue>& issues) {
    const toml::node* node = root.take("signpost");
    if (!node) return;
    const auto* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
        root.report(lineOf(*node), "signpost", "must be written as [[signpost]] sections");
        return;
    }
    std::size_t index = 0;
    for (const toml::node& item : *array) {
        ++index;
        const toml::table& table = *item.as_table();
        const std::string prefix = fmt::format("signpost[{}]", index);
        if (index > kMaxSignposts) {
            root.report(lineOf(table), prefix,
                        fmt::format("only {} signposts fit on the screen; this one is left out", kMaxSignposts));
            continue;
        }
        SettingReader reader(table, prefix, file, issues);
        const std::size_t before = issues.size();
        Signpost signpost;
        if (!table.get("name"))
            reader.report(lineOf(table), reader.field("name"), "is missing");
        else if (reader.text("name", 80, signpost.name) && signpost.name.empty())
            reader.report(reader.lineFor("name"), reader.field("name"), "must not be empty");
        reader.text("detail", 400, signpost.detail);
        reader.text("contact", 120, signpost.contact);
        // Half a signpost (a name without its number) could send someone in distress the wrong way: leave it out.
        const bool usable = issues.size() == before;
        reader.reportUnknownKeys();
        if (usable) config.signposts.push_back(std::move(signpost));
    }
}

void readTheme(SettingReader& root, AppConfig& config) {
    std::string theme;
    if (!root.text("theme", 32, theme)) return;
    if (theme == "calm") {
        config.theme = ThemeChoice::Calm;
    } else if (theme == "high-contrast") {
        config.theme = ThemeChoice::HighContrast;
    } else {
        root.report(root.lineFor("theme"), "theme", "must be \"calm\" or \"high-contrast\"");
    }
}

ConfigLoad validate(const toml::table& root, const std::string& file) {
    ConfigLoad load;
    SettingReader reader(root, "", file, load.issues);
    AppConfig& c = load.config;
    reader.text("organisation_name", 120, c.organisationName);
    reader.integer("reveal_minimum", 3, 50, c.revealMinimum);
    reader.integer("suppression_threshold", 7, 100, c.suppressionThreshold);
    reader.integerOrZero("retention_days", 30, 3650, "keep everything", c.retentionDays);
    reader.path("templates_dir", c.templatesDir);
    reader.path("backup_dir", c.backupDir);
    reader.integer("backup_keep", 1, 365, c.backupKeep);
    reader.numberOrZero("scale", 0.5, 4.0, "automatic", c.scale);
    readTheme(reader, c);
    if (const toml::node* node = reader.take("publish_theme_names")) {
        if (const auto* flag = node->as_boolean())
            c.publishThemeNames = flag->get();
        else
            reader.report(lineOf(*node), "publish_theme_names",
                          fmt::format("must be true or false, not {}", describeType(*node)));
    }
    readIdle(reader, file, c, load.issues);
    readSignposts(reader, file, c, load.issues);
    readCompanion(reader, file, c, load.issues);
    reader.reportUnknownKeys();
    // toml++ tables iterate in key order; an admin reads the file top to bottom.
    std::stable_sort(load.issues.begin(), load.issues.end(),
                     [](const ConfigIssue& a, const ConfigIssue& b) { return a.line < b.line; });
    return load;
}

ConfigLoad parseFailure(const std::string& file, const toml::parse_error& error) {
    ConfigLoad load;
    load.issues.push_back(
        ConfigIssue{file, static_cast<int>(error.source().begin.line), "",
                    fmt::format("{} (every setting uses its default until this is fixed)", error.description())});
    return load;
}

}  // namespace

ConfigLoad parseConfig(std::string_view text, std::string_view sourceName) {
    const std::string file(sourceName);
#if TOML_EXCEPTIONS
    try {
        const toml::table root = toml::parse(text, sourceName);
        return validate(root, file);
    } catch (const toml::parse_error& error) {
        return parseFailure(file, error);
    }
#else
    toml::parse_result result = toml::parse(text, sourceName);
    if (!result) return parseFailure(file, result.error());
    return validate(result.table(), file);
#endif
}

ConfigLoad loadConfig(const std::filesystem::path& file) {
    namespace fs = std::filesystem;
    const std::string name = file.string();
    auto failed = [&](std::string message) {
        ConfigLoad load;
        load.issues.push_back(ConfigIssue{name, 0, "", std::move(message)});
        return load;
    };
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (status.type() == fs::file_type::not_found) return {};
    if (ec) return failed(fmt::format("cannot be read ({}); every setting uses its default", ec.message()));
    if (fs::is_directory(status)) return failed("is a folder, not a file; every setting uses its default");
    const std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > kMaxConfigBytes)
        return failed(fmt::format("is larger than {} KB; every setting uses its default", kMaxConfigBytes / 1024));
    std::ifstream in(file, std::ios::binary);
    if (!in) return failed("cannot be read (check its owner and permissions); every setting uses its default");
    std::string content;
    content.resize(static_cast<std::size_t>(kMaxConfigBytes) + 1);
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    if (in.bad()) return failed("cannot be read (a disk error?); every setting uses its default");
    content.resize(static_cast<std::size_t>(in.gcount()));
    if (content.size() > kMaxConfigBytes)
        return failed(fmt::format("is larger than {} KB; every setting uses its default", kMaxConfigBytes / 1024));
    return parseConfig(content, name);
}

}  // namespace reflect::core
