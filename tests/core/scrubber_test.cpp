// Scrubber, UTF-8 clean-up and risk detection: each identifier kind, look-alike characters, offsets, idempotence,
// hostile and very long input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy/risk_detector.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/text/utf8.hpp"

using reflect::core::assessRisk;
using reflect::core::Finding;
using reflect::core::IdentifierKind;
using reflect::core::isValidUtf8;
using reflect::core::mentionsRisk;
using reflect::core::placeholderFor;
using reflect::core::RiskCategory;
using reflect::core::riskCategoryName;
using reflect::core::sanitiseControlCharacters;
using reflect::core::Scrubber;

namespace {

std::string scrubbed(std::string_view text) {
    const Scrubber scrubber;
    return scrubber.scrub(text).text;
}

std::size_t countOf(std::string_view haystack, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

}  // namespace

TEST_CASE("placeholders have the agreed spelling", "[scrubber]") {
    CHECK(placeholderFor(IdentifierKind::NhsNumber) == "[NHS_NUMBER]");
    CHECK(placeholderFor(IdentifierKind::NiNumber) == "[NI_NUMBER]");
    CHECK(placeholderFor(IdentifierKind::Postcode) == "[POSTCODE]");
    CHECK(placeholderFor(IdentifierKind::Phone) == "[PHONE]");
    CHECK(placeholderFor(IdentifierKind::Email) == "[EMAIL]");
    CHECK(placeholderFor(IdentifierKind::Date) == "[DATE]");
    CHECK(placeholderFor(IdentifierKind::Name) == "[NAME]");
    CHECK(placeholderFor(IdentifierKind::Location) == "[LOCATION]");
}

TEST_CASE("NHS numbers with or without a valid check digit", "[scrubber]") {
    CHECK(scrubbed("NHS no 999 000 0018 on the form") == "NHS no [NHS_NUMBER] on the form");
    CHECK(scrubbed("9990000018") == "[NHS_NUMBER]");
    CHECK(scrubbed("999-000-0018.") == "[NHS_NUMBER].");
    // 987 654 4321 fails the modulus-11 check, and a mistyped number still points to a patient.
    CHECK(scrubbed("typed 987 654 4321 by mistake") == "typed [NHS_NUMBER] by mistake");
    // Part of a longer digit run: not an NHS number.
    CHECK(scrubbed("ref 99900000181") == "ref 99900000181");
    CHECK(scrubbed("999 000 00189") == "999 000 00189");
}

TEST_CASE("NI numbers follow the HMRC prefix rules", "[scrubber]") {
    CHECK(scrubbed("NI AB 12 34 56 C here") == "NI [NI_NUMBER] here");
    CHECK(scrubbed("ab123456c") == "[NI_NUMBER]");
    CHECK(scrubbed("JG 103759 A") == "[NI_NUMBER]");
    CHECK(scrubbed("AB123456") == "[NI_NUMBER]");
    CHECK(scrubbed("QQ 12 34 56 A") == "QQ 12 34 56 A");  // Q is never used
    CHECK(scrubbed("GB 12 34 56 A") == "GB 12 34 56 A");  // barred prefix
    CHECK(scrubbed("AO123456A") == "AO123456A");          // O never second
    CHECK(scrubbed("we met at 123456") == "we met at 123456");
}

TEST_CASE("UK postcodes in every outward format", "[scrubber]") {
    for (const std::string_view postcode :
         {"SW1A 1AA", "SW1A 2AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "BT1 5GS", "CF10 1EP",
          "W1A 0AX", "GIR 0AA", "sw1a1aa", "m1 1ae", "B338TH"}) {
        INFO(postcode);
        CHECK(scrubbed(std::string("lives near ") + std::string(postcode) + ", sadly") ==
              "lives near [POSTCODE], sadly");
    }
    CHECK(scrubbed("QQ1 1AA") == "QQ1 1AA");
    CHECK(scrubbed("the M1 was closed") == "the M1 was closed");
    CHECK(scrubbed("on the A1 2nd time") == "on the A1 2nd time");
}

TEST_CASE("phone numbers and internal extensions", "[scrubber]") {
    CHECK(scrubbed("ring 07700 900123 now") == "ring [PHONE] now");
    CHECK(scrubbed("020 7946 0958") == "[PHONE]");
    CHECK(scrubbed("01632 960123") == "[PHONE]");
    CHECK(scrubbed("+44 (0)20 7946 0018.") == "[PHONE].");
    CHECK(scrubbed("+44 7700 900123") == "[PHONE]");
    CHECK(scrubbed("0044 20 7946 0018") == "[PHONE]");
    CHECK(scrubbed("(0161) 496 0000") == "[PHONE]");
    CHECK(scrubbed("07700-900-123") == "[PHONE]");
    CHECK(scrubbed("bleep 4455 when ready") == "bleep [PHONE] when ready");
    CHECK(scrubbed("ext. 2231") == "ext. [PHONE]");
    CHECK(scrubbed("extension 2231") == "extension [PHONE]");
    CHECK(scrubbed("Bleep: 1234") == "Bleep: [PHONE]");
    // Things that only look like numbers.
    CHECK(scrubbed("at 14:30 after the 0700 handover") == "at 14:30 after the 0700 handover");
    CHECK(scrubbed("gave 0.5 mg twice") == "gave 0.5 mg twice");
    CHECK(scrubbed("a 12-hour shift in 2019 on Band 5") == "a 12-hour shift in 2019 on Band 5");
    CHECK(scrubbed("we called 2222 for the arrest") == "we called 2222 for the arrest");
}

TEST_CASE("emails", "[scrubber]") {
    CHECK(scrubbed("write to priya.sharma@nhs.net.") == "write to [EMAIL].");
    CHECK(scrubbed("j.o'neill+rounds@example.org, thanks") == "[EMAIL], thanks");
    CHECK(scrubbed("@ the end") == "@ the end");
    CHECK(scrubbed("a@b") == "a@b");
}

TEST_CASE("dates", "[scrubber]") {
    CHECK(scrubbed("DOB 01/02/1950") == "DOB [DATE]");
    CHECK(scrubbed("seen 1.2.50 and 2024-03-05 and 3/4/24") == "seen [DATE] and [DATE] and [DATE]");
    CHECK(scrubbed("on 3rd March 2024 we met") == "on [DATE] we met");
    CHECK(scrubbed("March 3rd was hard") == "[DATE] was hard");
    CHECK(scrubbed("by 3 March") == "by [DATE]");
    CHECK(scrubbed("on Tuesday 4th June it rained") == "on [DATE] it rained");
    CHECK(scrubbed("on the 3rd of March") == "on the [DATE]");
    CHECK(scrubbed("since March 2023") == "since [DATE]");
    CHECK(scrubbed("born in 1950") == "born in [DATE]");
    CHECK(scrubbed("5-Mar-24") == "[DATE]");
    // Kept on purpose.
    CHECK(scrubbed("at 14:30 on Tuesday") == "at 14:30 on Tuesday");
    CHECK(scrubbed("in 2019, back in the 1990s") == "in 2019, back in the 1990s");
    CHECK(scrubbed("IV antibiotics for 3/7, review in 2/52") == "IV antibiotics for 3/7, review in 2/52");
    CHECK(scrubbed("BP 120/80, pain 7/10") == "BP 120/80, pain 7/10");
    CHECK(scrubbed("In March 12 patients fell") == "In March 12 patients fell");
    CHECK(scrubbed("you may 3 times") == "you may 3 times");
    CHECK(scrubbed("version 1.2.3.4") == "version 1.2.3.4");
}

TEST_CASE("names after honorifics and roles", "[scrubber]") {
    CHECK(scrubbed("Dr Okafor said") == "Dr [NAME] said");
    CHECK(scrubbed("Dr. Okafor said") == "Dr. [NAME] said");
    CHECK(scrubbed("Mrs O'Neill and Mrs O\u2019Neill") == "Mrs [NAME] and Mrs [NAME]");
    CHECK(scrubbed("Mr D'Souza") == "Mr [NAME]");
    CHECK(scrubbed("Ms Smith-Jones") == "Ms [NAME]");
    CHECK(scrubbed("Sister Bernadette") == "Sister [NAME]");
    CHECK(scrubbed("Staff Nurse Adeyemi-Brown") == "Staff Nurse [NAME]");
    CHECK(scrubbed("Healthcare Assistant Tendai") == "Healthcare Assistant [NAME]");
    CHECK(scrubbed("the porter Kwabena") == "the porter [NAME]");
    CHECK(scrubbed("Dr Zo\u00eb McDonald") == "Dr [NAME]");
    CHECK(scrubbed("Nurse \u0141ukasz") == "Nurse [NAME]");
    CHECK(scrubbed("Dr J. Smith") == "Dr [NAME]");
    CHECK(scrubbed("Mr de Souza") == "Mr [NAME]");
    CHECK(scrubbed("dr okafor") == "dr [NAME]");
    CHECK(scrubbed("Nurse Hope and Nurse Joy") == "Nurse [NAME] and Nurse [NAME]");
    CHECK(scrubbed("Dr Smith's patient") == "Dr [NAME]'s patient");
    // The trigger alone, or followed by an ordinary word, changes nothing.
    CHECK(scrubbed("I called the Dr. Nobody came.") == "I called the Dr. Nobody came.");
    CHECK(scrubbed("the Dr was kind") == "the Dr was kind");
    CHECK(scrubbed("Nurse Practitioner and Consultant Radiologist") == "Nurse Practitioner and Consultant Radiologist");
    CHECK(scrubbed("the Consultant ENT surgeon") == "the Consultant ENT surgeon");
}

TEST_CASE("names from the built-in list", "[scrubber]") {
    CHECK(scrubbed("Priya said it was fine") == "[NAME] said it was fine");
    CHECK(scrubbed("I told Siobhan Kelly") == "I told [NAME]");
    CHECK(scrubbed("Kwabena Mensah stayed late") == "[NAME] stayed late");
    CHECK(scrubbed("Wojciech and Agnieszka") == "[NAME] and [NAME]");
    CHECK(scrubbed("Grace Okafor helped") == "[NAME] helped");
    CHECK(scrubbed("a patient called Tumelo") == "a patient called [NAME]");
    // Everyday words that are also names stay without a trigger.
    CHECK(scrubbed("Hope is what kept us going. Faith too. Will it help?") ==
          "Hope is what kept us going. Faith too. Will it help?");
    CHECK(scrubbed("May I say, Mark my words, Grace under pressure") ==
          "May I say, Mark my words, Grace under pressure");
    // Sentence-initial ordinary words stay; places and eponyms are not people.
    CHECK(scrubbed("Yesterday. Honestly. Afterwards.") == "Yesterday. Honestly. Afterwards.");
    CHECK(scrubbed("St Thomas' and Queen Elizabeth Hospital") == "St Thomas' and Queen Elizabeth Hospital");
    CHECK(scrubbed("a Foley catheter and Wilson's disease") == "a Foley catheter and Wilson's disease");
    CHECK(scrubbed("since Jan it has been hard") == "since Jan it has been hard");
}

TEST_CASE("wards, bays, beds and rooms", "[scrubber]") {
    CHECK(scrubbed("Ward 7, ward 12B, bay 3, bed 12") == "[LOCATION], [LOCATION], [LOCATION], [LOCATION]");
    CHECK(scrubbed("Room 4 and side room 2 and Bay C") == "[LOCATION] and [LOCATION] and [LOCATION]");
    CHECK(scrubbed("back on Nightingale Ward") == "back on [LOCATION]");
    CHECK(scrubbed("the Ward round on the ward") == "the Ward round on the ward");
    CHECK(scrubbed("the bay was loud") == "the bay was loud");
    CHECK(scrubbed("the Acute Medical Unit and the Stroke Unit") == "the Acute Medical Unit and the Stroke Unit");
    CHECK(scrubbed("in bed 12 hours a day") == "in bed 12 hours a day");
    CHECK(scrubbed("Priya Ward 7 was full") == "[NAME] [LOCATION] was full");
}

TEST_CASE("hard negatives are left exactly as typed", "[scrubber]") {
    for (const std::string_view text :
         {"10 patients on a 12-hour shift", "5 mg at 14:30", "BP 120/80", "Band 5", "NEWS2 score of 7", "Ward round",
          "Schwartz Round", "Trust board", "the night shift", "0700 handover", "Dr", "A&E was heaving and ICU was full",
          "Afterwards we sat in silence"}) {
        INFO(text);
        CHECK(scrubbed(text) == text);
    }
}

TEST_CASE("look-alike characters do not stop detection", "[scrubber][unicode]") {
    const Scrubber scrubber;
    const std::string nbsp = "999\u00A0000\u00A00018";
    const std::string narrow = "999\u202F000\u20070018";
    const std::string fullWidth = "\uFF19\uFF19\uFF19\uFF10\uFF10\uFF10\uFF10\uFF10\uFF11\uFF18";
    const std::string zeroWidth = "999\u200B000\u200B0018";
    const std::string softHyphen = "999\u00AD000\u00AD0018";
    const std::string joiners = "9\u200C99 0\u200D00 00\u20601\uFEFF8";
    for (const std::string& number : {nbsp, narrow, fullWidth, zeroWidth, softHyphen, joiners}) {
        INFO(number);
        const auto result = scrubber.scrub("no. " + number + " end");
        CHECK(result.text == "no. [NHS_NUMBER] end");
        REQUIRE(result.findings.size() == 1);
        // Offsets are into the original bytes and the span covers every byte of the number.
        CHECK(result.findings[0].begin == 4);
        CHECK(result.findings[0].end == 4 + number.size());
    }
    CHECK(scrubbed("\uFF30\uFF52\uFF49\uFF59\uFF41 said") == "[NAME] said");  // full-width "Priya"
    CHECK(scrubbed("Pri\u200Bya said") == "[NAME] said");
    CHECK(scrubbed("call 07700\u2009900123") == "call [PHONE]");
    CHECK(scrubbed("DOB 01\u200B/02/1950") == "DOB [DATE]");
    CHECK(scrubbed("priya\uFF20nhs.net") == "[EMAIL]");
    CHECK(scrubbed("Dr Zoe\u0308 said") == "Dr [NAME] said");  // decomposed diaeresis
}

TEST_CASE("findings point at the original text", "[scrubber]") {
    const Scrubber scrubber;
    const std::string text = "Dr Okafor (07700 900123) saw Mrs Patel in bay 3 on 3rd March.";
    const std::vector<Finding> findings = scrubber.find(text);
    std::vector<std::string> pieces;
    for (const Finding& f : findings) {
        REQUIRE(f.begin < f.end);
        REQUIRE(f.end <= text.size());
        pieces.push_back(text.substr(f.begin, f.end - f.begin));
    }
    CHECK(pieces == std::vector<std::string>{"Okafor", "07700 900123", "Patel", "bay 3", "3rd March"});
    CHECK(std::is_sorted(findings.begin(), findings.end(),
                         [](const Finding& a, const Finding& b) { return a.begin < b.begin; }));
    CHECK(scrubber.scrub(text).findings.size() == findings.size());
}

TEST_CASE("emoji and joiners outside identifiers are kept", "[scrubber][unicode]") {
    const std::string healthWorker = "\U0001F469\u200D\u2695\uFE0F";
    CHECK(scrubbed("a long day " + healthWorker + " but we got there") ==
          "a long day " + healthWorker + " but we got there");
    CHECK(scrubbed("\u0645\u0631\u062D\u0628\u0627 Dr Okafor") == "\u0645\u0631\u062D\u0628\u0627 Dr [NAME]");
}

TEST_CASE("scrubbing twice changes nothing more", "[scrubber][idempotence]") {
    const Scrubber scrubber;
    const std::vector<std::string> samples{
        "Dr Okafor, 999 000 0018, AB 12 34 56 C, SW1A 1AA, 07700 900123, a@example.org, 3rd March 2024",
        "Priya Ward 7 bay 3 bed 12 and Siobhan Kelly's mum",
        "Grace Okafor and Nurse Hope on Nightingale Ward",
        "bleep 4455, born in 1950, Tuesday the 4th",
        "Mr de Souza's son, Sister O'Neill-Byrne",
        "Room B12 3AB",
        "St Mary's",
        "Ward [LOCATION] Dr [NAME]"};
    for (const std::string& sample : samples) {
        INFO(sample);
        const std::string once = scrubber.scrub(sample).text;
        CHECK(scrubber.scrub(once).text == once);
        CHECK(scrubber.find(once).empty());
    }

    // Random text assembled from pieces that sit near identifiers, so placeholders land in every context.
    const std::vector<std::string> pieces{
        "Dr ",     "Mrs ", "Nurse ", "Sister ",    "Priya", "Kelly",  "O'Neill", "Ward",        "ward", " 7",
        "bay",     " C",   "999",    "000",        "0018",  " ",      " ",       "-",           ".",    ",",
        "\n",      "\t",   "\u00A0", "\u200B",     "07700", "900123", "AB",      "12",          "34",   "56",
        "SW1A",    "1AA",  "@",      "nhs",        ".net",  "3rd",    "March",   "2024",        "/",    "born",
        "in",      "1950", "bleep",  "4455",       "Hope",  "Grace",  "Okafor",  "Nightingale", "Unit", "called",
        "patient", "'s",   "\u00E9", "\U0001F600", "\r",    "\x01",   "\u202E",  "(",           ")",    "+44",
        "[NAME]",  "[",    "]",      "St",         "Lane",  "14"};
    std::mt19937 random(20240605U);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> howMany(1, 40);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int count = howMany(random);
        for (int i = 0; i < count; ++i) {
            text += pieces[pick(random)];
        }
        const std::string once = scrubber.scrub(text).text;
        const std::string twice = scrubber.scrub(once).text;
        INFO(text);
        REQUIRE(twice == once);
        REQUIRE(isValidUtf8(once));
    }
}

