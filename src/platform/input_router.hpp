// InputRouter: hands each window's input to that window's own ImGui context, so with two displays a click on
// the console never reaches the room view's context (and the other way round).
#pragma once

#include <utility>
#include <vector>

struct ImGuiContext;

namespace reflect::platform {

/// One input event as a window system reports it, in the window's own coordinates.
struct InputEvent {
    enum class Kind { MouseMove, MouseButton, Scroll, Key, Char, Focus };
    Kind kind = Kind::MouseMove;
    float x = 0;        ///< cursor position, or horizontal scroll
    float y = 0;        ///< cursor position, or vertical scroll
    int code = 0;       ///< mouse button, key index or Unicode code point
    bool down = false;  ///< pressed, or focused
};

/// Makes `context` current for its lifetime and restores whichever context was current before.
class ScopedImGuiContext {
public:
    explicit ScopedImGuiContext(ImGuiContext* context);
    ~ScopedImGuiContext();
    ScopedImGuiContext(const ScopedImGuiContext&) = delete;
    ScopedImGuiContext& operator=(const ScopedImGuiContext&) = delete;

private:
    ImGuiContext* m_previous;
};

class InputRouter {
public:
    /// Input from `window` (a GLFWwindow*, or any key a test chooses) goes to `context` from now on.
    void attach(const void* window, ImGuiContext* context);
    void detach(const void* window);
    [[nodiscard]] ImGuiContext* contextFor(const void* window) const noexcept;
    /// Feeds the event into the io of the window's context only. False (and nothing fed) for an unknown window.
    bool route(const void* window, const InputEvent& event) const;

private:
    std::vector<std::pair<const void*, ImGuiContext*>> m_routes;
};

}  // namespace reflect::platform
