// One test per scanner file of the scrubber (scan_contacts, scan_numbers, scan_dates, scan_places, scan_names,
// scan_records, scan_web), the normalised view and the resolver: what each finds, and what it must leave alone.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/privacy/scrubber.hpp"

using reflect::core::Finding;
using reflect::core::IdentifierKind;
using reflect::core::Scrubber;

namespace {

using Found = std::vector<std::pair<IdentifierKind, std::string>>;

// Each finding as its kind and the original text it covers: offsets only come back from find(), so the preview
// (and this test) slices the text it already holds.
Found found(std::string_view text) {
    const Scrubber scrubber;
    Found out;
    for (const Finding& f : scrubber.find(text))
        out.emplace_back(f.kind, std::string(text.substr(f.begin, f.end - f.begin)));
    return out;
}

Found one(IdentifierKind kind, std::string text) {
    return {{kind, std::move(text)}};
}

}  // namespace

TEST_CASE("scan_contacts: emails, phone numbers and extensions", "[scrubber][detectors]") {
    CHECK(found("mail jo.bloggs@example.org today") == one(IdentifierKind::Email, "jo.bloggs@example.org"));
    CHECK(found("ring 07700 900123 later") == one(IdentifierKind::Phone, "07700 900123"));
    CHECK(found("bleep 4455 for the outreach team") == one(IdentifierKind::Phone, "4455"));
    CHECK(found("the phone rang 40 times at 14:30").empty());
}

TEST_CASE("scan_numbers: NHS numbers, NI numbers and postcodes", "[scrubber][detectors]") {
    CHECK(found("NHS 999 000 0018 on the label") == one(IdentifierKind::NhsNumber, "999 000 0018"));
    CHECK(found("NI QQ 12 34 56 C was wrong") == Found{});  // QQ is never issued
    CHECK(found("NI AB 12 34 56 C was wrong") == one(IdentifierKind::NiNumber, "AB 12 34 56 C"));
    CHECK(found("lives near SW1A 1AA now") == one(IdentifierKind::Postcode, "SW1A 1AA"));
    CHECK(found("NHS 111 and Band 5").empty());
}

TEST_CASE("scan_dates: dates with a year, written dates, and day-month dates with a reason to be dates",
          "[scrubber][detectors]") {
    CHECK(found("seen on 01/02/1950 by us") == one(IdentifierKind::Date, "01/02/1950"));
    CHECK(found("it was Tuesday 4th June") == one(IdentifierKind::Date, "Tuesday 4th June"));
    CHECK(found("admitted on 05/11 at night") == one(IdentifierKind::Date, "05/11"));
    CHECK(found("since 3/10 we have been short") == one(IdentifierKind::Date, "3/10"));
    CHECK(found("the form said 07/03 and nothing else") == one(IdentifierKind::Date, "07/03"));
    // Clinical shorthand, scores, readings and rates stay.
    CHECK(found("antibiotics for 3/7, pain 9/10, BP 120/80, 24/7 cover, 2/52 of symptoms").empty());
    CHECK(found("started on 3/7 of antibiotics").empty());  // "on" is not enough for days in shorthand
    CHECK(found("dated 3/7 in the notes") == one(IdentifierKind::Date, "3/7"));
}

TEST_CASE("scan_places: ward, bay, bed and street", "[scrubber][detectors]") {
    CHECK(found("moved to Ward 7 overnight") == one(IdentifierKind::Location, "Ward 7"));
    CHECK(found("lives on Mill Lane") == one(IdentifierKind::Location, "Mill Lane"));
    CHECK(found("the ward round ran late").empty());
}

