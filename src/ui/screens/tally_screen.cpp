// TallyScreen implementation.
#include "ui/screens/tally_screen.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/text/time_format.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {

constexpr int kHeadCell = 0;
constexpr int kFormsCell = 1;
constexpr int kFirstGridCell = 2;

const char* const kOverall[] = {"evaluation.poor", "evaluation.fair", "evaluation.good", "evaluation.excellent",
                                "evaluation.exceptional"};
const char* const kAgree[] = {"evaluation.agree_1", "evaluation.agree_2", "evaluation.agree_3", "evaluation.agree_4",
                              "evaluation.agree_5"};
const char* const kComeAgain[] = {"evaluation.yes", "evaluation.no"};
const char* const kStaff[] = {"evaluation.clinical", "evaluation.non_clinical", "evaluation.student",
                              "evaluation.other"};

/// The grid's rows, top to bottom, with the number of the first field of each.
struct GridRow {
    core::TallyRow row;
    int firstCell = 0;
    int cells = 5;
};

std::vector<GridRow> gridRows(std::size_t statements) {
    std::vector<GridRow> rows;
    int cell = kFirstGridCell;
    const auto add = [&](core::TallyRow row, int cells) {
        rows.push_back({row, cell, cells});
        cell += cells;
    };
    add({core::TallyRow::Kind::Overall}, 5);
    for (std::size_t i = 0; i < statements; ++i) add({core::TallyRow::Kind::Statement, static_cast<int>(i)}, 5);
    add({core::TallyRow::Kind::ComeAgain}, 2);
    add({core::TallyRow::Kind::StaffGroups}, 4);
    return rows;
}

/// The count behind field `cell` (head count excluded: it may be blank).
int* cellValue(core::PaperTally& t, int cell) {
    if (cell == kFormsCell) return &t.forms;
    int c = cell - kFirstGridCell;
    if (c < 0) return nullptr;
    if (c < 5) return &t.overall[static_cast<std::size_t>(c)];
    c -= 5;
    for (auto& s : t.statements) {
        if (c < 5) return &s[static_cast<std::size_t>(c)];
        c -= 5;
    }
    if (c == 0) return &t.comeAgainYes;
    if (c == 1) return &t.comeAgainNo;
    c -= 2;
    if (c < 4) return &t.staffGroups[static_cast<std::size_t>(c)];
    return nullptr;
}

const core::TallyIssue* issueFor(const core::TallyView& v, const core::TallyRow& row) {
    for (const auto& issue : v.issues)
        if (issue.row == row) return &issue;
    return nullptr;
}

/// "Fine" in muted text, or the mistake in words after a bold "Check:", in the amber of attention.
void rowStatus(const UiContext& ui, const core::TallyIssue* issue, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    if (!issue) {
        wrappedText(f.small, ui.t("tally.ok"), p.textMuted, width);
        return;
    }
    wrappedText(f.bodyBold, std::string("! ") + ui.t("tally.mistake"), p.text, width);
    wrappedText(f.small, issue->message, p.text, width);
}

}  // namespace

void TallyScreen::reset() noexcept {
    m_draft = core::PaperTally{};
    m_sent = core::PaperTally{};
    m_cell = kFormsCell;
    m_confirmDiscard = false;
    m_focusFrames = 0;
    m_headBuffer[0] = '\0';
}

bool TallyScreen::numberField(const UiContext& ui, int cell, int& value, float width) {
    const Metrics& m = ui.theme.metrics;
    ScopedId id(cell);
    ImGui::SetNextItemWidth(width);
    ScopedStyleVar padding(
        ImGuiStyleVar_FramePadding,
        ImVec2(m.gap * 0.5f, std::max(0.0f, (std::max(48.0f, m.touch * 0.7f) - ImGui::GetFontSize()) * 0.5f)));
    const bool changed = ImGui::InputInt("##n", &value, 0, 0, ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemActive()) m_cell = cell;
    // Tab brings a field below the fold into view; a tap is on a field in view already (and must not move it).
    if (ImGui::IsItemActivated() && !ImGui::IsItemHovered()) ImGui::SetScrollHereY(0.5f);
    if (ui.hits) {
        const ImVec2 a = ImGui::GetItemRectMin();
        const ImVec2 b = ImGui::GetItemRectMax();
        (*ui.hits)["##tally-cell-" + std::to_string(cell)] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);
    }
    return changed;
}

