// The phone page on the real kiosk: while contributions are open the kiosk serves a join link on loopback; a
// phone previews a contribution with a name and a phone number, sends it, and it is stored scrubbed and nowhere
// raw (database, WAL, the kiosk's output); once contributions close the same link stores nothing.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <stb_image_write.h>
#include <catch2/catch.hpp>

#include "companion/raw_http.hpp"
#include "core/storage/database.hpp"
#include "support/file_bytes.hpp"
#include "support/kiosk_window.hpp"
#include "support/temp_dir.hpp"
#include "support/x_display.hpp"  // last: Xlib defines macros

using namespace reflect;
using companion::test::formEscape;
using companion::test::hiddenField;
using companion::test::httpGet;
using companion::test::httpPost;
using test::fileBytes;

namespace {

struct JoinLink {
    unsigned short port = 0;
    std::string path;  ///< "/j/<token>"
};

/// "event join-address url=http://127.0.0.1:PORT/j/TOKEN" -> port and path.
JoinLink parseJoin(const std::string& line) {
    const std::string marker = "url=http://127.0.0.1:";
    const auto at = line.find(marker);
    REQUIRE(at != std::string::npos);
    const auto portStart = at + marker.size();
    const auto slash = line.find('/', portStart);
    REQUIRE(slash != std::string::npos);
    JoinLink link;
    link.port = static_cast<unsigned short>(std::stoi(line.substr(portStart, slash - portStart)));
    link.path = line.substr(slash);
    while (!link.path.empty() && (link.path.back() == '\n' || link.path.back() == '\r')) link.path.pop_back();
    return link;
}

}  // namespace

