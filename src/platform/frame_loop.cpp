// FrameLoop implementation. The official example loop polls and redraws without pause, which costs a whole
// core under software GL; this one waits in glfwWaitEventsTimeout and an idle kiosk draws nothing.
#include "platform/frame_loop.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <stb_image_write.h>

namespace reflect::platform {

bool writeScreenshot(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) return false;
    const auto w = static_cast<std::size_t>(width);
    const auto h = static_cast<std::size_t>(height);
    std::vector<unsigned char> pixels(w * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // GL's origin is bottom-left; a PNG's is top-left.
    std::vector<unsigned char> flipped(pixels.size());
    for (std::size_t y = 0; y < h; ++y)
        std::copy_n(pixels.data() + (h - 1 - y) * w * 3, w * 3, flipped.data() + y * w * 3);
    return stbi_write_png(path.c_str(), width, height, 3, flipped.data(), width * 3) != 0;
}

FrameTimes benchFrames(Window& window, ImGuiLayer& layer, FrameClient& client, int frames) {
    constexpr int kWarmUp = 10;
    std::vector<double> ms, ui;
    ms.reserve(static_cast<std::size_t>(std::max(frames, 0)));
    ui.reserve(static_cast<std::size_t>(std::max(frames, 0)));
    for (int i = 0; i < kWarmUp + frames; ++i) {
        glfwPollEvents();
        const auto start = std::chrono::steady_clock::now();
        layer.newFrame();
        client.frame(layer.theme());
        const auto drawn = std::chrono::steady_clock::now();
        layer.render(layer.theme().palette);
        glFinish();
        const auto end = std::chrono::steady_clock::now();
        window.swapBuffers();
        if (i >= kWarmUp) {
            ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
            ui.push_back(std::chrono::duration<double, std::milli>(drawn - start).count());
        }
    }
    FrameTimes t;
    t.frames = static_cast<int>(ms.size());
    if (ms.empty()) return t;
    for (const double v : ms) t.mean += v;
    t.mean /= static_cast<double>(ms.size());
    std::sort(ms.begin(), ms.end());
    t.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    t.max = ms.back();
    for (const double v : ui) t.uiMean += v;
    t.uiMean /= static_cast<double>(ui.size());
    std::sort(ui.begin(), ui.end());
    t.uiP95 = ui[std::min(ui.size() - 1, ui.size() * 95 / 100)];
    return t;
}

int runFrameLoop(Window& window, ImGuiLayer& layer, FrameClient& client, const LoopOptions& options) {
    return runFrameLoop(std::vector<WindowSurface>{WindowSurface{window, layer, client}}, options);
}

namespace {

/// The earliest wake-up any window asks for; -1 when none needs one.
std::int64_t earliestWake(const std::vector<WindowSurface>& surfaces) {
    std::int64_t wake = -1;
    for (const auto& s : surfaces) {
        const std::int64_t ms = s.client.msUntilNextChange();
        if (ms >= 0 && (wake < 0 || ms < wake)) wake = ms;
    }
    return wake;
}

}  // namespace

void wakeFrameLoop() {
    glfwPostEmptyEvent();
}

int runFrameLoop(const std::vector<WindowSurface>& surfaces, const LoopOptions& options) {
    if (surfaces.empty()) return 0;
    // ImGui settles hover, popups and auto-sized windows over a couple of frames after each change.
    constexpr int kFramesAfterActivity = 3;
    int framesToDraw = kFramesAfterActivity;
    std::vector<unsigned> seenEvents;
    for (const auto& s : surfaces) seenEvents.push_back(s.window.activity().events);
    FrameClient& main = surfaces.front().client;
    int drawn = 0;
    while (!main.finished()) {
        if (framesToDraw > 0) {
            glfwPollEvents();
        } else {
            // Both windows sleep here together: an idle kiosk with two displays still draws nothing.
            const std::int64_t wait = earliestWake(surfaces);
            // A little after the boundary, so the second shown has really changed when we wake.
            if (wait < 0)
                glfwWaitEvents();
            else
                glfwWaitEventsTimeout(static_cast<double>(wait + 5) / 1000.0);
            framesToDraw = 1;
        }
        for (std::size_t i = 0; i < surfaces.size(); ++i) {
            InputActivity& activity = surfaces[i].window.activity();
            if (activity.events != seenEvents[i]) {
                seenEvents[i] = activity.events;
                framesToDraw = kFramesAfterActivity;
            }
            if (activity.closeRequested) {
                activity.closeRequested = false;
                surfaces[i].client.closeRequested();
            }
        }
        for (const auto& s : surfaces) {
            if (!s.client.kioskMode() || !options.screenshotPath.empty()) continue;
            // Focus lost (another window, a key combination the compositor let through): take the screen back.
            // With two windows only the console needs the focus; the room's window just stays full screen.
            const bool needsFocus = &s == &surfaces.front();
            if ((needsFocus && !glfwGetWindowAttrib(s.window.handle(), GLFW_FOCUSED)) ||
                !glfwGetWindowMonitor(s.window.handle()))
                s.window.reclaim(needsFocus);
        }
        for (const auto& s : surfaces) {
            s.layer.newFrame();
            s.client.frame(s.layer.theme());
            s.layer.render(s.layer.theme().palette);
            if (&s == &surfaces.front() && !options.screenshotPath.empty() && drawn + 1 >= options.screenshotFrames) {
                const bool ok =
                    writeScreenshot(options.screenshotPath, s.window.framebufferWidth(), s.window.framebufferHeight());
                if (!ok) std::fprintf(stderr, "reflect-kiosk: cannot write %s\n", options.screenshotPath.c_str());
                return ok ? 0 : 1;
            }
        }
        for (const auto& s : surfaces) {
            s.window.makeCurrent();
            s.window.swapBuffers();
            s.client.framePresented();
        }
        ++drawn;
        --framesToDraw;
        // Keys still waiting their turn (one change per frame) are drawn for now, never left until the next input.
        for (const auto& s : surfaces)
            if (!s.window.activity().keys.empty()) framesToDraw = std::max(framesToDraw, 1);
        if (!options.screenshotPath.empty()) framesToDraw = std::max(framesToDraw, 1);
    }
    return 0;
}

}  // namespace reflect::platform
