// UTF-8 checks and clean-up shared by the scrubber, the command line and every place that takes typed text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reflect::core {

/// One code point read from UTF-8. An ill-formed sequence reads as U+FFFD with valid == false; its length is the
/// "maximal subpart" Unicode recommends, so a cut-off three-byte sequence becomes one replacement character, not two.
struct Utf8Char {
    char32_t codePoint = 0;
    std::size_t length = 0;
    bool valid = false;
};

inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

/// Reads the code point starting at byte `offset` (which must be < text.size()).
[[nodiscard]] Utf8Char decodeUtf8(std::string_view text, std::size_t offset) noexcept;

/// Appends `codePoint` as UTF-8; surrogates and values past U+10FFFF are written as U+FFFD.
void appendUtf8(std::string& out, char32_t codePoint);

/// `text` without leading and trailing spaces, tabs and line breaks (the one trim for typed names and notes).
[[nodiscard]] std::string_view trimBlanks(std::string_view text) noexcept;

/// True when `text` is well-formed UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
[[nodiscard]] bool isValidUtf8(std::string_view text) noexcept;

/// What sanitising does with one code point.
///
/// Decisions, and why:
/// - Tab and line feed stay: people paste paragraphs and lists.
/// - CR followed by LF is dropped (Windows line ends become plain LF). A lone CR, vertical tab, form feed, NEL
///   (U+0085) and the Unicode line/paragraph separators (U+2028, U+2029) become a space: dropping them would glue
///   two words together, and turning them into LF would break `redact --lines` (one output line per input line).
/// - Every other C0 control, DEL and every C1 control is dropped: they have no meaning in a reflection and some
///   terminals act on them.
/// - The bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) are dropped: they can
///   make the shared screen show characters in a different order from the text that was scrubbed and stored
///   ("Trojan Source"). The plain marks LRM, RLM and ALM stay, because mixed Arabic/Hebrew and English text needs
///   them and they cannot reorder a run.
/// - Zero-width joiners, variation selectors and emoji stay: the woman-health-worker emoji is three code points joined
///   by ZWJ and must still draw as one. The scrubber looks through zero-width characters when it searches for
///   identifiers, so keeping them hides nothing.
enum class ControlHandling { Keep, Drop, Space };

/// The decision above for `codePoint`; `next` is the code point after it (0 at the end of the text).
[[nodiscard]] ControlHandling controlHandling(char32_t codePoint, char32_t next) noexcept;

/// Applies controlHandling() to every code point and repairs ill-formed UTF-8 with U+FFFD, so the result is always
/// valid UTF-8 that is safe to draw and to store.
[[nodiscard]] std::string sanitiseControlCharacters(std::string_view text);

/// sanitiseControlCharacters() appending to `out`, for callers that build text piece by piece.
void appendSanitised(std::string& out, std::string_view text);

}  // namespace reflect::core
