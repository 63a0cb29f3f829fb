// The scanner: one linear pass per kind of identifier over the token list, each producing candidates in view
// indices. Each kind's scanner lives in its own file (scan_contacts, scan_numbers, scan_dates, scan_places,
// scan_names); the shared character and token helpers are here and in scanner.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/contribute/secret_text.hpp"
#include "core/privacy/char_classes.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/privacy/text_view.hpp"

namespace reflect::core::scan {

struct Candidate {
    IdentifierKind kind;
    std::size_t begin;  // view indices
    std::size_t end;
};

// Which kind wins an overlap: the most structured identifiers first, names last because a name can shrink to the
// words that do not overlap.
inline constexpr int priorityOf(IdentifierKind kind) noexcept {
    switch (kind) {
        case IdentifierKind::Email:
            return 0;
        case IdentifierKind::Web:
            return 1;
        case IdentifierKind::NhsNumber:
            return 2;
        case IdentifierKind::HospitalNumber:
            return 3;  // labelled ("MRN", "HCPC"), so above an NI-shaped number
        case IdentifierKind::Registration:
            return 4;
        case IdentifierKind::NiNumber:
            return 5;
        case IdentifierKind::Postcode:
            return 6;
        case IdentifierKind::Vehicle:
            return 7;
        case IdentifierKind::Date:
            return 8;
        case IdentifierKind::Phone:
            return 9;
        case IdentifierKind::Location:
            return 10;
        case IdentifierKind::Name:
            return 11;
    }
    return 12;
}

// A word copied out of the view in a small fixed buffer, so the per-token checks never allocate.
class SmallWord {
public:
    static constexpr std::size_t kCapacity = 48;

    bool push(char c) noexcept {
        if (m_size >= kCapacity) {
            return false;
        }
        m_data[m_size++] = c;
        return true;
    }
    [[nodiscard]] std::string_view view() const noexcept { return {m_data.data(), m_size}; }

private:
    std::array<char, kCapacity> m_data{};
    std::size_t m_size = 0;
};

class Scanner {
public:
    Scanner(const SecretU32String& text, std::span<const names::Entry> nameList)
        : m_t(text), m_n(text.size()), m_tokens(tokenize(text)), m_names(nameList) {}

    std::vector<Candidate> run() const {
        std::vector<Candidate> out;
        findEmails(out);
        findWebAddresses(out);
        findHandles(out);
        findNhsNumbers(out);
        findHospitalNumbers(out);
        findRegistrations(out);
        findVehicles(out);
        findNiNumbers(out);
        findPostcodes(out);
        findNumericDates(out);
        findWrittenDates(out);
        findDayMonthDates(out);
        findPhones(out);
        findExtensions(out);
        findLocations(out);
        findNames(out);
        findLowerCaseNames(out);
        return out;
    }

private:
    const SecretU32String& m_t;
    std::size_t m_n;
    std::vector<Token> m_tokens;
    std::span<const names::Entry> m_names;

    // ------------------------------------------------------------ character helpers

    // Letter-run edges, not word edges, bound the letter-based identifiers: letters beside a run can never be
    // replaced on their own, while digits or a name beside it could become a placeholder on a second scrub.
    [[nodiscard]] bool letterAt(std::size_t i) const {
        return i < m_n && (isLetter(m_t[i]) || isCombiningMark(m_t[i]));
    }
    [[nodiscard]] bool digitAt(std::size_t i) const { return i < m_n && isDigit(m_t[i]); }
    [[nodiscard]] bool startsLetterRun(std::size_t i) const { return i == 0 || !letterAt(i - 1); }
    [[nodiscard]] std::size_t digitRunEnd(std::size_t i) const;

    // The gap people type between digit groups: one or two spaces, a hyphen (or dot when allowed) with optional
    // single spaces around it, or one line break. Returns where the next group starts, or kNone.
    [[nodiscard]] std::size_t skipDigitGap(std::size_t pos, bool allowDot) const;

    // ------------------------------------------------------------ token helpers
    [[nodiscard]] std::size_t tokenCount() const { return m_tokens.size(); }
    [[nodiscard]] const Token& tok(std::size_t k) const { return m_tokens[k]; }
    [[nodiscard]] bool isKind(std::size_t k, TokenKind kind) const { return k < tokenCount() && tok(k).kind == kind; }

    [[nodiscard]] bool isPunct(std::size_t k, char32_t c) const {
        return isKind(k, TokenKind::Punct) && m_t[tok(k).begin] == c;
    }
    [[nodiscard]] std::size_t length(std::size_t k) const { return tok(k).end - tok(k).begin; }
    [[nodiscard]] char32_t firstChar(std::size_t k) const { return m_t[tok(k).begin]; }

    // The token after a short run of spaces following token k (kNone if anything else comes between).
    [[nodiscard]] std::size_t afterSpace(std::size_t k) const;

    // As afterSpace, but a comma may come first ("Tuesday, 4 June").
    [[nodiscard]] std::size_t afterSpaceOrComma(std::size_t k) const;
    [[nodiscard]] std::size_t beforeSpace(std::size_t k) const;

