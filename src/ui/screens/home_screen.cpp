// HomeScreen implementation.
#include "ui/screens/home_screen.hpp"

#include <algorithm>

#include "core/text/time_format.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

void HomeScreen::draw(const UiContext& ui, const core::HomeView& home, const core::PadsView& pads,
                      const std::string& organisation) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& unfinished = home.unfinished;
    const bool canStart = home.canStart;

    // While a PIN pad is up, its keys (Enter, digits) belong to the pad.
    const bool remind = home.pinsMissing() && !pads.setup.open;
    if (shortcutsAllowed() && !pads.anyOpen()) {
        if (unfinished && charTyped('r')) ui.emit(core::ResumeSession{});
        if (canStart && (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter))) ui.emit(core::OpenSetup{});
        if (charTyped('s')) ui.emit(core::OpenSignposts{});
        if (charTyped('l')) ui.emit(core::OpenLeadReview{});
        if (remind && charTyped('p')) ui.emit(core::OpenPinSetup{});
        if (!home.paperTallies.empty() && charTyped('f')) ui.emit(core::OpenPaperTally{home.paperTallies.front().id});
    }

    const float width = ImGui::GetContentRegionAvail().x;
    const float column = std::min(width, 1100.0f * m.scale);
    const float left = (width - column) * 0.5f;
    ImGui::Dummy(ImVec2(0, m.gap * 2));
    if (!organisation.empty()) centredText(f.body, organisation, p.textMuted, width);
    centredText(f.title, ui.t("app.name"), p.text, width);
    centredText(f.body, ui.t("app.tagline"), p.textMuted, width);
    ImGui::Dummy(ImVec2(0, m.gap * 2));

    if (unfinished) {
        // An open session comes first: after a power cut the facilitator's one job is to get back to it.
        ImGui::SetCursorPosX(left);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float cardH = f.heading->FontSize + f.body->FontSize + m.touch + m.pad * 2 + m.gap * 2;
        panelBackground(a, ImVec2(a.x + column, a.y + cardH), p.surface, p.focus, 16.0f * m.scale,
                        std::max(2.0f, 3.0f * m.scale));
        ImGui::SetCursorScreenPos(ImVec2(a.x + m.pad, a.y + m.pad));
        {
            ScopedGroup g;
            wrappedText(f.heading, ui.t("home.resume_heading"), p.text, column - m.pad * 2);
            const std::string title = unfinished->title.empty() ? unfinished->templateName : unfinished->title;
            wrappedText(f.body, title + " · " + core::formatDate(unfinished->startedWall), p.textMuted,
                        column - m.pad * 2);
            if (actionButton(ui, "##resume", ui.t("home.resume"), ui.t("home.resume_hint"),
                             ImVec2(column - m.pad * 2, m.touch), ButtonKind::Primary))
                ui.emit(core::ResumeSession{});
        }
        ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + cardH + m.gap));
    }

    ImGui::SetCursorPosX(left);
    if (actionButton(ui, "##start", ui.t("home.start"), ui.t("home.start_hint"), ImVec2(column, m.touch * 1.2f),
                     unfinished ? ButtonKind::Secondary : ButtonKind::Primary, canStart))
        ui.emit(core::OpenSetup{});
    ImGui::SetCursorPosX(left);
    if (actionButton(ui, "##support", ui.t("home.support"), ui.t("home.support_hint"), ImVec2(column, m.touch)))
        ui.emit(core::OpenSignposts{});
    // Quiet and to one side: only leads need it.
    const float quietH = std::max(48.0f, m.touch * 0.75f);
    const float rowY = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(left + column * 0.6f);
    if (actionButton(ui, "##lead", ui.t("lead.home_button"), "L", ImVec2(column * 0.4f, quietH), ButtonKind::Quiet))
        ui.emit(core::OpenLeadReview{});
    if (remind) {
        // A missing PIN after "Set later": a small, calm reminder beside the lead button, never a warning.
        const float afterY = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(left, rowY));
        if (actionButton(ui, "##set-pins", ui.t("pin_setup.reminder_button"), ui.t("pin_setup.reminder_hint"),
                         ImVec2(column * 0.6f - m.gap, quietH), ButtonKind::Quiet))
            ui.emit(core::OpenPinSetup{});
        ImGui::SetCursorPos(ImVec2(left, afterY));
        const char* which = !home.facilitatorPinSet && !home.leadPinSet ? "pin_setup.reminder_both"
                            : !home.facilitatorPinSet                   ? "pin_setup.reminder_facilitator"
                                                                        : "pin_setup.reminder_lead";
        wrappedText(f.small, ui.t(which), p.textMuted, column);
    }

    drawPaperTallies(ui, home, left, column);
    drawGroups(ui, home, left, column);
    if (!canStart) {
        ImGui::SetCursorPosX(left);
        wrappedText(f.body, ui.t("home.no_templates"), p.danger, column);
    } else if (home.templateIssues > 0) {
        ImGui::SetCursorPosX(left);
        wrappedText(f.small,
                    ui.strings.format("home.template_problems", {{"count", std::to_string(home.templateIssues)}}),
                    p.textMuted, column);
    }
}

