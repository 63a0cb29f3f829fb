// ChecklistScreen: a group rates how well it lives each peer-support principle, beside its previous check.
#pragma once

#include <string>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class ChecklistScreen {
public:
    void draw(const UiContext& ui, const core::ChecklistView& view);
    void reset();

private:
    void drawForm(const UiContext& ui, const core::ChecklistView& view, const core::Checklist* previous, ImVec2 size);
    void drawResult(const UiContext& ui, const core::ChecklistView& view, ImVec2 size);

    std::vector<core::PrincipleAnswer> m_answers;
    std::vector<bool> m_rated;
    int m_seenSaved = 0;
    bool m_showResult = false;
};

}  // namespace reflect::ui
