// KioskView: the few values derived from the view and the time of the frame.
#include "core/kiosk/kiosk_view.hpp"

#include <algorithm>

namespace reflect::core {

std::int64_t PadsView::idleRemainingMs(SteadyMs now) const noexcept {
    if (!anyOpen()) return -1;
    return std::max<std::int64_t>(0, lastInput + idleLimitMs - now);
}

std::int64_t KioskView::leadIdleRemainingMs(SteadyMs now) const noexcept {
    if (screen != Screen::Dashboard) return -1;
    return std::max<std::int64_t>(0, leadLastInput + leadIdleLimitMs - now);
}

const BoardTheme* BoardView::theme(std::int64_t id) const noexcept {
    const auto found = std::find_if(themes.begin(), themes.end(), [&](const BoardTheme& t) { return t.id == id; });
    return found == themes.end() ? nullptr : &*found;
}

int BoardView::cardsIn(std::int64_t themeId) const noexcept {
    return static_cast<int>(
        std::count_if(cards.begin(), cards.end(), [&](const BoardCard& c) { return c.themeId == themeId; }));
}

TagRecurrence BoardView::recurrenceOf(std::string_view tag) const noexcept {
    for (const auto& [key, r] : recurrence)
        if (key == tag) return r;
    return {};
}

}  // namespace reflect::core
