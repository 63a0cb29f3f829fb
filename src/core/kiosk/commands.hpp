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
#include "core/evaluation/evaluation_store.hpp"

#include "core/session/session_machine.hpp"
#include "core/session/session_plan.hpp"

namespace reflect::core {

/// Which full-screen view is showing. The kiosk shows exactly one at a time.
enum class Screen { Home, Setup, Runner, Summary, Signposts, Checklist };

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

// Groups, actions, evaluations and the principles checklist (issue 4).
/// Presenters during a set's bids: changes a repeat block's count in the running session.
struct SetRepeatCount {
    std::string repeatKey;
    int count = 1;
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
};
/// A head count, never names.
struct SetAttendance {
    int count = 0;
};
struct OpenChecklist {
    std::int64_t groupId = 0;
};
struct SaveChecklist {
    std::vector<PrincipleAnswer> answers;
};

using Command = std::variant<OpenSetup, StartSession, SessionCommand, ResumeSession, GoHome, OpenSignposts,
                             FinishSummary, RequestExit, CancelExit, SubmitExitPin, DismissMessage, SetRepeatCount, CreateGroup,
                             AddAction, ReviewAction, SubmitEvaluation, SetAttendance, OpenChecklist, SaveChecklist>;

}  // namespace reflect::core
