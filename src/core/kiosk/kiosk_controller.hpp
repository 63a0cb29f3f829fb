// KioskController: the headless heart of the kiosk; applies commands to the services and decides the screen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/pin_store.hpp"
#include "core/board/theme_board.hpp"
#include "core/contribute/codebook.hpp"
#include "core/contribute/contribution_service.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/clock.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/commands.hpp"
#include "core/review/audit_log.hpp"
#include "core/review/dashboard.hpp"
#include "core/session/session_service.hpp"
#include "core/templates/template_loader.hpp"
#include "core/text/string_table.hpp"

namespace reflect::core {

struct KioskOptions {
    bool kioskMode = false;  ///< exit needs the facilitator PIN
    int revealMinimum = 3;             ///< config revealMinimum
    int draftIdleSeconds = 90;         ///< config draftIdleSeconds
    const Codebook* codebook = nullptr;  ///< tags for the board; nullptr = none (tagging unavailable)
    int lockIdleSeconds = 180;           ///< config lockIdleSeconds: the lead review locks after this long untouched
    ReviewSettings review{};             ///< suppression thresholds for the dashboard
    std::string exportFolder;            ///< the dashboard's default export folder
};

/// What the contribute screen shows after "Submit anonymously". `serial` changes with every submission, so the
/// screen knows a new outcome arrived; nothing here says what was written.
struct SubmitFeedback {
    enum class Kind { None, Saved, SavedAtRisk, Failed };
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

/// Everything a frame needs to draw, held by the controller; screens read it, never write it.
class KioskController {
public:
    KioskController(SessionService& sessions, PinStore& pins, const TemplateSet& templates, const StringTable& strings,
                    KioskOptions options);

    /// Call once at start: an unfinished session (power cut, crash) reopens on its running stage.
    void startUp();
    void apply(const Command& command);
    void applyAll(std::vector<Command>& commands);

    [[nodiscard]] Screen screen() const noexcept { return m_screen; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }
    [[nodiscard]] bool exitRequested() const noexcept { return m_exitRequested; }
    [[nodiscard]] bool shouldExit() const noexcept { return m_shouldExit; }
    [[nodiscard]] const std::string& pinMessage() const noexcept { return m_pinMessage; }
    [[nodiscard]] bool kioskMode() const noexcept { return m_options.kioskMode; }
    [[nodiscard]] const SessionService& sessions() const noexcept { return m_sessions; }
    [[nodiscard]] const TemplateSet& templates() const noexcept { return m_templates; }
    [[nodiscard]] const std::optional<SessionSummary>& summary() const noexcept { return m_summary; }
    [[nodiscard]] const std::optional<UnfinishedSession>& unfinished() const noexcept { return m_unfinished; }

    [[nodiscard]] const KioskOptions& options() const noexcept { return m_options; }

    // Contributions and the board (issue 3).
    [[nodiscard]] bool stageAcceptsContributions() const;
    [[nodiscard]] ContributionState contributionState() const;
    [[nodiscard]] int contributionCount() const;
    [[nodiscard]] int safeguardingAlerts() const;
    [[nodiscard]] RevealCheck revealCheck() const;
    [[nodiscard]] std::optional<int> attendance() const;
    [[nodiscard]] const SubmitFeedback& submitFeedback() const noexcept { return m_feedback; }
    [[nodiscard]] const ThemeBoard& board() const noexcept { return m_board; }
    [[nodiscard]] const std::string& boardMessage() const noexcept { return m_boardMessage; }
    [[nodiscard]] const Codebook& codebook() const noexcept { return m_options.codebook ? *m_options.codebook : m_noCodebook; }
    [[nodiscard]] const Scrubber& scrubber() const noexcept { return m_scrubber; }
    /// Groups, actions, evaluations and the checklist; without it those commands report that they are unavailable.
    void attachMeetings(MeetingService& meetings) { m_meetings = &meetings; }
    [[nodiscard]] const MeetingService* meetings() const noexcept { return m_meetings; }
    /// The group the last CreateGroup made, so set-up can select it.
    [[nodiscard]] std::optional<std::int64_t> createdGroup() const noexcept { return m_createdGroup; }
    /// Goes up by one after each evaluation is saved; the form resets and thanks the person when it changes.
    [[nodiscard]] int evaluationsSaved() const noexcept { return m_evaluationsSaved; }
    /// Goes up by one after each action is saved, so the commitment panel can clear its fields.
    [[nodiscard]] int actionsSaved() const noexcept { return m_actionsSaved; }
    [[nodiscard]] std::int64_t checklistGroup() const noexcept { return m_checklistGroup; }
    [[nodiscard]] int checklistsSaved() const noexcept { return m_checklistsSaved; }
    /// A message for the admin shown on the home screen until dismissed (start-up safe mode, backup trouble).
    void showNotice(std::string text) { m_message = std::move(text); }

