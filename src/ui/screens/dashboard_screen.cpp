// DashboardScreen implementation.
#include "ui/screens/dashboard_screen.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <imgui_stdlib.h>

#include "core/text/time_format.hpp"
#include "ui/screens/dashboard_format.hpp"
#include "ui/widgets/chart.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

using namespace dashboard_format;

namespace {
constexpr std::array<const char*, core::kDashboardPanels> kPanelKeys = {
    "lead.panel_sessions",    "lead.panel_themes", "lead.panel_search",    "lead.panel_actions",
    "lead.panel_evaluations", "lead.panel_timing", "lead.panel_checklist", "lead.panel_audit"};

}  // namespace

void DashboardScreen::reset(const core::KioskView& kiosk) {
    m_query = kiosk.dashboard.query;
    m_folder = kiosk.exportFolder;
    m_exportOpen = false;
    m_focusSearch = false;
    m_themeRow = -1;
    m_scrollToRow = false;
}

bool DashboardScreen::keysFree() const {
    return !m_quotesOpen && shortcutsAllowed();
}

void DashboardScreen::draw(const UiContext& ui, const core::KioskView& kiosk) {
    const core::DashboardView& view = kiosk.dashboard;
    m_quotesOpen = view.quotes.has_value();
    drawTopBar(ui, kiosk);
    drawFilters(ui, view);
    if (m_exportOpen) drawExport(ui, kiosk);
    drawTabs(ui, view);
    drawPanel(ui, view);
    drawQuotes(ui, view);
}

void DashboardScreen::drawTopBar(const UiContext& ui, const core::KioskView& kiosk) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonH = std::max(48.0f, m.touch * 0.8f);
    const float lockW = std::max(200.0f * m.scale, textWidth(f.body, ui.t("lead.lock")) + m.pad);
    const float exportW = std::max(260.0f * m.scale, textWidth(f.body, ui.t("lead.export")) + m.pad);
    if (keysFree() && keyPressed(ImGuiKey_Escape)) ui.emit(core::LockLeadReview{});
    if (keysFree() && charTyped('x')) m_exportOpen = !m_exportOpen;

    const ImVec2 a = ImGui::GetCursorScreenPos();
    const std::int64_t remaining = kiosk.leadIdleRemainingMs(ui.now);
    const bool warn = remaining >= 0 && remaining <= core::kIdleCountdownMs;
    const float titleW = width - lockW - exportW - m.gap * 2;
    ImGui::GetWindowDrawList()->AddText(f.heading, f.heading->FontSize,
                                        ImVec2(a.x, a.y + (buttonH - f.heading->FontSize) * 0.5f), p.text,
                                        fitText(f.heading, ui.t("lead.title"), titleW).c_str());
    if (warn) {
        // The countdown covers the title: it is the one thing that matters in the last 20 seconds.
        const std::string text =
            ui.strings.format("lead.locking_in", {{"seconds", std::to_string((remaining + 999) / 1000)}});
        countdownBanner(ui, "##lock-countdown", a, ImVec2(titleW, buttonH), text);
    }
    ImGui::SetCursorScreenPos(ImVec2(a.x + titleW + m.gap, a.y));
    if (actionButton(ui, "##export-open", ui.t("lead.export"), "X", ImVec2(exportW, buttonH), ButtonKind::Quiet))
        m_exportOpen = !m_exportOpen;
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##lock", ui.t("lead.lock"), "Esc", ImVec2(lockW, buttonH))) ui.emit(core::LockLeadReview{});
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + buttonH + m.gap * 0.6f));
}

