// htmlEscape: text made safe to place in HTML, shared by the printed report, the trust report and the phone page.
#pragma once

#include <string>
#include <string_view>

namespace reflect::core {

/// Escapes & < > " and ' so the text can stand in an element or a quoted attribute.
[[nodiscard]] std::string htmlEscape(std::string_view text);

}  // namespace reflect::core
