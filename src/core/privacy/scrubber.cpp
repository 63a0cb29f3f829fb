// Identifier scrubber: a normalised view of the text, a token list, one linear scanner per kind, overlap resolution.
#include "core/privacy/scrubber.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reflect::core {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr char32_t kIgnored = 0xFFFFFFFFU;

// ================================================================ character classes

constexpr bool isDigit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
constexpr bool isAsciiUpper(char32_t c) noexcept { return c >= U'A' && c <= U'Z'; }
constexpr bool isAsciiLower(char32_t c) noexcept { return c >= U'a' && c <= U'z'; }
constexpr bool isAsciiAlpha(char32_t c) noexcept { return isAsciiUpper(c) || isAsciiLower(c); }
constexpr char32_t asciiUpper(char32_t c) noexcept { return isAsciiLower(c) ? static_cast<char32_t>(c - 32U) : c; }
constexpr char32_t asciiLower(char32_t c) noexcept { return isAsciiUpper(c) ? static_cast<char32_t>(c + 32U) : c; }

constexpr bool isCombiningMark(char32_t c) noexcept {
    return (c >= 0x0300U && c <= 0x036FU) || (c >= 0x1AB0U && c <= 0x1AFFU) || (c >= 0x1DC0U && c <= 0x1DFFU) ||
           (c >= 0x20D0U && c <= 0x20FFU) || (c >= 0xFE20U && c <= 0xFE2FU);
}

// Letters of the scripts people are likely to type. Approximate on purpose: a letter missed here only means a word
// in that script is never taken for an identifier, which is the safe direction for everything but names.
constexpr bool isLetter(char32_t c) noexcept {
    if (c < 0x80U) {
        return isAsciiAlpha(c);
    }
    if (c < 0xC0U) {
        return c == 0xAAU || c == 0xB5U || c == 0xBAU;
    }
    if (c == 0xD7U || c == 0xF7U) {
        return false;
    }
    if (c <= 0x02AFU) {
        return true;  // Latin-1 letters, Latin Extended-A and -B, IPA
    }
    if (c >= 0x0370U && c <= 0x03FFU) {
        return c != 0x037EU && c != 0x0387U;
    }
    if (c >= 0x0400U && c <= 0x052FU) {
        return true;
    }
    if ((c >= 0x0531U && c <= 0x058FU) || (c >= 0x05D0U && c <= 0x05EAU)) {
        return true;
    }
    if ((c >= 0x0620U && c <= 0x064AU) || (c >= 0x066EU && c <= 0x06D3U)) {
        return true;
    }
    if (c >= 0x0900U && c <= 0x0DFFU) {
        return c != 0x0964U && c != 0x0965U;
    }
    if (c >= 0x0E01U && c <= 0x0E30U) {
        return true;
    }
    if (c >= 0x1E00U && c <= 0x1EFFU) {
        return true;
    }
    if (c >= 0x3040U && c <= 0x30FFU) {
        return c != 0x30FBU;
    }
    return (c >= 0x3400U && c <= 0x4DBFU) || (c >= 0x4E00U && c <= 0x9FFFU) || (c >= 0xAC00U && c <= 0xD7AFU) ||
           (c >= 0xF900U && c <= 0xFAFFU);
}

constexpr bool isWordChar(char32_t c) noexcept { return isDigit(c) || isLetter(c) || isCombiningMark(c); }

constexpr bool inSet(std::u32string_view set, char32_t c) noexcept { return set.find(c) != std::u32string_view::npos; }

constexpr bool isUpperLetter(char32_t c) noexcept {
    if (c < 0x80U) {
        return isAsciiUpper(c);
    }
    if (c >= 0xC0U && c <= 0xDEU) {
        return c != 0xD7U;
    }
    if ((c >= 0x0100U && c <= 0x0137U) || (c >= 0x014AU && c <= 0x0177U)) {
        return c % 2U == 0U;
    }
    if ((c >= 0x0139U && c <= 0x0148U) || (c >= 0x0179U && c <= 0x017EU)) {
        return c % 2U == 1U;
    }
    if (c == 0x0178U || c == 0x01A0U || c == 0x01AFU || c == 0x0218U || c == 0x021AU) {
        return true;
    }
    if ((c >= 0x0391U && c <= 0x03A9U) || (c >= 0x0400U && c <= 0x042FU)) {
        return true;
    }
    if (c >= 0x1E00U && c <= 0x1EFFU) {
        return c % 2U == 0U;
    }
    return false;
}

constexpr bool isLowerLetter(char32_t c) noexcept {
    if (c < 0x80U) {
        return isAsciiLower(c);
    }
    if (!isLetter(c) || isUpperLetter(c)) {
        return false;
    }
    // Only cased scripts have lower case; Arabic or Han letters are neither.
    return c <= 0x024FU || (c >= 0x03ACU && c <= 0x03FFU) || (c >= 0x0430U && c <= 0x045FU) ||
           (c >= 0x1E00U && c <= 0x1EFFU);
}

// Folds one code point of a name to ASCII for the gazetteer lookup ("Ł" -> "L", "ß" -> "ss"). Combining accents
// (decomposed "Zoë") vanish. Returns false for characters with no sensible ASCII form.
bool appendFolded(std::string& out, char32_t c) {
    if (c < 0x80U) {
        out.push_back(static_cast<char>(c));
        return true;
    }
    if (isCombiningMark(c)) {
        return true;
    }
    if (c >= 0xC0U && c <= 0xFFU) {
        switch (c) {
            case 0xC6U: out += "AE"; return true;
            case 0xDEU: out += "Th"; return true;
            case 0xDFU: out += "ss"; return true;
            case 0xE6U: out += "ae"; return true;
            case 0xFEU: out += "th"; return true;
            case 0xD7U:
            case 0xF7U: return false;
            default: break;
        }
        constexpr std::string_view kLatin1 = "AAAAAA*CEEEEIIIIDNOOOOO*OUUUUY**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
        out.push_back(kLatin1[c - 0xC0U]);
        return true;
    }
    if (c >= 0x0100U && c <= 0x017FU) {
        switch (c) {
            case 0x0132U: out += "IJ"; return true;
            case 0x0133U: out += "ij"; return true;
            case 0x0152U: out += "OE"; return true;
            case 0x0153U: out += "oe"; return true;
            default: break;
        }
        constexpr std::string_view kExtendedA =
            "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSsSsSsTtTtTt"
            "UuUuUuUuUuUuWwYyYZzZzZzs";
        out.push_back(kExtendedA[c - 0x0100U]);
        return true;
    }
    if (c >= 0x0218U && c <= 0x021BU) {
        out.push_back("SsTt"[c - 0x0218U]);
        return true;
    }
    if (c == 0x01A0U || c == 0x01A1U) {
        out.push_back(c == 0x01A0U ? 'O' : 'o');
        return true;
    }
    if (c == 0x01AFU || c == 0x01B0U) {
        out.push_back(c == 0x01AFU ? 'U' : 'u');
        return true;
    }
    if (c >= 0x1EA0U && c <= 0x1EF9U) {
        // Vietnamese letters with two diacritics come in upper/lower pairs, grouped by base letter.
        const bool upper = c % 2U == 0U;
        char base = 'Y';
        if (c <= 0x1EB7U) {
            base = 'A';
        } else if (c <= 0x1EC7U) {
            base = 'E';
        } else if (c <= 0x1ECBU) {
            base = 'I';
        } else if (c <= 0x1EE3U) {
            base = 'O';
        } else if (c <= 0x1EF1U) {
            base = 'U';
        }
        out.push_back(upper ? base : static_cast<char>(base + ('a' - 'A')));
        return true;
    }
    return false;
}

// What the scanners see instead of `c`. Look-alikes become ASCII and invisible characters are skipped, so that
// "９９９ ０００ ００１８" or "999\u200B000\u200B0018" cannot slip past.
constexpr char32_t normaliseForMatching(char32_t c) noexcept {
    if (c < 0x80U) {
        return c == U'\t' ? U' ' : c;
    }
    if (c == 0x00A0U || c == 0x1680U || (c >= 0x2000U && c <= 0x200AU) || c == 0x202FU || c == 0x205FU ||
        c == 0x3000U) {
        return U' ';
    }
    if (c == 0x00ADU || c == 0x034FU || c == 0x061CU || c == 0x180EU || (c >= 0x200BU && c <= 0x200FU) ||
        (c >= 0x2060U && c <= 0x2064U) || c == 0xFEFFU || (c >= 0xFE00U && c <= 0xFE0FU) ||
        (c >= 0xE0100U && c <= 0xE01EFU)) {
        return kIgnored;
    }
    if (c >= 0xFF01U && c <= 0xFF5EU) {
        return static_cast<char32_t>(c - 0xFEE0U);  // full-width ASCII
    }
    constexpr std::array<char32_t, 18> kZeros{0x0660U, 0x06F0U, 0x07C0U, 0x0966U, 0x09E6U, 0x0A66U,
                                              0x0AE6U, 0x0B66U, 0x0BE6U, 0x0C66U, 0x0CE6U, 0x0D66U,
                                              0x0E50U, 0x0ED0U, 0x0F20U, 0x1040U, 0x17E0U, 0x1810U};
    for (const char32_t zero : kZeros) {
        if (c >= zero && c <= zero + 9U) {
            return static_cast<char32_t>(U'0' + (c - zero));
        }
    }
    if (c >= 0x1D7CEU && c <= 0x1D7FFU) {
        return static_cast<char32_t>(U'0' + (c - 0x1D7CEU) % 10U);  // mathematical bold, sans, monospace digits
    }
    if ((c >= 0x2010U && c <= 0x2015U) || c == 0x2212U || c == 0xFE58U || c == 0xFE63U) {
        return U'-';
    }
    if (c == 0x2018U || c == 0x2019U || c == 0x201BU || c == 0x02BCU || c == 0x2032U || c == 0x00B4U) {
        return U'\'';
    }
    if (c == 0xFE6BU) {
        return U'@';
    }
    if (c == 0xFE52U || c == 0x3002U || c == 0xFF61U || c == 0x2024U) {
        return U'.';
    }
    if (c == 0x2044U || c == 0x2215U) {
        return U'/';
    }
    return c;
}

// ================================================================ normalised view and tokens

struct View {
    std::u32string text;            // normalised code points
    std::vector<std::size_t> from;  // original byte offset where text[i] starts
    std::vector<std::size_t> to;    // original byte offset where text[i] ends
};

