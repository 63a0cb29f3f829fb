// HTML building blocks for the phone page: escaping, the shared layout and the one stylesheet.
#pragma once

#include <string>
#include <string_view>

namespace reflect::companion {

/// A rendered page: an HTTP status and a complete HTML document (or, for redirects, the target in `location`).
struct Page {
    unsigned status = 200;
    std::string body;
    std::string location;   ///< non-empty: a 303 See Other to this path
    std::string setCookie;  ///< non-empty: one Set-Cookie header value
};

/// Escapes &, <, >, " and ' so any text, typed or configured, is shown as text.
[[nodiscard]] std::string escapeHtml(std::string_view text);

/// A whole document: lang, viewport, the stylesheet, a skip link and `main` holding `bodyHtml`.
[[nodiscard]] std::string layout(std::string_view title, std::string_view skipLabel, std::string_view bodyHtml);

/// The only stylesheet, served at /style.css so the Content-Security-Policy can forbid inline styles.
[[nodiscard]] std::string_view styleSheet() noexcept;

}  // namespace reflect::companion