void HomeScreen::drawPaperTallies(const UiContext& ui, const core::HomeView& home, float left, float column) {
    if (home.paperTallies.empty()) return;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    ImGui::SetCursorPosX(left);
    wrappedText(f.small, ui.t("tally.home_heading"), p.textMuted, column);
    const float buttonW = std::min(column * 0.34f, 420.0f * m.scale);
    const float rowH = std::max(m.touch, f.bodyBold->FontSize + f.small->FontSize + m.gap * 0.3f);
    for (std::size_t i = 0; i < home.paperTallies.size(); ++i) {
        const auto& s = home.paperTallies[i];
        ScopedId id(static_cast<int>(i));
        ImGui::SetCursorPosX(left);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const std::string session = s.title.empty() ? s.templateName : s.title;
        const std::string date = core::formatDate(s.endedWall);
        const std::string status =
            s.paperForms > 0
                ? ui.strings.format(
                      "tally.home_row_entered",
                      {{"date", date},
                       {"forms", ui.strings.format("tally.n_forms", {{"count", std::to_string(s.paperForms)}})}})
                : ui.strings.format("tally.home_row_none", {{"date", date}});
        const float textW = column - buttonW - m.gap;
        const float y = a.y + (rowH - f.bodyBold->FontSize - f.small->FontSize) * 0.5f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(a.x, y), p.text,
                    fitText(f.bodyBold, session, textW).c_str());
        dl->AddText(f.small, f.small->FontSize, ImVec2(a.x, y + f.bodyBold->FontSize), p.textMuted,
                    fitText(f.small, status, textW).c_str());
        ImGui::SetCursorScreenPos(ImVec2(a.x + column - buttonW, a.y + (rowH - m.touch) * 0.5f));
        const std::string hitId = "##home-tally-" + std::to_string(i);
        if (actionButton(ui, hitId.c_str(), ui.t("tally.home_button"), i == 0 ? ui.t("tally.home_button_hint") : "",
                         ImVec2(buttonW, m.touch)))
            ui.emit(core::OpenPaperTally{s.id});
        ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + rowH + m.gap * 0.4f));
    }
}

void HomeScreen::drawGroups(const UiContext& ui, const core::HomeView& home, float left, float column) {
    if (!home.meetingsAvailable) return;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& groups = home.groups;
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    ImGui::SetCursorPosX(left);
    wrappedText(f.small, ui.t("groups.heading"), p.textMuted, column);
    if (groups.empty()) {
        ImGui::SetCursorPosX(left);
        wrappedText(f.small, ui.t("groups.empty"), p.textMuted, column);
        return;
    }
    // The checklist key opens the first group's checklist; the others are a tap away.
    if (!groups.empty() && shortcutsAllowed() && charTyped('c')) ui.emit(core::OpenChecklist{groups.front().group.id});
    const float buttonW = std::min(column * 0.34f, 420.0f * m.scale);
    const float rowH = std::max(m.touch, f.bodyBold->FontSize + f.small->FontSize + m.gap * 0.3f);
    const float spaceLeft = ImGui::GetContentRegionAvail().y;
    const auto fits = static_cast<std::size_t>(std::max(1.0f, spaceLeft / (rowH + m.gap * 0.4f)));
    for (std::size_t i = 0; i < groups.size() && i < fits; ++i) {
        const auto& g = groups[i];
        ScopedId id(static_cast<int>(i));
        ImGui::SetCursorPosX(left);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const std::string next =
            g.openActions > 0 ? ui.strings.format("groups.next_actions", {{"count", std::to_string(g.openActions)}})
            : g.meetings == 0 ? std::string(ui.t("groups.next_first"))
                              : std::string(ui.t("groups.next_none"));
        const std::string title =
            ui.strings.format("groups.row", {{"name", g.group.name}, {"meetings", std::to_string(g.meetings)}});
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float textW = column - buttonW - m.gap;
        const float y = a.y + (rowH - f.bodyBold->FontSize - f.small->FontSize) * 0.5f;
        dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(a.x, y), p.text,
                    fitText(f.bodyBold, title, textW).c_str());
        dl->AddText(f.small, f.small->FontSize, ImVec2(a.x, y + f.bodyBold->FontSize),
                    g.openActions > 0 ? p.amber : p.textMuted, fitText(f.small, next, textW).c_str());
        ImGui::SetCursorScreenPos(ImVec2(a.x + column - buttonW, a.y + (rowH - m.touch) * 0.5f));
        const std::string hitId = "##group-checklist-" + std::to_string(i);
        if (actionButton(ui, hitId.c_str(), ui.t("groups.checklist"), i == 0 ? ui.t("groups.checklist_hint") : "",
                         ImVec2(buttonW, m.touch)))
            ui.emit(core::OpenChecklist{g.group.id});
        ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + rowH + m.gap * 0.4f));
    }
}

}  // namespace reflect::ui
