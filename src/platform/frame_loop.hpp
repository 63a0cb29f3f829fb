// FrameLoop: sleeps until input or the next visible change, draws a few frames, and can write a screenshot.
#pragma once

#include <cstdint>
#include <string>

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
};

struct LoopOptions {
    std::string screenshotPath;  ///< when set: draw a few frames, write a PNG, return
    int screenshotFrames = 4;
};

/// Runs until the client is finished. Returns 0, or 1 if a screenshot could not be written.
int runFrameLoop(Window& window, ImGuiLayer& layer, FrameClient& client, const LoopOptions& options);

/// Reads the back buffer of the current GL context and writes it as a PNG. False on failure.
bool writeScreenshot(const std::string& path, int width, int height);

}  // namespace reflect::platform
