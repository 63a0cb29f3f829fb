// Decoding of application/x-www-form-urlencoded bodies from the phone page: strict, bounded, UTF-8 only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace reflect::companion {

struct FormLimits {
    std::size_t maxFields = 64;
    std::size_t maxNameBytes = 32;
    std::size_t maxValueBytes = 16 * 1024;
};

/// Decoded fields in body order. Values may hold what a person typed, so every byte is zeroed on destruction.
class FormData {
public:
    FormData() = default;
    FormData(const FormData&) = delete;
    FormData& operator=(const FormData&) = delete;
    FormData(FormData&&) noexcept = default;
    FormData& operator=(FormData&&) noexcept = default;
    ~FormData();

    /// The value of `name`, or nullptr when the form has no such field.
    [[nodiscard]] const std::string* find(std::string_view name) const;
    [[nodiscard]] std::size_t size() const noexcept { return m_fields.size(); }
    void add(std::string name, std::string value);

private:
    struct Field {
        std::string name;
        std::string value;
    };
    std::vector<Field> m_fields;
};

/// Refuses (with a message a person can act on) a malformed escape, a field without '=' semantics that cannot
/// be read, a repeated field name, too many or too long fields, and any name or value that is not valid UTF-8.
[[nodiscard]] core::Result<FormData> decodeForm(std::string_view body, const FormLimits& limits = {});

/// Code points in valid UTF-8 text: what "2 000 characters" means to the person typing.
[[nodiscard]] std::size_t countCodePoints(std::string_view utf8) noexcept;

/// True when `token` uses only the characters our random tokens are made of (letters, digits, '-', '_', '.').
[[nodiscard]] bool isTokenShaped(std::string_view token, std::size_t maxBytes = 128) noexcept;

}  // namespace reflect::companion
