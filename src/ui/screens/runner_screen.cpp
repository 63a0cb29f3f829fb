// RunnerScreen implementation.
#include "ui/screens/runner_screen.hpp"

#include <algorithm>
#include <string>

#include "core/text/time_format.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

using core::RunState;
using core::SessionOp;

namespace {
constexpr std::int64_t kAmberMs = 2 * 60 * 1000;

}  // namespace

void RunnerScreen::send(const UiContext& ui, SessionOp op) const {
    ui.emit(core::SessionCommand{op});
}

void RunnerScreen::handleKeys(const UiContext& ui, const core::SessionMachine& machine) {
    if (m_confirmEnd || m_pairCodeShowing) return;
    const bool running = machine.runState() == RunState::Running;
    if (keyPressed(ImGuiKey_Space)) send(ui, running ? SessionOp::Pause : SessionOp::Resume);
    if (charTyped('n') || keyPressed(ImGuiKey_RightArrow)) {
        // Next from the last stage means the session is over: ask, as End does.
        if (machine.canApply(SessionOp::Next))
            send(ui, SessionOp::Next);
        else
            m_confirmEnd = true;
    }
    if (charTyped('b') || keyPressed(ImGuiKey_LeftArrow)) send(ui, SessionOp::Back);
    // The "+" key: unshifted it types '=' (or '+' on the keypad), shifted it types '+'.
    const bool shift = ImGui::GetIO().KeyShift;
    if (charTyped('=') || (charTyped('+') && !shift))
        send(ui, SessionOp::Extend1);
    else if (charTyped('+') && shift)
        send(ui, SessionOp::Extend5);
    if (charTyped('e')) m_confirmEnd = true;
    if (charTyped('h')) ui.emit(core::GoHome{});
}

void RunnerScreen::handleShortcuts(const UiContext& ui, const core::RunnerView& runner) {
    if (!runner.machine) return;
    handleKeys(ui, *runner.machine);
    handleContributionKeys(ui, runner);
}

void RunnerScreen::draw(const UiContext& ui, const core::RunnerView& runner, const core::PhoneView& phone) {
    const auto& machine = runner.machine;
    m_pairCodeShowing = machine && phone.pairingShown;
    if (!machine) {
        centredText(ui.theme.fonts.heading, ui.t("runner.finished"), ui.theme.palette.textMuted, 1e9f);
        return;
    }
    handleShortcuts(ui, runner);
    const Metrics& m = ui.theme.metrics;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float controlsH = m.touch + m.gap * 0.5f;
    const float bodyH = avail.y - controlsH - m.gap;
    const float sideW = std::max(avail.x * 0.34f, 360.0f * m.scale);
    const float stageW = avail.x - sideW - m.gap;

    if (runner.meeting.evaluation && runner.meeting.available) {
        // Attendees fill the form in turn: it takes the whole body so every answer is a big target.
        m_meeting.drawEvaluation(ui, runner, ImVec2(avail.x, bodyH));
    } else {
        drawStagePanel(ui, runner, *machine, ImVec2(stageW, bodyH));
        ImGui::SameLine();
        ImGui::BeginGroup();
        const bool contributions = runner.contributions.stageAccepts ||
                                   runner.contributions.state != core::ContributionState::Closed ||
                                   runner.contributions.safeguardingAlerts > 0;
        float used = m_pairing.drawRow(ui, phone, sideW);
        if (contributions) {
            const float y0 = ImGui::GetCursorPosY();
            drawContributions(ui, runner, sideW);
            used += ImGui::GetCursorPosY() - y0;
        }
        drawSidePanel(ui, *machine, ImVec2(sideW, bodyH - used));
        ImGui::EndGroup();
    }
    drawControls(ui, *machine, ImVec2(avail.x, controlsH));
    drawEndConfirm(ui);
    m_pairing.drawCode(ui, phone, !m_confirmEnd && shortcutsAllowed());
}

void RunnerScreen::handleContributionKeys(const UiContext& ui, const core::RunnerView& runner) {
    if (m_confirmEnd || m_pairCodeShowing) return;
    const auto state = runner.contributions.state;
    if (charTyped('o')) {
        if (state == core::ContributionState::Open)
            ui.emit(core::CloseContributions{});
        else if (state == core::ContributionState::Closed && runner.contributions.stageAccepts)
            ui.emit(core::OpenContributions{});
    }
    if (charTyped('w') && state == core::ContributionState::Open) ui.emit(core::LetStaffWrite{});
    // The head count, which the reveal waits for in Rounds, Team Time and peer groups.
    const int people = runner.contributions.attendance.value_or(0);
    if (charTyped('[') && people > 0) ui.emit(core::SetAttendance{people - 1});
    if (charTyped(']')) ui.emit(core::SetAttendance{std::min(kMaxTypedCount, people + 1)});
    if (charTyped('r') && state != core::ContributionState::Open &&
        (runner.contributions.stageAccepts || state == core::ContributionState::Revealed))
        ui.emit(core::RevealContributions{});
}

