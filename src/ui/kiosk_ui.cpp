// KioskUi implementation.
#include "ui/kiosk_ui.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

bool KioskUi::anyInput() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f)
        return true;
    if (io.InputQueueCharacters.Size > 0) return true;
    for (int b = 0; b < IM_ARRAYSIZE(io.MouseDown); ++b)
        if (io.MouseDown[b]) return true;
    for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k)
        if (io.KeysDown[k]) return true;
    return false;
}

void KioskUi::drawMessage(const UiContext& ui, const std::string& message) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonW = std::max(160.0f * m.scale, 48.0f);
    const float textW = width - buttonW - m.pad * 1.5f;
    const float textH = f.body->CalcTextSizeA(f.body->FontSize, 1e9f, textW, message.c_str()).y;
    const float h = std::max(m.touch, textH) + m.gap;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    panelBackground(a, ImVec2(a.x + width, a.y + h), p.surfaceRaised, p.amber, 12.0f * m.scale,
                    std::max(2.0f, 3.0f * m.scale));
    ImGui::SetCursorScreenPos(ImVec2(a.x + m.pad * 0.5f, a.y + (h - textH) * 0.5f));
    wrappedText(f.body, message, p.text, textW);
    ImGui::SetCursorScreenPos(ImVec2(a.x + width - buttonW - m.gap * 0.5f, a.y + (h - m.touch) * 0.5f));
    if (actionButton(ui, "##dismiss", ui.t("errors.dismiss"), "", ImVec2(buttonW, m.touch)))
        ui.emit(core::DismissMessage{});
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h + m.gap));
}

namespace {

/// A key that works a console control (a meeting panel's letters and digits, Tab into a text box, Enter)
/// rather than one of the runner's keys, which also work on the room view.
bool consoleKeyTyped() {
    if (!shortcutsAllowed()) return false;
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        const char lower = c < 128 ? static_cast<char>(std::tolower(static_cast<int>(c))) : '\0';
        if (lower == '\0' || std::string_view(" nbe=+howrv").find(lower) == std::string_view::npos) return true;
    }
    return keyPressed(ImGuiKey_Tab) || keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter);
}

}  // namespace

bool KioskUi::roomThisFrame(const core::KioskView& kiosk, core::SteadyMs now) {
    if (m_surfaces == Surfaces::Console) return false;
    if (m_surfaces == Surfaces::Room) return true;
    // PIN pads and the end-of-session question belong to the console: asking for one brings the console up.
    const bool consoleNeeded = kiosk.pads.anyOpen() || m_runner.confirmingEnd();
    // V is the one key no console control uses, so it can flip both ways without doing anything else.
    const bool flipKey = charTyped('v');
    if (!m_flipped) {
        if (flipKey || consoleNeeded || consoleKeyTyped()) {
            m_flipped = true;
            m_lastTouch = now;
            // A console key is delivered to the console this very frame, so pressing it once is enough.
            return flipKey;
        }
        return true;
    }
    if (flipKey && !consoleNeeded) {
        m_flipped = false;
        return true;
    }
    if (consoleNeeded || anyInput()) m_lastTouch = now;
    // Timed from the injected clock, so the flip back is the same in a test as in a room.
    if (now - m_lastTouch >= kConsoleFlipBackMs) m_flipped = false;
    return !m_flipped;
}

std::int64_t KioskUi::msUntilNextChange(core::SteadyMs now) const noexcept {
    std::int64_t wake = -1;
    if (m_surfaces == Surfaces::SingleScreen && m_flipped && m_lastScreen == core::Screen::Runner)
        wake = std::max<std::int64_t>(0, m_lastTouch + kConsoleFlipBackMs - now);
    if (m_showingRoom && m_room.paging()) {
        const std::int64_t page = kRoomPageMs - now % kRoomPageMs;
        if (wake < 0 || page < wake) wake = page;
    }
    return wake;
}

