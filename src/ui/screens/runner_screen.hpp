// RunnerScreen: the shared-screen view of a running session: stage, a countdown readable from across a room,
// the prompt for the room, the facilitator's line, the timeline and the controls.
#pragma once

#include "core/kiosk/kiosk_view.hpp"
#include "ui/screens/meeting_panel.hpp"
#include "ui/screens/phone_pairing.hpp"
#include "ui/ui_context.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

class RunnerScreen {
public:
    /// `phone`: the pairing row and code (console only; the room view never gets them).
    void draw(const UiContext& ui, const core::RunnerView& runner, const core::PhoneView& phone = {});
    [[nodiscard]] bool confirmingEnd() const noexcept { return m_confirmEnd; }
    void openEndConfirm() noexcept { m_confirmEnd = true; }
    [[nodiscard]] const MeetingPanel& meeting() const noexcept { return m_meeting; }
    /// The runner's single-key controls, also live while the single screen shows the room view: the keyboard is
    /// the facilitator's, and a key press must not need the console on screen first.
    void handleShortcuts(const UiContext& ui, const core::RunnerView& runner);

private:
    void handleKeys(const UiContext& ui, const core::SessionMachine& machine);
    void handleContributionKeys(const UiContext& ui, const core::RunnerView& runner);
    /// Open/close, the count while open, let staff write, reveal; and the safeguarding notice. Returns its height.
    /// People here, with − and +: the reveal in Rounds, Team Time and peer groups waits for enough of them.
    void drawHeadCount(const UiContext& ui, const core::RunnerView& runner, float width);
    void drawContributions(const UiContext& ui, const core::RunnerView& runner, float width);
    void drawStagePanel(const UiContext& ui, const core::RunnerView& runner, const core::SessionMachine& machine,
                        ImVec2 size);
    void drawSidePanel(const UiContext& ui, const core::SessionMachine& machine, ImVec2 size);
    void drawControls(const UiContext& ui, const core::SessionMachine& machine, ImVec2 size);
    void drawEndConfirm(const UiContext& ui);
    void send(const UiContext& ui, core::SessionOp op) const;

    bool m_confirmEnd = false;
    int m_lastScrolledStage = -1;
    MeetingPanel m_meeting;
    PhonePairing m_pairing;
    bool m_pairCodeShowing = false;  ///< the pairing dialog is up: the runner's keys wait
    TypedCount m_people;             ///< the console's head count being typed
};

}  // namespace reflect::ui
