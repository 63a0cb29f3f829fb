// RoomView implementation.
#include "ui/room/room_view.hpp"

#include <algorithm>

#include "core/text/time_format.hpp"
#include "ui/widgets/qr_code.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

std::string roomClock(std::int64_t remainingMs) {
    return core::formatCountdown(std::max<std::int64_t>(0, remainingMs));
}

namespace {

float wrappedHeight(ImFont* font, const std::string& text, float width) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, width, text.c_str()).y;
}

}  // namespace

float RoomView::line(ImFont* font, const std::string& text, ImU32 color, float width) {
    if (m_record) m_record->push_back(RoomText{text, font});
    const float y0 = ImGui::GetCursorPosY();
    centredText(font, text, color, width);
    return ImGui::GetCursorPosY() - y0;
}

void RoomView::drawTimer(const UiContext& ui, const core::SessionMachine& machine, bool large, float width) {
    const Palette& p = ui.theme.palette;
    ImFont* font = large ? ui.theme.fonts.timer : ui.theme.fonts.title;
    const std::string clock = roomClock(machine.remainingMs(ui.now));
    // One colour throughout: a clock turning amber or red tells the room someone is running late.
    const ImU32 color = machine.runState() == core::RunState::Paused ? p.textMuted : p.text;
    line(font, clock, color, width);
}

void RoomView::drawAgreements(const UiContext& ui, const std::vector<std::string>& items, float width, float height) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float labelH = f.heading->FontSize + spacing;
    const float listH = std::max(0.0f, height - labelH);
    const float textW = width * 0.9f;
    const auto totalIn = [&](ImFont* font) {
        float sum = 0;
        for (const auto& item : items) sum += wrappedHeight(font, item, textW) + spacing;
        return sum;
    };
    // The largest type that fits; below the heading size lines get too small to read across a room, so page.
    ImFont* font = totalIn(f.title) <= listH ? f.title : f.heading;
    std::vector<std::vector<std::size_t>> pages(1);
    float used = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const float h = wrappedHeight(font, items[i], textW) + spacing;
        if (used + h > listH && !pages.back().empty()) {
            pages.emplace_back();
            used = 0;
        }
        pages.back().push_back(i);
        used += h;
    }
    m_paging = pages.size() > 1;
    const auto page = static_cast<std::size_t>((ui.now / kRoomPageMs) % static_cast<std::int64_t>(pages.size()));
    std::string label = ui.strings.get("runner.agreements");
    if (pages.size() > 1) label += "  (" + std::to_string(page + 1) + " / " + std::to_string(pages.size()) + ")";
    line(f.heading, label, p.textMuted, width);
    for (const std::size_t i : pages[page]) line(font, items[i], p.text, textW);
}

float RoomView::drawJoinCode(const UiContext& ui, const core::PhoneView& phone, float width) {
    if (phone.joinQr.size <= 0 || phone.joinUrl.empty()) return 0;
    const Metrics& m = ui.theme.metrics;
    // Big enough to scan from the middle rows, never more than a third of the screen.
    const float side = std::min({width * 0.3f, ImGui::GetContentRegionAvail().y * 0.55f, 440.0f * m.scale});
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + width - side, start.y));
    drawQrCode(phone.joinQr, side);
    const float textX = start.x + width - side;
    ImGui::SetCursorPosX(textX);
    {
        ScopedGroup g;
        line(ui.theme.fonts.body, ui.strings.get("room.join_heading"), ui.theme.palette.text, side);
        line(ui.theme.fonts.body, phone.joinUrl, ui.theme.palette.textMuted, side);
    }
    ImGui::SetCursorPos(start);
    return side + m.gap;
}

void RoomView::draw(const UiContext& ui, const core::RunnerView& runner, const core::PhoneView& phone) {
    m_paging = false;
    // The same code for everyone, shown while writing or the evaluation is open: it says nothing of anyone.
    const float joinW = runner.machine ? drawJoinCode(ui, phone, ImGui::GetContentRegionAvail().x) : 0.0f;
    if (joinW <= 0) {
        drawStage(ui, runner);
        return;
    }
    // The stage keeps the rest of the screen, centred in it, clear of the code.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ScopedChild rest("##room-stage", ImVec2(avail.x - joinW, avail.y), false,
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    drawStage(ui, runner);
}

void RoomView::drawStage(const UiContext& ui, const core::RunnerView& runner) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const auto& machine = runner.machine;
    if (!machine) {
        line(f.title, ui.strings.get("runner.finished"), p.textMuted, width);
        return;
    }
    const auto& stage = machine->currentStage();
    const core::RoomTimer timer = stage.flags.roomTimer;
    const float top = ImGui::GetCursorPosY();
    if (timer == core::RoomTimer::Small) {
        // The small clock sits in the top right corner, clear of the stage name.
        const std::string clock = roomClock(machine->remainingMs(ui.now));
        const float w = textWidth(f.title, clock);
        if (m_record) m_record->push_back(RoomText{clock, f.title});
        ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - w, top));
        ScopedFont font(f.title);
        ScopedStyleColor c(ImGuiCol_Text, machine->runState() == core::RunState::Paused ? p.textMuted : p.text);
        ImGui::TextUnformatted(clock.c_str());
        ImGui::SetCursorPosY(top);
    }
    // The name wraps clear of the small clock on both sides, so it stays centred on the screen.
    const float nameW = timer == core::RoomTimer::Small ? width - 2 * (textWidth(f.title, "00:00") + m.gap) : width;
    line(f.title, stage.name, p.text, std::max(nameW, width * 0.5f));
    ImGui::Dummy(ImVec2(0, m.gap));
    const auto& agreements = machine->plan().tmpl().agreements;
    const bool showAgreements = machine->currentIndex() == 0 && !agreements.empty();
    if (timer == core::RoomTimer::Large) drawTimer(ui, *machine, true, width);
    // A prompt on its own sits in the upper middle of the screen, where eyes across a room rest.
    else if (!showAgreements)
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), top + ImGui::GetContentRegionAvail().y * 0.3f));
    if (!stage.prompt.empty()) {
        line(f.heading, stage.prompt, p.text, width * 0.85f);
        ImGui::Dummy(ImVec2(0, m.gap));
    }
    if (showAgreements) drawAgreements(ui, agreements, width, ImGui::GetContentRegionAvail().y - m.touch - m.gap);
}

