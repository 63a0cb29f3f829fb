// ContributionStore: anonymous contributions. Random keys, no time, no author, nothing that records order;
// reads come back shuffled. Text must already be scrubbed: raw text is never given to this class.
#pragma once

#include <cstdint>
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

    /// Stores one scrubbed contribution in its own BEGIN IMMEDIATE ... COMMIT. When `risk` is true the
    /// session's safeguarding count goes up in the same transaction (the count, never which entry).
    /// Succeeds only once the commit has returned, so "saved" can be shown truthfully.
    [[nodiscard]] Result<void> add(std::int64_t sessionId, int stageIndex, std::string_view scrubbedText, bool risk);

    [[nodiscard]] int count(std::int64_t sessionId) const;
    /// Every contribution of the session in a fresh random order (hidden ones included, marked).
    [[nodiscard]] std::vector<Contribution> shuffled(std::int64_t sessionId) const;
    [[nodiscard]] Result<void> setHidden(std::int64_t contributionId, bool hidden);

    [[nodiscard]] ContributionState state(std::int64_t sessionId) const;
    [[nodiscard]] Result<void> setState(std::int64_t sessionId, ContributionState state);
    [[nodiscard]] int safeguardingAlerts(std::int64_t sessionId) const;

private:
    Database& m_db;
};

/// Refuses text that is not well-formed UTF-8 or is longer than kMaxContributionCharacters, with a calm message
/// for the person who typed it. add() calls it; screens may call it first to keep the draft and explain.
[[nodiscard]] Result<void> checkContributionText(std::string_view text);

}  // namespace reflect::core
