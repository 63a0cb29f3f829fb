// Web addresses ("https://...", "www...", "facebook.com/jess.rn", "bit.ly/x") and social-media handles ("@jess_rn"):
// a profile or a personal page points to one person as surely as a phone number does.
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace reflect::core::scan {

namespace {

// Endings of the addresses people paste or type; the last label of a bare domain must be one of these, so that
// "e.g.", "a.m." or "1.5mg" never count.
constexpr std::array<std::string_view, 16> kTopLevel{"app", "be", "co", "com", "edu", "gl",   "gov", "info",
                                                     "io",  "ly", "me", "net", "org", "scot", "tv",  "uk"};

constexpr bool isDomainLetter(char32_t c) noexcept {
    return isAsciiAlpha(c) || isDigit(c) || c == U'-';
}
constexpr bool isHandleChar(char32_t c) noexcept {
    return isAsciiAlpha(c) || isDigit(c) || c == U'_' || c == U'.';
}

// Trailing punctuation ends a sentence, not an address.
constexpr bool isTrailingPunct(char32_t c) noexcept {
    return c == U'.' || c == U',' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == U')' || c == U']' ||
           c == U'}' || c == U'\'' || c == U'"';
}

}  // namespace

// End of an address starting at pos: everything up to a space or a quote, less closing punctuation.
std::size_t Scanner::urlEnd(std::size_t pos) const {
    std::size_t end = pos;
    while (end < m_n && end - pos < 2048 && m_t[end] > U' ' && m_t[end] != U'"' && m_t[end] != U'<' &&
           m_t[end] != U'>') {
        ++end;
    }
    while (end > pos && isTrailingPunct(m_t[end - 1])) {
        --end;
    }
    // The address is replaced whole: a letter left touching it would start a new word on a second scrub.
    while (end > pos && end < m_n && letterAt(end) && letterAt(end - 1)) {
        --end;
    }
    return end;
}

// "facebook.com", "nhs.uk/jobs", "bit.ly/3xYz": labels of letters, digits and hyphens joined by dots, the last one a
// known ending, at least one letter before it; an optional path after a slash. Returns the end or kNone.
std::size_t Scanner::bareDomainEnd(std::size_t i) const {
    std::size_t end = i;
    std::size_t lastDot = kNone;
    bool letterBeforeLast = false;
    bool letterInLabel = false;
    while (end < m_n && (isDomainLetter(m_t[end]) || (m_t[end] == U'.' && end > i && m_t[end - 1] != U'.'))) {
        if (m_t[end] == U'.') {
            lastDot = end;
            letterBeforeLast = letterBeforeLast || letterInLabel;
            letterInLabel = false;
        } else if (isAsciiAlpha(m_t[end])) {
            letterInLabel = true;
        }
        ++end;
    }
    if (lastDot == end - 1) {
        --end;  // "... on facebook.com." ends a sentence
        lastDot = kNone;
        for (std::size_t p = i; p < end; ++p) {
            lastDot = m_t[p] == U'.' ? p : lastDot;
        }
    }
    if (lastDot == kNone || !letterBeforeLast || letterAt(end) || (end < m_n && m_t[end] == U'@')) {
        return kNone;
    }
    SmallWord tld;
    for (std::size_t p = lastDot + 1; p < end; ++p) {
        if (!tld.push(static_cast<char>(asciiLower(m_t[p])))) {
            return kNone;
        }
    }
    if (std::find(kTopLevel.begin(), kTopLevel.end(), tld.view()) == kTopLevel.end()) {
        return kNone;
    }
    return end < m_n && m_t[end] == U'/' ? std::max(end, urlEnd(end)) : end;
}

void Scanner::findWebAddresses(std::vector<Candidate>& out) const {
    const auto startsWith = [&](std::size_t at, std::u32string_view prefix) {
        if (at + prefix.size() > m_n) {
            return false;
        }
        for (std::size_t p = 0; p < prefix.size(); ++p) {
            if (asciiLower(m_t[at + p]) != prefix[p]) {
                return false;
            }
        }
        return true;
    };
    std::size_t i = 0;
    while (i < m_n) {
        const bool runStart =
            i == 0 || (!isDomainLetter(m_t[i - 1]) && m_t[i - 1] != U'.' && m_t[i - 1] != U'@' && !letterAt(i - 1));
        if (!runStart || !(isAsciiAlpha(m_t[i]) || isDigit(m_t[i]))) {
            ++i;
            continue;
        }
        std::size_t end = kNone;
        if (startsWith(i, U"https://") || startsWith(i, U"http://") || startsWith(i, U"www.")) {
            end = urlEnd(i);
        } else {
            end = bareDomainEnd(i);
        }
        if (end != kNone && end > i + 4) {
            out.push_back({IdentifierKind::Web, i, end});
            i = end;
            continue;
        }
        // A later start inside the same run of domain characters ends in the same place with the same ending, so
        // it cannot succeed where this one failed: skip the run (this keeps "a.a.a.a..." linear).
        while (i < m_n && (isDomainLetter(m_t[i]) || m_t[i] == U'.')) {
            ++i;
        }
    }
}

void Scanner::findHandles(std::vector<Candidate>& out) const {
    for (std::size_t i = 0; i < m_n; ++i) {
        if (m_t[i] != U'@' || (i > 0 && isLocalChar(m_t[i - 1])) || i + 1 >= m_n || !isAsciiAlpha(m_t[i + 1])) {
            continue;  // an email address, or "@ 10am", "@10am"
        }
        std::size_t end = i + 1;
        while (end < m_n && end - i <= 31 && isHandleChar(m_t[end])) {
            ++end;
        }
        while (end > i + 1 && m_t[end - 1] == U'.') {
            --end;
        }
        if (end - i < 3 || end - i > 31 || letterAt(end) || (end < m_n && m_t[end] == U'@')) {
            continue;
        }
        out.push_back({IdentifierKind::Web, i, end});
        i = end - 1;
    }
}

}  // namespace reflect::core::scan
