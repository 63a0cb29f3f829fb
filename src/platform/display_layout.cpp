// DisplayLayout implementation.
#include "platform/display_layout.hpp"

namespace reflect::platform {

DisplayRoles chooseDisplays(const std::vector<DisplayInfo>& displays) {
    DisplayRoles roles;
    if (displays.size() < 2) return roles;
    const auto area = [&](std::size_t i) { return static_cast<long long>(displays[i].width) * displays[i].height; };
    std::size_t room = 0;
    for (std::size_t i = 1; i < displays.size(); ++i) {
        const bool larger = area(i) > area(room);
        const bool tieExternal = area(i) == area(room) && displays[room].primary && !displays[i].primary;
        if (larger || tieExternal) room = i;
    }
    roles.room = static_cast<int>(room);
    // The console goes on the largest of the rest.
    std::optional<std::size_t> console;
    for (std::size_t i = 0; i < displays.size(); ++i)
        if (i != room && (!console || area(i) > area(*console))) console = i;
    roles.console = static_cast<int>(*console);
    return roles;
}

}  // namespace reflect::platform