bool TallyScreen::headCountField(const UiContext& ui, float width) {
    const Metrics& m = ui.theme.metrics;
    ScopedId id(kHeadCell);
    ImGui::SetNextItemWidth(width);
    ScopedStyleVar padding(
        ImGuiStyleVar_FramePadding,
        ImVec2(m.gap * 0.5f, std::max(0.0f, (std::max(48.0f, m.touch * 0.7f) - ImGui::GetFontSize()) * 0.5f)));
    const bool changed = ImGui::InputText("##head", m_headBuffer, sizeof m_headBuffer,
                                          ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemActive()) m_cell = kHeadCell;
    if (ImGui::IsItemActivated() && !ImGui::IsItemHovered()) ImGui::SetScrollHereY(0.5f);
    if (changed) {
        if (m_headBuffer[0] == '\0')
            m_draft.headCount.reset();
        else
            m_draft.headCount = static_cast<int>(std::clamp(std::strtol(m_headBuffer, nullptr, 10), -9999L, 9999L));
    }
    return changed;
}

void TallyScreen::nudge(int delta) {
    if (m_cell == kHeadCell) {
        m_draft.headCount = std::max(0, m_draft.headCount.value_or(0) + delta);
        std::snprintf(m_headBuffer, sizeof m_headBuffer, "%d", *m_draft.headCount);
        return;
    }
    if (int* v = cellValue(m_draft, m_cell)) *v = std::max(0, *v + delta);
}

void TallyScreen::draw(const UiContext& ui, const core::TallyView& tally) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (tally.opened != m_opened) {
        reset();
        m_focusFrames = 10;
        m_opened = tally.opened;
        m_draft = tally.tally;
        m_sent = tally.tally;
        if (m_draft.headCount) std::snprintf(m_headBuffer, sizeof m_headBuffer, "%d", *m_draft.headCount);
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float column = std::min(width, 1800.0f * m.scale);
    const float left = (width - column) * 0.5f;

    ImGui::SetCursorPosX(left);
    wrappedText(f.heading, ui.t("tally.heading"), p.text, column);
    ImGui::SetCursorPosX(left);
    const auto& s = tally.session;
    const std::string title = s.title.empty() ? s.templateName : s.title + " · " + s.templateName;
    wrappedText(f.body, title + " · " + core::formatDate(s.startedWall), p.textMuted, column);
    ImGui::SetCursorPosX(left);
    std::string intro = ui.t("tally.intro");
    if (tally.otherForms > 0)
        intro += " " + ui.strings.format("tally.other_forms", {{"count", std::to_string(tally.otherForms)}});
    if (s.paperForms > 0) intro += " " + std::string(ui.t("tally.entered_before"));
    wrappedText(f.small, intro, p.textMuted, column);
    ImGui::Dummy(ImVec2(0, m.gap * 0.25f));

    const float footerH = m.touch + f.bodyBold->FontSize + m.gap * 2.5f;
    const float gridH = std::max(m.touch * 3, ImGui::GetContentRegionAvail().y - footerH);
    ImGui::SetCursorPosX(left);
    // The keyboard starts in the first field to fill (asked for again over a few frames: a click that opened the
    // tally may still hold the focus on the frame it opens).
    const bool focusFirst = m_focusFrames > 0;
    if (focusFirst) --m_focusFrames;
    if (ImGui::GetIO().WantTextInput) m_focusFrames = 0;
    drawGrid(ui, tally, column, gridH, focusFirst && !ImGui::GetIO().WantTextInput);
    ImGui::SetCursorPosX(left);
    drawFooter(ui, tally, column);

    // Every change goes to the core at once, which checks it and shows the mistakes beside their rows.
    if (m_draft != m_sent) {
        ui.emit(core::EditPaperTally{m_draft});
        m_sent = m_draft;
    }
}

