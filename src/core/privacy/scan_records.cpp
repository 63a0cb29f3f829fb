// Record numbers: hospital and unit numbers after "MRN", "hospital number" or "unit number" (digits, or a trust
// prefix and digits), professional registrations (GMC numbers, NMC PINs, HCPC numbers) and UK vehicle registrations.
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace reflect::core::scan {

namespace {

// Words between a label and its number: "MRN is 123456", "GMC no. 1234567", "hospital number was RTH123456".
constexpr std::array<std::string_view, 11> kLabelFillers{"no",  "number", "num",          "is",  "was",      "of",
                                                         "pin", "ref",    "registration", "reg", "reference"};

}  // namespace

std::size_t Scanner::afterRecordLabel(std::size_t k) const {
    std::size_t cur = k;
    for (int step = 0; step < 4; ++step) {
        std::size_t next = cur + 1;
        int skipped = 0;
        while (skipped < 4 && next < tokenCount() &&
               ((isKind(next, TokenKind::Space) && length(next) <= 3) || isPunct(next, U':') || isPunct(next, U'#') ||
                isPunct(next, U'.') || isPunct(next, U'-') || isPunct(next, U','))) {
            ++next;
            ++skipped;
        }
        if (skipped == 0 || next >= tokenCount()) {
            return kNone;
        }
        const SmallWord word = lower(next);
        const bool filler = isKind(next, TokenKind::Word) &&
                            std::find(kLabelFillers.begin(), kLabelFillers.end(), word.view()) != kLabelFillers.end();
        if (!filler) {
            return isKind(next, TokenKind::Word) || isKind(next, TokenKind::Number) ? next : kNone;
        }
        cur = next;
    }
    return kNone;
}

// "MRN", or "hospital" / "hosp" / "unit" followed by "number", "no" or "num". Returns the label's first token.
std::size_t Scanner::hospitalLabelEnd(std::size_t k) const {
    const SmallWord word = lower(k);
    const std::string_view w = word.view();
    if (w == "mrn" || w == "mrns") {
        return k;
    }
    if (w != "hospital" && w != "hosp" && w != "unit") {
        return kNone;
    }
    std::size_t next = afterSpace(k);
    if (next == kNone && isPunct(k + 1, U'.')) {
        next = afterSpace(k + 1);  // "hosp. no"
    }
    return wordIs(next, "number") || wordIs(next, "no") || wordIs(next, "num") ? k : kNone;
}

// A local record number starting at token k: digits ("1234567", "123 4567"), or one to four letters then digits
// ("RTH123456", "RTH 123456", "K1234567"), with at least four digits. Returns its last token or kNone.
std::size_t Scanner::localNumberEnd(std::size_t k) const {
    std::size_t number = k;
    if (isKind(k, TokenKind::Word)) {
        if (length(k) > 4 || !isAsciiAlpha(firstChar(k)) || !isAsciiAlpha(m_t[tok(k).end - 1])) {
            return kNone;
        }
        number = isKind(k + 1, TokenKind::Number) ? k + 1 : afterSpace(k);
    }
    if (!isKind(number, TokenKind::Number) || length(number) > 12) {
        return kNone;
    }
    std::size_t last = number;
    std::size_t digits = length(number);
    // A second group typed with a space or hyphen: "123 4567", "RTH-123-456".
    std::size_t gap = number + 1;
    if ((isKind(gap, TokenKind::Space) && length(gap) == 1) || isPunct(gap, U'-')) {
        if (isKind(gap + 1, TokenKind::Number) && digits + length(gap + 1) <= 12 && length(gap + 1) >= 3) {
            last = gap + 1;
            digits += length(gap + 1);
        }
    }
    if (digits < 4) {
        return kNone;
    }
    if (isKind(last + 1, TokenKind::Word) && length(last + 1) == 1 && isAsciiAlpha(firstChar(last + 1))) {
        ++last;  // a check letter: "1234567K"
    }
    return last;
}

// "The MRN on the drug chart was 4820193": the number may come a few words after the label, in the same clause.
// Only a run of at least five digits (or letters joined to one) counts there, never a word in between.
std::size_t Scanner::recordNumberLaterInClause(std::size_t k) const {
    int words = 0;
    for (std::size_t j = k + 1; j < tokenCount() && words <= 6; ++j) {
        const TokenKind kind = tok(j).kind;
        const bool joinedLetters = kind == TokenKind::Word && isKind(j + 1, TokenKind::Number) && length(j) <= 4;
        if ((kind == TokenKind::Number && length(j) >= 5) || joinedLetters) {
            return localNumberEnd(j) != kNone ? j : kNone;
        }
        if (kind == TokenKind::Word) {
            ++words;
        } else if (kind != TokenKind::Space) {
            return kNone;  // punctuation or a line break ends the clause
        }
    }
    return kNone;
}

void Scanner::findHospitalNumbers(std::vector<Candidate>& out) const {
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        if (!isKind(k, TokenKind::Word) || hospitalLabelEnd(k) == kNone) {
            continue;
        }
        std::size_t id = afterRecordLabel(k);  // skips "number", "no.", ":", "is"
        std::size_t last = id == kNone ? kNone : localNumberEnd(id);
        if (last == kNone) {
            id = recordNumberLaterInClause(k);
            last = id == kNone ? kNone : localNumberEnd(id);
        }
        if (last != kNone) {
            out.push_back({IdentifierKind::HospitalNumber, tok(id).begin, tok(last).end});
            k = last;
        }
    }
}

