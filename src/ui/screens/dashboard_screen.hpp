// DashboardScreen: the lead review. Filters, one panel at a time (keys 1..8), each chart with its table, the
// export strip, the idle-lock countdown, and a tag's quotes opened from the themes table (tap, or arrows and Enter).
// Reads the controller's DashboardView; never touches the database.
#pragma once

#include <string>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class DashboardScreen {
public:
    /// On unlock: the search box shows the controller's query (empty after an unlock) and the default export folder.
    void reset(const core::KioskView& kiosk);
    void draw(const UiContext& ui, const core::KioskView& kiosk);

private:
    void drawTopBar(const UiContext& ui, const core::KioskView& kiosk);
    void drawFilters(const UiContext& ui, const core::DashboardView& view);
    /// The custom range: first and last month with ◀ ▶ steppers, and the range the figures actually cover.
    void drawCustomRange(const UiContext& ui, const core::DashboardView& view);
    void drawTabs(const UiContext& ui, const core::DashboardView& view);
    void drawExport(const UiContext& ui, const core::KioskView& kiosk);
    void drawPanel(const UiContext& ui, const core::DashboardView& view);
    void drawSessions(const UiContext& ui, const core::DashboardView& view, float width);
    void drawThemes(const UiContext& ui, const core::DashboardView& view, float width);
    void drawSearch(const UiContext& ui, const core::DashboardView& view, float width);
    void drawActions(const UiContext& ui, const core::DashboardView& view, float width);
    void drawEvaluations(const UiContext& ui, const core::DashboardView& view, float width);
    void drawTiming(const UiContext& ui, const core::DashboardView& view, float width);
    void drawChecklist(const UiContext& ui, const core::DashboardView& view, float width);
    void drawAudit(const UiContext& ui, const core::DashboardView& view, float width);
    /// The staff groups named on the forms, under the ratings: "% of forms (n)", '*' where hidden.
    void drawStaffGroups(const UiContext& ui, const core::DashboardView& view, float width);
    /// A tag's quotes over the dashboard: up to three, each with its month and group only, and Close.
    void drawQuotes(const UiContext& ui, const core::DashboardView& view);
    /// Shortcut keys are free: no text box has the keyboard and no quotes are open over the panel.
    [[nodiscard]] bool keysFree() const;

    std::string m_query;
    std::string m_folder;
    bool m_exportOpen = false;
    bool m_focusSearch = false;
    bool m_quotesOpen = false;  ///< this frame: the quotes panel is over the dashboard
    int m_themeRow = -1;        ///< the themes table row chosen with the arrow keys (-1: none yet)
    bool m_scrollToRow = false;
};

}  // namespace reflect::ui
