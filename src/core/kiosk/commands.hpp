// Commands: what the screens ask for. Screens queue them; the controller applies them after the frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/actions/action_store.hpp"
#include "core/checklist/checklist_store.hpp"
#include "core/contribute/secret_text.hpp"
#include "core/evaluation/evaluation_store.hpp"
#include "core/evaluation/paper_tally.hpp"
#include "core/review/dashboard.hpp"

#include "core/session/session_machine.hpp"
#include "core/session/session_plan.hpp"

namespace reflect::core {

/// Which full-screen view is showing. The kiosk shows exactly one at a time.
enum class Screen { Home, Setup, Runner, Summary, Signposts, Contribute, Board, Checklist, Dashboard, Tally };

struct OpenSetup {};
struct StartSession {
    // A constructor rather than an aggregate, so StartSession{id, choices} stays valid without naming a group.
    StartSession() = default;
    StartSession(std::string templateId_, PlanChoices choices_, std::optional<std::int64_t> groupId_ = std::nullopt)
        : templateId(std::move(templateId_)), choices(std::move(choices_)), groupId(groupId_) {}
    std::string templateId;
    PlanChoices choices;
    std::optional<std::int64_t> groupId;  ///< the group that meets (a set, a team); none for a one-off
};
struct SessionCommand {
    SessionOp op;
};
struct ResumeSession {};
struct GoHome {};
struct OpenSignposts {};
struct FinishSummary {};
/// Escape, Alt+F4 or the window's close button.
struct RequestExit {};
struct CancelExit {};
struct SubmitExitPin {
    std::string pin;
};
struct DismissMessage {};

// Contributions (issue 3). The raw draft travels only inside SecretText, which zeroes itself when done.
struct OpenContributions {};
struct CloseContributions {};
/// The shared screen becomes the contribute screen; the facilitator comes back with LeaveContribute (Ctrl+Home).
struct LetStaffWrite {};
struct LeaveContribute {};
struct SubmitContribution {
    SecretText text;
    /// Sent from a phone: the shared screen's own form shows nothing of it (no thank-you, no reset).
    bool fromPhone = false;
};
/// Shows the board if the reveal gate allows it; otherwise the runner says why.
struct RevealContributions {};
struct LeaveBoard {};
/// The read-only wall: the next (+1) or previous (-1) few cards.
struct TurnWallPage {
    int delta = 1;
};
/// From the wall to the board's grouping and tagging, on the console (the room keeps the wall).
struct ShowBoardTools {};
struct SetAttendance {
    int people = 0;
};
struct BoardCreateTheme {
    std::vector<std::int64_t> cards;
    std::string name;
};
struct BoardRename {
    std::int64_t theme = 0;
    std::string name;
};
struct BoardToggleTag {
    std::int64_t theme = 0;
    std::string tag;
};
struct BoardMerge {
    std::int64_t into = 0;
    std::int64_t from = 0;
};
struct BoardSplit {
    std::int64_t theme = 0;
    std::vector<std::int64_t> cards;
    std::string name;
};
struct BoardUngroup {
    std::vector<std::int64_t> cards;
};
struct BoardHideCard {
    std::int64_t card = 0;
};
struct BoardVote {
    std::int64_t theme = 0;
    int delta = 1;
};

// Groups, actions, evaluations and the principles checklist (issue 4).
/// Presenters during a set's bids: changes a repeat block's count in the running session.
struct SetRepeatCount {
    std::string repeatKey;
    int count = 1;
};
/// A set's initials for one presenter slot of the running meeting ("JM" for "Presenter A"); empty removes them.
struct SetPresenterInitials {
    std::string slot;
    std::string initials;
};
struct CreateGroup {
    std::string name;
    std::string format;
    std::optional<int> expectedSize;
};
/// An action for the running session's group; text and owner are scrubbed before storing.
struct AddAction {
    std::string text;
    std::string ownerLabel;
    std::optional<std::string> dueDate;
};
struct ReviewAction {
    std::int64_t actionId = 0;
    ActionReview review;
};
struct SubmitEvaluation {
    EvaluationAnswers answers;
    bool fromPhone = false;  ///< as for SubmitContribution
};
/// A facilitator's phone offers the session's one-time pairing token; a match uses it up.
struct PairPhone {
    std::string token;
};
/// The console's "Pair my phone": shows the one-time pairing code there (on a single screen, where the room sees
/// the console, only after the facilitator PIN when one is set).
struct ShowPairingCode {};
/// Puts the pairing code away unused (the code stays valid until the session ends or a phone pairs).
struct HidePairingCode {};
/// The console's "Unpair": the paired phone stops working at once, and a new code can be shown.
struct UnpairPhone {};
/// The facilitator PIN before the pairing code on a single screen.
struct SubmitPairPin {
    std::string pin;
};
struct CancelPairPin {};
struct OpenChecklist {
    std::int64_t groupId = 0;
};
struct SaveChecklist {
    std::vector<PrincipleAnswer> answers;
};

// Lead review (issue 5).
/// Home's "Lead review" (key L): opens the lead PIN pad.
struct OpenLeadReview {};
struct CancelLeadPin {};
struct SubmitLeadPin {
    std::string pin;
};
/// Any touch, click or key on the dashboard; restarts the idle lock.
struct LeadActivity {};
/// "Lock" on the dashboard: back to home.
struct LockLeadReview {};
struct ShowDashboardPanel {
    DashboardPanel panel = DashboardPanel::Sessions;
};
struct SetDashboardFilter {
    PeriodKind period = PeriodKind::Month;  ///< the fixed period, or the rows' granularity when `custom` is set
    std::optional<std::int64_t> groupId;
    std::optional<std::string> format;
    /// A custom first and last month; none = the default range for `period`. The core widens it to whole periods.
    std::optional<MonthRange> custom;
};
struct DashboardSearch {
    std::string text;
};
/// A tag row on the themes panel: opens up to three of its quotes (month and group only); audited like a search.
struct OpenTagQuotes {
    std::string tag;
};
/// "Close" (or Esc, or Enter) on the quotes.
struct CloseTagQuotes {};
/// Writes the CSV and JSON exports and the HTML report into this folder.
struct ExportDashboard {
    std::string folder;
};

// First-run PIN set-up and the idle close of every PIN pad.
/// Home's "Set the PINs" (key P): opens the set-up for the roles whose PIN is not set yet.
struct OpenPinSetup {};
/// Enter on the set-up pad: the new PIN the first time, the same PIN again to confirm. Zeroed when done.
struct PinSetupEntry {
    SecretText pin;
};
/// Escape or "Set later": closes the set-up without saving anything; home keeps a reminder.
struct SetPinsLater {};
/// Any touch, click or key while a PIN pad (exit, lead or set-up) is open; restarts its idle close.
struct PinPadActivity {};

// Paper evaluation forms counted after a session (the tally, on the console only).
/// "Enter paper forms" on the summary (opens at once) or on home (asks for the facilitator PIN when one is set).
struct OpenPaperTally {
    std::int64_t sessionId = 0;
};
struct SubmitTallyPin {
    std::string pin;
};
struct CancelTallyPin {};
/// The counts as typed so far; the core checks them and shows each mistake beside its row.
struct EditPaperTally {
    PaperTally tally;
};
/// Enter or "Save": saves the counts last sent with EditPaperTally, if they have no mistake.
struct SavePaperTally {};
/// Leaves the tally without saving (the screen asks first when something was typed).
struct CancelPaperTally {};

// The build test "a command without a handler does not compile" defines this to add one command no flow handles.
#ifdef REFLECT_PROBE_UNHANDLED_COMMAND
struct UnhandledProbe {};
#define REFLECT_PROBE_COMMAND , UnhandledProbe
#else
#define REFLECT_PROBE_COMMAND
#endif

using Command =
    std::variant<OpenSetup, StartSession, SessionCommand, ResumeSession, GoHome, OpenSignposts, FinishSummary,
                 RequestExit, CancelExit, SubmitExitPin, DismissMessage, OpenContributions, CloseContributions,
                 LetStaffWrite, LeaveContribute, SubmitContribution, RevealContributions, LeaveBoard, TurnWallPage,
                 ShowBoardTools, SetAttendance, BoardCreateTheme, BoardRename, BoardToggleTag, BoardMerge, BoardSplit,
                 BoardUngroup, BoardHideCard, BoardVote, SetRepeatCount, SetPresenterInitials, CreateGroup, AddAction,
                 ReviewAction, SubmitEvaluation, OpenChecklist, SaveChecklist, OpenLeadReview, CancelLeadPin,
                 SubmitLeadPin, LeadActivity, LockLeadReview, ShowDashboardPanel, SetDashboardFilter, DashboardSearch,
                 OpenTagQuotes, CloseTagQuotes, ExportDashboard, OpenPinSetup, PinSetupEntry, SetPinsLater,
                 PinPadActivity, PairPhone, OpenPaperTally, SubmitTallyPin, CancelTallyPin, EditPaperTally,
                 SavePaperTally, CancelPaperTally, ShowPairingCode, HidePairingCode, UnpairPhone, SubmitPairPin,
                 CancelPairPin REFLECT_PROBE_COMMAND>;

}  // namespace reflect::core