TEST_CASE("scan_names: triggers, listed names, lower case, nicknames and family words", "[scrubber][detectors]") {
    CHECK(found("Dr Vantreecke said") == one(IdentifierKind::Name, "Vantreecke"));
    CHECK(found("I told jamie it was fine") == one(IdentifierKind::Name, "jamie"));
    CHECK(found("Bex stayed late") == one(IdentifierKind::Name, "Bex"));
    CHECK(found("grandad arthur asked for his dog") == one(IdentifierKind::Name, "arthur"));
    CHECK(found("Grandad Joe asked for his dog") == one(IdentifierKind::Name, "Joe"));
    // Everyday words that are also names, and the things a determiner makes of them, stay.
    CHECK(found("i will grace the meeting, jack the bed up, the bob on the bell").empty());
    CHECK(found("We hung 500 ml and the nan was lovely").empty());
    CHECK(found("the Wi-Fi and the X-Ray were down").empty());  // two-letter parts are not nicknames
}

TEST_CASE("scan_records: hospital numbers, registrations and vehicles", "[scrubber][detectors]") {
    CHECK(found("MRN: RTH481920 on the label") == one(IdentifierKind::HospitalNumber, "RTH481920"));
    CHECK(found("hospital number is 0049213") == one(IdentifierKind::HospitalNumber, "0049213"));
    CHECK(found("The MRN on the drug chart was 4820193") == one(IdentifierKind::HospitalNumber, "4820193"));
    CHECK(found("unit no. RBA 204718 was wrong") == one(IdentifierKind::HospitalNumber, "RBA 204718"));
    CHECK(found("his GMC number 7123456") == one(IdentifierKind::Registration, "7123456"));
    CHECK(found("PIN 12A3456B on the sheet") == one(IdentifierKind::Registration, "12A3456B"));
    CHECK(found("HCPC registration PH 123456") == one(IdentifierKind::Registration, "PH 123456"));
    CHECK(found("car AB12 CDE outside") == one(IdentifierKind::Vehicle, "AB12 CDE"));
    CHECK(found("the AB12 form, the mrn field, GMC guidance, unit number of beds").empty());
    CHECK(found("car IB12 CDE and AB12 CQE").empty());  // letters the DVLA never issues there
}

TEST_CASE("scan_web: addresses and handles", "[scrubber][detectors]") {
    CHECK(found("see https://example.com/a?b=1.") == one(IdentifierKind::Web, "https://example.com/a?b=1"));
    CHECK(found("at www.example.org today") == one(IdentifierKind::Web, "www.example.org"));
    CHECK(found("on facebook.com/groups/x now") == one(IdentifierKind::Web, "facebook.com/groups/x"));
    CHECK(found("tagged @jess_rn_xo again") == one(IdentifierKind::Web, "@jess_rn_xo"));
    CHECK(found("mail jo@example.org") == one(IdentifierKind::Email, "jo@example.org"));
    CHECK(found("e.g. at 9.30 a.m. I'm @ the end, meet @10, 1.5mg").empty());
}

TEST_CASE("the normalised view: look-alike and invisible characters do not hide an identifier",
          "[scrubber][detectors]") {
    // Full-width digits and a zero-width space inside an NHS number; the finding covers the original bytes.
    const std::string text =
        "NHS \xEF\xBC\x99\xEF\xBC\x99\xEF\xBC\x99\xE2\x80\x8B"
        "000\xE2\x80\x8B"
        "0018 end";
    const Found f = found(text);
    REQUIRE(f.size() == 1);
    CHECK(f[0].first == IdentifierKind::NhsNumber);
    CHECK(f[0].second == text.substr(4, text.size() - 8));
}

TEST_CASE("the resolver: the more structured kind wins an overlap and a name keeps its other words",
          "[scrubber][detectors]") {
    CHECK(found("Priya Ward 7") == Found{{IdentifierKind::Name, "Priya"}, {IdentifierKind::Location, "Ward 7"}});
    // An HCPC number shaped like an NI number is a registration: the label decides.
    CHECK(found("HCPC number PH 123456") == one(IdentifierKind::Registration, "PH 123456"));
    const Scrubber scrubber;
    CHECK(scrubber.scrub("car AB12 CDE, MRN 4820193, @jess_rn").text == "car [VEHICLE], MRN [HOSPITAL_NUMBER], [WEB]");
}
