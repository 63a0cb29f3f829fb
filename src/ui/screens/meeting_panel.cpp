// MeetingPanel implementation.
#include "ui/screens/meeting_panel.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "core/text/time_format.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {

constexpr core::SteadyMs kThanksMs = 5000;

std::string statusWord(const UiContext& ui, core::ActionStatus status) {
    switch (status) {
        case core::ActionStatus::Open:
            return ui.t("actions.status_open");
        case core::ActionStatus::InProgress:
            return ui.t("actions.status_in_progress");
        case core::ActionStatus::Done:
            return ui.t("actions.status_done");
        case core::ActionStatus::Dropped:
            return ui.t("actions.status_dropped");
    }
    return {};
}

bool digitTyped(int& out) {
    for (char c = '1'; c <= '5'; ++c)
        if (charTyped(c)) {
            out = c - '0';
            return true;
        }
    return false;
}

}  // namespace

void MeetingPanel::draw(const UiContext& ui, const core::RunnerView& runner, ImVec2 size) {
    const core::MeetingView& meeting = runner.meeting;
    m_tabHintShown = false;
    if (!runner.machine || !meeting.hasPanel() || size.y < 48.0f) return;
    const core::SessionMachine& machine = *runner.machine;
    const auto& stage = machine.currentStage();

    const Palette& p = ui.theme.palette;
    const Metrics& m = ui.theme.metrics;
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.6f, m.pad * 0.4f));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    // One child per stage: a list scrolled down at the check-in must not leave the next stage's panel scrolled.
    const std::string childId = "##meeting-" + std::to_string(machine.currentIndex());
    ScopedChild child(childId.c_str(), size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    if (meeting.bids)
        drawPresenters(ui, machine, *meeting.presenters, meeting.initialsAllowed, meeting.initials, width);
    if (meeting.review) drawReview(ui, meeting, width);
    if (meeting.commitment) drawCommitment(ui, meeting, stage, width);
    if (meeting.closing) drawClosing(ui, meeting, width);
}

void MeetingPanel::drawInitials(const UiContext& ui, const core::RepeatDef& repeat, int count,
                                const std::map<std::string, std::string>& initials, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    wrappedText(f.small, ui.t("presenters.initials"), p.textMuted, width);
    // One short field per presenter: "Presenter A [JM]". Sent once, on Enter or when the field is left.
    const float fieldW = std::max(48.0f, textWidth(f.body, "WWW") + m.pad * 0.6f);
    float x = 0;
    m_typingInitials = false;
    for (int i = 0; i < count && i < static_cast<int>(m_initials.size()); ++i) {
        const std::string slot = repeat.labelFor(i);
        const float itemW = textWidth(f.body, slot) + m.gap * 0.5f + fieldW;
        if (i > 0 && x + m.gap * 2 + itemW <= width)
            ImGui::SameLine(0, m.gap * 2);
        else if (i > 0)
            x = 0;
        x += (x > 0 ? m.gap * 2 : 0) + itemW;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(
            f.body, f.body->FontSize, ImVec2(a.x, a.y + (m.touch - f.body->FontSize) * 0.5f), p.text, slot.c_str());
        ImGui::SetCursorScreenPos(ImVec2(a.x + textWidth(f.body, slot) + m.gap * 0.5f, a.y));
        const auto it = initials.find(slot);
        std::string& buffer = m_initials[static_cast<std::size_t>(i)];
        const std::string id = "##initials-" + std::to_string(i);
        ScopedFont font(f.body);
        ScopedStyleVar framePad(ImGuiStyleVar_FramePadding, ImVec2(m.pad * 0.3f, (m.touch - f.body->FontSize) * 0.5f));
        ImGui::SetNextItemWidth(fieldW);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (!m_editingInitials[static_cast<std::size_t>(i)]) buffer = it == initials.end() ? "" : it->second;
        ImGui::InputText(id.c_str(), &buffer, ImGuiInputTextFlags_AutoSelectAll);
        if (ui.hits) (*ui.hits)[id] = ImVec4(at.x, at.y, fieldW, m.touch);
        if (ImGui::IsItemDeactivatedAfterEdit()) ui.emit(core::SetPresenterInitials{slot, buffer});
        m_editingInitials[static_cast<std::size_t>(i)] = ImGui::IsItemActive();
        m_typingInitials = m_typingInitials || ImGui::IsItemActive();
    }
}

