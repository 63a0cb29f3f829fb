// PIN pads: the facilitator's pad between a kiosk and its exit, the lead's pad before the review, and the
// first-run set-up that chooses both PINs. One pad widget draws them all; each works by touch or keys.
#pragma once

#include <cstdint>
#include <string>

#include "core/contribute/secret_text.hpp"
#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

/// What a pad shows besides its digits. Texts come from the string tables.
struct PinPadSpec {
    const char* popupId = "##pin";
    std::string title;
    std::string intro;    ///< optional, muted, under the title
    std::string heading;  ///< optional, bold: what this entry is for
    std::string body;
    std::string message;
    bool messageIsProblem = true;  ///< a refusal (also marked with a sign, not only by colour) or good news
    std::string cancelLabel;
    std::string cancelHint;
    std::string okLabel;
    std::string okHint;
    std::int64_t idleRemainingMs = -1;  ///< the pad's idle close; the countdown shows in the last 20 s
};

enum class PinPadAction { None, Cancel, Submit };

/// A modal pad of dots and digit keys. The digits live only in its buffer, which is zeroed when they are taken,
/// cleared, or the pad is no longer open.
class PinPad {
public:
    PinPadAction draw(const UiContext& ui, bool open, const PinPadSpec& spec);
    /// The digits typed so far, moved out; the pad's own buffer is zeroed.
    [[nodiscard]] core::SecretText takeDigits();
    [[nodiscard]] const std::string& digits() const noexcept { return m_digits; }
    void clear() noexcept;

private:
    std::string m_digits;
};

/// Which PIN the pad asks for: the facilitator's (to leave the kiosk, to enter paper forms from home, or to show
/// the phone's pairing code on a single screen) or the lead's (to open the review).
enum class PinPurpose { Exit, Lead, Tally, Pair };

class PinDialog {
public:
    /// Draws the dialog when `open`; emits SubmitExitPin or CancelExit (Exit), SubmitLeadPin or CancelLeadPin (Lead),
    /// SubmitPairPin or CancelPairPin (Pair).
    void draw(const UiContext& ui, bool open, const std::string& message, PinPurpose purpose = PinPurpose::Exit,
              std::int64_t idleRemainingMs = -1);
    [[nodiscard]] const std::string& digits() const noexcept { return m_pad.digits(); }

private:
    PinPad m_pad;
};

/// The first-run set-up: for each role without a PIN, a new PIN and the same again. Emits PinSetupEntry and
/// SetPinsLater; every check is the controller's.
class PinSetupDialog {
public:
    void draw(const UiContext& ui, const core::PadsView& pads);
    [[nodiscard]] const std::string& digits() const noexcept { return m_pad.digits(); }

private:
    PinPad m_pad;
};

}  // namespace reflect::ui
