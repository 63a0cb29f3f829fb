// Template loading and validation: a bad file gets one clear line naming file, line and field.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "core/templates/session_template.hpp"

namespace reflect::core {

/// One problem in one file, formatted as "file:line: field: message".
struct TemplateIssue {
    std::string file;
    int line = 0;
    std::string field;
    std::string message;
    [[nodiscard]] std::string toString() const;
};

struct TemplateSet {
    std::vector<SessionTemplate> templates;  ///< sorted by name; only files without issues
    std::vector<TemplateIssue> issues;       ///< one per rejected file
    [[nodiscard]] const SessionTemplate* find(const std::string& id) const;
};

/// Parses one template. On failure the issue names the first problem found.
[[nodiscard]] std::variant<SessionTemplate, TemplateIssue> parseTemplate(std::string_view text,
                                                                         std::string_view fileName);

/// Loads every *.toml in a folder; bad files are reported and skipped, duplicates of an id too.
[[nodiscard]] TemplateSet loadTemplates(const std::filesystem::path& dir);

}  // namespace reflect::core
