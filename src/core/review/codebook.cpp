#include "core/review/codebook.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace reflect::core {

std::string Codebook::nameOf(std::string_view key) const {
    for (const auto& tag : tags)
        if (tag.key == key) return tag.name;
    return std::string(key);
}

Result<Codebook> loadCodebook(const std::filesystem::path& file) {
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        return fail(fmt::format("{}:{}: {}", file.string(), e.source().begin.line, e.description()));
    }
    Codebook book;
    const auto* list = root["tag"].as_array();
    if (!list) return fail(fmt::format("{}: no [[tag]] entries", file.string()));
    for (const auto& node : *list) {
        const auto* t = node.as_table();
        if (!t) continue;
        auto key = (*t)["key"].value<std::string>();
        auto name = (*t)["name"].value<std::string>();
        if (!key || !name || key->empty()) return fail(fmt::format("{}: a tag needs key and name", file.string()));
        book.tags.push_back({*key, *name});
    }
    if (book.tags.empty()) return fail(fmt::format("{}: no tags", file.string()));
    return book;
}

}  // namespace reflect::core
