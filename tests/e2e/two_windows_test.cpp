// The room and the console as two windows of the real kiosk (--room-window: the layout of two displays, side by
// side on one virtual screen): the facilitator drives a Round from the console's keyboard, a phone sends a
// contribution with a risk phrase, the console's alert comes up (read back with tesseract) and the room window's
// pixels stay exactly as they were. And on one display, the console flipped up with V goes back by itself.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <stb_image_write.h>
#include <catch2/catch.hpp>

#include "companion/raw_http.hpp"
#include "support/kiosk_window.hpp"
#include "support/temp_dir.hpp"
#include "support/x_display.hpp"  // last: Xlib defines macros

using namespace reflect;
using companion::test::formEscape;
using companion::test::hiddenField;
using companion::test::httpGet;
using companion::test::httpPost;

namespace {

/// The X window whose title is exactly `title` (xdotool's search prints its id).
Window windowNamed(const std::string& display, const std::string& title) {
    test::ChildProcess search({"xdotool", "search", "--sync", "--onlyvisible", "--name", "^" + title + "$"},
                              {{"DISPLAY", display}});
    const auto line = search.readLine(20'000);
    search.wait(20'000);
    REQUIRE(line);
    REQUIRE_FALSE(line->empty());
    return static_cast<Window>(std::stoul(*line));
}

/// The window's pixels once two reads in a row agree: the kiosk draws only when something changed, so a window
/// that stops changing has finished its last frame.
test::WindowImage settled(const test::XConnection& x, Window window) {
    test::WindowImage last = x.capture(window);
    for (int read = 0; read < 200; ++read) {
        test::WindowImage next = x.capture(window);
        if (next.rgb == last.rgb) return next;
        last = std::move(next);
    }
    FAIL("the window never stopped changing");
    return last;
}

/// What tesseract reads in the window (English, as a person across the room would read it).
std::string readText(const test::XConnection& x, Window window, const std::filesystem::path& png) {
    const test::WindowImage image = x.capture(window);
    REQUIRE(stbi_write_png(png.c_str(), image.width, image.height, 3, image.rgb.data(), image.width * 3) != 0);
    test::ChildProcess ocr({"tesseract", png.string(), "stdout"});
    REQUIRE(ocr.wait(60'000) == 0);
    return ocr.transcript();
}

/// "event join-address url=http://127.0.0.1:PORT/j/TOKEN" -> PORT and "/j/TOKEN".
std::pair<unsigned short, std::string> joinLink(const std::string& line) {
    const std::string marker = "url=http://127.0.0.1:";
    const auto at = line.find(marker);
    REQUIRE(at != std::string::npos);
    const auto slash = line.find('/', at + marker.size());
    REQUIRE(slash != std::string::npos);
    std::string path = line.substr(slash);
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
    return {static_cast<unsigned short>(std::stoi(line.substr(at + marker.size(), slash - at - marker.size()))), path};
}

bool contains(const std::string& text, const std::string& word) {
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find(word) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "two windows: a risk phrase from a phone raises the console's alert and leaves the room's pixels as they were",
    "[e2e][rooms]") {
    test::TempDir dir;
    test::XvfbServer xvfb("2560x720x24");
    test::KioskWindow kiosk(xvfb, (dir / "reflect.db").string(), false, {"--room-window", "--listen", "127.0.0.1:0"});
    const Window console = windowNamed(xvfb.display(), "Reflect");
    const Window room = windowNamed(xvfb.display(), "Reflect room");
    REQUIRE(console != room);
    test::XConnection x(xvfb.display());

    kiosk.setPinsLater();
    kiosk.keys({"Return", "Return"});  // the Round, at its planned times
    kiosk.expect("start");
    for (int i = 0; i < 4; ++i) {  // the three panel stories, then the open discussion
        kiosk.keys({"n"});
        kiosk.expect("next");
    }
    kiosk.keys({"o"});
    kiosk.expect("contributions-open");
    const auto [port, path] = joinLink(kiosk.expect("join-address url=http"));
    // The room's timer stands still while paused, so any change on the room window would be the submission's.
    kiosk.keys({"space"});
    kiosk.expect("pause");
    const std::string consoleBefore = readText(x, console, dir / "console-before.png");
    CHECK_FALSE(contains(consoleBefore, "safeguarding"));
    const test::WindowImage roomBefore = settled(x, room);

    const std::string text = "Some days I think everyone would be better off dead without me.";
    const auto form = httpGet(port, path + "/write");
    REQUIRE(form.status == 200);
    const auto preview = httpPost(port, path + "/preview",
                                  "form=" + formEscape(hiddenField(form.body, "form")) + "&text=" + formEscape(text));
    REQUIRE(preview.status == 200);
    const auto sent = httpPost(port, path + "/send",
                               "form=" + formEscape(hiddenField(preview.body, "form")) + "&checked=" +
                                   formEscape(hiddenField(preview.body, "checked")) + "&text=" + formEscape(text));
    CHECK(sent.status == 303);
    kiosk.expect("contribution-saved");

    // The console says so, privately, without saying which contribution, with the next batch of figures (every
    // 30 s by the kiosk's clock, so a change cannot be tied to the person who just put their phone down). The
    // kiosk's own clock sets the pace; the deadline is only there so a broken kiosk fails instead of hanging.
    std::string consoleAfter;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!contains(consoleAfter, "safeguarding") && std::chrono::steady_clock::now() < deadline)
        consoleAfter = readText(x, console, dir / "console-after.png");
    CHECK(contains(consoleAfter, "safeguarding"));
    // The room sees nothing at all: not one pixel of its window changed.
    const test::WindowImage roomAfter = settled(x, room);
    REQUIRE(roomAfter.width == roomBefore.width);
    REQUIRE(roomAfter.height == roomBefore.height);
    CHECK(roomAfter.rgb == roomBefore.rgb);
    CHECK_FALSE(contains(readText(x, room, dir / "room-after.png"), "safeguarding"));

    kiosk.keys({"space", "o"});
    kiosk.expect("contributions-closed");
    kiosk.keys({"e", "e"});
    kiosk.expect("end");
    kiosk.keys({"Return", "Escape"});
    CHECK(kiosk.process().wait(20'000) == 0);
}

TEST_CASE("one display: V brings the console up and it goes back to the room view by itself after 15 s",
          "[e2e][rooms]") {
    test::TempDir dir;
    test::XvfbServer xvfb("1280x720x24");
    test::KioskWindow kiosk(xvfb, (dir / "reflect.db").string());
    kiosk.setPinsLater();
    kiosk.keys({"Return", "Return"});
    kiosk.expect("start");
    kiosk.expect("surface room");
    kiosk.keys({"v"});
    kiosk.expect("surface console");
    // Nothing touched: the room view returns on its own (the wait is the kiosk's, timed by its clock).
    kiosk.expect("surface room");
    kiosk.keys({"e", "e"});
    kiosk.expect("end");
    kiosk.keys({"Return", "Escape"});
    CHECK(kiosk.process().wait(20'000) == 0);
}
