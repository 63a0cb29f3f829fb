// Two displays: input for one window reaches only that window's ImGui context, and the displays get their jobs.
#include <cfloat>

#include <catch2/catch.hpp>

#include <imgui.h>

#include "platform/display_layout.hpp"
#include "platform/input_router.hpp"

using namespace reflect;
using platform::InputEvent;

namespace {

/// An ImGui context of its own, destroyed with the test; never left current.
class OwnedContext {
public:
    OwnedContext() : m_previous(ImGui::GetCurrentContext()), m_context(ImGui::CreateContext()) {
        ImGui::SetCurrentContext(m_previous);
    }
    ~OwnedContext() { ImGui::DestroyContext(m_context); }
    OwnedContext(const OwnedContext&) = delete;
    OwnedContext& operator=(const OwnedContext&) = delete;
    [[nodiscard]] ImGuiContext* get() const noexcept { return m_context; }
    [[nodiscard]] ImGuiIO& io() const {
        const platform::ScopedImGuiContext current(m_context);
        return ImGui::GetIO();
    }

private:
    ImGuiContext* m_previous;
    ImGuiContext* m_context;
};

bool sawAnything(const ImGuiIO& io) {
    if (io.MousePos.x != -FLT_MAX || io.MouseWheel != 0 || io.MouseWheelH != 0 || io.InputQueueCharacters.Size > 0)
        return true;
    for (const bool b : io.MouseDown)
        if (b) return true;
    for (const bool k : io.KeysDown)
        if (k) return true;
    return false;
}

}  // namespace

TEST_CASE("input for the console window never reaches the room window's ImGui context", "[ui][room][windows]") {
    OwnedContext room, console;
    platform::InputRouter router;
    const int roomWindow = 0, consoleWindow = 0;  // distinct addresses stand in for two GLFW windows
    router.attach(&roomWindow, room.get());
    router.attach(&consoleWindow, console.get());
    ImGuiContext* const before = ImGui::GetCurrentContext();

    CHECK(router.route(&consoleWindow, {InputEvent::Kind::MouseMove, 640, 360, 0, false}));
    CHECK(router.route(&consoleWindow, {InputEvent::Kind::MouseButton, 0, 0, 0, true}));
    CHECK(router.route(&consoleWindow, {InputEvent::Kind::Scroll, 0, -2, 0, false}));
    CHECK(router.route(&consoleWindow, {InputEvent::Kind::Key, 0, 0, 65, true}));
    CHECK(router.route(&consoleWindow, {InputEvent::Kind::Char, 0, 0, 'n', false}));

    CHECK_FALSE(sawAnything(room.io()));
    CHECK(console.io().MousePos.x == 640);
    CHECK(console.io().MouseDown[0]);
    CHECK(console.io().MouseWheel == -2);
    CHECK(console.io().KeysDown[65]);
    CHECK(console.io().InputQueueCharacters.Size == 1);
    // Routing leaves whichever context was current as it was.
    CHECK(ImGui::GetCurrentContext() == before);

    // And the other way round.
    CHECK(router.route(&roomWindow, {InputEvent::Kind::Key, 0, 0, 70, true}));
    CHECK(room.io().KeysDown[70]);
    CHECK_FALSE(console.io().KeysDown[70]);

    // A window nobody attached is ignored rather than fed to whichever context happens to be current.
    const int stranger = 0;
    CHECK_FALSE(router.route(&stranger, {InputEvent::Kind::Key, 0, 0, 71, true}));
    router.detach(&consoleWindow);
    CHECK_FALSE(router.route(&consoleWindow, {InputEvent::Kind::Key, 0, 0, 72, true}));
    CHECK_FALSE(console.io().KeysDown[72]);
}

TEST_CASE("with two displays the larger or external one shows the room view", "[ui][room][windows]") {
    using platform::DisplayInfo;
    const auto one = platform::chooseDisplays({{1920, 1080, true}});
    CHECK(one.room == 0);
    CHECK_FALSE(one.console);
    // A laptop panel (primary) and a wall screen.
    const auto wall = platform::chooseDisplays({{1366, 768, true}, {3840, 2160, false}});
    CHECK(wall.room == 1);
    CHECK(wall.console == 0);
    // Same size: the external one is the room's.
    const auto same = platform::chooseDisplays({{1920, 1080, true}, {1920, 1080, false}});
    CHECK(same.room == 1);
    CHECK(same.console == 0);
    const auto bigPrimary = platform::chooseDisplays({{3840, 2160, true}, {1280, 800, false}});
    CHECK(bigPrimary.room == 0);
    CHECK(bigPrimary.console == 1);
}
