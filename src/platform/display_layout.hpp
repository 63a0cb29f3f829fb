// DisplayLayout: which connected display shows the room view and which the facilitator's console.
#pragma once

#include <optional>
#include <vector>

namespace reflect::platform {

/// One connected display as the window system reports it.
struct DisplayInfo {
    int width = 0;
    int height = 0;
    bool primary = false;
};

/// The index of each display's job; `console` is empty with a single display (the room view flips instead).
struct DisplayRoles {
    int room = 0;
    std::optional<int> console;
};

/// The larger display is the room's (a wall screen beats a laptop panel); on a tie, the one that is not the
/// primary, since a box's own or first-plugged panel is usually the facilitator's. Empty input gives room 0.
[[nodiscard]] DisplayRoles chooseDisplays(const std::vector<DisplayInfo>& displays);

}  // namespace reflect::platform
