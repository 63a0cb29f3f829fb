// BoardScreen implementation.
#include "ui/screens/board_screen.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {
std::vector<const core::BoardCard*> looseCards(const core::BoardView& board) {
    std::vector<const core::BoardCard*> out;
    for (const auto& c : board.cards)
        if (c.themeId == 0) out.push_back(&c);
    return out;
}

const core::CodebookTag* findTag(const core::BoardView& board, std::string_view key) {
    for (const auto& t : board.tags)
        if (t.key == key) return &t;
    return nullptr;
}

/// A tick box: an outline when off, filled with a tick when on, so the state never rests on colour alone.
void tickBox(ImDrawList* dl, const Palette& p, ImVec2 a, float box, bool on, float scale) {
    const ImVec2 b(a.x + box, a.y + box);
    const float rounding = 4.0f * scale;
    if (on) {
        dl->AddRectFilled(a, b, p.accent, rounding);
        drawTick(ImVec2(a.x + box * 0.15f, a.y + box * 0.15f), box * 0.7f, p.accentText, std::max(2.0f, 3.0f * scale));
    } else {
        dl->AddRect(a, b, p.textMuted, rounding, 0, std::max(1.5f, 2.0f * scale));
    }
}

/// "×3" for a card written three times; empty for a single card.
std::string copiesLabel(const core::BoardCard& card) {
    return card.copies() > 1 ? "×" + std::to_string(card.copies()) : std::string();
}

/// A tag as a plain name in a rounded pill; returns the pill's width.
float tagPill(ImDrawList* dl, ImFont* font, const Palette& p, ImVec2 a, std::string_view name, float scale) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, name.data(), name.data() + name.size());
    const float padX = 10.0f * scale;
    const float padY = 3.0f * scale;
    const ImVec2 b(a.x + size.x + padX * 2, a.y + size.y + padY * 2);
    dl->AddRectFilled(a, b, p.surfaceRaised, (b.y - a.y) * 0.5f);
    dl->AddRect(a, b, p.accent, (b.y - a.y) * 0.5f, 0, std::max(1.0f, 1.5f * scale));
    dl->AddText(font, font->FontSize, ImVec2(a.x + padX, a.y + padY), p.text, name.data(), name.data() + name.size());
    return b.x - a.x;
}
}  // namespace

void BoardScreen::reset() {
    m_selectedCards.clear();
    m_selectedThemes.clear();
    m_cursor = 0;
    m_edit = Edit::None;
    m_name.clear();
    m_heights.clear();
    m_measuredWidth = -1;
}

std::int64_t BoardScreen::selectedThemeOfCards(const core::BoardView& board) const {
    std::int64_t theme = 0;
    for (const auto& c : board.cards) {
        if (!m_selectedCards.count(c.id)) continue;
        if (c.themeId == 0 || (theme != 0 && theme != c.themeId)) return 0;
        theme = c.themeId;
    }
    return theme;
}

void BoardScreen::draw(const UiContext& ui, const core::BoardView& board) {
    // Forget selections of cards and themes that are gone (hidden, merged).
    std::erase_if(m_selectedThemes, [&](std::int64_t id) { return board.theme(id) == nullptr; });
    for (auto it = m_selectedCards.begin(); it != m_selectedCards.end();) {
        const bool present =
            std::any_of(board.cards.begin(), board.cards.end(), [&](const auto& c) { return c.id == *it; });
        it = present ? std::next(it) : m_selectedCards.erase(it);
    }
    // While a number is typed into the head count, the board's letter and arrow keys stay off.
    if (m_edit == Edit::None && !m_people.typing) handleKeys(ui, board);
    const Metrics& m = ui.theme.metrics;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    drawTopBar(ui, board, avail.x);
    const float actionsH = m.touch + m.gap;
    const float bodyH = ImGui::GetContentRegionAvail().y - actionsH;
    const float themesW = std::max(avail.x * 0.38f, 420.0f * m.scale);
    drawCards(ui, board, ImVec2(avail.x - themesW - m.gap, bodyH));
    ImGui::SameLine(0, m.gap);
    drawThemes(ui, board, ImVec2(themesW, bodyH));
    drawActions(ui, board, avail.x);
    drawEditor(ui, board);
}

