// Scores the scrubber against tests/data/scrubber/labelled.tsv: recall per identifier kind and how many hard
// negatives come through untouched, with the gates the product depends on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy/scrubber.hpp"
#include "core/text/utf8.hpp"

#ifndef REFLECT_TEST_DATA_DIR
#error "REFLECT_TEST_DATA_DIR must be defined as the absolute path of tests/data"
#endif

using reflect::core::IdentifierKind;
using reflect::core::isValidUtf8;
using reflect::core::placeholderFor;
using reflect::core::Scrubber;

namespace {

struct LabelledLine {
    std::size_t lineNumber;
    std::string category;
    std::string sentence;
    std::string expected;
};

// DAY_MONTH and NAME_NO_TRIGGER lines expect [DATE] and [NAME]: they are scored apart because they were added
// as held-out classes the scrubber used to miss (dates without a year; lower-case names, nicknames, family words).
constexpr std::array<std::string_view, 15> kCategories{
    "NHS_NUMBER", "NI_NUMBER", "POSTCODE",  "PHONE",           "EMAIL",
    "DATE",       "NAME",      "LOCATION",  "HOSPITAL_NUMBER", "REGISTRATION",
    "VEHICLE",    "WEB",       "DAY_MONTH", "NAME_NO_TRIGGER", "KEEP"};

constexpr std::array<IdentifierKind, 12> kKinds{
    IdentifierKind::NhsNumber,      IdentifierKind::NiNumber,     IdentifierKind::Postcode, IdentifierKind::Phone,
    IdentifierKind::Email,          IdentifierKind::Date,         IdentifierKind::Name,     IdentifierKind::Location,
    IdentifierKind::HospitalNumber, IdentifierKind::Registration, IdentifierKind::Vehicle,  IdentifierKind::Web};

std::vector<LabelledLine> loadCorpus(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::vector<LabelledLine> lines;
    std::string raw;
    std::size_t number = 0;
    while (std::getline(in, raw)) {
        ++number;
        if (!raw.empty() && raw.back() == '\r') {
            raw.pop_back();
        }
        if (raw.empty() || raw.front() == '#') {
            continue;
        }
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t tab = raw.find('\t'); tab != std::string::npos; tab = raw.find('\t', start)) {
            fields.push_back(raw.substr(start, tab - start));
            start = tab + 1;
        }
        fields.push_back(raw.substr(start));
        INFO("labelled.tsv line " << number << ": " << raw);
        REQUIRE(fields.size() == 3);
        lines.push_back({number, fields[0], fields[1], fields[2]});
    }
    return lines;
}

// The expected output split into literal text and placeholders: "Dr [NAME] said" -> "Dr ", [NAME], " said".
struct Piece {
    std::string text;
    bool placeholder;
};

std::vector<Piece> splitExpected(const std::string& expected) {
    std::vector<Piece> pieces;
    std::string literal;
    std::size_t i = 0;
    while (i < expected.size()) {
        bool matched = false;
        for (const IdentifierKind kind : kKinds) {
            const std::string_view p = placeholderFor(kind);
            if (expected.compare(i, p.size(), p) == 0) {
                pieces.push_back({literal, false});
                literal.clear();
                pieces.push_back({std::string(p), true});
                i += p.size();
                matched = true;
                break;
            }
        }
        if (!matched) {
            literal.push_back(expected[i++]);
        }
    }
    pieces.push_back({literal, false});
    return pieces;
}

// Finds the original text behind each placeholder by lining the expected output up with the sentence, trying each
// place the next literal could start (lines hold only a few placeholders, so the search is tiny).
bool alignFrom(const std::vector<Piece>& pieces, std::size_t index, const std::string& sentence, std::size_t pos,
               std::vector<std::string>& raws) {
    if (index >= pieces.size()) {
        return pos == sentence.size();
    }
    const Piece& piece = pieces[index];
    if (!piece.placeholder) {
        if (sentence.compare(pos, piece.text.size(), piece.text) != 0) {
            return false;
        }
        return alignFrom(pieces, index + 1, sentence, pos + piece.text.size(), raws);
    }
    const std::string& nextLiteral = pieces[index + 1].text;
    const bool lastLiteral = index + 2 >= pieces.size();
    for (std::size_t end = pos + 1; end <= sentence.size(); ++end) {
        if (lastLiteral && sentence.size() - end != nextLiteral.size()) {
            continue;
        }
        if (sentence.compare(end, nextLiteral.size(), nextLiteral) != 0) {
            continue;
        }
        raws.push_back(sentence.substr(pos, end - pos));
        if (alignFrom(pieces, index + 1, sentence, end, raws)) {
            return true;
        }
        raws.pop_back();
    }
    return false;
}

std::optional<std::vector<std::string>> rawIdentifiers(const LabelledLine& line) {
    const std::vector<Piece> pieces = splitExpected(line.expected);
    std::vector<std::string> raws;
    if (!alignFrom(pieces, 0, line.sentence, 0, raws)) {
        return std::nullopt;
    }
    return raws;
}

