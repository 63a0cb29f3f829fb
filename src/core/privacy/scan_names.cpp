// Names: after an honorific or role, after "called" or "name is", and listed names with the words around them.
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/word_sets.hpp"

namespace reflect::core::scan {

// ------------------------------------------------------------ names

bool Scanner::isNamePartAfterTrigger(std::size_t k, bool strong) const {
    if (!isKind(k, TokenKind::Word)) {
        return false;
    }
    const char32_t first = firstChar(k);
    if (isUpperLetter(first)) {
        if (length(k) == 1) {
            // An initial; a bare "I" is the pronoun unless a full stop makes it an initial.
            return first != U'I' || isPunct(k + 1, U'.');
        }
        if (isAllCaps(k)) {
            // "DR OKAFOR" counts, "Consultant ENT" does not.
            return lookupRange(tok(k).begin, nameEnd(k), true) != 0;
        }
        if (lookupToken(k) != 0) {
            return true;  // listed names win over the stop list: "Nurse May", "Dr Will Jones"
        }
        return !isBlocked(k);
    }
    if (!isLowerLetter(first)) {
        return false;
    }
    // "al-Hassan", "el-Masry": a particle joined by a hyphen to a capitalised name.
    const SmallWord word = lower(k);
    const std::size_t hyphen = word.view().find('-');
    if (hyphen != std::string_view::npos && kParticles.contains(word.view().substr(0, hyphen)) &&
        isUpperLetter(m_t[tok(k).begin + hyphen + 1])) {
        return true;
    }
    if (!strong || isBlocked(k)) {
        return false;
    }
    const std::uint8_t flags = lookupRange(tok(k).begin, nameEnd(k), true);
    return flags != 0 && (flags & names::kCommonWord) == 0;
}

Scanner::NameSpan Scanner::namePartsFrom(std::size_t k, bool strong, int maxParts) const {
    NameSpan span;
    int parts = 0;
    std::size_t particleStart = kNone;
    while (k != kNone && k < tokenCount() && parts < maxParts) {
        if (isKind(k, TokenKind::Word) && isLowerLetter(firstChar(k)) && kParticles.contains(lower(k).view())) {
            const std::size_t next = afterSpace(k);
            if (next == kNone) {
                break;
            }
            if (particleStart == kNone) {
                particleStart = tok(k).begin;
            }
            k = next;
            continue;
        }
        if (!isNamePartAfterTrigger(k, strong)) {
            break;
        }
        if (span.begin == kNone) {
            span.begin = particleStart != kNone ? particleStart : tok(k).begin;
        }
        particleStart = kNone;
        span.end = nameEnd(k);
        span.lastToken = k;
        ++parts;
        if (isPossessive(k)) {
            break;
        }
        std::size_t after = k;
        const bool initial = length(k) == 1;
        if (initial && isPunct(k + 1, U'.')) {
            after = k + 1;  // "J. Smith": the dot joins the span only if another part follows
        }
        const std::size_t next = afterSpace(after);
        if (next == kNone || !(isKind(next, TokenKind::Word))) {
            break;
        }
        if (!isNamePartAfterTrigger(next, strong) &&
            !(isLowerLetter(firstChar(next)) && kParticles.contains(lower(next).view()))) {
            break;
        }
        k = next;
    }
    return span;  // particles with no name after them stay outside the span
}

Scanner::NameSpan Scanner::nameAfterTrigger(std::size_t trigger) const {
    const SmallWord word = lower(trigger);
    const bool strong = kHonorifics.contains(word.view());
    std::size_t k = trigger;
    if (isPunct(k + 1, U'.')) {
        if (!kAbbreviations.contains(word.view())) {
            return {};  // "the nurse. Then" ends a sentence
        }
        ++k;
    }
    const std::size_t first = afterSpace(k);
    if (first == kNone) {
        return {};
    }
    return namePartsFrom(first, strong, 3);
}

Scanner::NameSpan Scanner::nameAfterContext(std::size_t k) const {
    const SmallWord word = lower(k);
    const std::string_view w = word.view();
    std::size_t first = kNone;
    if (w == "called" || w == "named") {
        const std::size_t prev = beforeSpace(k);
        if (prev != kNone && kPersonNouns.contains(lower(prev).view())) {
            first = afterSpace(k);
        }
    } else if (w == "name") {
        const std::size_t verb = afterSpace(k);
        if (wordIs(verb, "is") || wordIs(verb, "was")) {
            first = afterSpace(verb);
        }
    } else if (w == "name's") {
        first = afterSpace(k);
    }
    if (first == kNone || !isCapitalised(first)) {
        return {};
    }
    return namePartsFrom(first, false, 2);
}

bool Scanner::continuesFullName(std::size_t k) const {
    if (k == kNone || !isTitleCase(k) || isTrigger(k)) {
        return false;
    }
    const std::uint8_t flags = lookupToken(k);
    if ((flags & names::kSurname) != 0) {
        return true;  // includes everyday-word surnames: "Sarah Brown"
    }
    if ((flags & names::kGiven) != 0) {
        return (flags & names::kCommonWord) == 0;  // "Mary Jane", but not "Priya Will"
    }
    return flags == 0 && !isBlocked(k);
}

bool Scanner::excludedByContext(std::size_t first, std::size_t last) const {
    const std::size_t after = afterSpace(last);
    if (after != kNone && isKind(after, TokenKind::Word)) {
        const SmallWord next = lower(after);
        if (kBuildingWords.contains(next.view()) || kClinicalNouns.contains(next.view())) {
            return true;
        }
    }
    if (first == last && length(first) <= 4) {
        const SmallWord word = lower(first);
        const bool monthLike = std::any_of(kMonths.begin(), kMonths.end(),
                                           [&](const MonthName& m) { return m.abbreviation && m.name == word.view(); });
        const std::size_t prev = beforeSpace(first);
        if (monthLike && prev != kNone && kMonthContext.contains(lower(prev).view())) {
            return true;
        }
    }
    return false;
}

void Scanner::findNames(std::vector<Candidate>& out) const {
    std::size_t consumedUpTo = 0;  // tokens before this index already belong to a name
    const auto emit = [&](std::size_t begin, std::size_t end, std::size_t lastToken) {
        out.push_back({IdentifierKind::Name, begin, end});
        consumedUpTo = lastToken + 1;
    };
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        if (k < consumedUpTo || !isKind(k, TokenKind::Word)) {
            continue;
        }
        if (const std::size_t trigger = triggerLast(k); trigger != kNone) {
            const NameSpan span = nameAfterTrigger(trigger);
            if (span.begin != kNone) {
                emit(span.begin, span.end, span.lastToken);
                k = span.lastToken;
            } else {
                k = trigger;
            }
            continue;
        }
        const NameSpan context = nameAfterContext(k);
        if (context.begin != kNone) {
            emit(context.begin, context.end, context.lastToken);
            k = context.lastToken;
            continue;
        }
        if (!isTitleCase(k) || precededByAntiTrigger(k)) {
            continue;
        }
        const std::uint8_t flags = lookupToken(k);
        if (flags == 0) {
            continue;
        }
        std::size_t first = k;
        std::size_t last = k;
        if (isStrongListed(flags)) {
            // A capitalised word just before a listed surname is most likely the given name ("Kwabena Mensah").
            const std::size_t prev = beforeSpace(k);
            if ((flags & names::kSurname) != 0 && prev != kNone && prev >= consumedUpTo && isTitleCase(prev) &&
                !isPossessive(prev) && !isBlocked(prev) && !isTrigger(prev) && lookupToken(prev) == 0 &&
                !precededByAntiTrigger(prev)) {
                first = prev;
            }
            // A listed given name takes the capitalised words after it as the rest of the name.
            if ((flags & names::kGiven) != 0) {
                for (int extra = 0; extra < 2 && !isPossessive(last); ++extra) {
                    std::size_t next = afterSpace(last);
                    if (next != kNone && isKind(next, TokenKind::Word) && isLowerLetter(firstChar(next)) &&
                        kParticles.contains(lower(next).view())) {
                        next = afterSpace(next);  // "Maria de Souza"
                    }
                    if (!continuesFullName(next)) {
                        break;
                    }
                    last = next;
                }
            }
        } else {
            // An everyday-word name is a name only with an unambiguous surname after it ("Grace Okafor").
            const std::size_t next = afterSpace(k);
            if ((flags & names::kGiven) == 0 || isPossessive(k) || next == kNone || !isTitleCase(next) ||
                (lookupToken(next) & names::kSurname) == 0 || !isStrongListed(lookupToken(next))) {
                continue;
            }
            last = next;
        }
        if (excludedByContext(first, last)) {
            k = last;
            continue;
        }
        emit(tok(first).begin, nameEnd(last), last);
        k = last;
    }
}