void MeetingPanel::drawPresenters(const UiContext& ui, const core::SessionMachine& machine,
                                  const core::RepeatDef& repeat, bool initialsAllowed,
                                  const std::map<std::string, std::string>& initials, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const int count = machine.plan().repeatCount(repeat.key);
    if (!m_typingInitials && charTyped('f') && count > repeat.min) ui.emit(core::SetRepeatCount{repeat.key, count - 1});
    if (!m_typingInitials && charTyped('m') && count < repeat.max) ui.emit(core::SetRepeatCount{repeat.key, count + 1});

    wrappedText(f.small, ui.t("presenters.heading"), p.textMuted, width);
    const float bw = std::max(48.0f, std::min(260.0f * m.scale, width * 0.3f));
    if (actionButton(ui, "##presenters-fewer", ui.t("presenters.fewer"), ui.t("presenters.fewer_hint"),
                     ImVec2(bw, m.touch), ButtonKind::Secondary, count > repeat.min))
        ui.emit(core::SetRepeatCount{repeat.key, count - 1});
    ImGui::SameLine(0, m.gap);
    {
        const std::string text = ui.strings.format("presenters.count", {{"count", std::to_string(count)}});
        const float middle = width - bw * 2 - m.gap * 2;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float w = textWidth(f.heading, text);
        ImGui::GetWindowDrawList()->AddText(
            f.heading, f.heading->FontSize,
            ImVec2(a.x + std::max(0.0f, (middle - w) * 0.5f), a.y + (m.touch - f.heading->FontSize) * 0.5f), p.text,
            text.c_str());
        ImGui::Dummy(ImVec2(middle, m.touch));
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##presenters-more", ui.t("presenters.more"), ui.t("presenters.more_hint"),
                     ImVec2(bw, m.touch), ButtonKind::Primary, count < repeat.max))
        ui.emit(core::SetRepeatCount{repeat.key, count + 1});

    std::string labels;
    std::int64_t eachMs = 0;
    for (const auto& s : machine.plan().stages()) {
        if (s.repeatKey != repeat.key) continue;
        if (s.repeatIndex == 0) eachMs += s.plannedMs;
    }
    for (int i = 0; i < count; ++i) labels += (i ? "  ·  " : "") + repeat.labelFor(i);
    if (!initialsAllowed)
        wrappedText(f.body, labels, p.text, width);
    else
        drawInitials(ui, repeat, count, initials, width);
    const std::string each =
        ui.strings.format("presenters.each", {{"minutes", std::to_string((eachMs + 30'000) / 60'000)}});
    const auto finish = ui.wallNow + machine.msToProjectedFinish(ui.now);
    wrappedText(f.bodyBold,
                each + "   ·   " + ui.strings.format("presenters.finish", {{"time", core::formatTimeOfDay(finish)}}),
                p.text, width);
}