View buildView(std::string_view original) {
    View view;
    view.text.reserve(original.size());
    view.from.reserve(original.size());
    view.to.reserve(original.size());
    std::size_t pos = 0;
    while (pos < original.size()) {
        const Utf8Char c = decodeUtf8(original, pos);
        const std::size_t next = pos + c.length;
        const char32_t peek =
            next < original.size() ? static_cast<char32_t>(static_cast<unsigned char>(original[next])) : 0;
        // The same decision sanitising makes for the output, so a second scrub sees exactly this view again.
        const ControlHandling handling = controlHandling(c.codePoint, peek);
        char32_t mapped = kIgnored;
        if (handling == ControlHandling::Space) {
            mapped = U' ';
        } else if (handling == ControlHandling::Keep) {
            mapped = normaliseForMatching(c.codePoint);
        }
        if (mapped != kIgnored) {
            view.text.push_back(mapped);
            view.from.push_back(pos);
            view.to.push_back(next);
        }
        pos = next;
    }
    return view;
}

enum class TokenKind : std::uint8_t { Word, Number, Space, Newline, Punct };

struct Token {
    std::size_t begin;
    std::size_t end;
    TokenKind kind;
};

// Words are runs of letters that may hold an apostrophe or hyphen between letters (O'Neill, Smith-Jones, al-Hassan,
// Priya's); numbers are runs of digits. A letter next to a digit starts a new token ("12B" is "12" + "B"), so that
// every finding starts and ends on a token edge: replacing it can never expose a new word to a second scrub.
// Everything else is a single punctuation token or a run of spaces.
std::vector<Token> tokenize(const std::u32string& t) {
    std::vector<Token> tokens;
    const std::size_t n = t.size();
    std::size_t i = 0;
    while (i < n) {
        const char32_t c = t[i];
        std::size_t j = i + 1;
        TokenKind kind = TokenKind::Punct;
        if (c == U' ') {
            while (j < n && t[j] == U' ') {
                ++j;
            }
            kind = TokenKind::Space;
        } else if (c == U'\n') {
            kind = TokenKind::Newline;
        } else if (isLetter(c)) {
            while (j < n) {
                if (isLetter(t[j]) || isCombiningMark(t[j])) {
                    ++j;
                } else if ((t[j] == U'\'' || t[j] == U'-') && j + 1 < n && isLetter(t[j + 1]) &&
                           (isLetter(t[j - 1]) || isCombiningMark(t[j - 1]))) {
                    ++j;
                } else {
                    break;
                }
            }
            kind = TokenKind::Word;
        } else if (isDigit(c)) {
            while (j < n && isDigit(t[j])) {
                ++j;
            }
            kind = TokenKind::Number;
        }
        tokens.push_back(Token{i, j, kind});
        i = j;
    }
    return tokens;
}

// ================================================================ compile-time word sets

constexpr std::size_t countWords(std::string_view text) {
    std::size_t count = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool gap = c == ' ' || c == '\n';
        if (!gap && !inWord) {
            ++count;
        }
        inWord = !gap;
    }
    return count;
}

// A sorted, immutable set of lower-case ASCII words built at compile time from a space-separated list.
template <std::size_t N>
class WordSet {
public:
    constexpr explicit WordSet(std::string_view text) {
        std::size_t n = 0;
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) {
                ++i;
            }
            const std::size_t start = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\n') {
                ++i;
            }
            if (i > start) {
                m_words[n++] = text.substr(start, i - start);
            }
        }
        // Bottom-up merge sort through raw pointers: few enough steps for GCC's constant-evaluation budget, even
        // with -D_GLIBCXX_ASSERTIONS checking every std::array subscript.
        std::array<std::string_view, N> scratch{};
        std::string_view* items = m_words.data();
        std::string_view* spare = scratch.data();
        bool inScratch = false;  // which buffer holds the latest pass (pointers to different arrays cannot be compared)
        for (std::size_t width = 1; width < N; width *= 2) {
            for (std::size_t left = 0; left < N; left += 2 * width) {
                const std::size_t mid = left + width < N ? left + width : N;
                const std::size_t right = left + 2 * width < N ? left + 2 * width : N;
                std::size_t a = left;
                std::size_t b = mid;
                std::size_t k = left;
                while (a < mid && b < right) {
                    spare[k++] = items[b] < items[a] ? items[b++] : items[a++];
                }
                while (a < mid) {
                    spare[k++] = items[a++];
                }
                while (b < right) {
                    spare[k++] = items[b++];
                }
            }
            std::string_view* swap = items;
            items = spare;
            spare = swap;
            inScratch = !inScratch;
        }
        if (inScratch) {
            for (std::size_t w = 0; w < N; ++w) {
                m_words.data()[w] = items[w];
            }
        }
    }

    [[nodiscard]] bool contains(std::string_view word) const noexcept {
        return !word.empty() && std::binary_search(m_words.begin(), m_words.end(), word);
    }

private:
    std::array<std::string_view, N> m_words{};
};

// Honorifics: strong enough that a lower-case listed name after them counts ("dr okafor").
constexpr std::string_view kHonorificsText =
    "dr mr mrs ms miss mx prof professor doctor mister sir dame rev revd reverend fr father pastor imam rabbi";
constexpr WordSet<countWords(kHonorificsText)> kHonorifics{kHonorificsText};

// Roles that come before a name in NHS speech ("Staff Nurse Kemi", "the FY1 Tom", "Auntie Grace").
constexpr std::string_view kRoleTriggersText =
    "nurse sister sr sn cn matron hca consultant porter midwife registrar reg physio physiotherapist ot sho "
    "fy1 fy2 f1 f2 spr ct1 ct2 ct3 st1 st2 st3 st4 st5 st6 st7 st8 auntie aunty aunt uncle chaplain paramedic "
    "pharmacist dietitian receptionist cleaner housekeeper surgeon anaesthetist therapist gp houseman";
constexpr WordSet<countWords(kRoleTriggersText)> kRoleTriggers{kRoleTriggersText};

// Abbreviations that may carry a full stop before the name ("Dr. Okafor").
constexpr std::string_view kAbbreviationsText =
    "dr mr mrs ms mx prof rev revd fr sr sn cn";
constexpr WordSet<countWords(kAbbreviationsText)> kAbbreviations{kAbbreviationsText};

// Words after which a capitalised word is a place or an institution, not a person ("St Mary's", "Queen Elizabeth").
constexpr std::string_view kAntiTriggersText =
    "st saint queen king prince princess lady lord royal mount port fort san santa sao new north south east "
    "west great upper lower old";
constexpr WordSet<countWords(kAntiTriggersText)> kAntiTriggers{kAntiTriggersText};

// Lower-case particles inside a surname ("Mr de Souza", "Dr van der Merwe").
constexpr std::string_view kParticlesText =
    "van von der den de da di du del della dos das la le al el bin binti ibn ap ter ten";
constexpr WordSet<countWords(kParticlesText)> kParticles{kParticlesText};

// A name followed by one of these is a building or an institution ("Alexandra Hospital", "Mary Seacole House").
constexpr std::string_view kBuildingWordsText =
    "hospital hospitals infirmary hospice house centre center clinic surgery practice wing building suite "
    "lodge college university school memorial institute foundation trust road street avenue drive gardens "
    "square station library chapel mosque gurdwara synagogue theatre block annexe pavilion campus hotel "
    "airport academy prison stadium arena unit ward nurse nurses charity appeal fund award awards lecture";
constexpr WordSet<countWords(kBuildingWordsText)> kBuildingWords{kBuildingWordsText};

// A name followed by one of these is an eponym ("Foley catheter", "Wilson's disease", "Glasgow score").
constexpr std::string_view kClinicalNounsText =
    "catheter line lines tube score scale chart mask airway sign signs test disease syndrome palsy procedure "
    "manoeuvre maneuver position fracture criteria classification grade stockings bag needle pump frame "
    "splint drain tool protocol method model law effect reflex phenomenon node nodes lymphoma sarcoma ulcer "
    "solution regime regimen bundle pathway technique operation";
constexpr WordSet<countWords(kClinicalNounsText)> kClinicalNouns{kClinicalNounsText};

// Capitalised words that are never a name after a trigger or inside a full name: function words, sentence openers,
// days and months, roles, departments and the everyday vocabulary of a debrief.
constexpr std::string_view kStopWordsText =
    "a an the this that these those my your his her its our their we you he she they it i me him them us who "
    "whom whose which what when where why how all any both each every few many more most much no none not nor "
    "only other own same so some such than then there here too very can could would should will shall may "
    "might must do does did done is are was were be been being am have has had having get got let lets make "
    "made go went gone come came say said says tell told ask asked and but or if as at by for from in into of "
    "off on onto out over per to up upon with within without about above after again against along among "
    "around before behind below beneath beside between beyond during except inside near since through "
    "throughout till toward towards under underneath until unlike via yet also just still even ever never "
    "always often sometimes already almost quite rather really maybe perhaps please thanks thank sorry yes "
    "yeah ok okay oh hi hello dear well yesterday today tomorrow tonight afterwards afterward honestly "
    "however meanwhile later earlier eventually finally luckily sadly unfortunately thankfully hopefully "
    "obviously clearly basically actually apparently anyway besides instead otherwise overall personally "
    "recently suddenly initially firstly secondly lastly next last first second third once twice soon now "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec morning afternoon "
    "evening night nights day days week weekend weekends month year christmas easter diwali eid ramadan "
    "hanukkah nurse nurses sister sisters matron consultant consultants registrar registrars doctor doctors "
    "dr mr mrs ms miss mx prof professor porter porters midwife midwives hca hcas physio physios "
    "physiotherapist ot sho fy1 fy2 reg spr gp gps manager managers lead leads team teams staff student "
    "students assistant assistants associate associates practitioner practitioners specialist specialists "
    "physician physicians surgeon surgeons anaesthetist anaesthetists paediatrician psychiatrist radiologist "
    "radiographer pharmacist pharmacists dietitian therapist therapists paramedic paramedics chaplain "
    "chaplaincy director directors officer officers educator worker workers support charge senior junior "
    "deputy chief head clinical medical nursing healthcare health care social mental advanced trainee "
    "trainees locum bank agency call ward wards bay bays bed beds room rooms unit units theatre theatres "
    "department dept clinic hospital trust board round rounds shift shifts handover rota huddle debrief nhs "
    "icu itu hdu ed ae amu sau cdu ccu nicu picu scbu ent ooh cpr dnr dnacpr resus ecg iv im sc news news2 "
    "gcs bp hr rr covid sepsis mdt pals datix god jesus christ allah bless amen wow oops nobody everyone "
    "everybody someone somebody anyone anybody nothing everything something anything people person patient "
    "patients family families relative relatives mum mom dad mother father son daughter wife husband partner "
    "brother baby child children kids friend friends colleague colleagues boss help helping seeing watching "
    "hearing feeling being getting going trying working walking talking sitting standing waiting listening "
    "looking caring supporting holding leaving knowing remember imagine think thought felt feel looked seemed "
    "wanted needed tried decided realised realized noticed took gave found kept left good great bad lovely "
    "kind nice amazing brilliant awful terrible sad happy tired exhausted busy quiet calm angry upset scared "
    "frightened worried anxious proud grateful thankful difficult hard easy tough heavy poor old young new "
    "little big small whole entire different english british irish scottish welsh polish indian african "
    "caribbean filipino chinese spanish portuguese romanian arabic muslim christian hindu sikh jewish "
    "catholic";
