// OpeningScreen: the calm first frame while the database is opened and checked, so the screen is never blank.
#pragma once

#include "core/text/string_table.hpp"
#include "ui/theme.hpp"

namespace reflect::ui {

/// Draws the app's name and "Opening..." centred on the whole window, between NewFrame and Render.
void drawOpeningScreen(const Theme& theme, const core::StringTable& strings);

}  // namespace reflect::ui
