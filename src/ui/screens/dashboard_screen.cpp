// DashboardScreen implementation.
#include "ui/screens/dashboard_screen.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <imgui_stdlib.h>

#include "core/text/time_format.hpp"
#include "ui/widgets/chart.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {
constexpr std::array<const char*, core::kDashboardPanels> kPanelKeys = {
    "lead.panel_sessions", "lead.panel_themes", "lead.panel_search",    "lead.panel_actions",
    "lead.panel_evaluations", "lead.panel_timing", "lead.panel_checklist", "lead.panel_audit"};

const char* periodLabelKey(core::PeriodKind kind) {
    switch (kind) {
        case core::PeriodKind::Month: return "lead.period_month";
        case core::PeriodKind::Quarter: return "lead.period_quarter";
        case core::PeriodKind::Year: return "lead.period_year";
    }
    return "lead.period_month";
}

ChartValue chartValue(const core::Cell& cell) { return ChartValue{static_cast<double>(cell.value), cell.suppressed}; }
std::string minutes(double m) { return fmt::format("{:.1f}", m); }
std::string percent(double share) { return fmt::format("{:.0f}%", share * 100.0); }

/// A change in percentage points with its sign and a word, so it never rests on colour alone.
std::string changeText(double points) {
    if (points >= 0.5) return fmt::format("+{:.0f} pts, up", points);
    if (points <= -0.5) return fmt::format("{:.0f} pts, down", points);
    return "0 pts, same";
}

/// This period's share of sessions against the last: "34% (+5 pts, up)".
std::string shareChangeText(const core::TagRow& row) {
    if (!row.shareNow) return "-";
    if (!row.shareBefore) return fmt::format("{:.0f}%", *row.shareNow);
    return fmt::format("{:.0f}% ({})", *row.shareNow, changeText(*row.shareNow - *row.shareBefore));
}

std::string returnRateText(const core::SessionsRow& row) {
    const auto rate = row.returnRate();
    return rate ? fmt::format("{:.0f}", *rate) : "-";
}

float chartHeight(const UiContext& ui) {
    return std::max(220.0f, std::min(ImGui::GetIO().DisplaySize.y * 0.36f, 420.0f * ui.theme.metrics.scale));
}

void heading(const UiContext& ui, std::string_view text, float width) {
    wrappedText(ui.theme.fonts.bodyBold, text, ui.theme.palette.text, width);
}
}  // namespace

void DashboardScreen::reset(const core::KioskView& kiosk) {
    m_query = kiosk.dashboard.query;
    m_folder = kiosk.exportFolder;
    m_exportOpen = false;
    m_focusSearch = false;
}

void DashboardScreen::draw(const UiContext& ui, const core::KioskView& kiosk) {
    const core::DashboardView& view = kiosk.dashboard;
    drawTopBar(ui, kiosk);
    drawFilters(ui, view);
    if (m_exportOpen) drawExport(ui, kiosk);
    drawTabs(ui, view);
    drawPanel(ui, view);
}