constexpr WordSet<countWords(kStopWordsText)> kStopWords{kStopWordsText};

// Generic unit and ward descriptors: "Acute Medical Unit" or "Stroke Unit" name a kind of ward every hospital has.
constexpr std::string_view kUnitDescriptorsText =
    "acute medical surgical assessment admissions admission care intensive critical coronary cardiac stroke "
    "renal respiratory maternity labour postnatal antenatal neonatal children's childrens paediatric "
    "pediatric elderly geriatric frailty rehab rehabilitation day discharge short stay mental health "
    "psychiatric secure dementia palliative oncology haematology orthopaedic trauma burns plastics spinal "
    "neuro neurology neurosurgical general private high dependency observation clinical decisions ambulatory "
    "emergency urgent medicine surgery gynaecology gastro endoscopy dialysis infectious diseases isolation "
    "covid cardiology vascular urology liver transplant older adult adults young people male female men's "
    "women's mens womens mother baby birth delivery midwifery led recovery theatre elective inpatient "
    "outpatient community specialist step down escalation overflow winter cancer chemotherapy investigations "
    "minor injuries majors minors resus triage treatment";
constexpr WordSet<countWords(kUnitDescriptorsText)> kUnitDescriptors{kUnitDescriptorsText};

// Words that introduce a ward, bay, bed or room number.
constexpr std::string_view kLocationKeywordsText =
    "ward bay bed bedspace room cubicle theatre theater resus pod trolley cot";
constexpr WordSet<countWords(kLocationKeywordsText)> kLocationKeywords{kLocationKeywordsText};

// After a location number these words mean the number was a count or a duration ("bed 12 hours").
constexpr std::string_view kUnitWordsText =
    "hours hour hrs hr h days day minutes minute mins min weeks week wks months month years year yrs times "
    "patients beds bays mg ml mcg kg g units percent litres l";
constexpr WordSet<countWords(kUnitWordsText)> kUnitWords{kUnitWordsText};

constexpr std::string_view kStreetTypesText =
    "road rd street avenue ave lane drive crescent terrace grove gardens close way mews square parade row";
constexpr WordSet<countWords(kStreetTypesText)> kStreetTypes{kStreetTypesText};

// "a patient called X", "my colleague named X".
constexpr std::string_view kPersonNounsText =
    "patient man woman lady gentleman gent boy girl child baby colleague nurse doctor student relative "
    "daughter son wife husband partner mum dad mother father friend resident client someone somebody guy chap "
    "fella bloke lad lass consultant midwife porter registrar sister brother carer visitor toddler teenager "
    "girlfriend boyfriend one";
constexpr WordSet<countWords(kPersonNounsText)> kPersonNouns{kPersonNounsText};

// Lower-case two-letter words that could be taken for an NI number prefix when followed by six digits.
constexpr std::string_view kTwoLetterWordsText =
    "at on an am as be by he me my no of or so to up us we go ok hm oh ah eh um ya ye yo hi is it in if do";
constexpr WordSet<countWords(kTwoLetterWordsText)> kTwoLetterWords{kTwoLetterWordsText};

// Words before a month abbreviation that show it is a month, not a name ("since Jan").
constexpr std::string_view kMonthContextText =
    "in since from until till by of last next this early mid late end before after during";
constexpr WordSet<countWords(kMonthContextText)> kMonthContext{kMonthContextText};

// ================================================================ dates: months and weekdays

struct MonthName {
    std::string_view name;
    bool abbreviation;
};

constexpr std::array<MonthName, 24> kMonths{{
    {"january", false}, {"february", false}, {"march", false},    {"april", false},   {"may", false},
    {"june", false},    {"july", false},     {"august", false},   {"september", false}, {"october", false},
    {"november", false}, {"december", false}, {"jan", true},      {"feb", true},      {"mar", true},
    {"apr", true},      {"jun", true},       {"jul", true},       {"aug", true},      {"sep", true},
    {"sept", true},     {"oct", true},       {"nov", true},       {"dec", true},
}};

constexpr std::array<std::string_view, 17> kWeekdays{"monday", "tuesday", "wednesday", "thursday", "friday",
                                                     "saturday", "sunday", "mon", "tue", "tues", "wed", "weds",
                                                     "thu", "thur", "thurs", "fri", "sat"};

// ================================================================ candidates

struct Candidate {
    IdentifierKind kind;
    std::size_t begin;  // view indices
    std::size_t end;
};

// Which kind wins an overlap: the most structured identifiers first, names last because a name can shrink to the
// words that do not overlap.
constexpr int priorityOf(IdentifierKind kind) noexcept {
    switch (kind) {
        case IdentifierKind::Email: return 0;
        case IdentifierKind::NhsNumber: return 1;
        case IdentifierKind::NiNumber: return 2;
        case IdentifierKind::Postcode: return 3;
        case IdentifierKind::Date: return 4;
        case IdentifierKind::Phone: return 5;
        case IdentifierKind::Location: return 6;
        case IdentifierKind::Name: return 7;
    }
    return 8;
}

// A word copied out of the view in a small fixed buffer, so the per-token checks never allocate.
class SmallWord {
public:
    static constexpr std::size_t kCapacity = 48;

    bool push(char c) noexcept {
        if (m_size >= kCapacity) {
            return false;
        }
        m_data[m_size++] = c;
        return true;
    }
    [[nodiscard]] std::string_view view() const noexcept { return {m_data.data(), m_size}; }

private:
    std::array<char, kCapacity> m_data{};
    std::size_t m_size = 0;
};

// ================================================================ the scanner

class Scanner {
public:
    Scanner(const std::u32string& text, std::span<const names::Entry> nameList)
        : m_t(text), m_n(text.size()), m_tokens(tokenize(text)), m_names(nameList) {}

    std::vector<Candidate> run() const {
        std::vector<Candidate> out;
        findEmails(out);
        findNhsNumbers(out);
        findNiNumbers(out);
        findPostcodes(out);
        findNumericDates(out);
        findWrittenDates(out);
        findPhones(out);
        findExtensions(out);
        findLocations(out);
        findNames(out);
        return out;
    }

private:
    const std::u32string& m_t;
    std::size_t m_n;
    std::vector<Token> m_tokens;
    std::span<const names::Entry> m_names;

    // ------------------------------------------------------------ character helpers

    // Letter-run edges, not word edges, bound the letter-based identifiers: letters beside a run can never be
    // replaced on their own, while digits or a name beside it could become a placeholder on a second scrub.
    [[nodiscard]] bool letterAt(std::size_t i) const {
        return i < m_n && (isLetter(m_t[i]) || isCombiningMark(m_t[i]));
    }
    [[nodiscard]] bool digitAt(std::size_t i) const { return i < m_n && isDigit(m_t[i]); }
    [[nodiscard]] bool startsLetterRun(std::size_t i) const { return i == 0 || !letterAt(i - 1); }

    [[nodiscard]] std::size_t digitRunEnd(std::size_t i) const {
        while (i < m_n && isDigit(m_t[i])) {
            ++i;
        }
        return i;
    }

    // The gap people type between digit groups: one or two spaces, a hyphen (or dot when allowed) with optional
    // single spaces around it, or one line break. Returns where the next group starts, or kNone.
    [[nodiscard]] std::size_t skipDigitGap(std::size_t pos, bool allowDot) const {
        if (pos >= m_n) {
            return kNone;
        }
        const auto isMark = [&](char32_t c) { return c == U'-' || (allowDot && c == U'.'); };
        std::size_t p = pos;
        if (m_t[p] == U' ') {
            ++p;
            if (p < m_n && m_t[p] == U' ') {
                ++p;
            }
        }
        if (p < m_n && (isMark(m_t[p]) || m_t[p] == U'\n')) {
            ++p;
            if (p < m_n && m_t[p] == U' ') {
                ++p;
            }
        }
        return p == pos ? kNone : p;
    }

    // ------------------------------------------------------------ token helpers

    [[nodiscard]] std::size_t tokenCount() const { return m_tokens.size(); }
    [[nodiscard]] const Token& tok(std::size_t k) const { return m_tokens[k]; }
    [[nodiscard]] bool isKind(std::size_t k, TokenKind kind) const { return k < tokenCount() && tok(k).kind == kind; }
    [[nodiscard]] bool isPunct(std::size_t k, char32_t c) const {
        return isKind(k, TokenKind::Punct) && m_t[tok(k).begin] == c;
    }
    [[nodiscard]] std::size_t length(std::size_t k) const { return tok(k).end - tok(k).begin; }
    [[nodiscard]] char32_t firstChar(std::size_t k) const { return m_t[tok(k).begin]; }

    // The token after a short run of spaces following token k (kNone if anything else comes between).
    [[nodiscard]] std::size_t afterSpace(std::size_t k) const {
        if (k == kNone || k + 2 >= tokenCount() || !isKind(k + 1, TokenKind::Space) || length(k + 1) > 3) {
            return kNone;
        }
        return k + 2;
    }
    // As afterSpace, but a comma may come first ("Tuesday, 4 June").
    [[nodiscard]] std::size_t afterSpaceOrComma(std::size_t k) const {
        if (k != kNone && isPunct(k + 1, U',')) {
            return afterSpace(k + 1);
        }
        return afterSpace(k);
    }
    [[nodiscard]] std::size_t beforeSpace(std::size_t k) const {
        if (k < 2 || !isKind(k - 1, TokenKind::Space) || length(k - 1) > 3) {
            return kNone;
        }
        return k - 2;
    }

