// drawQrCode implementation.
#include "ui/widgets/qr_code.hpp"

#include <cmath>

namespace reflect::ui {

void drawQrCode(const core::QrMatrix& qr, float side) {
    if (qr.size <= 0) return;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int modules = qr.size + 2 * core::QrMatrix::kQuietZone;
    // Whole pixels per module: fractional modules blur under the camera and some readers give up.
    const float cell = std::max(1.0f, std::floor(side / static_cast<float>(modules)));
    const float drawn = cell * static_cast<float>(modules);
    dl->AddRectFilled(at, ImVec2(at.x + drawn, at.y + drawn), IM_COL32(255, 255, 255, 255));
    const float origin = cell * static_cast<float>(core::QrMatrix::kQuietZone);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y)) {
                const ImVec2 a(at.x + origin + cell * static_cast<float>(x),
                               at.y + origin + cell * static_cast<float>(y));
                dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(drawn, drawn));
}

}  // namespace reflect::ui
