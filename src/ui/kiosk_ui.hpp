// KioskUi: one full-screen window's surface (the console, the room view, or both on a single screen by turns);
// shows the controller's screen, its message and any dialog, and collects what the person asked for as commands.
#pragma once

#include <string>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/support/signposts.hpp"
#include "ui/room/room_view.hpp"
#include "ui/screens/board_screen.hpp"
#include "ui/screens/checklist_screen.hpp"
#include "ui/screens/contribute_screen.hpp"
#include "ui/screens/dashboard_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/pin_dialog.hpp"
#include "ui/screens/runner_screen.hpp"
#include "ui/screens/setup_screen.hpp"
#include "ui/screens/signposts_screen.hpp"
#include "ui/screens/summary_screen.hpp"
#include "ui/screens/tally_screen.hpp"
#include "ui/theme.hpp"

namespace reflect::ui {

struct UiTexts {
    const core::StringTable& strings;
    const core::SignpostList& signposts;
    std::string organisation;
    const core::Scrubber& scrubber;  ///< shows a writer what will be removed, as they type
};

/// What a window shows. Console: everything (a second display, and the tests of the console's screens).
/// Room: the room view while a session runs. SingleScreen: the room view, flipped to the console on request.
enum class Surfaces { Console, Room, SingleScreen };

/// On a single screen the console goes back to the room view after this long without a touch or a key.
inline constexpr std::int64_t kConsoleFlipBackMs = 15'000;

class KioskUi {
public:
    explicit KioskUi(UiTexts texts) : m_texts(std::move(texts)) {}

    /// Draws one frame between ImGui::NewFrame() and ImGui::Render(). Commands are appended to `out`.
    void draw(const core::KioskView& kiosk, const Theme& theme, core::SteadyMs now, core::WallMs wallNow,
              std::vector<core::Command>& out);

    [[nodiscard]] SetupScreen& setup() noexcept { return m_setup; }
    void setSurfaces(Surfaces surfaces) noexcept { m_surfaces = surfaces; }
    [[nodiscard]] Surfaces surfaces() const noexcept { return m_surfaces; }
    /// True when the last frame drew the room view rather than the console.
    [[nodiscard]] bool showingRoom() const noexcept { return m_showingRoom; }
    /// Milliseconds until the single screen flips back to the room view by itself (or an agreements page turns);
    /// -1 when nothing of this kind is pending.
    [[nodiscard]] std::int64_t msUntilNextChange(core::SteadyMs now) const noexcept;
    [[nodiscard]] RoomView& room() noexcept { return m_room; }
    /// True once a physical key was pressed, until a touch or click without one (keyboard hints show only then).
    [[nodiscard]] bool keyboardSeen() const noexcept { return m_keyboardSeen; }
    /// Tests pass a map to learn where each control was drawn; nullptr (the default) records nothing.
    void setHitRecorder(HitMap* hits) noexcept { m_hits = hits; }
    [[nodiscard]] RunnerScreen& runner() noexcept { return m_runner; }
    [[nodiscard]] ContributeScreen& contribute() noexcept { return m_contribute; }
    [[nodiscard]] const ContributeScreen& contribute() const noexcept { return m_contribute; }
    [[nodiscard]] BoardScreen& board() noexcept { return m_board; }
    /// The PIN pads' typed digits, for tests that check they were wiped.
    [[nodiscard]] const PinDialog& exitPad() const noexcept { return m_pin; }
    [[nodiscard]] const PinDialog& leadPad() const noexcept { return m_leadPin; }
    [[nodiscard]] const PinSetupDialog& pinSetupPad() const noexcept { return m_pinSetup; }
    [[nodiscard]] const PinDialog& tallyPad() const noexcept { return m_tallyPin; }
    [[nodiscard]] TallyScreen& tally() noexcept { return m_tally; }

private:
    void drawMessage(const UiContext& ui, const std::string& message);
    /// Decides, for a running session, whether this frame shows the room view; handles the flip key and time-out.
    [[nodiscard]] bool roomThisFrame(const core::KioskView& kiosk, core::SteadyMs now);
    void drawRoom(const UiContext& ui, const core::KioskView& kiosk);
    [[nodiscard]] static bool anyInput();
    /// Keeps m_keyboardSeen: set by any key or typed character, cleared by a touch or click without one.
    void noteInputKind();

    UiTexts m_texts;
    HomeScreen m_home;
    SetupScreen m_setup;
    RunnerScreen m_runner;
    SummaryScreen m_summary;
    SignpostsScreen m_signposts;
    PinDialog m_pin;
    ContributeScreen m_contribute;
    BoardScreen m_board;
    ChecklistScreen m_checklist;
    DashboardScreen m_dashboard;
    PinDialog m_leadPin;
    PinDialog m_tallyPin;
    TallyScreen m_tally;
    PinDialog m_pairPin;
    PinSetupDialog m_pinSetup;
    RoomView m_room;
    core::Screen m_lastScreen = core::Screen::Home;
    Surfaces m_surfaces = Surfaces::Console;
    bool m_flipped = false;          ///< single screen: the console is showing for a moment
    core::SteadyMs m_lastTouch = 0;  ///< single screen: the last input while flipped
    bool m_showingRoom = false;
    bool m_roomPaging = false;
    /// A physical key was pressed since start-up or since the last touch or click without one (UiContext).
    bool m_keyboardSeen = false;
    HitMap* m_hits = nullptr;
};

}  // namespace reflect::ui
