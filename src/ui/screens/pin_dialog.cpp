// PIN pads implementation. The digits live only in the pad's buffer and are wiped as soon as they are sent.
#include "ui/screens/pin_dialog.hpp"

#include <algorithm>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {
constexpr std::size_t kMaxDigits = 12;
}  // namespace

void PinPad::clear() noexcept {
    core::wipeText(m_digits);
}

core::SecretText PinPad::takeDigits() {
    core::SecretText out(m_digits);
    clear();
    return out;
}

PinPadAction PinPad::draw(const UiContext& ui, bool open, const PinPadSpec& spec) {
    if (!open) {
        if (!m_digits.empty()) clear();
        return PinPadAction::None;
    }
    // Room for every digit up front, so the buffer never moves and leaves a copy behind in freed memory.
    if (m_digits.capacity() < kMaxDigits + 4) m_digits.reserve(kMaxDigits + 4);
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (!ImGui::IsPopupOpen(spec.popupId)) ImGui::OpenPopup(spec.popupId);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, 760.0f * m.scale), 0));
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad, m.pad));
    ScopedStyleVar border(ImGuiStyleVar_PopupBorderSize, std::max(2.0f, 3.0f * m.scale));
    if (!ImGui::BeginPopupModal(spec.popupId, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_AlwaysAutoResize))
        return PinPadAction::None;
    const float width = ImGui::GetContentRegionAvail().x;

    // The idle close: in its last 20 seconds a calm bar at the top says when the pad will close.
    if (spec.idleRemainingMs >= 0 && spec.idleRemainingMs <= core::kIdleCountdownMs) {
        const std::string text =
            ui.strings.format("pad.closing_in", {{"seconds", std::to_string((spec.idleRemainingMs + 999) / 1000)}});
        const float barH = std::max(48.0f, f.bodyBold->FontSize * 1.6f);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        countdownBanner(ui, "##pad-countdown", a, ImVec2(width, barH), text);
        ImGui::Dummy(ImVec2(width, barH + m.gap * 0.3f));
    }
    wrappedText(f.heading, spec.title, p.text, width);
    if (!spec.intro.empty()) wrappedText(f.small, spec.intro, p.textMuted, width);
    if (!spec.heading.empty()) {
        ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
        wrappedText(f.bodyBold, spec.heading, p.text, width);
    }
    wrappedText(f.body, spec.body, p.textMuted, width);

    // Typed digits, from the keyboard or the pad below. Shown as dots only.
    for (const ImWchar c : ImGui::GetIO().InputQueueCharacters)
        if (c >= '0' && c <= '9' && m_digits.size() < kMaxDigits) m_digits.push_back(static_cast<char>(c));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !m_digits.empty()) m_digits.pop_back();

    const float dotsH = f.heading->FontSize * 1.4f;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    panelBackground(a, ImVec2(a.x + width, a.y + dotsH), p.surfaceRaised, p.border, 10.0f * m.scale, 2.0f);
    const float r = f.heading->FontSize * 0.18f;
    for (std::size_t i = 0; i < m_digits.size(); ++i)
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(a.x + m.pad + static_cast<float>(i) * r * 3.2f, a.y + dotsH * 0.5f), r, p.text);
    ImGui::Dummy(ImVec2(width, dotsH));
    if (!spec.message.empty()) wrappedText(f.body, spec.message, spec.messageIsProblem ? p.danger : p.good, width);

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
        } else if (actionButton(ui, "##digit", labels[i], "", key) && m_digits.size() < kMaxDigits) {
            m_digits.push_back(labels[i][0]);
        }
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    const float bw = (width - m.gap) * 0.5f;
    PinPadAction action = PinPadAction::None;
    if (actionButton(ui, "##cancel", spec.cancelLabel, spec.cancelHint, ImVec2(bw, m.touch)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        action = PinPadAction::Cancel;
    }
    ImGui::SameLine(0, m.gap);
    if (action == PinPadAction::None &&
        (actionButton(ui, "##ok", spec.okLabel, spec.okHint, ImVec2(bw, m.touch), ButtonKind::Primary,
                      !m_digits.empty()) ||
         (!m_digits.empty() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))))
        action = PinPadAction::Submit;
    if (action == PinPadAction::Cancel) {
        clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return action;
}

