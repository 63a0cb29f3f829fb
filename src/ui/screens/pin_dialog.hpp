// PinDialog: the facilitator PIN pad that stands between a kiosk and its exit; works by touch or keys.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace reflect::ui {

class PinDialog {
public:
    /// Draws the dialog when `open`; emits SubmitExitPin or CancelExit.
    void draw(const UiContext& ui, bool open, const std::string& message);
    [[nodiscard]] const std::string& digits() const noexcept { return m_digits; }

private:
    void clear();
    std::string m_digits;
};

}  // namespace reflect::ui
