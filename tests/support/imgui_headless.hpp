// HeadlessImGui: an ImGui context with a built font atlas and no window or GPU, driven frame by frame
// with the mouse and keyboard the way a person would, for UI tests.
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

namespace reflect::test {

class HeadlessImGui {
public:
    explicit HeadlessImGui(ImVec2 size = ImVec2(1920, 1080), bool highContrast = false, float scale = 1.0f) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = size;
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        // Native key indexes are ours to choose without a backend; ImGui's enum order is as good as any.
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k + 1;
        m_theme.highContrast = highContrast;
        m_theme.palette = highContrast ? ui::highContrastPalette() : ui::calmPalette();
        m_theme.metrics = ui::Metrics::forScreen(size.y, scale);
        m_theme.fonts = ui::buildFonts(*io.Fonts, ui::findSystemFonts(), m_theme.metrics);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::applyStyle(ImGui::GetStyle(), m_theme.palette, m_theme.metrics);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    [[nodiscard]] const ui::Theme& theme() const noexcept { return m_theme; }

    /// One frame: NewFrame, the draw function, Render.
    void frame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        ImGui::PushFont(m_theme.fonts.body);
        draw();
        ImGui::PopFont();
        ImGui::Render();
        ++m_frames;
    }

    /// Moves the mouse to the centre of `rect` (x, y, w, h), presses and releases over three frames.
    void click(const ImVec4& rect, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(rect.x + rect.z * 0.5f, rect.y + rect.w * 0.5f);
        frame(draw);
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        frame(draw);
        io.MousePos = ImVec2(-1, -1);
    }

    /// Presses and releases one of ImGui's named keys; `shift` holds Shift during the press.
    void press(ImGuiKey key, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[io.KeyMap[key]] = true;
        frame(draw);
        io.KeysDown[io.KeyMap[key]] = false;
        frame(draw);
    }

    /// Types text as characters, one frame per character (as a keyboard delivers them).
    void type(const std::string& text, const std::function<void()>& draw, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        for (char c : text) {
            io.AddInputCharacter(static_cast<unsigned char>(c));
            frame(draw);
        }
        io.KeyShift = false;
        frame(draw);
    }

    [[nodiscard]] int frames() const noexcept { return m_frames; }

private:
    ui::Theme m_theme;
    int m_frames = 0;
};

}  // namespace reflect::test
