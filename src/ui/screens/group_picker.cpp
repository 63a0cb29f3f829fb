// GroupPicker implementation.
#include "ui/screens/group_picker.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

void GroupPicker::reset() {
    m_selected.reset();
    m_newName.clear();
}

void GroupPicker::draw(const UiContext& ui, const core::SetupView& setup, const std::string& format) {
    if (!setup.meetingsAvailable) return;
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    // A group just created is the one meeting now.
    if (setup.createdGroup && setup.createdGroup != m_seenCreated) {
        m_seenCreated = setup.createdGroup;
        m_selected = m_seenCreated;
        m_newName.clear();
    }
    const auto& groups = setup.groups;
    if (m_selected &&
        std::none_of(groups.begin(), groups.end(), [&](const core::Group& g) { return g.id == *m_selected; }))
        m_selected.reset();

    auto cycle = [&] {
        if (groups.empty()) return;
        if (!m_selected) {
            m_selected = groups.front().id;
            return;
        }
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (groups[i].id == *m_selected) {
                if (i + 1 < groups.size())
                    m_selected = groups[i + 1].id;
                else
                    m_selected.reset();
                return;
            }
    };
    if (charTyped('g')) cycle();

    std::string current = ui.t("groups.one_off");
    for (const auto& g : groups)
        if (m_selected && g.id == *m_selected) current = g.name;
    wrappedText(f.small, ui.t("groups.choose"), p.textMuted, width);
    const float buttonW = std::max(220.0f * m.scale, 48.0f);
    {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(f.bodyBold, f.bodyBold->FontSize,
                                            ImVec2(a.x, a.y + (m.touch - f.bodyBold->FontSize) * 0.5f), p.text,
                                            fitText(f.bodyBold, current, width - buttonW - m.gap).c_str());
        ImGui::SetCursorScreenPos(ImVec2(a.x + width - buttonW, a.y));
        if (actionButton(ui, "##group-change", ui.t("groups.change"), ui.t("groups.change_hint"),
                         ImVec2(buttonW, m.touch), ButtonKind::Secondary, !groups.empty()))
            cycle();
    }
    {
        ScopedFont font(f.body);
        const float createW = buttonW;
        ImGui::SetNextItemWidth(width - createW - m.gap);
        bool enter = ImGui::InputTextWithHint("##group-name", ui.t("groups.name"), &m_newName,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
        if (m_newName.size() > core::kMaxGroupNameCharacters) m_newName.resize(core::kMaxGroupNameCharacters);
        ImGui::SameLine(width - createW + ImGui::GetStyle().WindowPadding.x);
        enter = actionButton(ui, "##group-create", ui.t("groups.create"), ui.t("groups.create_hint"),
                             ImVec2(createW, m.touch), ButtonKind::Secondary, !m_newName.empty()) ||
                enter;
        if (enter && !m_newName.empty()) ui.emit(core::CreateGroup{m_newName, format, std::nullopt});
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
}

}  // namespace reflect::ui
