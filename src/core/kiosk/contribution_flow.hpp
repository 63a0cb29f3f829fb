// ContributionFlow: anonymous contributions of the running session and the theme board they become.
#pragma once

#include "core/board/theme_board.hpp"
#include "core/contribute/contribution_service.hpp"
#include "core/kiosk/kiosk_context.hpp"
#include "core/kiosk/kiosk_view.hpp"
#include "core/privacy/scrubber.hpp"

namespace reflect::core {

/// While contributions are open the console's count and safeguarding notice (and the paired phone's) move in
/// batches of this long, by the injected clock, and at once when contributions close: never per submission.
inline constexpr std::int64_t kContributionBatchMs = 30'000;

class ContributionFlow {
public:
    ContributionFlow(KioskServices& services, KioskState& state, const Scrubber& scrubber);

    /// The session is over: nothing more can be added, and the board lets go of its cards.
    void sessionEnding();
    /// Reads the running session's contributions for the view (called only when the view is rebuilt). While they
    /// are open the count and the alerts are those of the last batch.
    [[nodiscard]] ContributionsView view();
    /// Once per frame: when a batch is due and something was saved since the last one, the view is rebuilt.
    void tick(SteadyMs now);
    /// Milliseconds until the next batch that would change the console, or -1 when none is waiting.
    [[nodiscard]] std::int64_t msUntilBatch(SteadyMs now) const;
    [[nodiscard]] BoardView boardView() const;

    void on(const OpenContributions&, SteadyMs now);
    void on(const CloseContributions&, SteadyMs now);
    void on(const LetStaffWrite&, SteadyMs now);
    void on(const LeaveContribute&, SteadyMs now);
    void on(const SubmitContribution& c, SteadyMs now);
    void on(const RevealContributions&, SteadyMs now);
    void on(const LeaveBoard&, SteadyMs now);
    void on(const TurnWallPage& c, SteadyMs now);
    void on(const ShowBoardTools&, SteadyMs now);
    void on(const SetAttendance& c, SteadyMs now);
    void on(const BoardCreateTheme& c, SteadyMs now);
    void on(const BoardRename& c, SteadyMs now);
    void on(const BoardToggleTag& c, SteadyMs now);
    void on(const BoardMerge& c, SteadyMs now);
    void on(const BoardSplit& c, SteadyMs now);
    void on(const BoardUngroup& c, SteadyMs now);
    void on(const BoardHideCard& c, SteadyMs now);
    void on(const BoardVote& c, SteadyMs now);

private:
    /// Runs one command's body with the session's id, turning a storage failure into the screen's message and
    /// reporting a change of screen. Nothing runs without a session (only leaving is always allowed).
    template <class Body>
    void run(Body&& body);
    void showResult(const Result<void>& result);
    void boardResult(const Result<void>& result);
    [[nodiscard]] ContributionState state(std::int64_t sid) const;
    [[nodiscard]] bool stageAccepts() const;
    /// The reveal gate for the running session: the config's and the template's minimums, and its head count.
    [[nodiscard]] RevealCheck revealCheck(std::int64_t sid, ContributionState now, int count) const;
    [[nodiscard]] std::string refusalMessage(const RevealCheck& check) const;
    /// Sets may vote on themes; Rounds, Team Time and peer groups may not (the template says).
    [[nodiscard]] bool votesAllowed() const;
    /// Rounds, Team Time and peer groups show the room a read-only wall after the reveal (the template says).
    [[nodiscard]] bool wallAllowed() const;
    [[nodiscard]] WallView wallView(const std::vector<BoardCard>& cards) const;

    KioskServices& m_services;
    KioskState& m_state;
    ContributionService m_contrib;
    ThemeBoard m_board;
    SubmitFeedback m_feedback;
    std::string m_boardMessage;
    /// The figures the console last showed while contributions were open. Memory only.
    struct Batch {
        std::int64_t session = 0;  ///< 0: no batch (contributions not open)
        int count = 0;
        int alerts = 0;
        SteadyMs due = -1;     ///< when the next batch may show; -1 until the first tick after opening
        bool pending = false;  ///< something was saved since the figures were read
        bool refresh = true;   ///< read the figures at the next rebuild
    };
    Batch m_batch;
    int m_wallFirst = 0;         ///< index of the wall's first card on the page showing
    bool m_wallConsole = false;  ///< the console still shows the wall (not yet the board's tools)
};

}  // namespace reflect::core
