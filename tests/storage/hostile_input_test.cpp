// Hostile input: at least 200 nasty strings through scrub, store, load and a headless render. Nothing crashes,
// what is stored is byte for byte the scrubbed text the person confirmed, and unreadable bytes are refused.
#include <string>
#include <vector>

#include <imgui.h>
#include <catch2/catch.hpp>

#include "core/contribute/contribution_store.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/session/session_service.hpp"
#include "core/text/utf8.hpp"
#include "support/fixtures.hpp"
#include "support/imgui_headless.hpp"
#include "ui/widgets/widgets.hpp"

using namespace reflect;

namespace {

std::string bytes(std::initializer_list<unsigned> values) {
    std::string out;
    for (const unsigned v : values) out.push_back(static_cast<char>(v));
    return out;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out.append(piece);
    return out;
}

/// The hand-assembled core of the table: each one is then also tried inside a sentence and doubled.
std::vector<std::string> baseStrings() {
    std::vector<std::string> s = {
        // Right-to-left text, bidi controls and "Trojan Source" reorderings.
        "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD",  // Hebrew
        "\u0645\u0631\u062D\u0628\u0627 \u0628\u0643\u0645",  // Arabic
        "abc \u202Edcba\u202C def",                           // RLO ... PDF
        "\u2067isolate\u2069 \u2066left\u2069 \u2068first\u2069",
        "\u200F\u200E\u061C marks",
        "Dr \u202ESmith\u202C saw Ward \u202E7\u202C",
        // Zalgo and combining marks.
        "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034D"
        "A",
        "e" + repeat("\u0301", 500),
        repeat("\u0300\u0301\u0302\u0303", 200),
        // Emoji, ZWJ sequences, flags, skin tones, variation selectors.
        "\U0001F469\u200D\u2695\uFE0F nurse",
        "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466 family",
        "\U0001F1EC\U0001F1E7 \U0001F3F3\uFE0F\u200D\U0001F308",
        "\U0001F44D\U0001F3FD\U0001F44D\U0001F3FF",
        repeat("\U0001F62D", 300),
        "\u2764\uFE0F\u200D\U0001F525",
        // SQL injection.
        "'; DROP TABLE contributions; --",
        "\" OR 1=1 --",
        "x'); DELETE FROM sessions WHERE ('1'='1",
        "1; ATTACH DATABASE '/tmp/evil.db' AS evil; --",
        "Robert'); PRAGMA writable_schema=1; --",
        "%' UNION SELECT sql FROM sqlite_schema --",
        // Format-string and template injection.
        "%s%s%s%s%n%n%n",
        "%x %p %d %1$s %99999999d",
        "{} {0} {name} {{}} {:>1000000}",
        "${HOME} $(rm -rf /) `reboot`",
        "{{7*7}} <%= 7*7 %> #{7*7}",
        // Terminal escapes and control characters.
        "\x1b[2J\x1b[H cleared",
        "\x1b]0;owned\x07 title",
        "\x1b[31mred\x1b[0m",
        "bell\a\a\a backspace\b\b\b",
        "line1\r\nline2\rline3\vline4\fline5",
        std::string("NUL\0inside", 10),
        std::string("\0", 1),
        std::string("\0\0\0 trailing", 12),
        "\x7f\xc2\x80\xc2\x9f C1 controls",
        "\u2028line separator\u2029paragraph",
        "tab\there\tand\tthere",
        // Odd spaces, zero-width characters, look-alikes.
        "\u200B\u200C\u200D\u2060\uFEFF hidden",
        "\u00A0\u2007\u202F\u3000 spaces",
        "\uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF12\uFF13\uFF14",  // full-width phone
        "\u0410\u0412\u0421 Cyrillic look-alikes",
        // Identifiers that must be scrubbed, in hostile company.
        "Dr Smith on Ward 7, NHS 943 476 5919, call 07700 900123",
        "email jo.bloggs@example.nhs.uk \u202E or SW1A 1AA",
        "born 03/04/1950 \U0001F469\u200D\u2695\uFE0F Nurse Patel",
        // Lengths.
        "",
        " ",
        repeat("a", 2000),
        repeat("\U0001F600", 2000),
        repeat("word ", 400),
        // Markup and paths.
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "../../../../etc/passwd",
        "C:\\Windows\\System32\\cmd.exe",
        "[NAME] [PHONE] [EMAIL]",
        "##imgui_id ###other %% ##",
        // Script mixtures.
        "\u4F60\u597D\u4E16\u754C \u3053\u3093\u306B\u3061\u306F \uD55C\uAD6D\uC5B4",
        "\u0928\u092E\u0938\u094D\u0924\u0947 \u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35",
        "\U00010348\U0001D11E\U0010FFFD plane 1 and 16",
    };
    return s;
}

/// Strings that are not well-formed UTF-8: each must be refused with a clear message, never stored.
std::vector<std::string> invalidStrings() {
    return {
        bytes({0xC3}),              // truncated two-byte
        bytes({0xE2, 0x82}),        // truncated three-byte
        bytes({0xF0, 0x9F, 0x98}),  // truncated four-byte
        bytes({0x80}),              // lone continuation
        bytes({0xBF, 0xBF, 0xBF}),
        bytes({0xC0, 0xAF}),                          // overlong '/'
        bytes({0xE0, 0x80, 0xAF}),                    // overlong
        bytes({0xF0, 0x80, 0x80, 0xAF}),              // overlong
        bytes({0xED, 0xA0, 0x80}),                    // lone high surrogate U+D800 (CESU-8)
        bytes({0xED, 0xBF, 0xBF}),                    // lone low surrogate U+DFFF
        bytes({0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}),  // a surrogate pair in CESU-8 (an emoji, wrongly encoded)
        bytes({0xF4, 0x90, 0x80, 0x80}),              // past U+10FFFF
        bytes({0xF8, 0x88, 0x80, 0x80, 0x80}),        // five-byte form
        bytes({0xFE}),
        bytes({0xFF}),
        "ok text " + bytes({0xFF}) + " then more",
        "Dr Smith " + bytes({0xED, 0xA0, 0x80}),
        bytes({0xC3, 0x28}),
        bytes({0xE2, 0x28, 0xA1}),
        std::string("NUL\0then bad ", 13) + bytes({0x80}),
    };
}

}  // namespace

