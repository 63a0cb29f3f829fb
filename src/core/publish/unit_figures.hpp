// The aggregates one suppression unit publishes: counts only, never a contribution, comment or evaluation row.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "core/review/suppression.hpp"

namespace reflect::core {

/// One unit: a group (or, for sessions without one, a format) in one calendar month, as the lead review counts
/// them. `key` names it within one kiosk: "g<group id>|<format>|YYYY-MM" or "-|<format>|YYYY-MM".
struct UnitFigures {
    std::string key;
    std::string group;  ///< the group's name ("" for sessions without a group)
    std::string format;
    std::string month;  ///< YYYY-MM
    std::int64_t sessions = 0;
    std::int64_t attendance = 0;
    std::int64_t contributions = 0;
    std::int64_t evaluations = 0;
    struct Answers {
        std::string statement;
        std::array<std::int64_t, 5> counts{};  ///< answers 1..5
        friend bool operator==(const Answers&, const Answers&) = default;
    };
    std::map<int, Answers> answers;            ///< by statement index
    std::map<std::string, std::int64_t> tags;  ///< sessions each codebook tag came up in
    std::map<std::pair<std::string, std::string>, std::int64_t>
        tagPairs;  ///< sessions both came up in (first < second)
    struct Stage {
        std::string name;
        std::int64_t sessions = 0, plannedMs = 0, actualMs = 0, overruns = 0;  ///< sums over the unit's sessions
        friend bool operator==(const Stage&, const Stage&) = default;
    };
    std::map<std::string, Stage> stages;          ///< by stage key
    std::map<std::string, std::int64_t> actions;  ///< by state: open, in_progress, done, dropped
    struct Ratings {
        std::int64_t met = 0, partly = 0, notYet = 0, notApplicable = 0;
        friend bool operator==(const Ratings&, const Ratings&) = default;
    };
    std::map<std::string, Ratings> checklist;  ///< by principle
    std::vector<std::string> themes;           ///< scrubbed theme names, sorted; empty unless the admin allows them

    friend bool operator==(const UnitFigures&, const UnitFigures&) = default;
};

/// The text form of the lead review's unit key: "g<group>|<format>|YYYY-MM", or "-|<format>|YYYY-MM".
[[nodiscard]] std::string unitKeyText(const UnitKey& key);

[[nodiscard]] nlohmann::json toJson(const UnitFigures& unit);
/// Reads a unit back; refuses anything malformed with a line that names the field.
[[nodiscard]] Result<UnitFigures> unitFromJson(const nlohmann::json& json);

}  // namespace reflect::core