void DashboardScreen::drawFilters(const UiContext& ui, const core::DashboardView& view) {
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonH = std::max(48.0f, m.touch * 0.8f);
    const auto& filter = view.filter;

    // Period: M, Q, Y (with a custom range they set its rows). C toggles the custom range. Group and format
    // cycle through what exists: G, F. Every change keeps the rest of the filter, custom range included.
    auto setPeriod = [&](core::PeriodKind k) {
        ui.emit(core::SetDashboardFilter{k, filter.groupId, filter.format, view.custom});
    };
    // An empty range asks the core for its default: the last 12 months.
    auto toggleCustom = [&] {
        ui.emit(
            core::SetDashboardFilter{filter.period, filter.groupId, filter.format,
                                     view.custom ? std::nullopt : std::optional<core::MonthRange>(core::MonthRange{})});
    };
    auto nextGroup = [&] {
        std::optional<std::int64_t> next;
        if (!view.groups.empty()) {
            auto it = std::find_if(view.groups.begin(), view.groups.end(),
                                   [&](const core::GroupInfo& g) { return filter.groupId && g.id == *filter.groupId; });
            if (!filter.groupId)
                next = view.groups.front().id;
            else if (it != view.groups.end() && it + 1 != view.groups.end())
                next = (it + 1)->id;
        }
        ui.emit(core::SetDashboardFilter{filter.period, next, filter.format, view.custom});
    };
    auto nextFormat = [&] {
        std::optional<std::string> next;
        if (!view.formats.empty()) {
            auto it = std::find(view.formats.begin(), view.formats.end(), filter.format.value_or(""));
            if (!filter.format)
                next = view.formats.front();
            else if (it != view.formats.end() && it + 1 != view.formats.end())
                next = *(it + 1);
        }
        ui.emit(core::SetDashboardFilter{filter.period, filter.groupId, next, view.custom});
    };
    if (keysFree()) {
        if (charTyped('m')) setPeriod(core::PeriodKind::Month);
        if (charTyped('q')) setPeriod(core::PeriodKind::Quarter);
        if (charTyped('y')) setPeriod(core::PeriodKind::Year);
        if (charTyped('c')) toggleCustom();
        if (charTyped('g')) nextGroup();
        if (charTyped('f')) nextFormat();
    }
    std::string groupName = ui.t("lead.all_groups");
    for (const auto& g : view.groups)
        if (filter.groupId && g.id == *filter.groupId) groupName = g.name;
    const std::string& formatName = view.formatName;

    const float periodW = (width * 0.5f - m.gap * 3) / 4.0f;
    const float otherW = (width * 0.5f - m.gap * 2) * 0.5f;
    const std::array<core::PeriodKind, 3> kinds = {core::PeriodKind::Month, core::PeriodKind::Quarter,
                                                   core::PeriodKind::Year};
    const std::array<const char*, 3> keys = {"M", "Q", "Y"};
    const std::array<const char*, 3> ids = {"##period-month", "##period-quarter", "##period-year"};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, m.gap);
        const bool on = filter.period == kinds[i];
        const std::string label =
            on ? fmt::format("✓ {}", ui.t(periodLabelKey(kinds[i]))) : ui.t(periodLabelKey(kinds[i]));
        if (actionButton(ui, ids[i], label, keys[i], ImVec2(periodW, buttonH),
                         on ? ButtonKind::Primary : ButtonKind::Secondary))
            setPeriod(kinds[i]);
    }
    ImGui::SameLine(0, m.gap);
    {
        const bool on = view.custom.has_value();
        const std::string label = on ? fmt::format("✓ {}", ui.t("lead.period_custom")) : ui.t("lead.period_custom");
        if (actionButton(ui, "##period-custom", label, "C", ImVec2(periodW, buttonH),
                         on ? ButtonKind::Primary : ButtonKind::Secondary))
            toggleCustom();
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##group", ui.strings.format("lead.group_is", {{"name", groupName}}), "G",
                     ImVec2(otherW, buttonH)))
        nextGroup();
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##format", ui.strings.format("lead.format_is", {{"name", formatName}}), "F",
                     ImVec2(otherW, buttonH)))
        nextFormat();
    ImGui::Dummy(ImVec2(0, m.gap * 0.1f));
    if (view.custom) drawCustomRange(ui, view);
}