void MeetingPanel::drawReview(const UiContext& ui, const core::MeetingView& meeting, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& actions = meeting.checkIn;
    const int waiting = meeting.awaitingReview;

    wrappedText(f.bodyBold, ui.t("actions.review_heading"), p.text, width);
    if (!actions.empty())
        wrappedText(f.body,
                    waiting == 0 ? std::string(ui.t("actions.all_marked"))
                                 : ui.strings.format("actions.still_to_mark", {{"count", std::to_string(waiting)}}),
                    waiting == 0 ? p.good : p.amber, width);
    if (actions.empty()) {
        wrappedText(f.body, ui.t("actions.review_empty"), p.textMuted, width);
        return;
    }
    {
        ScopedFont font(f.body);
        ImGui::SetNextItemWidth(width);
        ImGui::InputTextWithHint("##action-outcome", ui.t("actions.outcome_hint"), &m_outcome);
        if (m_outcome.size() > core::kMaxActionCharacters) m_outcome.resize(core::kMaxActionCharacters);
    }
    bool keyed = false;
    const float bw = (width - m.gap * 3) / 4;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto& a = actions[i].action;
        ScopedId id(static_cast<int>(i));
        const bool pending = actions[i].awaitingReview;
        const bool takesKeys = pending && !keyed;
        keyed = keyed || takesKeys;
        ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
        if (takesKeys && m_lastKeyedAction != a.id) {
            ImGui::SetScrollHereY(0.2f);
            m_lastKeyedAction = a.id;
        }
        // "JM: <action>": the set knows whose action it is by the initials it chose; nobody else sees them.
        wrappedText(f.body, actions[i].initials.empty() ? a.text : actions[i].initials + ": " + a.text,
                    pending ? p.text : p.textMuted, width);
        std::string meta = a.dueDate
                               ? ui.strings.format("actions.owner_due", {{"owner", a.ownerLabel}, {"due", *a.dueDate}})
                               : a.ownerLabel;
        if (!pending) {
            const bool carried = actions[i].carriedOver;
            meta += "   ·   " + ui.strings.format(
                                    "actions.reviewed",
                                    {{"status", carried ? ui.t("actions.status_carried") : statusWord(ui, a.status)}});
        }
        wrappedText(f.small, meta, pending ? p.textMuted : p.good, width);
        struct Choice {
            const char* id;
            const char* label;
            const char* hint;
            char key;
            core::ActionStatus status;
            bool carry;
        };
        const Choice choices[] = {
            {"##act-done", "actions.done", "actions.done_hint", 'd', core::ActionStatus::Done, false},
            {"##act-progress", "actions.in_progress", "actions.in_progress_hint", 'p', core::ActionStatus::InProgress,
             false},
            {"##act-carry", "actions.carry", "actions.carry_hint", 'o', core::ActionStatus::Open, true},
            {"##act-drop", "actions.drop", "actions.drop_hint", 'x', core::ActionStatus::Dropped, false},
        };
        for (std::size_t c = 0; c < 4; ++c) {
            if (c) ImGui::SameLine(0, m.gap);
            const Choice& ch = choices[c];
            const std::string hitId = std::string(ch.id) + "-" + std::to_string(i);
            const bool clicked =
                actionButton(ui, hitId.c_str(), ui.t(ch.label), takesKeys ? ui.t(ch.hint) : "", ImVec2(bw, m.touch),
                             c == 0 && pending ? ButtonKind::Primary : ButtonKind::Secondary);
            if (clicked || (takesKeys && charTyped(ch.key))) {
                ui.emit(core::ReviewAction{a.id, {ch.status, m_outcome, ch.carry}});
                m_outcome.clear();
            }
        }
    }
}