void BoardScreen::drawTopBar(const UiContext& ui, const core::BoardView& board, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto people = board.attendance;
    const float small = std::max(m.touch, 64.0f * m.scale);
    const std::string count = people ? ui.strings.format("board.attendance", {{"count", std::to_string(*people)}})
                                     : ui.strings.get("board.attendance_unknown");
    const float countW = textWidth(f.body, count);
    const float x0 = ImGui::GetCursorPosX();
    const float y0 = ImGui::GetCursorPosY();
    wrappedText(f.heading, ui.t("board.heading"), p.text, width * 0.4f);
    // Attendance, at the right: [typed] - N +. Typing the number saves a Round of 63 its 63 taps.
    const float typedW = std::max(120.0f * m.scale, f.body->FontSize * 4.0f);
    ImGui::SetCursorPos(ImVec2(x0 + width - countW - small * 2 - typedW - m.gap * 3, y0));
    if (const auto typed = typedCountField(ui, "##people-typed", m_people, people.value_or(0), typedW))
        ui.emit(core::SetAttendance{*typed});
    ImGui::SameLine(0, m.gap);
    ImGui::SetCursorPosY(y0);
    if (actionButton(ui, "##people-less", ui.t("board.less"), ui.t("board.less_hint"), ImVec2(small, m.touch),
                     ButtonKind::Secondary, people.value_or(0) > 0))
        ui.emit(core::SetAttendance{std::max(0, people.value_or(1) - 1)});
    ImGui::SameLine(0, m.gap);
    ImGui::SetCursorPosY(y0 + (m.touch - f.body->FontSize) * 0.5f);
    wrappedText(f.body, count, p.text, countW + 2);
    ImGui::SameLine(0, m.gap);
    ImGui::SetCursorPosY(y0);
    if (actionButton(ui, "##people-more", ui.t("board.more"), ui.t("board.more_hint"), ImVec2(small, m.touch)))
        ui.emit(core::SetAttendance{std::min(kMaxTypedCount, people.value_or(0) + 1)});
    ImGui::SetCursorPos(ImVec2(x0, std::max(ImGui::GetCursorPosY(), y0 + m.touch + f.small->FontSize + m.gap * 0.3f)));
    if (!people || *people < core::kWeakAnonymityBelow) {
        // Not colour alone: the warning is words, with a marker in front.
        wrappedText(f.bodyBold, std::string("! ") + ui.t("board.weak_anonymity"), p.amber, width);
    }
    if (m_people.refused) wrappedText(f.bodyBold, typedCountProblem(ui), p.danger, width);
    if (!board.message.empty()) wrappedText(f.bodyBold, board.message, p.danger, width);
    if (board.safeguardingAlerts > 0) {
        const int n = board.safeguardingAlerts;
        wrappedText(f.body,
                    n == 1 ? ui.strings.get("contrib_runner.safeguarding_one")
                           : ui.strings.format("contrib_runner.safeguarding_many", {{"count", std::to_string(n)}}),
                    p.amber, width);
    }
}

