// SessionPlan: a template expanded with the facilitator's choices (panellist count, minutes) into concrete stages.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/templates/session_template.hpp"

namespace reflect::core {

/// What the facilitator decided at set-up (and, for a set, during bids).
struct PlanChoices {
    std::string title;
    std::map<std::string, int> repeatCounts;     ///< by repeat key; missing = the template default
    std::map<std::string, double> stageMinutes;  ///< by stage key; missing = the template's minutes
    /// By repeat key: the minutes each instance asked for (a set's bids). The block's time is shared in
    /// these proportions instead of equally; missing or non-positive entries count as an average bid.
    std::map<std::string, std::vector<double>> repeatWeights;
    /// By break stage key: how many instances of the repeat block before it come first (1 = after the
    /// first presenter). Missing = half way, rounded up.
    std::map<std::string, int> breakAfter;
    bool operator==(const PlanChoices&) const = default;
};

/// One concrete stage of a session, after repeat blocks are expanded.
struct PlannedStage {
    std::string key;  ///< template stage key
    std::string name;
    std::int64_t plannedMs = 0;
    std::string prompt;
    std::string guidance;
    StageFlags flags;
    std::string repeatKey;
    int repeatIndex = -1;  ///< 0-based instance within its repeat block, -1 if not repeated
    std::string label;     ///< "Panellist 2", or empty
};

/// The template snapshot a session runs with plus the choices made; stored with the session so a later
/// edit of the template file never changes a session that already ran.
class SessionPlan {
public:
    SessionPlan() = default;
    /// Builds the stages; counts and minutes outside the template's ranges are clamped into them.
    static SessionPlan build(SessionTemplate tmpl, PlanChoices choices);

    [[nodiscard]] const SessionTemplate& tmpl() const noexcept { return m_template; }
    [[nodiscard]] const PlanChoices& choices() const noexcept { return m_choices; }
    [[nodiscard]] const std::vector<PlannedStage>& stages() const noexcept { return m_stages; }
    [[nodiscard]] std::int64_t totalPlannedMs() const;
    [[nodiscard]] int repeatCount(const std::string& repeatKey) const;
    [[nodiscard]] double stageMinutes(const StageDef& stage) const;
    /// Each instance's share of its block relative to an equal share (1.0 when no bids were given).
    [[nodiscard]] std::vector<double> instanceFactors(const std::string& repeatKey) const;

    [[nodiscard]] std::string toJson() const;
    [[nodiscard]] static Result<SessionPlan> fromJson(std::string_view json);

private:
    [[nodiscard]] std::map<std::string, double> blockScales() const;
    [[nodiscard]] double fillMinutes(const StageDef& fill) const;
    [[nodiscard]] double plannedMinutesOf(const StageDef& stage) const;
    void expandBlock(std::size_t first, std::size_t end, double scale);

    SessionTemplate m_template;
    PlanChoices m_choices;
    std::vector<PlannedStage> m_stages;
};

}  // namespace reflect::core
