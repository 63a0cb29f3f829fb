// SummaryScreen: what each stage planned and took, and the overall overrun, after a session ends.
#pragma once

#include <optional>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class SummaryScreen {
public:
    void draw(const UiContext& ui, const std::optional<core::SessionSummary>& summary);
};

}  // namespace reflect::ui