    // Lower-case ASCII copy of a token, or empty when it is long or not ASCII.
    [[nodiscard]] SmallWord lower(std::size_t k) const {
        SmallWord word;
        if (k == kNone || k >= tokenCount()) {
            return word;
        }
        for (std::size_t i = tok(k).begin; i < tok(k).end; ++i) {
            const char32_t c = m_t[i];
            if (c >= 0x80U || !word.push(static_cast<char>(asciiLower(c)))) {
                return SmallWord{};
            }
        }
        return word;
    }

    [[nodiscard]] bool wordIs(std::size_t k, std::string_view lowerWord) const {
        return k != kNone && isKind(k, TokenKind::Word) && lower(k).view() == lowerWord;
    }

    [[nodiscard]] bool isPossessive(std::size_t k) const {
        const Token& t = tok(k);
        return t.end - t.begin >= 3 && m_t[t.end - 2] == U'\'' && (m_t[t.end - 1] == U's' || m_t[t.end - 1] == U'S');
    }
    // End of the name inside token k, leaving a possessive "'s" outside the placeholder.
    [[nodiscard]] std::size_t nameEnd(std::size_t k) const { return isPossessive(k) ? tok(k).end - 2 : tok(k).end; }

    [[nodiscard]] bool isCapitalised(std::size_t k) const {
        return isKind(k, TokenKind::Word) && isUpperLetter(firstChar(k));
    }
    [[nodiscard]] bool isAllCaps(std::size_t k) const {
        for (std::size_t i = tok(k).begin; i < tok(k).end; ++i) {
            if (isLowerLetter(m_t[i])) {
                return false;
            }
        }
        return true;
    }
    // Capitalised and written like a name ("Priya", "O'Neill", "McDonald"), not an acronym ("ICU").
    [[nodiscard]] bool isTitleCase(std::size_t k) const {
        return isCapitalised(k) && length(k) >= 2 && !isAllCaps(k);
    }

    // Gazetteer flags for the characters [begin, end) of the view; `titleCase` rewrites "SMITH" or "smith" as
    // "Smith" first (and the letter after an apostrophe: "O'NEILL" -> "O'Neill").
    [[nodiscard]] std::uint8_t lookupRange(std::size_t begin, std::size_t end, bool titleCase) const {
        std::string folded;
        folded.reserve(end - begin + 2);
        for (std::size_t i = begin; i < end; ++i) {
            if (!appendFolded(folded, m_t[i]) || folded.size() > SmallWord::kCapacity) {
                return 0;
            }
        }
        if (titleCase) {
            bool upperNext = true;
            for (char& c : folded) {
                const bool isAlpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                if (isAlpha) {
                    c = upperNext ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
                }
                upperNext = c == '\'' || c == '-';
            }
        }
        return names::lookup(m_names, folded);
    }

    // Flags for token k as written (possessive stripped). A hyphenated token counts when one part is a listed
    // name that is not an everyday word and every part is capitalised ("Smith-Jones", but not "X-Ray").
    [[nodiscard]] std::uint8_t lookupToken(std::size_t k) const {
        const std::size_t begin = tok(k).begin;
        const std::size_t end = nameEnd(k);
        const std::uint8_t whole = lookupRange(begin, end, false);
        if (whole != 0) {
            return whole;
        }
        std::uint8_t combined = 0;
        bool strongPart = false;
        std::size_t partBegin = begin;
        for (std::size_t i = begin; i <= end; ++i) {
            if (i == end || m_t[i] == U'-') {
                if (i == partBegin || !isUpperLetter(m_t[partBegin])) {
                    return 0;
                }
                const std::uint8_t part = lookupRange(partBegin, i, false);
                combined = static_cast<std::uint8_t>(combined | part);
                strongPart = strongPart || (part != 0 && (part & names::kCommonWord) == 0);
                partBegin = i + 1;
            }
        }
        if (partBegin == begin || !strongPart) {
            return 0;  // not hyphenated, or only everyday-word parts
        }
        return static_cast<std::uint8_t>(combined & ~names::kCommonWord);
    }

    // Last token of an honorific or role starting at token k ("Dr", "Healthcare Assistant", "FY1"), or kNone.
    [[nodiscard]] std::size_t triggerLast(std::size_t k) const {
        if (!isKind(k, TokenKind::Word)) {
            return kNone;
        }
        const SmallWord word = lower(k);
        const std::string_view w = word.view();
        if (isKind(k + 1, TokenKind::Number) && length(k + 1) == 1) {
            // Grades written with a digit: "FY1", "ST3", "F2".
            std::string grade(w);
            grade.push_back(static_cast<char>(m_t[tok(k + 1).begin]));
            return kRoleTriggers.contains(grade) ? k + 1 : kNone;
        }
        if (kHonorifics.contains(w) || kRoleTriggers.contains(w)) {
            return k;
        }
        // Two-word roles whose second word is too general alone: "Healthcare Assistant", "Nursing Associate",
        // "Support Worker".
        const std::size_t prev = beforeSpace(k);
        const bool twoWordRole = (w == "assistant" && (wordIs(prev, "healthcare") || wordIs(prev, "care"))) ||
                                 (w == "associate" && wordIs(prev, "nursing")) ||
                                 (w == "worker" && wordIs(prev, "support"));
        return twoWordRole ? k : kNone;
    }

    [[nodiscard]] bool isTrigger(std::size_t k) const { return triggerLast(k) != kNone; }

    // Words that can never be part of a name, whatever their capitals.
    [[nodiscard]] bool isBlocked(std::size_t k) const {
        const SmallWord word = lower(k);
        const std::string_view w = isPossessive(k) ? word.view().substr(0, word.view().size() - 2) : word.view();
        return kStopWords.contains(w) || kHonorifics.contains(w) || kRoleTriggers.contains(w) ||
               kBuildingWords.contains(w) || kClinicalNouns.contains(w) || kLocationKeywords.contains(w) ||
               kStreetTypes.contains(w);
    }

    [[nodiscard]] bool precededByAntiTrigger(std::size_t k) const {
        std::size_t prev = beforeSpace(k);
        if (prev == kNone && k >= 3 && isKind(k - 1, TokenKind::Space) && isPunct(k - 2, U'.')) {
            prev = k - 3;  // "St. Thomas"
        }
        return prev != kNone && isCapitalised(prev) && kAntiTriggers.contains(lower(prev).view());
    }

    // ------------------------------------------------------------ email

    static bool isLocalChar(char32_t c) {
        return isAsciiAlpha(c) || isDigit(c) || c == U'.' || c == U'_' || c == U'%' || c == U'+' || c == U'-' ||
               c == U'\'' || (c >= 0x80U && isLetter(c));
    }
    static bool isDomainChar(char32_t c) {
        return isAsciiAlpha(c) || isDigit(c) || c == U'-' || c == U'.' || (c >= 0x80U && isLetter(c));
    }

    void findEmails(std::vector<Candidate>& out) const {
        std::size_t previousEnd = 0;
        for (std::size_t at = 0; at < m_n; ++at) {
            if (m_t[at] != U'@') {
                continue;
            }
            // The local part is at most 64 characters; looking no further keeps "aaaa…@" linear.
            std::size_t left = at;
            while (left > previousEnd && at - left < 64 && isLocalChar(m_t[left - 1])) {
                --left;
            }
            if (left > previousEnd && isLocalChar(m_t[left - 1])) {
                continue;
            }
            while (left < at && (m_t[left] == U'.' || m_t[left] == U'\'' || m_t[left] == U'-')) {
                ++left;
            }
            if (left == at) {
                continue;
            }
            std::size_t right = at + 1;
            while (right < m_n && right - at <= 253 && isDomainChar(m_t[right])) {
                ++right;
            }
            while (right > at + 1 && (m_t[right - 1] == U'.' || m_t[right - 1] == U'-')) {
                --right;
            }
            if (right <= at + 1 || m_t[at + 1] == U'.') {
                continue;
            }
            std::size_t lastDot = kNone;
            for (std::size_t i = at + 1; i < right; ++i) {
                if (m_t[i] == U'.') {
                    lastDot = i;
                }
            }
            if (lastDot == kNone || right - lastDot - 1 < 2) {
                continue;
            }
            bool tldLetters = true;
            for (std::size_t i = lastDot + 1; i < right; ++i) {
                tldLetters = tldLetters && isLetter(m_t[i]);
            }
            if (!tldLetters) {
                continue;
            }
            out.push_back({IdentifierKind::Email, left, right});
            previousEnd = right;
            at = right - 1;
        }
    }

    // ------------------------------------------------------------ NHS number

    // True when the digits at i come right after "+44 ", "0044 " or "+44 (0)": the start of an international
    // phone number. Looks back a few characters only.
    [[nodiscard]] bool followsCountryCode(std::size_t i) const {
        std::size_t p = i;
        for (int gaps = 0; gaps < 2 && p > 0 && (m_t[p - 1] == U' ' || m_t[p - 1] == U'-'); ++gaps) {
            --p;
        }
        if (p >= 3 && m_t[p - 1] == U')' && m_t[p - 2] == U'0' && m_t[p - 3] == U'(') {
            p -= 3;  // "(0)"
            while (p > 0 && m_t[p - 1] == U' ') {
                --p;
            }
        }
        if (p == i || p == 0 || !isDigit(m_t[p - 1])) {
            return false;
        }
        std::size_t digits = 0;
        while (p > 0 && isDigit(m_t[p - 1]) && digits < 5) {
            --p;
            ++digits;
        }
        const bool plus = p > 0 && m_t[p - 1] == U'+';
        const bool doubleZero = digits >= 3 && m_t[p] == U'0' && m_t[p + 1] == U'0' && (p == 0 || !isDigit(m_t[p - 1]));
        return plus || doubleZero;
    }

    void findNhsNumbers(std::vector<Candidate>& out) const {
        std::size_t i = 0;
        while (i < m_n) {
            if (!isDigit(m_t[i]) || (i > 0 && isDigit(m_t[i - 1]))) {
                ++i;
                continue;
            }
            const std::size_t runEnd = digitRunEnd(i);
            if (followsCountryCode(i)) {
                i = runEnd;  // "+44 117 496 0234" is a phone number that happens to be 3-3-4
                continue;
            }
            if (runEnd - i == 10) {
                out.push_back({IdentifierKind::NhsNumber, i, runEnd});
            } else if (runEnd - i == 3) {
                const std::size_t second = skipDigitGap(runEnd, true);
                if (second != kNone && digitRunEnd(second) - second == 3) {
                    const std::size_t third = skipDigitGap(second + 3, true);
                    if (third != kNone && digitRunEnd(third) - third == 4) {
                        out.push_back({IdentifierKind::NhsNumber, i, third + 4});
                        i = third + 4;
                        continue;
                    }
                }
            }
            i = runEnd;
        }
    }

