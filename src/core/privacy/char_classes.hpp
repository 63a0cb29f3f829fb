// Character classes for the identifier scanners: which code points are letters, digits or marks, and the
// look-alike folding that lets a full-width or zero-width-split identifier be matched like a plain one.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "core/contribute/secret_text.hpp"

namespace reflect::core::scan {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);
inline constexpr char32_t kIgnored = 0xFFFFFFFFU;

inline constexpr bool isDigit(char32_t c) noexcept {
    return c >= U'0' && c <= U'9';
}
inline constexpr bool isAsciiUpper(char32_t c) noexcept {
    return c >= U'A' && c <= U'Z';
}
inline constexpr bool isAsciiLower(char32_t c) noexcept {
    return c >= U'a' && c <= U'z';
}
inline constexpr bool isAsciiAlpha(char32_t c) noexcept {
    return isAsciiUpper(c) || isAsciiLower(c);
}
inline constexpr char32_t asciiUpper(char32_t c) noexcept {
    return isAsciiLower(c) ? static_cast<char32_t>(c - 32U) : c;
}
inline constexpr char32_t asciiLower(char32_t c) noexcept {
    return isAsciiUpper(c) ? static_cast<char32_t>(c + 32U) : c;
}

inline constexpr bool isCombiningMark(char32_t c) noexcept {
    return (c >= 0x0300U && c <= 0x036FU) || (c >= 0x1AB0U && c <= 0x1AFFU) || (c >= 0x1DC0U && c <= 0x1DFFU) ||
           (c >= 0x20D0U && c <= 0x20FFU) || (c >= 0xFE20U && c <= 0xFE2FU);
}

// Letters of the scripts people are likely to type. Approximate on purpose: a letter missed here only means a word
// in that script is never taken for an identifier, which is the safe direction for everything but names.
inline constexpr bool isLetter(char32_t c) noexcept {
    if (c < 0x80U) {
        return isAsciiAlpha(c);
    }
    if (c < 0xC0U) {
        return c == 0xAAU || c == 0xB5U || c == 0xBAU;
    }
    if (c == 0xD7U || c == 0xF7U) {
        return false;
    }
    if (c <= 0x02AFU) {
        return true;  // Latin-1 letters, Latin Extended-A and -B, IPA
    }
    if (c >= 0x0370U && c <= 0x03FFU) {
        return c != 0x037EU && c != 0x0387U;
    }
    if (c >= 0x0400U && c <= 0x052FU) {
        return true;
    }
    if ((c >= 0x0531U && c <= 0x058FU) || (c >= 0x05D0U && c <= 0x05EAU)) {
        return true;
    }
    if ((c >= 0x0620U && c <= 0x064AU) || (c >= 0x066EU && c <= 0x06D3U)) {
        return true;
    }
    if (c >= 0x0900U && c <= 0x0DFFU) {
        return c != 0x0964U && c != 0x0965U;
    }
    if (c >= 0x0E01U && c <= 0x0E30U) {
        return true;
    }
    if (c >= 0x1E00U && c <= 0x1EFFU) {
        return true;
    }
    if (c >= 0x3040U && c <= 0x30FFU) {
        return c != 0x30FBU;
    }
    return (c >= 0x3400U && c <= 0x4DBFU) || (c >= 0x4E00U && c <= 0x9FFFU) || (c >= 0xAC00U && c <= 0xD7AFU) ||
           (c >= 0xF900U && c <= 0xFAFFU);
}

inline constexpr bool isWordChar(char32_t c) noexcept {
    return isDigit(c) || isLetter(c) || isCombiningMark(c);
}

inline constexpr bool inSet(std::u32string_view set, char32_t c) noexcept {
    return set.find(c) != std::u32string_view::npos;
}

