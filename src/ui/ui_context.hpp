// UiContext: what every screen receives for one frame: texts, theme, the time as a value, and the command queue.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/clock.hpp"
#include "core/kiosk/commands.hpp"
#include "core/text/string_table.hpp"
#include "ui/theme.hpp"

namespace reflect::ui {

/// Where each named control was drawn this frame. Only tests ask for it, to click like a person would.
using HitMap = std::map<std::string, ImVec4>;  // x, y, width, height

struct UiContext {
    const core::StringTable& strings;
    const Theme& theme;
    core::SteadyMs now = 0;
    core::WallMs wallNow = 0;
    std::vector<core::Command>& commands;
    HitMap* hits = nullptr;
    /// A physical key has been pressed since start-up or since the last touch or click without one: only then
    /// do screens print keyboard hints such as "Press Tab to start typing" (a touch screen never sends keys).
    bool keyboardSeen = false;

    [[nodiscard]] const char* t(std::string_view key) const { return strings.get(key).c_str(); }
    void emit(core::Command c) const { commands.push_back(std::move(c)); }
};

}  // namespace reflect::ui