void MeetingPanel::drawCommitment(const UiContext& ui, const core::MeetingView& meeting,
                                  const core::PlannedStage& stage, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (meeting.actionsSaved != m_seenActions) {
        // Saved: clear the fields for the next action. A failed save keeps them so nothing typed is lost.
        if (m_seenActions >= 0) {
            m_actionText.clear();
            m_dueDays.reset();
        }
        m_seenActions = meeting.actionsSaved;
    }
    wrappedText(f.bodyBold, ui.t("actions.commit_heading"), p.text, width);
    wrappedText(f.small, ui.t("actions.commit_prompt"), p.textMuted, width);
    bool enter = false;
    {
        ScopedFont font(f.body);
        ImGui::SetNextItemWidth(width);
        // Tab puts the keyboard in the action box (the runner's own keys stay off while typing).
        if (keyPressed(ImGuiKey_Tab)) ImGui::SetKeyboardFocusHere();
        enter = ImGui::InputTextWithHint("##action-text", ui.t("actions.text_hint"), &m_actionText,
                                         ImGuiInputTextFlags_EnterReturnsTrue) ||
                enter;
        m_typingAction = ImGui::IsItemActive();
        if (m_actionText.size() > core::kMaxActionCharacters) m_actionText.resize(core::kMaxActionCharacters);
    }
    // Only for someone at a keyboard: a touch screen never sends Tab, and a hint it cannot follow only confuses.
    m_tabHintShown = ui.keyboardSeen && !m_typingAction;
    if (m_tabHintShown) wrappedText(f.small, ui.t("actions.tab_hint"), p.textMuted, width);
    const std::optional<std::string> due = drawDueDate(ui, width);
    const bool canSave = !m_actionText.empty();
    const auto chosen = meeting.initials.find(stage.label);
    const std::string ownerShown = chosen == meeting.initials.end() ? stage.label : chosen->second;
    if (actionButton(ui, "##action-save", ui.strings.format("actions.add_for", {{"owner", ownerShown}}),
                     ui.t("actions.add_hint"), ImVec2(width, m.touch), ButtonKind::Primary, canSave) ||
        (enter && canSave)) {
        ui.emit(core::AddAction{m_actionText, stage.label, due});
    }
    bool any = false;
    for (const auto& a : meeting.agreed) {
        if (a.ownerLabel != stage.label) continue;
        any = true;
        wrappedText(f.body, "•  " + a.text + (a.dueDate ? "  (" + *a.dueDate + ")" : std::string()), p.text, width);
    }
    if (!any) wrappedText(f.small, ui.t("actions.none_yet"), p.textMuted, width);
}

void MeetingPanel::drawClosing(const UiContext& ui, const core::MeetingView& meeting, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& counts = meeting.closingCounts;
    wrappedText(f.small, ui.t("closing.heading"), p.textMuted, width);
    const std::string line =
        ui.strings.format("closing.themes", {{"count", std::to_string(counts.themes)}}) + "   ·   " +
        ui.strings.format("closing.actions", {{"count", std::to_string(counts.actionsAgreed)}}) + "   ·   " +
        ui.strings.format("closing.evaluations", {{"count", std::to_string(counts.evaluations)}});
    wrappedText(f.bodyBold, line, p.text, width);
    for (const auto& a : meeting.agreed) {
        const auto it = meeting.initials.find(a.ownerLabel);
        wrappedText(f.small, (it == meeting.initials.end() ? a.ownerLabel : it->second) + ":  " + a.text, p.text,
                    width);
    }

    // Attendance: a head count for the record, never names.
    const int here = meeting.attendance;
    {
        const float stepW = std::max(48.0f, m.touch * 1.4f);
        const std::string text = ui.strings.format("groups.attendance_count", {{"count", std::to_string(here)}});
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(f.bodyBold, f.bodyBold->FontSize,
                                            ImVec2(a.x, a.y + (m.touch - f.bodyBold->FontSize) * 0.5f), p.text,
                                            text.c_str());
        const float typedW = std::max(120.0f * m.scale, f.body->FontSize * 4.0f);
        ImGui::SetCursorScreenPos(ImVec2(a.x + width - stepW * 2 - typedW - m.gap * 2, a.y));
        // The number can be typed: a Round of 63 is not 63 taps. Sent once, when Enter is pressed or the field is left.
        if (const auto typed = typedCountField(ui, "##attendance-typed", m_people, here, typedW))
            ui.emit(core::SetAttendance{*typed});
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##attendance-fewer", "−", "[", ImVec2(stepW, m.touch), ButtonKind::Secondary, here > 0) ||
            (!m_people.typing && charTyped('[') && here > 0))
            ui.emit(core::SetAttendance{here - 1});
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##attendance-more", "+", "]", ImVec2(stepW, m.touch)) ||
            (!m_people.typing && charTyped(']')))
            ui.emit(core::SetAttendance{std::min(kMaxTypedCount, here + 1)});
    }
    if (m_people.refused) wrappedText(f.bodyBold, typedCountProblem(ui), p.danger, width);
    if (!m_people.typing && charTyped('s')) ui.emit(core::OpenSignposts{});
    if (actionButton(ui, "##closing-support", ui.t("closing.support"), ui.t("closing.support_hint"),
                     ImVec2(std::min(width, 560.0f * m.scale), m.touch)))
        ui.emit(core::OpenSignposts{});
}

