// Codebook: the tags a facilitator can put on a theme, from assets/codebook.toml; validated like templates.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace reflect::core {

struct CodebookTag {
    std::string key;          ///< stable id stored with themes: lower-case letters, digits and hyphens
    std::string name;         ///< what the board shows
    std::string description;  ///< one line saying what the tag means
};

struct Codebook {
    std::vector<CodebookTag> tags;
    [[nodiscard]] const CodebookTag* find(std::string_view key) const noexcept;
    /// The tag's display name, or the key itself for a tag no longer in the codebook (old sessions keep theirs).
    [[nodiscard]] std::string nameOf(std::string_view key) const;
};

/// Parses codebook.toml: `schema = 1` and `[[tag]]` sections with key, name and description. The first problem
/// is returned as "file:line: field: message" so an admin can fix the file.
[[nodiscard]] Result<Codebook> parseCodebook(std::string_view toml, std::string_view fileName);
[[nodiscard]] Result<Codebook> loadCodebook(const std::filesystem::path& file);

}  // namespace reflect::core