void DashboardScreen::drawCustomRange(const UiContext& ui, const core::DashboardView& view) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonH = std::max(48.0f, m.touch * 0.8f);
    const auto& filter = view.filter;
    const core::MonthRange range = *view.custom;
    const std::string current = view.today.substr(0, 7);
    // The core enforces first <= last <= this month; steps that could not move are shown disabled.
    const bool canFirstBack = range.first > "1970-01";
    const bool canFirstOn = range.first < range.last;
    const bool canLastBack = range.last > range.first;
    const bool canLastOn = range.last < current;
    auto step = [&](int firstBy, int lastBy) {
        ui.emit(core::SetDashboardFilter{
            filter.period, filter.groupId, filter.format,
            core::MonthRange{core::addMonths(range.first, firstBy), core::addMonths(range.last, lastBy)}});
    };
    if (keysFree()) {
        if (canFirstBack && charTyped('[')) step(-1, 0);
        if (canFirstOn && charTyped(']')) step(1, 0);
        if (canLastBack && charTyped(',')) step(0, -1);
        if (canLastOn && charTyped('.')) step(0, 1);
    }
    // Two steppers side by side: ◀ month ▶, each month in a panel between its arrows.
    const float stepW = std::max(48.0f, std::max(110.0f * m.scale, textWidth(f.body, "◀") + m.pad * 2));
    const float half = (width - m.gap) * 0.5f;
    const float monthW = half - stepW * 2 - m.gap * 2;
    auto stepper = [&](const char* idBack, const char* keyBack, bool canBack, const char* idOn, const char* keyOn,
                       bool canOn, const std::string& text, int firstBy, int lastBy) {
        if (actionButton(ui, idBack, "◀", keyBack, ImVec2(stepW, buttonH), ButtonKind::Secondary, canBack))
            step(-firstBy, -lastBy);
        ImGui::SameLine(0, m.gap);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        panelBackground(a, ImVec2(a.x + monthW, a.y + buttonH), p.surfaceRaised, p.border, 10.0f * m.scale, 2.0f);
        const std::string shown = fitText(f.bodyBold, text, monthW - m.gap * 2);
        ImGui::GetWindowDrawList()->AddText(
            f.bodyBold, f.bodyBold->FontSize,
            ImVec2(a.x + (monthW - textWidth(f.bodyBold, shown)) * 0.5f, a.y + (buttonH - f.bodyBold->FontSize) * 0.5f),
            p.text, shown.c_str());
        ImGui::Dummy(ImVec2(monthW, buttonH));
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, idOn, "▶", keyOn, ImVec2(stepW, buttonH), ButtonKind::Secondary, canOn))
            step(firstBy, lastBy);
    };
    stepper("##custom-first-back", "[", canFirstBack, "##custom-first-on", "]", canFirstOn,
            ui.strings.format("lead.custom_first", {{"month", core::formatYearMonth(range.first)}}), 1, 0);
    ImGui::SameLine(0, m.gap);
    stepper("##custom-last-back", ",", canLastBack, "##custom-last-on", ".", canLastOn,
            ui.strings.format("lead.custom_last", {{"month", core::formatYearMonth(range.last)}}), 0, 1);
    // What the figures really cover: the chosen months widened to whole periods of the rows.
    const char* key = filter.period == core::PeriodKind::Month     ? "lead.custom_used_month"
                      : filter.period == core::PeriodKind::Quarter ? "lead.custom_used_quarter"
                                                                   : "lead.custom_used_year";
    const std::string used = ui.strings.format(
        key, {{"first", core::formatYearMonth(view.used.first)}, {"last", core::formatYearMonth(view.used.last)}});
    const ImVec2 at = ImGui::GetCursorScreenPos();
    wrappedText(f.small, used, p.text, width);
    if (ui.hits) (*ui.hits)["##custom-used"] = ImVec4(at.x, at.y, width, ImGui::GetCursorScreenPos().y - at.y);
}

