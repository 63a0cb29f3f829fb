// FrameLoop: sleeps until input or the next visible change, draws a few frames, and can write a screenshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/imgui_layer.hpp"
#include "platform/window.hpp"

namespace reflect::platform {

/// What the loop drives. Implemented by the composition root, which owns the controller and the UI.
class FrameClient {
public:
    virtual ~FrameClient() = default;
    /// Draws the UI between NewFrame and Render, then applies the commands it produced.
    virtual void frame(const ui::Theme& theme) = 0;
    /// Milliseconds until something on screen changes by itself (a timer's next second); -1 for never.
    [[nodiscard]] virtual std::int64_t msUntilNextChange() const = 0;
    [[nodiscard]] virtual bool finished() const = 0;
    /// The window's close button, Alt+F4 or a window-manager close.
    virtual void closeRequested() = 0;
    [[nodiscard]] virtual bool kioskMode() const = 0;
    /// After each frame has been handed to the screen (buffer swap).
    virtual void framePresented() {}
};

struct LoopOptions {
    std::string screenshotPath;  ///< when set: draw a few frames, write a PNG, return
    int screenshotFrames = 4;
};

/// Wakes a loop sleeping in wait for input, from any thread (GLFW's empty event): a command another surface
/// posted (the phone page) is then applied at once rather than at the next timer tick.
void wakeFrameLoop();

/// Runs until the client is finished. Returns 0, or 1 if a screenshot could not be written.
int runFrameLoop(Window& window, ImGuiLayer& layer, FrameClient& client, const LoopOptions& options);

/// One window with its ImGui layer and what it draws.
struct WindowSurface {
    Window& window;
    ImGuiLayer& layer;
    FrameClient& client;
};

/// The same loop over several windows (the room view and the console on two displays). The first surface's
/// client decides when the loop ends; any window's input redraws all of them, since a command given on the
/// console changes the room view. A screenshot, if asked for, is of the first window.
int runFrameLoop(const std::vector<WindowSurface>& surfaces, const LoopOptions& options);

/// Frame times measured by benchFrames, in milliseconds.
struct FrameTimes {
    double mean = 0;  ///< whole frame: ImGui frame, screens, render and glFinish
    double p95 = 0;
    double max = 0;
    double uiMean = 0;  ///< the part before GL: ImGui's new frame and the screens' drawing code
    double uiP95 = 0;
    int frames = 0;
};

/// Draws `frames` frames back to back (after a few warm-up frames) and times each one from the start of the
/// ImGui frame to the end of GL rendering (glFinish), not counting the swap. For scripts/bench.
FrameTimes benchFrames(Window& window, ImGuiLayer& layer, FrameClient& client, int frames);

/// Reads the back buffer of the current GL context and writes it as a PNG. False on failure.
bool writeScreenshot(const std::string& path, int width, int height);

}  // namespace reflect::platform
