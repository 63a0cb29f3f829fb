// ChecklistScreen implementation.
#include "ui/screens/checklist_screen.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "core/text/time_format.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {

constexpr core::PrincipleRating kRatings[] = {core::PrincipleRating::Met, core::PrincipleRating::Partly,
                                              core::PrincipleRating::NotYet, core::PrincipleRating::NotApplicable};

const char* ratingKey(core::PrincipleRating r) {
    switch (r) {
        case core::PrincipleRating::Met:
            return "checklist.met";
        case core::PrincipleRating::Partly:
            return "checklist.partly";
        case core::PrincipleRating::NotYet:
            return "checklist.not_yet";
        case core::PrincipleRating::NotApplicable:
            return "checklist.not_applicable";
    }
    return "checklist.not_yet";
}

const char* directionKey(int direction) {
    return direction > 0 ? "checklist.better" : direction < 0 ? "checklist.worse" : "checklist.same";
}

}  // namespace

void ChecklistScreen::reset() {
    m_answers.clear();
    m_rated.clear();
    m_showResult = false;
}

void ChecklistScreen::draw(const UiContext& ui, const core::ChecklistView& view) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (view.groupId == 0) return;
    if (view.saved != m_seenSaved) {
        m_showResult = true;
        m_answers.clear();
        m_seenSaved = view.saved;
    }
    const auto& principles = view.principles;
    if (m_answers.size() != principles.size()) {
        m_answers.clear();
        for (const auto& pr : principles) m_answers.push_back({pr.key, core::PrincipleRating::NotYet, "", ""});
        m_rated.assign(principles.size(), false);
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    wrappedText(
        f.heading,
        std::string(ui.t("checklist.heading")) + (view.groupName.empty() ? std::string() : "  ·  " + view.groupName),
        p.text, avail.x);
    const float footerH = m.touch + m.gap;
    const ImVec2 body(avail.x, ImGui::GetContentRegionAvail().y - footerH - m.gap * 0.5f);
    if (m_showResult)
        drawResult(ui, view, body);
    else
        drawForm(ui, view, view.history.empty() ? nullptr : &view.history.front(), body);

    const float bw = std::min(avail.x * 0.3f, 520.0f * m.scale);
    if (actionButton(ui, "##checklist-back", ui.t("checklist.back"), ui.t("checklist.back_hint"),
                     ImVec2(bw * 0.7f, m.touch)) ||
        keyPressed(ImGuiKey_Escape))
        ui.emit(core::GoHome{});
    if (m_showResult || principles.empty()) return;
    ImGui::SameLine(avail.x - bw + ImGui::GetStyle().WindowPadding.x);
    const bool ready = std::all_of(m_rated.begin(), m_rated.end(), [](bool b) { return b; });
    if (actionButton(ui, "##checklist-save", ui.t("checklist.save"), ui.t("checklist.save_hint"), ImVec2(bw, m.touch),
                     ButtonKind::Primary, ready) ||
        (ready && (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter))))
        ui.emit(core::SaveChecklist{m_answers});
}

