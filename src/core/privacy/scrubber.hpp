// Identifier scrubbing: finds the details that could point to a person in a typed reflection and swaps them for
// placeholders before the text is shown on the shared screen or stored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/utf8.hpp"

namespace reflect::core {

/// What a finding is. (Which kind wins an overlap is described at Scrubber.)
/// New kinds are added at the end, so stored values and switch statements elsewhere keep their meaning.
enum class IdentifierKind {
    NhsNumber,
    NiNumber,
    Postcode,
    Phone,
    Email,
    Date,
    Name,
    Location,
    HospitalNumber,
    Registration,
    Vehicle,
    Web,
};

/// "[NHS_NUMBER]", "[NI_NUMBER]", "[POSTCODE]", "[PHONE]", "[EMAIL]", "[DATE]", "[NAME]", "[LOCATION]",
/// "[HOSPITAL_NUMBER]", "[REGISTRATION]", "[VEHICLE]", "[WEB]".
[[nodiscard]] std::string_view placeholderFor(IdentifierKind kind) noexcept;

/// One identifier, as byte offsets into the ORIGINAL text passed to find() or scrub(). The span covers every byte
/// that was part of the identifier, including zero-width characters, soft hyphens and odd spaces typed inside it.
struct Finding {
    IdentifierKind kind;
    std::size_t begin;
    std::size_t end;
};

struct ScrubResult {
    std::string text;               ///< valid UTF-8, identifiers replaced, control characters cleaned (see utf8.hpp)
    std::vector<Finding> findings;  ///< sorted by begin, never overlapping
};

/// The built-in gazetteer of given names and surnames (name_list.cpp), compiled in so nothing is read at run time.
namespace names {

inline constexpr std::uint8_t kGiven = 1U;
inline constexpr std::uint8_t kSurname = 2U;
/// Also an everyday word ("Hope", "Will", "Grace", "May", "Brown", "Ward"): counts as a name only after an
/// honorific or role, or next to a name that is not an everyday word ("Grace Okafor", "Sarah Brown").
inline constexpr std::uint8_t kCommonWord = 4U;

/// Names are stored folded to ASCII ("Lukasz", "Zoe", "Siobhan"), capitalised as they are usually written
/// ("McDonald", "O'Neill"), sorted by byte value, one entry per spelling.
struct Entry {
    std::string_view name;
    std::uint8_t flags;
};

/// The built-in list, built once on first use (sorting it inside the compiler cost too much build time and memory).
[[nodiscard]] std::span<const Entry> builtIn();

/// Flags for `asciiName` in `list` (exact, case-sensitive match), or 0 when it is absent.
[[nodiscard]] std::uint8_t lookup(std::span<const Entry> list, std::string_view asciiName) noexcept;

}  // namespace names

/// Finds and replaces identifiers with hand-written linear scanners (no regex engine: the standard library's
/// recurses per character and overflows the stack on long pastes). Work is proportional to the length of the text.
///
/// Before matching, the text is read through a normalised view, so these never stop a match: full-width and other
/// Unicode digits and letters, non-breaking and other odd spaces, zero-width characters, soft hyphens, Unicode dashes
/// and curly apostrophes. Offsets map back to the original bytes.
///
/// What is found, and the decisions behind it:
/// - NHS number: ten digits written 3-3-4 (spaces, hyphens or dots) or unbroken, whether or not the modulus-11 check
///   digit is right, because a mistyped number still points to a patient. Not when part of a longer digit run.
/// - NI number: HMRC prefix rules, six digits with or without spaces, optional A-D suffix, any case.
/// - Postcode: every full UK format and GIR 0AA, any case, with or without the space. A lone outward code ("M1",
///   "SW1A") is kept: it names a district, not an address.
/// - Phone: UK national numbers (10 or 11 digits starting 0), +44 / 0044 / +44 (0) and other + numbers, with spaces,
///   brackets or hyphens; and 3-6 digit extensions after "bleep", "pager", "ext", "extension", "tel", "phone" (the
///   context word is kept: "bleep [PHONE]"; after bleep, pager or extension the number may come a few words later
///   in the same clause). Times, doses, years, "Band 5", "0700 handover", "2222" and counts are kept.
/// - Email: anything shaped like local@domain.tld.
/// - Date: numeric dates with a year (01/02/1950, 1.2.50, 3/4/24, 2024-03-05); written dates with a day or a year
///   ("3rd March 2024", "March 3rd", "3 March", "the 3rd of March", "March 2024", "5-Mar-24"), with a weekday in
///   front included ("Tuesday 4th June", "Tuesday the 4th"); and a bare year after "born", "born in" or "DOB",
///   because a birth year narrows a person down. Kept on purpose: times ("at 14:30"), a weekday alone, a year alone
///   ("in 2019"), decades ("the 1990s"), clinical shorthand without a year ("3/7", "2/52"), BP "120/80".
///   A day and month without a year ("on 05/11", "since 3/10", "Tuesday 12/03") counts when zero-padded or after a
///   word that introduces a date; "3/7" and "5/12" only after one that never means a duration ("dated", "DOB").
///   Kept: "24/7", scores ("9/10"), readings, fractions with no date word before them.
/// - Name: one to three capitalised words or initials after an honorific or role (Dr, Mr, Mrs, Ms, Miss, Mx, Prof,
///   Nurse, Staff Nurse, Sister, Matron, Charge Nurse, HCA, Healthcare Assistant, Consultant, Porter, Midwife,
///   Registrar, Physio, FY1, Father, Rev, Auntie, Uncle ...); the trigger word stays ("Dr [NAME]"). Any capitalised
///   word in the built-in list, wherever it stands, including at the start of a sentence, unless it is also an
///   everyday word. A full name becomes one placeholder: a listed given name plus the capitalised word after it,
///   or a capitalised word before a listed surname. Also "a patient called X", "her name was X".
///   Nicknames and diminutives are listed ("Bex", "Gaz", "Jonno"); family words are triggers ("Grandad Joe", "Nan
///   Pat"). A listed given name in lower case counts too ("told jamie", "with bex") unless it is an everyday word
///   ("will", "grace", "jack"), a clinical abbreviation ("aki", "tia") or follows "the" / "a".
///   Not found: names in non-Latin scripts, nicknames not in the list.
/// - Location: ward, bay, bed, room, side room, cubicle, theatre, resus, pod, trolley and cot followed by a number or a
///   letter ("Ward 7", "ward 12B", "Bay C"); a capitalised name before "Ward" or "Unit" ("Nightingale Ward"),
///   except generic ones ("Acute Medical Unit", "Stroke Unit") and sentence openers ("The Ward"); street names
///   ("14 Elm Grove", "Mill Lane"). Kept: "Ward round", "the ward", "on the ward", a bay without a number.
///   Hospital and trust names are kept: they name an employer shared by thousands, not a person.
/// - Hospital number: after "MRN", "hospital number/no" or "unit number/no" (a few words later in the same clause
///   too), digits or a prefix of up to four letters and digits ("RTH123456", "RTH 123456"), at least four digits.
/// - Registration: a GMC number (seven digits after "GMC"), an NMC PIN anywhere ("12A3456B"), an HCPC number after
///   "HCPC" ("PA12345", "PH 123456").
/// - Vehicle: the current UK format in one case ("AB12 CDE", "ab12cde"), without the letters the DVLA never issues.
/// - Web: "http(s)://" and "www." addresses, bare domains with a common ending and their paths ("facebook.com/x",
///   "bit.ly/x"), and handles ("@jess_rn"); not "e.g.", "a.m.", "@ 10", "1.5mg".
///
/// When findings overlap, the more structured kind wins, in this order: email, web, NHS number, hospital number,
/// registration, NI number, postcode, vehicle, date, phone, location, name; a name loses only its overlapping words
/// ("Priya Ward 7" -> "[NAME] [LOCATION]"). Placeholders are never matched again. After replacing, the scrubber
/// searches its own output and folds anything new back in (mapped to the original bytes) until nothing more is found,
/// at most a few rounds, so scrub(scrub(x).text).text == scrub(x).text even for run-together text where one identifier
/// hides another.
///
/// Known limits, left to the author preview and the facilitator: lower-case names that are everyday words;
/// names in non-Latin scripts; ages ("a 93-year-old"); hospital and town names; a number after a location word
/// that is not a ward ("Bay 4 of the car park" becomes "[LOCATION] of the car park").
class Scrubber {
public:
    Scrubber();  ///< uses the built-in name lists

    /// Input should be valid UTF-8 (the caller checks with isValidUtf8); ill-formed bytes are replaced with U+FFFD
    /// rather than trusted. Output is always valid UTF-8 with control characters handled as in utf8.hpp.
    [[nodiscard]] ScrubResult scrub(std::string_view utf8) const;

    /// The same findings scrub() would replace, for live highlighting as the person types. A Finding holds offsets and
    /// a kind, never the text: the preview slices the draft it already owns. Working copies of the text made here
    /// (and in scrub()) are zeroed before they are freed.
    [[nodiscard]] std::vector<Finding> find(std::string_view utf8) const;

private:
    std::span<const names::Entry> m_names;
};

}  // namespace reflect::core
