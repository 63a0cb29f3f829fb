// Widgets implementation.
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cctype>

#include "ui/widgets/scoped.hpp"

namespace reflect::ui {

float textWidth(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.data(), text.data() + text.size()).x;
}

std::string fitText(ImFont* font, const std::string& text, float width) {
    if (textWidth(font, text) <= width) return text;
    std::string out = text;
    while (!out.empty() && textWidth(font, out + "…") > width) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
    }
    return out + "…";
}

void drawTick(ImVec2 topLeft, float size, ImU32 color, float thickness) {
    const ImVec2 points[3] = {ImVec2(topLeft.x + size * 0.1f, topLeft.y + size * 0.55f),
                              ImVec2(topLeft.x + size * 0.4f, topLeft.y + size * 0.85f),
                              ImVec2(topLeft.x + size * 0.95f, topLeft.y + size * 0.15f)};
    ImGui::GetWindowDrawList()->AddPolyline(points, 3, color, 0, thickness);
}

bool actionButton(const UiContext& ui, const char* id, std::string_view label, std::string_view keyHint, ImVec2 size,
                  ButtonKind kind, bool enabled) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    size.y = std::max(size.y, 48.0f);
    size.x = std::max(size.x, 48.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = false;
    {
        ScopedDisabled disabled(!enabled);
        clicked = ImGui::InvisibleButton(id, size) && enabled;
    }
    if (ui.hits) (*ui.hits)[id] = ImVec4(pos.x, pos.y, size.x, size.y);
    const bool hovered = enabled && ImGui::IsItemHovered();
    const bool held = enabled && ImGui::IsItemActive();
    const bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;

    ImU32 fill = p.surfaceRaised;
    ImU32 text = p.text;
    ImU32 border = p.border;
    switch (kind) {
        case ButtonKind::Primary:
            fill = p.accent;
            text = p.accentText;
            border = p.accent;
            break;
        case ButtonKind::Danger:
            fill = p.surfaceRaised;
            text = p.danger;
            border = p.danger;
            break;
        case ButtonKind::Quiet:
            fill = p.surface;
            text = p.textMuted;
            border = p.border;
            break;
        case ButtonKind::Secondary:
            break;
    }
    if (!enabled) {
        fill = p.surface;
        text = p.textMuted;
        border = p.surfaceRaised;
    }
    const float rounding = 14.0f * ui.theme.metrics.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, fill, rounding);
    const float bw = std::max(2.0f, 3.0f * ui.theme.metrics.scale);
    dl->AddRect(pos, max, hovered || held ? p.text : border, rounding, 0, hovered || held ? bw * 1.5f : bw);
    if (focused) {
        const float o = bw * 2.0f;
        dl->AddRect(ImVec2(pos.x - o, pos.y - o), ImVec2(max.x + o, max.y + o), p.focus, rounding + o, 0, bw * 1.5f);
    }

    ImFont* labelFont = kind == ButtonKind::Primary ? f.bodyBold : f.body;
    const float labelW = textWidth(labelFont, label);
    const bool showHint = !keyHint.empty() && size.y >= labelFont->FontSize + f.small->FontSize * 0.9f;
    const float contentH = labelFont->FontSize + (showHint ? f.small->FontSize : 0.0f);
    float y = pos.y + (size.y - contentH) * 0.5f;
    dl->AddText(labelFont, labelFont->FontSize, ImVec2(pos.x + (size.x - labelW) * 0.5f, y), text, label.data(),
                label.data() + label.size());
    if (showHint) {
        y += labelFont->FontSize;
        const float hintW = textWidth(f.small, keyHint);
        const ImU32 hintColor = kind == ButtonKind::Primary ? p.accentText : p.textMuted;
        dl->AddText(f.small, f.small->FontSize, ImVec2(pos.x + (size.x - hintW) * 0.5f, y), hintColor, keyHint.data(),
                    keyHint.data() + keyHint.size());
    }
    return clicked;
}

