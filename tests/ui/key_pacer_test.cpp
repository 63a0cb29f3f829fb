// KeyPacer: what the real window hands ImGui each frame when keys come faster than frames.
#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "platform/key_pacer.hpp"

using reflect::platform::KeyEvent;
using reflect::platform::KeyPacer;

namespace {
constexpr int kSpace = 32;
constexpr int kRight = 262;
constexpr int kCtrl = 341;
constexpr int kEnter = 257;

KeyEvent key(int code, bool down) {
    return KeyEvent{false, code, 0, down, 0};
}
KeyEvent character(char32_t c) {
    return KeyEvent{true, static_cast<int>(c), 0, true, 0};
}
}  // namespace

TEST_CASE("a tap that starts and ends between two frames is seen down in one frame and up in the next",
          "[ui][platform]") {
    KeyPacer pacer;
    pacer.push(key(kSpace, true));
    pacer.push(key(kSpace, false));
    const auto first = pacer.takeForFrame();
    REQUIRE(first.size() == 1);
    CHECK(first[0].down);
    const auto second = pacer.takeForFrame();
    REQUIRE(second.size() == 1);
    CHECK_FALSE(second[0].down);
    CHECK(pacer.empty());
}

TEST_CASE("Space, Right, Space typed during one slow frame reach ImGui as two Space presses, in order",
          "[ui][platform]") {
    KeyPacer pacer;
    for (const int code : {kSpace, kRight, kSpace}) {
        pacer.push(key(code, true));
        pacer.push(key(code, false));
    }
    int spacePresses = 0;
    std::vector<int> order;
    for (int frame = 0; frame < 10 && !pacer.empty(); ++frame) {
        std::vector<int> changedThisFrame;
        for (const auto& e : pacer.takeForFrame()) {
            CHECK(std::find(changedThisFrame.begin(), changedThisFrame.end(), e.code) == changedThisFrame.end());
            changedThisFrame.push_back(e.code);
            if (e.down) order.push_back(e.code);
            if (e.down && e.code == kSpace) ++spacePresses;
        }
    }
    CHECK(pacer.empty());
    CHECK(spacePresses == 2);
    CHECK(order == std::vector<int>{kSpace, kRight, kSpace});
}

TEST_CASE("Ctrl+Enter arrives with Ctrl still down, and text keeps its place among the keys", "[ui][platform]") {
    KeyPacer pacer;
    pacer.push(key('A', true));
    pacer.push(character(U'a'));
    pacer.push(key('A', false));
    pacer.push(key(kCtrl, true));
    pacer.push(key(kEnter, true));
    pacer.push(key(kEnter, false));
    pacer.push(key(kCtrl, false));
    pacer.push(key('N', true));
    pacer.push(character(U'n'));
    std::vector<std::vector<KeyEvent>> frames;
    while (!pacer.empty()) frames.push_back(pacer.takeForFrame());
    REQUIRE(frames.size() == 7);
    // 'A' goes down with its character; every later key has a frame of its own.
    REQUIRE(frames[0].size() == 2);
    CHECK(frames[0][1].isChar);
    CHECK(frames[2][0].code == kCtrl);
    CHECK(frames[3][0].code == kEnter);  // Ctrl is still down when Enter goes down
    CHECK(frames[3][0].down);
    CHECK(frames[5][0].code == kCtrl);
    CHECK_FALSE(frames[5][0].down);
    // A shortcut typed right after Enter in a text box comes a frame later than Enter's release, as a finger's.
    REQUIRE(frames[6].size() == 2);
    CHECK(frames[6][1].isChar);
}