void KioskUi::drawRoom(const UiContext& ui, const core::KioskView& kiosk) {
    const Metrics& m = ui.theme.metrics;
    m_room.draw(ui, kiosk.runner, kiosk.phone);
    if (m_surfaces != Surfaces::SingleScreen) return;
    // Said on screen, so a facilitator who has never seen the kiosk knows how to reach the controls.
    const ImVec2 size(std::max(420.0f * m.scale, 48.0f), m.touch);
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMin().x, ImGui::GetWindowContentRegionMax().y - size.y));
    if (actionButton(ui, "##facilitator-view", ui.t("room.facilitator_view"), "", size, ButtonKind::Quiet)) {
        m_flipped = true;
        m_lastTouch = ui.now;
    }
}

void KioskUi::noteInputKind() {
    const ImGuiIO& io = ImGui::GetIO();
    bool key = io.InputQueueCharacters.Size > 0;
    for (int i = 0; i < IM_ARRAYSIZE(io.KeysDown) && !key; ++i) key = io.KeysDown[i] && io.KeysDownDuration[i] == 0.0f;
    bool pointer = false;
    for (int b = 0; b < IM_ARRAYSIZE(io.MouseClicked); ++b) pointer = pointer || io.MouseClicked[b];
    // A touch screen never sends a key: a tap with no key since leaves the keyboard hints off again.
    if (key)
        m_keyboardSeen = true;
    else if (pointer)
        m_keyboardSeen = false;
}

