// ImGuiLayer implementation: init and shutdown in the order of Dear ImGui's GLFW + OpenGL3 example.
#include "platform/imgui_layer.hpp"

#include <algorithm>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "platform/input_router.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>

namespace reflect::platform {

namespace {
InputActivity& activityOf(GLFWwindow* w) {
    return *static_cast<InputActivity*>(glfwGetWindowUserPointer(w));
}

// Our callbacks forward to ImGui and count activity, so the loop knows when a frame is worth drawing. Each one
// first makes the window's own ImGui context current: with two windows, GLFW calls back for either while
// the other's context may be current.
void onKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    if (action == GLFW_REPEAT) return;  // ImGui makes its own repeats from a held key
    InputActivity& a = activityOf(w);
    ++a.events;
    a.keys.push(KeyEvent{false, key, scancode, action == GLFW_PRESS, mods});
}
void onChar(GLFWwindow* w, unsigned int c) {
    InputActivity& a = activityOf(w);
    ++a.events;
    a.keys.push(KeyEvent{true, static_cast<int>(c), 0, true, 0});
}
void onMouseButton(GLFWwindow* w, int button, int action, int mods) {
    const ScopedImGuiContext current(activityOf(w).imgui);
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    ++activityOf(w).events;
}
void onScroll(GLFWwindow* w, double x, double y) {
    const ScopedImGuiContext current(activityOf(w).imgui);
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
    ++activityOf(w).events;
}
void onCursorPos(GLFWwindow* w, double, double) {
    ++activityOf(w).events;
}
void onCursorEnter(GLFWwindow* w, int entered) {
    const ScopedImGuiContext current(activityOf(w).imgui);
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    ++activityOf(w).events;
}
void onFocus(GLFWwindow* w, int focused) {
    const ScopedImGuiContext current(activityOf(w).imgui);
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    ++activityOf(w).events;
}
void onResize(GLFWwindow* w, int, int) {
    ++activityOf(w).events;
}
void onRefresh(GLFWwindow* w) {
    ++activityOf(w).events;
}
void onClose(GLFWwindow* w) {
    // The close button and Alt+F4 become a request the controller answers (in kiosk mode: with a PIN).
    glfwSetWindowShouldClose(w, GLFW_FALSE);
    activityOf(w).closeRequested = true;
    ++activityOf(w).events;
}
}  // namespace

ImGuiLayer::ImGuiLayer(Window& window, ui::FontFiles fonts, float userScale, bool highContrast)
    : m_window(window), m_fontFiles(std::move(fonts)), m_userScale(userScale) {
    IMGUI_CHECKVERSION();
    window.makeCurrent();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk writes nothing but its database
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would wake the loop twice a second for nothing
    m_theme.highContrast = highContrast;
    m_theme.palette = highContrast ? ui::highContrastPalette() : ui::calmPalette();

    GLFWwindow* w = window.handle();
    window.activity().imgui = m_context;
    glfwSetWindowUserPointer(w, &window.activity());
    ImGui_ImplGlfw_InitForOpenGL(w, false);
    glfwSetKeyCallback(w, onKey);
    glfwSetCharCallback(w, onChar);
    glfwSetMouseButtonCallback(w, onMouseButton);
    glfwSetScrollCallback(w, onScroll);
    glfwSetCursorPosCallback(w, onCursorPos);
    glfwSetCursorEnterCallback(w, onCursorEnter);
    glfwSetWindowFocusCallback(w, onFocus);
    glfwSetFramebufferSizeCallback(w, onResize);
    glfwSetWindowRefreshCallback(w, onRefresh);
    glfwSetWindowCloseCallback(w, onClose);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    rebuild(window.framebufferHeight());
}

ImGuiLayer::~ImGuiLayer() {
    m_window.makeCurrent();
    ImGui::SetCurrentContext(m_context);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    m_window.activity().imgui = nullptr;
    ImGui::DestroyContext(m_context);
}

void ImGuiLayer::rebuild(int framebufferHeight) {
    const float height = static_cast<float>(framebufferHeight > 0 ? framebufferHeight : 720);
    m_theme.metrics = ui::Metrics::forScreen(height, m_userScale);
    ImGuiIO& io = ImGui::GetIO();
    if (m_builtForHeight != 0) ImGui_ImplOpenGL3_DestroyFontsTexture();
    m_theme.fonts = ui::buildFonts(*io.Fonts, m_fontFiles, m_theme.metrics);
    ui::applyStyle(ImGui::GetStyle(), m_theme.palette, m_theme.metrics);
    if (m_builtForHeight != 0) ImGui_ImplOpenGL3_CreateFontsTexture();
    m_builtForHeight = framebufferHeight;
}

void ImGuiLayer::setHighContrast(bool highContrast) {
    if (highContrast == m_theme.highContrast) return;
    const ScopedImGuiContext current(m_context);
    m_theme.highContrast = highContrast;
    m_theme.palette = highContrast ? ui::highContrastPalette() : ui::calmPalette();
    ui::applyStyle(ImGui::GetStyle(), m_theme.palette, m_theme.metrics);
}

void ImGuiLayer::newFrame() {
    // Each window has its own GL context and ImGui context (and so its own font atlas on its own GPU texture).
    m_window.makeCurrent();
    ImGui::SetCurrentContext(m_context);
    InputActivity& a = m_window.activity();
    const std::vector<KeyEvent> keys = a.keys.takeForFrame();
    // A key handed over now is activity like any other: the loop draws the frames ImGui needs to settle after it.
    if (!keys.empty()) ++a.events;
    for (const KeyEvent& e : keys) {
        if (e.isChar)
            ImGui_ImplGlfw_CharCallback(m_window.handle(), static_cast<unsigned int>(e.code));
        else
            ImGui_ImplGlfw_KeyCallback(m_window.handle(), e.code, e.scancode, e.down ? GLFW_PRESS : GLFW_RELEASE,
                                       e.mods);
    }
    const int height = m_window.framebufferHeight();
    if (height > 0 && height != m_builtForHeight) rebuild(height);
    ImGui_ImplOpenGL3_NewFrame();
    // Once the font texture is on the GPU, the CPU copies (alpha and RGBA, tens of MB at full HD) are freed.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexPixelsAlpha8 != nullptr || atlas.TexPixelsRGBA32 != nullptr) atlas.ClearTexData();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::PushFont(m_theme.fonts.body);
}

void ImGuiLayer::render(const ui::Palette& clear) {
    m_window.makeCurrent();
    ImGui::SetCurrentContext(m_context);
    ImGui::PopFont();
    ImGui::Render();
    glViewport(0, 0, m_window.framebufferWidth(), m_window.framebufferHeight());
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear.background);
    glClearColor(c.x, c.y, c.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace reflect::platform
