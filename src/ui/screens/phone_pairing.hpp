// PhonePairing: the console's "Pair my phone": a calm button, the one-time pairing code in a dialog with its short
// address, and, once a phone is paired, "Phone paired" with Unpair. Console only: the room view never draws it.
#pragma once

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class PhonePairing {
public:
    /// The row above the contributions: nothing when the phone page is off or no session runs.
    /// Returns the height it took.
    float drawRow(const UiContext& ui, const core::PhoneView& phone, float width);
    /// The pairing code's dialog while the view says it shows; P asks for it (the console's key).
    void drawCode(const UiContext& ui, const core::PhoneView& phone, bool keysAllowed);

    /// True when the row has anything to show for this view.
    [[nodiscard]] static bool visible(const core::PhoneView& phone) noexcept {
        return phone.pairingAvailable || phone.paired;
    }
};

}  // namespace reflect::ui