void KioskUi::draw(const core::KioskView& kiosk, const Theme& theme, core::SteadyMs now, core::WallMs wallNow,
                   std::vector<core::Command>& out) {
    if (m_hits) m_hits->clear();
    noteInputKind();
    const UiContext ui{m_texts.strings, theme, now, wallNow, out, m_hits, m_keyboardSeen};
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const core::Screen screen = kiosk.screen;
    if (screen != m_lastScreen) {
        if (screen == core::Screen::Setup) m_setup.reset();
        // Leaving the contribute screen by any route wipes the draft; the board starts with nothing selected.
        if (m_lastScreen == core::Screen::Contribute) m_contribute.wipe();
        if (screen == core::Screen::Board) m_board.reset();
        if (screen == core::Screen::Checklist) m_checklist.reset();
        if (m_lastScreen == core::Screen::Tally) m_tally.reset();
        if (screen == core::Screen::Dashboard) m_dashboard.reset(kiosk);
        m_lastScreen = screen;
        m_flipped = false;
    }
    m_showingRoom = screen == core::Screen::Runner && roomThisFrame(kiosk, now);
    // The pairing code is the console's runner's alone: when a single screen goes back to the room view, or the
    // screen becomes another (the contribute screen is the staff's), it is put away.
    if (kiosk.phone.pairingShown && (m_showingRoom || screen != core::Screen::Runner)) ui.emit(core::HidePairingCode{});
    // The runner is driven by single keys (Space, N, B, +, E); ImGui's own keyboard navigation would fight them.
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                             // glClear already paints the background colour; a second full-screen fill
                             // costs a third of a running timer's CPU under software GL.
                             ImGuiWindowFlags_NoBackground;
    // The dashboard likewise: its arrow keys and Enter choose and open a tag's quotes.
    if (screen == core::Screen::Runner || screen == core::Screen::Board || screen == core::Screen::Dashboard)
        flags |= ImGuiWindowFlags_NoNavInputs;
    ScopedWindow window("##kiosk", flags);

    // The room view never carries admin or safe-mode messages: they wait for the console.
    if (!kiosk.message.empty() && !m_showingRoom) drawMessage(ui, kiosk.message);
    if (m_surfaces == Surfaces::Room && screen == core::Screen::Board && kiosk.board.wall.enabled) {
        // After the reveal the room reads the cards a few at a time; grouping stays on the console.
        m_room.drawWall(ui, kiosk.board.wall, false);
        return;
    }
    if (m_surfaces == Surfaces::Room && screen != core::Screen::Runner) {
        // Between sessions the room's display shows only who runs the kiosk; everything else is on the console.
        ImGui::SetCursorPosY(ImGui::GetContentRegionAvail().y * 0.4f);
        centredText(theme.fonts.title, m_texts.organisation, theme.palette.textMuted, 1e9f);
        return;
    }
    const bool dialogOpen = kiosk.pads.exitOpen || kiosk.pads.pairOpen || m_runner.confirmingEnd() ||
                            (screen == core::Screen::Runner && kiosk.phone.pairingShown);
    // Esc means "back" on the board, and belongs to the text box on the contribute screen.
    if (!dialogOpen && screen != core::Screen::Setup && screen != core::Screen::Signposts &&
        screen != core::Screen::Contribute && screen != core::Screen::Board && screen != core::Screen::Checklist &&
        screen != core::Screen::Dashboard && screen != core::Screen::Tally && !kiosk.pads.leadOpen &&
        !kiosk.pads.tallyOpen && !kiosk.pads.setup.open &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && shortcutsAllowed())
        ui.emit(core::RequestExit{});

    switch (screen) {
        case core::Screen::Home:
            m_home.draw(ui, kiosk.home, kiosk.pads, m_texts.organisation);
            break;
        case core::Screen::Setup:
            m_setup.draw(ui, kiosk.setup);
            break;
        case core::Screen::Runner:
            if (m_showingRoom) {
                if (m_surfaces == Surfaces::SingleScreen) m_runner.handleShortcuts(ui, kiosk.runner);
                drawRoom(ui, kiosk);
            } else {
                m_runner.draw(ui, kiosk.runner, kiosk.phone);
            }
            break;
        case core::Screen::Summary:
            m_summary.draw(ui, kiosk.summary);
            break;
        case core::Screen::Signposts:
            m_signposts.draw(ui, m_texts.signposts);
            break;
        case core::Screen::Contribute:
            m_contribute.draw(ui, kiosk.runner, m_texts.scrubber, m_texts.signposts);
            break;
        case core::Screen::Board:
            if (kiosk.board.wall.console)
                m_room.drawWall(ui, kiosk.board.wall, true);
            else
                m_board.draw(ui, kiosk.board);
            break;
        case core::Screen::Checklist:
            m_checklist.draw(ui, kiosk.checklist);
            break;
        case core::Screen::Dashboard:
            m_dashboard.draw(ui, kiosk);
            break;
        case core::Screen::Tally:
            m_tally.draw(ui, kiosk.tally);
            break;
    }
    // Any touch, click, wheel or key on the lead review restarts its idle lock.
    if (screen == core::Screen::Dashboard && anyInput()) ui.emit(core::LeadActivity{});
    // The same for an open PIN pad: it closes itself (wiping what was typed) only when left alone.
    if (kiosk.pads.anyOpen() && anyInput()) ui.emit(core::PinPadActivity{});
    // No PIN pad is ever drawn over the room view; on a single screen an open pad brings the console up.
    if (m_showingRoom) return;
    const std::int64_t padIdle = kiosk.pads.idleRemainingMs(now);
    m_pinSetup.draw(ui, kiosk.pads);
    m_leadPin.draw(ui, kiosk.pads.leadOpen, kiosk.pads.leadMessage, PinPurpose::Lead, padIdle);
    m_pairPin.draw(ui, kiosk.pads.pairOpen, kiosk.pads.pairMessage, PinPurpose::Pair, padIdle);
    m_pin.draw(ui, kiosk.pads.exitOpen, kiosk.pads.exitMessage, PinPurpose::Exit, padIdle);
    m_tallyPin.draw(ui, kiosk.pads.tallyOpen, kiosk.pads.tallyMessage, PinPurpose::Tally, padIdle);
}

}  // namespace reflect::ui
