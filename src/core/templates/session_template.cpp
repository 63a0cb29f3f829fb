// SessionTemplate helpers: labels for repeated stages, default length, known formats.
#include "core/templates/session_template.hpp"

#include <array>
#include <string_view>

#include "core/session/session_plan.hpp"

namespace reflect::core {

namespace {
void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
}
}  // namespace

std::string RepeatDef::labelFor(int index) const {
    std::string out = label;
    replaceAll(out, "{n}", std::to_string(index + 1));
    // Letters run A..Z then AA, AB... which no real set reaches but keeps labels unique.
    std::string letters;
    for (int i = index; i >= 0; i = i / 26 - 1) letters.insert(letters.begin(), static_cast<char>('A' + i % 26));
    replaceAll(out, "{letter}", letters);
    return out;
}

const RepeatDef* SessionTemplate::findRepeat(const std::string& key) const {
    for (const auto& r : repeats)
        if (r.key == key) return &r;
    return nullptr;
}

double SessionTemplate::defaultMinutes() const {
    // The plan applies the share-out of remaining time, so the length shown is the length that runs.
    return static_cast<double>(SessionPlan::build(*this, {}).totalPlannedMs()) / 60'000.0;
}

std::string_view roomTimerName(RoomTimer timer) noexcept {
    switch (timer) {
        case RoomTimer::Large:
            return "large";
        case RoomTimer::Small:
            return "small";
        case RoomTimer::Hidden:
            return "hidden";
    }
    return "small";
}

std::optional<RoomTimer> parseRoomTimer(std::string_view name) noexcept {
    if (name == "large") return RoomTimer::Large;
    if (name == "small") return RoomTimer::Small;
    if (name == "hidden") return RoomTimer::Hidden;
    return std::nullopt;
}

int revealMinPresentFloor(std::string_view format) noexcept {
    return format == "action-learning" ? kRevealMinPresentFloorSet : kRevealMinPresentFloorGroup;
}

bool formatAllowsVotes(std::string_view format) noexcept {
    return format == "action-learning" || format == "custom";
}

std::string formatNameKey(std::string_view format) {
    if (!isKnownFormat(std::string(format))) return "format.custom";
    return "format." + std::string(format);
}

std::string_view formatDisplayName(std::string_view format) noexcept {
    if (format == "round") return "Round";
    if (format == "team-time") return "Team Time";
    if (format == "action-learning") return "Action learning";
    if (format == "peer-support") return "Peer support";
    if (format == "supervision") return "Reflective supervision";
    return "Custom";
}

bool isKnownFormat(const std::string& format) {
    static constexpr std::array<std::string_view, 6> kFormats = {"round",        "team-time",   "action-learning",
                                                                 "peer-support", "supervision", "custom"};
    for (auto f : kFormats)
        if (f == format) return true;
    return false;
}

}  // namespace reflect::core
