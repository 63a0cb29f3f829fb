// Every screen of the real binary, rendered under Xvfb at two sizes in both themes: each PNG has the
// window's size and shows a real picture (many colours, not one flat fill).
#include <filesystem>
#include <set>
#include <sstream>

#include <stb_image.h>
#include <catch2/catch.hpp>

#include "support/child_process.hpp"

using namespace reflect;

namespace {
std::vector<std::string> screenNames() {
    test::ChildProcess list({REFLECT_BINARY, "--screen", "list"});
    std::vector<std::string> names;
    while (auto line = list.readLine(20'000)) names.push_back(*line);
    return names;
}

void shootAll(int width, int height, bool highContrast) {
    const auto names = screenNames();
    REQUIRE(names.size() >= 10);
    test::XvfbServer xvfb("1920x1080x24");
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    const std::filesystem::path dir =
        std::filesystem::path(REFLECT_SCREENSHOT_DIR) / (size + (highContrast ? "-hc" : ""));
    std::filesystem::create_directories(dir);
    for (const auto& name : names) {
        INFO("screen " << name << " at " << size << (highContrast ? " high contrast" : ""));
        const auto file = (dir / (name + ".png")).string();
        std::filesystem::remove(file);
        std::vector<std::string> argv = {REFLECT_BINARY, "--screenshot", file, "--screen", name, "--size", size};
        if (highContrast) argv.push_back("--high-contrast");
        REQUIRE(test::runCommand(argv, {{"DISPLAY", xvfb.display()}}) == 0);
        int w = 0, h = 0, channels = 0;
        unsigned char* pixels = stbi_load(file.c_str(), &w, &h, &channels, 3);
        REQUIRE(pixels);
        CHECK(w == width);
        CHECK(h == height);
        std::set<unsigned> colours;
        for (int i = 0; i < w * h; i += 7) {
            const unsigned char* p = pixels + i * 3;
            colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2]);
        }
        stbi_image_free(pixels);
        CHECK(colours.size() > 40);  // antialiased text on a background; a blank or failed frame has one or two
    }
}
}  // namespace

TEST_CASE("every screen at 1920x1080 in the calm theme", "[e2e][screenshots]") {
    shootAll(1920, 1080, false);
}
TEST_CASE("every screen at 1920x1080 in the high-contrast theme", "[e2e][screenshots]") {
    shootAll(1920, 1080, true);
}
TEST_CASE("every screen at 1280x720 in the calm theme", "[e2e][screenshots]") {
    shootAll(1280, 720, false);
}
TEST_CASE("every screen at 1280x720 in the high-contrast theme", "[e2e][screenshots]") {
    shootAll(1280, 720, true);
}

TEST_CASE("an unknown screen name is a clear failure", "[e2e][screenshots]") {
    test::XvfbServer xvfb("1280x720x24");
    CHECK(test::runCommand({REFLECT_BINARY, "--screenshot", "/tmp/never.png", "--screen", "nope"},
                           {{"DISPLAY", xvfb.display()}}) == 1);
}