void DashboardScreen::drawTopBar(const UiContext& ui, const core::KioskView& kiosk) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonH = std::max(48.0f, m.touch * 0.8f);
    const float lockW = std::max(200.0f * m.scale, textWidth(f.body, ui.t("lead.lock")) + m.pad);
    const float exportW = std::max(260.0f * m.scale, textWidth(f.body, ui.t("lead.export")) + m.pad);
    if (shortcutsAllowed() && keyPressed(ImGuiKey_Escape)) ui.emit(core::LockLeadReview{});
    if (shortcutsAllowed() && charTyped('x')) m_exportOpen = !m_exportOpen;

    const ImVec2 a = ImGui::GetCursorScreenPos();
    const std::int64_t remaining = kiosk.leadIdleRemainingMs(ui.now);
    const bool warn = remaining >= 0 && remaining <= core::kIdleCountdownMs;
    const float titleW = width - lockW - exportW - m.gap * 2;
    ImGui::GetWindowDrawList()->AddText(f.heading, f.heading->FontSize,
                                        ImVec2(a.x, a.y + (buttonH - f.heading->FontSize) * 0.5f), p.text,
                                        fitText(f.heading, ui.t("lead.title"), titleW).c_str());
    if (warn) {
        // The countdown covers the title: it is the one thing that matters in the last 20 seconds.
        const std::string text = ui.strings.format("lead.locking_in", {{"seconds", std::to_string((remaining + 999) / 1000)}});
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
    auto setPeriod = [&](core::PeriodKind k) { ui.emit(core::SetDashboardFilter{k, filter.groupId, filter.format, view.custom}); };
    // An empty range asks the core for its default: the last 12 months.
    auto toggleCustom = [&] {
        ui.emit(core::SetDashboardFilter{filter.period, filter.groupId, filter.format,
                                         view.custom ? std::nullopt : std::optional<core::MonthRange>(core::MonthRange{})});
    };
    auto nextGroup = [&] {
        std::optional<std::int64_t> next;
        if (!view.groups.empty()) {
            auto it = std::find_if(view.groups.begin(), view.groups.end(),
                                   [&](const core::GroupInfo& g) { return filter.groupId && g.id == *filter.groupId; });
            if (!filter.groupId) next = view.groups.front().id;
            else if (it != view.groups.end() && it + 1 != view.groups.end()) next = (it + 1)->id;
        }
        ui.emit(core::SetDashboardFilter{filter.period, next, filter.format, view.custom});
    };
    auto nextFormat = [&] {
        std::optional<std::string> next;
        if (!view.formats.empty()) {
            auto it = std::find(view.formats.begin(), view.formats.end(), filter.format.value_or(""));
            if (!filter.format) next = view.formats.front();
            else if (it != view.formats.end() && it + 1 != view.formats.end()) next = *(it + 1);
        }
        ui.emit(core::SetDashboardFilter{filter.period, filter.groupId, next, view.custom});
    };
    if (shortcutsAllowed()) {
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
    const std::string formatName = filter.format ? *filter.format : std::string(ui.t("lead.all_formats"));

    const float periodW = (width * 0.5f - m.gap * 3) / 4.0f;
    const float otherW = (width * 0.5f - m.gap * 2) * 0.5f;
    const std::array<core::PeriodKind, 3> kinds = {core::PeriodKind::Month, core::PeriodKind::Quarter, core::PeriodKind::Year};
    const std::array<const char*, 3> keys = {"M", "Q", "Y"};
    const std::array<const char*, 3> ids = {"##period-month", "##period-quarter", "##period-year"};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, m.gap);
        const bool on = filter.period == kinds[i];
        const std::string label = on ? fmt::format("✓ {}", ui.t(periodLabelKey(kinds[i]))) : ui.t(periodLabelKey(kinds[i]));
        if (actionButton(ui, ids[i], label, keys[i], ImVec2(periodW, buttonH), on ? ButtonKind::Primary : ButtonKind::Secondary))
            setPeriod(kinds[i]);
    }
    ImGui::SameLine(0, m.gap);
    {
        const bool on = view.custom.has_value();
        const std::string label = on ? fmt::format("✓ {}", ui.t("lead.period_custom")) : ui.t("lead.period_custom");
        if (actionButton(ui, "##period-custom", label, "C", ImVec2(periodW, buttonH), on ? ButtonKind::Primary : ButtonKind::Secondary))
            toggleCustom();
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##group", ui.strings.format("lead.group_is", {{"name", groupName}}), "G", ImVec2(otherW, buttonH)))
        nextGroup();
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##format", ui.strings.format("lead.format_is", {{"name", formatName}}), "F", ImVec2(otherW, buttonH)))
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
        ui.emit(core::SetDashboardFilter{filter.period, filter.groupId, filter.format,
                                         core::MonthRange{core::addMonths(range.first, firstBy), core::addMonths(range.last, lastBy)}});
    };
    if (shortcutsAllowed()) {
        if (canFirstBack && charTyped('[')) step(-1, 0);
        if (canFirstOn && charTyped(']')) step(1, 0);
        if (canLastBack && charTyped(',')) step(0, -1);
        if (canLastOn && charTyped('.')) step(0, 1);
    }
    // Two steppers side by side: ◀ month ▶, each month in a panel between its arrows.
    const float stepW = std::max(48.0f, std::max(110.0f * m.scale, textWidth(f.body, "◀") + m.pad * 2));
    const float half = (width - m.gap) * 0.5f;
    const float monthW = half - stepW * 2 - m.gap * 2;
    auto stepper = [&](const char* idBack, const char* keyBack, bool canBack, const char* idOn, const char* keyOn, bool canOn,
                       const std::string& text, int firstBy, int lastBy) {
        if (actionButton(ui, idBack, "◀", keyBack, ImVec2(stepW, buttonH), ButtonKind::Secondary, canBack)) step(-firstBy, -lastBy);
        ImGui::SameLine(0, m.gap);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        panelBackground(a, ImVec2(a.x + monthW, a.y + buttonH), p.surfaceRaised, p.border, 10.0f * m.scale, 2.0f);
        const std::string shown = fitText(f.bodyBold, text, monthW - m.gap * 2);
        ImGui::GetWindowDrawList()->AddText(
            f.bodyBold, f.bodyBold->FontSize,
            ImVec2(a.x + (monthW - textWidth(f.bodyBold, shown)) * 0.5f, a.y + (buttonH - f.bodyBold->FontSize) * 0.5f), p.text,
            shown.c_str());
        ImGui::Dummy(ImVec2(monthW, buttonH));
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, idOn, "▶", keyOn, ImVec2(stepW, buttonH), ButtonKind::Secondary, canOn)) step(firstBy, lastBy);
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
    const std::string used = ui.strings.format(key, {{"first", core::formatYearMonth(view.used.first)},
                                                     {"last", core::formatYearMonth(view.used.last)}});
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
    if (ui.hits) (*ui.hits)["##export-folder"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
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
    const float w = (width - m.gap * static_cast<float>(core::kDashboardPanels - 1)) / static_cast<float>(core::kDashboardPanels);
    for (int i = 0; i < core::kDashboardPanels; ++i) {
        const auto panel = static_cast<core::DashboardPanel>(i);
        if (shortcutsAllowed() && charTyped(static_cast<char>('1' + i))) ui.emit(core::ShowDashboardPanel{panel});
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
    ScopedChild child("##panel", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (!child.visible()) return;
    ScopedFont font(f.small);
    const float width = ImGui::GetContentRegionAvail().x;
    // Keyboard scrolling: Page Up / Page Down, as the wheel and a drag do.
    if (keyPressed(ImGuiKey_PageDown)) ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetWindowHeight() * 0.8f);
    if (keyPressed(ImGuiKey_PageUp)) ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetWindowHeight() * 0.8f);
    if (!view.error.empty()) {
        wrappedText(f.body, ui.strings.format("lead.failed", {{"reason", view.error}}), p.danger, width);
        return;
    }
    // What '*' means comes first, so it is never scrolled out of sight.
    if (view.panel != core::DashboardPanel::Audit)
        wrappedText(f.small,
                    ui.strings.format("lead.suppression_note", {{"threshold", std::to_string(view.settings.suppressionThreshold)}}),
                    p.textMuted, width);
    switch (view.panel) {
        case core::DashboardPanel::Sessions: drawSessions(ui, view, width); break;
        case core::DashboardPanel::Themes: drawThemes(ui, view, width); break;
        case core::DashboardPanel::Search: drawSearch(ui, view, width); break;
        case core::DashboardPanel::Actions: drawActions(ui, view, width); break;
        case core::DashboardPanel::Evaluations: drawEvaluations(ui, view, width); break;
        case core::DashboardPanel::Timing: drawTiming(ui, view, width); break;
        case core::DashboardPanel::Checklist: drawChecklist(ui, view, width); break;
        case core::DashboardPanel::Audit: drawAudit(ui, view, width); break;
    }
}

