// ActionStore: actions a group commits to, reviewed at its next meeting, with every change kept as history.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"
#include "core/text/time_format.hpp"

namespace reflect::core {

enum class ActionStatus { Open, InProgress, Done, Dropped };

[[nodiscard]] std::string_view toString(ActionStatus status) noexcept;
[[nodiscard]] std::optional<ActionStatus> parseActionStatus(std::string_view text) noexcept;

struct Action {
    std::int64_t id = 0;
    std::optional<std::int64_t> groupId;
    std::optional<std::int64_t> sessionId;  ///< the meeting that agreed it
    std::string text;                       ///< scrubbed
    std::string ownerLabel;                 ///< "Presenter A" or "The set", never a name
    std::optional<std::string> dueDate;     ///< YYYY-MM-DD
    ActionStatus status = ActionStatus::Open;
    std::string outcome;  ///< scrubbed
};

struct ActionHistoryRow {
    int seq = 0;
    std::optional<std::int64_t> sessionId;
    ActionStatus status = ActionStatus::Open;
    std::string outcome;
    std::string note;  ///< "created", "carried over", "reviewed", "updated"
    /// The review left the action open and carried it to the next meeting.
    [[nodiscard]] bool carriedOver() const noexcept { return note == "carried over"; }
    std::int64_t atWall = 0;
};

/// How the facilitator marks an action at a check-in.
struct ActionReview {
    ActionStatus status = ActionStatus::Open;
    std::string outcome;     ///< raw; scrubbed before storing
    bool carryOver = false;  ///< still open, looked at, carried to the next meeting
};

class ActionStore {
public:
    ActionStore(Database& db, const Scrubber& scrubber) : m_db(db), m_scrubber(scrubber) {}

    /// Scrubs the text (raw text never reaches the database) and stores the action with a "created" history row.
    [[nodiscard]] Result<std::int64_t> add(std::optional<std::int64_t> groupId, std::optional<std::int64_t> sessionId,
                                           std::string_view rawText, std::string_view ownerLabel,
                                           std::optional<std::string> dueDate, std::int64_t nowWall);
    /// Records a review of the action at `sessionId` (a check-in): new status, scrubbed outcome, a history row.
    [[nodiscard]] Result<void> review(std::int64_t actionId, std::optional<std::int64_t> sessionId,
                                      const ActionReview& review, std::int64_t nowWall);

    [[nodiscard]] std::optional<Action> find(std::int64_t actionId) const;
    [[nodiscard]] std::vector<Action> agreedIn(std::int64_t sessionId) const;
    [[nodiscard]] std::vector<Action> openForGroup(std::int64_t groupId) const;
    /// Open actions of the group agreed at an earlier meeting and not yet marked during `sessionId`.
    [[nodiscard]] std::vector<Action> awaitingReview(std::int64_t groupId, std::int64_t sessionId) const;
    /// Open actions agreed earlier that `sessionId` has already marked or is to mark: the check-in's list.
    [[nodiscard]] std::vector<Action> forCheckIn(std::int64_t groupId, std::int64_t sessionId) const;
    [[nodiscard]] std::vector<ActionHistoryRow> history(std::int64_t actionId) const;

    /// A set's initials for one presenter slot ("Presenter A") of one meeting: letters only, 1 to 3, stored
    /// upper-cased with that meeting alone; empty text removes them. Lead views never read them.
    [[nodiscard]] Result<void> setPresenterInitials(std::int64_t sessionId, std::string_view slot,
                                                    std::string_view typed);
    /// The meeting's initials by slot label; empty when the set chose none.
    [[nodiscard]] std::map<std::string, std::string> presenterInitials(std::int64_t sessionId) const;

private:
    Database& m_db;
    const Scrubber& m_scrubber;
};

/// A presenter's initials as the set typed them, checked: letters only, 1 to 3 of them, upper-cased. Blanks around
/// them are ignored; an empty result means "none".
[[nodiscard]] Result<std::string> normalisePresenterInitials(std::string_view typed);

inline constexpr std::size_t kMaxActionCharacters = 400;

}  // namespace reflect::core