void BoardScreen::drawCards(const UiContext& ui, const core::BoardView& board, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto loose = looseCards(board);
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.background);
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ScopedChild child("##cards", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    int looseCount = 0;
    for (const auto* c : loose) looseCount += c->copies();
    wrappedText(f.bodyBold, ui.strings.format("board.cards_heading", {{"count", std::to_string(looseCount)}}), p.text,
                width);
    if (loose.empty()) {
        wrappedText(f.body, ui.t("board.cards_empty"), p.textMuted, width);
        return;
    }
    const int columns = width > 900.0f * m.scale ? 3 : 2;
    const float gap = m.gap * 0.5f;
    const float cardW = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float inner = cardW - m.pad * 0.5f - f.body->FontSize * 1.4f;
    if (m_measuredWidth != inner) {
        m_heights.clear();
        m_measuredWidth = inner;
    }
    m_cursor = std::clamp(m_cursor, 0, static_cast<int>(loose.size()) - 1);
    const float clipTop = ImGui::GetScrollY();
    const float clipBottom = clipTop + ImGui::GetWindowHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t row = 0; row * static_cast<std::size_t>(columns) < loose.size(); ++row) {
        float rowH = 0;
        const std::size_t first = row * static_cast<std::size_t>(columns);
        const std::size_t last = std::min(loose.size(), first + static_cast<std::size_t>(columns));
        for (std::size_t i = first; i < last; ++i) {
            auto [it, added] = m_heights.try_emplace(loose[i]->id, 0.0f);
            const float badge = loose[i]->copies() > 1 ? f.bodyBold->FontSize * 2.2f : 0.0f;
            if (added)
                it->second = f.body->CalcTextSizeA(f.body->FontSize, 1e9f, inner - badge, loose[i]->text.c_str()).y;
            rowH = std::max(rowH, it->second + m.pad * 0.5f);
        }
        const float y = ImGui::GetCursorPosY();
        const bool visible = y + rowH >= clipTop && y <= clipBottom;
        if (!visible) {
            // Off screen: take the space, draw nothing.
            ImGui::Dummy(ImVec2(width, rowH));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + gap);
            continue;
        }
        for (std::size_t i = first; i < last; ++i) {
            const core::BoardCard& card = *loose[i];
            if (i != first) ImGui::SameLine(0, gap);
            ScopedId id(static_cast<int>(i));
            const ImVec2 a = ImGui::GetCursorScreenPos();
            const bool selected = m_selectedCards.count(card.id) > 0;
            const bool focused = static_cast<int>(i) == m_cursor;
            if (ImGui::InvisibleButton("##card", ImVec2(cardW, rowH))) {
                m_cursor = static_cast<int>(i);
                if (selected)
                    m_selectedCards.erase(card.id);
                else
                    m_selectedCards.insert(card.id);
            }
            const bool hovered = ImGui::IsItemHovered();
            panelBackground(a, ImVec2(a.x + cardW, a.y + rowH), selected || hovered ? p.surfaceRaised : p.surface,
                            selected  ? p.accent
                            : focused ? p.focus
                                      : p.border,
                            12.0f * m.scale,
                            selected || focused ? std::max(2.0f, 4.0f * m.scale) : std::max(1.0f, 1.5f * m.scale));
            // A box with a tick and a thicker border say "selected" without relying on colour.
            const float box = f.body->FontSize * 0.9f;
            const ImVec2 boxA(a.x + m.pad * 0.25f, a.y + m.pad * 0.25f + 2.0f);
            tickBox(dl, p, boxA, box, selected, m.scale);
            const std::string copies = copiesLabel(card);
            const float badge = copies.empty() ? 0.0f : f.bodyBold->FontSize * 2.2f;
            dl->AddText(f.body, f.body->FontSize, ImVec2(boxA.x + box + f.body->FontSize * 0.5f, a.y + m.pad * 0.25f),
                        p.text, card.text.c_str(), nullptr, inner - badge);
            if (!copies.empty())
                dl->AddText(f.bodyBold, f.bodyBold->FontSize,
                            ImVec2(a.x + cardW - textWidth(f.bodyBold, copies) - m.pad * 0.25f, a.y + m.pad * 0.25f),
                            p.accent, copies.c_str());
        }
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + gap);
    }
}

