// SetupScreen: choose a format, name the session, set the panellist count and the minutes, then start.
#pragma once

#include <map>
#include <string>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/screens/group_picker.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class SetupScreen {
public:
    void draw(const UiContext& ui, const core::SetupView& setup);
    /// Forget the last choices (after a session started, or when returning home).
    void reset();
    [[nodiscard]] int selectedIndex() const noexcept { return m_selected; }
    [[nodiscard]] const core::PlanChoices& choices() const noexcept { return m_choices; }

private:
    void drawTemplateList(const UiContext& ui, const core::TemplateSet& set, ImVec2 size);
    void drawDetails(const UiContext& ui, const core::SetupView& setup, const core::SessionTemplate& tmpl, ImVec2 size);
    void select(int index, const core::TemplateSet& set);

    int m_selected = 0;
    std::string m_selectedId;
    core::PlanChoices m_choices;
    GroupPicker m_groups;
};

}  // namespace reflect::ui
