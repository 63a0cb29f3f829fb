// Official numbers: NHS numbers, NI numbers and postcodes.
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/word_sets.hpp"

namespace reflect::core::scan {

// ------------------------------------------------------------ NHS number

bool Scanner::followsCountryCode(std::size_t i) const {
    std::size_t p = i;
    for (int gaps = 0; gaps < 2 && p > 0 && (m_t[p - 1] == U' ' || m_t[p - 1] == U'-'); ++gaps) {
        --p;
    }
    if (p >= 3 && m_t[p - 1] == U')' && m_t[p - 2] == U'0' && m_t[p - 3] == U'(') {
        p -= 3;  // "(0)"
        while (p > 0 && m_t[p - 1] == U' ') {
            --p;
        }
    }
    if (p == i || p == 0 || !isDigit(m_t[p - 1])) {
        return false;
    }
    std::size_t digits = 0;
    while (p > 0 && isDigit(m_t[p - 1]) && digits < 5) {
        --p;
        ++digits;
    }
    const bool plus = p > 0 && m_t[p - 1] == U'+';
    const bool doubleZero = digits >= 3 && m_t[p] == U'0' && m_t[p + 1] == U'0' && (p == 0 || !isDigit(m_t[p - 1]));
    return plus || doubleZero;
}

void Scanner::findNhsNumbers(std::vector<Candidate>& out) const {
    std::size_t i = 0;
    while (i < m_n) {
        if (!isDigit(m_t[i]) || (i > 0 && isDigit(m_t[i - 1]))) {
            ++i;
            continue;
        }
        const std::size_t runEnd = digitRunEnd(i);
        if (followsCountryCode(i)) {
            i = runEnd;  // "+44 117 496 0234" is a phone number that happens to be 3-3-4
            continue;
        }
        if (runEnd - i == 10) {
            out.push_back({IdentifierKind::NhsNumber, i, runEnd});
        } else if (runEnd - i == 3) {
            const std::size_t second = skipDigitGap(runEnd, true);
            if (second != kNone && digitRunEnd(second) - second == 3) {
                const std::size_t third = skipDigitGap(second + 3, true);
                if (third != kNone && digitRunEnd(third) - third == 4) {
                    out.push_back({IdentifierKind::NhsNumber, i, third + 4});
                    i = third + 4;
                    continue;
                }
            }
        }
        i = runEnd;
    }
}

// ------------------------------------------------------------ NI number

void Scanner::findNiNumbers(std::vector<Candidate>& out) const {
    for (std::size_t i = 0; i + 8 <= m_n; ++i) {
        if (!startsLetterRun(i) || !isAsciiAlpha(m_t[i]) || !isAsciiAlpha(m_t[i + 1])) {
            continue;
        }
        const std::size_t end = matchNino(i);
        if (end != kNone) {
            out.push_back({IdentifierKind::NiNumber, i, end});
            i = end - 1;
        }
    }
}

std::size_t Scanner::matchNino(std::size_t i) const {
    const char32_t a = asciiUpper(m_t[i]);
    const char32_t b = asciiUpper(m_t[i + 1]);
    constexpr std::u32string_view kNeverUsed = U"DFIQUV";
    if (kNeverUsed.find(a) != std::u32string_view::npos || kNeverUsed.find(b) != std::u32string_view::npos ||
        b == U'O') {
        return kNone;
    }
    constexpr std::array<std::u32string_view, 7> kBarred{U"BG", U"GB", U"KN", U"NK", U"NT", U"TN", U"ZZ"};
    const std::u32string prefix{a, b};
    if (std::find(kBarred.begin(), kBarred.end(), prefix) != kBarred.end()) {
        return kNone;
    }
    std::size_t pos = i + 2;
    if (pos < m_n && m_t[pos] == U'-' && digitAt(pos + 1)) {
        ++pos;  // "KL-12-34-56-A"
    } else if (pos < m_n && m_t[pos] == U' ') {
        // "on 123456" is English, "ON 12 34 56" is not: a spaced lower-case prefix must not be a common word.
        const bool lowerCase = isAsciiLower(m_t[i]) && isAsciiLower(m_t[i + 1]);
        const char word[2] = {static_cast<char>(asciiLower(m_t[i])), static_cast<char>(asciiLower(m_t[i + 1]))};
        if (lowerCase && kTwoLetterWords.contains(std::string_view(word, 2))) {
            return kNone;
        }
        ++pos;
    }
    int digits = 0;
    while (digits < 6 && pos < m_n) {
        if (isDigit(m_t[pos])) {
            ++digits;
            ++pos;
        } else if (digits > 0 && (m_t[pos] == U' ' || m_t[pos] == U'-') && digitAt(pos + 1)) {
            ++pos;
        } else {
            break;
        }
    }
    if (digits != 6 || digitAt(pos)) {
        return kNone;
    }
    std::size_t suffix = pos;
    if (suffix < m_n && (m_t[suffix] == U' ' || m_t[suffix] == U'-')) {
        ++suffix;
    }
    if (suffix < m_n) {
        const char32_t s = asciiUpper(m_t[suffix]);
        if (s >= U'A' && s <= U'D' && !letterAt(suffix + 1)) {
            return suffix + 1;
        }
    }
    return pos;
}

// ------------------------------------------------------------ postcode

void Scanner::findPostcodes(std::vector<Candidate>& out) const {
    for (std::size_t i = 0; i + 5 <= m_n; ++i) {
        if (!isAsciiAlpha(m_t[i]) || !startsLetterRun(i)) {
            continue;
        }
        const std::size_t end = matchPostcode(i);
        if (end != kNone) {
            out.push_back({IdentifierKind::Postcode, i, end});
            i = end - 1;
        }
    }
}

std::size_t Scanner::matchInward(std::size_t pos) const {
    constexpr std::u32string_view kInwardLetters = U"ABDEFGHJLNPQRSTUWXYZ";
    if (pos + 3 > m_n || !isDigit(m_t[pos]) || letterAt(pos + 3)) {
        return kNone;
    }
    const char32_t l1 = upperAt(pos + 1);
    const char32_t l2 = upperAt(pos + 2);
    if (!isAsciiAlpha(m_t[pos + 1]) || !isAsciiAlpha(m_t[pos + 2]) ||
        kInwardLetters.find(l1) == std::u32string_view::npos || kInwardLetters.find(l2) == std::u32string_view::npos) {
        return kNone;
    }
    // "A1 2nd floor": a lower-case ordinal is not an inward code.
    const bool lowerCase = isAsciiLower(m_t[pos + 1]) && isAsciiLower(m_t[pos + 2]);
    if (lowerCase) {
        const std::u32string_view letters(m_t.data() + pos + 1, 2);
        if (letters == U"st" || letters == U"nd" || letters == U"rd" || letters == U"th") {
            return kNone;
        }
    }
    return pos + 3;
}

std::size_t Scanner::afterPostcodeGap(std::size_t pos) const {
    std::size_t p = pos;
    if (p < m_n && m_t[p] == U' ') {
        ++p;
        if (p < m_n && m_t[p] == U' ') {
            ++p;
        }
    } else if (p < m_n && m_t[p] == U'\n') {
        ++p;
    }
    return p;
}

std::size_t Scanner::matchPostcode(std::size_t i) const {
    // GIR 0AA, the one exception to the rules.
    if (upperAt(i) == U'G' && upperAt(i + 1) == U'I' && upperAt(i + 2) == U'R') {
        const std::size_t p = afterPostcodeGap(i + 3);
        if (p + 3 <= m_n && m_t[p] == U'0' && upperAt(p + 1) == U'A' && upperAt(p + 2) == U'A' && !letterAt(p + 3)) {
            return p + 3;
        }
    }
    const char32_t c0 = upperAt(i);
    if (c0 == U'Q' || c0 == U'V' || c0 == U'X') {
        return kNone;
    }
    // Candidate outward codes, longest first, so "SW1A1AA" tries "SW1A" before "SW1".
    std::array<std::size_t, 3> lengths{};
    std::size_t count = 0;
    if (digitAt(i + 1)) {
        if (digitAt(i + 2)) {
            lengths[count++] = 3;  // A99
        } else if (isAsciiAlpha(m_t[i + 2]) && inSet(U"ABCDEFGHJKSTUW", upperAt(i + 2))) {
            lengths[count++] = 3;  // A9A
        }
        lengths[count++] = 2;  // A9
    } else if (isAsciiAlpha(m_t[i + 1])) {
        const char32_t c1 = upperAt(i + 1);
        if (c1 == U'I' || c1 == U'J' || c1 == U'Z' || !digitAt(i + 2)) {
            return kNone;
        }
        if (digitAt(i + 3)) {
            lengths[count++] = 4;  // AA99
        } else if (i + 3 < m_n && isAsciiAlpha(m_t[i + 3]) && inSet(U"ABEHMNPRVWXY", upperAt(i + 3))) {
            lengths[count++] = 4;  // AA9A
        }
        lengths[count++] = 3;  // AA9
    }
    for (std::size_t c = 0; c < count; ++c) {
        const std::size_t outwardEnd = i + lengths[c];
        const std::size_t end = matchInward(afterPostcodeGap(outwardEnd));
        if (end != kNone) {
            return end;
        }
    }
    return kNone;
}

}  // namespace reflect::core::scan