    // Lower-case ASCII copy of a token, or empty when it is long or not ASCII.
    [[nodiscard]] SmallWord lower(std::size_t k) const;

    [[nodiscard]] bool wordIs(std::size_t k, std::string_view lowerWord) const {
        return k != kNone && isKind(k, TokenKind::Word) && lower(k).view() == lowerWord;
    }
    [[nodiscard]] bool isPossessive(std::size_t k) const;

    // End of the name inside token k, leaving a possessive "'s" outside the placeholder.
    [[nodiscard]] std::size_t nameEnd(std::size_t k) const { return isPossessive(k) ? tok(k).end - 2 : tok(k).end; }

    [[nodiscard]] bool isCapitalised(std::size_t k) const {
        return isKind(k, TokenKind::Word) && isUpperLetter(firstChar(k));
    }
    [[nodiscard]] bool isAllCaps(std::size_t k) const;

    // Capitalised and written like a name ("Priya", "O'Neill", "McDonald"), not an acronym ("ICU").
    [[nodiscard]] bool isTitleCase(std::size_t k) const { return isCapitalised(k) && length(k) >= 2 && !isAllCaps(k); }

    // Gazetteer flags for the characters [begin, end) of the view; `titleCase` rewrites "SMITH" or "smith" as
    // "Smith" first (and the letter after an apostrophe: "O'NEILL" -> "O'Neill").
    [[nodiscard]] std::uint8_t lookupRange(std::size_t begin, std::size_t end, bool titleCase) const;

    // Flags for token k as written (possessive stripped). A hyphenated token counts when one part is a listed
    // name that is not an everyday word and every part is capitalised ("Smith-Jones", but not "X-Ray").
    [[nodiscard]] std::uint8_t lookupToken(std::size_t k) const;

    // Last token of an honorific or role starting at token k ("Dr", "Healthcare Assistant", "FY1"), or kNone.
    [[nodiscard]] std::size_t triggerLast(std::size_t k) const;
    [[nodiscard]] bool isTrigger(std::size_t k) const { return triggerLast(k) != kNone; }

    // Words that can never be part of a name, whatever their capitals.
    [[nodiscard]] bool isBlocked(std::size_t k) const;
    [[nodiscard]] bool precededByAntiTrigger(std::size_t k) const;

    // ------------------------------------------------------------ email
    static bool isLocalChar(char32_t c);