void RunnerScreen::drawHeadCount(const UiContext& ui, const core::RunnerView& runner, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto& people = runner.contributions.attendance;
    const std::string text = people ? ui.strings.format("board.attendance", {{"count", std::to_string(*people)}})
                                    : ui.strings.get("board.attendance_unknown");
    const float stepW = std::max(48.0f, m.touch);
    // The number can be typed too (a Round of 63 is not 63 taps), with the same field as the board and a set's close.
    const float typedW = std::max(110.0f * m.scale, f.body->FontSize * 3.2f);
    // The words beside the controls when they fit, else on their own line above them: never cut short.
    const float besideW = width - 2 * stepW - typedW - m.gap * 3;
    if (textWidth(f.body, text) > besideW) wrappedText(f.body, text, p.text, width);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    if (textWidth(f.body, text) <= besideW)
        ImGui::GetWindowDrawList()->AddText(
            f.body, f.body->FontSize, ImVec2(a.x, a.y + (m.touch - f.body->FontSize) * 0.5f), p.text, text.c_str());
    const int n = people.value_or(0);
    ImGui::SetCursorScreenPos(ImVec2(a.x + width - 2 * stepW - typedW - m.gap * 2, a.y));
    if (const auto typed = typedCountField(ui, "##runner-people-typed", m_people, n, typedW))
        ui.emit(core::SetAttendance{*typed});
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##runner-people-less", ui.t("board.less"), "", ImVec2(stepW, m.touch), ButtonKind::Secondary,
                     n > 0))
        ui.emit(core::SetAttendance{n - 1});
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##runner-people-more", ui.t("board.more"), "", ImVec2(stepW, m.touch)))
        ui.emit(core::SetAttendance{std::min(kMaxTypedCount, n + 1)});
    if (m_people.refused) wrappedText(f.bodyBold, typedCountProblem(ui), p.danger, width);
}

void RunnerScreen::drawContributions(const UiContext& ui, const core::RunnerView& runner, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const auto state = runner.contributions.state;
    const int count = runner.contributions.count;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float inner = width - m.pad;
    ImGui::SetCursorScreenPos(ImVec2(a.x + m.pad * 0.5f, a.y + m.pad * 0.3f));
    ImGui::BeginGroup();
    wrappedText(f.small, ui.t("contrib_runner.heading"), p.textMuted, inner);
    // While open the facilitator sees only how many; nothing of what was written.
    const std::string status =
        state == core::ContributionState::Open
            ? ui.strings.format("contrib_runner.state_open", {{"count", std::to_string(count)}})
        : state == core::ContributionState::Revealed
            ? ui.strings.format("contrib_runner.state_revealed", {{"count", std::to_string(count)}})
        : count > 0 ? ui.strings.format("contrib_runner.count_closed", {{"count", std::to_string(count)}})
                    : ui.strings.get("contrib_runner.state_closed");
    wrappedText(f.bodyBold, status, p.text, inner);
    drawHeadCount(ui, runner, inner);
    const float bw = (inner - m.gap) * 0.5f;
    const ImVec2 b(bw, m.touch);
    if (state == core::ContributionState::Open) {
        if (actionButton(ui, "##contrib-close", ui.t("contrib_runner.close"), ui.t("contrib_runner.close_hint"), b))
            ui.emit(core::CloseContributions{});
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##contrib-write", ui.t("contrib_runner.write"), ui.t("contrib_runner.write_hint"), b,
                         ButtonKind::Primary))
            ui.emit(core::LetStaffWrite{});
    } else if (state == core::ContributionState::Closed) {
        if (actionButton(ui, "##contrib-open", ui.t("contrib_runner.open"), ui.t("contrib_runner.open_hint"), b,
                         ButtonKind::Primary, runner.contributions.stageAccepts))
            ui.emit(core::OpenContributions{});
        ImGui::SameLine(0, m.gap);
        if (actionButton(ui, "##contrib-reveal", ui.t("contrib_runner.reveal"), ui.t("contrib_runner.reveal_hint"), b,
                         ButtonKind::Secondary, count > 0))
            ui.emit(core::RevealContributions{});
    } else {
        if (actionButton(ui, "##contrib-reveal", ui.t("contrib_runner.board"), ui.t("contrib_runner.board_hint"),
                         ImVec2(inner, m.touch), ButtonKind::Primary))
            ui.emit(core::RevealContributions{});
    }
    if (const int alerts = runner.contributions.safeguardingAlerts; alerts > 0) {
        // Says that a response is needed, never which contribution or what it said.
        wrappedText(f.bodyBold,
                    std::string("! ") + (alerts == 1 ? ui.strings.get("contrib_runner.safeguarding_one")
                                                     : ui.strings.format("contrib_runner.safeguarding_many",
                                                                         {{"count", std::to_string(alerts)}})),
                    p.amber, inner);
    }
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectSize().y + m.pad * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(a, ImVec2(a.x + width, a.y + h), runner.contributions.safeguardingAlerts > 0 ? p.amber : p.border,
                12.0f * m.scale, 0, std::max(2.0f, 2.0f * m.scale));
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h + m.gap * 0.5f));
}

