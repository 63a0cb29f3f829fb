// InputRouter implementation. ImGui 1.86 keeps its io per context; feeding io directly (rather than through
// the GLFW backend, which knows one window) is what keeps two windows apart.
#include "platform/input_router.hpp"

#include <algorithm>

#include <imgui.h>

namespace reflect::platform {

ScopedImGuiContext::ScopedImGuiContext(ImGuiContext* context) : m_previous(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(context);
}

ScopedImGuiContext::~ScopedImGuiContext() {
    ImGui::SetCurrentContext(m_previous);
}

void InputRouter::attach(const void* window, ImGuiContext* context) {
    detach(window);
    m_routes.emplace_back(window, context);
}

void InputRouter::detach(const void* window) {
    m_routes.erase(std::remove_if(m_routes.begin(), m_routes.end(), [&](const auto& r) { return r.first == window; }),
                   m_routes.end());
}

ImGuiContext* InputRouter::contextFor(const void* window) const noexcept {
    for (const auto& [w, context] : m_routes)
        if (w == window) return context;
    return nullptr;
}

bool InputRouter::route(const void* window, const InputEvent& event) const {
    ImGuiContext* context = contextFor(window);
    if (!context) return false;
    const ScopedImGuiContext current(context);
    ImGuiIO& io = ImGui::GetIO();
    switch (event.kind) {
        case InputEvent::Kind::MouseMove:
            io.MousePos = ImVec2(event.x, event.y);
            break;
        case InputEvent::Kind::MouseButton:
            if (event.code >= 0 && event.code < IM_ARRAYSIZE(io.MouseDown)) io.MouseDown[event.code] = event.down;
            break;
        case InputEvent::Kind::Scroll:
            io.MouseWheelH += event.x;
            io.MouseWheel += event.y;
            break;
        case InputEvent::Kind::Key:
            if (event.code >= 0 && event.code < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[event.code] = event.down;
            break;
        case InputEvent::Kind::Char:
            if (event.code > 0) io.AddInputCharacter(static_cast<unsigned int>(event.code));
            break;
        case InputEvent::Kind::Focus:
            io.AddFocusEvent(event.down);
            break;
    }
    return true;
}

}  // namespace reflect::platform