void DashboardScreen::drawSessions(const UiContext& ui, const core::DashboardView& view, float width) {
    const auto& s = view.sessions;
    if (s.rows.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    // Two charts side by side: sessions and attendance differ tenfold, so one shared axis would flatten one.
    BarChartSpec sessions{ui.t("lead.sessions_chart"), ui.t(periodLabelKey(view.filter.period)), ui.t("lead.axis_sessions"), {}, {}, ""};
    BarChartSpec attendance{ui.t("lead.attendance_chart"), ui.t(periodLabelKey(view.filter.period)), ui.t("lead.axis_people"), {}, {}, ""};
    ChartSeries sessionValues{ui.t("lead.col_sessions"), {}, false};
    ChartSeries attendanceValues{ui.t("lead.col_attendance"), {}, false};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : s.rows) {
        sessions.categories.push_back(r.period);
        sessionValues.values.push_back(ChartValue{static_cast<double>(r.sessions), false});
        attendanceValues.values.push_back(chartValue(r.attendance));
        rows.push_back({r.period, std::to_string(r.sessions), r.attendance.text(), r.contributions.text(), r.evaluations.text(),
                        returnRateText(r)});
    }
    attendance.categories = sessions.categories;
    rows.push_back({ui.t("lead.total"), std::to_string(s.total.sessions), s.total.attendance.text(),
                    s.total.contributions.text(), s.total.evaluations.text(), returnRateText(s.total)});
    sessions.series = {sessionValues};
    attendance.series = {attendanceValues};
    const float half = (width - ui.theme.metrics.gap) * 0.5f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    barChart(ui, "##chart-sessions", sessions, ImVec2(half, chartHeight(ui)));
    ImGui::SetCursorScreenPos(ImVec2(start.x + half + ui.theme.metrics.gap, start.y));
    barChart(ui, "##chart-attendance", attendance, ImVec2(half, chartHeight(ui)));
    textTable(ui, "##table-sessions",
              {ui.t(periodLabelKey(view.filter.period)), ui.t("lead.col_sessions"), ui.t("lead.col_attendance"),
               ui.t("lead.col_contributions"), ui.t("lead.col_evaluations"), ui.t("lead.col_return_rate")},
              rows);
}