void RunnerScreen::drawStagePanel(const UiContext& ui, const core::RunnerView& runner,
                                  const core::SessionMachine& machine, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.background);
    ScopedChild child("##stage", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const auto& stage = machine.currentStage();
    const int index = machine.currentIndex();
    const std::int64_t remaining = machine.remainingMs(ui.now);
    const bool overtime = remaining <= 0 && machine.runState() != RunState::Ready;
    const bool paused = machine.runState() == RunState::Paused;
    const bool amber = !overtime && remaining <= kAmberMs;
    const float width = ImGui::GetContentRegionAvail().x;
    // A stage with a meeting panel (bids, actions) gives the clock less room so the panel fits below.
    const bool compact = runner.meeting.hasPanel();
    ImFont* const timerFont = compact ? f.title : f.timer;

    // Where we are, in words.
    const std::string position = ui.strings.format(
        "runner.stage_of", {{"n", std::to_string(index + 1)}, {"total", std::to_string(machine.stageCount())}});
    centredText(f.body, position, p.textMuted, width);
    centredText(f.title, stage.name, p.text, width * 0.95f);

    // The countdown. Colour is never the only signal: amber adds words, overtime adds "+" and words.
    const std::string clock = overtime ? core::formatOvertime(-remaining) : core::formatCountdown(remaining);
    const ImU32 clockColor = paused ? p.textMuted : overtime ? p.overtime : amber ? p.amber : p.text;
    {
        ScopedFont timer(timerFont);
        const float w = textWidth(timerFont, clock);
        ImGui::SetCursorPosX(std::max(0.0f, (width - w) * 0.5f));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ScopedStyleColor c(ImGuiCol_Text, clockColor);
        ImGui::TextUnformatted(clock.c_str());
        if (overtime) {
            // A dashed frame around the overtime clock: a shape that says "past time" without colour.
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float padX = 28.0f * m.scale;
            const ImVec2 a(pos.x - padX, pos.y), b(pos.x + w + padX, pos.y + timerFont->FontSize);
            const float dash = 22.0f * m.scale;
            const float thick = std::max(3.0f, 5.0f * m.scale);
            for (float x = a.x; x < b.x; x += dash * 2) {
                dl->AddLine(ImVec2(x, a.y), ImVec2(std::min(x + dash, b.x), a.y), p.overtime, thick);
                dl->AddLine(ImVec2(x, b.y), ImVec2(std::min(x + dash, b.x), b.y), p.overtime, thick);
            }
        }
    }
    const char* stateWord = paused     ? ui.t("runner.paused")
                            : overtime ? ui.t("runner.overtime")
                            : amber    ? ui.t("runner.two_minutes")
                                       : ui.t("runner.remaining");
    centredText(overtime || paused ? f.heading : f.body, stateWord,
                overtime ? p.overtime
                : amber  ? p.amber
                         : p.textMuted,
                width);

    // Progress through the stage's allowed time.
    const float barW = width * 0.8f;
    ImGui::SetCursorPosX((width - barW) * 0.5f);
    const auto allowed = static_cast<float>(std::max<std::int64_t>(1, machine.allowedMs(index)));
    const float fraction = static_cast<float>(machine.elapsedMs(index, ui.now)) / allowed;
    progressBar(ImVec2(barW, std::max(10.0f, 16.0f * m.scale)), fraction,
                overtime ? p.overtime
                : amber  ? p.amber
                         : p.accent,
                p.surfaceRaised, 8.0f * m.scale);

    ImGui::Dummy(ImVec2(0, compact ? m.gap * 0.3f : m.gap));
    if (!stage.prompt.empty()) centredText(compact ? f.body : f.heading, stage.prompt, p.text, width * 0.92f);
    m_meeting.draw(ui, runner, ImGui::GetContentRegionAvail());
}

