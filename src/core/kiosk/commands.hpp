// Commands: what the screens ask for. Screens queue them; the controller applies them after the frame.
#pragma once

#include <string>
#include <variant>

#include "core/session/session_machine.hpp"
#include "core/session/session_plan.hpp"

namespace reflect::core {

/// Which full-screen view is showing. The kiosk shows exactly one at a time.
enum class Screen { Home, Setup, Runner, Summary, Signposts };

struct OpenSetup {};
struct StartSession {
    std::string templateId;
    PlanChoices choices;
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

using Command = std::variant<OpenSetup, StartSession, SessionCommand, ResumeSession, GoHome, OpenSignposts,
                             FinishSummary, RequestExit, CancelExit, SubmitExitPin, DismissMessage>;

}  // namespace reflect::core
