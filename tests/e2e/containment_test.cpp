// Kiosk containment: in --kiosk mode the real binary on a virtual display does not leave for any key combination,
// a window-manager close request (WM_DELETE_WINDOW, what the close button and Alt+F4 send) or a focus grab by
// another window; a close request raises the PIN pad, and the kiosk takes the focus back.
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"
#include "support/x_display.hpp"  // last: Xlib defines macros

using namespace reflect;
using test::XConnection;

namespace {

bool stillRunning(pid_t pid) {
    int status = 0;
    return waitpid(pid, &status, WNOHANG) == 0;
}

std::string firstLineOf(const std::vector<std::string>& argv, const std::string& display) {
    test::ChildProcess child(argv, {{"DISPLAY", display}});
    auto line = child.readLine(20'000);
    child.wait(20'000);
    return line.value_or("");
}

}  // namespace

TEST_CASE("in --kiosk mode no key, close request or focus grab leaves the kiosk", "[e2e][containment]") {
    test::TempDir dir;
    test::XvfbServer xvfb("1280x720x24");
    const std::string display = xvfb.display();
    test::ChildProcess kiosk({REFLECT_BINARY, "--kiosk", "--db", (dir / "reflect.db").string(), "--print-events"},
                             {{"DISPLAY", display}});
    const std::string id = firstLineOf(
        {"xdotool", "search", "--sync", "--onlyvisible", "--name", "^Reflect$", "windowfocus", "--sync", "%1"},
        display);
    const std::string found = firstLineOf({"xdotool", "search", "--onlyvisible", "--name", "^Reflect$"}, display);
    REQUIRE_FALSE(found.empty());
    const Window window = static_cast<Window>(std::stoul(found));
    auto keys = [&](const std::vector<std::string>& names) {
        std::vector<std::string> args = {"xdotool", "key", "--delay", "80"};
        args.insert(args.end(), names.begin(), names.end());
        REQUIRE(test::runCommand(args, {{"DISPLAY", display}}, 30'000) == 0);
    };

    // A fresh database opens on the first-run PIN set-up; Escape there is "Set later", not a request to leave.
    REQUIRE(kiosk.waitForLine("event pin-setup-open", 20'000));
    keys({"Escape"});
    REQUIRE(kiosk.waitForLine("event pin-setup-later", 20'000));

    // Escape asks to leave: the PIN pad comes up; Escape again puts it away.
    keys({"Escape"});
    REQUIRE(kiosk.waitForLine("event exit_requested", 20'000));
    keys({"Escape"});
    REQUIRE(kiosk.waitForLine("event exit_cancelled", 20'000));

    // The window manager's close request (close button, Alt+F4 under a WM) raises the PIN pad, never closes.
    XConnection x(display);
    x.sendDeleteWindow(window);
    REQUIRE(kiosk.waitForLine("event exit_requested", 20'000));
    // A wrong or unset PIN does not let anyone out.
    keys({"1", "2", "3", "4", "Return", "0", "0", "0", "0", "Return"});
    keys({"Escape"});
    REQUIRE(kiosk.waitForLine("event exit_cancelled", 20'000));

    // Key combinations a bored or curious passer-by tries.
    keys({"alt+F4", "ctrl+q", "ctrl+w", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+alt+BackSpace", "ctrl+alt+Delete",
          "super", "alt+Tab", "F11", "ctrl+alt+F1", "alt+space", "ctrl+shift+q", "ctrl+Escape"});
    CHECK(stillRunning(kiosk.pid()));

    // Another window takes the focus: the kiosk takes it back.
    const Window other = x.stealFocus();
    CHECK(other != window);
    Window focus = x.focused();
    for (int attempt = 0; attempt < 50 && focus != window; ++attempt) {
        // Each round trip to the X server gives the kiosk's frame loop time to react; no sleeping.
        (void)firstLineOf({"xdotool", "getwindowfocus"}, display);
        focus = x.focused();
    }
    CHECK(focus == window);
    CHECK(stillRunning(kiosk.pid()));
    (void)id;
}
