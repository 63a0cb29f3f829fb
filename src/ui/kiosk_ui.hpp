// KioskUi: the one full-screen window; shows the controller's screen, its message and any dialog, and
// collects what the person asked for as commands.
#pragma once

#include <string>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/support/signposts.hpp"
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
#include "ui/theme.hpp"

namespace reflect::ui {

struct UiTexts {
    const core::StringTable& strings;
    const core::SignpostList& signposts;
    std::string organisation;
    const core::Scrubber& scrubber;  ///< shows a writer what will be removed, as they type
};

class KioskUi {
public:
    explicit KioskUi(UiTexts texts) : m_texts(std::move(texts)) {}

    /// Draws one frame between ImGui::NewFrame() and ImGui::Render(). Commands are appended to `out`.
    void draw(const core::KioskView& kiosk, const Theme& theme, core::SteadyMs now, core::WallMs wallNow,
              std::vector<core::Command>& out);

    [[nodiscard]] SetupScreen& setup() noexcept { return m_setup; }
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

private:
    void drawMessage(const UiContext& ui, const std::string& message);
    [[nodiscard]] static bool anyInput();

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
    PinSetupDialog m_pinSetup;
    core::Screen m_lastScreen = core::Screen::Home;
    HitMap* m_hits = nullptr;
};

}  // namespace reflect::ui