void BoardScreen::drawThemes(const UiContext& ui, const core::BoardView& board, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.5f, m.pad * 0.4f));
    ScopedChild child("##themes", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    if (board.themes.empty()) {
        wrappedText(f.body, ui.t("board.themes_empty"), p.textMuted, width);
        return;
    }
    const std::string format = board.formatName;
    for (std::size_t t = 0; t < board.themes.size(); ++t) {
        const core::BoardTheme& theme = board.themes[t];
        ScopedId id(static_cast<int>(t) + 100000);
        const auto pos = std::find(m_selectedThemes.begin(), m_selectedThemes.end(), theme.id);
        const bool selected = pos != m_selectedThemes.end();
        const ImVec2 a = ImGui::GetCursorScreenPos();
        // Header: the name and numbers; clicking it selects the theme.
        const std::string& header = theme.name;
        const float box = f.bodyBold->FontSize * 0.9f;
        const float textX = box + 16.0f * m.scale;
        const float headerH =
            f.bodyBold->CalcTextSizeA(f.bodyBold->FontSize, 1e9f, width - textX - 4, header.c_str()).y +
            f.small->FontSize + 8;
        if (ImGui::InvisibleButton("##theme", ImVec2(width, std::max(m.touch, headerH)))) {
            if (selected)
                m_selectedThemes.erase(pos);
            else
                m_selectedThemes.push_back(theme.id);
        }
        if (ui.hits) (*ui.hits)["##theme-" + std::to_string(t)] = ImVec4(a.x, a.y, width, std::max(m.touch, headerH));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 headerB(a.x + width, a.y + std::max(m.touch, headerH));
        // Selected: filled, a thicker accent border and a ticked box; not selected: an outline only.
        if (selected || ImGui::IsItemHovered()) dl->AddRectFilled(a, headerB, p.surfaceRaised, 8.0f * m.scale);
        dl->AddRect(a, headerB, selected ? p.accent : p.border, 8.0f * m.scale, 0,
                    selected ? std::max(3.0f, 4.0f * m.scale) : std::max(1.0f, 1.5f * m.scale));
        tickBox(dl, p, ImVec2(a.x + 8.0f * m.scale, a.y + 6.0f * m.scale), box, selected, m.scale);
        dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(a.x + textX, a.y + 4), p.text, header.c_str(), nullptr,
                    width - textX - 4);
        std::string numbers = ui.strings.format("board.cards", {{"count", std::to_string(board.cardsIn(theme.id))}});
        if (board.votes) numbers += " · " + ui.strings.format("board.votes", {{"count", std::to_string(theme.votes)}});
        dl->AddText(f.small, f.small->FontSize, ImVec2(a.x + textX, a.y + headerH - f.small->FontSize - 2), p.textMuted,
                    numbers.c_str());
        // Tags as pills, each with how often it came up in earlier sessions of this format.
        for (const auto& key : theme.tags) {
            const core::CodebookTag* tag = findTag(board, key);
            const auto rec = board.recurrenceOf(key);
            const ImVec2 pillA(ImGui::GetCursorScreenPos().x + 12.0f * m.scale,
                               ImGui::GetCursorScreenPos().y + 2.0f * m.scale);
            const float pillW = tagPill(dl, f.small, p, pillA, tag ? tag->name : key, m.scale);
            const float pillH = f.small->FontSize + 6.0f * m.scale;
            std::string note;
            if (rec.sessions > 0)
                note = ui.strings.format(
                    rec.carrying > 0 ? "board.recurrence" : "board.recurrence_none",
                    {{"n", std::to_string(rec.carrying)}, {"total", std::to_string(rec.sessions)}, {"format", format}});
            const float noteX = pillA.x + pillW + 8.0f * m.scale;
            const float noteW = std::max(40.0f, a.x + width - noteX);
            const float noteH =
                note.empty() ? 0 : f.small->CalcTextSizeA(f.small->FontSize, 1e9f, noteW, note.c_str()).y;
            if (!note.empty())
                dl->AddText(f.small, f.small->FontSize, ImVec2(noteX, pillA.y + 3.0f * m.scale), p.textMuted,
                            note.c_str(), nullptr, noteW);
            ImGui::Dummy(ImVec2(width, std::max(pillH, noteH) + 4.0f * m.scale));
        }
        // The theme's cards: selectable, for splitting off, taking out, or hiding.
        for (const auto& card : board.cards) {
            if (card.themeId != theme.id) continue;
            ScopedId cid(static_cast<int>(card.id & 0x7fffffff));
            const bool on = m_selectedCards.count(card.id) > 0;
            // Heights are measured once per card and width; the tick box sits left of the text either way.
            const float tbox = f.small->FontSize * 0.85f;
            const float cardTextX = 16.0f * m.scale + tbox + 8.0f * m.scale;
            auto [hit, added] = m_themeCardHeights.try_emplace(card.id, 0.0f);
            if (added || m_themeWidth != width) {
                const float badge = card.copies() > 1 ? textWidth(f.small, copiesLabel(card)) + 8.0f * m.scale : 0.0f;
                hit->second = f.small
                                  ->CalcTextSizeA(f.small->FontSize, 1e9f, width - cardTextX - 8.0f * m.scale - badge,
                                                  card.text.c_str())
                                  .y +
                              6;
            }
            const float h = hit->second;
            const float y = ImGui::GetCursorPosY();
            if (y + h < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight()) {
                ImGui::Dummy(ImVec2(width, h));  // off screen: keep the space, skip the drawing
                continue;
            }
            const ImVec2 c = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##tcard", ImVec2(width, h))) {
                if (on)
                    m_selectedCards.erase(card.id);
                else
                    m_selectedCards.insert(card.id);
            }
            if (on) {
                dl->AddRectFilled(c, ImVec2(c.x + width, c.y + h), p.surfaceRaised, 6.0f);
                dl->AddRect(c, ImVec2(c.x + width, c.y + h), p.accent, 6.0f, 0, std::max(2.0f, 3.0f * m.scale));
            }
            tickBox(dl, p, ImVec2(c.x + 16.0f * m.scale, c.y + 3 + (f.small->FontSize - tbox) * 0.5f), tbox, on,
                    m.scale);
            const std::string copies = copiesLabel(card);
            const float badge = copies.empty() ? 0.0f : textWidth(f.small, copies) + 8.0f * m.scale;
            dl->AddText(f.small, f.small->FontSize, ImVec2(c.x + cardTextX, c.y + 3), p.text, card.text.c_str(),
                        nullptr, width - cardTextX - 8.0f * m.scale - badge);
            if (!copies.empty())
                dl->AddText(f.small, f.small->FontSize, ImVec2(c.x + width - badge, c.y + 3), p.accent, copies.c_str());
        }
        ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    }
    m_themeWidth = width;
}