void RunnerScreen::drawSidePanel(const UiContext& ui, const core::SessionMachine& machine, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 0.7f, m.pad * 0.6f));
    ScopedStyleColor bg(ImGuiCol_ChildBg, p.surface);
    ScopedChild child(
        "##side", size, false,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float width = ImGui::GetContentRegionAvail().x;
    const auto& stage = machine.currentStage();
    const auto& tmpl = machine.plan().tmpl();

    // The facilitator's line: small enough not to compete with the prompt, clear enough to read standing.
    if (!stage.guidance.empty()) {
        wrappedText(f.small, ui.t("runner.guidance"), p.textMuted, width);
        wrappedText(f.body, stage.guidance, p.text, width);
        ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    }
    if (machine.currentIndex() == 0 && !tmpl.agreements.empty()) {
        wrappedText(f.small, ui.t("runner.agreements"), p.textMuted, width);
        ScopedFont font(f.small);
        for (const auto& a : tmpl.agreements) {
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddCircleFilled(
                ImVec2(pos.x + 6.0f * m.scale, pos.y + f.small->FontSize * 0.55f), 4.0f * m.scale, p.accent);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 20.0f * m.scale);
            wrappedText(f.small, a, p.text, width - 20.0f * m.scale);
        }
        ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    }

    // The timeline: every stage with what was planned and what happened.
    wrappedText(f.small, ui.t("runner.timeline"), p.textMuted, width);
    const float footerH = f.bodyBold->FontSize + f.small->FontSize + ImGui::GetStyle().ItemSpacing.y * 3;
    const float listH = std::max(ImGui::GetContentRegionAvail().y - footerH, f.body->FontSize * 2);
    {
        ScopedStyleColor listBg(ImGuiCol_ChildBg, p.surface);
        ScopedStyleVar noPad(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ScopedChild list("##timeline", ImVec2(width, listH), false, 0);
        const float listW = ImGui::GetContentRegionAvail().x;  // less the scrollbar when the list is long
        const float rowH = f.small->FontSize * 1.55f;
        for (int i = 0; i < machine.stageCount(); ++i) {
            const auto& s = machine.plan().stages()[static_cast<std::size_t>(i)];
            const bool current = i == machine.currentIndex();
            const bool done = machine.progress(i).entered && i < machine.currentIndex();
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float r = f.small->FontSize * 0.28f;
            const ImVec2 centre(pos.x + r + 4.0f, pos.y + rowH * 0.5f);
            if (current) {
                dl->AddRectFilled(pos, ImVec2(pos.x + listW - 4.0f, pos.y + rowH), p.surfaceRaised, 8.0f * m.scale);
                dl->AddTriangleFilled(ImVec2(centre.x - r, centre.y - r * 1.2f),
                                      ImVec2(centre.x - r, centre.y + r * 1.2f), ImVec2(centre.x + r * 1.3f, centre.y),
                                      p.accent);
            } else if (done) {
                dl->AddCircleFilled(centre, r, p.textMuted);
            } else {
                dl->AddCircle(centre, r, p.textMuted, 0, 2.0f);
            }
            const std::int64_t actual = machine.elapsedMs(i, ui.now);
            std::string right = core::formatMinutes(s.plannedMs);
            if (done || current) right = core::formatMinutes(actual) + " / " + right;
            const float rightW = textWidth(f.small, right);
            const float nameX = pos.x + r * 2 + 16.0f;
            const std::string name = fitText(f.small, s.name, listW - (nameX - pos.x) - rightW - 20.0f);
            const ImU32 nameColor = current ? p.text : done ? p.textMuted : p.text;
            const float textY = pos.y + (rowH - f.small->FontSize) * 0.5f;
            dl->AddText(f.small, f.small->FontSize, ImVec2(nameX, textY), nameColor, name.c_str());
            const bool over = (done || current) && actual > machine.allowedMs(i);
            dl->AddText(f.small, f.small->FontSize, ImVec2(pos.x + listW - rightW - 12.0f, textY),
                        over ? p.overtime : p.textMuted, right.c_str());
            ImGui::Dummy(ImVec2(listW, rowH));
            if (current && m_lastScrolledStage != i) {
                ImGui::SetScrollHereY(0.35f);
                m_lastScrolledStage = i;
            }
        }
    }
    const auto finish = ui.wallNow + machine.msToProjectedFinish(ui.now);
    wrappedText(f.bodyBold, ui.strings.format("runner.projected_end", {{"time", core::formatTimeOfDay(finish)}}),
                p.text, width);
    if (machine.currentIndex() + 1 < machine.stageCount()) {
        const auto& next = machine.plan().stages()[static_cast<std::size_t>(machine.currentIndex() + 1)];
        wrappedText(f.small, ui.strings.format("runner.next_up", {{"stage", next.name}}), p.textMuted, width);
    } else {
        wrappedText(f.small, ui.t("runner.last_stage"), p.textMuted, width);
    }
}

