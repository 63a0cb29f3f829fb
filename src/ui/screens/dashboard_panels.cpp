// DashboardScreen's panels: one table and chart per panel, each drawn from the DashboardView.
#include "ui/screens/dashboard_screen.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <imgui_stdlib.h>

#include "core/text/time_format.hpp"
#include "ui/screens/dashboard_format.hpp"
#include "ui/widgets/chart.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

using namespace dashboard_format;

void DashboardScreen::drawSessions(const UiContext& ui, const core::DashboardView& view, float width) {
    const auto& s = view.sessions;
    if (s.rows.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    // Two charts side by side: sessions and attendance differ tenfold, so one shared axis would flatten one.
    BarChartSpec sessions{
        ui.t("lead.sessions_chart"), ui.t(periodLabelKey(view.filter.period)), ui.t("lead.axis_sessions"), {}, {}, ""};
    BarChartSpec attendance{
        ui.t("lead.attendance_chart"), ui.t(periodLabelKey(view.filter.period)), ui.t("lead.axis_people"), {}, {}, ""};
    ChartSeries sessionValues{ui.t("lead.col_sessions"), {}, false};
    ChartSeries attendanceValues{ui.t("lead.col_attendance"), {}, false};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : s.rows) {
        sessions.categories.push_back(r.period);
        sessionValues.values.push_back(ChartValue{static_cast<double>(r.sessions), false});
        attendanceValues.values.push_back(chartValue(r.attendance));
        rows.push_back({r.period, std::to_string(r.sessions), r.attendance.text(), r.contributions.text(),
                        r.evaluations.text(), returnRateText(r)});
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
    heading(ui, ui.strings.format("lead.themes_heading", {{"period", ui.t(periodLabelKey(view.filter.period))}}),
            width);
    wrappedText(f.small, ui.t("lead.quotes_hint"), p.textMuted, width);
    // A row opens its tag's quotes: a tap, or the arrow keys to choose a row and Enter.
    const int rowCount = static_cast<int>(t.rows.size());
    m_themeRow = std::min(m_themeRow, rowCount - 1);
    if (keysFree()) {
        if (keyPressed(ImGuiKey_DownArrow)) {
            m_themeRow = std::min(rowCount - 1, m_themeRow + 1);
            m_scrollToRow = true;
        }
        if (keyPressed(ImGuiKey_UpArrow)) {
            m_themeRow = std::max(0, m_themeRow - 1);
            m_scrollToRow = true;
        }
        if (m_themeRow >= 0 && (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter)))
            ui.emit(core::OpenTagQuotes{t.rows[static_cast<std::size_t>(m_themeRow)].tag});
    }
    const float rowH = std::max(48.0f, f.small->FontSize * 2.4f + ImGui::GetStyle().CellPadding.y * 2);
    {
        ScopedTable table("##table-themes", 6,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp);
        if (table.open()) {
            ImGui::TableSetupColumn(ui.t("lead.col_tag"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
            ImGui::TableSetupColumn(
                ui.strings
                    .format("lead.col_trend", {{"first", t.periods.empty() ? "" : t.periods.front()},
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
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                const auto& row = t.rows[r];
                const bool chosen = static_cast<int>(r) == m_themeRow;
                ImGui::TableNextRow(ImGuiTableRowFlags_None, rowH);
                ImGui::TableSetColumnIndex(0);
                // The whole row is the target; the chosen one is outlined and marked, not only tinted.
                const ImVec2 cell = ImGui::GetCursorScreenPos();
                const std::string id = "##quotes-" + row.tag;
                {
                    ScopedStyleColor header(ImGuiCol_Header, p.surfaceRaised);
                    ScopedStyleColor hovered(ImGuiCol_HeaderHovered, p.surfaceRaised);
                    ScopedStyleColor active(ImGuiCol_HeaderActive, p.surfaceRaised);
                    if (ImGui::Selectable(id.c_str(), chosen,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                          ImVec2(0, rowH - ImGui::GetStyle().CellPadding.y * 2))) {
                        m_themeRow = static_cast<int>(r);
                        ui.emit(core::OpenTagQuotes{row.tag});
                    }
                }
                const ImVec2 rowMin = ImGui::GetItemRectMin();
                const ImVec2 rowMax = ImGui::GetItemRectMax();
                if (ui.hits) (*ui.hits)[id] = ImVec4(rowMin.x, rowMin.y, rowMax.x - rowMin.x, rowMax.y - rowMin.y);
                if (chosen) {
                    ImGui::GetWindowDrawList()->AddRect(rowMin, rowMax, p.focus, 4.0f * ui.theme.metrics.scale, 0,
                                                        std::max(2.0f, 3.0f * ui.theme.metrics.scale));
                    if (m_scrollToRow) ImGui::SetScrollHereY(0.5f);
                }
                ImGui::SetCursorScreenPos(cell);
                const std::string name = row.name.empty() ? row.tag : row.name;
                ImGui::TextWrapped("%s", chosen ? ("▶ " + name).c_str() : name.c_str());
                ImGui::TableSetColumnIndex(1);
                // The trend is the share of each period's sessions in which the tag came up, so a busier month
                // does not look like a worse one.
                std::vector<ChartValue> points;
                for (std::size_t i = 0; i < row.sessionsPerPeriod.size() && i < t.periodSessions.size(); ++i)
                    points.push_back(ChartValue{t.periodSessions[i] > 0
                                                    ? 100.0 * static_cast<double>(row.sessionsPerPeriod[i]) /
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
    m_scrollToRow = false;
    // The trend as numbers: one row per tag, one column per period.
    heading(ui, ui.t("lead.themes_numbers"), width);
    {
        const int columns = static_cast<int>(t.periods.size()) + 1;
        ScopedTable table(
            "##table-theme-periods", columns,
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
    if (pairs.empty())
        wrappedText(f.small, ui.t("lead.nothing"), p.textMuted, width);
    else
        textTable(ui, "##table-pairs", {ui.t("lead.col_pair"), ui.t("lead.col_sessions_together")}, pairs);
    heading(ui,
            ui.strings.format("lead.recurring_heading", {{"minimum", std::to_string(view.settings.recurringMinimum)},
                                                         {"window", std::to_string(view.settings.recurringWindow)}}),
            width);
    std::vector<std::vector<std::string>> recurring;
    for (const auto& r : view.recurring)
        recurring.push_back({r.group, r.tag, fmt::format("{} / {}", r.sessionsWithTag, r.window)});
    if (recurring.empty())
        wrappedText(f.small, ui.t("lead.nothing"), p.textMuted, width);
    else
        textTable(ui, "##table-recurring", {ui.t("lead.col_group"), ui.t("lead.col_tag"), ui.t("lead.col_in_last")},
                  recurring);
}

void DashboardScreen::drawSearch(const UiContext& ui, const core::DashboardView& view, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float buttonW = std::max(220.0f * m.scale, textWidth(f.body, ui.t("lead.search_go")) + m.pad);
    if (keysFree() && charTyped('/')) m_focusSearch = true;
    if (m_focusSearch) {
        ImGui::SetKeyboardFocusHere();
        m_focusSearch = false;
    }
    bool go = false;
    {
        ScopedFont font(f.body);
        ImGui::SetNextItemWidth(width - buttonW - m.gap);
        go = ImGui::InputTextWithHint("##search-text", ui.t("lead.search_hint"), &m_query,
                                      ImGuiInputTextFlags_EnterReturnsTrue);
        if (ui.hits)
            (*ui.hits)["##search-text"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                                 ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    }
    ImGui::SameLine(0, m.gap);
    go = actionButton(ui, "##search-go", ui.t("lead.search_go"), "Enter",
                      ImVec2(buttonW, std::max(48.0f, m.touch * 0.7f)), ButtonKind::Primary) ||
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
    for (const auto& h : view.hits)
        rows.push_back({h.month, h.formatName, h.group, ui.t(("lead.kind_" + h.kind).c_str()), h.text});
    ScopedTable table("##table-search", 5,
                      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp);
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
                      ui.t(periodLabelKey(shownBy)),
                      ui.t("lead.axis_mean"),
                      {},
                      {},
                      ""};
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
    drawStaffGroups(ui, view, width);
}

void DashboardScreen::drawStaffGroups(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.staffGroups.empty()) return;
    heading(ui, ui.t("lead.staff_heading"), width);
    wrappedText(
        ui.theme.fonts.small,
        ui.strings.format("lead.staff_note", {{"threshold", std::to_string(view.settings.suppressionThreshold)}}),
        ui.theme.palette.textMuted, width);
    // One row per period: each group as "% of forms (n)", '*' where hidden, then the forms returned.
    const auto& names = core::staffGroupNames();
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : view.staffGroups) {
        if (rows.empty() || rows.back().front() != r.period) {
            rows.push_back({r.period});
            rows.back().resize(names.size() + 2);
        }
        const auto at = std::find(names.begin(), names.end(), r.staffGroup);
        if (at == names.end()) continue;
        const auto share = r.share();
        rows.back()[static_cast<std::size_t>(at - names.begin()) + 1] =
            r.forms.suppressed ? "*"
            : share            ? fmt::format("{:.0f}% ({})", *share, r.forms.value)
                               : r.forms.text();
        rows.back().back() = r.returned.text();
    }
    std::vector<std::string> headers = {ui.t(periodLabelKey(core::ratingsPeriod(view.filter.period)))};
    for (const auto& name : names) {
        std::string key = "lead.staff_" + name;
        std::replace(key.begin(), key.end(), '-', '_');
        headers.push_back(ui.t(key));
    }
    headers.push_back(ui.t("lead.col_forms_returned"));
    textTable(ui, "##table-staff", headers, rows);
}

void DashboardScreen::drawTiming(const UiContext& ui, const core::DashboardView& view, float width) {
    if (view.timing.empty()) {
        heading(ui, ui.t("lead.nothing"), width);
        return;
    }
    // One format's stages in the chart (the chosen one, else the first); the table has them all.
    const std::string chartFormat = view.filter.format.value_or(view.timing.front().format);
    // The title names the format as a person reads it (the rows carry that name), never its code.
    std::string chartFormatName = chartFormat;
    for (const auto& r : view.timing)
        if (r.format == chartFormat && !r.formatName.empty()) {
            chartFormatName = r.formatName;
            break;
        }
    BarChartSpec spec{ui.strings.format("lead.timing_chart", {{"format", chartFormatName}}),
                      ui.t("lead.col_stage"),
                      ui.t("lead.axis_minutes"),
                      {},
                      {},
                      ""};
    ChartSeries planned{ui.t("lead.col_planned"), {}, true};
    ChartSeries actual{ui.t("lead.col_actual"), {}, false};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : view.timing) {
        if (r.format == chartFormat) {
            spec.categories.push_back(r.stageName);
            planned.values.push_back(ChartValue{r.plannedMinutes, false});
            actual.values.push_back(ChartValue{r.actualMinutes, false});
        }
        rows.push_back({r.formatName, r.stageName, std::to_string(r.sessions), minutes(r.plannedMinutes),
                        minutes(r.actualMinutes), percent(r.overrunShare)});
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
    textTable(ui, "##table-audit",
              {ui.t("lead.col_when"), ui.t("lead.col_role"), ui.t("lead.col_action"), ui.t("lead.col_detail")}, rows);
}

}  // namespace reflect::ui