std::optional<std::string> MeetingPanel::drawDueDate(const UiContext& ui, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    constexpr core::WallMs kDay = 24LL * 60 * 60 * 1000;
    constexpr int kMaxDays = 366;
    // Picked, not typed: quick choices for the usual gaps between meetings, then a day at a time either way.
    struct Pick {
        const char* id;
        const char* label;
        std::optional<int> days;
    };
    const Pick picks[] = {{"##due-none", "actions.due_none", std::nullopt},
                          {"##due-week", "actions.due_week", 7},
                          {"##due-2weeks", "actions.due_2weeks", 14},
                          {"##due-4weeks", "actions.due_4weeks", 28}};
    const std::string shown =
        m_dueDays ? ui.strings.format("actions.due_on", {{"date", core::formatDate(ui.wallNow + *m_dueDays * kDay)}})
                  : ui.strings.get("actions.due_unset");
    const float stepW = std::max(48.0f, m.touch * 1.2f);
    const float shownW = std::max(textWidth(f.body, ui.strings.format("actions.due_on", {{"date", "Wed 30 Sep 2026"}})),
                                  textWidth(f.body, shown)) +
                         m.gap;
    const float pickW = std::max(60.0f, (width - shownW - stepW * 2 - m.gap * 6) / 4.0f);
    const ImVec2 b(pickW, m.touch);
    for (const auto& pick : picks) {
        const bool chosen = m_dueDays == pick.days;
        if (actionButton(ui, pick.id, ui.t(pick.label), "", b, chosen ? ButtonKind::Primary : ButtonKind::Secondary))
            m_dueDays = pick.days;
        ImGui::SameLine(0, m.gap);
    }
    if (actionButton(ui, "##due-earlier", "−", "", ImVec2(stepW, m.touch), ButtonKind::Secondary,
                     m_dueDays && *m_dueDays > 1))
        m_dueDays = *m_dueDays - 1;
    ImGui::SameLine(0, m.gap);
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + (m.touch - f.body->FontSize) * 0.5f);
    wrappedText(f.body, shown, m_dueDays ? p.text : p.textMuted, shownW);
    ImGui::SameLine(0, m.gap);
    ImGui::SetCursorPosY(y);
    if (actionButton(ui, "##due-later", "+", "", ImVec2(stepW, m.touch), ButtonKind::Secondary,
                     m_dueDays.value_or(0) < kMaxDays))
        m_dueDays = std::min(kMaxDays, m_dueDays.value_or(0) + 1);
    if (!m_dueDays) return std::nullopt;
    return core::formatUtcDate(ui.wallNow + *m_dueDays * kDay);
}