void TallyScreen::drawGrid(const UiContext& ui, const core::TallyView& tally, float width, float height,
                           bool focusFirst) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    m_draft.statements.resize(tally.statements.size());
    ScopedFont font(f.body);
    ScopedStyleVar cell(ImGuiStyleVar_CellPadding, ImVec2(m.gap * 0.4f, m.gap * 0.3f));
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##tally-grid", 8, kFlags, ImVec2(width, height))) return;
    if (focusFirst) ImGui::SetWindowFocus();  // the grid's own scrolling window takes the keyboard
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("item", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    for (int v = 0; v < 5; ++v) ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("answered", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch, 2.6f);

    // The header names the agreement scale; rows on another scale name their answers above their fields.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    wrappedText(f.small, ui.t("tally.col_item"), p.textMuted, ImGui::GetContentRegionAvail().x);
    for (const char* key : kAgree) {
        ImGui::TableNextColumn();
        wrappedText(f.small, ui.t(key), p.textMuted, ImGui::GetContentRegionAvail().x);
    }
    ImGui::TableNextColumn();
    wrappedText(f.small, ui.t("tally.col_answered"), p.textMuted, ImGui::GetContentRegionAvail().x);
    ImGui::TableNextColumn();

    const auto labelCell = [&](const std::string& name, const std::string& detail) {
        ImGui::TableNextColumn();
        const float w = ImGui::GetContentRegionAvail().x;
        wrappedText(f.bodyBold, name, p.text, w);
        if (!detail.empty()) wrappedText(f.small, detail, p.textMuted, w);
    };
    const auto fieldWidth = [] { return ImGui::GetContentRegionAvail().x; };

    // Head count and forms returned: one field each, in the first answer column.
    const auto singleRow = [&](core::TallyRow::Kind kind, const char* name, const char* hint) {
        ImGui::TableNextRow();
        labelCell(ui.t(name), ui.t(hint));
        ImGui::TableNextColumn();
        // The head count when none is recorded, else the forms.
        const bool headFirst = !m_draft.headCount;
        if (focusFirst && headFirst == (kind == core::TallyRow::Kind::HeadCount)) ImGui::SetKeyboardFocusHere();
        if (kind == core::TallyRow::Kind::HeadCount)
            headCountField(ui, fieldWidth());
        else
            numberField(ui, kFormsCell, m_draft.forms, fieldWidth());
        for (int i = 0; i < 5; ++i) ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        rowStatus(ui, issueFor(tally, {kind}), ImGui::GetContentRegionAvail().x);
    };
    singleRow(core::TallyRow::Kind::HeadCount, "tally.row_head_count", "tally.row_head_count_hint");
    singleRow(core::TallyRow::Kind::Forms, "tally.row_forms", "tally.row_forms_hint");

    for (const auto& g : gridRows(tally.statements.size())) {
        ImGui::TableNextRow();
        std::string name, detail;
        const char* const* scale = nullptr;
        switch (g.row.kind) {
            case core::TallyRow::Kind::Overall:
                name = ui.t("tally.row_overall");
                detail = ui.t("evaluation.overall");
                scale = kOverall;
                break;
            case core::TallyRow::Kind::Statement:
                name = ui.strings.format("tally.row_statement", {{"n", std::to_string(g.row.statement + 1)}});
                detail = tally.statements[static_cast<std::size_t>(g.row.statement)];
                break;
            case core::TallyRow::Kind::ComeAgain:
                name = ui.t("tally.row_come_again");
                scale = kComeAgain;
                break;
            case core::TallyRow::Kind::StaffGroups:
                name = ui.t("tally.row_staff");
                scale = kStaff;
                break;
            default:
                break;
        }
        labelCell(name, detail);
        for (int i = 0; i < 5; ++i) {
            ImGui::TableNextColumn();
            if (i >= g.cells) continue;
            if (scale) {
                // Drawn, not laid out as text: a text line here would take the baseline of the fields beside it.
                const ImVec2 at = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddText(f.small, f.small->FontSize, at, p.textMuted,
                                                    fitText(f.small, ui.t(scale[i]), fieldWidth()).c_str());
                ImGui::Dummy(ImVec2(fieldWidth(), f.small->FontSize));
            }
            if (int* v = cellValue(m_draft, g.firstCell + i)) numberField(ui, g.firstCell + i, *v, fieldWidth());
        }
        ImGui::TableNextColumn();
        const int answered = core::answeredOnRow(m_draft, g.row);
        wrappedText(f.bodyBold,
                    ui.strings.format("tally.answered_of", {{"answered", std::to_string(answered)},
                                                            {"forms", std::to_string(m_draft.forms)}}),
                    p.text, ImGui::GetContentRegionAvail().x);
        if (g.row.kind != core::TallyRow::Kind::StaffGroups && g.row.kind != core::TallyRow::Kind::ComeAgain &&
            m_draft.forms >= answered)
            wrappedText(f.small,
                        ui.t("tally.col_unanswered") + std::string(": ") + std::to_string(m_draft.forms - answered),
                        p.textMuted, ImGui::GetContentRegionAvail().x);
        ImGui::TableNextColumn();
        rowStatus(ui, issueFor(tally, g.row), ImGui::GetContentRegionAvail().x);
    }
    ImGui::EndTable();
}

