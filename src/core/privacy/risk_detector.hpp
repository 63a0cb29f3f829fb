// Spots contributions that suggest someone may be at risk, so the kiosk can show support signposts at once and
// tell the facilitator that a contribution needs a safeguarding response, without ever saying whose or which.
#pragma once

#include <cstdint>
#include <string_view>

namespace reflect::core {

/// Kept for tests and for the wording of signposts; the product never shows which contribution or category fired.
enum class RiskCategory : std::uint8_t { None, Suicide, SelfHarm, Abuse, Despair };

/// "none", "suicide", "self_harm", "abuse", "despair".
[[nodiscard]] std::string_view riskCategoryName(RiskCategory category) noexcept;

struct RiskAssessment {
    RiskCategory primary = RiskCategory::None;  ///< the most serious category found (in enum order)
    std::uint8_t categories = 0;                ///< one bit per category found: 1 << static_cast<int>(category)

    [[nodiscard]] bool atRisk() const noexcept { return primary != RiskCategory::None; }
    [[nodiscard]] bool has(RiskCategory category) const noexcept {
        return (categories & (1U << static_cast<unsigned>(category))) != 0;
    }
};

/// Matches whole words after folding case, curly apostrophes, full-width letters, zero-width characters and extra
/// spaces, and after joining contractions ("can't", "cant", "can not", "cannot" all read as one word). Phrases do
/// not run across sentence punctuation. Linear in the length of the text.
///
/// Decisions: negation is not understood ("I'm not suicidal" still counts), because a false alarm only shows a
/// signpost while a miss can cost far more. Two common palliative-care phrasings are not counted: "wanted to die at
/// home / in peace / with her family" (a patient's wish about where to die) and "in the end it all ...".
[[nodiscard]] RiskAssessment assessRisk(std::string_view utf8);

[[nodiscard]] bool mentionsRisk(std::string_view utf8);

}  // namespace reflect::core