inline constexpr bool isUpperLetter(char32_t c) noexcept {
    if (c < 0x80U) {
        return isAsciiUpper(c);
    }
    if (c >= 0xC0U && c <= 0xDEU) {
        return c != 0xD7U;
    }
    if ((c >= 0x0100U && c <= 0x0137U) || (c >= 0x014AU && c <= 0x0177U)) {
        return c % 2U == 0U;
    }
    if ((c >= 0x0139U && c <= 0x0148U) || (c >= 0x0179U && c <= 0x017EU)) {
        return c % 2U == 1U;
    }
    if (c == 0x0178U || c == 0x01A0U || c == 0x01AFU || c == 0x0218U || c == 0x021AU) {
        return true;
    }
    if ((c >= 0x0391U && c <= 0x03A9U) || (c >= 0x0400U && c <= 0x042FU)) {
        return true;
    }
    if (c >= 0x1E00U && c <= 0x1EFFU) {
        return c % 2U == 0U;
    }
    return false;
}

inline constexpr bool isLowerLetter(char32_t c) noexcept {
    if (c < 0x80U) {
        return isAsciiLower(c);
    }
    if (!isLetter(c) || isUpperLetter(c)) {
        return false;
    }
    // Only cased scripts have lower case; Arabic or Han letters are neither.
    return c <= 0x024FU || (c >= 0x03ACU && c <= 0x03FFU) || (c >= 0x0430U && c <= 0x045FU) ||
           (c >= 0x1E00U && c <= 0x1EFFU);
}

// Folds one code point of a name to ASCII for the gazetteer lookup ("Ł" -> "L", "ß" -> "ss"). Combining accents
// (decomposed "Zoë") vanish. Returns false for characters with no sensible ASCII form.
bool appendFolded(SecretString& out, char32_t c);

// What the scanners see instead of `c`. Look-alikes become ASCII and invisible characters are skipped, so that
// "９９９ ０００ ００１８" or "999\u200B000\u200B0018" cannot slip past.
inline constexpr char32_t normaliseForMatching(char32_t c) noexcept {
    if (c < 0x80U) {
        return c == U'\t' ? U' ' : c;
    }
    if (c == 0x00A0U || c == 0x1680U || (c >= 0x2000U && c <= 0x200AU) || c == 0x202FU || c == 0x205FU ||
        c == 0x3000U) {
        return U' ';
    }
    if (c == 0x00ADU || c == 0x034FU || c == 0x061CU || c == 0x180EU || (c >= 0x200BU && c <= 0x200FU) ||
        (c >= 0x2060U && c <= 0x2064U) || c == 0xFEFFU || (c >= 0xFE00U && c <= 0xFE0FU) ||
        (c >= 0xE0100U && c <= 0xE01EFU)) {
        return kIgnored;
    }
    if (c >= 0xFF01U && c <= 0xFF5EU) {
        return static_cast<char32_t>(c - 0xFEE0U);  // full-width ASCII
    }
    constexpr std::array<char32_t, 18> kZeros{0x0660U, 0x06F0U, 0x07C0U, 0x0966U, 0x09E6U, 0x0A66U,
                                              0x0AE6U, 0x0B66U, 0x0BE6U, 0x0C66U, 0x0CE6U, 0x0D66U,
                                              0x0E50U, 0x0ED0U, 0x0F20U, 0x1040U, 0x17E0U, 0x1810U};
    for (const char32_t zero : kZeros) {
        if (c >= zero && c <= zero + 9U) {
            return static_cast<char32_t>(U'0' + (c - zero));
        }
    }
    if (c >= 0x1D7CEU && c <= 0x1D7FFU) {
        return static_cast<char32_t>(U'0' + (c - 0x1D7CEU) % 10U);  // mathematical bold, sans, monospace digits
    }
    if ((c >= 0x2010U && c <= 0x2015U) || c == 0x2212U || c == 0xFE58U || c == 0xFE63U) {
        return U'-';
    }
    if (c == 0x2018U || c == 0x2019U || c == 0x201BU || c == 0x02BCU || c == 0x2032U || c == 0x00B4U) {
        return U'\'';
    }
    if (c == 0xFE6BU) {
        return U'@';
    }
    if (c == 0xFE52U || c == 0x3002U || c == 0xFF61U || c == 0x2024U) {
        return U'.';
    }
    if (c == 0x2044U || c == 0x2215U) {
        return U'/';
    }
    return c;
}

}  // namespace reflect::core::scan
