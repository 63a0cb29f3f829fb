// KeyPacer implementation.
#include "platform/key_pacer.hpp"

namespace reflect::platform {

std::vector<KeyEvent> KeyPacer::takeForFrame() {
    std::vector<KeyEvent> out;
    bool keyTaken = false;
    while (!m_pending.empty()) {
        const KeyEvent& next = m_pending.front();
        if (!next.isChar) {
            if (keyTaken) break;
            keyTaken = true;
        }
        out.push_back(next);
        m_pending.pop_front();
    }
    return out;
}

}  // namespace reflect::platform
