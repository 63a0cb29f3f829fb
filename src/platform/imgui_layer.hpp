// ImGuiLayer: RAII owner of one window's ImGui context and its GLFW and OpenGL 3 backends, plus the font atlas.
#pragma once

#include "platform/window.hpp"
#include "ui/theme.hpp"

struct ImGuiContext;

namespace reflect::platform {

class ImGuiLayer {
public:
    ImGuiLayer(Window& window, ui::FontFiles fonts, float userScale, bool highContrast);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    /// Starts a frame; rebuilds the fonts first if the framebuffer height changed (a resize or a new monitor).
    void newFrame();
    /// Renders the frame into the back buffer (does not swap).
    void render(const ui::Palette& clear);
    [[nodiscard]] const ui::Theme& theme() const noexcept { return m_theme; }
    /// Switches between the calm and the high-contrast palette (the fonts stay as they are).
    void setHighContrast(bool highContrast);

private:
    void rebuild(int framebufferHeight);

    Window& m_window;
    ImGuiContext* m_context = nullptr;
    ui::FontFiles m_fontFiles;
    float m_userScale;
    ui::Theme m_theme;
    int m_builtForHeight = 0;
};

}  // namespace reflect::platform
