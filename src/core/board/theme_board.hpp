// ThemeBoard: after the reveal, the facilitator turns contributions into a few named, tagged themes. Holds the
// on-screen card order in memory only (shuffled once at load; never stored), and writes every change at once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/contribute/codebook.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// Why the shared screen may not show the contributions yet.
enum class RevealRefusal { None, StillOpen, TooFew };

struct RevealCheck {
    RevealRefusal refusal = RevealRefusal::None;
    int count = 0;
    int minimum = 3;
    [[nodiscard]] bool allowed() const noexcept { return refusal == RevealRefusal::None; }
};

/// Reveal needs contributions closed (or already revealed) and at least `minimum` of them.
[[nodiscard]] RevealCheck checkReveal(ContributionState state, int count, int minimum) noexcept;

struct BoardCard {
    std::int64_t id = 0;
    std::string text;
    std::int64_t themeId = 0;  ///< 0 = not in a theme yet
};

struct BoardTheme {
    std::int64_t id = 0;
    std::string name;
    int votes = 0;
    std::vector<std::string> tags;  ///< codebook keys, in codebook order
};

/// Below this many people in the room, the board says anonymity is weak.
inline constexpr int kWeakAnonymityBelow = 5;
/// How far back "also in N of the last 6 sessions" looks.
inline constexpr int kRecurrenceWindow = 6;

struct TagRecurrence {
    int sessions = 0;  ///< earlier sessions of the same format (at most kRecurrenceWindow) looked at
    int carrying = 0;  ///< of those, how many had a theme with this tag
};

class ThemeBoard {
public:
    /// Theme names are typed on the shared screen too, so they are scrubbed like contributions.
    ThemeBoard(Database& db, const Codebook& codebook, const Scrubber& scrubber)
        : m_db(db), m_codebook(codebook), m_scrubber(scrubber), m_store(db) {}

    /// Loads the session's visible cards in a fresh random order, and its themes.
    void load(std::int64_t sessionId);
    void unload() noexcept;
    [[nodiscard]] std::int64_t sessionId() const noexcept { return m_sessionId; }

    [[nodiscard]] const std::vector<BoardCard>& cards() const noexcept { return m_cards; }
    [[nodiscard]] const std::vector<BoardTheme>& themes() const noexcept { return m_themes; }
    [[nodiscard]] const BoardTheme* theme(std::int64_t id) const noexcept;
    [[nodiscard]] int cardsIn(std::int64_t themeId) const noexcept;
    [[nodiscard]] const Codebook& codebook() const noexcept { return m_codebook; }

    [[nodiscard]] Result<std::int64_t> createTheme(const std::vector<std::int64_t>& cardIds, std::string_view name);
    [[nodiscard]] Result<void> rename(std::int64_t themeId, std::string_view name);
    [[nodiscard]] Result<void> toggleTag(std::int64_t themeId, std::string_view tagKey);
    /// Moves every card and tag of `from` into `into`, adds the votes, and deletes `from`.
    [[nodiscard]] Result<void> merge(std::int64_t into, std::int64_t from);
    /// Moves the given cards of one theme into a new theme named `name`; returns its id.
    [[nodiscard]] Result<std::int64_t> split(std::int64_t themeId, const std::vector<std::int64_t>& cardIds,
                                             std::string_view name);
    /// Takes cards out of their theme (back to the loose cards). A theme left empty is deleted.
    [[nodiscard]] Result<void> ungroup(const std::vector<std::int64_t>& cardIds);
    /// Hides a card for good: it leaves the board and its theme, and is never shown again.
    [[nodiscard]] Result<void> hideCard(std::int64_t cardId);
    [[nodiscard]] Result<void> vote(std::int64_t themeId, int delta);

    /// "Also in N of the last 6 sessions of the same format" for one tag.
    [[nodiscard]] TagRecurrence recurrence(std::string_view tagKey) const;

private:
    void reloadThemes();
    [[nodiscard]] Result<void> cleanEmptyThemes();
    BoardCard* card(std::int64_t id) noexcept;
    [[nodiscard]] Result<std::string> cleanName(std::string_view name) const;

    Database& m_db;
    const Codebook& m_codebook;
    const Scrubber& m_scrubber;
    ContributionStore m_store;
    std::int64_t m_sessionId = 0;
    std::vector<BoardCard> m_cards;
    std::vector<BoardTheme> m_themes;
    int m_earlierSessions = 0;                 ///< how many earlier sessions of the same format were looked at (≤ 6)
    std::map<std::string, int> m_earlierTags;  ///< tag → how many of those carried it; fixed while the board is open
};

/// sessions.attendance: how many people were in the room (nullopt = not entered yet).
[[nodiscard]] std::optional<int> sessionAttendance(Database& db, std::int64_t sessionId);
[[nodiscard]] Result<void> setSessionAttendance(Database& db, std::int64_t sessionId, int people);

}  // namespace reflect::core