void RunnerScreen::drawControls(const UiContext& ui, const core::SessionMachine& machine, ImVec2 size) {
    const Metrics& m = ui.theme.metrics;
    const bool running = machine.runState() == RunState::Running;
    constexpr int kButtons = 7;
    const float gap = m.gap;
    const float w = (size.x - gap * (kButtons - 1)) / kButtons;
    const ImVec2 b(w, m.touch);
    if (actionButton(ui, "##home", ui.t("runner.home"), ui.t("runner.key_home"), b, ButtonKind::Quiet))
        ui.emit(core::GoHome{});
    ImGui::SameLine(0, gap);
    if (actionButton(ui, "##back", ui.t("runner.back"), ui.t("runner.key_back"), b, ButtonKind::Secondary,
                     machine.canApply(SessionOp::Back)))
        send(ui, SessionOp::Back);
    ImGui::SameLine(0, gap);
    if (actionButton(ui, "##pause", running ? ui.t("runner.pause") : ui.t("runner.resume"), ui.t("runner.key_pause"), b,
                     ButtonKind::Secondary))
        send(ui, running ? SessionOp::Pause : SessionOp::Resume);
    ImGui::SameLine(0, gap);
    if (actionButton(ui, "##ext1", ui.t("runner.extend1"), ui.t("runner.key_extend1"), b)) send(ui, SessionOp::Extend1);
    ImGui::SameLine(0, gap);
    if (actionButton(ui, "##ext5", ui.t("runner.extend5"), ui.t("runner.key_extend5"), b)) send(ui, SessionOp::Extend5);
    ImGui::SameLine(0, gap);
    const bool hasNext = machine.canApply(SessionOp::Next);
    if (actionButton(ui, "##next", ui.t("runner.next"), ui.t("runner.key_next"), b, ButtonKind::Primary, hasNext))
        send(ui, SessionOp::Next);
    ImGui::SameLine(0, gap);
    if (actionButton(ui, "##end", ui.t("runner.end"), ui.t("runner.key_end"), b,
                     hasNext ? ButtonKind::Danger : ButtonKind::Primary))
        m_confirmEnd = true;
}

void RunnerScreen::drawEndConfirm(const UiContext& ui) {
    if (!m_confirmEnd) return;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    // The key that opened the question must not also answer it in the same frame.
    const bool justOpened = !ImGui::IsPopupOpen("##confirm-end");
    if (justOpened) ImGui::OpenPopup("##confirm-end");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 size(std::min(display.x * 0.6f, 1100.0f * m.scale), 0);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size);
    ScopedStyleVar pad(ImGuiStyleVar_WindowPadding, ImVec2(m.pad, m.pad));
    ScopedStyleVar border(ImGuiStyleVar_PopupBorderSize, std::max(2.0f, 3.0f * m.scale));
    ScopedStyleColor borderColor(ImGuiCol_Border, p.border);
    if (!ImGui::BeginPopupModal("##confirm-end", nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    wrappedText(f.heading, ui.t("confirm.end_title"), p.text, width);
    wrappedText(f.body, ui.t("confirm.end_body"), p.textMuted, width);
    ImGui::Dummy(ImVec2(0, m.gap));
    const float bw = (width - m.gap) * 0.5f;
    bool close = false;
    // The safe answer is the default: Enter and Esc keep the session going; ending takes E again or a tap on End.
    if (actionButton(ui, "##keep", ui.t("confirm.end_no"), ui.t("confirm.end_no_hint"), ImVec2(bw, m.touch),
                     ButtonKind::Primary) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
        close = true;
    ImGui::SameLine(0, m.gap);
    if (actionButton(ui, "##yes", ui.t("confirm.end_yes"), ui.t("confirm.end_yes_hint"), ImVec2(bw, m.touch),
                     ButtonKind::Danger) ||
        (!justOpened && !close && charTyped('e'))) {
        send(ui, SessionOp::End);
        close = true;
    }
    if (close) {
        m_confirmEnd = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace reflect::ui
