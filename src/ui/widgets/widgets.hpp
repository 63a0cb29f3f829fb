// Widgets: the kiosk's own large, calm controls drawn over ImGui, and keyboard helpers.
#pragma once

#include <optional>
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

/// A head count that can be typed as well as stepped (a Round of 63 is not 63 taps): the board, a set's close and
/// the runner's console share it. The number is sent once, on Enter or when the field is left; one outside 0..max
/// is refused with a message instead.
struct TypedCount {
    int value = 0;
    bool typing = false;   ///< the field has the keyboard: the screen's own letter keys stay off
    bool refused = false;  ///< the last number entered was out of range; the caller shows typedCountProblem()
};
inline constexpr int kMaxTypedCount = 500;
/// Draws the field (`width` wide, a touch target tall) at the cursor, registered under `id` for tests; returns
/// the number to set once one is entered.
[[nodiscard]] std::optional<int> typedCountField(const UiContext& ui, const char* id, TypedCount& state, int current,
                                                 float width);
/// The message for a refused number, in words from the string table.
[[nodiscard]] std::string typedCountProblem(const UiContext& ui);

/// Keyboard: only when no text box has the keyboard, so typing never triggers a shortcut.
[[nodiscard]] bool shortcutsAllowed();
[[nodiscard]] bool keyPressed(ImGuiKey key);
/// A printable character typed this frame, matched without regard to case for letters.
[[nodiscard]] bool charTyped(char c);

}  // namespace reflect::ui
