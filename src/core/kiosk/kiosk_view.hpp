// KioskView: everything every surface draws for one frame, built by the core after the frame's commands.
// Plain data: no store, no database, no reference into anything a surface could write through.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/access/pin_store.hpp"
#include "core/actions/action_store.hpp"
#include "core/board/theme_board.hpp"
#include "core/checklist/checklist_store.hpp"
#include "core/contribute/codebook.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/evaluation/paper_tally_store.hpp"
#include "core/groups/group_store.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/commands.hpp"
#include "core/kiosk/phone_flow.hpp"
#include "core/review/dashboard.hpp"
#include "core/session/session_machine.hpp"
#include "core/session/session_store.hpp"
#include "core/templates/template_loader.hpp"

namespace reflect::core {

/// The visible countdown covers this last part of every idle wait (PIN pads closing, the review locking).
inline constexpr std::int64_t kIdleCountdownMs = 20'000;

/// What the contribute screen shows after "Submit anonymously". `serial` changes with every submission, so the
/// screen knows a new outcome arrived; nothing here says what was written.
struct SubmitFeedback {
    enum class Kind { None, Saved, Failed };
    Kind kind = Kind::None;
    std::string message;  ///< why it failed (Failed only)
    std::uint64_t serial = 0;
};

/// The first-run PIN set-up as its pad shows it. Never holds a PIN or any digit of one.
struct PinSetupView {
    bool open = false;
    Role role = Role::Facilitator;  ///< whose PIN is being set now
    bool confirming = false;        ///< false: enter a new PIN; true: enter the same PIN again
    int roleNumber = 1;             ///< which of the roles being set this is (1 or 2)
    int roles = 1;                  ///< how many roles this set-up sets
    std::string message;            ///< a refusal (length, mismatch) or what was just saved
    bool problem = false;           ///< true when `message` is a refusal
};

/// The three PIN pads. Idle time left is derived per frame from `lastInput` and the time, never by a query.
struct PadsView {
    bool exitOpen = false;
    std::string exitMessage;
    bool tallyOpen = false;  ///< the facilitator PIN before the paper tally (from home)
    std::string tallyMessage;
    bool leadOpen = false;
    std::string leadMessage;
    bool pairOpen = false;  ///< the facilitator PIN before the pairing code (single screen)
    std::string pairMessage;
    PinSetupView setup;
    SteadyMs lastInput = 0;
    std::int64_t idleLimitMs = 0;
    [[nodiscard]] bool anyOpen() const noexcept { return exitOpen || leadOpen || tallyOpen || pairOpen || setup.open; }
    /// Milliseconds until the open pad closes itself, or -1 when none is open.
    [[nodiscard]] std::int64_t idleRemainingMs(SteadyMs now) const noexcept;
};

struct HomeView {
    std::optional<UnfinishedSession> unfinished;
    bool canStart = false;
    std::size_t templateIssues = 0;
    bool facilitatorPinSet = false;
    bool leadPinSet = false;
    bool meetingsAvailable = false;
    std::vector<GroupOverview> groups;
    std::vector<TallySession> paperTallies;  ///< sessions ended in the last 14 days, for "Enter paper forms"
    [[nodiscard]] bool pinsMissing() const noexcept { return !facilitatorPinSet || !leadPinSet; }
};

struct SetupView {
    const TemplateSet* templates = nullptr;  ///< loaded at start and never changed while the kiosk runs
    bool meetingsAvailable = false;
    std::vector<Group> groups;
    std::optional<std::int64_t> createdGroup;  ///< the group the last CreateGroup made, so set-up can select it
};

/// The contributions of the running session, as the facilitator's controls need them.
struct ContributionsView {
    bool stageAccepts = false;
    ContributionState state = ContributionState::Closed;
    int count = 0;
    int safeguardingAlerts = 0;
    RevealCheck reveal;
    std::optional<int> attendance;
    SubmitFeedback feedback;
    int draftIdleSeconds = 90;
};

/// One action line as a meeting shows it. `carriedOver` is the review's outcome, not a note to search for.
struct MeetingActionLine {
    Action action;
    bool awaitingReview = false;
    bool carriedOver = false;
    std::string initials;  ///< the set's initials for the action's presenter at the meeting that agreed it, or empty
};

/// What a group's meeting adds to the running stage.
struct MeetingView {
    bool available = false;
    std::optional<std::int64_t> groupId;
    bool bids = false;                            ///< presenters are being decided
    bool review = false;                          ///< last meeting's actions are marked
    bool commitment = false;                      ///< a presenter commits to an action
    bool closing = false;                         ///< the last stage: counts, actions and attendance
    bool evaluation = false;                      ///< the stage shows the evaluation form
    std::optional<RepeatDef> presenters;          ///< the repeat block bids decide
    bool initialsAllowed = false;                 ///< the meeting belongs to a set, so presenters may carry initials
    std::map<std::string, std::string> initials;  ///< this meeting's initials by presenter slot ("Presenter A")
    int initialsSaved = 0;                        ///< goes up by one after initials are saved
    std::vector<MeetingActionLine> checkIn;       ///< review: open actions from earlier meetings
    int awaitingReview = 0;
    std::vector<Action> agreed;  ///< actions agreed in this session
    ClosingCounts closingCounts;
    int attendance = 0;
    int evaluations = 0;
    int evaluationsSaved = 0;  ///< goes up by one after each evaluation is saved
    int actionsSaved = 0;      ///< goes up by one after each action is saved
    [[nodiscard]] bool hasPanel() const noexcept { return bids || review || commitment || closing; }
};

/// The running session. `machine` is a copy: its times are derived from `now` each frame without a query.
struct RunnerView {
    std::optional<SessionMachine> machine;
    std::int64_t sessionId = 0;
    ContributionsView contributions;
    MeetingView meeting;
};

/// The cards the read-only wall shows a few at a time: how many people wrote the same words, and the words.
struct WallCard {
    std::string text;
    int copies = 1;  ///< identical cards merged: "×3"
    bool operator==(const WallCard&) const = default;
};

/// How many cards the wall shows at once, in large type.
inline constexpr int kWallCardsPerPage = 3;

/// The read-only wall after a reveal (templates with `wall`): the core decides the page; nothing here groups,
/// tags or votes.
struct WallView {
    bool enabled = false;         ///< the template shows the wall (the room view draws it while the board is open)
    bool console = false;         ///< the console shows the wall too, until the facilitator opens grouping
    std::vector<WallCard> cards;  ///< this page's cards
    int first = 0;                ///< 1-based number of the first card on this page (0: no cards)
    int last = 0;
    int total = 0;         ///< cards after merging duplicates
    std::string position;  ///< "Cards 4-6 of 17", in words from the string table
    bool canBack = false;
    bool canNext = false;
};

struct BoardView {
    WallView wall;
    std::vector<BoardCard> cards;
    std::vector<BoardTheme> themes;
    std::vector<CodebookTag> tags;                                  ///< the codebook's tags, in codebook order
    std::vector<std::pair<std::string, TagRecurrence>> recurrence;  ///< per codebook tag key
    std::string message;
    std::string formatName;  ///< the running template's name, for "also in 2 of the last 6 Team Times"
    std::optional<int> attendance;
    int safeguardingAlerts = 0;
    bool votes = false;  ///< the template allows voting on themes (sets may; Rounds and peer groups never)
    [[nodiscard]] const BoardTheme* theme(std::int64_t id) const noexcept;
    [[nodiscard]] int cardsIn(std::int64_t themeId) const noexcept;
    [[nodiscard]] TagRecurrence recurrenceOf(std::string_view tag) const noexcept;
};

struct ChecklistView {
    std::int64_t groupId = 0;
    std::string groupName;
    std::vector<Principle> principles;
    std::vector<Checklist> history;  ///< newest first
    int saved = 0;                   ///< goes up by one after each checklist is saved
};

/// The paper tally of one ended session as the console shows it: the counts typed so far and every mistake.
struct TallyView {
    TallySession session;
    std::vector<std::string> statements;
    PaperTally tally;  ///< as last typed (or as saved before, when it opens)
    int otherForms = 0;
    std::vector<TallyIssue> issues;
    bool changed = false;      ///< differs from what was saved before
    std::uint64_t opened = 0;  ///< goes up each time a tally opens, so the screen takes its counts afresh
    std::string saveMessage;   ///< why the last save was refused (storage), beside the Save button
};

struct KioskView {
    Screen screen = Screen::Home;
    std::string message;
    bool kioskMode = false;
    HomeView home;
    SetupView setup;
    RunnerView runner;
    std::optional<SessionSummary> summary;
    BoardView board;
    ChecklistView checklist;
    TallyView tally;
    DashboardView dashboard;
    std::string exportMessage;
    std::string exportFolder;
    PadsView pads;
    PhoneView phone;
    SteadyMs leadLastInput = 0;
    std::int64_t leadIdleLimitMs = 0;
    /// Milliseconds until the dashboard locks itself, or -1 when it is not showing.
    [[nodiscard]] std::int64_t leadIdleRemainingMs(SteadyMs now) const noexcept;
};

}  // namespace reflect::core