void DashboardScreen::drawExport(const UiContext& ui, const core::KioskView& kiosk) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonW = std::max(280.0f * m.scale, textWidth(f.body, ui.t("lead.export_write")) + m.pad);
    const float labelW = textWidth(f.body, ui.t("lead.export_folder")) + m.gap;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(f.body, f.body->FontSize, ImVec2(a.x, a.y + m.gap * 0.5f), p.text,
                                        ui.t("lead.export_folder"));
    ImGui::SetCursorScreenPos(ImVec2(a.x + labelW, a.y));
    ImGui::SetNextItemWidth(width - labelW - buttonW - m.gap);
    bool submit = ImGui::InputText("##export-folder", &m_folder, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ui.hits)
        (*ui.hits)["##export-folder"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                               ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    ImGui::SameLine(0, m.gap);
    const float buttonH = std::max(48.0f, m.touch * 0.8f);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, a.y));
    submit = actionButton(ui, "##export-write", ui.t("lead.export_write"), "Enter", ImVec2(buttonW, buttonH),
                          ButtonKind::Primary, !m_folder.empty()) ||
             submit;
    if (submit && !m_folder.empty()) ui.emit(core::ExportDashboard{m_folder});
    const std::string& message = kiosk.exportMessage;
    wrappedText(f.small, message.empty() ? std::string(ui.t("lead.export_note")) : message, p.textMuted, width);
}

void DashboardScreen::drawTabs(const UiContext& ui, const core::DashboardView& view) {
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonH = std::max(48.0f, m.touch * 0.8f);
    const float w =
        (width - m.gap * static_cast<float>(core::kDashboardPanels - 1)) / static_cast<float>(core::kDashboardPanels);
    for (int i = 0; i < core::kDashboardPanels; ++i) {
        const auto panel = static_cast<core::DashboardPanel>(i);
        if (keysFree() && charTyped(static_cast<char>('1' + i))) ui.emit(core::ShowDashboardPanel{panel});
        if (i > 0) ImGui::SameLine(0, m.gap);
        const bool on = view.panel == panel;
        const std::string id = fmt::format("##panel-{}", i + 1);
        if (actionButton(ui, id.c_str(), ui.t(kPanelKeys[static_cast<std::size_t>(i)]), std::to_string(i + 1),
                         ImVec2(w, buttonH), on ? ButtonKind::Primary : ButtonKind::Secondary))
            ui.emit(core::ShowDashboardPanel{panel});
    }
}

void DashboardScreen::drawPanel(const UiContext& ui, const core::DashboardView& view) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ImGui::Dummy(ImVec2(0, m.gap * 0.2f));
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.gap, m.gap));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.background);
    ScopedChild child("##panel", ImVec2(0, 0), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoNavInputs);
    if (!child.visible()) return;
    ScopedFont font(f.small);
    const float width = ImGui::GetContentRegionAvail().x;
    // Keyboard scrolling: Page Up / Page Down, as the wheel and a drag do.
    if (keysFree() && keyPressed(ImGuiKey_PageDown))
        ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetWindowHeight() * 0.8f);
    if (keysFree() && keyPressed(ImGuiKey_PageUp))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetWindowHeight() * 0.8f);
    if (!view.error.empty()) {
        wrappedText(f.body, ui.strings.format("lead.failed", {{"reason", view.error}}), p.danger, width);
        return;
    }
    // What '*' means comes first, so it is never scrolled out of sight.
    if (view.panel != core::DashboardPanel::Audit)
        wrappedText(f.small,
                    ui.strings.format("lead.suppression_note",
                                      {{"threshold", std::to_string(view.settings.suppressionThreshold)}}),
                    p.textMuted, width);
    switch (view.panel) {
        case core::DashboardPanel::Sessions:
            drawSessions(ui, view, width);
            break;
        case core::DashboardPanel::Themes:
            drawThemes(ui, view, width);
            break;
        case core::DashboardPanel::Search:
            drawSearch(ui, view, width);
            break;
        case core::DashboardPanel::Actions:
            drawActions(ui, view, width);
            break;
        case core::DashboardPanel::Evaluations:
            drawEvaluations(ui, view, width);
            break;
        case core::DashboardPanel::Timing:
            drawTiming(ui, view, width);
            break;
        case core::DashboardPanel::Checklist:
            drawChecklist(ui, view, width);
            break;
        case core::DashboardPanel::Audit:
            drawAudit(ui, view, width);
            break;
    }
}

