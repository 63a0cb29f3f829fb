// Scope guards for ImGui's Begin/End and Push/Pop pairs, so an early return can never unbalance the stack.
#pragma once

#include <imgui.h>

namespace reflect::ui {

class ScopedStyleColor {
public:
    ScopedStyleColor(ImGuiCol idx, ImU32 color) { ImGui::PushStyleColor(idx, color); }
    ScopedStyleColor(ImGuiCol idx, const ImVec4& color) { ImGui::PushStyleColor(idx, color); }
    ~ScopedStyleColor() { ImGui::PopStyleColor(); }
    ScopedStyleColor(const ScopedStyleColor&) = delete;
    ScopedStyleColor& operator=(const ScopedStyleColor&) = delete;
};

class ScopedStyleVar {
public:
    ScopedStyleVar(ImGuiStyleVar idx, float value) { ImGui::PushStyleVar(idx, value); }
    ScopedStyleVar(ImGuiStyleVar idx, const ImVec2& value) { ImGui::PushStyleVar(idx, value); }
    ~ScopedStyleVar() { ImGui::PopStyleVar(); }
    ScopedStyleVar(const ScopedStyleVar&) = delete;
    ScopedStyleVar& operator=(const ScopedStyleVar&) = delete;
};

class ScopedFont {
public:
    explicit ScopedFont(ImFont* font) { ImGui::PushFont(font); }
    ~ScopedFont() { ImGui::PopFont(); }
    ScopedFont(const ScopedFont&) = delete;
    ScopedFont& operator=(const ScopedFont&) = delete;
};

class ScopedId {
public:
    explicit ScopedId(int id) { ImGui::PushID(id); }
    explicit ScopedId(const char* id) { ImGui::PushID(id); }
    ~ScopedId() { ImGui::PopID(); }
    ScopedId(const ScopedId&) = delete;
    ScopedId& operator=(const ScopedId&) = delete;
};

class ScopedTextWrap {
public:
    explicit ScopedTextWrap(float localX) { ImGui::PushTextWrapPos(localX); }
    ~ScopedTextWrap() { ImGui::PopTextWrapPos(); }
    ScopedTextWrap(const ScopedTextWrap&) = delete;
    ScopedTextWrap& operator=(const ScopedTextWrap&) = delete;
};

/// Begin() always needs End(), whatever it returned.
class ScopedWindow {
public:
    ScopedWindow(const char* name, ImGuiWindowFlags flags) : m_visible(ImGui::Begin(name, nullptr, flags)) {}
    ~ScopedWindow() { ImGui::End(); }
    [[nodiscard]] bool visible() const noexcept { return m_visible; }
    ScopedWindow(const ScopedWindow&) = delete;
    ScopedWindow& operator=(const ScopedWindow&) = delete;

private:
    bool m_visible;
};

/// BeginChild() always needs EndChild(), whatever it returned.
class ScopedChild {
public:
    ScopedChild(const char* id, const ImVec2& size, bool border = false, ImGuiWindowFlags flags = 0)
        : m_visible(ImGui::BeginChild(id, size, border, flags)) {}
    ~ScopedChild() { ImGui::EndChild(); }
    [[nodiscard]] bool visible() const noexcept { return m_visible; }
    ScopedChild(const ScopedChild&) = delete;
    ScopedChild& operator=(const ScopedChild&) = delete;

private:
    bool m_visible;
};

class ScopedGroup {
public:
    ScopedGroup() { ImGui::BeginGroup(); }
    ~ScopedGroup() { ImGui::EndGroup(); }
    ScopedGroup(const ScopedGroup&) = delete;
    ScopedGroup& operator=(const ScopedGroup&) = delete;
};

class ScopedDisabled {
public:
    explicit ScopedDisabled(bool disabled) { ImGui::BeginDisabled(disabled); }
    ~ScopedDisabled() { ImGui::EndDisabled(); }
    ScopedDisabled(const ScopedDisabled&) = delete;
    ScopedDisabled& operator=(const ScopedDisabled&) = delete;
};

}  // namespace reflect::ui