void TallyScreen::drawFooter(const UiContext& ui, const core::TallyView& tally, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const ImVec2 start = ImGui::GetCursorPos();
    if (m_confirmDiscard) {
        wrappedText(f.bodyBold, std::string(ui.t("tally.discard_title")) + " " + ui.t("tally.discard_body"), p.text,
                    width);
        ImGui::SetCursorPosX(start.x);
        const float w = std::min(width * 0.5f - m.gap, 520.0f * m.scale);
        if (actionButton(ui, "##tally-keep", ui.t("tally.keep"), ui.t("tally.keep_hint"), ImVec2(w, m.touch),
                         ButtonKind::Primary) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            m_confirmDiscard = false;
            return;
        }
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##tally-discard", ui.t("tally.discard"), ui.t("tally.discard_hint"), ImVec2(w, m.touch),
                         ButtonKind::Danger) ||
            charTyped('d')) {
            m_confirmDiscard = false;
            ui.emit(core::CancelPaperTally{});
        }
        return;
    }
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    // Always in words: how many rows need a change (their messages are beside them), else the keys.
    const std::string status =
        !tally.saveMessage.empty() ? tally.saveMessage
        : !tally.issues.empty() ? ui.strings.format("tally.fix_first", {{"count", std::to_string(tally.issues.size())}})
                                : std::string(ui.t("tally.keys"));
    wrappedText(!tally.issues.empty() || !tally.saveMessage.empty() ? f.bodyBold : f.small, status,
                !tally.issues.empty() || !tally.saveMessage.empty() ? p.text : p.textMuted, width);
    ImGui::SetCursorPosX(start.x);
    const float nudgeW = std::max(48.0f, 220.0f * m.scale);
    const float mainW = std::max(48.0f, 360.0f * m.scale);
    ImGui::PushAllowKeyboardFocus(false);
    if (actionButton(ui, "##tally-less", "-  " + std::string(ui.t("tally.less")), "", ImVec2(nudgeW, m.touch)))
        nudge(-1);
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##tally-more", "+  " + std::string(ui.t("tally.more")), "", ImVec2(nudgeW, m.touch)))
        nudge(+1);
    ImGui::SameLine(start.x + width - mainW * 2 - m.gap);
    const bool leave =
        actionButton(ui, "##tally-cancel", ui.t("tally.cancel"), ui.t("tally.cancel_hint"), ImVec2(mainW, m.touch)) ||
        escape;
    ImGui::SameLine(0, m.gap);
    const bool save = actionButton(ui, "##tally-save", ui.t("tally.save"), ui.t("tally.save_hint"),
                                   ImVec2(mainW, m.touch), ButtonKind::Primary) ||
                      enter;
    ImGui::PopAllowKeyboardFocus();
    if (save) {
        if (m_draft != m_sent) {
            ui.emit(core::EditPaperTally{m_draft});
            m_sent = m_draft;
        }
        ui.emit(core::SavePaperTally{});
    } else if (leave) {
        if (tally.changed || m_draft != tally.tally)
            m_confirmDiscard = true;
        else
            ui.emit(core::CancelPaperTally{});
    }
}

}  // namespace reflect::ui