std::size_t countOf(std::string_view haystack, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

// A line is recalled when every placeholder the label expects is there (as often as expected) and none of the
// original identifier text survives.
bool recalled(const LabelledLine& line, const std::vector<std::string>& raws, const std::string& output) {
    for (const IdentifierKind kind : kKinds) {
        if (countOf(output, placeholderFor(kind)) < countOf(line.expected, placeholderFor(kind))) {
            return false;
        }
    }
    for (const std::string& raw : raws) {
        if (output.find(raw) != std::string::npos) {
            return false;
        }
    }
    return true;
}

struct Tally {
    std::size_t lines = 0;
    std::size_t recalled = 0;
    std::size_t exact = 0;
};

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

TEST_CASE("labelled corpus: recall per kind and hard negatives kept", "[scrubber][corpus]") {
    const std::vector<LabelledLine> corpus = loadCorpus(std::string(REFLECT_TEST_DATA_DIR) + "/scrubber/labelled.tsv");
    REQUIRE(corpus.size() >= 320);

    const Scrubber scrubber;
    std::map<std::string, Tally> tallies;
    std::vector<std::string> misses;
    for (const LabelledLine& line : corpus) {
        INFO("labelled.tsv line " << line.lineNumber << ": " << line.sentence);
        REQUIRE(std::find(kCategories.begin(), kCategories.end(), line.category) != kCategories.end());
        const std::optional<std::vector<std::string>> raws = rawIdentifiers(line);
        REQUIRE(raws.has_value());  // the label lines up with the sentence
        if (line.category == "KEEP") {
            REQUIRE(line.expected == line.sentence);
        } else {
            REQUIRE(!raws->empty());
        }

        const std::string output = scrubber.scrub(line.sentence).text;
        CHECK(isValidUtf8(output));
        CHECK(scrubber.scrub(output).text == output);  // idempotent on every labelled line

        Tally& tally = tallies[line.category];
        ++tally.lines;
        const bool exact = output == line.expected;
        const bool ok = line.category == "KEEP" ? exact : recalled(line, *raws, output);
        tally.exact += exact ? 1U : 0U;
        tally.recalled += ok ? 1U : 0U;
        if (!ok) {
            misses.push_back(line.category + " (line " + std::to_string(line.lineNumber) + "): " + line.sentence +
                             "\n      got: " + output);
        }
    }

    std::ostringstream table;
    table << "\n[scrubber corpus] " << corpus.size() << " labelled lines\n";
    table << "  category      lines  recalled  recall%  exact-match%\n";
    for (const std::string_view category : kCategories) {
        const Tally& t = tallies[std::string(category)];
        table << "  " << std::left << std::setw(12) << category << std::right << std::setw(7) << t.lines
              << std::setw(10) << t.recalled << std::setw(9) << std::fixed << std::setprecision(1)
              << percent(t.recalled, t.lines) << std::setw(14) << percent(t.exact, t.lines)
              << (category == "KEEP" ? "   (recall = kept unchanged)" : "") << '\n';
    }
    const Tally& keep = tallies["KEEP"];
    const Tally& name = tallies["NAME"];
    table << "  KEEP retention: " << keep.recalled << "/" << keep.lines << " = " << std::setprecision(2)
          << percent(keep.recalled, keep.lines) << "%\n";
    table << "  NAME recall:    " << name.recalled << "/" << name.lines << " = " << percent(name.recalled, name.lines)
          << "%\n";
    for (const std::string& miss : misses) {
        table << "  miss: " << miss << '\n';
    }
    std::cout << table.str() << std::flush;

    for (const std::string_view gated : {"NHS_NUMBER", "NI_NUMBER", "POSTCODE", "PHONE", "EMAIL"}) {
        const Tally& t = tallies[std::string(gated)];
        INFO(gated << " recall must be 100%: " << t.recalled << "/" << t.lines);
        CHECK(t.lines > 0);
        CHECK(t.recalled == t.lines);
    }
    // The held-out classes: a floor of 95% allows one miss in each set of 20-odd sentences, so a scanner that
    // stops working fails the test while one awkward phrasing does not.
    for (const std::string_view gated :
         {"HOSPITAL_NUMBER", "REGISTRATION", "VEHICLE", "WEB", "DAY_MONTH", "NAME_NO_TRIGGER"}) {
        const Tally& t = tallies[std::string(gated)];
        INFO(gated << " recall must be at least 95%: " << t.recalled << "/" << t.lines);
        CHECK(t.lines >= 20);
        CHECK(percent(t.recalled, t.lines) >= 95.0);
    }
    // Text that is not an identifier must come through: more identifiers found is no gain if people's words go.
    INFO("KEEP retention must be at least 99%: " << keep.recalled << "/" << keep.lines);
    CHECK(percent(keep.recalled, keep.lines) >= 99.0);
    INFO("NAME recall must be at least 90%: " << name.recalled << "/" << name.lines);
    CHECK(percent(name.recalled, name.lines) >= 90.0);
}
