// KioskWindow: the real reflect-kiosk binary in a window on an Xvfb display, typed at with xdotool, with its
// --print-events lines (numbers and kinds only, never anything typed) to wait on. Shared by the e2e journeys.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/child_process.hpp"

namespace reflect::test {

class KioskWindow {
public:
    /// With `mergeStderr`, what the kiosk writes to standard error is in process().transcript() too.
    /// `extra` goes on the command line after the usual flags (e.g. --listen for the phone page).
    KioskWindow(const XvfbServer& xvfb, const std::string& db, bool mergeStderr = false,
                const std::vector<std::string>& extra = {})
        : m_display(xvfb.display()),
          m_child(withExtra({REFLECT_BINARY, "--windowed", "--size", "1280x720", "--db", db, "--print-events"}, extra),
                  {{"DISPLAY", xvfb.display()}}, mergeStderr) {
        // Wait for the window, then give it the keyboard (there is no window manager to do it).
        REQUIRE(xdotool({"search", "--sync", "--onlyvisible", "--name", "^Reflect$", "windowfocus", "--sync"}) == 0);
    }
    static std::vector<std::string> withExtra(std::vector<std::string> args, const std::vector<std::string>& extra) {
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
    int xdotool(std::vector<std::string> args) {
        args.insert(args.begin(), "xdotool");
        return runCommand(args, {{"DISPLAY", m_display}}, 30'000);
    }
    /// One xdotool call per key, each held for part of the delay, as a person's finger would.
    void keys(const std::vector<std::string>& names) {
        for (const auto& name : names) REQUIRE(xdotool({"key", "--delay", "160", name}) == 0);
    }
    void type(const std::string& text) { REQUIRE(xdotool({"type", "--delay", "20", text}) == 0); }
    /// The next "event <kind> ..." line; fails the test if none comes within 20 s.
    std::string expect(const std::string& kind) {
        auto line = m_child.waitForLine("event " + kind, 20'000);
        INFO("waiting for event " << kind);
        REQUIRE(line);
        return *line;
    }
    /// A fresh database opens on the first-run PIN set-up; Escape is its "Set later", which leaves home as before.
    void setPinsLater() {
        expect("pin-setup-open");
        keys({"Escape"});
        expect("pin-setup-later");
    }
    ChildProcess& process() { return m_child; }

private:
    std::string m_display;
    ChildProcess m_child;
};

/// A number from an event line ("event next session=1 stage=2 remaining_ms=359000"), or -1 if absent.
inline long long eventField(const std::string& line, const std::string& key) {
    std::istringstream in(line);
    std::string word;
    while (in >> word)
        if (word.rfind(key + "=", 0) == 0) return std::stoll(word.substr(key.size() + 1));
    return -1;
}

}  // namespace reflect::test