void PinDialog::draw(const UiContext& ui, bool open, const std::string& message, PinPurpose purpose,
                     std::int64_t idleRemainingMs) {
    const bool lead = purpose == PinPurpose::Lead;
    const bool tally = purpose == PinPurpose::Tally;
    const bool pair = purpose == PinPurpose::Pair;
    PinPadSpec spec;
    spec.popupId = lead ? "##lead-pin" : tally ? "##tally-pin" : pair ? "##pair-pin" : "##pin";
    spec.title = ui.t(lead ? "lead.pin_title" : tally ? "tally_pin.title" : "pin.title");
    spec.body = ui.t(lead ? "lead.pin_body" : tally ? "tally_pin.body" : pair ? "pairing.pin_body" : "pin.body");
    spec.message = message;
    spec.cancelLabel = ui.t("pin.cancel");
    spec.cancelHint = ui.t("pin.cancel_hint");
    spec.okLabel = ui.t(lead ? "lead.pin_ok" : tally ? "tally_pin.ok" : pair ? "pairing.pin_ok" : "pin.ok");
    spec.okHint = ui.t("pin.ok_hint");
    spec.idleRemainingMs = idleRemainingMs;
    switch (m_pad.draw(ui, open, spec)) {
        case PinPadAction::None:
            break;
        case PinPadAction::Cancel:
            if (lead)
                ui.emit(core::CancelLeadPin{});
            else if (tally)
                ui.emit(core::CancelTallyPin{});
            else if (pair)
                ui.emit(core::CancelPairPin{});
            else
                ui.emit(core::CancelExit{});
            break;
        case PinPadAction::Submit: {
            const core::SecretText pin = m_pad.takeDigits();
            if (lead)
                ui.emit(core::SubmitLeadPin{std::string(pin.view())});
            else if (tally)
                ui.emit(core::SubmitTallyPin{std::string(pin.view())});
            else if (pair)
                ui.emit(core::SubmitPairPin{std::string(pin.view())});
            else
                ui.emit(core::SubmitExitPin{std::string(pin.view())});
            break;
        }
    }
}

void PinSetupDialog::draw(const UiContext& ui, const core::PadsView& pads) {
    const core::PinSetupView& setup = pads.setup;
    PinPadSpec spec;
    if (setup.open) {
        const bool lead = setup.role == core::Role::Lead;
        spec.popupId = "##pin-setup";
        spec.title = ui.t("pin_setup.title");
        spec.intro = ui.t("pin_setup.body");
        spec.heading =
            ui.strings.format(lead ? "pin_setup.role_lead" : "pin_setup.role_facilitator",
                              {{"n", std::to_string(setup.roleNumber)}, {"total", std::to_string(setup.roles)}});
        spec.body = ui.t(setup.confirming ? "pin_setup.confirm" : "pin_setup.enter");
        spec.message = setup.message;
        spec.messageIsProblem = setup.problem;
        spec.cancelLabel = ui.t("pin_setup.later");
        spec.cancelHint = ui.t("pin_setup.later_hint");
        spec.okLabel = ui.t(setup.confirming ? "pin_setup.save" : "pin_setup.next");
        spec.okHint = ui.t("pin.ok_hint");
        spec.idleRemainingMs = pads.idleRemainingMs(ui.now);
    }
    switch (m_pad.draw(ui, setup.open, spec)) {
        case PinPadAction::None:
            break;
        case PinPadAction::Cancel:
            ui.emit(core::SetPinsLater{});
            break;
        case PinPadAction::Submit:
            ui.emit(core::PinSetupEntry{m_pad.takeDigits()});
            break;
    }
}

}  // namespace reflect::ui
