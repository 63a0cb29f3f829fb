// MeetingPanel: what a group's meeting adds under the runner's prompt: presenters during bids, the review of
// last meeting's actions, action commitments, the evaluation form and the closing numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class MeetingPanel {
public:
    /// Draws the panel for the running stage in the space left; nothing when the stage has no meeting feature.
    void draw(const UiContext& ui, const core::RunnerView& runner, ImVec2 size);
    /// The evaluation form, which takes the whole stage area on a stage that shows it.
    void drawEvaluation(const UiContext& ui, const core::RunnerView& runner, ImVec2 size);

private:
    void drawPresenters(const UiContext& ui, const core::SessionMachine& machine, const core::RepeatDef& repeat,
                        float width);
    void drawReview(const UiContext& ui, const core::MeetingView& meeting, float width);
    void drawCommitment(const UiContext& ui, const core::MeetingView& meeting, const core::PlannedStage& stage,
                        float width);
    void drawClosing(const UiContext& ui, const core::MeetingView& meeting, float width);
    bool scaleRow(const UiContext& ui, const char* id, std::optional<int>& value,
                  const std::vector<std::string>& labels, bool keyed, float width);

    std::string m_actionText;
    std::string m_dueDate;
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
