// GlfwLibrary and Window implementation.
#include "platform/window.hpp"

#include <cstdio>
#include <stdexcept>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace reflect::platform {

namespace {
void onGlfwError(int code, const char* description) {
    std::fprintf(stderr, "reflect-kiosk: GLFW error %d: %s\n", code, description);
}

GLFWmonitor* monitorAt(int index) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (index >= 0 && index < count) return monitors[index];
    return glfwGetPrimaryMonitor();
}
}  // namespace

std::vector<MonitorInfo> connectedMonitors() {
    std::vector<MonitorInfo> out;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* primary = glfwGetPrimaryMonitor();
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        out.push_back(MonitorInfo{mode ? mode->width : 0, mode ? mode->height : 0, monitors[i] == primary});
    }
    return out;
}

GlfwLibrary::GlfwLibrary() {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) throw std::runtime_error("cannot start the windowing system (is a display available?)");
}

GlfwLibrary::~GlfwLibrary() {
    glfwTerminate();
}

void Window::Destroyer::operator()(GLFWwindow* w) const noexcept {
    glfwDestroyWindow(w);
}

Window::Window(const WindowOptions& options) : m_fullscreen(options.fullscreen), m_monitor(options.monitor) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    // A kiosk that loses focus must stay on screen, not shrink to an icon.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_FOCUSED, options.focused ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, options.focused ? GLFW_TRUE : GLFW_FALSE);
    GLFWmonitor* monitor = options.fullscreen ? monitorAt(options.monitor) : nullptr;
    int width = options.width;
    int height = options.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    }
    m_window.reset(glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr));
    if (!m_window) throw std::runtime_error("cannot open a window with OpenGL 3.3");
    if (!monitor && options.x >= 0 && options.y >= 0) glfwSetWindowPos(m_window.get(), options.x, options.y);
    glfwMakeContextCurrent(m_window.get());
    glfwSwapInterval(1);
}

int Window::framebufferWidth() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window.get(), &w, &h);
    return w;
}

int Window::framebufferHeight() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window.get(), &w, &h);
    return h;
}

float Window::contentScale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(m_window.get(), &x, &y);
    return y > 0 ? y : 1.0f;
}

void Window::makeCurrent() {
    if (glfwGetCurrentContext() != m_window.get()) glfwMakeContextCurrent(m_window.get());
}

void Window::reclaim(bool focus) {
    GLFWmonitor* monitor = monitorAt(m_monitor);
    if (monitor && !glfwGetWindowMonitor(m_window.get())) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(m_window.get(), monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    }
    glfwRestoreWindow(m_window.get());
    glfwShowWindow(m_window.get());
    if (focus) glfwFocusWindow(m_window.get());
}

void Window::swapBuffers() {
    glfwSwapBuffers(m_window.get());
}

}  // namespace reflect::platform
