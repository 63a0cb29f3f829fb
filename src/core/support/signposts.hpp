// Signposts: where staff can find support, from assets/signposts.toml plus the organisation's own list.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace reflect::core {

struct Signpost {
    std::string name;
    std::string detail;
    std::string contact;
    bool operator==(const Signpost&) const = default;
};

struct SignpostList {
    std::string intro;
    std::vector<Signpost> entries;
};

/// Parses signposts.toml: schema = 1, intro, and [[signpost]] name/detail/contact. One clear error per bad file.
[[nodiscard]] Result<SignpostList> parseSignposts(std::string_view toml, std::string_view fileName);
[[nodiscard]] Result<SignpostList> loadSignposts(const std::filesystem::path& file);

/// True while a signpost still has the shipped placeholder instead of local details ("See your intranet ...").
[[nodiscard]] bool isPlaceholder(const Signpost& signpost);
/// Takes out the signposts still at their placeholder, so staff are never sent to a dead end; returns their
/// names, for the admin to be told at start-up.
[[nodiscard]] std::vector<std::string> hidePlaceholders(SignpostList& list);

}  // namespace reflect::core
