// The normalised view the scanners read (look-alikes folded, invisible characters skipped, offsets kept back to
// the original bytes) and the token list built over it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/contribute/secret_text.hpp"

namespace reflect::core::scan {

struct View {
    SecretU32String text;           // normalised code points (raw text: zeroed when freed)
    std::vector<std::size_t> from;  // original byte offset where text[i] starts
    std::vector<std::size_t> to;    // original byte offset where text[i] ends
};

/// The normalised view of `original` (see normaliseForMatching), with the byte span of every code point.
View buildView(std::string_view original);

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
std::vector<Token> tokenize(const SecretU32String& t);

}  // namespace reflect::core::scan
