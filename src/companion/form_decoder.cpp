// A hand-written scanner for urlencoded forms (no regex on user text); every limit is checked before allocating.
#include "companion/form_decoder.hpp"

#include <utility>

#include "core/contribute/secret_text.hpp"
#include "core/text/utf8.hpp"

namespace reflect::companion {

namespace {

constexpr std::string_view kDamaged = "The form arrived damaged. Please go back and send it again.";

int hexValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Percent-decodes one name or value into `out`; false on a broken escape or when `maxBytes` would be passed.
bool percentDecode(std::string_view in, std::size_t maxBytes, std::string& out) {
    out.clear();
    if (in.size() > maxBytes * 3) return false;  // even fully escaped, it could not fit
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= in.size()) return false;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0) return false;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            out.push_back(c);
        }
        if (out.size() > maxBytes) return false;
    }
    return true;
}

}  // namespace

FormData::~FormData() {
    for (Field& field : m_fields) core::wipeText(field.value);
}

const std::string* FormData::find(std::string_view name) const {
    for (const Field& field : m_fields)
        if (field.name == name) return &field.value;
    return nullptr;
}

void FormData::add(std::string name, std::string value) {
    m_fields.push_back(Field{std::move(name), std::move(value)});
}

core::Result<FormData> decodeForm(std::string_view body, const FormLimits& limits) {
    FormData form;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view pair = body.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;  // "a=1&&b=2": browsers never send it, but it hides nothing
        if (form.size() >= limits.maxFields) return core::fail("The form has more fields than this page sends.");
        const std::size_t eq = pair.find('=');
        const std::string_view rawName = pair.substr(0, eq);
        const std::string_view rawValue = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        std::string name;
        std::string value;
        if (!percentDecode(rawName, limits.maxNameBytes, name) || name.empty())
            return core::fail(std::string(kDamaged));
        if (!percentDecode(rawValue, limits.maxValueBytes, value)) {
            core::wipeText(value);
            return core::fail("A field is longer than this page accepts. Please shorten it and send it again.");
        }
        if (!core::isValidUtf8(name) || !core::isValidUtf8(value)) {
            core::wipeText(value);
            return core::fail("The text could not be read (it is not valid UTF-8). Please type it again.");
        }
        if (form.find(name) != nullptr) {
            core::wipeText(value);
            return core::fail(std::string(kDamaged));
        }
        form.add(std::move(name), std::move(value));
    }
    return form;
}

std::size_t countCodePoints(std::string_view utf8) noexcept {
    std::size_t count = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
    return count;
}

bool isTokenShaped(std::string_view token, std::size_t maxBytes) noexcept {
    if (token.empty() || token.size() > maxBytes) return false;
    for (const char c : token) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace reflect::companion