void BoardScreen::drawActions(const UiContext& ui, const core::BoardView& board, float width) {
    const Metrics& m = ui.theme.metrics;
    bool looseSelected = false;
    for (const auto& c : board.cards)
        if (c.themeId == 0 && m_selectedCards.count(c.id)) looseSelected = true;
    const std::int64_t splitFrom = selectedThemeOfCards(board);
    const bool oneTheme = m_selectedThemes.size() == 1;
    const int buttons = board.votes ? 9 : 8;
    const float w = (width - m.gap * static_cast<float>(buttons - 1)) / static_cast<float>(buttons);
    const ImVec2 b(w, m.touch);
    if (actionButton(ui, "##board-back", ui.t("board.back"), ui.t("board.back_hint"), b, ButtonKind::Quiet))
        ui.emit(core::LeaveBoard{});
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##group", ui.t("board.group"), ui.t("board.group_hint"), b, ButtonKind::Primary,
                     looseSelected)) {
        m_edit = Edit::NewTheme;
        m_name.clear();
        m_hint = ui.strings.format("board.new_theme", {{"n", std::to_string(board.themes.size() + 1)}});
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##rename", ui.t("board.rename"), ui.t("board.rename_hint"), b, ButtonKind::Secondary,
                     oneTheme)) {
        m_edit = Edit::Rename;
        m_editTheme = m_selectedThemes.front();
        m_name = board.theme(m_editTheme)->name;
        m_hint = m_name;
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##tags", ui.t("board.tags"), ui.t("board.tags_hint"), b, ButtonKind::Secondary,
                     oneTheme && !board.tags.empty())) {
        m_edit = Edit::Tags;
        m_editTheme = m_selectedThemes.front();
        m_tagCursor = 0;
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##merge", ui.t("board.merge"), ui.t("board.merge_hint"), b, ButtonKind::Secondary,
                     m_selectedThemes.size() >= 2)) {
        for (std::size_t i = 1; i < m_selectedThemes.size(); ++i)
            ui.emit(core::BoardMerge{m_selectedThemes.front(), m_selectedThemes[i]});
        m_selectedThemes.resize(1);
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##split", ui.t("board.split"), ui.t("board.split_hint"), b, ButtonKind::Secondary,
                     splitFrom != 0)) {
        m_edit = Edit::Split;
        m_editTheme = splitFrom;
        m_name.clear();
        m_hint = ui.strings.format("board.new_theme", {{"n", std::to_string(board.themes.size() + 1)}});
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##ungroup", ui.t("board.ungroup"), ui.t("board.ungroup_hint"), b, ButtonKind::Secondary,
                     splitFrom != 0)) {
        ui.emit(core::BoardUngroup{std::vector<std::int64_t>(m_selectedCards.begin(), m_selectedCards.end())});
        m_selectedCards.clear();
    }
    // Formats that never rank themes get no vote button and no key for it.
    if (board.votes) {
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##vote", ui.t("board.vote"), ui.t("board.vote_hint"), b, ButtonKind::Secondary,
                         !m_selectedThemes.empty()))
            for (const auto id : m_selectedThemes) ui.emit(core::BoardVote{id, 1});
    }
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##hide", ui.t("board.hide"), ui.t("board.hide_hint"), b, ButtonKind::Danger,
                     !m_selectedCards.empty())) {
        for (const auto id : m_selectedCards) ui.emit(core::BoardHideCard{id});
        m_selectedCards.clear();
    }
}