void DashboardScreen::drawQuotes(const UiContext& ui, const core::DashboardView& view) {
    if (!view.quotes) return;
    const core::TagQuotesView& quotes = *view.quotes;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    // The key that opened the quotes must not also close them in the same frame.
    const bool justOpened = !ImGui::IsPopupOpen("##quotes");
    if (justOpened) ImGui::OpenPopup("##quotes");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(display.x * 0.72f, 1200.0f * m.scale);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, display.y * 0.9f));
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad, m.pad));
    ScopedStyleVar border(ImGuiStyleVar_PopupBorderSize, std::max(2.0f, 3.0f * m.scale));
    ScopedStyleColor borderColor(ImGuiCol_Border, p.border);
    if (!ImGui::BeginPopupModal("##quotes", nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoNavInputs))
        return;
    const float inner = ImGui::GetContentRegionAvail().x;
    wrappedText(f.heading,
                ui.strings.format("lead.quotes_title", {{"tag", quotes.name.empty() ? quotes.tag : quotes.name}}),
                p.text, inner);
    const std::string people = std::to_string(view.settings.freeTextPeople);
    const std::string visible = std::to_string(view.settings.freeTextMinimum);
    wrappedText(f.small, ui.strings.format("lead.quotes_note", {{"people", people}, {"visible", visible}}), p.textMuted,
                inner);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    if (quotes.quotes.empty()) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        wrappedText(f.body, ui.strings.format("lead.quotes_none", {{"people", people}, {"visible", visible}}), p.text,
                    inner);
        if (ui.hits) (*ui.hits)["##quotes-reason"] = ImVec4(at.x, at.y, inner, ImGui::GetCursorScreenPos().y - at.y);
    }
    for (std::size_t i = 0; i < quotes.quotes.size(); ++i) {
        const core::SearchHit& quote = quotes.quotes[i];
        // Month and group only: a date next to a group would name one session.
        const std::string label = ui.strings.format(
            "lead.quote_label",
            {{"month", core::formatYearMonth(quote.month)},
             {"group", quote.group.empty() ? std::string(ui.t("lead.quote_no_group")) : quote.group}});
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float textW = inner - m.gap * 2;
        ImGui::GetWindowDrawList()->ChannelsSplit(2);
        ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(a.x + m.gap, a.y + m.gap * 0.5f));
        wrappedText(f.small, label, p.textMuted, textW);
        {
            ScopedFont body(f.body);
            ImGui::SetCursorScreenPos(ImVec2(a.x + m.gap, ImGui::GetCursorScreenPos().y));
            wrappedText(f.body, quote.text, p.text, textW);
        }
        const float bottom = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;
        ImGui::GetWindowDrawList()->ChannelsSetCurrent(0);
        panelBackground(a, ImVec2(a.x + inner, bottom), p.surface, p.border, 10.0f * m.scale, 2.0f);
        ImGui::GetWindowDrawList()->ChannelsMerge();
        if (ui.hits) (*ui.hits)[fmt::format("##quote-{}", i + 1)] = ImVec4(a.x, a.y, inner, bottom - a.y);
        ImGui::SetCursorScreenPos(ImVec2(a.x, bottom + m.gap * 0.5f));
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    const float closeW = std::max(260.0f * m.scale, textWidth(f.body, ui.t("lead.quotes_close")) + m.pad);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + inner - closeW);
    const bool keyClose = !justOpened && shortcutsAllowed() &&
                          (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
    if (actionButton(ui, "##quotes-close", ui.t("lead.quotes_close"), ui.t("lead.quotes_close_hint"),
                     ImVec2(closeW, std::max(48.0f, m.touch * 0.8f)), ButtonKind::Primary) ||
        keyClose) {
        ui.emit(core::CloseTagQuotes{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace reflect::ui
