// EvaluationStore: anonymous end-of-session evaluations, kept like contributions: random keys, no time, no order.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

enum class StaffGroup { Clinical, NonClinical, Student, Other };

[[nodiscard]] std::string_view toString(StaffGroup group) noexcept;

/// One person's answers. Ratings are 1..5 (overall: Poor..Exceptional; statements: strongly disagree..strongly
/// agree); an unanswered item is nullopt.
struct EvaluationAnswers {
    std::optional<int> overall;
    std::vector<std::optional<int>> statements;  ///< one per template statement, in template order
    std::optional<StaffGroup> staffGroup;
    std::string comment;  ///< raw on the way in; scrubbed before storing
    std::optional<bool> comeAgain;
};

/// One stored evaluation. It carries no staff group: that is counted per session apart from the rows
/// (evaluation_staff_groups), so a lone student's group never points at the student's answers.
struct StoredEvaluation {
    std::optional<int> overall;
    std::vector<std::optional<int>> statements;
    std::string comment;
    std::optional<bool> comeAgain;
};

/// Counts for a lead: how many answered, and the spread of each rating.
struct EvaluationTally {
    int count = 0;
    std::array<int, 5> overall{};  ///< index 0 = Poor
    int comeAgainYes = 0;
    int comeAgainNo = 0;
};

class EvaluationStore {
public:
    EvaluationStore(Database& db, const Scrubber& scrubber) : m_db(db), m_scrubber(scrubber) {}

    /// One transaction: the evaluation under a fresh random key and its statement answers. The statements'
    /// text is stored with each answer so a later template edit never changes what was asked.
    [[nodiscard]] Result<void> add(std::int64_t sessionId, const EvaluationAnswers& answers,
                                   const std::vector<std::string>& statements);
    [[nodiscard]] int count(std::int64_t sessionId) const;
    /// All evaluations of a session in a fresh random order.
    [[nodiscard]] std::vector<StoredEvaluation> shuffled(std::int64_t sessionId) const;
    [[nodiscard]] EvaluationTally tally(std::int64_t sessionId) const;
    /// How many forms of a session named each staff group ("clinical", ...). Raw counts: a lead only ever sees
    /// them through the unit rule (staffGroupsByPeriod in review.hpp).
    [[nodiscard]] std::map<std::string, int> staffGroupCounts(std::int64_t sessionId) const;

private:
    Database& m_db;
    const Scrubber& m_scrubber;
};

inline constexpr std::size_t kMaxEvaluationComment = 1000;

/// Rewrites the session's evaluations and their answers in a fresh random order under new random keys and deletes
/// the old rows, so neither the cells' places in a page nor the per-session index keep the order they came in.
/// Must run inside the caller's transaction; throws SqliteError. Copies whatever columns the schema has.
void reorderEvaluations(Database& db, std::int64_t sessionId);

}  // namespace reflect::core