void ChecklistScreen::drawForm(const UiContext& ui, const core::ChecklistView& view, const core::Checklist* previous,
                               ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& principles = view.principles;
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.6f, m.pad * 0.4f));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    ScopedChild child("##checklist", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    wrappedText(f.small, ui.t("checklist.intro"), p.textMuted, width);
    // Keys 1 to 4 rate the first principle still unrated.
    int keyed = -1;
    for (std::size_t i = 0; i < m_rated.size(); ++i)
        if (!m_rated[i]) {
            keyed = static_cast<int>(i);
            break;
        }
    for (char c = '1'; c <= '4' && keyed >= 0; ++c)
        if (charTyped(c)) {
            m_answers[static_cast<std::size_t>(keyed)].rating = kRatings[c - '1'];
            m_rated[static_cast<std::size_t>(keyed)] = true;
        }
    const float bw = (width * 0.62f - m.gap * 3) / 4;
    for (std::size_t i = 0; i < principles.size(); ++i) {
        const auto& pr = principles[i];
        auto& answer = m_answers[i];
        ScopedId id(static_cast<int>(i));
        ImGui::Dummy(ImVec2(0, m.gap * 0.4f));
        wrappedText(f.bodyBold, pr.name, p.text, width);
        wrappedText(f.small, pr.question, p.textMuted, width);
        const core::PrincipleAnswer* before = previous ? previous->find(pr.key) : nullptr;
        std::string compare =
            before ? ui.strings.format("checklist.previous", {{"rating", ui.t(ratingKey(before->rating))}})
                   : std::string(ui.t("checklist.previous_none"));
        if (before && m_rated[i]) {
            core::Checklist now;
            now.answers = {answer};
            compare +=
                "   ·   " + std::string(ui.t(directionKey(core::compareChecklists(previous, now).front().direction)));
        }
        for (std::size_t r = 0; r < 4; ++r) {
            if (r) ImGui::SameLine(0, m.gap);
            const bool chosen = m_rated[i] && answer.rating == kRatings[r];
            const std::string hitId = "##rate-" + std::to_string(i) + "-" + std::to_string(r);
            const std::string hint = keyed == static_cast<int>(i) ? std::to_string(r + 1) : std::string();
            if (actionButton(ui, hitId.c_str(), ui.t(ratingKey(kRatings[r])), hint, ImVec2(bw, m.touch),
                             chosen ? ButtonKind::Primary : ButtonKind::Secondary)) {
                answer.rating = kRatings[r];
                m_rated[i] = true;
            }
            if (chosen) {
                const ImVec2 a = ImGui::GetItemRectMin();
                drawTick(ImVec2(a.x + 8.0f * m.scale, a.y + 8.0f * m.scale), 18.0f * m.scale, p.accentText,
                         std::max(2.0f, 3.0f * m.scale));
            }
        }
        ImGui::SameLine(0, m.gap);
        {
            const ImVec2 a = ImGui::GetCursorScreenPos();
            const float w = width - (a.x - ImGui::GetWindowPos().x) + ImGui::GetStyle().WindowPadding.x;
            ImGui::GetWindowDrawList()->AddText(f.small, f.small->FontSize,
                                                ImVec2(a.x, a.y + (m.touch - f.small->FontSize) * 0.5f), p.text,
                                                fitText(f.small, compare, w).c_str());
            ImGui::Dummy(ImVec2(std::max(1.0f, w), m.touch));
        }
        ScopedFont font(f.small);
        const float half = (width - m.gap) / 2;
        ImGui::SetNextItemWidth(half);
        ImGui::InputTextWithHint("##example", ui.t("checklist.example"), &answer.example);
        ImGui::SameLine(0, m.gap);
        ImGui::SetNextItemWidth(half);
        ImGui::InputTextWithHint("##next", ui.t("checklist.next_step"), &answer.nextStep);
        for (std::string* text : {&answer.example, &answer.nextStep})
            if (text->size() > 300) text->resize(300);
    }
}

void ChecklistScreen::drawResult(const UiContext& ui, const core::ChecklistView& view, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& history = view.history;
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.6f, m.pad * 0.4f));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    ScopedChild child("##checklist-result", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    wrappedText(f.body, ui.t("checklist.saved"), p.text, width);
    if (history.empty()) return;
    const core::Checklist* previous = history.size() > 1 ? &history[1] : nullptr;
    if (previous)
        wrappedText(f.small,
                    ui.strings.format("checklist.compared", {{"now", core::formatDate(history[0].takenAtWall)},
                                                             {"before", core::formatDate(previous->takenAtWall)}}),
                    p.textMuted, width);
    const auto changes = core::compareChecklists(previous, history[0]);
    // In the order of the principles file, not the order the database happens to return.
    for (const auto& pr : view.principles) {
        const auto found =
            std::find_if(changes.begin(), changes.end(), [&](const auto& c) { return c.principle == pr.key; });
        if (found == changes.end()) continue;
        const core::PrincipleChange& change = *found;
        const std::string& name = pr.name;
        std::string line = name + ":  " + ui.t(ratingKey(change.now));
        if (change.before)
            line += "   (" + ui.strings.format("checklist.previous", {{"rating", ui.t(ratingKey(*change.before))}}) +
                    ", " + ui.t(directionKey(change.direction)) + ")";
        ImGui::Dummy(ImVec2(0, m.gap * 0.2f));
        wrappedText(f.body, line, change.direction < 0 ? p.amber : p.text, width);
        const auto* answer = history[0].find(change.principle);
        if (answer && !answer->nextStep.empty()) wrappedText(f.small, answer->nextStep, p.textMuted, width);
    }
}

}  // namespace reflect::ui
