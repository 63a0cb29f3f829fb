// SecretText: a move-only owner of raw typed text that zeroes its bytes when it is moved from or destroyed, so a
// draft never lingers in freed memory after it has been scrubbed and stored.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace reflect::core {

/// Overwrites every byte the string owns (its whole capacity, not just its size) and empties it.
inline void wipeText(std::string& s) noexcept {
    s.resize(s.capacity());  // does not reallocate: capacity is already there
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

class SecretText {
public:
    SecretText() = default;
    explicit SecretText(std::string_view text) { m_text.assign(text); }
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    SecretText(SecretText&& other) noexcept {
        m_text.swap(other.m_text);
        wipeText(other.m_text);
    }
    SecretText& operator=(SecretText&& other) noexcept {
        if (this != &other) {
            wipeText(m_text);
            m_text.swap(other.m_text);
            wipeText(other.m_text);
        }
        return *this;
    }
    ~SecretText() { wipeText(m_text); }

    [[nodiscard]] std::string_view view() const noexcept { return m_text; }
    [[nodiscard]] bool empty() const noexcept { return m_text.empty(); }

private:
    std::string m_text;
};

}  // namespace reflect::core
