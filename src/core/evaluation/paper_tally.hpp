// PaperTally: the counts a steering group copies from the paper evaluation forms of one ended session, checked
// before they are saved. Plain data; the words of every mistake come from the string table.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/evaluation_store.hpp"
#include "core/text/string_table.hpp"

namespace reflect::core {

/// The answers of one item on the form: index 0 = the lowest (Poor, Strongly disagree), 4 = the highest.
using AnswerCounts = std::array<int, 5>;

inline constexpr std::size_t kStaffGroups = 4;  ///< clinical, non-clinical, student, other (StaffGroup order)

struct PaperTally {
    std::optional<int> headCount;          ///< the session's head count, as recorded or typed on the tally
    int forms = 0;                         ///< paper forms returned
    AnswerCounts overall{};                ///< "Overall, how was today?"
    std::vector<AnswerCounts> statements;  ///< one per template statement, in template order
    int comeAgainYes = 0;
    int comeAgainNo = 0;
    std::array<int, kStaffGroups> staffGroups{};
    friend bool operator==(const PaperTally&, const PaperTally&) = default;
};

/// The rows of the tally grid, top to bottom: forms returned, overall, each statement, would come again, staff
/// groups (the head count above them). A mistake names its row so a screen can show it beside that row.
struct TallyRow {
    enum class Kind { HeadCount, Forms, Overall, Statement, ComeAgain, StaffGroups };
    Kind kind = Kind::Forms;
    int statement = 0;  ///< 0-based, for Kind::Statement
    friend bool operator==(const TallyRow&, const TallyRow&) = default;
};

struct TallyIssue {
    TallyRow row;
    std::string message;  ///< one sentence: what is wrong and what to fix
};

/// What the tally is checked against besides itself.
struct TallyContext {
    int otherForms = 0;  ///< evaluations that came from phones or the kiosk (kept as they are)
};

/// The answers counted on one row, and how many forms left it blank.
[[nodiscard]] int answered(const AnswerCounts& counts) noexcept;
[[nodiscard]] int answeredOnRow(const PaperTally& tally, const TallyRow& row) noexcept;

/// Every mistake, one message each, in grid order; empty when the tally can be saved. Checks: a head count is
/// recorded; forms (with those from phones and the kiosk) are no more than the head count; no count is below 0;
/// no row has more answers than forms.
[[nodiscard]] std::vector<TallyIssue> validateTally(const PaperTally& tally, const TallyContext& context,
                                                    const StringTable& strings);

/// The forms as rows of answers: the tally's counts spread over `forms` evaluations. The same tally always gives
/// the same rows, so a later correction can take exactly these rows back out. Only the per-item counts carry
/// meaning; which answers share a row does not (no reader uses a joint of two items).
[[nodiscard]] std::vector<EvaluationAnswers> spreadOverForms(const PaperTally& tally);

}  // namespace reflect::core
