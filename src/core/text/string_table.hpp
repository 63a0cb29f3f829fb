// StringTable: every sentence the kiosk shows, loaded from assets/strings/<locale>.toml so a translation needs no C++.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace reflect::core {

/// The plural category of a number written as text, for en-GB: "one" for exactly 1, else "other".
[[nodiscard]] std::string_view pluralCategory(std::string_view number) noexcept;

class StringTable {
public:
    StringTable() = default;
    /// Nested tables flatten to dotted keys: [home] start = "..." becomes "home.start".
    [[nodiscard]] static Result<StringTable> parse(std::string_view toml, std::string_view fileName);
    [[nodiscard]] static Result<StringTable> load(const std::filesystem::path& file);
    /// Loads every *.toml in a locale folder (assets/strings/en-GB/), one file per feature. A key defined
    /// twice is an error, so two features can never silently overwrite each other's words.
    [[nodiscard]] static Result<StringTable> loadLocale(const std::filesystem::path& folder);

    /// The text for a key; a missing key shows the key itself so the gap is visible, never a crash.
    /// A key written only in plural forms gives its `_other` form.
    [[nodiscard]] const std::string& get(std::string_view key) const;
    /// Replaces {name} placeholders: format("runner.stage_of", {{"n", "2"}, {"total", "7"}}).
    /// A key may instead be written as `key_one` and `key_other` ("1 action", "3 actions"): the form is
    /// picked by the {count} argument, or failing that {minutes}, {seconds} or {meetings}.
    [[nodiscard]] std::string format(std::string_view key,
                                     std::initializer_list<std::pair<std::string_view, std::string>> args) const;
    /// True for a plain key and for a key written in plural forms.
    [[nodiscard]] bool has(std::string_view key) const;
    [[nodiscard]] std::vector<std::string> keys() const;
    void set(std::string key, std::string value) { m_texts[std::move(key)] = std::move(value); }

private:
    std::map<std::string, std::string, std::less<>> m_texts;
    mutable std::map<std::string, std::string, std::less<>> m_missing;
};

}  // namespace reflect::core
