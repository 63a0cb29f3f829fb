// The word lists the scanners consult (honorifics, roles, stop words, place and unit words, months, weekdays),
// each a sorted set built at compile time.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace reflect::core::scan {

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
inline constexpr std::string_view kHonorificsText =
    "dr mr mrs ms miss mx prof professor doctor mister sir dame rev revd reverend fr father pastor imam rabbi";
inline constexpr WordSet<countWords(kHonorificsText)> kHonorifics{kHonorificsText};

// Roles that come before a name in NHS speech ("Staff Nurse Kemi", "the FY1 Tom", "Auntie Grace").
inline constexpr std::string_view kRoleTriggersText =
    "nurse sister sr sn cn matron hca consultant porter midwife registrar reg physio physiotherapist ot sho "
    "fy1 fy2 f1 f2 spr ct1 ct2 ct3 st1 st2 st3 st4 st5 st6 st7 st8 auntie aunty aunt uncle chaplain paramedic "
    "pharmacist dietitian receptionist cleaner housekeeper surgeon anaesthetist therapist gp houseman "
    "grandad granddad grandpa grandma gran granny grandmother grandfather grampa gramps nan nanna nanny cousin";
inline constexpr WordSet<countWords(kRoleTriggersText)> kRoleTriggers{kRoleTriggersText};

// Abbreviations that may carry a full stop before the name ("Dr. Okafor").
inline constexpr std::string_view kAbbreviationsText = "dr mr mrs ms mx prof rev revd fr sr sn cn";
inline constexpr WordSet<countWords(kAbbreviationsText)> kAbbreviations{kAbbreviationsText};

// Words after which a capitalised word is a place or an institution, not a person ("St Mary's", "Queen Elizabeth").
inline constexpr std::string_view kAntiTriggersText =
    "st saint queen king prince princess lady lord royal mount port fort san santa sao new north south east "
    "west great upper lower old";
inline constexpr WordSet<countWords(kAntiTriggersText)> kAntiTriggers{kAntiTriggersText};

// Lower-case particles inside a surname ("Mr de Souza", "Dr van der Merwe").
inline constexpr std::string_view kParticlesText =
    "van von der den de da di du del della dos das la le al el bin binti ibn ap ter ten";
inline constexpr WordSet<countWords(kParticlesText)> kParticles{kParticlesText};

// A name followed by one of these is a building or an institution ("Alexandra Hospital", "Mary Seacole House").
inline constexpr std::string_view kBuildingWordsText =
    "hospital hospitals infirmary hospice house centre center clinic surgery practice wing building suite "
    "lodge college university school memorial institute foundation trust road street avenue drive gardens "
    "square station library chapel mosque gurdwara synagogue theatre block annexe pavilion campus hotel "
    "airport academy prison stadium arena unit ward nurse nurses charity appeal fund award awards lecture";
inline constexpr WordSet<countWords(kBuildingWordsText)> kBuildingWords{kBuildingWordsText};

// A name followed by one of these is an eponym ("Foley catheter", "Wilson's disease", "Glasgow score").
inline constexpr std::string_view kClinicalNounsText =
    "catheter line lines tube score scale chart mask airway sign signs test disease syndrome palsy procedure "
    "manoeuvre maneuver position fracture criteria classification grade stockings bag needle pump frame "
    "splint drain tool protocol method model law effect reflex phenomenon node nodes lymphoma sarcoma ulcer "
    "solution regime regimen bundle pathway technique operation";
inline constexpr WordSet<countWords(kClinicalNounsText)> kClinicalNouns{kClinicalNounsText};

// Capitalised words that are never a name after a trigger or inside a full name: function words, sentence openers,
// days and months, roles, departments and the everyday vocabulary of a debrief.
inline constexpr std::string_view kStopWordsText =
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
inline constexpr WordSet<countWords(kStopWordsText)> kStopWords{kStopWordsText};

// Generic unit and ward descriptors: "Acute Medical Unit" or "Stroke Unit" name a kind of ward every hospital has.
inline constexpr std::string_view kUnitDescriptorsText =
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
inline constexpr WordSet<countWords(kUnitDescriptorsText)> kUnitDescriptors{kUnitDescriptorsText};