void centredText(ImFont* font, std::string_view text, ImU32 color, float wrapWidth) {
    ScopedFont scopedFont(font);
    ScopedStyleColor c(ImGuiCol_Text, color);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(wrapWidth, avail);
    // Centre each wrapped line on its own, as a sign painter would.
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const float startX = ImGui::GetCursorPosX();
    while (begin < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, begin, end, width);
        if (lineEnd == begin) lineEnd = begin + 1;
        const char* newline = std::find(begin, lineEnd, '\n');
        if (newline != lineEnd) lineEnd = newline;
        const float w = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, begin, lineEnd).x;
        ImGui::SetCursorPosX(startX + std::max(0.0f, (avail - w) * 0.5f));
        ImGui::TextUnformatted(begin, lineEnd);
        begin = lineEnd;
        while (begin < end && (*begin == ' ' || *begin == '\n')) ++begin;
    }
}

void wrappedText(ImFont* font, std::string_view text, ImU32 color, float wrapWidth) {
    ScopedFont scopedFont(font);
    ScopedStyleColor c(ImGuiCol_Text, color);
    ScopedTextWrap wrap(ImGui::GetCursorPosX() + wrapWidth);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void progressBar(ImVec2 size, float fraction, ImU32 fill, ImU32 track, float rounding) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), track, rounding);
    const float w = size.x * std::clamp(fraction, 0.0f, 1.0f);
    if (w > 1.0f) dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + size.y), fill, rounding);
    ImGui::Dummy(size);
}

void panelBackground(ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding, float borderWidth) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, fill, rounding);
    if (borderWidth > 0) dl->AddRect(min, max, border, rounding, 0, borderWidth);
}

void countdownBanner(const UiContext& ui, const char* hitId, ImVec2 min, ImVec2 size, const std::string& text) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    panelBackground(min, ImVec2(min.x + size.x, min.y + size.y), p.surfaceRaised, p.amber, 10.0f * m.scale,
                    std::max(2.0f, 3.0f * m.scale));
    ImGui::GetWindowDrawList()->AddText(f.bodyBold, f.bodyBold->FontSize,
                                        ImVec2(min.x + m.gap, min.y + (size.y - f.bodyBold->FontSize) * 0.5f), p.text,
                                        fitText(f.bodyBold, text, size.x - m.gap * 2).c_str());
    if (ui.hits) (*ui.hits)[hitId] = ImVec4(min.x, min.y, size.x, size.y);
}

std::optional<int> typedCountField(const UiContext& ui, const char* id, TypedCount& state, int current, float width) {
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ImGui::PushFont(f.body);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(m.pad * 0.3f, (m.touch - f.body->FontSize) * 0.5f));
    if (!state.typing) state.value = current;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetNextItemWidth(width);
    ImGui::InputInt(id, &state.value, 0, 0, ImGuiInputTextFlags_AutoSelectAll);
    if (ui.hits) (*ui.hits)[id] = ImVec4(at.x, at.y, width, m.touch);
    std::optional<int> entered;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        state.refused = state.value < 0 || state.value > kMaxTypedCount;
        if (!state.refused) entered = state.value;
    }
    if (ImGui::IsItemActivated()) state.refused = false;
    state.typing = ImGui::IsItemActive();
    ImGui::PopStyleVar();
    ImGui::PopFont();
    return entered;
}

std::string typedCountProblem(const UiContext& ui) {
    return ui.strings.format("board.attendance_range", {{"max", std::to_string(kMaxTypedCount)}});
}

bool shortcutsAllowed() {
    return !ImGui::GetIO().WantTextInput && !ImGui::IsAnyItemActive();
}

bool keyPressed(ImGuiKey key) {
    return shortcutsAllowed() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

bool charTyped(char c) {
    if (!shortcutsAllowed()) return false;
    const auto& queue = ImGui::GetIO().InputQueueCharacters;
    const auto lower = [](unsigned v) {
        return v < 128 ? static_cast<unsigned>(std::tolower(static_cast<int>(v))) : v;
    };
    for (int i = 0; i < queue.Size; ++i)
        if (lower(queue[i]) == lower(static_cast<unsigned char>(c))) return true;
    return false;
}

}  // namespace reflect::ui
