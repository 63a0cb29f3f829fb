// SummaryScreen: what each stage planned and took, and the overall overrun, after a session ends.
#pragma once

#include "core/kiosk/kiosk_controller.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class SummaryScreen {
public:
    void draw(const UiContext& ui, const core::KioskController& kiosk);
};

}  // namespace reflect::ui