TEST_CASE("UTF-8 validation", "[utf8]") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("plain"));
    CHECK(isValidUtf8("Zo\u00eb \u0141ukasz \u4F60\u597D \U0001F469\u200D\u2695\uFE0F"));
    CHECK_FALSE(isValidUtf8("\xFF"));
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong "/"
    CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(isValidUtf8("\xE2\x82"));          // cut off
    CHECK_FALSE(isValidUtf8("a\x80z"));            // stray continuation
}

TEST_CASE("invalid UTF-8 input still gives valid output", "[scrubber][utf8]") {
    const Scrubber scrubber;
    CHECK(scrubber.scrub("bad \xFF byte").text == "bad \uFFFD byte");
    CHECK(scrubber.scrub("cut \xE2\x82").text == "cut \uFFFD");  // one replacement for one cut-off sequence
    CHECK(scrubber.scrub("Dr Okafor \xC0\xAF 999 000 0018").text == "Dr [NAME] \uFFFD\uFFFD [NHS_NUMBER]");

    std::mt19937 random(7U);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 500; ++round) {
        std::string text;
        for (int i = 0; i < 64; ++i) {
            text.push_back(static_cast<char>(byte(random)));
        }
        const auto result = scrubber.scrub(text);
        REQUIRE(isValidUtf8(result.text));
        for (const Finding& f : result.findings) {
            REQUIRE(f.begin < f.end);
            REQUIRE(f.end <= text.size());
        }
    }
}