    // Lead review (issue 5).
    [[nodiscard]] bool leadPinOpen() const noexcept { return m_leadPinOpen; }
    [[nodiscard]] const std::string& leadPinMessage() const noexcept { return m_leadPinMessage; }
    [[nodiscard]] bool leadPinSet() const;
    [[nodiscard]] const DashboardView& dashboard() const noexcept { return m_dashboard.view(); }
    [[nodiscard]] const std::string& exportMessage() const noexcept { return m_exportMessage; }
    /// Milliseconds until the dashboard locks itself, or -1 when it is not showing.
    [[nodiscard]] std::int64_t leadIdleRemainingMs(SteadyMs now) const;
    /// Once per frame, after the commands: locks an idle dashboard.
    void tick(SteadyMs now);

    // First-run PIN set-up, and the idle close of every PIN pad.
    [[nodiscard]] const PinSetupView& pinSetup() const noexcept { return m_setup; }
    /// True while the facilitator or the lead PIN is not set (home shows a reminder when the set-up is closed).
    [[nodiscard]] bool pinsMissing() const noexcept { return !m_facilitatorPinSet || !m_leadPinSet; }
    [[nodiscard]] bool facilitatorPinSet() const noexcept { return m_facilitatorPinSet; }
    /// True while the exit pad, the lead pad or the set-up is showing.
    [[nodiscard]] bool padOpen() const noexcept { return m_exitRequested || m_leadPinOpen || m_setup.open; }
    /// Milliseconds until the open PIN pad closes itself, or -1 when none is open.
    [[nodiscard]] std::int64_t padIdleRemainingMs(SteadyMs now) const;
    /// Milliseconds until an idle countdown (dashboard lock or pad close) changes what is on screen: when it
    /// appears, then each second, then the moment it acts. -1 when nothing is counting down.
    [[nodiscard]] std::int64_t msUntilIdleChange(SteadyMs now) const;
    /// The visible countdown covers this last part of every idle wait.
    static constexpr std::int64_t kIdleCountdownMs = 20'000;

    /// For screenshot and test set-ups.
    void showScreen(Screen screen) { m_screen = screen; }

private:
    void refreshUnfinished();
    void refreshPins();
    bool applyLead(const Command& command);
    bool applyPinSetup(const Command& command, SteadyMs now);
    void openPinSetup(SteadyMs now);
    void closePinSetup(const char* event);
    void closePadsWhenIdle();
    void lock();
    void showResult(const Result<void>& result);
    void boardResult(const Result<void>& result);
    void applyContribution(const Command& command);
    void applyContributionCommand(const Command& command);

    SessionService& m_sessions;
    PinStore& m_pins;
    const TemplateSet& m_templates;
    const StringTable& m_strings;
    KioskOptions m_options;
    Screen m_screen = Screen::Home;
    std::string m_message;
    bool m_exitRequested = false;
    bool m_shouldExit = false;
    std::string m_pinMessage;
    std::optional<SessionSummary> m_summary;
    std::optional<UnfinishedSession> m_unfinished;
    Codebook m_noCodebook;
    Scrubber m_scrubber;
    ContributionService m_contrib;
    ThemeBoard m_board;
    SubmitFeedback m_feedback;
    std::string m_boardMessage;
    MeetingService* m_meetings = nullptr;
    std::optional<std::int64_t> m_createdGroup;
    int m_evaluationsSaved = 0;
    int m_actionsSaved = 0;
    std::int64_t m_checklistGroup = 0;
    int m_checklistsSaved = 0;
    AuditLog m_audit;
    Dashboard m_dashboard;
    bool m_leadPinOpen = false;
    std::string m_leadPinMessage;
    SteadyMs m_leadLastInput = 0;
    std::string m_exportMessage;
    PinSetupView m_setup;
    SecretText m_setupFirst;  ///< the first entry of the PIN being set, until it is confirmed; zeroed after
    bool m_facilitatorPinSet = false;
    bool m_leadPinSet = false;
    SteadyMs m_padLastInput = 0;
};

}  // namespace reflect::core
