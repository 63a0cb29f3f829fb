// After submits through ContributionService, no copy of a removed identifier (a surname after "Dr", a phone number)
// is left anywhere in the process's writable memory: the scrubber and the risk detector wipe what they copy.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "core/clock.hpp"
#include "core/contribute/contribution_service.hpp"
#include "core/contribute/secret_text.hpp"
#include "core/session/session_service.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

namespace {

class Fd {
public:
    explicit Fd(const char* path) : m_fd(::open(path, O_RDONLY | O_CLOEXEC)) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const noexcept { return m_fd; }

private:
    int m_fd;
};

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// Case-insensitive count of `needle` (lower case) in buf[0, size).
std::size_t countIn(const char* buf, std::size_t size, std::string_view needle) {
    std::size_t found = 0;
    if (size < needle.size()) return 0;
    for (std::size_t i = 0; i + needle.size() <= size; ++i) {
        if (lowerAscii(buf[i]) != needle[0]) continue;
        std::size_t k = 1;
        while (k < needle.size() && lowerAscii(buf[i + k]) == needle[k]) ++k;
        if (k == needle.size()) ++found;
    }
    return found;
}

// Copies of `needle` (any case) in the heap and the writable private anonymous mappings (where large blocks and
// other threads' arenas live), read through /proc/self/mem so a sanitizer build never trips over its own redzones.
// The main thread's stack is left out: the needle itself lives there.
std::size_t countInWritableMemory(std::string_view needle) {
    std::ifstream maps("/proc/self/maps");
    REQUIRE(maps);
    const Fd mem("/proc/self/mem");
    REQUIRE(mem.get() >= 0);
    constexpr std::size_t kChunk = 1U << 20U;
    constexpr std::uintptr_t kLargest = std::uintptr_t{1} << 32U;  // a sanitizer's shadow, not the heap
    // The read buffer is zeroed when freed, so what it read cannot be counted by a later scan.
    core::SecretVector<char> buf(kChunk + 64);
    std::size_t found = 0;
    std::string line;
    while (std::getline(maps, line)) {
        unsigned long long start = 0;
        unsigned long long end = 0;
        std::array<char, 8> perms{};
        int pathAt = 0;
        if (std::sscanf(line.c_str(), "%llx-%llx %7s %*s %*s %*s %n", &start, &end, perms.data(), &pathAt) < 3)
            continue;
        const std::string_view path =
            pathAt > 0 ? std::string_view(line).substr(static_cast<std::size_t>(pathAt)) : std::string_view{};
        const bool writablePrivate = perms[0] == 'r' && perms[1] == 'w' && perms[3] == 'p';
        if (!writablePrivate || !(path.empty() || path == "[heap]") || end - start > kLargest) continue;
        std::size_t carried = 0;  // the tail of the last chunk, so a copy across two chunks still counts
        for (unsigned long long at = start; at < end;) {
            const std::size_t want = static_cast<std::size_t>(std::min<unsigned long long>(kChunk, end - at));
            const ssize_t got = ::pread(mem.get(), buf.data() + carried, want, static_cast<off_t>(at));
            if (got <= 0) break;
            const std::size_t have = carried + static_cast<std::size_t>(got);
            found += countIn(buf.data(), have, needle);
            carried = std::min(needle.size() - 1, have);
            std::copy(buf.data() + have - carried, buf.data() + have, buf.data());
            at += static_cast<unsigned long long>(got);
        }
    }
    core::secureZero(buf.data(), buf.size());
    return found;
}

struct Fixture {
    std::unique_ptr<core::Database> db = test::memoryDatabase();
    core::ManualClock clock;
    core::Scrubber scrubber;
    core::SessionService sessions{*db, clock};
    core::ContributionService service{*db, scrubber};
    std::int64_t sid = 0;

    Fixture() {
        REQUIRE(sessions.start(test::roundTemplate(), {}));
        sid = sessions.activeId();
        REQUIRE(service.open(sid));
    }
};

// Writes `parts` one after another into `out` (a stack array), so the raw text never exists on the heap here.
template <std::size_t N>
std::string_view join(std::array<char, N>& out, std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (const std::string_view part : parts)
        for (const char c : part) out.at(n++) = c;
    return {out.data(), n};
}

}  // namespace

TEST_CASE("no copy of a removed surname or phone number is left in memory after submits", "[privacy][anonymity]") {
    // Built character by character on the stack: a string literal would sit in read-only data, which is not
    // scanned, but a std::string of it would be on the heap and spoil the scan.
    const std::array<char, 10> surnameChars{'V', 'a', 'n', 't', 'r', 'e', 'e', 'c', 'k', 'e'};
    const std::array<char, 11> phoneChars{'0', '7', '7', '0', '0', '9', '0', '0', '1', '2', '3'};
    const std::string_view surname(surnameChars.data(), surnameChars.size());
    const std::string_view phone(phoneChars.data(), phoneChars.size());
    std::array<char, 10> lowerSurname{};
    for (std::size_t i = 0; i < surname.size(); ++i) lowerSurname.at(i) = lowerAscii(surname[i]);
    const std::string_view surnameNeedle(lowerSurname.data(), lowerSurname.size());

    {
        Fixture f;
        std::array<char, 256> raw{};
        const std::array<std::array<std::string_view, 5>, 4> texts{{
            {"Dr ", surname, " rang me on ", phone, " after the shift and I felt heard."},
            {"I can't stop thinking about what Dr ", surname, " said; call ", phone, " was the number."},
            {"Handover with Dr ", surname, " went well. ", phone, " is the bleep list now."},
            {"Dr. ", surname, " stayed late with the family (", phone, ") and it mattered."},
        }};
        for (int round = 0; round < 3; ++round) {
            for (const auto& parts : texts) {
                const std::string_view text = join(raw, {parts[0], parts[1], parts[2], parts[3], parts[4]});
                REQUIRE(f.service.submit(f.sid, 2, text));
                core::secureZero(raw.data(), raw.size());
            }
        }
        // The stored text really was scrubbed, so the identifiers were "removed" ones.
        auto stmt = f.db->prepare("SELECT count(*) FROM contributions WHERE text LIKE '%[NAME]%[PHONE]%'");
        REQUIRE(stmt.step());
        CHECK(stmt.columnInt(0) == 12);
        CHECK(countInWritableMemory(surnameNeedle) == 0);
        CHECK(countInWritableMemory(phone) == 0);
    }
    CHECK(countInWritableMemory(surnameNeedle) == 0);
    CHECK(countInWritableMemory(phone) == 0);

    SECTION("the scan finds a copy that was not wiped, so the checks above can fail") {
        const std::size_t size = surname.size();
        auto copy = std::make_unique<char[]>(size);
        volatile char* sink = copy.get();  // volatile: the copy must really be written to the heap
        for (std::size_t i = 0; i < size; ++i) sink[i] = surname[i];
        CHECK(countInWritableMemory(surnameNeedle) >= 1);
        core::secureZero(copy.get(), size);
        CHECK(countInWritableMemory(surnameNeedle) == 0);
    }
}