TEST_CASE("control characters are cleaned the documented way", "[utf8]") {
    CHECK(sanitiseControlCharacters("a\tb\nc") == "a\tb\nc");
    CHECK(sanitiseControlCharacters("line\r\nnext") == "line\nnext");
    CHECK(sanitiseControlCharacters("old\rmac") == "old mac");
    CHECK(sanitiseControlCharacters("a\x0B"
                                    "b\x0C"
                                    "c") == "a b c");
    CHECK(sanitiseControlCharacters("bell\x07 esc\x1B[31m nul") == "bell esc[31m nul");
    CHECK(sanitiseControlCharacters(std::string("nul\0inside", 10)) == "nulinside");
    CHECK(sanitiseControlCharacters("c1\u0085next\u0090") == "c1 next");
    CHECK(sanitiseControlCharacters("\u202Eevil\u202C \u2066iso\u2069") == "evil iso");
    CHECK(sanitiseControlCharacters("keep \u200F mark") == "keep \u200F mark");
    CHECK(sanitiseControlCharacters("bad \xFF") == "bad \uFFFD");
    // The scrubber cleans the text around identifiers the same way, and controls cannot hide an identifier.
    CHECK(scrubbed("\x1B[2J999\x01 000 0018") == "[2J[NHS_NUMBER]");
    CHECK(scrubbed("Dr\u202E Okafor") == "Dr [NAME]");
}