    // ------------------------------------------------------------ NI number

    void findNiNumbers(std::vector<Candidate>& out) const {
        for (std::size_t i = 0; i + 8 <= m_n; ++i) {
            if (!startsLetterRun(i) || !isAsciiAlpha(m_t[i]) || !isAsciiAlpha(m_t[i + 1])) {
                continue;
            }
            const std::size_t end = matchNino(i);
            if (end != kNone) {
                out.push_back({IdentifierKind::NiNumber, i, end});
                i = end - 1;
            }
        }
    }

    [[nodiscard]] std::size_t matchNino(std::size_t i) const {
        const char32_t a = asciiUpper(m_t[i]);
        const char32_t b = asciiUpper(m_t[i + 1]);
        constexpr std::u32string_view kNeverUsed = U"DFIQUV";
        if (kNeverUsed.find(a) != std::u32string_view::npos || kNeverUsed.find(b) != std::u32string_view::npos ||
            b == U'O') {
            return kNone;
        }
        constexpr std::array<std::u32string_view, 7> kBarred{U"BG", U"GB", U"KN", U"NK", U"NT", U"TN", U"ZZ"};
        const std::u32string prefix{a, b};
        if (std::find(kBarred.begin(), kBarred.end(), prefix) != kBarred.end()) {
            return kNone;
        }
        std::size_t pos = i + 2;
        if (pos < m_n && m_t[pos] == U'-' && digitAt(pos + 1)) {
            ++pos;  // "KL-12-34-56-A"
        } else if (pos < m_n && m_t[pos] == U' ') {
            // "on 123456" is English, "ON 12 34 56" is not: a spaced lower-case prefix must not be a common word.
            const bool lowerCase = isAsciiLower(m_t[i]) && isAsciiLower(m_t[i + 1]);
            const char word[2] = {static_cast<char>(asciiLower(m_t[i])), static_cast<char>(asciiLower(m_t[i + 1]))};
            if (lowerCase && kTwoLetterWords.contains(std::string_view(word, 2))) {
                return kNone;
            }
            ++pos;
        }
        int digits = 0;
        while (digits < 6 && pos < m_n) {
            if (isDigit(m_t[pos])) {
                ++digits;
                ++pos;
            } else if (digits > 0 && (m_t[pos] == U' ' || m_t[pos] == U'-') && digitAt(pos + 1)) {
                ++pos;
            } else {
                break;
            }
        }
        if (digits != 6 || digitAt(pos)) {
            return kNone;
        }
        std::size_t suffix = pos;
        if (suffix < m_n && (m_t[suffix] == U' ' || m_t[suffix] == U'-')) {
            ++suffix;
        }
        if (suffix < m_n) {
            const char32_t s = asciiUpper(m_t[suffix]);
            if (s >= U'A' && s <= U'D' && !letterAt(suffix + 1)) {
                return suffix + 1;
            }
        }
        return pos;
    }

    // ------------------------------------------------------------ postcode

    void findPostcodes(std::vector<Candidate>& out) const {
        for (std::size_t i = 0; i + 5 <= m_n; ++i) {
            if (!isAsciiAlpha(m_t[i]) || !startsLetterRun(i)) {
                continue;
            }
            const std::size_t end = matchPostcode(i);
            if (end != kNone) {
                out.push_back({IdentifierKind::Postcode, i, end});
                i = end - 1;
            }
        }
    }

    [[nodiscard]] char32_t upperAt(std::size_t i) const { return i < m_n ? asciiUpper(m_t[i]) : 0; }

    // Inward code "9AA" at pos (letters never C I K M O V), ending at a word boundary.
    [[nodiscard]] std::size_t matchInward(std::size_t pos) const {
        constexpr std::u32string_view kInwardLetters = U"ABDEFGHJLNPQRSTUWXYZ";
        if (pos + 3 > m_n || !isDigit(m_t[pos]) || letterAt(pos + 3)) {
            return kNone;
        }
        const char32_t l1 = upperAt(pos + 1);
        const char32_t l2 = upperAt(pos + 2);
        if (!isAsciiAlpha(m_t[pos + 1]) || !isAsciiAlpha(m_t[pos + 2]) ||
            kInwardLetters.find(l1) == std::u32string_view::npos ||
            kInwardLetters.find(l2) == std::u32string_view::npos) {
            return kNone;
        }
        // "A1 2nd floor": a lower-case ordinal is not an inward code.
        const bool lowerCase = isAsciiLower(m_t[pos + 1]) && isAsciiLower(m_t[pos + 2]);
        if (lowerCase) {
            const std::u32string_view letters(m_t.data() + pos + 1, 2);
            if (letters == U"st" || letters == U"nd" || letters == U"rd" || letters == U"th") {
                return kNone;
            }
        }
        return pos + 3;
    }

    [[nodiscard]] std::size_t afterPostcodeGap(std::size_t pos) const {
        std::size_t p = pos;
        if (p < m_n && m_t[p] == U' ') {
            ++p;
            if (p < m_n && m_t[p] == U' ') {
                ++p;
            }
        } else if (p < m_n && m_t[p] == U'\n') {
            ++p;
        }
        return p;
    }

    [[nodiscard]] std::size_t matchPostcode(std::size_t i) const {
        // GIR 0AA, the one exception to the rules.
        if (upperAt(i) == U'G' && upperAt(i + 1) == U'I' && upperAt(i + 2) == U'R') {
            const std::size_t p = afterPostcodeGap(i + 3);
            if (p + 3 <= m_n && m_t[p] == U'0' && upperAt(p + 1) == U'A' && upperAt(p + 2) == U'A' &&
                !letterAt(p + 3)) {
                return p + 3;
            }
        }
        const char32_t c0 = upperAt(i);
        if (c0 == U'Q' || c0 == U'V' || c0 == U'X') {
            return kNone;
        }
        // Candidate outward codes, longest first, so "SW1A1AA" tries "SW1A" before "SW1".
        std::array<std::size_t, 3> lengths{};
        std::size_t count = 0;
        if (digitAt(i + 1)) {
            if (digitAt(i + 2)) {
                lengths[count++] = 3;  // A99
            } else if (isAsciiAlpha(m_t[i + 2]) && inSet(U"ABCDEFGHJKSTUW", upperAt(i + 2))) {
                lengths[count++] = 3;  // A9A
            }
            lengths[count++] = 2;  // A9
        } else if (isAsciiAlpha(m_t[i + 1])) {
            const char32_t c1 = upperAt(i + 1);
            if (c1 == U'I' || c1 == U'J' || c1 == U'Z' || !digitAt(i + 2)) {
                return kNone;
            }
            if (digitAt(i + 3)) {
                lengths[count++] = 4;  // AA99
            } else if (i + 3 < m_n && isAsciiAlpha(m_t[i + 3]) && inSet(U"ABEHMNPRVWXY", upperAt(i + 3))) {
                lengths[count++] = 4;  // AA9A
            }
            lengths[count++] = 3;  // AA9
        }
        for (std::size_t c = 0; c < count; ++c) {
            const std::size_t outwardEnd = i + lengths[c];
            const std::size_t end = matchInward(afterPostcodeGap(outwardEnd));
            if (end != kNone) {
                return end;
            }
        }
        return kNone;
    }

    // ------------------------------------------------------------ dates

