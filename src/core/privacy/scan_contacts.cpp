// Contact details: email addresses, phone numbers and the short extensions after "bleep" or "ext".
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/word_sets.hpp"

namespace reflect::core::scan {

// ------------------------------------------------------------ email

bool Scanner::isLocalChar(char32_t c) {
    return isAsciiAlpha(c) || isDigit(c) || c == U'.' || c == U'_' || c == U'%' || c == U'+' || c == U'-' ||
           c == U'\'' || (c >= 0x80U && isLetter(c));
}

void Scanner::findEmails(std::vector<Candidate>& out) const {
    std::size_t previousEnd = 0;
    for (std::size_t at = 0; at < m_n; ++at) {
        if (m_t[at] != U'@') {
            continue;
        }
        // The local part is at most 64 characters; looking no further keeps "aaaa…@" linear.
        std::size_t left = at;
        while (left > previousEnd && at - left < 64 && isLocalChar(m_t[left - 1])) {
            --left;
        }
        if (left > previousEnd && isLocalChar(m_t[left - 1])) {
            continue;
        }
        while (left < at && (m_t[left] == U'.' || m_t[left] == U'\'' || m_t[left] == U'-')) {
            ++left;
        }
        if (left == at) {
            continue;
        }
        std::size_t right = at + 1;
        while (right < m_n && right - at <= 253 && isDomainChar(m_t[right])) {
            ++right;
        }
        while (right > at + 1 && (m_t[right - 1] == U'.' || m_t[right - 1] == U'-')) {
            --right;
        }
        if (right <= at + 1 || m_t[at + 1] == U'.') {
            continue;
        }
        std::size_t lastDot = kNone;
        for (std::size_t i = at + 1; i < right; ++i) {
            if (m_t[i] == U'.') {
                lastDot = i;
            }
        }
        if (lastDot == kNone || right - lastDot - 1 < 2) {
            continue;
        }
        bool tldLetters = true;
        for (std::size_t i = lastDot + 1; i < right; ++i) {
            tldLetters = tldLetters && isLetter(m_t[i]);
        }
        if (!tldLetters) {
            continue;
        }
        out.push_back({IdentifierKind::Email, left, right});
        previousEnd = right;
        at = right - 1;
    }
}

// ------------------------------------------------------------ phone

void Scanner::findPhones(std::vector<Candidate>& out) const {
    for (std::size_t i = 0; i < m_n; ++i) {
        const char32_t c = m_t[i];
        if (c != U'+' && c != U'(' && c != U'0') {
            continue;
        }
        // Letters may touch the number ("tel07700 900123"); digits may not, or it is part of something longer.
        if (i > 0 && (isDigit(m_t[i - 1]) || m_t[i - 1] == U'+')) {
            continue;
        }
        std::size_t begin = kNone;
        const std::size_t end = matchPhone(i, begin);
        if (end != kNone) {
            out.push_back({IdentifierKind::Phone, begin, end});
            i = end - 1;
        }
    }
}

std::size_t Scanner::matchPhone(std::size_t i, std::size_t& begin) const {
    std::size_t pos = i;
    bool openedAtStart = false;
    if (m_t[pos] == U'(') {
        openedAtStart = true;
        ++pos;
        if (pos < m_n && m_t[pos] == U' ') {
            ++pos;
        }
    }
    if (pos >= m_n) {
        return kNone;
    }
    const std::size_t numberStart = pos;
    bool international = false;
    if (m_t[pos] == U'+') {
        if (!digitAt(pos + 1)) {
            return kNone;
        }
        international = true;
        ++pos;
    } else if (m_t[pos] == U'0' && digitAt(pos + 1) && m_t[pos + 1] == U'0') {
        if (!digitAt(pos + 2) || m_t[pos + 2] == U'0') {
            return kNone;
        }
        international = true;
        pos += 2;
    } else if (m_t[pos] != U'0') {
        return kNone;
    }

    std::size_t digits = 0;
    char32_t secondDigit = 0;
    std::size_t bestEnd = kNone;
    bool closed = false;
    bool bestClosed = false;
    for (int group = 0; group < 10; ++group) {
        const std::size_t groupEnd = digitRunEnd(pos);
        const std::size_t groupLength = groupEnd - pos;
        if (groupLength == 0) {
            break;
        }
        const bool bracketedZero = international && digits > 0 && groupLength == 1 && m_t[pos] == U'0' && pos > 0 &&
                                   m_t[pos - 1] == U'(' && groupEnd < m_n && m_t[groupEnd] == U')';
        if (!bracketedZero) {
            if (!international && digits < 2 && digits + groupLength >= 2) {
                secondDigit = m_t[pos + (1 - digits)];
            }
            digits += groupLength;
        }
        if (digits > 15) {
            break;
        }
        pos = groupEnd;
        const bool valid =
            international ? (digits >= 8 && digits <= 15) : ((digits == 10 || digits == 11) && secondDigit != U'0');
        if (valid) {
            bestEnd = pos;
            bestClosed = closed;
        }
        // Separator: up to three characters of spaces, one hyphen and brackets, then a digit.
        std::size_t s = pos;
        int spaces = 0;
        int hyphens = 0;
        int opens = 0;
        int closes = 0;
        while (s < m_n && s - pos < 4) {
            const char32_t c = m_t[s];
            if (c == U' ' && ++spaces <= 2) {
                ++s;
            } else if (c == U'-' && ++hyphens <= 1) {
                ++s;
            } else if (c == U'(' && ++opens <= 1) {
                ++s;
            } else if (c == U')' && ++closes <= 1) {
                ++s;
            } else {
                break;
            }
        }
        if (s == pos || !digitAt(s)) {
            break;
        }
        closed = closed || closes > 0;
        pos = s;
    }
    if (bestEnd == kNone) {
        return kNone;
    }
    // Keep an opening bracket inside the placeholder only when its partner is inside too.
    begin = openedAtStart && bestClosed ? i : numberStart;
    return bestEnd;
}

std::size_t Scanner::numberLaterInClause(std::size_t k, std::string_view contextWord) const {
    const bool reachesAhead =
        contextWord == "bleep" || contextWord == "bleeper" || contextWord == "pager" || contextWord == "extension";
    if (!reachesAhead) {
        return kNone;
    }
    int words = 0;
    for (std::size_t j = k + 1; j < tokenCount() && words <= 6; ++j) {
        const TokenKind kind = tok(j).kind;
        if (kind == TokenKind::Number) {
            return j;
        }
        if (kind == TokenKind::Word) {
            ++words;
        } else if (kind != TokenKind::Space) {
            return kNone;  // punctuation or a line break ends the clause
        }
    }
    return kNone;
}

void Scanner::findExtensions(std::vector<Candidate>& out) const {
    constexpr std::array<std::string_view, 11> kContext{"bleep", "bleeper",   "pager", "ext",    "extn",    "extension",
                                                        "tel",   "telephone", "phone", "mobile", "landline"};
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        if (!isKind(k, TokenKind::Word)) {
            continue;
        }
        const SmallWord word = lower(k);
        if (std::find(kContext.begin(), kContext.end(), word.view()) == kContext.end()) {
            continue;
        }
        std::size_t next = k;
        if (isPunct(next + 1, U'.')) {
            ++next;
        }
        if (isPunct(next + 1, U':') || isPunct(next + 1, U'#')) {
            ++next;
        }
        std::size_t number = afterSpace(next);
        if (wordIs(number, "is") || wordIs(number, "was") || wordIs(number, "on")) {
            number = afterSpace(number);  // "bleep is 6677"
        }
        if (wordIs(number, "no") || wordIs(number, "number")) {
            number = isPunct(number + 1, U'.') ? afterSpace(number + 1) : afterSpace(number);
        }
        if (number == kNone && isKind(next + 1, TokenKind::Number)) {
            number = next + 1;  // "ext.2231"
        }
        if (number == kNone || !isKind(number, TokenKind::Number)) {
            number = numberLaterInClause(k, word.view());  // "the bleep for the outreach team is 3345"
        }
        if (number == kNone || !isKind(number, TokenKind::Number)) {
            continue;
        }
        const std::size_t begin = tok(number).begin;
        const std::size_t end = tok(number).end;
        if (end - begin < 3 || end - begin > 6) {
            continue;
        }
        // A time ("phone at 14:30") is not an extension. The start of a longer number ("tel 0161 496 0000")
        // needs no test here: the full phone number starts at the same place and the longer finding wins.
        const bool timeOrRatio =
            end + 1 < m_n && (m_t[end] == U':' || m_t[end] == U'/' || m_t[end] == U'.') && isDigit(m_t[end + 1]);
        if (timeOrRatio) {
            continue;
        }
        out.push_back({IdentifierKind::Phone, begin, end});
        k = number;
    }
}

}  // namespace reflect::core::scan
