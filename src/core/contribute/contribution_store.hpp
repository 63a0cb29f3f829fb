// ContributionStore: anonymous contributions. Random keys, no time, no author; reads come back shuffled, and when
// contributions close the session's rows are rewritten in a fresh random order so the file keeps no submission order.
// Text must already be scrubbed: raw text is never given to this class.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/contribute/draft.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

enum class ContributionState { Closed, Open, Revealed };

struct Contribution {
    std::int64_t id = 0;
    int stageIndex = 0;
    std::string text;
    bool hidden = false;
};

class ContributionStore {
public:
    explicit ContributionStore(Database& db) : m_db(db) {}

    /// Stores one scrubbed contribution in its own BEGIN IMMEDIATE ... COMMIT and succeeds only once the commit
    /// has returned, so "saved" can be shown truthfully. `risk` raises the session's safeguarding count in memory
    /// only: a count written in the same commit as the entry would tell a WAL reader which entry raised it.
    /// close() writes the count, in the same transaction that reorders the rows.
    [[nodiscard]] Result<void> add(std::int64_t sessionId, int stageIndex, std::string_view scrubbedText, bool risk);

    [[nodiscard]] int count(std::int64_t sessionId) const;
    /// Every contribution of the session in a fresh random order (hidden ones included, marked).
    [[nodiscard]] std::vector<Contribution> shuffled(std::int64_t sessionId) const;

    [[nodiscard]] ContributionState state(std::int64_t sessionId) const;
    [[nodiscard]] Result<void> setState(std::int64_t sessionId, ContributionState state);
    /// Closes contributions in one transaction that also rewrites the session's contributions and evaluations
    /// in a fresh random order under new keys and writes the safeguarding count held since they opened; then
    /// wipes the WAL (see forgetSubmissionOrder). Either all of it commits or none of it does.
    [[nodiscard]] Result<void> close(std::int64_t sessionId);
    /// The count written at the last close plus the risks seen since contributions opened.
    [[nodiscard]] int safeguardingAlerts(std::int64_t sessionId) const;

private:
    Database& m_db;
    std::map<std::int64_t, int> m_pendingAlerts;
};

/// Rewrites the session's contributions (and their theme cards and search-index entries) in a fresh random order
/// under new random keys, and deletes the old rows. Must run inside the caller's transaction; throws SqliteError.
/// With secure_delete on, the old cells are zeroed and the new ones sit in the page in the shuffled order.
void reorderContributions(Database& db, std::int64_t sessionId);

/// Refuses text that is not well-formed UTF-8 or is longer than kMaxContributionCharacters, with a calm message
/// for the person who typed it. add() calls it; screens may call it first to keep the draft and explain.
[[nodiscard]] Result<void> checkContributionText(std::string_view text);

}  // namespace reflect::core
