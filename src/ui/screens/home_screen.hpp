// HomeScreen: resume an unfinished session (shown first), start a new one, find support.
#pragma once

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class HomeScreen {
public:
    void draw(const UiContext& ui, const core::HomeView& home, const core::PadsView& pads,
              const std::string& organisation);

private:
    /// Groups that meet again, each with its next step ("3 open actions to review").
    void drawGroups(const UiContext& ui, const core::HomeView& home, float left, float column);
    /// Sessions that ended in the last 14 days, each with "Enter paper forms" (behind the facilitator PIN).
    void drawPaperTallies(const UiContext& ui, const core::HomeView& home, float left, float column);
};

}  // namespace reflect::ui
