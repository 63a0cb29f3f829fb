// PhonePairing implementation.
#include "ui/screens/phone_pairing.hpp"

#include <algorithm>

#include "ui/widgets/qr_code.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

float PhonePairing::drawRow(const UiContext& ui, const core::PhoneView& phone, float width) {
    if (!visible(phone)) return 0;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float y0 = ImGui::GetCursorPosY();
    if (phone.paired) {
        // Said in words and with a tick, so the state never rests on colour.
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float unpairW = std::max(48.0f, std::min(width * 0.4f, 200.0f * m.scale));
        const float tick = f.bodyBold->FontSize * 0.8f;
        const float textY = a.y + (m.touch - f.bodyBold->FontSize) * 0.5f;
        drawTick(ImVec2(a.x + m.pad * 0.3f, textY + f.bodyBold->FontSize * 0.1f), tick, p.text,
                 std::max(2.0f, 3.0f * m.scale));
        const float textX = a.x + m.pad * 0.3f + tick + m.gap * 0.5f;
        const std::string label = fitText(f.bodyBold, ui.t("pairing.paired"), width - unpairW - (textX - a.x) - m.gap);
        ImGui::GetWindowDrawList()->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(textX, textY), p.text,
                                            label.c_str());
        ImGui::SetCursorScreenPos(ImVec2(a.x + width - unpairW, a.y));
        if (actionButton(ui, "##unpair-phone", ui.t("pairing.unpair"), "", ImVec2(unpairW, m.touch), ButtonKind::Quiet))
            ui.emit(core::UnpairPhone{});
    } else {
        if (actionButton(ui, "##pair-phone", ui.t("pairing.button"), ui.t("pairing.button_hint"),
                         ImVec2(width, m.touch), ButtonKind::Quiet))
            ui.emit(core::ShowPairingCode{});
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    return ImGui::GetCursorPosY() - y0;
}

void PhonePairing::drawCode(const UiContext& ui, const core::PhoneView& phone, bool keysAllowed) {
    if (keysAllowed && phone.pairingAvailable && !phone.pairingShown && charTyped('p'))
        ui.emit(core::ShowPairingCode{});
    const bool show = phone.pairingShown && phone.pairQr.size > 0;
    const char* id = "##pair-code";
    if (!show) {
        if (ImGui::IsPopupOpen(id)) {
            // Paired or hidden: the code goes at once.
            if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar)) {
                ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        }
        return;
    }
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const bool justOpened = !ImGui::IsPopupOpen(id);
    if (justOpened) ImGui::OpenPopup(id);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(display.x * 0.6f, 900.0f * m.scale);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad, m.pad));
    ScopedStyleVar border(ImGuiStyleVar_PopupBorderSize, std::max(2.0f, 3.0f * m.scale));
    ScopedStyleColor borderColor(ImGuiCol_Border, p.border);
    if (!ImGui::BeginPopupModal(id, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    wrappedText(f.heading, ui.t("pairing.title"), p.text, width);
    wrappedText(f.body, ui.t("pairing.body"), p.textMuted, width);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    // As large as fits: a phone held at arm's length must read it first time. Black on white in every theme.
    // From the display alone, so the dialog's size settles on its first frame.
    const float side = std::max(160.0f, std::min({width * 0.6f, display.y * 0.45f, 520.0f * m.scale}));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - side) * 0.5f);
    drawQrCode(phone.pairQr, side);
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    centredText(f.small, ui.t("pairing.address"), p.textMuted, width);
    // The address on a line of its own, in the body size where it fits: a token broken across lines is mistyped.
    centredText(textWidth(f.body, phone.pairUrl) <= width ? f.body : f.small, phone.pairUrl, p.text, width);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    const bool escape = !justOpened && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (actionButton(ui, "##pair-hide", ui.t("pairing.hide"), ui.t("pairing.hide_hint"), ImVec2(width, m.touch),
                     ButtonKind::Primary) ||
        escape)
        ui.emit(core::HidePairingCode{});
    ImGui::EndPopup();
}

}  // namespace reflect::ui
