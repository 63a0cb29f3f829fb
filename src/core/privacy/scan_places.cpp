// Places: ward, bay, bed and room numbers, named wards and units, street names.
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/word_sets.hpp"

namespace reflect::core::scan {

// ------------------------------------------------------------ locations

std::size_t Scanner::locationIdEnd(std::size_t k) const {
    if (k == kNone) {
        return kNone;
    }
    if (isKind(k, TokenKind::Number)) {
        if (length(k) > 4) {
            return kNone;
        }
        if (!isKind(k + 1, TokenKind::Word)) {
            return k;
        }
        if (length(k + 1) == 1 && isAsciiAlpha(firstChar(k + 1))) {
            return k + 1;  // "12B"
        }
        const SmallWord suffix = lower(k + 1);
        const std::string_view v = suffix.view();
        return v == "st" || v == "nd" || v == "rd" || v == "th" ? kNone : k;  // "bay 3rd" is not a bay
    }
    if (isKind(k, TokenKind::Word) && length(k) == 1 && isAsciiUpper(firstChar(k))) {
        if (isKind(k + 1, TokenKind::Number)) {
            return length(k + 1) <= 3 ? k + 1 : kNone;  // "B12"
        }
        return firstChar(k) != U'I' ? k : kNone;  // "Bay C", but "bed I think" is the pronoun
    }
    return kNone;
}

bool Scanner::followedByQuantity(std::size_t k) const {
    const std::size_t end = tok(k).end;
    if (end + 1 < m_n && (m_t[end] == U':' || m_t[end] == U'/' || m_t[end] == U'.' || m_t[end] == U',') &&
        isDigit(m_t[end + 1])) {
        return true;
    }
    if (isPunct(k + 1, U'%')) {
        return true;
    }
    const std::size_t next = afterSpace(k);
    return next != kNone && isKind(next, TokenKind::Word) && kUnitWords.contains(lower(next).view());
}

bool Scanner::isPlaceWord(std::size_t k, bool allowGivenNames) const {
    if (k == kNone || !isTitleCase(k) || isPossessive(k)) {
        return false;
    }
    const SmallWord word = lower(k);
    const std::string_view w = word.view();
    if (w.empty() || kStopWords.contains(w) || kUnitDescriptors.contains(w) || kBuildingWords.contains(w) ||
        kHonorifics.contains(w) || kRoleTriggers.contains(w) || kLocationKeywords.contains(w) ||
        kStreetTypes.contains(w) || kAntiTriggers.contains(w)) {
        return false;
    }
    if (!allowGivenNames) {
        const std::uint8_t flags = lookupToken(k);
        if ((flags & names::kGiven) != 0 && (flags & names::kCommonWord) == 0) {
            return false;  // "Siobhan Ward" is a person
        }
    }
    return true;
}

void Scanner::findLocations(std::vector<Candidate>& out) const {
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        if (!isKind(k, TokenKind::Word)) {
            continue;
        }
        const SmallWord word = lower(k);
        const std::string_view w = word.view();

        // "Ward 7", "bay 3", "side room 2", "bed space 4", "bed no. 4"
        std::size_t keyword = kNone;
        if (kLocationKeywords.contains(w)) {
            keyword = k;
        } else if (w == "side" && wordIs(afterSpace(k), "room")) {
            keyword = afterSpace(k);
        }
        if (keyword != kNone) {
            if (wordIs(keyword, "bed") && wordIs(afterSpace(keyword), "space")) {
                keyword = afterSpace(keyword);
            }
            std::size_t id = afterSpace(keyword);
            if (wordIs(id, "no") || wordIs(id, "number")) {
                id = isPunct(id + 1, U'.') ? afterSpace(id + 1) : afterSpace(id);
            }
            const std::size_t idEnd = locationIdEnd(id);
            if (idEnd != kNone && !followedByQuantity(idEnd)) {
                out.push_back({IdentifierKind::Location, tok(k).begin, tok(idEnd).end});
                k = idEnd;
                continue;
            }
        }

        // "Nightingale Ward", "Florence Nightingale Ward", "Rainbow Unit"
        const std::size_t next = afterSpace(k);
        if (isPlaceWord(k, false) && (wordIs(next, "ward") || wordIs(next, "unit"))) {
            const std::size_t prev = beforeSpace(k);
            const std::size_t start = prev != kNone && isPlaceWord(prev, true) ? prev : k;
            std::size_t last = next;
            const std::size_t idEnd = locationIdEnd(afterSpace(next));
            if (idEnd != kNone && !followedByQuantity(idEnd)) {
                last = idEnd;  // "Nightingale Ward 2"
            }
            out.push_back({IdentifierKind::Location, tok(start).begin, tok(last).end});
            k = last;
            continue;
        }

        // Street names, with an optional house number: "14 Elm Grove", "Mill Lane", "Albert Street"
        if (isPlaceWord(k, true)) {
            std::size_t type = next;
            std::size_t lastName = k;
            if (isPlaceWord(type, true) && !kStreetTypes.contains(lower(type).view())) {
                lastName = type;
                type = afterSpace(type);
            }
            const bool isStreet = type != kNone && isTitleCase(type) && kStreetTypes.contains(lower(type).view());
            // "Sarah Lane" is a person; "Great Ormond Street Hospital" is a hospital name.
            const bool personLike = wordIs(type, "lane") && (lookupToken(lastName) & names::kGiven) != 0 &&
                                    (lookupToken(lastName) & names::kCommonWord) == 0;
            const std::size_t after = type == kNone ? kNone : afterSpace(type);
            const bool building = after != kNone && kBuildingWords.contains(lower(after).view());
            if (isStreet && !personLike && !building) {
                std::size_t start = k;
                const std::size_t number = beforeSpace(k);
                if (number != kNone && isKind(number, TokenKind::Number) && locationIdEnd(number) == number) {
                    start = number;  // "14 Elm Grove"
                } else if (number != kNone && number > 0 && isKind(number - 1, TokenKind::Number) &&
                           locationIdEnd(number - 1) == number) {
                    start = number - 1;  // "14A Elm Grove"
                }
                out.push_back({IdentifierKind::Location, tok(start).begin, tok(type).end});
                k = type;
            }
        }
    }
}

}  // namespace reflect::core::scan
