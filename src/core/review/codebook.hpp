// Codebook: the tags themes can carry (assets/codebook.toml), with the names shown to leads.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace reflect::core {

struct CodebookTag {
    std::string key;
    std::string name;
};

struct Codebook {
    std::vector<CodebookTag> tags;
    /// The tag's display name, or the key itself for a tag no longer in the codebook.
    [[nodiscard]] std::string nameOf(std::string_view key) const;
};

[[nodiscard]] Result<Codebook> loadCodebook(const std::filesystem::path& file);

}  // namespace reflect::core
