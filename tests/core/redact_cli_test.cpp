// `reflect-kiosk redact [--lines]`: stdin to stdout, one line out per line in, invalid UTF-8 refused.
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/commands.hpp"

using namespace reflect;

namespace {
struct Run {
    int code;
    std::string out, err;
};
Run redact(bool lines, const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = cli::redact(lines, in, out, err);
    return {code, out.str(), err.str()};
}
std::size_t countLines(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}
}  // namespace

TEST_CASE("redact replaces identifiers and keeps the rest", "[cli][redact]") {
    const auto r = redact(false, "Mrs Okafor's NHS number is 943 476 5919.\nWe had 10 patients on a 12-hour shift.\n");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "Mrs [NAME]'s NHS number is [NHS_NUMBER].\nWe had 10 patients on a 12-hour shift.\n");
}

TEST_CASE("redact --lines writes exactly one line per input line", "[cli][redact]") {
    const std::string input = "call 07700 900123\n\n\nSW1A 1AA\r\nlast line without newline";
    const auto r = redact(true, input);
    CHECK(r.code == 0);
    CHECK(countLines(r.out) == countLines(input));
    CHECK(r.out == "call [PHONE]\n\n\n[POSTCODE]\r\n" + redact(true, "last line without newline").out);
    CHECK(redact(true, "").out.empty());
    CHECK(redact(true, "\n").out == "\n");
}

TEST_CASE("redact refuses invalid UTF-8 with one line naming the line", "[cli][redact]") {
    const auto r = redact(true, "fine\nbad \xc3\x28 here\n");
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "reflect-kiosk: redact: line 2 is not valid UTF-8 (save the text as UTF-8 and try again)\n");
}