TEST_CASE("long and hostile input stays linear and safe", "[scrubber][robustness]") {
    const Scrubber scrubber;
    SECTION("a 100 000 character reflection") {
        const std::string sentence = "On the night shift Dr Okafor rang 07700 900123 about bay 3; we cried. ";
        std::string text = repeat(sentence, 100000 / sentence.size() + 1);
        text.resize(100000);
        const auto result = scrubber.scrub(text);
        CHECK(isValidUtf8(result.text));
        CHECK(countOf(result.text, "[PHONE]") >= 1400);
        CHECK(result.text.find("Okafor") == std::string::npos);
    }
    SECTION("200 000 characters of repeated triggers, digits and separators complete") {
        const std::vector<std::string> hostile{repeat("Dr ", 66667),
                                               repeat("1 ", 100000),
                                               repeat("0 ", 100000),
                                               repeat("a.", 100000),
                                               repeat("@", 200000),
                                               repeat("a@", 100000),
                                               repeat("9", 200000),
                                               repeat("A", 200000),
                                               repeat("11/", 66667),
                                               repeat("Ward 1 ", 28572),
                                               repeat("Priya ", 33334),
                                               repeat("a-", 100000),
                                               repeat("x", 199990) + "@nhs.net",
                                               repeat("Mr O'", 40000),
                                               repeat("+4", 100000),
                                               repeat("\u200B", 66667),
                                               repeat("3rd March ", 20000),
                                               repeat("(0", 100000)};
        for (const std::string& text : hostile) {
            const auto result = scrubber.scrub(text);
            REQUIRE(isValidUtf8(result.text));
        }
    }
    SECTION("timing of a 10 000 character paste, reported not asserted") {
        const std::string sentence = "Sister O'Neill on Ward 7 said Priya Sharma was born in 1950, NHS 999 000 0018. ";
        std::string text = repeat(sentence, 10000 / sentence.size() + 1);
        text.resize(10000);
        const auto start = std::chrono::steady_clock::now();
        const auto result = scrubber.scrub(text);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        std::cout << "[scrubber] 10 000 characters scrubbed in "
                  << std::chrono::duration<double, std::milli>(elapsed).count() << " ms (" << result.findings.size()
                  << " findings)\n";
        CHECK(!result.findings.empty());
    }
}

