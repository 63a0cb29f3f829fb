// UTF-8 decoding, validation and control-character clean-up, written out by hand so the rules are visible.
#include "core/text/utf8.hpp"

#include <cstdint>

namespace reflect::core {

namespace {

constexpr bool isContinuation(unsigned char byte) noexcept {
    return (byte & 0xC0U) == 0x80U;
}

}  // namespace

Utf8Char decodeUtf8(std::string_view text, std::size_t offset) noexcept {
    const auto byteAt = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
    const unsigned char lead = byteAt(offset);
    if (lead < 0x80U) {
        return {static_cast<char32_t>(lead), 1, true};
    }

    // The allowed range of the second byte depends on the lead byte; this is what rules out overlong forms,
    // surrogates and code points past U+10FFFF (Unicode Table 3-7).
    std::size_t needed = 0;
    unsigned char secondLow = 0x80U;
    unsigned char secondHigh = 0xBFU;
    char32_t value = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        needed = 1;
        value = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        needed = 2;
        value = lead & 0x0FU;
        if (lead == 0xE0U) {
            secondLow = 0xA0U;
        } else if (lead == 0xEDU) {
            secondHigh = 0x9FU;
        }
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        needed = 3;
        value = lead & 0x07U;
        if (lead == 0xF0U) {
            secondLow = 0x90U;
        } else if (lead == 0xF4U) {
            secondHigh = 0x8FU;
        }
    } else {
        return {kReplacementCharacter, 1, false};
    }

    for (std::size_t i = 1; i <= needed; ++i) {
        const std::size_t index = offset + i;
        if (index >= text.size()) {
            return {kReplacementCharacter, i, false};
        }
        const unsigned char byte = byteAt(index);
        const bool inRange = i == 1 ? (byte >= secondLow && byte <= secondHigh) : isContinuation(byte);
        if (!inRange) {
            return {kReplacementCharacter, i, false};
        }
        value = (value << 6U) | static_cast<char32_t>(byte & 0x3FU);
    }
    return {value, needed + 1, true};
}

void appendUtf8(std::string& out, char32_t codePoint) {
    if ((codePoint >= 0xD800U && codePoint <= 0xDFFFU) || codePoint > 0x10FFFFU) {
        codePoint = kReplacementCharacter;
    }
    const auto put = [&](std::uint32_t byte) { out.push_back(static_cast<char>(static_cast<unsigned char>(byte))); };
    const auto cp = static_cast<std::uint32_t>(codePoint);
    if (cp < 0x80U) {
        put(cp);
    } else if (cp < 0x800U) {
        put(0xC0U | (cp >> 6U));
        put(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000U) {
        put(0xE0U | (cp >> 12U));
        put(0x80U | ((cp >> 6U) & 0x3FU));
        put(0x80U | (cp & 0x3FU));
    } else {
        put(0xF0U | (cp >> 18U));
        put(0x80U | ((cp >> 12U) & 0x3FU));
        put(0x80U | ((cp >> 6U) & 0x3FU));
        put(0x80U | (cp & 0x3FU));
    }
}

bool isValidUtf8(std::string_view text) noexcept {
    std::size_t offset = 0;
    while (offset < text.size()) {
        // ASCII is the common case; skip it without the full decoder.
        if (static_cast<unsigned char>(text[offset]) < 0x80U) {
            ++offset;
            continue;
        }
        const Utf8Char c = decodeUtf8(text, offset);
        if (!c.valid) {
            return false;
        }
        offset += c.length;
    }
    return true;
}

ControlHandling controlHandling(char32_t codePoint, char32_t next) noexcept {
    if (codePoint == U'\t' || codePoint == U'\n') {
        return ControlHandling::Keep;
    }
    if (codePoint == U'\r') {
        return next == U'\n' ? ControlHandling::Drop : ControlHandling::Space;
    }
    if (codePoint == 0x0BU || codePoint == 0x0CU || codePoint == 0x85U || codePoint == 0x2028U ||
        codePoint == 0x2029U) {
        return ControlHandling::Space;
    }
    if (codePoint < 0x20U || (codePoint >= 0x7FU && codePoint <= 0x9FU)) {
        return ControlHandling::Drop;
    }
    if ((codePoint >= 0x202AU && codePoint <= 0x202EU) || (codePoint >= 0x2066U && codePoint <= 0x2069U)) {
        return ControlHandling::Drop;
    }
    return ControlHandling::Keep;
}

void appendSanitised(std::string& out, std::string_view text) {
    std::size_t offset = 0;
    while (offset < text.size()) {
        const Utf8Char c = decodeUtf8(text, offset);
        const std::size_t nextOffset = offset + c.length;
        // Only CR looks ahead, and only for an LF byte, so a one-byte peek is enough.
        const char32_t next =
            nextOffset < text.size() ? static_cast<char32_t>(static_cast<unsigned char>(text[nextOffset])) : 0;
        switch (controlHandling(c.codePoint, next)) {
            case ControlHandling::Keep:
                if (c.valid) {
                    out.append(text.substr(offset, c.length));
                } else {
                    appendUtf8(out, kReplacementCharacter);
                }
                break;
            case ControlHandling::Space:
                out.push_back(' ');
                break;
            case ControlHandling::Drop:
                break;
        }
        offset = nextOffset;
    }
}

std::string sanitiseControlCharacters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    appendSanitised(out, text);
    return out;
}

std::string_view trimBlanks(std::string_view text) noexcept {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && blank(text[first])) ++first;
    while (last > first && blank(text[last - 1])) --last;
    return text.substr(first, last - first);
}

}  // namespace reflect::core