void BoardScreen::handleKeys(const UiContext& ui, const core::BoardView& board) {
    const auto loose = looseCards(board);
    const auto people = board.attendance;
    if (keyPressed(ImGuiKey_Escape)) ui.emit(core::LeaveBoard{});
    if (charTyped('[') && people.value_or(0) > 0) ui.emit(core::SetAttendance{*people - 1});
    if (charTyped(']')) ui.emit(core::SetAttendance{std::min(kMaxTypedCount, people.value_or(0) + 1)});
    if (!loose.empty()) {
        const int n = static_cast<int>(loose.size());
        if (keyPressed(ImGuiKey_RightArrow)) m_cursor = std::min(n - 1, m_cursor + 1);
        if (keyPressed(ImGuiKey_LeftArrow)) m_cursor = std::max(0, m_cursor - 1);
        if (keyPressed(ImGuiKey_DownArrow)) m_cursor = std::min(n - 1, m_cursor + 3);
        if (keyPressed(ImGuiKey_UpArrow)) m_cursor = std::max(0, m_cursor - 3);
        m_cursor = std::clamp(m_cursor, 0, n - 1);
        if (keyPressed(ImGuiKey_Space)) {
            const auto id = loose[static_cast<std::size_t>(m_cursor)]->id;
            if (!m_selectedCards.erase(id)) m_selectedCards.insert(id);
        }
    }
    // Tab cycles which theme is selected (one at a time), for keyboard-only tagging and renaming.
    if (keyPressed(ImGuiKey_Tab) && !board.themes.empty()) {
        std::size_t next = 0;
        if (m_selectedThemes.size() == 1)
            for (std::size_t i = 0; i < board.themes.size(); ++i)
                if (board.themes[i].id == m_selectedThemes.front()) next = (i + 1) % board.themes.size();
        m_selectedThemes = {board.themes[next].id};
    }
    bool looseSelected = false;
    for (const auto* c : loose)
        if (m_selectedCards.count(c->id)) looseSelected = true;
    if (charTyped('g') && looseSelected) {
        m_edit = Edit::NewTheme;
        m_name.clear();
        m_hint = ui.strings.format("board.new_theme", {{"n", std::to_string(board.themes.size() + 1)}});
    }
    if (charTyped('n') && m_selectedThemes.size() == 1) {
        m_edit = Edit::Rename;
        m_editTheme = m_selectedThemes.front();
        m_name = board.theme(m_editTheme)->name;
        m_hint = m_name;
    }
    if (charTyped('t') && m_selectedThemes.size() == 1 && !board.tags.empty()) {
        m_edit = Edit::Tags;
        m_editTheme = m_selectedThemes.front();
        m_tagCursor = 0;
    }
    if (charTyped('v') && board.votes)
        for (const auto id : m_selectedThemes) ui.emit(core::BoardVote{id, 1});
    if (charTyped('m') && m_selectedThemes.size() >= 2) {
        for (std::size_t i = 1; i < m_selectedThemes.size(); ++i)
            ui.emit(core::BoardMerge{m_selectedThemes.front(), m_selectedThemes[i]});
        m_selectedThemes.resize(1);
    }
    if (charTyped('s') && selectedThemeOfCards(board) != 0) {
        m_edit = Edit::Split;
        m_editTheme = selectedThemeOfCards(board);
        m_name.clear();
        m_hint = ui.strings.format("board.new_theme", {{"n", std::to_string(board.themes.size() + 1)}});
    }
    if (charTyped('u') && selectedThemeOfCards(board) != 0) {
        ui.emit(core::BoardUngroup{std::vector<std::int64_t>(m_selectedCards.begin(), m_selectedCards.end())});
        m_selectedCards.clear();
    }
    if (charTyped('x') && !m_selectedCards.empty()) {
        for (const auto id : m_selectedCards) ui.emit(core::BoardHideCard{id});
        m_selectedCards.clear();
    }
}

