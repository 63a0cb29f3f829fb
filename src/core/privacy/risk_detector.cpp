// Risk phrases matched word by word over a folded copy of the text; plain scanning, no regular expressions.
#include "core/privacy/risk_detector.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/utf8.hpp"

namespace reflect::core {

namespace {

struct RiskPhrase {
    RiskCategory category;
    // Words separated by spaces; a slot may list alternatives separated by '|'. Written in the folded form the
    // matcher sees: lower case, apostrophes removed, contractions joined ("cant", "dont", "anymore").
    std::string_view words;
};

constexpr std::array kPhrases{
    RiskPhrase{RiskCategory::Suicide, "suicide|suicides|suicidal"},
    RiskPhrase{RiskCategory::Suicide, "kill|killing myself|meself"},
    RiskPhrase{RiskCategory::Suicide, "kill|killing|killed himself|herself|themselves|themself"},
    RiskPhrase{RiskCategory::Suicide, "end|ending my life"},
    RiskPhrase{RiskCategory::Suicide, "end|ending my own life"},
    RiskPhrase{RiskCategory::Suicide, "take|taking|took|taken my|his|her|their own life"},
    RiskPhrase{RiskCategory::Suicide, "end|ending it all"},
    RiskPhrase{RiskCategory::Suicide, "want|wanted|wanna|wanting|wants to die"},
    RiskPhrase{RiskCategory::Suicide, "wanna die"},
    RiskPhrase{RiskCategory::Suicide, "wish i was|were dead"},
    RiskPhrase{RiskCategory::Suicide, "better off dead"},
    RiskPhrase{RiskCategory::Suicide, "dont want to live"},
    RiskPhrase{RiskCategory::Suicide, "dont want to be alive"},
    RiskPhrase{RiskCategory::Suicide, "dont want to be here anymore"},
    RiskPhrase{RiskCategory::Suicide, "no reason to live"},
    RiskPhrase{RiskCategory::SelfHarm, "self harm|harming|harmed|harms"},
    RiskPhrase{RiskCategory::SelfHarm, "selfharm|selfharming"},
    RiskPhrase{RiskCategory::SelfHarm, "harm|harming|hurt|hurting|cut|cutting|burn|burning myself|meself"},
    RiskPhrase{RiskCategory::SelfHarm, "overdose|overdosed|overdoses|overdosing"},
    RiskPhrase{RiskCategory::Abuse, "abuse|abused|abuser|abusers|abusing|abusive"},
    RiskPhrase{RiskCategory::Abuse, "domestic violence"},
    RiskPhrase{RiskCategory::Abuse, "not safe at home"},
    RiskPhrase{RiskCategory::Abuse, "unsafe at home"},
    RiskPhrase{RiskCategory::Abuse, "dont feel safe at home"},
    RiskPhrase{RiskCategory::Abuse, "being hurt|hit|beaten"},
    RiskPhrase{RiskCategory::Abuse, "beaten up"},
    RiskPhrase{RiskCategory::Abuse, "assaulted|rape|raped"},
    RiskPhrase{RiskCategory::Abuse, "scared|afraid|frightened to go home"},
    RiskPhrase{RiskCategory::Abuse, "coercive control"},
    RiskPhrase{RiskCategory::Despair, "cant|couldnt go on"},
    RiskPhrase{RiskCategory::Despair, "cant|couldnt carry on"},
    RiskPhrase{RiskCategory::Despair, "cant keep going"},
    RiskPhrase{RiskCategory::Despair, "cant take it|this anymore"},
    RiskPhrase{RiskCategory::Despair, "cant do this anymore"},
    RiskPhrase{RiskCategory::Despair, "cant cope anymore"},
    RiskPhrase{RiskCategory::Despair, "no point living"},
    RiskPhrase{RiskCategory::Despair, "no point in living|anything"},
    RiskPhrase{RiskCategory::Despair, "no point going on"},
    RiskPhrase{RiskCategory::Despair, "no point in going on"},
    RiskPhrase{RiskCategory::Despair, "nothing to live for"},
    RiskPhrase{RiskCategory::Despair, "give|giving up on life"},
    RiskPhrase{RiskCategory::Despair, "want it all to end"},
    RiskPhrase{RiskCategory::Despair, "want it to end"},
    RiskPhrase{RiskCategory::Despair, "better off without me"},
};

// Words after "want to die" that make it a wish about how or where to die, as patients say in palliative care.
constexpr std::array<std::string_view, 10> kPlaceOfDeath{"at", "in", "alone", "peacefully", "with", "surrounded",
                                                         "comfortably", "naturally", "before", "on"};

// A sentence break: phrases never run across it.
constexpr std::string_view kBarrier;

// Lower-case word tokens with sentence breaks as empty tokens.
std::vector<std::string> foldToWords(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    const auto finishWord = [&] {
        if (!current.empty()) {
            words.push_back(current);
            current.clear();
        }
    };
    const auto addBarrier = [&] {
        finishWord();
        if (!words.empty() && !words.back().empty()) {
            words.emplace_back(kBarrier);
        }
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Utf8Char c = decodeUtf8(text, pos);
        pos += c.length;
        char32_t cp = c.codePoint;
        if (cp >= 0xFF01U && cp <= 0xFF5EU) {
            cp = static_cast<char32_t>(cp - 0xFEE0U);  // full-width letters and punctuation
        }
        if (cp >= U'A' && cp <= U'Z') {
            cp = static_cast<char32_t>(cp + 32U);
        }
        const bool zeroWidth = cp == 0x00ADU || (cp >= 0x200BU && cp <= 0x200FU) || cp == 0x2060U || cp == 0xFEFFU;
        const bool apostrophe = cp == U'\'' || cp == 0x2018U || cp == 0x2019U || cp == 0x02BCU || cp == U'`';
        if (zeroWidth || apostrophe) {
            continue;  // "can't" -> "cant"; "s\u200Buicide" -> "suicide"
        }
        if ((cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9')) {
            current.push_back(static_cast<char>(cp));
        } else if (cp >= 0xC0U && cp != 0xD7U && cp != 0xF7U && !(cp >= 0x2000U && cp <= 0x2BFFU) &&
                   !(cp >= 0x3000U && cp <= 0x303FU) && cp < 0x1F000U) {
            appendUtf8(current, cp);  // other letters stay part of the word, so "abuse" never matches inside one
        } else if (cp == U'.' || cp == U',' || cp == U';' || cp == U':' || cp == U'!' || cp == U'?' || cp == U'(' ||
                   cp == U')' || cp == U'"' || cp == U'\n' || cp == 0x201CU || cp == 0x201DU) {
            addBarrier();
        } else {
            finishWord();  // spaces, hyphens ("self-harm"), slashes, emoji
        }
    }
    finishWord();
    return words;
}

// Joins the spellings people use for one word: "can not" / "can t" -> "cant", "do not" -> "dont", "any more" ->
// "anymore", "cannot" -> "cant".
std::vector<std::string> joinContractions(const std::vector<std::string>& words) {
    struct Join {
        std::string_view first;
        std::string_view second;
        std::string_view joined;
    };
    constexpr std::array<Join, 13> kJoins{{
        {"can", "not", "cant"},      {"can", "t", "cant"},        {"could", "not", "couldnt"},
        {"couldn", "t", "couldnt"},  {"do", "not", "dont"},       {"don", "t", "dont"},
        {"does", "not", "doesnt"},   {"did", "not", "didnt"},     {"will", "not", "wont"},
        {"would", "not", "wouldnt"}, {"any", "more", "anymore"},  {"wan", "na", "wanna"},
        {"i", "m", "im"},
    }};
    std::vector<std::string> out;
    out.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "cannot") {
            out.emplace_back("cant");
            continue;
        }
        bool joined = false;
        if (i + 1 < words.size()) {
            for (const Join& join : kJoins) {
                if (words[i] == join.first && words[i + 1] == join.second) {
                    out.emplace_back(join.joined);
                    ++i;
                    joined = true;
                    break;
                }
            }
        }
        if (!joined) {
            out.push_back(words[i]);
        }
    }
    return out;
}

bool slotMatches(std::string_view slot, std::string_view word) {
    if (word.empty()) {
        return false;  // a sentence break
    }
    std::size_t start = 0;
    while (start <= slot.size()) {
        const std::size_t bar = slot.find('|', start);
        const std::size_t end = bar == std::string_view::npos ? slot.size() : bar;
        if (slot.substr(start, end - start) == word) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

// Number of words matched when `phrase` starts at words[i], or 0.
std::size_t matchAt(const std::vector<std::string>& words, std::size_t i, std::string_view phrase) {
    std::size_t k = i;
    std::size_t start = 0;
    while (start < phrase.size()) {
        const std::size_t space = phrase.find(' ', start);
        const std::size_t end = space == std::string_view::npos ? phrase.size() : space;
        if (k >= words.size() || !slotMatches(phrase.substr(start, end - start), words[k])) {
            return 0;
        }
        ++k;
        start = end + 1;
    }
    return k - i;
}

bool isExcluded(const std::vector<std::string>& words, std::size_t i, std::size_t matched, std::string_view phrase) {
    // "In the end it all came together" is not "end it all".
    if (phrase == "end|ending it all") {
        return i > 0 && words[i - 1] == "the";
    }
    // "She wanted to die at home" is a wish about place of death, not a risk.
    if (phrase.find("to die") != std::string_view::npos) {
        const std::size_t next = i + matched;
        if (next < words.size()) {
            for (const std::string_view word : kPlaceOfDeath) {
                if (words[next] == word) {
                    return true;
                }
            }
        }
    }
    return false;
}

}  // namespace

std::string_view riskCategoryName(RiskCategory category) noexcept {
    switch (category) {
        case RiskCategory::None: return "none";
        case RiskCategory::Suicide: return "suicide";
        case RiskCategory::SelfHarm: return "self_harm";
        case RiskCategory::Abuse: return "abuse";
        case RiskCategory::Despair: return "despair";
    }
    return "none";
}

RiskAssessment assessRisk(std::string_view utf8) {
    const std::vector<std::string> words = joinContractions(foldToWords(utf8));
    RiskAssessment result;
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const RiskPhrase& phrase : kPhrases) {
            const std::size_t matched = matchAt(words, i, phrase.words);
            if (matched == 0 || isExcluded(words, i, matched, phrase.words)) {
                continue;
            }
            result.categories = static_cast<std::uint8_t>(result.categories |
                                                          (1U << static_cast<unsigned>(phrase.category)));
            if (result.primary == RiskCategory::None || phrase.category < result.primary) {
                result.primary = phrase.category;
            }
        }
    }
    return result;
}

bool mentionsRisk(std::string_view utf8) { return assessRisk(utf8).atRisk(); }

}  // namespace reflect::core
