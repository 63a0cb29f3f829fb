// GlfwLibrary and Window: RAII owners of GLFW's process state and of the one kiosk window with its GL context.
#pragma once

#include <vector>

#include <memory>
#include <string>

struct GLFWwindow;

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
    bool fullscreen = true;  ///< on the primary monitor at its current mode
    int width = 1280;        ///< windowed size
    int height = 720;
    bool visible = true;
    std::string title = "Reflect";
};

/// Input activity counters, bumped by GLFW callbacks; the frame loop reads them to decide whether to draw.
struct InputActivity {
    unsigned events = 0;
    bool closeRequested = false;
    /// Dear ImGui 1.86 reads keys as up/down state once per frame, so a key pressed and released between two
    /// frames (a quick tap on a busy box, or xdotool) would never be seen. Such a release is held back one frame.
    struct KeyEvent {
        int key, scancode, mods;
    };
    std::vector<KeyEvent> heldReleases;      ///< released in the same frame as pressed: apply after the next frame
    std::vector<KeyEvent> releaseNextFrame;  ///< held last frame: apply before this one
    std::vector<int> pressedThisFrame;
};

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
    /// Takes the screen back: full screen on the primary monitor and focused. Used in kiosk mode.
    void reclaim();
    void swapBuffers();
    [[nodiscard]] InputActivity& activity() noexcept { return m_activity; }

private:
    struct Destroyer {
        void operator()(GLFWwindow* w) const noexcept;
    };
    std::unique_ptr<GLFWwindow, Destroyer> m_window;
    bool m_fullscreen;
    InputActivity m_activity;
};

}  // namespace reflect::platform
