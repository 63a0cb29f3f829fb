// GlfwLibrary and Window: RAII owners of GLFW's process state and of a kiosk window (one per display) with its
// GL context.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/key_pacer.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace reflect::platform {

/// glfwInit in the constructor, glfwTerminate in the destructor. Declare it before any Window.
class GlfwLibrary {
public:
    GlfwLibrary();
    ~GlfwLibrary();
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

struct WindowOptions {
    bool fullscreen = true;  ///< on `monitor` (or the primary one) at its current mode
    int monitor = -1;        ///< index into glfwGetMonitors(); -1 = the primary monitor
    int width = 1280;        ///< windowed size
    int height = 720;
    int x = -1;  ///< windowed position of the left edge on the desktop; -1 leaves it to the window system
    int y = -1;
    bool visible = true;
    bool focused = true;  ///< takes the keyboard when it opens (the room's window never does: the console has it)
    std::string title = "Reflect";
};

/// Input activity counters, bumped by GLFW callbacks; the frame loop reads them to decide whether to draw.
struct InputActivity {
    /// The ImGui context this window's input goes to: with two windows each has its own.
    ImGuiContext* imgui = nullptr;
    unsigned events = 0;
    bool closeRequested = false;
    /// Keys and characters, handed to ImGui at the start of each frame at most one change per key per frame
    /// (a key pressed and released between two frames, a quick tap or xdotool, would otherwise be lost).
    KeyPacer keys;
};

/// The connected monitors as (width, height, primary), in glfwGetMonitors() order.
struct MonitorInfo {
    int width = 0;
    int height = 0;
    bool primary = false;
};
[[nodiscard]] std::vector<MonitorInfo> connectedMonitors();

class Window {
public:
    explicit Window(const WindowOptions& options);
    ~Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* handle() const noexcept { return m_window.get(); }
    [[nodiscard]] int framebufferWidth() const;
    [[nodiscard]] int framebufferHeight() const;
    [[nodiscard]] float contentScale() const;
    [[nodiscard]] bool fullscreen() const noexcept { return m_fullscreen; }
    /// Makes this window's GL context current (each window has its own).
    void makeCurrent();
    /// Takes the screen back: full screen on its monitor, and the keyboard focus when `focus`. Used in kiosk mode.
    void reclaim(bool focus);
    void swapBuffers();
    [[nodiscard]] InputActivity& activity() noexcept { return m_activity; }

private:
    struct Destroyer {
        void operator()(GLFWwindow* w) const noexcept;
    };
    std::unique_ptr<GLFWwindow, Destroyer> m_window;
    bool m_fullscreen;
    int m_monitor = -1;
    InputActivity m_activity;
};

}  // namespace reflect::platform
