// PinDialog implementation. The digits live only in this buffer and are wiped as soon as they are sent.
#include "ui/screens/pin_dialog.hpp"

#include <algorithm>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

void PinDialog::clear() {
    std::fill(m_digits.begin(), m_digits.end(), '\0');
    m_digits.clear();
}

void PinDialog::draw(const UiContext& ui, bool open, const std::string& message, PinPurpose purpose) {
    const bool lead = purpose == PinPurpose::Lead;
    const char* kId = lead ? "##lead-pin" : "##pin";
    if (!open) {
        if (!m_digits.empty()) clear();
        return;
    }
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (!ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, 760.0f * m.scale), 0));
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad, m.pad));
    ScopedStyleVar border(ImGuiStyleVar_PopupBorderSize, std::max(2.0f, 3.0f * m.scale));
    if (!ImGui::BeginPopupModal(kId, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    wrappedText(f.heading, ui.t(lead ? "lead.pin_title" : "pin.title"), p.text, width);
    wrappedText(f.body, ui.t(lead ? "lead.pin_body" : "pin.body"), p.textMuted, width);

    // Typed digits, from the keyboard or the pad below. Shown as dots only.
    for (const ImWchar c : ImGui::GetIO().InputQueueCharacters)
        if (c >= '0' && c <= '9' && m_digits.size() < 12) m_digits.push_back(static_cast<char>(c));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !m_digits.empty()) m_digits.pop_back();

    const float dotsH = f.heading->FontSize * 1.4f;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    panelBackground(a, ImVec2(a.x + width, a.y + dotsH), p.surfaceRaised, p.border, 10.0f * m.scale, 2.0f);
    const float r = f.heading->FontSize * 0.18f;
    for (std::size_t i = 0; i < m_digits.size(); ++i)
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(a.x + m.pad + static_cast<float>(i) * r * 3.2f, a.y + dotsH * 0.5f), r, p.text);
    ImGui::Dummy(ImVec2(width, dotsH));
    if (!message.empty()) wrappedText(f.body, message, p.danger, width);

    const float keyW = (width - m.gap * 2) / 3.0f;
    const ImVec2 key(keyW, m.touch);
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine(0, m.gap);
        ScopedId id(i);
        if (i == 9) {
            if (actionButton(ui, "##clear", ui.t("pin.clear"), "", key, ButtonKind::Quiet)) clear();
        } else if (i == 11) {
            if (actionButton(ui, "##del", "←", "", key, ButtonKind::Quiet) && !m_digits.empty()) m_digits.pop_back();
        } else if (actionButton(ui, "##digit", labels[i], "", key) && m_digits.size() < 12) {
            m_digits.push_back(labels[i][0]);
        }
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    const float bw = (width - m.gap) * 0.5f;
    bool done = false;
    if (actionButton(ui, "##cancel", ui.t("pin.cancel"), ui.t("pin.cancel_hint"), ImVec2(bw, m.touch)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        if (lead) ui.emit(core::CancelLeadPin{});
        else ui.emit(core::CancelExit{});
        done = true;
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##ok", ui.t(lead ? "lead.pin_ok" : "pin.ok"), ui.t("pin.ok_hint"), ImVec2(bw, m.touch), ButtonKind::Primary,
                     !m_digits.empty()) ||
        (!m_digits.empty() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                               ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))) {
        if (lead) ui.emit(core::SubmitLeadPin{m_digits});
        else ui.emit(core::SubmitExitPin{m_digits});
        clear();
    }
    if (done) {
        clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace reflect::ui
