// Widgets: the kiosk's own large, calm controls drawn over ImGui, and keyboard helpers.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/ui_context.hpp"

namespace reflect::ui {

enum class ButtonKind { Primary, Secondary, Quiet, Danger };

/// A large button with its keyboard shortcut printed under the label ("Next  ·  N").
/// Always at least 48 physical pixels tall. Returns true when clicked or activated from the keyboard.
bool actionButton(const UiContext& ui, const char* id, std::string_view label, std::string_view keyHint, ImVec2 size,
                  ButtonKind kind = ButtonKind::Secondary, bool enabled = true);

/// Text centred in the available width, wrapped at `wrapWidth`.
void centredText(ImFont* font, std::string_view text, ImU32 color, float wrapWidth);
/// Wrapped text in one colour.
void wrappedText(ImFont* font, std::string_view text, ImU32 color, float wrapWidth);

/// Width of `text` in `font`, unwrapped.
[[nodiscard]] float textWidth(ImFont* font, std::string_view text);

/// Shortens `text` to fit `width`, ending with an ellipsis (ImGui 1.86 cannot do it); cuts whole UTF-8 characters.
[[nodiscard]] std::string fitText(ImFont* font, const std::string& text, float width);

/// A tick mark drawn as lines, so no font needs the glyph.
void drawTick(ImVec2 topLeft, float size, ImU32 color, float thickness);

/// A horizontal bar: filled part in `fill`, rest in `track`; fraction is clamped to 0..1.
void progressBar(ImVec2 size, float fraction, ImU32 fill, ImU32 track, float rounding);

/// A rounded panel behind what follows, drawn on the window's draw list.
void panelBackground(ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding, float borderWidth);

/// The idle countdown's calm amber-bordered bar at `min` with `text` in bold, registered under `hitId` for tests.
void countdownBanner(const UiContext& ui, const char* hitId, ImVec2 min, ImVec2 size, const std::string& text);

/// Keyboard: only when no text box has the keyboard, so typing never triggers a shortcut.
[[nodiscard]] bool shortcutsAllowed();
[[nodiscard]] bool keyPressed(ImGuiKey key);
/// A printable character typed this frame, matched without regard to case for letters.
[[nodiscard]] bool charTyped(char c);

}  // namespace reflect::ui
