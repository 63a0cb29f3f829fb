// SummaryScreen implementation.
#include "ui/screens/summary_screen.hpp"

#include <algorithm>

#include "core/text/time_format.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

void SummaryScreen::draw(const UiContext& ui, const std::optional<core::SessionSummary>& summary) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter) || keyPressed(ImGuiKey_Escape))
        ui.emit(core::FinishSummary{});
    const float width = ImGui::GetContentRegionAvail().x;
    const float column = std::min(width, 1300.0f * m.scale);
    const float left = (width - column) * 0.5f;

    ImGui::SetCursorPosX(left);
    wrappedText(f.heading, ui.t("summary.heading"), p.text, column);
    if (!summary) {
        ImGui::SetCursorPosX(left);
        if (actionButton(ui, "##done", ui.t("summary.done"), ui.t("summary.done_hint"), ImVec2(column, m.touch),
                         ButtonKind::Primary))
            ui.emit(core::FinishSummary{});
        return;
    }
    ImGui::SetCursorPosX(left);
    const std::string title =
        summary->title.empty() ? summary->templateName : summary->title + " · " + summary->templateName;
    wrappedText(f.body, title + " · " + core::formatDate(summary->startedWall), p.textMuted, column);

    std::int64_t planned = 0, actual = 0;
    for (const auto& s : summary->stages) {
        planned += s.plannedMs;
        actual += s.actualMs;
    }
    const float footerH = m.touch * 2 + f.body->FontSize * 2 + m.gap * 4;
    if (shortcutsAllowed() && charTyped('f')) ui.emit(core::OpenPaperTally{summary->id});
    const float tableH = std::max(f.body->FontSize * 3, ImGui::GetContentRegionAvail().y - footerH);
    ImGui::SetCursorPosX(left);
    {
        ScopedFont font(f.body);
        ScopedStyleVar cell(ImGuiStyleVar_CellPadding, ImVec2(m.gap, m.gap * 0.35f));
        if (ImGui::BeginTable("##timings", 4,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp,
                              ImVec2(column, tableH))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(ui.t("summary.stage"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(ui.t("summary.planned"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(ui.t("summary.actual"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(ui.t("summary.difference"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableHeadersRow();
            for (const auto& s : summary->stages) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(core::formatMinutes(s.plannedMs).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(core::formatMinutes(s.actualMs).c_str());
                ImGui::TableNextColumn();
                const auto diff = s.actualMs - s.plannedMs;
                ScopedStyleColor c(ImGuiCol_Text, diff > 30'000 ? p.overtime : p.textMuted);
                ImGui::TextUnformatted(core::formatDifference(diff).c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::SetCursorPosX(left);
    const auto overrun = actual - planned;
    const std::string verdict =
        std::llabs(overrun) < 30'000
            ? ui.strings.get("summary.on_time")
            : ui.strings.format("summary.overrun", {{"difference", core::formatDifference(overrun)}});
    wrappedText(f.bodyBold, verdict, p.text, column);
    ImGui::SetCursorPosX(left);
    wrappedText(f.body, ui.t("summary.thanks"), p.textMuted, column);
    ImGui::SetCursorPosX(left);
    // Paper forms are often counted later, from home; straight after the session is the other natural moment.
    if (actionButton(ui, "##summary-tally", ui.t("tally.summary_button"), ui.t("tally.summary_button_hint"),
                     ImVec2(column, m.touch)))
        ui.emit(core::OpenPaperTally{summary->id});
    ImGui::SetCursorPosX(left);
    if (actionButton(ui, "##done", ui.t("summary.done"), ui.t("summary.done_hint"), ImVec2(column, m.touch),
                     ButtonKind::Primary))
        ui.emit(core::FinishSummary{});
}

}  // namespace reflect::ui
