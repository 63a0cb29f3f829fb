// Risk phrases matched word by word over a folded copy of the text (wiped after use); plain scanning, no regex.
#include "core/privacy/risk_detector.hpp"

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/contribute/secret_text.hpp"
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
constexpr std::array<std::string_view, 10> kPlaceOfDeath{"at",         "in",          "alone",     "peacefully", "with",
                                                         "surrounded", "comfortably", "naturally", "before",     "on"};

// Word tokens as views into one folded copy of the text (kept in a zeroing buffer and wiped after use, so no
// lower-cased copy of a name the scrubber removed is left in freed memory). A sentence break is an empty view.
using Words = std::vector<std::string_view>;

// Appends a code point as UTF-8 to the folded copy.
void appendFoldedUtf8(SecretString& out, char32_t cp) {
    if (cp < 0x80U) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800U) {
        out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else if (cp < 0x10000U) {
        out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    }
}

// Lower-case word tokens with sentence breaks as empty tokens. `folded` receives the characters; the views are
// made only once it is complete, so its growing never leaves a view dangling.
Words foldToWords(std::string_view text, SecretString& folded) {
    struct Span {
        std::size_t begin;
        std::size_t end;
    };
    std::vector<Span> spans;  // offsets only: no text
    folded.reserve(text.size() + 1);
    std::size_t wordStart = 0;
    const auto finishWord = [&] {
        if (folded.size() > wordStart) {
            spans.push_back({wordStart, folded.size()});
        }
        wordStart = folded.size();
    };
    const auto addBarrier = [&] {
        finishWord();
        if (!spans.empty() && spans.back().end > spans.back().begin) {
            spans.push_back({folded.size(), folded.size()});
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
            folded.push_back(static_cast<char>(cp));
        } else if (cp >= 0xC0U && cp != 0xD7U && cp != 0xF7U && !(cp >= 0x2000U && cp <= 0x2BFFU) &&
                   !(cp >= 0x3000U && cp <= 0x303FU) && cp < 0x1F000U) {
            appendFoldedUtf8(folded, cp);  // other letters stay part of the word, so "abuse" never matches inside one
        } else if (cp == U'.' || cp == U',' || cp == U';' || cp == U':' || cp == U'!' || cp == U'?' || cp == U'(' ||
                   cp == U')' || cp == U'"' || cp == U'\n' || cp == 0x201CU || cp == 0x201DU) {
            addBarrier();
        } else {
            finishWord();  // spaces, hyphens ("self-harm"), slashes, emoji
        }
    }
    finishWord();
    Words words;
    words.reserve(spans.size());
    const std::string_view all(folded);
    for (const Span& span : spans) {
        words.push_back(all.substr(span.begin, span.end - span.begin));
    }
    return words;
}

// Joins the spellings people use for one word: "can not" / "can t" -> "cant", "do not" -> "dont", "any more" ->
// "anymore", "cannot" -> "cant". Joined words are the constants below, so no text is copied.
Words joinContractions(const Words& words) {
    struct Join {
        std::string_view first;
        std::string_view second;
        std::string_view joined;
    };
    constexpr std::array<Join, 13> kJoins{{
        {"can", "not", "cant"},
        {"can", "t", "cant"},
        {"could", "not", "couldnt"},
        {"couldn", "t", "couldnt"},
        {"do", "not", "dont"},
        {"don", "t", "dont"},
        {"does", "not", "doesnt"},
        {"did", "not", "didnt"},
        {"will", "not", "wont"},
        {"would", "not", "wouldnt"},
        {"any", "more", "anymore"},
        {"wan", "na", "wanna"},
        {"i", "m", "im"},
    }};
    Words out;
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
                    out.push_back(join.joined);
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
std::size_t matchAt(const Words& words, std::size_t i, std::string_view phrase) {
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

bool isExcluded(const Words& words, std::size_t i, std::size_t matched, std::string_view phrase) {
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
        case RiskCategory::None:
            return "none";
        case RiskCategory::Suicide:
            return "suicide";
        case RiskCategory::SelfHarm:
            return "self_harm";
        case RiskCategory::Abuse:
            return "abuse";
        case RiskCategory::Despair:
            return "despair";
    }
    return "none";
}

RiskAssessment assessRisk(std::string_view utf8) {
    SecretString folded;
    const WipeOnExit<SecretString> wipe(folded);
    const Words words = joinContractions(foldToWords(utf8, folded));
    RiskAssessment result;
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const RiskPhrase& phrase : kPhrases) {
            const std::size_t matched = matchAt(words, i, phrase.words);
            if (matched == 0 || isExcluded(words, i, matched, phrase.words)) {
                continue;
            }
            result.categories =
                static_cast<std::uint8_t>(result.categories | (1U << static_cast<unsigned>(phrase.category)));
            if (result.primary == RiskCategory::None || phrase.category < result.primary) {
                result.primary = phrase.category;
            }
        }
    }
    return result;
}

bool mentionsRisk(std::string_view utf8) {
    return assessRisk(utf8).atRisk();
}

}  // namespace reflect::core
