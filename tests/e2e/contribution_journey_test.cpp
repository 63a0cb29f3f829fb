// The real window under Xvfb, typed at with xdotool: five staff contributions with identifiers, close, reveal,
// two themes with tags, end. Afterwards the database holds exactly the five scrubbed texts and the two themes,
// and no raw identifier is anywhere in the database file, its WAL, or the kiosk's output.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "core/privacy/scrubber.hpp"
#include "core/storage/database.hpp"
#include "support/child_process.hpp"
#include "support/file_bytes.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
using test::fileBytes;

namespace {

class Window {
public:
    Window(const test::XvfbServer& xvfb, const std::string& db)
        : m_display(xvfb.display()),
          m_child({REFLECT_BINARY, "--windowed", "--size", "1280x720", "--db", db, "--print-events"},
                  {{"DISPLAY", xvfb.display()}}, true) {
        REQUIRE(xdotool({"search", "--sync", "--onlyvisible", "--name", "^Reflect$", "windowfocus", "--sync"}) == 0);
    }
    int xdotool(std::vector<std::string> args) {
        args.insert(args.begin(), "xdotool");
        return test::runCommand(args, {{"DISPLAY", m_display}}, 60'000);
    }
    void keys(const std::vector<std::string>& names) {
        std::vector<std::string> args = {"key", "--delay", "60"};
        args.insert(args.end(), names.begin(), names.end());
        REQUIRE(xdotool(args) == 0);
    }
    void type(const std::string& text) { REQUIRE(xdotool({"type", "--delay", "30", text}) == 0); }
    std::string expect(const std::string& prefix) {
        auto line = m_child.waitForLine(prefix, 20'000);
        INFO("waiting for " << prefix);
        REQUIRE(line);
        return *line;
    }
    test::ChildProcess& process() { return m_child; }

private:
    std::string m_display;
    test::ChildProcess m_child;
};
}  // namespace

TEST_CASE("five contributions, reveal and two tagged themes in the real window, nothing raw is kept",
          "[e2e][contribute]") {
    const std::vector<std::string> typed = {
        "Dr Priya Shah stayed late with the family",          "Call me on 07700 900123 if it happens again",
        "The NHS number 943 476 5919 was on the wrong notes", "I emailed olumide.adebayo@example.nhs.uk about it",
        "We visited her at SW1A 1AA after she went home",
    };
    const std::vector<std::string> raw = {"Priya",           "Shah",    "07700 900123", "943 476 5919",
                                          "olumide.adebayo", "SW1A 1AA"};
    const core::Scrubber scrubber;
    std::vector<std::string> expected;
    for (const auto& t : typed) expected.push_back(scrubber.scrub(t).text);
    std::sort(expected.begin(), expected.end());
    for (const auto& e : expected)
        for (const auto& r : raw) REQUIRE(e.find(r) == std::string::npos);

    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    test::XvfbServer xvfb("1280x720x24");
    std::string transcript;
    {
        Window kiosk(xvfb, db);
        // A fresh database opens on the first-run PIN set-up: "Set later" (Escape) leaves home as before.
        kiosk.expect("event pin-setup-open");
        kiosk.keys({"Escape"});
        kiosk.expect("event pin-setup-later");
        kiosk.keys({"Return", "Return"});
        kiosk.expect("event start");
        for (int i = 0; i < 4; ++i) {
            kiosk.keys({"n"});
            kiosk.expect("event next");
        }
        kiosk.keys({"o"});
        kiosk.expect("event contributions-open");
        kiosk.keys({"w"});
        kiosk.expect("event screen contribute");
        for (std::size_t i = 0; i < typed.size(); ++i) {
            kiosk.type(typed[i]);
            kiosk.keys({"ctrl+Return"});
            CHECK(kiosk.expect("event contribution-saved") ==
                  "event contribution-saved count=" + std::to_string(i + 1));
        }
        // While the kiosk runs, the WAL is live: nothing raw may be in it or in the main file.
        for (const auto& path : {std::filesystem::path(db), std::filesystem::path(db + "-wal")}) {
            const std::string bytes = fileBytes(path);
            for (const auto& r : raw) {
                INFO(path << " must not contain " << r);
                CHECK(bytes.find(r) == std::string::npos);
            }
        }
        kiosk.keys({"ctrl+Home"});
        kiosk.expect("event screen runner");
        kiosk.keys({"o"});
        kiosk.expect("event contributions-closed count=5");
        // Five people in the room, which a Round's reveal waits for; then two themes of one and two cards.
        for (int people = 1; people <= 5; ++people) {
            kiosk.keys({"bracketright"});
            CHECK(kiosk.expect("event attendance") == "event attendance people=" + std::to_string(people));
        }
        kiosk.keys({"r"});
        kiosk.expect("event reveal count=5");
        // A Round opens on the read-only wall for the room; G takes the console on to grouping and tagging.
        kiosk.keys({"g"});
        kiosk.expect("event wall grouping");
        kiosk.keys({"space"});
        kiosk.keys({"g"});
        kiosk.type("Staying late");
        kiosk.keys({"Return"});
        kiosk.expect("event board themes=1");
        kiosk.keys({"space", "Right", "space"});
        kiosk.keys({"g"});
        kiosk.type("Details in the wrong place");
        kiosk.keys({"Return"});
        kiosk.expect("event board themes=2 tags=0");
        kiosk.keys({"Tab", "t"});
        kiosk.keys({"space"});
        kiosk.expect("event board themes=2 tags=1");
        kiosk.keys({"Return", "Tab", "t", "Down", "space"});
        kiosk.expect("event board themes=2 tags=2");
        kiosk.keys({"Return", "Escape"});
        kiosk.expect("event screen runner");
        kiosk.keys({"e", "e"});
        kiosk.expect("event end");
        kiosk.keys({"Return"});
        kiosk.keys({"Escape"});
        CHECK(kiosk.process().wait(20'000) == 0);
        transcript = kiosk.process().transcript();
    }
    for (const auto& r : raw) {
        INFO("kiosk output must not contain " << r);
        CHECK(transcript.find(r) == std::string::npos);
    }
    for (const char* suffix : {"", "-wal", "-journal"}) {
        const std::filesystem::path path = db + suffix;
        if (!std::filesystem::exists(path)) continue;
        const std::string bytes = fileBytes(path);
        for (const auto& r : raw) {
            INFO(path << " must not contain " << r);
            CHECK(bytes.find(r) == std::string::npos);
        }
    }
    core::Database check(db);
    std::vector<std::string> stored;
    auto stmt = check.prepare("SELECT text FROM contributions");
    while (stmt.step()) stored.push_back(stmt.columnText(0));
    std::sort(stored.begin(), stored.end());
    CHECK(stored == expected);
    CHECK(check.queryInt("SELECT COUNT(*) FROM themes") == 2);
    CHECK(check.queryInt("SELECT COUNT(*) FROM theme_tags") == 2);
    CHECK(check.queryInt("SELECT COUNT(*) FROM theme_cards") == 3);
    CHECK(check.queryText("SELECT group_concat(name, '|') FROM (SELECT name FROM themes ORDER BY name)") ==
          "Details in the wrong place|Staying late");
    CHECK(check.queryInt("SELECT attendance FROM sessions") == 5);
    CHECK(check.integrityCheck() == "ok");
}
