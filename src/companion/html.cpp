// The page shell and stylesheet: one column, large type, strong focus rings, nothing loaded from elsewhere.
#include "companion/html.hpp"

#include "core/text/html_escape.hpp"

namespace reflect::companion {

std::string escapeHtml(std::string_view text) {
    return core::htmlEscape(text);
}

std::string layout(std::string_view title, std::string_view skipLabel, std::string_view bodyHtml) {
    std::string page;
    page.reserve(bodyHtml.size() + 600);
    page +=
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>";
    page += escapeHtml(title);
    page +=
        "</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">";
    page += escapeHtml(skipLabel);
    page += "</a>\n<main id=\"main\">\n";
    page += bodyHtml;
    page += "</main>\n</body>\n</html>\n";
    return page;
}

std::string_view styleSheet() noexcept {
    // Colours chosen for contrast: #1b1b1b on #f7f5f0 is 16:1, white on #1d4f73 is 8.9:1, #7a2e0e on #fbeee6 is
    // 8.4:1; the focus ring (#b35900 then #1b1b1b) shows on every background used here.
    return R"css(:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f7f5f0; color: #1b1b1b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.125rem; line-height: 1.5; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
p, ul { margin: 0 0 1rem; }
a { color: #1d4f73; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #1d4f73; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: block; padding: 0.5rem; background: #ffffff; }
:focus { outline: 3px solid #b35900; outline-offset: 2px; }
:focus:not(:focus-visible) { outline: none; }
:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
label, legend { display: block; font-weight: 600; margin: 0 0 0.25rem; }
textarea { width: 100%; min-height: 10rem; font: inherit; color: #1b1b1b; background: #ffffff; border: 2px solid #4d4d4d; border-radius: 0.25rem; padding: 0.5rem; }
fieldset { border: 2px solid #767676; border-radius: 0.25rem; margin: 0 0 1rem; padding: 0.5rem 0.75rem; min-width: 0; }
fieldset label { font-weight: 400; display: flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; }
input[type=radio] { width: 1.5rem; height: 1.5rem; margin: 0; accent-color: #1d4f73; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; }
button, .button { display: inline-block; min-height: 2.75rem; padding: 0.5rem 1rem; font: inherit; font-weight: 600; border-radius: 0.25rem; border: 2px solid #1d4f73; background: #1d4f73; color: #ffffff; cursor: pointer; text-decoration: none; }
a.button, a.button:visited { color: #ffffff; }
button.secondary { background: #ffffff; color: #1d4f73; }
.menu { list-style: none; padding: 0; }
.menu li { margin: 0 0 0.75rem; }
.menu a { display: block; padding: 0.75rem 1rem; background: #ffffff; border: 2px solid #1d4f73; border-radius: 0.25rem; font-weight: 600; }
.saved { background: #ffffff; border: 2px solid #767676; border-radius: 0.25rem; padding: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.gone { text-decoration: line-through; overflow-wrap: anywhere; }
.notice { background: #fbeee6; color: #7a2e0e; border-left: 6px solid #7a2e0e; padding: 0.75rem; }
.alert { background: #fbeee6; color: #7a2e0e; border: 3px solid #7a2e0e; padding: 0.75rem; font-weight: 600; }
.clock { font-size: 2.5rem; font-weight: 700; font-variant-numeric: tabular-nums; margin: 0.25rem 0; }
dl { margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0 0 0.75rem; }
)css";
}

}  // namespace reflect::companion