void RoomView::drawWall(const UiContext& ui, const core::WallView& wall, bool controls) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    m_paging = false;
    if (controls) {
        // Page Down or Right: the next few cards; Page Up or Left: back. G opens grouping, Esc the session.
        if ((keyPressed(ImGuiKey_PageDown) || keyPressed(ImGuiKey_RightArrow)) && wall.canNext)
            ui.emit(core::TurnWallPage{1});
        if ((keyPressed(ImGuiKey_PageUp) || keyPressed(ImGuiKey_LeftArrow)) && wall.canBack)
            ui.emit(core::TurnWallPage{-1});
        if (charTyped('g')) ui.emit(core::ShowBoardTools{});
        if (keyPressed(ImGuiKey_Escape)) ui.emit(core::LeaveBoard{});
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = avail.x;
    const float top = ImGui::GetCursorPosY();
    line(f.heading, ui.strings.get("wall.heading"), p.textMuted, width);
    // The page in words, so nobody has to read meaning into dots or colour.
    line(f.heading, wall.position, p.text, width);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    const float controlsH = controls ? m.touch + m.gap : 0.0f;
    const float cardsH = std::max(0.0f, avail.y - (ImGui::GetCursorPosY() - top) - controlsH);
    const float cardW = std::min(width, 1600.0f * m.scale);
    const float inner = cardW - m.pad * 2;
    // Each card in the largest type that lets the page fit; never below the heading size.
    const auto heightIn = [&](ImFont* font) {
        float sum = 0;
        for (const auto& c : wall.cards) {
            const float badge = c.copies > 1 ? textWidth(font, "×00") + m.gap : 0.0f;
            sum += wrappedHeight(font, c.text, inner - badge) + m.pad + m.gap;
        }
        return sum;
    };
    ImFont* font = heightIn(f.title) <= cardsH ? f.title : f.heading;
    const float x0 = (width - cardW) * 0.5f;
    {
        ScopedChild cards("##wall-cards", ImVec2(width, cardsH), false,
                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
        for (std::size_t i = 0; i < wall.cards.size(); ++i) {
            const auto& c = wall.cards[i];
            const std::string badge =
                c.copies > 1 ? ui.strings.format("wall.copies", {{"count", std::to_string(c.copies)}}) : std::string();
            const float badgeW = badge.empty() ? 0.0f : textWidth(font, "×00") + m.gap;
            const float textH = wrappedHeight(font, c.text, inner - badgeW);
            const ImVec2 a = ImGui::GetCursorScreenPos();
            const ImVec2 min(a.x + x0, a.y);
            const ImVec2 max(min.x + cardW, min.y + textH + m.pad);
            panelBackground(min, max, p.surface, p.border, 12.0f * m.scale, std::max(2.0f, 2.0f * m.scale));
            ImGui::SetCursorScreenPos(ImVec2(min.x + m.pad, min.y + m.pad * 0.5f));
            if (m_record) m_record->push_back(RoomText{c.text, font});
            wrappedText(font, c.text, p.text, inner - badgeW);
            if (!badge.empty()) {
                if (m_record) m_record->push_back(RoomText{badge, font});
                ImGui::GetWindowDrawList()->AddText(
                    font, font->FontSize, ImVec2(max.x - m.pad * 0.5f - textWidth(font, badge), min.y + m.pad * 0.5f),
                    p.text, badge.c_str());
            }
            ImGui::SetCursorScreenPos(ImVec2(a.x, max.y + m.gap));
        }
    }
    if (!controls) return;
    // The facilitator's row: back to the session, the pages, and on to grouping once the room has read them all.
    const float bw = std::max(48.0f, (width - m.gap * 3) / 4);
    const ImVec2 b(bw, m.touch);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), top + avail.y - m.touch));
    if (actionButton(ui, "##wall-leave", ui.t("wall.leave"), ui.t("wall.leave_hint"), b, ButtonKind::Quiet))
        ui.emit(core::LeaveBoard{});
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##wall-back", ui.t("wall.back"), "", b, ButtonKind::Secondary, wall.canBack))
        ui.emit(core::TurnWallPage{-1});
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##wall-next", ui.t("wall.next"), "", b, ButtonKind::Primary, wall.canNext))
        ui.emit(core::TurnWallPage{1});
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##wall-tools", ui.t("wall.tools"), ui.t("wall.tools_hint"), b, ButtonKind::Secondary))
        ui.emit(core::ShowBoardTools{});
}

}  // namespace reflect::ui