// NMC PIN: two digits, a letter, four digits, a letter ("12A3456B"), standing alone.
bool Scanner::isNmcPin(std::size_t i) const {
    if (i + 8 > m_n || (i > 0 && (digitAt(i - 1) || letterAt(i - 1)))) {
        return false;
    }
    const bool shape = digitAt(i) && digitAt(i + 1) && isAsciiAlpha(m_t[i + 2]) && digitAt(i + 3) && digitAt(i + 4) &&
                       digitAt(i + 5) && digitAt(i + 6) && isAsciiAlpha(m_t[i + 7]);
    return shape && !letterAt(i + 8) && !digitAt(i + 8);
}

void Scanner::findRegistrations(std::vector<Candidate>& out) const {
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        if (isKind(k, TokenKind::Number) && isNmcPin(tok(k).begin)) {
            out.push_back({IdentifierKind::Registration, tok(k).begin, tok(k + 3).end});
            k += 3;
            continue;
        }
        if (!isKind(k, TokenKind::Word)) {
            continue;
        }
        const SmallWord word = lower(k);
        if (word.view() != "gmc" && word.view() != "hcpc") {
            continue;
        }
        const std::size_t id = afterRecordLabel(k);
        if (id == kNone) {
            continue;
        }
        // GMC: seven digits. HCPC: a two-letter profession code and five or six digits ("PA12345", "PH 123456").
        if (word.view() == "gmc" && isKind(id, TokenKind::Number) && length(id) == 7) {
            out.push_back({IdentifierKind::Registration, tok(id).begin, tok(id).end});
            k = id;
        } else if (word.view() == "hcpc" && isKind(id, TokenKind::Word) && length(id) == 2) {
            const std::size_t number = isKind(id + 1, TokenKind::Number) ? id + 1 : afterSpace(id);
            if (isKind(number, TokenKind::Number) && length(number) >= 5 && length(number) <= 6) {
                out.push_back({IdentifierKind::Registration, tok(id).begin, tok(number).end});
                k = number;
            }
        }
    }
}

bool Scanner::sameCaseLetters(std::size_t begin, std::size_t end, bool upper) const {
    for (std::size_t i = begin; i < end; ++i) {
        if (upper ? !isAsciiUpper(m_t[i]) : !isAsciiLower(m_t[i])) {
            return false;
        }
    }
    return true;
}

// The current UK format: area letters, two age digits, three letters ("AB12 CDE", "ab12cde"), all in one case.
// The DVLA never issues I, Q or Z first, nor I or Q in the last three, which also keeps out words like "ICU".
void Scanner::findVehicles(std::vector<Candidate>& out) const {
    for (std::size_t i = 0; i + 7 <= m_n; ++i) {
        if (!startsLetterRun(i) || (i > 0 && digitAt(i - 1)) || !isAsciiAlpha(m_t[i]) || !isAsciiAlpha(m_t[i + 1]) ||
            !digitAt(i + 2) || !digitAt(i + 3) || digitAt(i + 4)) {
            continue;
        }
        const std::size_t last3 = i + 4 < m_n && m_t[i + 4] == U' ' ? i + 5 : i + 4;
        if (last3 + 3 > m_n || letterAt(last3 + 3) || digitAt(last3 + 3)) {
            continue;
        }
        const bool upper = isAsciiUpper(m_t[i]);
        if (!sameCaseLetters(i, i + 2, upper) || !sameCaseLetters(last3, last3 + 3, upper)) {
            continue;
        }
        const char32_t area = asciiUpper(m_t[i]);
        bool allowed = area != U'I' && area != U'Q' && area != U'Z';
        for (std::size_t p = last3; p < last3 + 3; ++p) {
            allowed = allowed && asciiUpper(m_t[p]) != U'I' && asciiUpper(m_t[p]) != U'Q';
        }
        if (allowed) {
            out.push_back({IdentifierKind::Vehicle, i, last3 + 3});
            i = last3 + 2;
        }
    }
}

}  // namespace reflect::core::scan