// Words that introduce a ward, bay, bed or room number.
inline constexpr std::string_view kLocationKeywordsText =
    "ward bay bed bedspace room cubicle theatre theater resus pod trolley cot";
inline constexpr WordSet<countWords(kLocationKeywordsText)> kLocationKeywords{kLocationKeywordsText};

// After a location number these words mean the number was a count or a duration ("bed 12 hours").
inline constexpr std::string_view kUnitWordsText =
    "hours hour hrs hr h days day minutes minute mins min weeks week wks months month years year yrs times "
    "patients beds bays mg ml mcg kg g units percent litres l";
inline constexpr WordSet<countWords(kUnitWordsText)> kUnitWords{kUnitWordsText};

inline constexpr std::string_view kStreetTypesText =
    "road rd street avenue ave lane drive crescent terrace grove gardens close way mews square parade row";
inline constexpr WordSet<countWords(kStreetTypesText)> kStreetTypes{kStreetTypesText};

// "a patient called X", "my colleague named X".
inline constexpr std::string_view kPersonNounsText =
    "patient man woman lady gentleman gent boy girl child baby colleague nurse doctor student relative "
    "daughter son wife husband partner mum dad mother father friend resident client someone somebody guy chap "
    "fella bloke lad lass consultant midwife porter registrar sister brother carer visitor toddler teenager "
    "girlfriend boyfriend one";
inline constexpr WordSet<countWords(kPersonNounsText)> kPersonNouns{kPersonNounsText};

// Lower-case two-letter words that could be taken for an NI number prefix when followed by six digits.
inline constexpr std::string_view kTwoLetterWordsText =
    "at on an am as be by he me my no of or so to up us we go ok hm oh ah eh um ya ye yo hi is it in if do";
inline constexpr WordSet<countWords(kTwoLetterWordsText)> kTwoLetterWords{kTwoLetterWordsText};

// Listed given names that are also words people type in lower case ("jack the bed up", "a nick in the skin", "the
// mike"), or clinical abbreviations ("aki", "tia", "abi"): never a name without a capital or a trigger.
inline constexpr std::string_view kLowerCaseWordsText =
    "jack bob nick mike pete lee ken roy ted tom sid gus jim sol van ian aki tia abi ana ami cam mac gil jo "
    "nat val viv bea eve mia tim dom jon ben kim bo cole gene pat bill mark rob sue ray max art hope will "
    "grace joy dawn rose jade amber ruby pearl penny sandy carol ivy holly iris daisy poppy heather hazel "
    "faith eden miles dean rich frank earl duke drew wade chase hunter mason reed nana bud rusty star cal "
    "del gill les dev hung bong chi dolly fang hem hind jean min piers prem robin roger rowan sal tone wan "
    "woody yam yang kitty";
inline constexpr WordSet<countWords(kLowerCaseWordsText)> kLowerCaseWords{kLowerCaseWordsText};

// Words before a lower-case word that make it a thing, not a person ("the bob", "a jack").
inline constexpr std::string_view kDeterminersText = "the a an this that these those some any each every no";
inline constexpr WordSet<countWords(kDeterminersText)> kDeterminers{kDeterminersText};

// Words before a month abbreviation that show it is a month, not a name ("since Jan").
inline constexpr std::string_view kMonthContextText =
    "in since from until till by of last next this early mid late end before after during";
inline constexpr WordSet<countWords(kMonthContextText)> kMonthContext{kMonthContextText};

// ================================================================ dates: months and weekdays

struct MonthName {
    std::string_view name;
    bool abbreviation;
};

inline constexpr std::array<MonthName, 24> kMonths{{
    {"january", false},  {"february", false}, {"march", false},  {"april", false},     {"may", false},
    {"june", false},     {"july", false},     {"august", false}, {"september", false}, {"october", false},
    {"november", false}, {"december", false}, {"jan", true},     {"feb", true},        {"mar", true},
    {"apr", true},       {"jun", true},       {"jul", true},     {"aug", true},        {"sep", true},
    {"sept", true},      {"oct", true},       {"nov", true},     {"dec", true},
}};

inline constexpr std::array<std::string_view, 17> kWeekdays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "weds",      "thu",      "thur",   "thurs",    "fri",    "sat"};

}  // namespace reflect::core::scan