TEST_CASE("the built-in name list", "[scrubber][names]") {
    namespace names = reflect::core::names;
    const auto list = names::builtIn();
    CHECK(std::is_sorted(list.begin(), list.end(),
                         [](const names::Entry& a, const names::Entry& b) { return a.name < b.name; }));
    CHECK(std::adjacent_find(list.begin(), list.end(), [](const names::Entry& a, const names::Entry& b) {
              return a.name == b.name;
          }) == list.end());
    std::size_t given = 0;
    std::size_t surnames = 0;
    for (const names::Entry& e : list) {
        const bool everyday = (e.flags & names::kCommonWord) != 0;
        given += ((e.flags & names::kGiven) != 0 && !everyday) ? 1U : 0U;
        surnames += ((e.flags & names::kSurname) != 0 && !everyday) ? 1U : 0U;
    }
    std::cout << "[scrubber] built-in names: " << given << " given, " << surnames << " surnames (" << list.size()
              << " entries)\n";
    CHECK(given >= 1500);
    CHECK(surnames >= 800);

    for (const std::string_view name :
         {"Siobhan",   "Niamh",     "Aoife",    "Ciaran",  "Priya",   "Ravi",   "Sunita", "Mohammed",
          "Aisha",     "Fatima",    "Olumide",  "Chidi",   "Adebayo", "Ngozi",  "Okafor", "Wojciech",
          "Agnieszka", "Katarzyna", "Kowalski", "Maricel", "Jericho", "Lukasz", "Zoe",    "O'Neill",
          "D'Souza",   "McDonald",  "Dafydd",   "Eilidh",  "Nguyen",  "Popescu"}) {
        INFO(name);
        const std::uint8_t flags = names::lookup(list, name);
        CHECK(flags != 0);
        CHECK((flags & names::kCommonWord) == 0);
    }
    for (const std::string_view word : {"Hope", "Faith", "Will", "Mark", "Rose", "Grace", "Joy", "Sunny", "Bill", "May",
                                        "June", "April", "Jordan", "Brown", "Ward", "Said"}) {
        INFO(word);
        CHECK((names::lookup(list, word) & names::kCommonWord) != 0);
    }
    for (const std::string_view word : {"Sister", "Nurse", "Round", "Trust", "Board", "Bay", "The", "Yesterday",
                                        "Honestly", "He", "Do", "Oh", "Parkinson", "Schwartz"}) {
        INFO(word);
        CHECK((names::lookup(list, word) & ~names::kCommonWord) == 0);
    }
}

