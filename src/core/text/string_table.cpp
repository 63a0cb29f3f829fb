// StringTable implementation over toml++.
#include "core/text/string_table.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace reflect::core {

namespace {
void flatten(const toml::table& table, const std::string& prefix, std::map<std::string, std::string, std::less<>>& out,
             std::string& error) {
    for (const auto& [k, v] : table) {
        const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const auto* t = v.as_table())
            flatten(*t, key, out, error);
        else if (const auto* s = v.as_string())
            out[key] = s->get();
        else if (error.empty())
            error = fmt::format("line {}: {}: must be text in quotes", v.source().begin.line, key);
    }
}
}  // namespace

Result<StringTable> StringTable::parse(std::string_view toml, std::string_view fileName) {
    try {
        const toml::table root = toml::parse(toml, fileName);
        StringTable table;
        std::string error;
        flatten(root, "", table.m_texts, error);
        if (!error.empty()) return fail(fmt::format("{}: {}", fileName, error));
        return table;
    } catch (const toml::parse_error& e) {
        return fail(fmt::format("{}:{}: {}", fileName, e.source().begin.line, e.description()));
    }
}

Result<StringTable> StringTable::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(fmt::format("{}: cannot be read", file.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), file.filename().string());
}

Result<StringTable> StringTable::loadLocale(const std::filesystem::path& folder) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    if (ec || files.empty()) return fail(fmt::format("{}: no string files found", folder.string()));
    std::sort(files.begin(), files.end());
    StringTable merged;
    for (const auto& file : files) {
        auto part = load(file);
        if (!part) return part.error();
        for (auto& [key, value] : part->m_texts) {
            if (merged.m_texts.count(key))
                return fail(
                    fmt::format("{}: {}: is already defined in another strings file", file.filename().string(), key));
            merged.m_texts.emplace(key, std::move(value));
        }
    }
    return merged;
}

std::string_view pluralCategory(std::string_view number) noexcept {
    return number == "1" ? "one" : "other";
}

const std::string& StringTable::get(std::string_view key) const {
    if (auto it = m_texts.find(key); it != m_texts.end()) return it->second;
    if (auto it = m_texts.find(std::string(key) + "_other"); it != m_texts.end()) return it->second;
    auto [it, inserted] = m_missing.emplace(std::string(key), std::string(key));
    return it->second;
}

bool StringTable::has(std::string_view key) const {
    return m_texts.find(key) != m_texts.end() || m_texts.find(std::string(key) + "_other") != m_texts.end();
}

std::vector<std::string> StringTable::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m_texts) out.push_back(k);
    return out;
}

std::string StringTable::format(std::string_view key,
                                std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    const std::string* chosen = nullptr;
    if (m_texts.find(key) == m_texts.end()) {
        for (const std::string_view counter : {"count", "minutes", "seconds", "meetings"}) {
            const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == counter; });
            if (arg == args.end()) continue;
            const std::string form = std::string(key) + "_" + std::string(pluralCategory(arg->second));
            if (auto it = m_texts.find(form); it != m_texts.end()) chosen = &it->second;
            break;
        }
    }
    // A plain scanner rather than fmt: a translator's stray brace must never throw at a facilitator.
    const std::string& pattern = chosen ? *chosen : get(key);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string::npos) {
                const std::string_view name(pattern.data() + i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [n, value] : args)
                    if (n == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

}  // namespace reflect::core