void DashboardScreen::drawThemes(const UiContext& ui, const core::DashboardView& view, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const auto& t = view.themes;
    if (t.rows.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    heading(ui, ui.strings.format("lead.themes_heading", {{"period", ui.t(periodLabelKey(view.filter.period))}}), width);
    {
        ScopedTable table("##table-themes", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp);
        if (table.open()) {
            ImGui::TableSetupColumn(ui.t("lead.col_tag"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
            ImGui::TableSetupColumn(ui.strings.format("lead.col_trend", {{"first", t.periods.empty() ? "" : t.periods.front()},
                                                                         {"last", t.periods.empty() ? "" : t.periods.back()}})
                                        .c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, 2.4f);
            ImGui::TableSetupColumn(ui.t("lead.col_now_before"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(ui.t("lead.col_contributions"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn(ui.t("lead.col_sessions"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(ui.t("lead.col_recurring"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            {
                ScopedStyleColor c(ImGuiCol_Text, p.textMuted);
                ImGui::TableHeadersRow();
            }
            for (const auto& row : t.rows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextWrapped("%s", row.name.empty() ? row.tag.c_str() : row.name.c_str());
                ImGui::TableSetColumnIndex(1);
                // The trend is the share of each period's sessions in which the tag came up, so a busier month
                // does not look like a worse one.
                std::vector<ChartValue> points;
                for (std::size_t i = 0; i < row.sessionsPerPeriod.size() && i < t.periodSessions.size(); ++i)
                    points.push_back(ChartValue{t.periodSessions[i] > 0 ? 100.0 * static_cast<double>(row.sessionsPerPeriod[i]) /
                                                                              static_cast<double>(t.periodSessions[i])
                                                                        : 0.0,
                                                false});
                trendLine(ui, points, ImVec2(ImGui::GetContentRegionAvail().x, f.small->FontSize * 1.2f));
                // End values and the scale, so the line can be read without guessing what its height means.
                double top = 0;
                for (const auto& v : points) top = std::max(top, v.value);
                if (!points.empty()) {
                    ScopedFont small(f.small);
                    ScopedStyleColor muted(ImGuiCol_Text, p.textMuted);
                    ImGui::Text("%.0f%% .. %.0f%%  (scale 0-%.0f%%)", points.front().value, points.back().value, top);
                }
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(shareChangeText(row).c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::TextUnformatted(row.total.text().c_str());
                ImGui::TableSetColumnIndex(4);
                ImGui::TextUnformatted(std::to_string(row.sessions).c_str());
                ImGui::TableSetColumnIndex(5);
                if (row.recurring) ImGui::TextUnformatted(ui.t("lead.recurring_mark"));
            }
        }
    }
    // The trend as numbers: one row per tag, one column per period.
    heading(ui, ui.t("lead.themes_numbers"), width);
    {
        const int columns = static_cast<int>(t.periods.size()) + 1;
        ScopedTable table("##table-theme-periods", columns,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX,
                          ImVec2(width, 0));
        if (table.open()) {
            ImGui::TableSetupColumn(ui.t("lead.col_tag"));
            for (const auto& period : t.periods) ImGui::TableSetupColumn(period.c_str());
            ImGui::TableHeadersRow();
            for (const auto& row : t.rows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(row.name.empty() ? row.tag.c_str() : row.name.c_str());
                for (std::size_t i = 0; i < row.sessionsPerPeriod.size() && i < t.periodSessions.size() &&
                                        i + 1 < static_cast<std::size_t>(columns);
                     ++i) {
                    ImGui::TableSetColumnIndex(static_cast<int>(i + 1));
                    ImGui::TextUnformatted(
                        fmt::format("{} / {}", row.sessionsPerPeriod[i], t.periodSessions[i]).c_str());
                }
            }
        }
    }
    heading(ui, ui.t("lead.pairs_heading"), width);
    std::vector<std::vector<std::string>> pairs;
    for (const auto& pr : view.pairs) pairs.push_back({pr.first + " + " + pr.second, std::to_string(pr.sessions)});
    if (pairs.empty()) wrappedText(f.small, ui.t("lead.nothing"), p.textMuted, width);
    else textTable(ui, "##table-pairs", {ui.t("lead.col_pair"), ui.t("lead.col_sessions_together")}, pairs);
    heading(ui, ui.strings.format("lead.recurring_heading", {{"minimum", std::to_string(view.settings.recurringMinimum)},
                                                           {"window", std::to_string(view.settings.recurringWindow)}}), width);
    std::vector<std::vector<std::string>> recurring;
    for (const auto& r : view.recurring)
        recurring.push_back({r.group, r.tag, fmt::format("{} / {}", r.sessionsWithTag, r.window)});
    if (recurring.empty()) wrappedText(f.small, ui.t("lead.nothing"), p.textMuted, width);
    else textTable(ui, "##table-recurring", {ui.t("lead.col_group"), ui.t("lead.col_tag"), ui.t("lead.col_in_last")}, recurring);
}

void DashboardScreen::drawSearch(const UiContext& ui, const core::DashboardView& view, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float buttonW = std::max(220.0f * m.scale, textWidth(f.body, ui.t("lead.search_go")) + m.pad);
    if (shortcutsAllowed() && charTyped('/')) m_focusSearch = true;
    if (m_focusSearch) {
        ImGui::SetKeyboardFocusHere();
        m_focusSearch = false;
    }
    bool go = false;
    {
        ScopedFont font(f.body);
        ImGui::SetNextItemWidth(width - buttonW - m.gap);
        go = ImGui::InputTextWithHint("##search-text", ui.t("lead.search_hint"), &m_query, ImGuiInputTextFlags_EnterReturnsTrue);
        if (ui.hits) (*ui.hits)["##search-text"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                                         ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    }
    ImGui::SameLine(0, m.gap);
    go = actionButton(ui, "##search-go", ui.t("lead.search_go"), "Enter", ImVec2(buttonW, std::max(48.0f, m.touch * 0.7f)),
                      ButtonKind::Primary) ||
         go;
    if (go) ui.emit(core::DashboardSearch{m_query});
    wrappedText(f.small, ui.t("lead.search_note"), p.textMuted, width);
    if (!view.searched) return;
    if (view.hits.empty()) {
        heading(ui, ui.t("lead.search_none"), width);
        return;
    }
    heading(ui, ui.strings.format("lead.search_count", {{"count", std::to_string(view.hits.size())}}), width);
    std::vector<std::vector<std::string>> rows;
    for (const auto& h : view.hits) rows.push_back({h.month, h.format, h.group, ui.t(("lead.kind_" + h.kind).c_str()), h.text});
    ScopedTable table("##table-search", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp);
    if (!table.open()) return;
    ImGui::TableSetupColumn(ui.t("lead.col_month"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.t("lead.col_format"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(ui.t("lead.col_group"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(ui.t("lead.col_kind"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(ui.t("lead.col_text"), ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableHeadersRow();
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        for (int c = 0; c < 5; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TextWrapped("%s", r[static_cast<std::size_t>(c)].c_str());
        }
    }
}

void DashboardScreen::drawActions(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.actions.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    BarChartSpec spec{ui.t("lead.actions_chart"), ui.t("lead.col_group"), ui.t("lead.axis_completion"), {}, {}, "%"};
    ChartSeries done{ui.t("lead.col_completion"), {}, false};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : view.actions) {
        spec.categories.push_back(r.group);
        done.values.push_back(ChartValue{r.completionRate() * 100.0, false});
        rows.push_back({r.group, std::to_string(r.open), std::to_string(r.inProgress), std::to_string(r.overdue),
                        std::to_string(r.done), std::to_string(r.dropped), percent(r.completionRate())});
    }
    spec.series = {done};
    barChart(ui, "##chart-actions", spec, ImVec2(width, chartHeight(ui)));
    textTable(ui, "##table-actions",
              {ui.t("lead.col_group"), ui.t("lead.col_open"), ui.t("lead.col_in_progress"), ui.t("lead.col_overdue"),
               ui.t("lead.col_done"), ui.t("lead.col_dropped"), ui.t("lead.col_completion")},
              rows);
}

void DashboardScreen::drawEvaluations(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.evaluations.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    // Ratings are pooled by quarter at the finest; say so when months were asked for.
    const core::PeriodKind shownBy = core::ratingsPeriod(view.filter.period);
    if (shownBy != view.filter.period)
        wrappedText(ui.theme.fonts.small, ui.t("lead.ratings_by_quarter"), ui.theme.palette.textMuted, width);
    // The chart follows the first statement's mean over time; the table has every statement.
    const auto& first = view.evaluations.front();
    BarChartSpec spec{ui.strings.format("lead.evaluations_chart", {{"statement", first.statement}}),
                      ui.t(periodLabelKey(shownBy)), ui.t("lead.axis_mean"), {}, {}, ""};
    ChartSeries mean{ui.t("lead.col_mean"), {}, false};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : view.evaluations) {
        if (r.statementIndex == first.statementIndex) {
            spec.categories.push_back(r.period);
            mean.values.push_back(ChartValue{r.mean.value_or(0.0), !r.mean.has_value()});
        }
        std::vector<std::string> row{r.period, r.statement,
                                     r.agreeShare ? fmt::format("{:.0f}% ({})", *r.agreeShare, r.answers.text())
                                                  : fmt::format("* ({})", r.answers.text()),
                                     r.agreeChange ? changeText(*r.agreeChange) : std::string("-"),
                                     fmt::format("{} / {}", r.answers.text(), r.forms.text())};
        for (const auto& d : r.distribution) row.push_back(d.text());
        row.push_back(r.mean ? fmt::format("{:.2f}", *r.mean) : "*");
        rows.push_back(std::move(row));
    }
    spec.series = {mean};
    barChart(ui, "##chart-evaluations", spec, ImVec2(width, chartHeight(ui)));
    textTable(ui, "##table-evaluations",
              {ui.t(periodLabelKey(shownBy)), ui.t("lead.col_statement"), ui.t("lead.col_agree"),
               ui.t("lead.col_agree_change"), ui.t("lead.col_answers"), "1", "2", "3", "4", "5", ui.t("lead.col_mean")},
              rows);
}

void DashboardScreen::drawTiming(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.timing.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    // One format's stages in the chart (the chosen one, else the first); the table has them all.
    const std::string chartFormat = view.filter.format.value_or(view.timing.front().format);
    BarChartSpec spec{ui.strings.format("lead.timing_chart", {{"format", chartFormat}}), ui.t("lead.col_stage"),
                      ui.t("lead.axis_minutes"), {}, {}, ""};
    ChartSeries planned{ui.t("lead.col_planned"), {}, true};
    ChartSeries actual{ui.t("lead.col_actual"), {}, false};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : view.timing) {
        if (r.format == chartFormat) {
            spec.categories.push_back(r.stageName);
            planned.values.push_back(ChartValue{r.plannedMinutes, false});
            actual.values.push_back(ChartValue{r.actualMinutes, false});
        }
        rows.push_back({r.format, r.stageName, std::to_string(r.sessions), minutes(r.plannedMinutes), minutes(r.actualMinutes),
                        percent(r.overrunShare)});
    }
    spec.series = {planned, actual};
    barChart(ui, "##chart-timing", spec, ImVec2(width, chartHeight(ui)));
    textTable(ui, "##table-timing",
              {ui.t("lead.col_format"), ui.t("lead.col_stage"), ui.t("lead.col_sessions"), ui.t("lead.col_planned"),
               ui.t("lead.col_actual"), ui.t("lead.col_overran")},
              rows);
}

void DashboardScreen::drawChecklist(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.checklist.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : view.checklist)
        rows.push_back({r.group, r.period, r.principle, std::to_string(r.met), std::to_string(r.partly),
                        std::to_string(r.notYet), std::to_string(r.notApplicable)});
    // One stacked bar per group and period: the ratings of all its principles together, before the detail.
    StackedBarSpec chart{ui.t("lead.checklist_chart"),
                         {ui.t("lead.col_met"), ui.t("lead.col_partly"), ui.t("lead.col_not_yet"), ui.t("lead.col_na")},
                         {},
                         {}};
    for (const auto& r : view.checklist) {
        const std::string label = r.group + " · " + r.period;
        auto at = std::find(chart.rows.begin(), chart.rows.end(), label);
        if (at == chart.rows.end()) {
            chart.rows.push_back(label);
            chart.counts.push_back({0, 0, 0, 0});
            at = chart.rows.end() - 1;
        }
        auto& c = chart.counts[static_cast<std::size_t>(at - chart.rows.begin())];
        c[0] += r.met;
        c[1] += r.partly;
        c[2] += r.notYet;
        c[3] += r.notApplicable;
    }
    stackedBars(ui, "##chart-checklist", chart, width);
    heading(ui, ui.t("lead.checklist_heading"), width);
    textTable(ui, "##table-checklist",
              {ui.t("lead.col_group"), ui.t(periodLabelKey(view.filter.period)), ui.t("lead.col_principle"),
               ui.t("lead.col_met"), ui.t("lead.col_partly"), ui.t("lead.col_not_yet"), ui.t("lead.col_na")},
              rows);
}

void DashboardScreen::drawAudit(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.audit.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : view.audit)
        rows.push_back({core::formatDate(e.at) + " " + core::formatTimeOfDay(e.at), e.role, e.action, e.detail});
    heading(ui, ui.t("lead.audit_heading"), width);
    textTable(ui, "##table-audit", {ui.t("lead.col_when"), ui.t("lead.col_role"), ui.t("lead.col_action"), ui.t("lead.col_detail")},
              rows);
}

}  // namespace reflect::ui
