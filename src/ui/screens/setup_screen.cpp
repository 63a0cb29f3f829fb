// SetupScreen implementation.
#include "ui/screens/setup_screen.hpp"

#include <algorithm>
#include <cmath>

#include <imgui_stdlib.h>

#include "core/session/session_plan.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {
std::string minutesText(double minutes) {
    const double rounded = std::round(minutes * 2) / 2;
    if (std::fabs(rounded - std::round(rounded)) < 1e-9) return std::to_string(static_cast<long>(std::lround(rounded)));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
    return buffer;
}
}  // namespace

void SetupScreen::reset() {
    m_choices = {};
    m_selectedId.clear();
    m_groups.reset();
}

void SetupScreen::select(int index, const core::TemplateSet& set) {
    const int count = static_cast<int>(set.templates.size());
    if (count == 0) return;
    index = std::clamp(index, 0, count - 1);
    if (set.templates[static_cast<std::size_t>(index)].id != m_selectedId) {
        const std::string title = m_choices.title;
        m_choices = {};
        m_choices.title = title;  // a typed title survives a change of format
    }
    m_selected = index;
    m_selectedId = set.templates[static_cast<std::size_t>(index)].id;
}

void SetupScreen::draw(const UiContext& ui, const core::SetupView& setup) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& set = *setup.templates;
    if (set.templates.empty()) {
        wrappedText(f.heading, ui.t("home.no_templates"), p.text, ImGui::GetContentRegionAvail().x);
        if (actionButton(ui, "##back", ui.t("setup.back"), ui.t("setup.back_hint"), ImVec2(300 * m.scale, m.touch)) ||
            keyPressed(ImGuiKey_Escape))
            ui.emit(core::GoHome{});
        return;
    }
    // Keep the selection on the same template even if the list was reloaded.
    int found = -1;
    for (std::size_t i = 0; i < set.templates.size(); ++i)
        if (set.templates[i].id == m_selectedId) found = static_cast<int>(i);
    select(found >= 0 ? found : m_selected, set);
    const auto& tmpl = set.templates[static_cast<std::size_t>(m_selected)];

    if (keyPressed(ImGuiKey_UpArrow)) select(m_selected - 1, set);
    if (keyPressed(ImGuiKey_DownArrow)) select(m_selected + 1, set);
    if (!tmpl.repeats.empty()) {
        const auto& rep = tmpl.repeats.front();
        auto plan = core::SessionPlan::build(tmpl, m_choices);
        const int count = plan.repeatCount(rep.key);
        if (charTyped('+') || charTyped('=')) m_choices.repeatCounts[rep.key] = std::min(rep.max, count + 1);
        if (charTyped('-')) m_choices.repeatCounts[rep.key] = std::max(rep.min, count - 1);
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    wrappedText(f.heading, ui.t("setup.heading"), p.text, avail.x);
    wrappedText(f.small, ui.t("setup.select_hint"), p.textMuted, avail.x);
    const float footerH = m.touch + m.gap;
    const float bodyH = ImGui::GetContentRegionAvail().y - footerH - m.gap;
    const float listW = avail.x * 0.42f;
    drawTemplateList(ui, set, ImVec2(listW, bodyH));
    ImGui::SameLine(0, m.gap);
    drawDetails(ui, setup, set.templates[static_cast<std::size_t>(m_selected)], ImVec2(avail.x - listW - m.gap, bodyH));

    const float bw = std::min(avail.x * 0.3f, 520.0f * m.scale);
    if (actionButton(ui, "##back", ui.t("setup.back"), ui.t("setup.back_hint"), ImVec2(bw * 0.7f, m.touch)) ||
        keyPressed(ImGuiKey_Escape))
        ui.emit(core::GoHome{});
    ImGui::SameLine(avail.x - bw + ImGui::GetStyle().WindowPadding.x);
    if (actionButton(ui, "##start", ui.t("setup.start"), ui.t("setup.start_hint"), ImVec2(bw, m.touch),
                     ButtonKind::Primary) ||
        keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter))
        ui.emit(core::StartSession{tmpl.id, m_choices, m_groups.selected()});
}

