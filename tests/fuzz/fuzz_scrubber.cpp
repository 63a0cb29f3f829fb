// Fuzz target: the scrubber. Output is valid UTF-8, scrubbing is idempotent, and an identifier generated from the
// input (an NHS number, a mobile number, an email address), embedded in the text, never survives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/privacy/scrubber.hpp"
#include "core/text/utf8.hpp"

namespace {

[[noreturn]] void violated(const char* what) {
    // A property failed: abort so libFuzzer (and the replay runner) report the input.
    std::fputs(what, stderr);
    std::fputc('\n', stderr);
    std::abort();
}

std::string digitsFrom(const std::uint8_t* data, std::size_t size, std::size_t count, std::size_t salt) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t byte = size ? data[(i * 7 + salt) % size] : static_cast<std::uint8_t>(i);
        out.push_back(static_cast<char>('0' + byte % 10));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const reflect::core::Scrubber scrubber;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto once = scrubber.scrub(input);
    if (!reflect::core::isValidUtf8(once.text)) violated("scrub output is not valid UTF-8");
    if (scrubber.scrub(once.text).text != once.text) violated("scrub is not idempotent");
    for (const auto& f : once.findings)
        if (f.begin > f.end || f.end > input.size()) violated("a finding lies outside the input");

    // The raw input, sanitised, with generated identifiers around it.
    const std::string safe = reflect::core::sanitiseControlCharacters(input);
    const std::string nhs = digitsFrom(data, size, 10, 1);
    const std::string nhsSpaced = nhs.substr(0, 3) + " " + nhs.substr(3, 3) + " " + nhs.substr(6);
    const std::string mobile = "07" + digitsFrom(data, size, 9, 3);
    const std::string email = "p" + digitsFrom(data, size, 6, 5) + "@example.org";
    const std::string text = "NHS number " + nhsSpaced + " . " + safe + " . call " + mobile + " . mail " + email + " .";
    const auto scrubbed = scrubber.scrub(text).text;
    // Only when the fuzzed part does not itself contain the same characters (inside a longer digit run, say,
    // where they are rightly not a phone number), so any copy in the output is the generated one.
    for (const std::string& id : {nhsSpaced, mobile, email})
        if (safe.find(id) == std::string::npos && scrubbed.find(id) != std::string::npos)
            violated("a generated identifier survived scrubbing");
    return 0;
}
