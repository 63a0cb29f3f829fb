// The demo history's formats and phrases: fixed tables, apart from the generator that draws from them.
#pragma once

#include <string_view>
#include <vector>

namespace reflect::core::demo {

struct StagePlan {
    const char* key;
    const char* name;
    int minutes;
    double overrun;  ///< how much this stage tends to run over (0.1 = 10 %)
};

struct Format {
    const char* format;
    const char* templateId;
    const char* templateName;
    const char* groupName;
    int weight;  ///< how often it meets compared with the others
    int attendanceLo, attendanceHi;
    int contributionsLo, contributionsHi;
    bool evaluations;
    int actionsLo, actionsHi;
    bool checklist;
    std::vector<StagePlan> stages;
};

/// The formats a demo history holds, with how often each meets and how its sessions tend to go.
[[nodiscard]] std::vector<Format> formats();
/// A few plain phrases per codebook tag; contributions are built from them, already free of identifiers.
[[nodiscard]] std::vector<std::string_view> phrasesFor(std::string_view tag);

}  // namespace reflect::core::demo
