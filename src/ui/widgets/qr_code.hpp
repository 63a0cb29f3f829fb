// drawQrCode: a QR symbol drawn as dark squares on a light ground with its quiet zone, so phones can read it.
#pragma once

#include <imgui.h>

#include "core/companion/qr_code.hpp"

namespace reflect::ui {

/// Draws `qr` with its top-left at the cursor in a square `side` pixels wide (quiet zone included) and moves the
/// cursor below it. Black on white in every theme: a phone's camera needs the contrast, not the palette.
void drawQrCode(const core::QrMatrix& qr, float side);

}  // namespace reflect::ui
