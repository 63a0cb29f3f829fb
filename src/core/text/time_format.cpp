// Time formatting implementation.
#include "core/text/time_format.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include <fmt/format.h>

namespace reflect::core {

namespace {
std::string clock(std::int64_t seconds) {
    const auto h = seconds / 3600;
    const auto m = (seconds / 60) % 60;
    const auto s = seconds % 60;
    if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
    return fmt::format("{}:{:02}", m, s);
}

std::tm localTm(WallMs wall) {
    const std::time_t t = static_cast<std::time_t>(wall / 1000);
    std::tm out{};
    localtime_r(&t, &out);
    return out;
}
}  // namespace

std::string formatCountdown(std::int64_t remainingMs) {
    if (remainingMs <= 0) return "0:00";
    return clock((remainingMs + 999) / 1000);
}

std::string formatOvertime(std::int64_t overMs) {
    return "+" + clock(overMs <= 0 ? 0 : overMs / 1000);
}

std::string formatMinutes(std::int64_t ms) {
    const auto minutes = static_cast<std::int64_t>(std::llround(static_cast<double>(ms) / 60000.0));
    if (minutes >= 60) return fmt::format("{} h {:02} min", minutes / 60, minutes % 60);
    return fmt::format("{} min", minutes);
}

std::string formatDifference(std::int64_t ms) {
    const auto minutes = static_cast<std::int64_t>(std::llround(static_cast<double>(ms) / 60000.0));
    if (minutes == 0) return "on time";
    if (minutes > 0) return fmt::format("+{} min", minutes);
    return fmt::format("\u2212{} min", -minutes);
}

std::string formatTimeOfDay(WallMs wall) {
    const std::tm t = localTm(wall);
    return fmt::format("{:02}:{:02}", t.tm_hour, t.tm_min);
}

namespace {
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

std::string formatDate(WallMs wall) {
    const std::tm t = localTm(wall);
    return fmt::format("{} {} {}", t.tm_mday, kMonths[t.tm_mon % 12], t.tm_year + 1900);
}

std::string formatYearMonth(std::string_view yearMonth) {
    const bool digits =
        yearMonth.size() == 7 && yearMonth[4] == '-' &&
        std::all_of(yearMonth.begin(), yearMonth.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        yearMonth[5] >= '0' && yearMonth[5] <= '1' && yearMonth[6] >= '0' && yearMonth[6] <= '9';
    const int month = digits ? (yearMonth[5] - '0') * 10 + (yearMonth[6] - '0') : 0;
    if (month < 1 || month > 12) return std::string(yearMonth);
    return fmt::format("{} {}", kMonths[month - 1], yearMonth.substr(0, 4));
}

bool isIsoDate(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return false;
    const auto digit = [&](std::size_t i) { return text[i] - '0'; };
    const int year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const int month = digit(5) * 10 + digit(6);
    const int day = digit(8) * 10 + digit(9);
    if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = month == 2 && leap ? 29 : kDays[month - 1];
    return day <= maxDay;
}

namespace {
std::tm utcParts(WallMs wall) {
    // Whole seconds, rounded down also before 1970, so a moment never lands in the next day.
    const std::time_t seconds = static_cast<std::time_t>(wall >= 0 ? wall / 1000 : (wall - 999) / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    return parts;
}
}  // namespace

bool isYearMonth(std::string_view text) noexcept {
    if (text.size() != 7 || text[4] != '-') return false;
    for (std::size_t i = 0; i < 7; ++i)
        if (i != 4 && (text[i] < '0' || text[i] > '9')) return false;
    const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    return year >= 1970 && month >= 1 && month <= 12;
}

int yearMonthIndex(std::string_view yearMonth) {
    const int year =
        (yearMonth[0] - '0') * 1000 + (yearMonth[1] - '0') * 100 + (yearMonth[2] - '0') * 10 + (yearMonth[3] - '0');
    const int month = (yearMonth[5] - '0') * 10 + (yearMonth[6] - '0');
    return year * 12 + month - 1;
}

std::string yearMonthAt(int index) {
    return fmt::format("{:04}-{:02}", index / 12, index % 12 + 1);
}

std::string addMonths(std::string_view yearMonth, int months) {
    return yearMonthAt(std::max(1970 * 12, yearMonthIndex(yearMonth) + months));
}

std::string formatUtcDate(WallMs wall) {
    const std::tm parts = utcParts(wall);
    return fmt::format("{:04}-{:02}-{:02}", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
}

std::string formatUtcStamp(WallMs wall) {
    const std::tm parts = utcParts(wall);
    return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                       parts.tm_hour, parts.tm_min, parts.tm_sec);
}

}  // namespace reflect::core
