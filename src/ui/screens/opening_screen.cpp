// OpeningScreen implementation.
#include "ui/screens/opening_screen.hpp"

#include <imgui.h>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

void drawOpeningScreen(const Theme& theme, const core::StringTable& strings) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ScopedWindow window("##opening", ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs |
                                         ImGuiWindowFlags_NoBackground);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, viewport->Size.y * 0.38f));
    centredText(theme.fonts.title, strings.get("app.name"), theme.palette.text, width);
    centredText(theme.fonts.body, strings.get("app.opening"), theme.palette.textMuted, width);
}

}  // namespace reflect::ui