TEST_CASE("a phone sends a scrubbed contribution to the real kiosk, and a closed link stores nothing", "[e2e][phone]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    const std::string text = "Dr Priya Shah rang me on 07700 900123 after the shift";
    const std::vector<std::string> raw = {"Priya", "Shah", "07700 900123"};
    test::XvfbServer xvfb("1280x720x24");
    std::string transcript;
    {
        test::KioskWindow kiosk(xvfb, db, true, {"--listen", "127.0.0.1:0"});
        kiosk.setPinsLater();
        kiosk.keys({"Return", "Return"});
        kiosk.expect("start");
        for (int i = 0; i < 4; ++i) {
            kiosk.keys({"n"});
            kiosk.expect("next");
        }
        kiosk.keys({"o"});
        kiosk.expect("contributions-open");
        const JoinLink link = parseJoin(kiosk.expect("join-address url=http"));

        const auto form = httpGet(link.port, link.path + "/write");
        REQUIRE(form.status == 200);
        const auto preview =
            httpPost(link.port, link.path + "/preview",
                     "form=" + formEscape(hiddenField(form.body, "form")) + "&text=" + formEscape(text));
        REQUIRE(preview.status == 200);
        CHECK(preview.body.find("[NAME]") != std::string::npos);
        CHECK(preview.body.find("[PHONE]") != std::string::npos);
        const auto sent = httpPost(link.port, link.path + "/send",
                                   "form=" + formEscape(hiddenField(preview.body, "form")) + "&checked=" +
                                       formEscape(hiddenField(preview.body, "checked")) + "&text=" + formEscape(text));
        // "Saved" (the redirect to the thank-you) comes only after the kiosk's COMMIT.
        CHECK(sent.status == 303);
        CHECK(kiosk.expect("contribution-saved") == "event contribution-saved count=1");

        kiosk.keys({"o"});  // closes them again
        kiosk.expect("contributions-closed");
        kiosk.expect("join-address url=none");
        const auto late = httpGet(link.port, link.path + "/write");
        CHECK(late.status == 410);
        kiosk.keys({"e", "e"});
        kiosk.expect("end");
        kiosk.keys({"Return", "Escape"});
        CHECK(kiosk.process().wait(20'000) == 0);
        transcript = kiosk.process().transcript();
    }
    for (const auto& r : raw) {
        INFO("the kiosk's output must not contain " << r);
        CHECK(transcript.find(r) == std::string::npos);
    }
    for (const char* suffix : {"", "-wal"}) {
        const std::filesystem::path path = db + suffix;
        if (!std::filesystem::exists(path)) continue;
        const std::string bytes = fileBytes(path);
        for (const auto& r : raw) {
            INFO(path << " must not contain " << r);
            CHECK(bytes.find(r) == std::string::npos);
        }
    }
    core::Database check(db);
    CHECK(check.queryInt("SELECT COUNT(*) FROM contributions") == 1);
    const std::string stored = check.queryText("SELECT text FROM contributions");
    CHECK(stored.find("[NAME]") != std::string::npos);
    CHECK(stored.find("[PHONE]") != std::string::npos);
}

TEST_CASE("the room view's code, read back from a screenshot, is the join link for phones", "[e2e][phone]") {
    test::XvfbServer xvfb("1920x1080x24");
    test::TempDir dir;
    for (const char* size : {"1920x1080", "1280x720"}) {
        INFO("at " << size);
        const auto file = (dir / (std::string("room-join-") + size + ".png")).string();
        REQUIRE(test::runCommand({REFLECT_BINARY, "--screenshot", file, "--screen", "room-join", "--size", size},
                                 {{"DISPLAY", xvfb.display()}}) == 0);
        // zbarimg (zbar-tools) reads the picture the way a phone's camera app would.
        test::ChildProcess zbar({"zbarimg", "-q", "--raw", file});
        REQUIRE(zbar.wait(30'000) == 0);
        std::string decoded = zbar.transcript();
        while (!decoded.empty() && (decoded.back() == '\n' || decoded.back() == '\r')) decoded.pop_back();
        const std::string prefix = "http://reflect.kiosk:8080/j/";
        REQUIRE(decoded.rfind(prefix, 0) == 0);
        CHECK(decoded.size() == prefix.size() + 32);  // 128 random bits as hex: one code for the whole room
    }
}

namespace {

/// The screen as a phone's camera would see it: the whole display read back from the X server and read by
/// zbarimg. Tries a few frames, since the code appears on the frame after the key that asked for it.
std::string scanScreen(const test::XvfbServer& xvfb, const std::filesystem::path& file) {
    const test::XConnection x(xvfb.display());
    for (int attempt = 0; attempt < 20; ++attempt) {
        const test::WindowImage screen = x.capture(DefaultRootWindow(x.get()));
        REQUIRE(stbi_write_png(file.c_str(), screen.width, screen.height, 3, screen.rgb.data(), screen.width * 3) != 0);
        test::ChildProcess zbar({"zbarimg", "-q", "--raw", file.string()});
        if (zbar.wait(30'000) != 0) continue;
        std::string decoded = zbar.transcript();
        while (!decoded.empty() && (decoded.back() == '\n' || decoded.back() == '\r')) decoded.pop_back();
        if (!decoded.empty()) return decoded;
    }
    return {};
}

/// "reflect_remote=VALUE; Path=/; ..." -> "reflect_remote=VALUE".
std::string cookiePair(const std::string& setCookie) {
    return setCookie.substr(0, setCookie.find(';'));
}

}  // namespace

TEST_CASE("the facilitator pairs a phone from the console's code, steers with it, and it is unpaired at the end",
          "[e2e][phone][pairing]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    test::XvfbServer xvfb("1280x720x24");
    test::KioskWindow kiosk(xvfb, db, true, {"--listen", "127.0.0.1:0"});
    kiosk.setPinsLater();
    kiosk.keys({"Return", "Return"});
    REQUIRE(test::eventField(kiosk.expect("start"), "stage") == 0);

    // P: one display, so the console comes up with the code (no facilitator PIN is set on this kiosk).
    kiosk.keys({"p"});
    kiosk.expect("pairing-code-shown");
    const std::string url = scanScreen(xvfb, dir / "console-pair.png");
    INFO("read from the screen: " << url);
    const std::string prefix = "http://127.0.0.1:";
    REQUIRE(url.rfind(prefix, 0) == 0);
    const auto slash = url.find('/', prefix.size());
    REQUIRE(slash != std::string::npos);
    const auto port = static_cast<unsigned short>(std::stoi(url.substr(prefix.size(), slash - prefix.size())));
    const std::string path = url.substr(slash);
    REQUIRE(path.rfind("/pair/", 0) == 0);
    CHECK(path.size() == 6 + 32);

    // Nothing works before pairing.
    CHECK(httpGet(port, "/remote").status == 403);

    const auto form = httpGet(port, path);
    REQUIRE(form.status == 200);
    const auto paired = httpPost(port, path, "form=" + formEscape(hiddenField(form.body, "form")));
    REQUIRE(paired.status == 303);
    const std::string cookie = cookiePair(paired.header("set-cookie"));
    REQUIRE(cookie.rfind("reflect_remote=", 0) == 0);
    kiosk.expect("phone-paired");
    kiosk.expect("remote paired=1");
    // One time: the same code pairs nothing else.
    CHECK(httpGet(port, path).status == 410);

    const auto remote = httpGet(port, "/remote", cookie);
    REQUIRE(remote.status == 200);
    const auto next =
        httpPost(port, "/remote", "form=" + formEscape(hiddenField(remote.body, "form")) + "&action=next", cookie);
    CHECK(next.status == 303);
    CHECK(test::eventField(kiosk.expect("next"), "stage") == 1);

    // The session ends at the kiosk: the phone's cookie no longer opens the remote.
    kiosk.keys({"e", "e"});
    kiosk.expect("end");
    kiosk.expect("remote paired=0");
    const auto after = httpGet(port, "/remote", cookie);
    CHECK(after.status == 403);
    CHECK(httpPost(port, "/remote", "form=" + formEscape(hiddenField(remote.body, "form")) + "&action=next", cookie)
              .status == 403);
    kiosk.keys({"Return", "Escape"});
    CHECK(kiosk.process().wait(20'000) == 0);

    core::Database check(db);
    CHECK(check.queryText("SELECT status FROM sessions") == "ended");
    // The Next from the phone is in the stage log like one from the keyboard.
    CHECK(check.queryInt("SELECT COUNT(*) FROM stage_events WHERE kind = 'next' AND stage_index = 1") == 1);
}
