// KeyPacer: ImGui 1.86 reads each key as held or not once per frame, so two changes of one key between two
// frames (a quick tap; a key pressed twice while a frame is slow) collapse into one or none, and a shortcut typed
// just after Enter in a text box lands in the frame where ImGui still thinks the box has the keyboard. The pacer
// holds the window's key and character events in arrival order and hands ImGui one key change per frame (with the
// characters that key typed), as a person's fingers would: nothing is lost, and the order is kept.
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

namespace reflect::platform {

struct KeyEvent {
    bool isChar = false;  ///< a typed character (code point in `code`) rather than a key going down or up
    int code = 0;         ///< the window system's key number, or a Unicode code point
    int scancode = 0;
    bool down = false;
    int mods = 0;
};

class KeyPacer {
public:
    void push(const KeyEvent& event) { m_pending.push_back(event); }
    /// The events this frame may see, oldest first: one key going down or up, and the characters that follow it.
    [[nodiscard]] std::vector<KeyEvent> takeForFrame();
    [[nodiscard]] bool empty() const noexcept { return m_pending.empty(); }
    [[nodiscard]] std::size_t waiting() const noexcept { return m_pending.size(); }

private:
    std::deque<KeyEvent> m_pending;
};

}  // namespace reflect::platform
