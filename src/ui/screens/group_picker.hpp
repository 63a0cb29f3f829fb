// GroupPicker: the set-up row that says which group is meeting, and creates a new group inline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class GroupPicker {
public:
    /// Draws in the current width; `format` is the chosen template's, given to a new group.
    void draw(const UiContext& ui, const core::SetupView& setup, const std::string& format);
    [[nodiscard]] std::optional<std::int64_t> selected() const noexcept { return m_selected; }
    void reset();

private:
    std::optional<std::int64_t> m_selected;
    std::optional<std::int64_t> m_seenCreated;
    std::string m_newName;
};

}  // namespace reflect::ui
