// MeetingFlow: what a group's meeting adds: groups, presenters, actions carried between meetings, evaluations
// and the peer-support principles checklist.
#pragma once

#include "core/kiosk/kiosk_context.hpp"
#include "core/kiosk/kiosk_view.hpp"

namespace reflect::core {

class MeetingFlow {
public:
    MeetingFlow(KioskServices& services, KioskState& state);

    /// Open actions that still need marking before the running check-in can be left (0 without meetings).
    [[nodiscard]] int unreviewedActions() const;
    [[nodiscard]] MeetingView view() const;
    [[nodiscard]] ChecklistView checklistView() const;
    [[nodiscard]] std::optional<std::int64_t> createdGroup() const noexcept { return m_createdGroup; }

    void on(const SetRepeatCount& c, SteadyMs now);
    void on(const SetPresenterInitials& c, SteadyMs now);
    void on(const CreateGroup& c, SteadyMs now);
    void on(const AddAction& c, SteadyMs now);
    void on(const ReviewAction& c, SteadyMs now);
    void on(const SubmitEvaluation& c, SteadyMs now);
    void on(const OpenChecklist& c, SteadyMs now);
    void on(const SaveChecklist& c, SteadyMs now);

private:
    void showResult(const Result<void>& result);
    [[nodiscard]] std::optional<std::int64_t> activeSession() const;
    void fillStageParts(MeetingView& v, const SessionMachine& machine) const;

    KioskServices& m_services;
    KioskState& m_state;
    std::optional<std::int64_t> m_createdGroup;
    int m_evaluationsSaved = 0;
    int m_actionsSaved = 0;
    int m_initialsSaved = 0;
    std::int64_t m_checklistGroup = 0;
    int m_checklistsSaved = 0;
};

}  // namespace reflect::core
