// Theme: the calm and the high-contrast palettes, the font set and the one place sizes are scaled.
#pragma once

#include <string>

#include <imgui.h>

namespace reflect::ui {

/// Colours by role, never by widget, so both themes stay consistent.
struct Palette {
    ImU32 background;
    ImU32 surface;        ///< cards and panels
    ImU32 surfaceRaised;  ///< hovered card, selected row
    ImU32 border;
    ImU32 text;
    ImU32 textMuted;
    ImU32 accent;      ///< the one obvious next action
    ImU32 accentText;  ///< text on the accent colour
    ImU32 focus;       ///< keyboard focus ring and selection outline
    ImU32 amber;       ///< two minutes or less left
    ImU32 overtime;    ///< past the planned time (always paired with a "+" and the word)
    ImU32 danger;      ///< ending a session, failures
    ImU32 good;        ///< saved, done
};

[[nodiscard]] Palette calmPalette();
[[nodiscard]] Palette highContrastPalette();

/// The fonts the screens use. Pointers into the ImGui font atlas, which owns them.
struct FontSet {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* timer = nullptr;  ///< digits only, at least a quarter of the screen height
};

struct FontFiles {
    std::string regular;
    std::string bold;
    std::string symbols;  ///< merged in for arrows, minus and tick
};

/// Finds a legible sans-serif from Debian's font packages (Noto Sans, then DejaVu Sans); empty if none.
[[nodiscard]] FontFiles findSystemFonts();

/// Pixel sizes for one screen. Derived from the framebuffer height so a 4K panel or a HiDPI laptop gets
/// proportionally larger glyphs, then multiplied by the user's --scale.
struct Metrics {
    float scale = 1.0f;  ///< 1.0 at 1080 physical pixels high
    float small = 24;
    float body = 32;
    float heading = 46;
    float title = 64;
    float timer = 270;
    float pad = 24;    ///< outer margin
    float gap = 16;    ///< between widgets
    float touch = 72;  ///< button height; never below 48 physical pixels
    [[nodiscard]] static Metrics forScreen(float framebufferHeight, float userScale);
};

/// Builds the font atlas for these metrics. Replaces whatever the atlas held.
FontSet buildFonts(ImFontAtlas& atlas, const FontFiles& files, const Metrics& metrics);

/// Sets ImGui's style from the palette and metrics (rounding, padding, colours).
void applyStyle(ImGuiStyle& style, const Palette& palette, const Metrics& metrics);

struct Theme {
    Palette palette = calmPalette();
    Metrics metrics;
    FontSet fonts;
    bool highContrast = false;
};

}  // namespace reflect::ui
