// SecretText: a move-only owner of raw typed text that zeroes its bytes when it is moved from or destroyed, so a
// draft never lingers in freed memory after it has been scrubbed and stored. Also the zeroing allocator that the
// scrubber and the risk detector use for their working copies of raw text.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reflect::core {

/// Overwrites `bytes` bytes at `data` in a way the optimiser may not drop as a dead store before a free.
inline void secureZero(void* data, std::size_t bytes) noexcept {
    auto* volatile p = static_cast<volatile unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) {
        p[i] = 0;
    }
}

/// Overwrites every byte the string owns (its whole capacity, not just its size) and empties it.
template <typename String>
inline void wipeText(String& s) noexcept {
    s.resize(s.capacity());  // does not reallocate: capacity is already there
    secureZero(s.data(), s.size() * sizeof(typename String::value_type));
    s.clear();
}

/// An allocator that zeroes every block before handing it back, so a container of raw text leaves nothing
/// readable behind when it grows, shrinks or dies. (Small strings live inside the object, not on the heap; wipe
/// those with wipeText when the object itself is on the heap.)
template <typename T>
struct ZeroingAllocator {
    using value_type = T;

    ZeroingAllocator() noexcept = default;
    template <typename U>
    ZeroingAllocator(const ZeroingAllocator<U>& /*other*/) noexcept {}  // NOLINT: allocators convert implicitly

    [[nodiscard]] T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept {
        secureZero(p, n * sizeof(T));
        std::allocator<T>{}.deallocate(p, n);
    }

    template <typename U>
    bool operator==(const ZeroingAllocator<U>& /*other*/) const noexcept {
        return true;
    }
};

/// Raw text that is zeroed when it grows or is freed. Wipe it before it goes out of scope as well: a short text
/// sits in the string object itself.
using SecretString = std::basic_string<char, std::char_traits<char>, ZeroingAllocator<char>>;
using SecretU32String = std::basic_string<char32_t, std::char_traits<char32_t>, ZeroingAllocator<char32_t>>;
template <typename T>
using SecretVector = std::vector<T, ZeroingAllocator<T>>;

/// Wipes a SecretString (or SecretU32String) when the scope ends, the short-string buffer included.
template <typename String>
class WipeOnExit {
public:
    explicit WipeOnExit(String& s) noexcept : m_s(s) {}
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;
    ~WipeOnExit() { wipeText(m_s); }

private:
    String& m_s;
};

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