TEST_CASE("hostile strings: scrub, store, load and render without a crash, stored == confirmed text",
          "[storage][hostile]") {
    std::vector<std::string> table;
    for (const auto& base : baseStrings()) {
        table.push_back(base);
        table.push_back("On the ward today " + base + " and I felt it.");
        table.push_back(base + "\n" + base);
        table.push_back("\u201C" + base + "\u201D \t ");
    }
    table.push_back(repeat("x", 100'000));
    table.push_back(repeat("\U0001F469\u200D\u2695\uFE0F", 25'000));
    for (const auto& bad : invalidStrings()) table.push_back(bad);
    REQUIRE(table.size() >= 200);

    auto db = test::memoryDatabase();
    core::ManualClock clock;
    core::SessionService service(*db, clock);
    REQUIRE(service.start(test::roundTemplate(), {}));
    core::ContributionStore store(*db);
    const core::Scrubber scrubber;
    test::HeadlessImGui imgui;

    int refusedInvalid = 0, refusedLong = 0, stored = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const std::string& raw = table[i];
        INFO("string " << i << " of " << raw.size() << " bytes");
        const int before = store.count(service.activeId());
        if (!core::isValidUtf8(raw)) {
            // Unreadable bytes are refused before anything else, with words a person can act on.
            auto refused = store.add(service.activeId(), 1, raw, false);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().message.find("cannot read") != std::string::npos);
            CHECK(store.count(service.activeId()) == before);
            ++refusedInvalid;
            continue;
        }
        const core::ScrubResult scrubbed = scrubber.scrub(raw);
        CHECK(core::isValidUtf8(scrubbed.text));
        CHECK(scrubber.scrub(scrubbed.text).text == scrubbed.text);  // idempotent
        auto added = store.add(service.activeId(), 1, scrubbed.text, false);
        if (!added) {
            CHECK(added.error().message.find("longer") != std::string::npos);
            CHECK(scrubbed.text.size() > core::kMaxContributionCharacters);
            ++refusedLong;
            continue;
        }
        ++stored;
        // Load it back (the only row with this session's text just added) and compare byte for byte.
        const auto all = store.shuffled(service.activeId());
        REQUIRE(static_cast<int>(all.size()) == before + 1);
        int matches = 0;
        for (const auto& c : all)
            if (c.text == scrubbed.text) ++matches;
        CHECK(matches >= 1);
        imgui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1920, 1080));
            ImGui::Begin("##hostile", nullptr, ImGuiWindowFlags_NoDecoration);
            ui::wrappedText(imgui.theme().fonts.body, scrubbed.text, IM_COL32(255, 255, 255, 255), 900.0f);
            ImGui::End();
        });
    }
    // No raw identifier from the identifier rows reached the database.
    auto stmt = db->prepare("SELECT text FROM contributions");
    while (stmt.step()) {
        const std::string text = stmt.columnText(0);
        for (const char* raw : {"943 476 5919", "07700 900123", "jo.bloggs@example.nhs.uk", "SW1A 1AA", "03/04/1950"})
            CHECK(text.find(raw) == std::string::npos);
    }
    CHECK(refusedInvalid == static_cast<int>(invalidStrings().size()));
    CHECK(refusedLong >= 2);
    CHECK(stored > 150);
    CHECK(db->integrityCheck() == "ok");
}
