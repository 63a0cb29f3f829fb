// ContributionService: takes a raw draft, scrubs it, checks it for risk phrases and stores only the scrubbed text;
// also opens and closes contributions for a session. Raw text is read here and never kept, logged or stored.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/contribute/draft.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct SubmitOutcome {
    bool atRisk = false;  ///< show support signposts now; the facilitator's count went up
};

class ContributionService {
public:
    ContributionService(Database& db, const Scrubber& scrubber) : m_store(db), m_scrubber(scrubber) {}

    [[nodiscard]] Result<void> open(std::int64_t sessionId);
    /// Closes open contributions; the session's rows are rewritten in a fresh random order and the WAL wiped
    /// (ContributionStore::close). Closing what is not open succeeds and changes nothing.
    [[nodiscard]] Result<void> close(std::int64_t sessionId);
    [[nodiscard]] ContributionState state(std::int64_t sessionId) const { return m_store.state(sessionId); }
    [[nodiscard]] int count(std::int64_t sessionId) const { return m_store.count(sessionId); }
    [[nodiscard]] int safeguardingAlerts(std::int64_t sessionId) const { return m_store.safeguardingAlerts(sessionId); }

    /// Scrubs and stores one contribution in its own transaction. Succeeds only after the commit returned.
    /// Refuses (nothing stored) when contributions are not open, the text is empty, over the limit, or not UTF-8.
    [[nodiscard]] Result<SubmitOutcome> submit(std::int64_t sessionId, int stageIndex, std::string_view raw);

    [[nodiscard]] ContributionStore& store() noexcept { return m_store; }

private:
    ContributionStore m_store;
    const Scrubber& m_scrubber;
};

}  // namespace reflect::core
