// SignpostsScreen implementation.
#include "ui/screens/signposts_screen.hpp"

#include <algorithm>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

void drawSignpostList(const UiContext& ui, const core::SignpostList& signposts, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const int columns = width > 1100.0f * m.scale ? 2 : 1;
    const float cardW = (width - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < signposts.entries.size(); ++i) {
        const auto& s = signposts.entries[i];
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, m.gap);
        ScopedId id(static_cast<int>(i));
        const float inner = cardW - m.pad;
        const float detailH = f.small->CalcTextSizeA(f.small->FontSize, 1e9f, inner, s.detail.c_str()).y;
        const float h = m.pad * 0.5f * 2 + f.bodyBold->FontSize * 2 + detailH + m.gap * 0.5f;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        panelBackground(a, ImVec2(a.x + cardW, a.y + h), p.surface, p.border, 14.0f * m.scale,
                        std::max(1.0f, 2.0f * m.scale));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float y = a.y + m.pad * 0.5f;
        const float x = a.x + m.pad * 0.5f;
        dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(x, y), p.text, fitText(f.bodyBold, s.name, inner).c_str());
        y += f.bodyBold->FontSize;
        dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(x, y), p.accent,
                    fitText(f.bodyBold, s.contact, inner).c_str());
        y += f.bodyBold->FontSize + m.gap * 0.2f;
        dl->AddText(f.small, f.small->FontSize, ImVec2(x, y), p.textMuted, s.detail.c_str(), nullptr, inner);
        ImGui::Dummy(ImVec2(cardW, h));
    }
}

void SignpostsScreen::draw(const UiContext& ui, const core::SignpostList& signposts) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (keyPressed(ImGuiKey_Escape) || keyPressed(ImGuiKey_Enter) || charTyped('s')) ui.emit(core::GoHome{});
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    wrappedText(f.heading, ui.t("signposts.heading"), p.text, avail.x);
    wrappedText(f.body, signposts.intro.empty() ? ui.strings.get("signposts.intro") : signposts.intro, p.textMuted,
                avail.x);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    {
        ScopedStyleColor bg(ImGuiCol_ChildBg, p.background);
        ScopedStyleVar noPad(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
        ScopedChild list("##signposts", ImVec2(avail.x, ImGui::GetContentRegionAvail().y - m.touch - m.gap), false, 0);
        drawSignpostList(ui, signposts, ImGui::GetContentRegionAvail().x);
    }
    if (actionButton(ui, "##back", ui.t("signposts.back"), ui.t("signposts.back_hint"),
                     ImVec2(std::min(avail.x, 480.0f * m.scale), m.touch), ButtonKind::Primary))
        ui.emit(core::GoHome{});
}

}  // namespace reflect::ui