    void findNumericDates(std::vector<Candidate>& out) const {
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

    [[nodiscard]] int numberAt(std::size_t begin, std::size_t end) const {
        int value = 0;
        for (std::size_t i = begin; i < end; ++i) {
            value = value * 10 + static_cast<int>(m_t[i] - U'0');
        }
        return value;
    }

    [[nodiscard]] std::size_t matchNumericDate(std::size_t i, std::size_t end1, std::size_t len1) const {
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
        if (end3 + 1 < m_n && (m_t[end3] == U'/' || m_t[end3] == U'.' || m_t[end3] == U'-') &&
            isDigit(m_t[end3 + 1])) {
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

    // True when token k names a month. Full names in any case except "may", which must be "May"; abbreviations
    // must start with a capital ("Jan", "MAR") so "mar" and "dec" in running text stay.
    [[nodiscard]] bool isMonth(std::size_t k) const {
        if (k == kNone || !isKind(k, TokenKind::Word)) {
            return false;
        }
        const SmallWord word = lower(k);
        const bool capital = isUpperLetter(firstChar(k));
        return std::any_of(kMonths.begin(), kMonths.end(), [&](const MonthName& m) {
            return m.name == word.view() && (capital || (!m.abbreviation && m.name != "may"));
        });
    }

    // The last token of a month name: an abbreviation may carry a full stop ("Mar.").
    [[nodiscard]] std::size_t monthLastToken(std::size_t k) const {
        return isPunct(k + 1, U'.') && length(k) <= 4 ? k + 1 : k;
    }

    [[nodiscard]] bool isWeekday(std::size_t k) const {
        if (!isKind(k, TokenKind::Word) || (length(k) <= 4 && !isUpperLetter(firstChar(k)))) {
            return false;
        }
        const SmallWord word = lower(k);
        return std::find(kWeekdays.begin(), kWeekdays.end(), word.view()) != kWeekdays.end();
    }

    struct DayNumber {
        bool ok = false;
        bool ordinal = false;
        std::size_t last = kNone;  // the suffix token of "3rd", or the number itself
    };

    // "3", "03", "3rd", "21ST" with a value from 1 to 31. Letters after the number that are not an ordinal
    // suffix are ignored rather than rejected: they could be a name that a second scrub sees as a placeholder.
    [[nodiscard]] DayNumber dayAt(std::size_t k) const {
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

    // 1900-2099; "1990s" is a decade and stays. Only the letter "s" is looked at after the number, never a word
    // that another finding could replace, so a second scrub decides the same way.
    [[nodiscard]] bool isYear(std::size_t k) const {
        if (k == kNone || !isKind(k, TokenKind::Number) || length(k) != 4 ||
            (isKind(k + 1, TokenKind::Word) && length(k + 1) == 1 && asciiLower(firstChar(k + 1)) == U's')) {
            return false;
        }
        const int value = numberAt(tok(k).begin, tok(k).end);
        return value >= 1900 && value <= 2099;
    }

    [[nodiscard]] bool isTwoOrFourDigits(std::size_t k) const {
        return isKind(k, TokenKind::Number) && (length(k) == 2 || length(k) == 4);
    }

    // Last token of a written date starting at token k, or kNone.
    [[nodiscard]] std::size_t writtenDateEnd(std::size_t k, std::size_t& startToken) const {
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
            if (isPunct(cur + 1, U'-') && isMonth(cur + 2) && isPunct(cur + 3, U'-') &&
                isTwoOrFourDigits(cur + 4)) {
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

    void findWrittenDates(std::vector<Candidate>& out) const {
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

    // ------------------------------------------------------------ phone

    void findPhones(std::vector<Candidate>& out) const {
        for (std::size_t i = 0; i < m_n; ++i) {
            const char32_t c = m_t[i];
            if (c != U'+' && c != U'(' && c != U'0') {
                continue;
            }
            // Letters may touch the number ("tel07700 900123"); digits may not, or it is part of something longer.
            if (i > 0 && (isDigit(m_t[i - 1]) || m_t[i - 1] == U'+')) {
                continue;
            }
            std::size_t begin = kNone;
            const std::size_t end = matchPhone(i, begin);
            if (end != kNone) {
                out.push_back({IdentifierKind::Phone, begin, end});
                i = end - 1;
            }
        }
    }

    // UK national numbers have 10 or 11 digits starting 0 (not 00); international ones 8 to 15 digits after + or
    // 00, not counting the "(0)" people write after +44. Digit groups may be split by spaces, one hyphen or
    // brackets. The longest grouping with a valid digit count wins, so a count after the number ("07700 900123 12")
    // is left alone.
    [[nodiscard]] std::size_t matchPhone(std::size_t i, std::size_t& begin) const {
        std::size_t pos = i;
        bool openedAtStart = false;
        if (m_t[pos] == U'(') {
            openedAtStart = true;
            ++pos;
            if (pos < m_n && m_t[pos] == U' ') {
                ++pos;
            }
        }
        if (pos >= m_n) {
            return kNone;
        }
        const std::size_t numberStart = pos;
        bool international = false;
        if (m_t[pos] == U'+') {
            if (!digitAt(pos + 1)) {
                return kNone;
            }
            international = true;
            ++pos;
        } else if (m_t[pos] == U'0' && digitAt(pos + 1) && m_t[pos + 1] == U'0') {
            if (!digitAt(pos + 2) || m_t[pos + 2] == U'0') {
                return kNone;
            }
            international = true;
            pos += 2;
        } else if (m_t[pos] != U'0') {
            return kNone;
        }

        std::size_t digits = 0;
        char32_t secondDigit = 0;
        std::size_t bestEnd = kNone;
        bool closed = false;
        bool bestClosed = false;
        for (int group = 0; group < 10; ++group) {
            const std::size_t groupEnd = digitRunEnd(pos);
            const std::size_t groupLength = groupEnd - pos;
            if (groupLength == 0) {
                break;
            }
            const bool bracketedZero = international && digits > 0 && groupLength == 1 && m_t[pos] == U'0' &&
                                       pos > 0 && m_t[pos - 1] == U'(' && groupEnd < m_n && m_t[groupEnd] == U')';
            if (!bracketedZero) {
                if (!international && digits < 2 && digits + groupLength >= 2) {
                    secondDigit = m_t[pos + (1 - digits)];
                }
                digits += groupLength;
            }
            if (digits > 15) {
                break;
            }
            pos = groupEnd;
            const bool valid = international ? (digits >= 8 && digits <= 15)
                                             : ((digits == 10 || digits == 11) && secondDigit != U'0');
            if (valid) {
                bestEnd = pos;
                bestClosed = closed;
            }
            // Separator: up to three characters of spaces, one hyphen and brackets, then a digit.
            std::size_t s = pos;
            int spaces = 0;
            int hyphens = 0;
            int opens = 0;
            int closes = 0;
            while (s < m_n && s - pos < 4) {
                const char32_t c = m_t[s];
                if (c == U' ' && ++spaces <= 2) {
                    ++s;
                } else if (c == U'-' && ++hyphens <= 1) {
                    ++s;
                } else if (c == U'(' && ++opens <= 1) {
                    ++s;
                } else if (c == U')' && ++closes <= 1) {
                    ++s;
                } else {
                    break;
                }
            }
            if (s == pos || !digitAt(s)) {
                break;
            }
            closed = closed || closes > 0;
            pos = s;
        }
        if (bestEnd == kNone) {
            return kNone;
        }
        // Keep an opening bracket inside the placeholder only when its partner is inside too.
        begin = openedAtStart && bestClosed ? i : numberStart;
        return bestEnd;
    }

    // After "bleep", "pager" or "extension" the number may come a few words later in the same clause; "phone" and
    // "tel" are too common for that ("the phone rang 40 times"), so they need the number right after them.
    [[nodiscard]] std::size_t numberLaterInClause(std::size_t k, std::string_view contextWord) const {
        const bool reachesAhead =
            contextWord == "bleep" || contextWord == "bleeper" || contextWord == "pager" || contextWord == "extension";
        if (!reachesAhead) {
            return kNone;
        }
        int words = 0;
        for (std::size_t j = k + 1; j < tokenCount() && words <= 6; ++j) {
            const TokenKind kind = tok(j).kind;
            if (kind == TokenKind::Number) {
                return j;
            }
            if (kind == TokenKind::Word) {
                ++words;
            } else if (kind != TokenKind::Space) {
                return kNone;  // punctuation or a line break ends the clause
            }
        }
        return kNone;
    }

    // "bleep 4455", "ext. 2231", "extension 2231", "tel: 01234": a short internal number after a context word. The
    // context word stays so the reader still knows a number was there.
    void findExtensions(std::vector<Candidate>& out) const {
        constexpr std::array<std::string_view, 11> kContext{"bleep",     "bleeper", "pager", "ext",    "extn",
                                                            "extension", "tel",     "telephone", "phone", "mobile",
                                                            "landline"};
        for (std::size_t k = 0; k < tokenCount(); ++k) {
            if (!isKind(k, TokenKind::Word)) {
                continue;
            }
            const SmallWord word = lower(k);
            if (std::find(kContext.begin(), kContext.end(), word.view()) == kContext.end()) {
                continue;
            }
            std::size_t next = k;
            if (isPunct(next + 1, U'.')) {
                ++next;
            }
            if (isPunct(next + 1, U':') || isPunct(next + 1, U'#')) {
                ++next;
            }
            std::size_t number = afterSpace(next);
            if (wordIs(number, "is") || wordIs(number, "was") || wordIs(number, "on")) {
                number = afterSpace(number);  // "bleep is 6677"
            }
            if (wordIs(number, "no") || wordIs(number, "number")) {
                number = isPunct(number + 1, U'.') ? afterSpace(number + 1) : afterSpace(number);
            }
            if (number == kNone && isKind(next + 1, TokenKind::Number)) {
                number = next + 1;  // "ext.2231"
            }
            if (number == kNone || !isKind(number, TokenKind::Number)) {
                number = numberLaterInClause(k, word.view());  // "the bleep for the outreach team is 3345"
            }
            if (number == kNone || !isKind(number, TokenKind::Number)) {
                continue;
            }
            const std::size_t begin = tok(number).begin;
            const std::size_t end = tok(number).end;
            if (end - begin < 3 || end - begin > 6) {
                continue;
            }
            // A time ("phone at 14:30") is not an extension. The start of a longer number ("tel 0161 496 0000")
            // needs no test here: the full phone number starts at the same place and the longer finding wins.
            const bool timeOrRatio =
                end + 1 < m_n && (m_t[end] == U':' || m_t[end] == U'/' || m_t[end] == U'.') && isDigit(m_t[end + 1]);
            if (timeOrRatio) {
                continue;
            }
            out.push_back({IdentifierKind::Phone, begin, end});
            k = number;
        }
    }

    // ------------------------------------------------------------ locations

    // "7", "12B", "C", "B12": what follows "Ward" or "bed" when it names one. Returns its last token, or kNone.
    [[nodiscard]] std::size_t locationIdEnd(std::size_t k) const {
        if (k == kNone) {
            return kNone;
        }
        if (isKind(k, TokenKind::Number)) {
            if (length(k) > 4) {
                return kNone;
            }
            if (!isKind(k + 1, TokenKind::Word)) {
                return k;
            }
            if (length(k + 1) == 1 && isAsciiAlpha(firstChar(k + 1))) {
                return k + 1;  // "12B"
            }
            const SmallWord suffix = lower(k + 1);
            const std::string_view v = suffix.view();
            return v == "st" || v == "nd" || v == "rd" || v == "th" ? kNone : k;  // "bay 3rd" is not a bay
        }
        if (isKind(k, TokenKind::Word) && length(k) == 1 && isAsciiUpper(firstChar(k))) {
            if (isKind(k + 1, TokenKind::Number)) {
                return length(k + 1) <= 3 ? k + 1 : kNone;  // "B12"
            }
            return firstChar(k) != U'I' ? k : kNone;  // "Bay C", but "bed I think" is the pronoun
        }
        return kNone;
    }

    // A number followed by "hours", ":30" or "%" was a duration, a time or a share, not a bed.
    [[nodiscard]] bool followedByQuantity(std::size_t k) const {
        const std::size_t end = tok(k).end;
        if (end + 1 < m_n && (m_t[end] == U':' || m_t[end] == U'/' || m_t[end] == U'.' || m_t[end] == U',') &&
            isDigit(m_t[end + 1])) {
            return true;
        }
        if (isPunct(k + 1, U'%')) {
            return true;
        }
        const std::size_t next = afterSpace(k);
        return next != kNone && isKind(next, TokenKind::Word) && kUnitWords.contains(lower(next).view());
    }

    // A capitalised word that may name a place ("Nightingale" in "Nightingale Ward"), not "The", "Acute", "Stroke".
    [[nodiscard]] bool isPlaceWord(std::size_t k, bool allowGivenNames) const {
        if (k == kNone || !isTitleCase(k) || isPossessive(k)) {
            return false;
        }
        const SmallWord word = lower(k);
        const std::string_view w = word.view();
        if (w.empty() || kStopWords.contains(w) || kUnitDescriptors.contains(w) || kBuildingWords.contains(w) ||
            kHonorifics.contains(w) || kRoleTriggers.contains(w) || kLocationKeywords.contains(w) ||
            kStreetTypes.contains(w) || kAntiTriggers.contains(w)) {
            return false;
        }
        if (!allowGivenNames) {
            const std::uint8_t flags = lookupToken(k);
            if ((flags & names::kGiven) != 0 && (flags & names::kCommonWord) == 0) {
                return false;  // "Siobhan Ward" is a person
            }
        }
        return true;
    }

    void findLocations(std::vector<Candidate>& out) const {
        for (std::size_t k = 0; k < tokenCount(); ++k) {
            if (!isKind(k, TokenKind::Word)) {
                continue;
            }
            const SmallWord word = lower(k);
            const std::string_view w = word.view();

            // "Ward 7", "bay 3", "side room 2", "bed space 4", "bed no. 4"
            std::size_t keyword = kNone;
            if (kLocationKeywords.contains(w)) {
                keyword = k;
            } else if (w == "side" && wordIs(afterSpace(k), "room")) {
                keyword = afterSpace(k);
            }
            if (keyword != kNone) {
                if (wordIs(keyword, "bed") && wordIs(afterSpace(keyword), "space")) {
                    keyword = afterSpace(keyword);
                }
                std::size_t id = afterSpace(keyword);
                if (wordIs(id, "no") || wordIs(id, "number")) {
                    id = isPunct(id + 1, U'.') ? afterSpace(id + 1) : afterSpace(id);
                }
                const std::size_t idEnd = locationIdEnd(id);
                if (idEnd != kNone && !followedByQuantity(idEnd)) {
                    out.push_back({IdentifierKind::Location, tok(k).begin, tok(idEnd).end});
                    k = idEnd;
                    continue;
                }
            }

            // "Nightingale Ward", "Florence Nightingale Ward", "Rainbow Unit"
            const std::size_t next = afterSpace(k);
            if (isPlaceWord(k, false) && (wordIs(next, "ward") || wordIs(next, "unit"))) {
                const std::size_t prev = beforeSpace(k);
                const std::size_t start = prev != kNone && isPlaceWord(prev, true) ? prev : k;
                std::size_t last = next;
                const std::size_t idEnd = locationIdEnd(afterSpace(next));
                if (idEnd != kNone && !followedByQuantity(idEnd)) {
                    last = idEnd;  // "Nightingale Ward 2"
                }
                out.push_back({IdentifierKind::Location, tok(start).begin, tok(last).end});
                k = last;
                continue;
            }

            // Street names, with an optional house number: "14 Elm Grove", "Mill Lane", "Albert Street"
            if (isPlaceWord(k, true)) {
                std::size_t type = next;
                std::size_t lastName = k;
                if (isPlaceWord(type, true) && !kStreetTypes.contains(lower(type).view())) {
                    lastName = type;
                    type = afterSpace(type);
                }
                const bool isStreet = type != kNone && isTitleCase(type) && kStreetTypes.contains(lower(type).view());
                // "Sarah Lane" is a person; "Great Ormond Street Hospital" is a hospital name.
                const bool personLike = wordIs(type, "lane") && (lookupToken(lastName) & names::kGiven) != 0 &&
                                        (lookupToken(lastName) & names::kCommonWord) == 0;
                const std::size_t after = type == kNone ? kNone : afterSpace(type);
                const bool building = after != kNone && kBuildingWords.contains(lower(after).view());
                if (isStreet && !personLike && !building) {
                    std::size_t start = k;
                    const std::size_t number = beforeSpace(k);
                    if (number != kNone && isKind(number, TokenKind::Number) && locationIdEnd(number) == number) {
                        start = number;  // "14 Elm Grove"
                    } else if (number != kNone && number > 0 && isKind(number - 1, TokenKind::Number) &&
                               locationIdEnd(number - 1) == number) {
                        start = number - 1;  // "14A Elm Grove"
                    }
                    out.push_back({IdentifierKind::Location, tok(start).begin, tok(type).end});
                    k = type;
                }
            }
        }
    }

    // ------------------------------------------------------------ names

    struct NameSpan {
        std::size_t begin = kNone;
        std::size_t end = kNone;
        std::size_t lastToken = kNone;
    };

    // Can token k be one part of a name right after a trigger? `strong` allows a lower-case listed name after
    // an honorific ("dr okafor").
    [[nodiscard]] bool isNamePartAfterTrigger(std::size_t k, bool strong) const {
        if (!isKind(k, TokenKind::Word)) {
            return false;
        }
        const char32_t first = firstChar(k);
        if (isUpperLetter(first)) {
            if (length(k) == 1) {
                // An initial; a bare "I" is the pronoun unless a full stop makes it an initial.
                return first != U'I' || isPunct(k + 1, U'.');
            }
            if (isAllCaps(k)) {
                // "DR OKAFOR" counts, "Consultant ENT" does not.
                return lookupRange(tok(k).begin, nameEnd(k), true) != 0;
            }
            if (lookupToken(k) != 0) {
                return true;  // listed names win over the stop list: "Nurse May", "Dr Will Jones"
            }
            return !isBlocked(k);
        }
        if (!isLowerLetter(first)) {
            return false;
        }
        // "al-Hassan", "el-Masry": a particle joined by a hyphen to a capitalised name.
        const SmallWord word = lower(k);
        const std::size_t hyphen = word.view().find('-');
        if (hyphen != std::string_view::npos && kParticles.contains(word.view().substr(0, hyphen)) &&
            isUpperLetter(m_t[tok(k).begin + hyphen + 1])) {
            return true;
        }
        if (!strong || isBlocked(k)) {
            return false;
        }
        const std::uint8_t flags = lookupRange(tok(k).begin, nameEnd(k), true);
        return flags != 0 && (flags & names::kCommonWord) == 0;
    }

    // One to three name parts (words or initials, with particles between) starting at token k.
    [[nodiscard]] NameSpan namePartsFrom(std::size_t k, bool strong, int maxParts) const {
        NameSpan span;
        int parts = 0;
        std::size_t particleStart = kNone;
        while (k != kNone && k < tokenCount() && parts < maxParts) {
            if (isKind(k, TokenKind::Word) && isLowerLetter(firstChar(k)) && kParticles.contains(lower(k).view())) {
                const std::size_t next = afterSpace(k);
                if (next == kNone) {
                    break;
                }
                if (particleStart == kNone) {
                    particleStart = tok(k).begin;
                }
                k = next;
                continue;
            }
            if (!isNamePartAfterTrigger(k, strong)) {
                break;
            }
            if (span.begin == kNone) {
                span.begin = particleStart != kNone ? particleStart : tok(k).begin;
            }
            particleStart = kNone;
            span.end = nameEnd(k);
            span.lastToken = k;
            ++parts;
            if (isPossessive(k)) {
                break;
            }
            std::size_t after = k;
            const bool initial = length(k) == 1;
            if (initial && isPunct(k + 1, U'.')) {
                after = k + 1;  // "J. Smith": the dot joins the span only if another part follows
            }
            const std::size_t next = afterSpace(after);
            if (next == kNone || !(isKind(next, TokenKind::Word))) {
                break;
            }
            if (!isNamePartAfterTrigger(next, strong) &&
                !(isLowerLetter(firstChar(next)) && kParticles.contains(lower(next).view()))) {
                break;
            }
            k = next;
        }
        return span;  // particles with no name after them stay outside the span
    }

    [[nodiscard]] NameSpan nameAfterTrigger(std::size_t trigger) const {
        const SmallWord word = lower(trigger);
        const bool strong = kHonorifics.contains(word.view());
        std::size_t k = trigger;
        if (isPunct(k + 1, U'.')) {
            if (!kAbbreviations.contains(word.view())) {
                return {};  // "the nurse. Then" ends a sentence
            }
            ++k;
        }
        const std::size_t first = afterSpace(k);
        if (first == kNone) {
            return {};
        }
        return namePartsFrom(first, strong, 3);
    }

    // "a patient called X", "her name was X", "my name's X"
    [[nodiscard]] NameSpan nameAfterContext(std::size_t k) const {
        const SmallWord word = lower(k);
        const std::string_view w = word.view();
        std::size_t first = kNone;
        if (w == "called" || w == "named") {
            const std::size_t prev = beforeSpace(k);
            if (prev != kNone && kPersonNouns.contains(lower(prev).view())) {
                first = afterSpace(k);
            }
        } else if (w == "name") {
            const std::size_t verb = afterSpace(k);
            if (wordIs(verb, "is") || wordIs(verb, "was")) {
                first = afterSpace(verb);
            }
        } else if (w == "name's") {
            first = afterSpace(k);
        }
        if (first == kNone || !isCapitalised(first)) {
            return {};
        }
        return namePartsFrom(first, false, 2);
    }

    // Could token k extend a full name that starts with a listed given name ("Siobhan Kelly", "Priya Okonjo")?
    [[nodiscard]] bool continuesFullName(std::size_t k) const {
        if (k == kNone || !isTitleCase(k) || isTrigger(k)) {
            return false;
        }
        const std::uint8_t flags = lookupToken(k);
        if ((flags & names::kSurname) != 0) {
            return true;  // includes everyday-word surnames: "Sarah Brown"
        }
        if ((flags & names::kGiven) != 0) {
            return (flags & names::kCommonWord) == 0;  // "Mary Jane", but not "Priya Will"
        }
        return flags == 0 && !isBlocked(k);
    }

    [[nodiscard]] bool isStrongListed(std::uint8_t flags) const {
        return flags != 0 && (flags & names::kCommonWord) == 0;
    }

    // The context that turns a listed word into something else: a building or an eponym after it, or a month
    // abbreviation used as a month ("since Jan").
    [[nodiscard]] bool excludedByContext(std::size_t first, std::size_t last) const {
        const std::size_t after = afterSpace(last);
        if (after != kNone && isKind(after, TokenKind::Word)) {
            const SmallWord next = lower(after);
            if (kBuildingWords.contains(next.view()) || kClinicalNouns.contains(next.view())) {
                return true;
            }
        }
        if (first == last && length(first) <= 4) {
            const SmallWord word = lower(first);
            const bool monthLike = std::any_of(kMonths.begin(), kMonths.end(), [&](const MonthName& m) {
                return m.abbreviation && m.name == word.view();
            });
            const std::size_t prev = beforeSpace(first);
            if (monthLike && prev != kNone && kMonthContext.contains(lower(prev).view())) {
                return true;
            }
        }
        return false;
    }

    void findNames(std::vector<Candidate>& out) const {
        std::size_t consumedUpTo = 0;  // tokens before this index already belong to a name
        const auto emit = [&](std::size_t begin, std::size_t end, std::size_t lastToken) {
            out.push_back({IdentifierKind::Name, begin, end});
            consumedUpTo = lastToken + 1;
        };
        for (std::size_t k = 0; k < tokenCount(); ++k) {
            if (k < consumedUpTo || !isKind(k, TokenKind::Word)) {
                continue;
            }
            if (const std::size_t trigger = triggerLast(k); trigger != kNone) {
                const NameSpan span = nameAfterTrigger(trigger);
                if (span.begin != kNone) {
                    emit(span.begin, span.end, span.lastToken);
                    k = span.lastToken;
                } else {
                    k = trigger;
                }
                continue;
            }
            const NameSpan context = nameAfterContext(k);
            if (context.begin != kNone) {
                emit(context.begin, context.end, context.lastToken);
                k = context.lastToken;
                continue;
            }
            if (!isTitleCase(k) || precededByAntiTrigger(k)) {
                continue;
            }
            const std::uint8_t flags = lookupToken(k);
            if (flags == 0) {
                continue;
            }
            std::size_t first = k;
            std::size_t last = k;
            if (isStrongListed(flags)) {
                // A capitalised word just before a listed surname is most likely the given name ("Kwabena Mensah").
                const std::size_t prev = beforeSpace(k);
                if ((flags & names::kSurname) != 0 && prev != kNone && prev >= consumedUpTo && isTitleCase(prev) &&
                    !isPossessive(prev) && !isBlocked(prev) && !isTrigger(prev) && lookupToken(prev) == 0 &&
                    !precededByAntiTrigger(prev)) {
                    first = prev;
                }
                // A listed given name takes the capitalised words after it as the rest of the name.
                if ((flags & names::kGiven) != 0) {
                    for (int extra = 0; extra < 2 && !isPossessive(last); ++extra) {
                        std::size_t next = afterSpace(last);
                        if (next != kNone && isKind(next, TokenKind::Word) && isLowerLetter(firstChar(next)) &&
                            kParticles.contains(lower(next).view())) {
                            next = afterSpace(next);  // "Maria de Souza"
                        }
                        if (!continuesFullName(next)) {
                            break;
                        }
                        last = next;
                    }
                }
            } else {
                // An everyday-word name is a name only with an unambiguous surname after it ("Grace Okafor").
                const std::size_t next = afterSpace(k);
                if ((flags & names::kGiven) == 0 || isPossessive(k) || next == kNone || !isTitleCase(next) ||
                    (lookupToken(next) & names::kSurname) == 0 || !isStrongListed(lookupToken(next))) {
                    continue;
                }
                last = next;
            }
            if (excludedByContext(first, last)) {
                k = last;
                continue;
            }
            emit(tok(first).begin, nameEnd(last), last);
            k = last;
        }
    }
};

}  // namespace

// ================================================================ public API

std::string_view placeholderFor(IdentifierKind kind) noexcept {
    switch (kind) {
        case IdentifierKind::NhsNumber: return "[NHS_NUMBER]";
        case IdentifierKind::NiNumber: return "[NI_NUMBER]";
        case IdentifierKind::Postcode: return "[POSTCODE]";
        case IdentifierKind::Phone: return "[PHONE]";
        case IdentifierKind::Email: return "[EMAIL]";
        case IdentifierKind::Date: return "[DATE]";
        case IdentifierKind::Name: return "[NAME]";
        case IdentifierKind::Location: return "[LOCATION]";
    }
    return "[REDACTED]";
}

Scrubber::Scrubber() : m_names(names::builtIn()) {}

namespace {

// One pass: every candidate from every scanner, overlaps resolved, offsets mapped back to the original bytes.
std::vector<Finding> findOnce(std::string_view utf8, std::span<const names::Entry> nameList) {
    const View view = buildView(utf8);
    const std::u32string& t = view.text;
    std::vector<Candidate> candidates = Scanner(t, nameList).run();

    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (priorityOf(a.kind) != priorityOf(b.kind)) {
            return priorityOf(a.kind) < priorityOf(b.kind);
        }
        if (a.begin != b.begin) {
            return a.begin < b.begin;
        }
        return a.end - a.begin > b.end - b.begin;
    });

    // Claim view positions in priority order. Each scanner's own candidates never overlap, so the total work of
    // the claim checks is bounded by a few passes over the text.
    std::vector<std::uint8_t> claimed(t.size(), 0);
    std::vector<Candidate> accepted;
    const auto isFree = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (claimed[i] != 0) {
                return false;
            }
        }
        return true;
    };
    const auto claim = [&](const Candidate& c) {
        std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(c.begin),
                  claimed.begin() + static_cast<std::ptrdiff_t>(c.end), std::uint8_t{1});
        accepted.push_back(c);
    };
    const auto trimmedPiece = [&](std::size_t begin, std::size_t end) -> std::optional<Candidate> {
        // Shrink to whole words: drop a partial word at either cut and any spaces or punctuation at the edges.
        if (end < t.size() && end > begin && isWordChar(t[end]) && isWordChar(t[end - 1])) {
            while (end > begin && isWordChar(t[end - 1])) {
                --end;
            }
        }
        if (begin > 0 && begin < end && isWordChar(t[begin]) && isWordChar(t[begin - 1])) {
            while (begin < end && isWordChar(t[begin])) {
                ++begin;
            }
        }
        while (end > begin && !isLetter(t[end - 1])) {
            --end;
        }
        while (begin < end && !isLetter(t[begin])) {
            ++begin;
        }
        if (begin >= end || !isFree(begin, end)) {
            return std::nullopt;
        }
        return Candidate{IdentifierKind::Name, begin, end};
    };

    for (const Candidate& c : candidates) {
        if (isFree(c.begin, c.end)) {
            claim(c);
            continue;
        }
        if (c.kind != IdentifierKind::Name) {
            continue;
        }
        // A name loses only the words another finding took: "Priya Ward 7" -> "[NAME] [LOCATION]".
        std::size_t firstClaimed = c.begin;
        while (claimed[firstClaimed] == 0) {
            ++firstClaimed;
        }
        std::size_t lastClaimed = c.end - 1;
        while (claimed[lastClaimed] == 0) {
            --lastClaimed;
        }
        if (const auto left = trimmedPiece(c.begin, firstClaimed)) {
            claim(*left);
        }
        if (const auto right = trimmedPiece(lastClaimed + 1, c.end)) {
            claim(*right);
        }
    }

    std::sort(accepted.begin(), accepted.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<Finding> findings;
    findings.reserve(accepted.size());
    for (const Candidate& c : accepted) {
        findings.push_back(Finding{c.kind, view.from[c.begin], view.to[c.end - 1]});
    }
    return findings;
}

// The replaced text, plus for every output byte the original bytes it came from (a placeholder's bytes all map
// to the whole identifier it replaced).
struct Rendered {
    std::string text;
    std::vector<std::size_t> from;
    std::vector<std::size_t> to;
};

Rendered render(std::string_view utf8, const std::vector<Finding>& findings) {
    Rendered out;
    out.text.reserve(utf8.size());
    const auto record = [&](std::size_t begin, std::size_t end) {
        out.from.resize(out.text.size(), begin);
        out.to.resize(out.text.size(), end);
    };
    // The same per-character decisions as appendSanitised(), done here because the offsets are needed too.
    const auto copy = [&](std::size_t begin, std::size_t end) {
        std::size_t pos = begin;
        while (pos < end) {
            const Utf8Char c = decodeUtf8(utf8, pos);
            const std::size_t next = pos + c.length;
            const char32_t peek =
                next < utf8.size() ? static_cast<char32_t>(static_cast<unsigned char>(utf8[next])) : 0;
            switch (controlHandling(c.codePoint, peek)) {
                case ControlHandling::Keep:
                    if (c.valid) {
                        out.text.append(utf8.substr(pos, c.length));
                    } else {
                        appendUtf8(out.text, kReplacementCharacter);
                    }
                    break;
                case ControlHandling::Space: out.text.push_back(' '); break;
                case ControlHandling::Drop: break;
            }
            record(pos, next);
            pos = next;
        }
    };
    std::size_t copied = 0;
    for (const Finding& f : findings) {
        copy(copied, f.begin);
        out.text += placeholderFor(f.kind);
        record(f.begin, f.end);
        copied = f.end;
    }
    copy(copied, utf8.size());
    return out;
}

// Folds findings made on the rendered text back into the original findings. A new finding swallows any old one it
// touches, because together they are one identifier ("mg441FY" + "[DATE]" in run-together text). Both lists are
// sorted and free of overlaps, so one sweep over them does it.
std::vector<Finding> mergeFindings(const std::vector<Finding>& old, const std::vector<Finding>& found,
                                   const Rendered& rendered) {
    struct Span {
        Finding finding;
        bool isNew;
    };
    std::vector<Span> all;
    all.reserve(old.size() + found.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < old.size() || j < found.size()) {
        const bool takeNew = i >= old.size() || (j < found.size() && rendered.from[found[j].begin] < old[i].begin);
        if (takeNew) {
            const Finding& f = found[j++];
            all.push_back({Finding{f.kind, rendered.from[f.begin], rendered.to[f.end - 1]}, true});
        } else {
            all.push_back({old[i++], false});
        }
    }
    std::vector<Finding> merged;
    merged.reserve(all.size());
    bool groupHasNew = false;
    for (const Span& span : all) {
        if (!merged.empty() && span.finding.begin < merged.back().end) {
            Finding& group = merged.back();
            group.end = std::max(group.end, span.finding.end);
            if (span.isNew && !groupHasNew) {
                group.kind = span.finding.kind;
                groupHasNew = true;
            }
            continue;
        }
        merged.push_back(span.finding);
        groupHasNew = span.isNew;
    }
    return merged;
}

// One pass can leave an identifier that only appears once its neighbour became a placeholder (rare, and only in
// run-together text). Scrubbing the result again until nothing more is found makes the output a fixed point, so
// scrub(scrub(x)) == scrub(x). A real text settles after the first check; the cap keeps the work linear.
constexpr int kMaxClosureRounds = 6;

ScrubResult scrubToFixedPoint(std::string_view utf8, std::span<const names::Entry> nameList) {
    std::vector<Finding> findings = findOnce(utf8, nameList);
    Rendered rendered = render(utf8, findings);
    for (int round = 0; round < kMaxClosureRounds; ++round) {
        const std::vector<Finding> more = findOnce(rendered.text, nameList);
        if (more.empty()) {
            break;
        }
        findings = mergeFindings(findings, more, rendered);
        rendered = render(utf8, findings);
    }
    return ScrubResult{std::move(rendered.text), std::move(findings)};
}

}  // namespace

std::vector<Finding> Scrubber::find(std::string_view utf8) const { return scrubToFixedPoint(utf8, m_names).findings; }

ScrubResult Scrubber::scrub(std::string_view utf8) const { return scrubToFixedPoint(utf8, m_names); }

}  // namespace reflect::core
