// The shared character and token helpers of the scanner: gap skipping, name lookups, triggers and blocks.
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/word_sets.hpp"

namespace reflect::core::scan {

// ------------------------------------------------------------ character helpers

std::size_t Scanner::digitRunEnd(std::size_t i) const {
    while (i < m_n && isDigit(m_t[i])) {
        ++i;
    }
    return i;
}

std::size_t Scanner::skipDigitGap(std::size_t pos, bool allowDot) const {
    if (pos >= m_n) {
        return kNone;
    }
    const auto isMark = [&](char32_t c) { return c == U'-' || (allowDot && c == U'.'); };
    std::size_t p = pos;
    if (m_t[p] == U' ') {
        ++p;
        if (p < m_n && m_t[p] == U' ') {
            ++p;
        }
    }
    if (p < m_n && (isMark(m_t[p]) || m_t[p] == U'\n')) {
        ++p;
        if (p < m_n && m_t[p] == U' ') {
            ++p;
        }
    }
    return p == pos ? kNone : p;
}

// ------------------------------------------------------------ token helpers

std::size_t Scanner::afterSpace(std::size_t k) const {
    if (k == kNone || k + 2 >= tokenCount() || !isKind(k + 1, TokenKind::Space) || length(k + 1) > 3) {
        return kNone;
    }
    return k + 2;
}

std::size_t Scanner::afterSpaceOrComma(std::size_t k) const {
    if (k != kNone && isPunct(k + 1, U',')) {
        return afterSpace(k + 1);
    }
    return afterSpace(k);
}

std::size_t Scanner::beforeSpace(std::size_t k) const {
    if (k < 2 || !isKind(k - 1, TokenKind::Space) || length(k - 1) > 3) {
        return kNone;
    }
    return k - 2;
}

SmallWord Scanner::lower(std::size_t k) const {
    SmallWord word;
    if (k == kNone || k >= tokenCount()) {
        return word;
    }
    for (std::size_t i = tok(k).begin; i < tok(k).end; ++i) {
        const char32_t c = m_t[i];
        if (c >= 0x80U || !word.push(static_cast<char>(asciiLower(c)))) {
            return SmallWord{};
        }
    }
    return word;
}

bool Scanner::isPossessive(std::size_t k) const {
    const Token& t = tok(k);
    return t.end - t.begin >= 3 && m_t[t.end - 2] == U'\'' && (m_t[t.end - 1] == U's' || m_t[t.end - 1] == U'S');
}

bool Scanner::isAllCaps(std::size_t k) const {
    for (std::size_t i = tok(k).begin; i < tok(k).end; ++i) {
        if (isLowerLetter(m_t[i])) {
            return false;
        }
    }
    return true;
}

std::uint8_t Scanner::lookupRange(std::size_t begin, std::size_t end, bool titleCase) const {
    SecretString folded;
    const WipeOnExit<SecretString> wipe(folded);
    folded.reserve(end - begin + 2);
    for (std::size_t i = begin; i < end; ++i) {
        if (!appendFolded(folded, m_t[i]) || folded.size() > SmallWord::kCapacity) {
            return 0;
        }
    }
    if (titleCase) {
        bool upperNext = true;
        for (char& c : folded) {
            const bool isAlpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (isAlpha) {
                c = upperNext ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
            }
            upperNext = c == '\'' || c == '-';
        }
    }
    return names::lookup(m_names, folded);
}

std::uint8_t Scanner::lookupToken(std::size_t k) const {
    const std::size_t begin = tok(k).begin;
    const std::size_t end = nameEnd(k);
    const std::uint8_t whole = lookupRange(begin, end, false);
    if (whole != 0) {
        return whole;
    }
    std::uint8_t combined = 0;
    bool strongPart = false;
    std::size_t partBegin = begin;
    for (std::size_t i = begin; i <= end; ++i) {
        if (i == end || m_t[i] == U'-') {
            if (i == partBegin || !isUpperLetter(m_t[partBegin])) {
                return 0;
            }
            const std::uint8_t part = lookupRange(partBegin, i, false);
            combined = static_cast<std::uint8_t>(combined | part);
            strongPart = strongPart || (part != 0 && (part & names::kCommonWord) == 0);
            partBegin = i + 1;
        }
    }
    if (partBegin == begin || !strongPart) {
        return 0;  // not hyphenated, or only everyday-word parts
    }
    return static_cast<std::uint8_t>(combined & ~names::kCommonWord);
}

std::size_t Scanner::triggerLast(std::size_t k) const {
    if (!isKind(k, TokenKind::Word)) {
        return kNone;
    }
    const SmallWord word = lower(k);
    const std::string_view w = word.view();
    if (isKind(k + 1, TokenKind::Number) && length(k + 1) == 1) {
        // Grades written with a digit: "FY1", "ST3", "F2".
        SecretString grade(w);
        const WipeOnExit<SecretString> wipe(grade);
        grade.push_back(static_cast<char>(m_t[tok(k + 1).begin]));
        return kRoleTriggers.contains(std::string_view(grade)) ? k + 1 : kNone;
    }
    if (kHonorifics.contains(w) || kRoleTriggers.contains(w)) {
        return k;
    }
    // Two-word roles whose second word is too general alone: "Healthcare Assistant", "Nursing Associate",
    // "Support Worker".
    const std::size_t prev = beforeSpace(k);
    const bool twoWordRole = (w == "assistant" && (wordIs(prev, "healthcare") || wordIs(prev, "care"))) ||
                             (w == "associate" && wordIs(prev, "nursing")) ||
                             (w == "worker" && wordIs(prev, "support"));
    return twoWordRole ? k : kNone;
}

bool Scanner::isBlocked(std::size_t k) const {
    const SmallWord word = lower(k);
    const std::string_view w = isPossessive(k) ? word.view().substr(0, word.view().size() - 2) : word.view();
    return kStopWords.contains(w) || kHonorifics.contains(w) || kRoleTriggers.contains(w) ||
           kBuildingWords.contains(w) || kClinicalNouns.contains(w) || kLocationKeywords.contains(w) ||
           kStreetTypes.contains(w);
}

bool Scanner::precededByAntiTrigger(std::size_t k) const {
    std::size_t prev = beforeSpace(k);
    if (prev == kNone && k >= 3 && isKind(k - 1, TokenKind::Space) && isPunct(k - 2, U'.')) {
        prev = k - 3;  // "St. Thomas"
    }
    return prev != kNone && isCapitalised(prev) && kAntiTriggers.contains(lower(prev).view());
}

}  // namespace reflect::core::scan
