// NavigationFlow: which screen shows, starting, steering, resuming and ending a session.
#pragma once

#include "core/kiosk/contribution_flow.hpp"
#include "core/kiosk/kiosk_context.hpp"
#include "core/kiosk/meeting_flow.hpp"

namespace reflect::core {

class NavigationFlow {
public:
    NavigationFlow(KioskServices& services, KioskState& state, ContributionFlow& contributions, MeetingFlow& meetings);

    /// An unfinished session (power cut, crash) reopens on its running stage.
    void startUp();
    [[nodiscard]] const std::optional<SessionSummary>& summary() const noexcept { return m_summary; }

    void on(const OpenSetup&, SteadyMs now);
    void on(const StartSession& c, SteadyMs now);
    void on(const SessionCommand& c, SteadyMs now);
    void on(const ResumeSession&, SteadyMs now);
    void on(const GoHome&, SteadyMs now);
    void on(const OpenSignposts&, SteadyMs now);
    void on(const FinishSummary&, SteadyMs now);
    void on(const DismissMessage&, SteadyMs now);

private:
    void showResult(const Result<void>& result);
    void endSession();

    KioskServices& m_services;
    KioskState& m_state;
    ContributionFlow& m_contributions;
    MeetingFlow& m_meetings;
    std::optional<SessionSummary> m_summary;
};

}  // namespace reflect::core
