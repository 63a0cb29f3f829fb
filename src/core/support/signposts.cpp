// Signposts loader.
#include "core/support/signposts.hpp"

#include <cctype>

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace reflect::core {

namespace {
std::string textField(const toml::table& t, std::string_view key, std::string_view file, std::size_t index,
                      bool required, std::string& error) {
    const toml::node* node = t.get(key);
    if (!node) {
        if (required && error.empty())
            error = fmt::format("{}:{}: signpost[{}].{}: is missing", file, t.source().begin.line, index, key);
        return {};
    }
    const auto* s = node->as_string();
    if ((!s || (required && s->get().empty()) || s->get().size() > 400) && error.empty())
        error = fmt::format("{}:{}: signpost[{}].{}: must be text in quotes (at most 400 bytes)", file,
                            node->source().begin.line, index, key);
    return s ? s->get() : std::string();
}
}  // namespace

Result<SignpostList> parseSignposts(std::string_view text, std::string_view fileName) {
    try {
        const toml::table root = toml::parse(text, fileName);
        SignpostList list;
        std::string error;
        for (const auto& [k, v] : root) {
            const std::string key(k.str());
            if (key != "schema" && key != "intro" && key != "signpost")
                return fail(fmt::format("{}:{}: {}: is not a known setting (a typing mistake?)", fileName,
                                        v.source().begin.line, key));
        }
        if (root["schema"].value_or(0) != 1) {
            const toml::node* schema = root.get("schema");
            return fail(fmt::format("{}:{}: schema: must be 1", fileName, schema ? schema->source().begin.line : 1));
        }
        if (const toml::node* intro = root.get("intro")) {
            if (!intro->is_string())
                return fail(fmt::format("{}:{}: intro: must be text in quotes", fileName, intro->source().begin.line));
            list.intro = intro->as_string()->get();
        }
        const toml::array* arr = root["signpost"].as_array();
        if (!arr || arr->empty())
            return fail(fmt::format("{}:1: signpost: at least one [[signpost]] is needed", fileName));
        std::size_t index = 0;
        for (const auto& node : *arr) {
            ++index;
            const toml::table* t = node.as_table();
            if (!t)
                return fail(
                    fmt::format("{}:{}: signpost: must be [[signpost]] sections", fileName, node.source().begin.line));
            for (const auto& [k, v] : *t) {
                const std::string key(k.str());
                if (key != "name" && key != "detail" && key != "contact")
                    return fail(fmt::format("{}:{}: signpost[{}].{}: is not a known setting (a typing mistake?)",
                                            fileName, v.source().begin.line, index, key));
            }
            Signpost s{textField(*t, "name", fileName, index, true, error),
                       textField(*t, "detail", fileName, index, false, error),
                       textField(*t, "contact", fileName, index, true, error)};
            if (!error.empty()) return fail(error);
            list.entries.push_back(std::move(s));
        }
        return list;
    } catch (const toml::parse_error& e) {
        return fail(fmt::format("{}:{}: {}", fileName, e.source().begin.line, e.description()));
    }
}

Result<SignpostList> loadSignposts(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(fmt::format("{}: cannot be read", file.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseSignposts(buffer.str(), file.filename().string());
}

bool isPlaceholder(const Signpost& signpost) {
    // The shipped file says where to look instead of how to reach the service; a site replaces it in config.toml.
    std::string contact = signpost.contact;
    for (char& c : contact) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return contact.empty() || contact.find("see your intranet") != std::string::npos;
}

std::vector<std::string> hidePlaceholders(SignpostList& list) {
    std::vector<std::string> hidden;
    for (const auto& s : list.entries)
        if (isPlaceholder(s)) hidden.push_back(s.name);
    std::erase_if(list.entries, [](const Signpost& s) { return isPlaceholder(s); });
    return hidden;
}

}  // namespace reflect::core
