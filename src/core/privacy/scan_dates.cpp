// Dates: numeric dates with a year, written dates, and a birth year after "born" or "DOB".
#include "core/privacy/scanner.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/word_sets.hpp"

namespace reflect::core::scan {

// ------------------------------------------------------------ dates

void Scanner::findNumericDates(std::vector<Candidate>& out) const {
    const auto isSeparator = [](char32_t c) { return c == U'/' || c == U'.' || c == U'-'; };
    std::size_t i = 0;
    while (i < m_n) {
        if (!isDigit(m_t[i]) || (i > 0 && isDigit(m_t[i - 1])) ||
            (i >= 2 && isSeparator(m_t[i - 1]) && isDigit(m_t[i - 2]))) {
            ++i;
            continue;
        }
        const std::size_t end1 = digitRunEnd(i);
        const std::size_t len1 = end1 - i;
        const std::size_t end = matchNumericDate(i, end1, len1);
        if (end != kNone) {
            out.push_back({IdentifierKind::Date, i, end});
            i = end;
        } else {
            i = end1;
        }
    }
}

int Scanner::numberAt(std::size_t begin, std::size_t end) const {
    // Saturates: a long digit run is out of every range checked here (days, months, years), and must not overflow.
    constexpr int kCap = 1'000'000;
    int value = 0;
    for (std::size_t i = begin; i < end && value < kCap; ++i) {
        value = value * 10 + static_cast<int>(m_t[i] - U'0');
    }
    return value;
}

std::size_t Scanner::matchNumericDate(std::size_t i, std::size_t end1, std::size_t len1) const {
    if (len1 == 0 || len1 == 3 || len1 > 4 || end1 >= m_n) {
        return kNone;
    }
    const char32_t sep = m_t[end1];
    if (sep != U'/' && sep != U'.' && sep != U'-') {
        return kNone;
    }
    const std::size_t begin2 = end1 + 1;
    const std::size_t end2 = digitRunEnd(begin2);
    const std::size_t len2 = end2 - begin2;
    if (len2 < 1 || len2 > 2 || end2 >= m_n || m_t[end2] != sep) {
        return kNone;
    }
    const std::size_t begin3 = end2 + 1;
    const std::size_t end3 = digitRunEnd(begin3);
    const std::size_t len3 = end3 - begin3;
    // A longer chain ("1.2.3.4", "11/11/11/11") is a version or a list, not a date.
    if (end3 + 1 < m_n && (m_t[end3] == U'/' || m_t[end3] == U'.' || m_t[end3] == U'-') && isDigit(m_t[end3 + 1])) {
        return kNone;
    }
    if (end3 < m_n && isLetter(m_t[end3])) {
        return kNone;
    }
    const int a = numberAt(i, end1);
    const int b = numberAt(begin2, end2);
    const int c = numberAt(begin3, end3);
    if (len1 == 4) {
        // 2024-03-05: year, month, day.
        const bool ok = len3 >= 1 && len3 <= 2 && a >= 1800 && a <= 2199 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
        return ok ? end3 : kNone;
    }
    if (len3 != 2 && len3 != 4) {
        return kNone;
    }
    // Day first in the UK; month first still accepted, because a US-style date identifies just as well.
    const bool dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
    const bool monthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
    const bool yearOk = len3 == 2 || (c >= 1800 && c <= 2199);
    return (dayMonth || monthDay) && yearOk ? end3 : kNone;
}

bool Scanner::isMonth(std::size_t k) const {
    if (k == kNone || !isKind(k, TokenKind::Word)) {
        return false;
    }
    const SmallWord word = lower(k);
    const bool capital = isUpperLetter(firstChar(k));
    return std::any_of(kMonths.begin(), kMonths.end(), [&](const MonthName& m) {
        return m.name == word.view() && (capital || (!m.abbreviation && m.name != "may"));
    });
}

bool Scanner::isWeekday(std::size_t k) const {
    if (!isKind(k, TokenKind::Word) || (length(k) <= 4 && !isUpperLetter(firstChar(k)))) {
        return false;
    }
    const SmallWord word = lower(k);
    return std::find(kWeekdays.begin(), kWeekdays.end(), word.view()) != kWeekdays.end();
}

Scanner::DayNumber Scanner::dayAt(std::size_t k) const {
    if (k == kNone || !isKind(k, TokenKind::Number) || length(k) > 2) {
        return {};
    }
    const int value = numberAt(tok(k).begin, tok(k).end);
    if (value < 1 || value > 31) {
        return {};
    }
    if (!isKind(k + 1, TokenKind::Word)) {
        return {true, false, k};
    }
    const SmallWord suffix = lower(k + 1);
    const std::string_view v = suffix.view();
    if (v == "st" || v == "nd" || v == "rd" || v == "th") {
        return {true, true, k + 1};
    }
    return {true, false, k};
}

bool Scanner::isYear(std::size_t k) const {
    if (k == kNone || !isKind(k, TokenKind::Number) || length(k) != 4 ||
        (isKind(k + 1, TokenKind::Word) && length(k + 1) == 1 && asciiLower(firstChar(k + 1)) == U's')) {
        return false;
    }
    const int value = numberAt(tok(k).begin, tok(k).end);
    return value >= 1900 && value <= 2099;
}

std::size_t Scanner::writtenDateEnd(std::size_t k, std::size_t& startToken) const {
    startToken = k;
    std::size_t cur = k;
    bool weekday = false;
    bool theOrdinal = false;
    if (isWeekday(k)) {
        weekday = true;
        cur = afterSpaceOrComma(k);
        if (cur == kNone) {
            return kNone;
        }
        if (wordIs(cur, "the")) {
            const std::size_t day = afterSpace(cur);
            if (dayAt(day).ordinal) {
                cur = day;
                theOrdinal = true;
            }
        }
    }
    const DayNumber day = dayAt(cur);
    if (day.ok) {
        std::size_t month = afterSpace(day.last);
        if (wordIs(month, "of")) {
            month = afterSpace(month);
        }
        if (isMonth(month)) {
            const std::size_t last = monthLastToken(month);
            const std::size_t year = afterSpaceOrComma(last);
            return isYear(year) ? year : last;
        }
        // 5-Mar-2024, 05-Mar-24
        if (isPunct(cur + 1, U'-') && isMonth(cur + 2) && isPunct(cur + 3, U'-') && isTwoOrFourDigits(cur + 4)) {
            return cur + 4;
        }
        if (weekday && theOrdinal) {
            return day.last;
        }
        return kNone;
    }
    if (isMonth(cur)) {
        const std::size_t last = monthLastToken(cur);
        const std::size_t next = afterSpace(last);
        if (isYear(next)) {
            return next;
        }
        const DayNumber after = dayAt(next);
        if (!after.ok) {
            return kNone;
        }
        const std::size_t year = afterSpaceOrComma(after.last);
        if (isYear(year)) {
            return year;
        }
        // "March 3rd" always; a bare "March 3" only at the end of a clause ("on March 3, we"), because "In March
        // 12 patients fell" is a count. The test looks only at punctuation, which no finding ever replaces.
        const std::size_t following = after.last + 1;
        const bool clauseEnd = following >= tokenCount() || isKind(following, TokenKind::Newline) ||
                               isPunct(following, U',') || isPunct(following, U'.') || isPunct(following, U';') ||
                               isPunct(following, U'!') || isPunct(following, U'?') || isPunct(following, U')');
        return after.ordinal || clauseEnd ? after.last : kNone;
    }
    return kNone;
}

void Scanner::findWrittenDates(std::vector<Candidate>& out) const {
    for (std::size_t k = 0; k < tokenCount(); ++k) {
        const TokenKind kind = tok(k).kind;
        if (kind != TokenKind::Word && kind != TokenKind::Number) {
            continue;
        }
        std::size_t start = k;
        const std::size_t last = writtenDateEnd(k, start);
        if (last != kNone) {
            out.push_back({IdentifierKind::Date, tok(start).begin, tok(last).end});
            k = last;
            continue;
        }
        // A birth year narrows a person down: "born in 1950", "born 1950", "DOB 1950", "DOB: 1950".
        const SmallWord word = lower(k);
        if (word.view() == "born" || word.view() == "dob") {
            std::size_t next = isPunct(k + 1, U':') ? afterSpace(k + 1) : afterSpace(k);
            if (wordIs(next, "in")) {
                next = afterSpace(next);
            }
            if (isYear(next)) {
                out.push_back({IdentifierKind::Date, tok(next).begin, tok(next).end});
                k = next;
            }
        }
    }
}

// ------------------------------------------------------------ day and month without a year

// True when the word before view index i (spaces and one colon skipped) says a date follows: "on", "since",
// "dated", "DOB:", a weekday. `strong` asks for the words that only ever introduce a date.
bool Scanner::dateContextBefore(std::size_t i, bool strong) const {
    std::size_t p = i;
    int gaps = 0;
    while (p > 0 && gaps < 3 && (m_t[p - 1] == U' ' || m_t[p - 1] == U':' || m_t[p - 1] == U',')) {
        --p;
        ++gaps;
    }
    if (gaps == 0) {
        return false;
    }
    std::size_t start = p;
    while (start > 0 && isAsciiAlpha(m_t[start - 1]) && p - start < SmallWord::kCapacity) {
        --start;
    }
    if (start == p || (start > 0 && letterAt(start - 1))) {
        return false;
    }
    SmallWord word;
    for (std::size_t q = start; q < p; ++q) {
        word.push(static_cast<char>(asciiLower(m_t[q])));
    }
    const std::string_view w = word.view();
    if (w == "dated" || w == "date" || w == "dob" || w == "born" || w == "birthday" ||
        std::find(kWeekdays.begin(), kWeekdays.end(), w) != kWeekdays.end()) {
        return true;
    }
    return !strong && (w == "on" || w == "since" || w == "from" || w == "until" || w == "till" || w == "by" ||
                       w == "before" || w == "after" || w == "due" || w == "last");
}

// "on 05/11", "since 5/11", "Tuesday 12/03", "05/11": a day and month with no year. A zero-padded pair is a date
// wherever it stands; otherwise a word before it must say so, because "3/7", "24/7", "9/10" and "120/80" are
// durations, scores and readings. "3/7" and "5/12" (days and months in clinical shorthand) need a word that only
// ever introduces a date.
void Scanner::findDayMonthDates(std::vector<Candidate>& out) const {
    for (std::size_t k = 0; k + 2 < tokenCount(); ++k) {
        if (!isKind(k, TokenKind::Number) || length(k) > 2 || !isPunct(k + 1, U'/') ||
            !isKind(k + 2, TokenKind::Number) || length(k + 2) > 2) {
            continue;
        }
        const std::size_t begin = tok(k).begin;
        const std::size_t end = tok(k + 2).end;
        const bool joinedBefore =
            begin > 0 && (m_t[begin - 1] == U'/' || m_t[begin - 1] == U'.' || m_t[begin - 1] == U'-' ||
                          m_t[begin - 1] == U'+' || letterAt(begin - 1));
        const bool joinedAfter =
            end < m_n &&
            (letterAt(end) || m_t[end] == U'%' ||
             ((m_t[end] == U'/' || m_t[end] == U'.' || m_t[end] == U'-' || m_t[end] == U':') && digitAt(end + 1)));
        const int day = numberAt(begin, tok(k).end);
        const int month = numberAt(tok(k + 2).begin, end);
        if (joinedBefore || joinedAfter || day < 1 || day > 31 || month < 1 || month > 12 ||
            (day == 24 && month == 7)) {
            continue;
        }
        const bool padded =
            length(k) == 2 && length(k + 2) == 2 && (m_t[begin] == U'0' || m_t[tok(k + 2).begin] == U'0');
        const bool shorthand = (length(k + 2) == 1 && month == 7) || (length(k) == 1 && month == 12);
        if (padded || dateContextBefore(begin, shorthand)) {
            out.push_back({IdentifierKind::Date, begin, end});
            k += 2;
        }
    }
}

}  // namespace reflect::core::scan
