// Codebook loader and validator.
#include "core/contribute/codebook.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace reflect::core {

const CodebookTag* Codebook::find(std::string_view key) const noexcept {
    for (const auto& t : tags)
        if (t.key == key) return &t;
    return nullptr;
}

namespace {
constexpr std::size_t kMaxTags = 200;

bool validKey(std::string_view key) {
    if (key.empty() || key.size() > 48 || key.front() == '-' || key.back() == '-') return false;
    for (const char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

/// Reads one text field of a [[tag]]; on a problem fills `error` (first problem only) and returns "".
std::string field(const toml::table& t, std::string_view key, std::string_view file, std::size_t index,
                  std::size_t maxBytes, std::string& error) {
    const toml::node* node = t.get(key);
    if (!node) {
        if (error.empty())
            error = fmt::format("{}:{}: tag[{}].{}: is missing", file, t.source().begin.line, index, key);
        return {};
    }
    const auto* s = node->as_string();
    if ((!s || s->get().empty() || s->get().size() > maxBytes) && error.empty())
        error = fmt::format("{}:{}: tag[{}].{}: must be text in quotes, 1 to {} bytes", file, node->source().begin.line,
                            index, key, maxBytes);
    return s ? s->get() : std::string();
}
}  // namespace

Result<Codebook> parseCodebook(std::string_view text, std::string_view fileName) {
    try {
        const toml::table root = toml::parse(text, fileName);
        for (const auto& [k, v] : root) {
            const std::string key(k.str());
            if (key != "schema" && key != "tag")
                return fail(fmt::format("{}:{}: {}: is not a known setting (a typing mistake?)", fileName,
                                        v.source().begin.line, key));
        }
        const toml::node* schema = root.get("schema");
        if (!schema || schema->value_or(0) != 1)
            return fail(fmt::format("{}:{}: schema: must be 1", fileName, schema ? schema->source().begin.line : 1));
        const toml::array* arr = root["tag"].as_array();
        if (!arr || arr->empty()) return fail(fmt::format("{}:1: tag: at least one [[tag]] is needed", fileName));
        if (arr->size() > kMaxTags) return fail(fmt::format("{}:1: tag: at most {} tags", fileName, kMaxTags));
        Codebook book;
        std::set<std::string> keys, names;
        std::size_t index = 0;
        for (const auto& node : *arr) {
            ++index;
            const toml::table* t = node.as_table();
            if (!t)
                return fail(fmt::format("{}:{}: tag: must be [[tag]] sections", fileName, node.source().begin.line));
            for (const auto& [k, v] : *t) {
                const std::string key(k.str());
                if (key != "key" && key != "name" && key != "description")
                    return fail(fmt::format("{}:{}: tag[{}].{}: is not a known setting (a typing mistake?)", fileName,
                                            v.source().begin.line, index, key));
            }
            std::string error;
            CodebookTag tag{field(*t, "key", fileName, index, 48, error), field(*t, "name", fileName, index, 60, error),
                            field(*t, "description", fileName, index, 200, error)};
            if (!error.empty()) return fail(error);
            const auto line = t->get("key")->source().begin.line;
            if (!validKey(tag.key))
                return fail(
                    fmt::format("{}:{}: tag[{}].key: use lower-case letters, digits and hyphens (\"grief-and-loss\")",
                                fileName, line, index));
            if (!keys.insert(tag.key).second)
                return fail(fmt::format("{}:{}: tag[{}].key: \"{}\" is used twice", fileName, line, index, tag.key));
            if (!names.insert(tag.name).second)
                return fail(fmt::format("{}:{}: tag[{}].name: \"{}\" is used twice", fileName,
                                        t->get("name")->source().begin.line, index, tag.name));
            book.tags.push_back(std::move(tag));
        }
        return book;
    } catch (const toml::parse_error& e) {
        return fail(fmt::format("{}:{}: {}", fileName, e.source().begin.line, e.description()));
    }
}

Result<Codebook> loadCodebook(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(fmt::format("{}: cannot be read", file.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseCodebook(buffer.str(), file.filename().string());
}

std::string Codebook::nameOf(std::string_view key) const {
    const CodebookTag* tag = find(key);
    return tag ? tag->name : std::string(key);
}

}  // namespace reflect::core
