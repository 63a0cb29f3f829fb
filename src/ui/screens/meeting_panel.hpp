// MeetingPanel: what a group's meeting adds under the runner's prompt: presenters during bids, the review of
// last meeting's actions, action commitments, the evaluation form and the closing numbers.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

class MeetingPanel {
public:
    /// Draws the panel for the running stage in the space left; nothing when the stage has no meeting feature.
    void draw(const UiContext& ui, const core::RunnerView& runner, ImVec2 size);
    /// True when the last frame showed "Press Tab to start typing" under the action box.
    [[nodiscard]] bool tabHintShown() const noexcept { return m_tabHintShown; }
    /// The evaluation form, which takes the whole stage area on a stage that shows it.
    void drawEvaluation(const UiContext& ui, const core::RunnerView& runner, ImVec2 size);

private:
    void drawPresenters(const UiContext& ui, const core::SessionMachine& machine, const core::RepeatDef& repeat,
                        bool initialsAllowed, const std::map<std::string, std::string>& initials, float width);
    /// One initials field per presenter slot, for a set's meeting.
    void drawInitials(const UiContext& ui, const core::RepeatDef& repeat, int count,
                      const std::map<std::string, std::string>& initials, float width);
    void drawReview(const UiContext& ui, const core::MeetingView& meeting, float width);
    void drawCommitment(const UiContext& ui, const core::MeetingView& meeting, const core::PlannedStage& stage,
                        float width);
    void drawClosing(const UiContext& ui, const core::MeetingView& meeting, float width);
    /// The due date picker; returns the date to store (YYYY-MM-DD) or none.
    [[nodiscard]] std::optional<std::string> drawDueDate(const UiContext& ui, float width);
    bool scaleRow(const UiContext& ui, const char* id, std::optional<int>& value,
                  const std::vector<std::string>& labels, bool keyed, float width);

    std::array<std::string, 8> m_initials;  ///< the initials being typed, per presenter slot
    std::array<bool, 8> m_editingInitials{};
    bool m_typingInitials = false;
    std::string m_actionText;
    bool m_typingAction = false;  ///< the action box has the keyboard (its Tab hint is not needed)
    /// For tests: whether the last frame printed the "Press Tab to start typing" hint.
    bool m_tabHintShown = false;
    std::optional<int> m_dueDays;  ///< the due date as days from today; none = no date
    TypedCount m_people;           ///< the head count being typed, sent on Enter or when the field is left
    std::string m_outcome;
    int m_seenActions = -1;
    // The evaluation form: one person's answers, wiped after each submit.
    core::EvaluationAnswers m_eval;
    int m_seenEvaluations = -1;
    core::SteadyMs m_thanksUntil = 0;
    // What the keys act on last frame, so the list scrolls to it once when it moves on.
    int m_lastKeyedRow = -2;
    std::int64_t m_lastKeyedAction = -1;
};

}  // namespace reflect::ui