void BoardScreen::drawEditor(const UiContext& ui, const core::BoardView& board) {
    if (m_edit == Edit::None) return;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (m_edit != Edit::NewTheme && !board.theme(m_editTheme)) {
        m_edit = Edit::None;
        return;
    }
    if (!ImGui::IsPopupOpen("##board-edit")) ImGui::OpenPopup("##board-edit");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.7f, 1200.0f * m.scale), 0));
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad, m.pad));
    ScopedStyleVar border(ImGuiStyleVar_PopupBorderSize, std::max(2.0f, 3.0f * m.scale));
    if (!ImGui::BeginPopupModal("##board-edit", nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                    // Space and the arrows are ours here; ImGui's keyboard navigation would press a
                                    // second tag with the same Space.
                                    ImGuiWindowFlags_NoNavInputs))
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    bool close = false;
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close = true;
    if (m_edit == Edit::Tags) {
        const core::BoardTheme* theme = board.theme(m_editTheme);
        const auto& tags = board.tags;
        wrappedText(f.bodyBold, ui.strings.format("board.tags_heading", {{"name", theme->name}}), p.text, width);
        const int n = static_cast<int>(tags.size());
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) m_tagCursor = (m_tagCursor + 1) % n;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) m_tagCursor = (m_tagCursor + n - 1) % n;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
            ui.emit(core::BoardToggleTag{m_editTheme, tags[static_cast<std::size_t>(m_tagCursor)].key});
        const int perColumn = (n + 1) / 2;
        const float colW = (width - m.gap) * 0.5f;
        const float rowH = std::max(f.body->FontSize * 1.5f, 40.0f * m.scale);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (int i = 0; i < n; ++i) {
            const auto& tag = tags[static_cast<std::size_t>(i)];
            const bool on = std::find(theme->tags.begin(), theme->tags.end(), tag.key) != theme->tags.end();
            ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(i / perColumn) * (colW + m.gap),
                                             origin.y + static_cast<float>(i % perColumn) * rowH));
            ScopedId id(i);
            const ImVec2 a = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##tag", ImVec2(colW, rowH - 4))) {
                m_tagCursor = i;
                ui.emit(core::BoardToggleTag{m_editTheme, tag.key});
            }
            if (ui.hits) (*ui.hits)["##tag-" + tag.key] = ImVec4(a.x, a.y, colW, rowH - 4);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (i == m_tagCursor) dl->AddRect(a, ImVec2(a.x + colW, a.y + rowH - 4), p.focus, 6.0f, 0, 3.0f);
            const float tbox = f.body->FontSize * 0.85f;
            tickBox(dl, p, ImVec2(a.x + 8, a.y + (rowH - 4 - tbox) * 0.5f), tbox, on, m.scale);
            dl->AddText(f.body, f.body->FontSize,
                        ImVec2(a.x + 8 + tbox + 12.0f * m.scale, a.y + (rowH - 4 - f.body->FontSize) * 0.5f), p.text,
                        tag.name.c_str());
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(perColumn) * rowH + m.gap * 0.5f));
        if (const auto& cur = tags[static_cast<std::size_t>(m_tagCursor)]; !cur.description.empty())
            wrappedText(f.small, cur.description, p.textMuted, width);
        if (actionButton(ui, "##edit-done", ui.t("board.done"), ui.t("board.done_hint"), ImVec2(width, m.touch),
                         ButtonKind::Primary) ||
            enter)
            close = true;
    } else {
        wrappedText(f.bodyBold, ui.t("board.name_label"), p.text, width);
        {
            ScopedFont font(f.body);
            ScopedStyleVar framePad(ImGuiStyleVar_FramePadding, ImVec2(m.pad * 0.3f, m.pad * 0.2f));
            ImGui::SetNextItemWidth(width);
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            ImGui::InputTextWithHint("##theme-name", m_hint.c_str(), &m_name);
        }
        ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
        if (actionButton(ui, "##edit-done", ui.t("board.done"), ui.t("board.done_hint"), ImVec2(width, m.touch),
                         ButtonKind::Primary) ||
            enter) {
            if (m_name.find_first_not_of(" \t") == std::string::npos) m_name = m_hint;
            if (m_edit == Edit::Rename) {
                ui.emit(core::BoardRename{m_editTheme, m_name});
            } else {
                std::vector<std::int64_t> cards;
                for (const auto& c : board.cards)
                    if (m_selectedCards.count(c.id) &&
                        (m_edit == Edit::Split ? c.themeId == m_editTheme : c.themeId == 0))
                        cards.push_back(c.id);
                if (m_edit == Edit::Split)
                    ui.emit(core::BoardSplit{m_editTheme, cards, m_name});
                else
                    ui.emit(core::BoardCreateTheme{cards, m_name});
                m_selectedCards.clear();
            }
            close = true;
        }
    }
    if (close) {
        m_edit = Edit::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace reflect::ui