bool MeetingPanel::scaleRow(const UiContext& ui, const char* id, std::optional<int>& value,
                            const std::vector<std::string>& labels, bool keyed, float width) {
    const Metrics& m = ui.theme.metrics;
    const auto n = labels.size();
    const float bw = (width - m.gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) ImGui::SameLine(0, m.gap);
        const int v = static_cast<int>(i) + 1;
        const bool chosen = value && *value == v;
        const std::string hitId = std::string(id) + "-" + std::to_string(v);
        const std::string hint = keyed ? std::to_string(v) : std::string(chosen ? "✓" : "");
        if (actionButton(ui, hitId.c_str(), labels[i], keyed ? std::string_view(hint) : std::string_view(),
                         ImVec2(bw, m.touch), chosen ? ButtonKind::Primary : ButtonKind::Secondary)) {
            value = v;
            changed = true;
        }
        if (chosen) {
            // A tick beside the chosen answer, so the choice never rests on colour alone.
            const ImVec2 r = ImGui::GetItemRectMin();
            drawTick(ImVec2(r.x + 8.0f * m.scale, r.y + 8.0f * m.scale), 18.0f * m.scale, ui.theme.palette.accentText,
                     std::max(2.0f, 3.0f * m.scale));
        }
    }
    return changed;
}