void SetupScreen::drawTemplateList(const UiContext& ui, const core::TemplateSet& set, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.background);
    ScopedChild child("##templates", size, false, 0);
    const float width = ImGui::GetContentRegionAvail().x;
    const float cardPad = m.pad * 0.55f;
    for (std::size_t i = 0; i < set.templates.size(); ++i) {
        const auto& t = set.templates[i];
        const bool selected = static_cast<int>(i) == m_selected;
        ScopedId id(static_cast<int>(i));
        const std::string meta = ui.strings.get(std::string("format.") + t.format) + " · " +
                                 ui.strings.format("setup.length", {{"minutes", minutesText(t.defaultMinutes())}});
        const float innerW = width - cardPad * 2;
        const float purposeH = f.small->CalcTextSizeA(f.small->FontSize, 1e9f, innerW, t.purpose.c_str()).y;
        const float cardH =
            std::max(m.touch, cardPad * 2 + f.bodyBold->FontSize + f.small->FontSize + purposeH + m.gap * 0.4f);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##card", ImVec2(width, cardH))) select(static_cast<int>(i), set);
        const bool hovered = ImGui::IsItemHovered();
        const bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
        const ImVec2 b(a.x + width, a.y + cardH);
        const float bw = std::max(2.0f, 3.0f * m.scale);
        panelBackground(a, b, selected ? p.surfaceRaised : p.surface,
                        selected  ? p.focus
                        : hovered ? p.text
                                  : p.border,
                        14.0f * m.scale, selected ? bw * 1.6f : bw);
        if (focused)
            ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - bw, a.y - bw), ImVec2(b.x + bw, b.y + bw), p.focus,
                                                16.0f * m.scale, 0, bw);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float y = a.y + cardPad;
        float nameX = a.x + cardPad;
        if (selected) {  // the tick says "chosen" without relying on colour
            drawTick(ImVec2(nameX, y + f.bodyBold->FontSize * 0.15f), f.bodyBold->FontSize * 0.7f, p.focus,
                     std::max(3.0f, 4.0f * m.scale));
            nameX += f.bodyBold->FontSize;
        }
        dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(nameX, y), p.text,
                    fitText(f.bodyBold, t.name, a.x + width - cardPad - nameX).c_str());
        y += f.bodyBold->FontSize;
        dl->AddText(f.small, f.small->FontSize, ImVec2(a.x + cardPad, y), p.accent, meta.c_str());
        y += f.small->FontSize + m.gap * 0.2f;
        dl->AddText(f.small, f.small->FontSize, ImVec2(a.x + cardPad, y), p.textMuted, t.purpose.c_str(), nullptr,
                    innerW);
        if (selected && ImGui::GetIO().KeysDownDuration[ImGui::GetKeyIndex(ImGuiKey_UpArrow)] == 0.0f)
            ImGui::SetScrollHereY(0.3f);
        if (selected && ImGui::GetIO().KeysDownDuration[ImGui::GetKeyIndex(ImGuiKey_DownArrow)] == 0.0f)
            ImGui::SetScrollHereY(0.7f);
        ImGui::Dummy(ImVec2(0, m.gap * 0.2f));
    }
}

