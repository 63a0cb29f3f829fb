// PinDialog: the facilitator PIN pad that stands between a kiosk and its exit; works by touch or keys.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace reflect::ui {

/// Which PIN the pad asks for: the facilitator's (to leave the kiosk) or the lead's (to open the review).
enum class PinPurpose { Exit, Lead };

class PinDialog {
public:
    /// Draws the dialog when `open`; emits SubmitExitPin or CancelExit (Exit), SubmitLeadPin or CancelLeadPin (Lead).
    void draw(const UiContext& ui, bool open, const std::string& message, PinPurpose purpose = PinPurpose::Exit);
    [[nodiscard]] const std::string& digits() const noexcept { return m_digits; }

private:
    void clear();
    std::string m_digits;
};

}  // namespace reflect::ui
