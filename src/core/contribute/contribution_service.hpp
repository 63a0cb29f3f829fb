// ContributionService: takes a raw draft, scrubs it, checks it for risk phrases and stores only the scrubbed text;
// also opens and closes contributions for a session. Raw text is read here and never kept, logged or stored.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// Code points in well-formed UTF-8 (what a person thinks of as characters, near enough for a limit).
[[nodiscard]] std::size_t countCharacters(std::string_view utf8) noexcept;

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

/// The idle wipe of an unsent draft: after `idleMs` without a keystroke the draft goes, and for the last
/// `countdownMs` a countdown is shown so nobody loses words without warning. Times come from the injected clock.
class DraftIdleTimer {
public:
    explicit DraftIdleTimer(std::int64_t idleMs, std::int64_t countdownMs = 10'000) noexcept
        : m_idleMs(idleMs), m_countdownMs(countdownMs) {}

    void touch(SteadyMs now) noexcept {
        m_lastEdit = now;
        m_armed = true;
    }
    void disarm() noexcept { m_armed = false; }
    [[nodiscard]] bool armed() const noexcept { return m_armed; }
    [[nodiscard]] std::int64_t remainingMs(SteadyMs now) const noexcept {
        return m_armed ? std::max<std::int64_t>(0, m_lastEdit + m_idleMs - now) : m_idleMs;
    }
    [[nodiscard]] bool countdownVisible(SteadyMs now) const noexcept {
        return m_armed && remainingMs(now) <= m_countdownMs;
    }
    [[nodiscard]] bool expired(SteadyMs now) const noexcept { return m_armed && remainingMs(now) == 0; }
    /// Whole seconds left, rounded up, as the countdown shows them.
    [[nodiscard]] int secondsLeft(SteadyMs now) const noexcept {
        return static_cast<int>((remainingMs(now) + 999) / 1000);
    }

private:
    std::int64_t m_idleMs;
    std::int64_t m_countdownMs;
    SteadyMs m_lastEdit = 0;
    bool m_armed = false;
};

}  // namespace reflect::core