// ------------------------------------------------------------ given names in lower case

// "told jamie", "with bex", "grandad joe": a listed given name typed without a capital. Only names that are not
// everyday words, not stop words and at least three letters long, and never right after "the" or "a".
bool Scanner::isLowerCaseGivenName(std::size_t k) const {
    if (!isKind(k, TokenKind::Word) || !isAsciiLower(firstChar(k)) || nameEnd(k) - tok(k).begin < 3 || isBlocked(k)) {
        return false;
    }
    const SmallWord word = lower(k);
    const std::string_view w = isPossessive(k) ? word.view().substr(0, word.view().size() - 2) : word.view();
    if (w.empty() || kLowerCaseWords.contains(w) || kParticles.contains(w)) {
        return false;
    }
    const std::uint8_t flags = lookupRange(tok(k).begin, nameEnd(k), true);
    if ((flags & names::kGiven) == 0 || (flags & names::kCommonWord) != 0) {
        return false;
    }
    const std::size_t prev = beforeSpace(k);
    return prev == kNone || !kDeterminers.contains(lower(prev).view());
}

void Scanner::findLowerCaseNames(std::vector<Candidate>& out) const {
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        if (isLowerCaseGivenName(k)) {
            out.push_back({IdentifierKind::Name, tok(k).begin, nameEnd(k)});
        }
    }
}

}  // namespace reflect::core::scan