void SetupScreen::drawDetails(const UiContext& ui, const core::SetupView& setup, const core::SessionTemplate& tmpl,
                              ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.7f, m.pad * 0.6f));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    ScopedChild child("##details", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;

    wrappedText(f.small, ui.t("setup.title_label"), p.textMuted, width);
    {
        ScopedFont font(f.body);
        ImGui::SetNextItemWidth(width);
        // Tab takes the keyboard to the title box from anywhere on the screen (it lives in a child panel,
        // which ImGui's own tabbing does not reach from the screen's root window).
        if (keyPressed(ImGuiKey_Tab)) ImGui::SetKeyboardFocusHere();
        ImGui::InputTextWithHint("##title", ui.t("setup.title_hint"), &m_choices.title);
        // Titles are shown on the shared screen and stored: keep them to one short line.
        if (m_choices.title.size() > 120) m_choices.title.resize(120);
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    m_groups.draw(ui, setup, tmpl.format);

    const auto plan = core::SessionPlan::build(tmpl, m_choices);
    const float stepW = std::max(48.0f, m.touch);
    for (const auto& rep : tmpl.repeats) {
        ScopedId id(rep.key.c_str());
        const int count = plan.repeatCount(rep.key);
        std::string label = rep.label;
        for (const char* token : {"{n}", "{letter}"})
            if (auto pos = label.find(token); pos != std::string::npos) label.erase(pos, std::string(token).size());
        while (!label.empty() && label.back() == ' ') label.pop_back();
        const std::string text = label + "s: " + std::to_string(count);
        ImGui::AlignTextToFramePadding();
        {
            ScopedGroup g;
            ImGui::Dummy(ImVec2(0, (m.touch - f.bodyBold->FontSize) * 0.5f - ImGui::GetStyle().ItemSpacing.y));
            wrappedText(f.bodyBold, text, p.text, width - stepW * 2 - m.gap * 2);
        }
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - stepW * 2 - m.gap);
        if (actionButton(ui, "##count-fewer", "−", "", ImVec2(stepW, m.touch), ButtonKind::Secondary, count > rep.min))
            m_choices.repeatCounts[rep.key] = count - 1;
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##count-more", "+", "", ImVec2(stepW, m.touch), ButtonKind::Secondary, count < rep.max))
            m_choices.repeatCounts[rep.key] = count + 1;
    }

    wrappedText(f.small, ui.t("setup.stages_heading"), p.textMuted, width);
    const float rowH = std::max(48.0f, f.body->FontSize * 1.5f);
    const float smallStep = std::max(48.0f, rowH);
    {
        const float totalH = f.bodyBold->FontSize + m.gap * 1.5f;
        ScopedStyleVar noPad(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ScopedChild list("##stages", ImVec2(width, std::max(rowH * 2, ImGui::GetContentRegionAvail().y - totalH)),
                         false, 0);
        const float listW = ImGui::GetContentRegionAvail().x;
        for (const auto& s : tmpl.stages) {
            ScopedId id(s.key.c_str());
            const double minutes = plan.stageMinutes(s);
            const double lo = s.minMinutes.value_or(std::max(0.5, s.minutes / 2));
            const double hi = s.maxMinutes.value_or(s.minutes * 2);
            std::string name = s.name;
            if (auto pos = name.find("{label}"); pos != std::string::npos) name.replace(pos, 7, "Each");
            const std::string times = s.repeat.empty() ? "" : " ×" + std::to_string(plan.repeatCount(s.repeat));
            const std::string value =
                ui.strings.format("setup.minutes_short", {{"minutes", minutesText(minutes)}}) + times;
            const ImVec2 a = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float valueW = textWidth(f.body, value);
            const float controlsW = smallStep * 2 + m.gap;
            dl->AddText(f.body, f.body->FontSize, ImVec2(a.x, a.y + (rowH - f.body->FontSize) * 0.5f), p.text,
                        fitText(f.body, name, listW - controlsW - valueW - m.gap * 2).c_str());
            dl->AddText(f.body, f.body->FontSize,
                        ImVec2(a.x + listW - controlsW - valueW - m.gap, a.y + (rowH - f.body->FontSize) * 0.5f),
                        p.textMuted, value.c_str());
            ImGui::SetCursorScreenPos(ImVec2(a.x + listW - controlsW, a.y));
            if (actionButton(ui, "##shorter", "−", "", ImVec2(smallStep, rowH), ButtonKind::Quiet,
                             minutes - 1 >= lo - 1e-9))
                m_choices.stageMinutes[s.key] = std::max(lo, minutes - 1);
            ImGui::SameLine(0, m.gap);
            if (actionButton(ui, "##longer", "+", "", ImVec2(smallStep, rowH), ButtonKind::Quiet,
                             minutes + 1 <= hi + 1e-9))
                m_choices.stageMinutes[s.key] = std::min(hi, minutes + 1);
        }
    }
    wrappedText(f.bodyBold,
                ui.strings.format("setup.total",
                                  {{"minutes", minutesText(static_cast<double>(plan.totalPlannedMs()) / 60000.0)}}),
                p.text, width);
}

}  // namespace reflect::ui