    static bool isDomainChar(char32_t c) {
        return isAsciiAlpha(c) || isDigit(c) || c == U'-' || c == U'.' || (c >= 0x80U && isLetter(c));
    }
    void findEmails(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ web addresses and handles (scan_web.cpp)
    [[nodiscard]] std::size_t urlEnd(std::size_t pos) const;
    [[nodiscard]] std::size_t bareDomainEnd(std::size_t i) const;
    void findWebAddresses(std::vector<Candidate>& out) const;
    void findHandles(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ records (scan_records.cpp)
    // The token after a label such as "MRN" or "GMC": skips ":", "#", "no.", "number", "is" and "was".
    [[nodiscard]] std::size_t afterRecordLabel(std::size_t k) const;
    [[nodiscard]] std::size_t hospitalLabelEnd(std::size_t k) const;
    [[nodiscard]] std::size_t localNumberEnd(std::size_t k) const;
    [[nodiscard]] std::size_t recordNumberLaterInClause(std::size_t k) const;
    void findHospitalNumbers(std::vector<Candidate>& out) const;
    [[nodiscard]] bool isNmcPin(std::size_t i) const;
    void findRegistrations(std::vector<Candidate>& out) const;
    [[nodiscard]] bool sameCaseLetters(std::size_t begin, std::size_t end, bool upper) const;
    void findVehicles(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ NHS number

    // True when the digits at i come right after "+44 ", "0044 " or "+44 (0)": the start of an international
    // phone number. Looks back a few characters only.
    [[nodiscard]] bool followsCountryCode(std::size_t i) const;
    void findNhsNumbers(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ NI number
    void findNiNumbers(std::vector<Candidate>& out) const;
    [[nodiscard]] std::size_t matchNino(std::size_t i) const;

    // ------------------------------------------------------------ postcode
    void findPostcodes(std::vector<Candidate>& out) const;
    [[nodiscard]] char32_t upperAt(std::size_t i) const { return i < m_n ? asciiUpper(m_t[i]) : 0; }

    // Inward code "9AA" at pos (letters never C I K M O V), ending at a word boundary.
    [[nodiscard]] std::size_t matchInward(std::size_t pos) const;
    [[nodiscard]] std::size_t afterPostcodeGap(std::size_t pos) const;
    [[nodiscard]] std::size_t matchPostcode(std::size_t i) const;

    // ------------------------------------------------------------ dates
    void findNumericDates(std::vector<Candidate>& out) const;
    [[nodiscard]] int numberAt(std::size_t begin, std::size_t end) const;
    [[nodiscard]] std::size_t matchNumericDate(std::size_t i, std::size_t end1, std::size_t len1) const;

    // True when token k names a month. Full names in any case except "may", which must be "May"; abbreviations
    // must start with a capital ("Jan", "MAR") so "mar" and "dec" in running text stay.
    [[nodiscard]] bool isMonth(std::size_t k) const;

    // The last token of a month name: an abbreviation may carry a full stop ("Mar.").
    [[nodiscard]] std::size_t monthLastToken(std::size_t k) const {
        return isPunct(k + 1, U'.') && length(k) <= 4 ? k + 1 : k;
    }
    [[nodiscard]] bool isWeekday(std::size_t k) const;

    struct DayNumber {
        bool ok = false;
        bool ordinal = false;
        std::size_t last = kNone;  // the suffix token of "3rd", or the number itself
    };

    // "3", "03", "3rd", "21ST" with a value from 1 to 31. Letters after the number that are not an ordinal
    // suffix are ignored rather than rejected: they could be a name that a second scrub sees as a placeholder.
    [[nodiscard]] DayNumber dayAt(std::size_t k) const;

    // 1900-2099; "1990s" is a decade and stays. Only the letter "s" is looked at after the number, never a word
    // that another finding could replace, so a second scrub decides the same way.
    [[nodiscard]] bool isYear(std::size_t k) const;

    [[nodiscard]] bool isTwoOrFourDigits(std::size_t k) const {
        return isKind(k, TokenKind::Number) && (length(k) == 2 || length(k) == 4);
    }

    // Last token of a written date starting at token k, or kNone.
    [[nodiscard]] std::size_t writtenDateEnd(std::size_t k, std::size_t& startToken) const;
    void findWrittenDates(std::vector<Candidate>& out) const;
    [[nodiscard]] bool dateContextBefore(std::size_t i, bool strong) const;
    void findDayMonthDates(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ phone
    void findPhones(std::vector<Candidate>& out) const;

    // UK national numbers have 10 or 11 digits starting 0 (not 00); international ones 8 to 15 digits after + or
    // 00, not counting the "(0)" people write after +44. Digit groups may be split by spaces, one hyphen or
    // brackets. The longest grouping with a valid digit count wins, so a count after the number ("07700 900123 12")
    // is left alone.
    [[nodiscard]] std::size_t matchPhone(std::size_t i, std::size_t& begin) const;

    // After "bleep", "pager" or "extension" the number may come a few words later in the same clause; "phone" and
    // "tel" are too common for that ("the phone rang 40 times"), so they need the number right after them.
    [[nodiscard]] std::size_t numberLaterInClause(std::size_t k, std::string_view contextWord) const;

    // "bleep 4455", "ext. 2231", "extension 2231", "tel: 01234": a short internal number after a context word. The
    // context word stays so the reader still knows a number was there.
    void findExtensions(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ locations

    // "7", "12B", "C", "B12": what follows "Ward" or "bed" when it names one. Returns its last token, or kNone.
    [[nodiscard]] std::size_t locationIdEnd(std::size_t k) const;

    // A number followed by "hours", ":30" or "%" was a duration, a time or a share, not a bed.
    [[nodiscard]] bool followedByQuantity(std::size_t k) const;

    // A capitalised word that may name a place ("Nightingale" in "Nightingale Ward"), not "The", "Acute", "Stroke".
    [[nodiscard]] bool isPlaceWord(std::size_t k, bool allowGivenNames) const;
    void findLocations(std::vector<Candidate>& out) const;

    // ------------------------------------------------------------ names

    struct NameSpan {
        std::size_t begin = kNone;
        std::size_t end = kNone;
        std::size_t lastToken = kNone;
    };

    // Can token k be one part of a name right after a trigger? `strong` allows a lower-case listed name after
    // an honorific ("dr okafor").
    [[nodiscard]] bool isNamePartAfterTrigger(std::size_t k, bool strong) const;

    // One to three name parts (words or initials, with particles between) starting at token k.
    [[nodiscard]] NameSpan namePartsFrom(std::size_t k, bool strong, int maxParts) const;
    [[nodiscard]] NameSpan nameAfterTrigger(std::size_t trigger) const;

    // "a patient called X", "her name was X", "my name's X"
    [[nodiscard]] NameSpan nameAfterContext(std::size_t k) const;

    // Could token k extend a full name that starts with a listed given name ("Siobhan Kelly", "Priya Okonjo")?
    [[nodiscard]] bool continuesFullName(std::size_t k) const;

    [[nodiscard]] bool isStrongListed(std::uint8_t flags) const {
        return flags != 0 && (flags & names::kCommonWord) == 0;
    }

    // The context that turns a listed word into something else: a building or an eponym after it, or a month
    // abbreviation used as a month ("since Jan").
    [[nodiscard]] bool excludedByContext(std::size_t first, std::size_t last) const;
    void findNames(std::vector<Candidate>& out) const;
    [[nodiscard]] bool isLowerCaseGivenName(std::size_t k) const;
    void findLowerCaseNames(std::vector<Candidate>& out) const;
};

}  // namespace reflect::core::scan
