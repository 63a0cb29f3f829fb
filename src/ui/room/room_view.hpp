// RoomView: the shared screen the whole room reads during a session: stage, prompt, agreements and, where the
// stage says so, a timer that stops at 0:00. Nothing here depends on what one person did.
#pragma once

#include <string>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

/// How long each page of a list that does not fit stays on the room view.
inline constexpr std::int64_t kRoomPageMs = 12'000;

/// One string the room view drew and the font it used, recorded only for tests.
struct RoomText {
    std::string text;
    const ImFont* font = nullptr;
    bool operator==(const RoomText&) const = default;
};

class RoomView {
public:
    /// Draws the room view into the current window's remaining area.
    void draw(const UiContext& ui, const core::RunnerView& runner, const core::PhoneView& phone = {});
    /// Tests pass a list to learn every string the room view drew this frame; nullptr (the default) records nothing.
    void setTextRecorder(std::vector<RoomText>* out) noexcept { m_record = out; }
    /// The read-only wall after a reveal: a few cards in large type, the page in words. With `controls` (the
    /// console), the facilitator's paging buttons and keys, and the way on to grouping and tagging.
    void drawWall(const UiContext& ui, const core::WallView& wall, bool controls);
    /// True when the last frame showed one page of a list too long for the screen (the page turns by time).
    [[nodiscard]] bool paging() const noexcept { return m_paging; }

private:
    /// Centred, wrapped text in `font`; returns the height used. Every string the room reads goes through here.
    float line(ImFont* font, const std::string& text, ImU32 color, float width);
    void drawTimer(const UiContext& ui, const core::SessionMachine& machine, bool large, float width);
    void drawAgreements(const UiContext& ui, const std::vector<std::string>& items, float width, float height);
    void drawStage(const UiContext& ui, const core::RunnerView& runner);
    /// The join code for phones in a column on the right, while contributions or the evaluation are open;
    /// returns the width it took (0 when nothing is open or the phone page is off).
    float drawJoinCode(const UiContext& ui, const core::PhoneView& phone, float width);

    std::vector<RoomText>* m_record = nullptr;
    bool m_paging = false;
};

/// The room's countdown: whole seconds left, and 0:00 once the stage runs over (the room never sees overtime).
[[nodiscard]] std::string roomClock(std::int64_t remainingMs);

}  // namespace reflect::ui
