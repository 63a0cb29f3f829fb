// Builds the normalised view of a text and its tokens; folds name characters to ASCII for the gazetteer.
#include "core/privacy/text_view.hpp"

#include "core/privacy/char_classes.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core::scan {

// Folds one code point of a name to ASCII for the gazetteer lookup ("Ł" -> "L", "ß" -> "ss"). Combining accents
// (decomposed "Zoë") vanish. Returns false for characters with no sensible ASCII form.
bool appendFolded(SecretString& out, char32_t c) {
    if (c < 0x80U) {
        out.push_back(static_cast<char>(c));
        return true;
    }
    if (isCombiningMark(c)) {
        return true;
    }
    if (c >= 0xC0U && c <= 0xFFU) {
        switch (c) {
            case 0xC6U:
                out += "AE";
                return true;
            case 0xDEU:
                out += "Th";
                return true;
            case 0xDFU:
                out += "ss";
                return true;
            case 0xE6U:
                out += "ae";
                return true;
            case 0xFEU:
                out += "th";
                return true;
            case 0xD7U:
            case 0xF7U:
                return false;
            default:
                break;
        }
        constexpr std::string_view kLatin1 = "AAAAAA*CEEEEIIIIDNOOOOO*OUUUUY**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
        out.push_back(kLatin1[c - 0xC0U]);
        return true;
    }
    if (c >= 0x0100U && c <= 0x017FU) {
        switch (c) {
            case 0x0132U:
                out += "IJ";
                return true;
            case 0x0133U:
                out += "ij";
                return true;
            case 0x0152U:
                out += "OE";
                return true;
            case 0x0153U:
                out += "oe";
                return true;
            default:
                break;
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

std::vector<Token> tokenize(const SecretU32String& t) {
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

}  // namespace reflect::core::scan
