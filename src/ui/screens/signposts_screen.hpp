// SignpostsScreen: where to find support, reachable from home at any time.
#pragma once

#include "core/support/signposts.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class SignpostsScreen {
public:
    void draw(const UiContext& ui, const core::SignpostList& signposts);
};

/// The list itself, so the contribute screen can show it after a risk phrase without its own copy.
void drawSignpostList(const UiContext& ui, const core::SignpostList& signposts, float width);

}  // namespace reflect::ui