void MeetingPanel::drawEvaluation(const UiContext& ui, const core::RunnerView& runner, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const core::SessionMachine& machine = *runner.machine;
    const auto& statements = machine.plan().tmpl().evaluationStatements;
    if (runner.meeting.evaluationsSaved != m_seenEvaluations) {
        if (m_seenEvaluations >= 0) {
            m_eval = {};
            m_thanksUntil = ui.now + kThanksMs;
        }
        m_seenEvaluations = runner.meeting.evaluationsSaved;
    }
    if (m_eval.statements.size() != statements.size()) m_eval.statements.resize(statements.size());

    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.7f, m.pad * 0.5f));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    ScopedChild child("##evaluation", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    const int count = runner.meeting.evaluations;
    // ImGui has no touch scrolling: dragging a finger up or down the form moves it.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);

    if (ui.now < m_thanksUntil) {
        ImGui::Dummy(ImVec2(0, size.y * 0.3f));
        centredText(f.title, ui.t("evaluation.thanks"), p.text, width * 0.9f);
        centredText(f.body, ui.strings.format("evaluation.count", {{"count", std::to_string(count)}}), p.textMuted,
                    width);
        if (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter)) m_thanksUntil = 0;
        return;
    }

    wrappedText(f.heading, ui.t("evaluation.heading"), p.text, width);
    wrappedText(f.small,
                std::string(ui.t("evaluation.intro")) + "   ·   " +
                    ui.strings.format("evaluation.count", {{"count", std::to_string(count)}}),
                p.textMuted, width);

    // Digits answer the first scale still unanswered, so the whole form works from the keyboard.
    int keyedRow = -1;
    if (!m_eval.overall)
        keyedRow = 0;
    else
        for (std::size_t i = 0; i < m_eval.statements.size(); ++i)
            if (!m_eval.statements[i]) {
                keyedRow = static_cast<int>(i) + 1;
                break;
            }
    int digit = 0;
    if (keyedRow >= 0 && digitTyped(digit)) {
        if (keyedRow == 0)
            m_eval.overall = digit;
        else
            m_eval.statements[static_cast<std::size_t>(keyedRow - 1)] = digit;
    }

    const std::vector<std::string> overall = {ui.t("evaluation.poor"), ui.t("evaluation.fair"), ui.t("evaluation.good"),
                                              ui.t("evaluation.excellent"), ui.t("evaluation.exceptional")};
    const std::vector<std::string> agree = {ui.t("evaluation.agree_1"), ui.t("evaluation.agree_2"),
                                            ui.t("evaluation.agree_3"), ui.t("evaluation.agree_4"),
                                            ui.t("evaluation.agree_5")};
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    wrappedText(f.bodyBold, ui.t("evaluation.overall"), p.text, width);
    scaleRow(ui, "##eval-overall", m_eval.overall, overall, keyedRow == 0, width);
    for (std::size_t i = 0; i < statements.size(); ++i) {
        ScopedId id(static_cast<int>(i));
        ImGui::Dummy(ImVec2(0, m.gap * 0.2f));
        if (keyedRow == static_cast<int>(i) + 1 && m_lastKeyedRow != keyedRow) ImGui::SetScrollHereY(0.3f);
        wrappedText(f.body, statements[i], p.text, width);
        const std::string rowId = "##eval-s" + std::to_string(i);
        scaleRow(ui, rowId.c_str(), m_eval.statements[i], agree, keyedRow == static_cast<int>(i) + 1, width);
    }

    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    if (keyedRow < 0 && m_lastKeyedRow >= 0) ImGui::SetScrollHereY(0.3f);  // every scale answered: on to the rest
    if (keyedRow == 0 && m_lastKeyedRow != 0) ImGui::SetScrollY(0);
    m_lastKeyedRow = keyedRow;
    wrappedText(f.body, ui.t("evaluation.staff_group"), p.text, width);
    {
        const char* keys[] = {"evaluation.clinical", "evaluation.non_clinical", "evaluation.student",
                              "evaluation.other"};
        const core::StaffGroup groups[] = {core::StaffGroup::Clinical, core::StaffGroup::NonClinical,
                                           core::StaffGroup::Student, core::StaffGroup::Other};
        const float bw = (width - m.gap * 3) / 4;
        for (std::size_t i = 0; i < 4; ++i) {
            if (i) ImGui::SameLine(0, m.gap);
            const bool chosen = m_eval.staffGroup == groups[i];
            const std::string hitId = "##eval-group-" + std::to_string(i);
            if (actionButton(ui, hitId.c_str(), ui.t(keys[i]), "", ImVec2(bw, m.touch),
                             chosen ? ButtonKind::Primary : ButtonKind::Secondary))
                m_eval.staffGroup = chosen ? std::nullopt : std::optional<core::StaffGroup>(groups[i]);
            if (chosen) {
                const ImVec2 r = ImGui::GetItemRectMin();
                drawTick(ImVec2(r.x + 8.0f * m.scale, r.y + 8.0f * m.scale), 18.0f * m.scale, p.accentText,
                         std::max(2.0f, 3.0f * m.scale));
            }
        }
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    wrappedText(f.body, ui.t("evaluation.come_again"), p.text, width);
    {
        const float bw = (width - m.gap) / 2;
        for (int yes = 1; yes >= 0; --yes) {
            if (yes == 0) ImGui::SameLine(0, m.gap);
            const bool chosen = m_eval.comeAgain && *m_eval.comeAgain == (yes == 1);
            if (actionButton(ui, yes ? "##eval-again-yes" : "##eval-again-no",
                             ui.t(yes ? "evaluation.yes" : "evaluation.no"),
                             ui.t(yes ? "evaluation.yes_hint" : "evaluation.no_hint"), ImVec2(bw, m.touch),
                             chosen ? ButtonKind::Primary : ButtonKind::Secondary) ||
                charTyped(yes ? 'y' : 'u'))
                m_eval.comeAgain = yes == 1;
            if (chosen) {
                const ImVec2 r = ImGui::GetItemRectMin();
                drawTick(ImVec2(r.x + 8.0f * m.scale, r.y + 8.0f * m.scale), 18.0f * m.scale, p.accentText,
                         std::max(2.0f, 3.0f * m.scale));
            }
        }
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    wrappedText(f.body, ui.t("evaluation.comment"), p.text, width);
    bool enter = false;
    {
        ScopedFont font(f.body);
        ImGui::SetNextItemWidth(width);
        enter = ImGui::InputText("##eval-comment", &m_eval.comment, ImGuiInputTextFlags_EnterReturnsTrue);
        if (m_eval.comment.size() > core::kMaxEvaluationComment) m_eval.comment.resize(core::kMaxEvaluationComment);
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    const bool answered = m_eval.overall.has_value();
    if (actionButton(ui, "##eval-submit", ui.t("evaluation.submit"), ui.t("evaluation.submit_hint"),
                     ImVec2(width, m.touch * 1.2f), ButtonKind::Primary, answered) ||
        (answered && (enter || keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter))))
        ui.emit(core::SubmitEvaluation{m_eval});
}

}  // namespace reflect::ui