TEST_CASE("risk phrases", "[risk]") {
    struct Case {
        std::string_view text;
        RiskCategory expected;
    };
    const std::vector<Case> cases{
        {"I can't go on like this", RiskCategory::Despair},
        {"i cant go on", RiskCategory::Despair},
        {"I can\u2019t   go on", RiskCategory::Despair},
        {"I can not go on", RiskCategory::Despair},
        {"I CANNOT GO ON", RiskCategory::Despair},
        {"there's no point living", RiskCategory::Despair},
        {"no point in living any more", RiskCategory::Despair},
        {"sometimes I want to end it all", RiskCategory::Suicide},
        {"I could kill myself", RiskCategory::Suicide},
        {"I want to die", RiskCategory::Suicide},
        {"thought about taking my own life", RiskCategory::Suicide},
        {"feeling suicidal", RiskCategory::Suicide},
        {"I keep hurting myself", RiskCategory::SelfHarm},
        {"I've been harming myself", RiskCategory::SelfHarm},
        {"history of self-harm", RiskCategory::SelfHarm},
        {"she took an overdose", RiskCategory::SelfHarm},
        {"I'm not safe at home", RiskCategory::Abuse},
        {"I'm being hurt", RiskCategory::Abuse},
        {"the abuse from his partner", RiskCategory::Abuse},
        {"\uFF41\uFF42\uFF55\uFF53\uFF45", RiskCategory::Abuse},  // full-width
        {"sui\u200Bcide", RiskCategory::Suicide},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto assessment = assessRisk(c.text);
        CHECK(assessment.primary == c.expected);
        CHECK(assessment.has(c.expected));
        CHECK(mentionsRisk(c.text));
    }
    for (const std::string_view text :
         {"a hard shift but we carried on", "she was disabused of the idea", "In the end it all came together",
          "she wanted to die at home with her family", "it really hit me", "I beat myself up about it",
          "point of care testing", "the go-live went on", "we can go on to the next item?"}) {
        INFO(text);
        CHECK_FALSE(mentionsRisk(text));
    }
    CHECK(riskCategoryName(RiskCategory::SelfHarm) == "self_harm");
    CHECK(riskCategoryName(RiskCategory::Despair) == "despair");
    CHECK(riskCategoryName(RiskCategory::Suicide) == "suicide");
    CHECK(riskCategoryName(RiskCategory::Abuse) == "abuse");

    const auto both = assessRisk("I was abused and I want to die");
    CHECK(both.primary == RiskCategory::Suicide);
    CHECK(both.has(RiskCategory::Abuse));
    CHECK_FALSE(mentionsRisk(repeat("can ", 50000)));
}
