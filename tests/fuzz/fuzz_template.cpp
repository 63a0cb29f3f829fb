// Fuzz target: the session-template parser. Any bytes give a template or one issue; never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "core/templates/template_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = reflect::core::parseTemplate(text, "fuzz.toml");
    if (const auto* issue = std::get_if<reflect::core::TemplateIssue>(&parsed)) {
        if (issue->toString().empty()) std::abort();  // an issue must say something
    }
    return 0;
}
