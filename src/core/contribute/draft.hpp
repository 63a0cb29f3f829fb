// Draft rules a writer's screen needs without reaching a store: the length limit, how characters are counted, and
// the idle wipe of an unsent draft.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/clock.hpp"

namespace reflect::core {

/// The longest contribution, in characters.
inline constexpr std::size_t kMaxContributionCharacters = 2000;

/// Code points in well-formed UTF-8 (what a person thinks of as characters, near enough for a limit).
[[nodiscard]] std::size_t countCharacters(std::string_view utf8) noexcept;

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
