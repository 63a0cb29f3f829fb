// PageRenderer: every page of the phone surface, in the kiosk's own words (assets/strings/en-GB/*.toml).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "companion/companion_port.hpp"
#include "companion/html.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/text/string_table.hpp"

namespace reflect::companion {

inline constexpr std::size_t kMaxContributionChars = 2000;

/// Pages only render; they decide nothing and keep nothing. Typed text appears only on the page of the person who
/// typed it (the preview), escaped.
class PageRenderer {
public:
    explicit PageRenderer(const core::StringTable& strings) : m_strings(strings) {}

    // Staff
    [[nodiscard]] Page home(const PhoneState& state) const;
    [[nodiscard]] Page writeForm(const std::string& joinToken, const std::string& formToken, std::string_view draft,
                                 std::string_view notice, unsigned status = 200) const;
    [[nodiscard]] Page preview(const std::string& joinToken, const std::string& formToken, std::string_view draft,
                               const core::ScrubResult& scrubbed, const std::string& digest,
                               std::string_view notice) const;
    [[nodiscard]] Page contributionThanks() const;
    [[nodiscard]] Page evaluationForm(const std::string& joinToken, const std::string& formToken,
                                      const std::vector<std::string>& statements) const;
    [[nodiscard]] Page evaluationThanks() const;
    [[nodiscard]] Page support(const std::vector<std::pair<std::string, std::string>>& signposts) const;

    // Facilitator
    [[nodiscard]] Page pairForm(const std::string& pairToken, const std::string& formToken) const;
    [[nodiscard]] Page remote(const PhoneState& state, const std::string& formToken) const;

    /// A refusal or a closed link: a heading, one sentence a person can act on, and the way back.
    [[nodiscard]] Page message(unsigned status, std::string_view headingKey, std::string_view bodyText) const;
    [[nodiscard]] const core::StringTable& strings() const noexcept { return m_strings; }

private:
    [[nodiscard]] std::string text(std::string_view key) const { return escapeHtml(m_strings.get(key)); }
    [[nodiscard]] std::string document(std::string_view heading, std::string_view bodyHtml) const;
    [[nodiscard]] std::string ratingFieldset(std::string_view name, std::string_view legendHtml,
                                             const char* const* labelKeys) const;

    const core::StringTable& m_strings;
};

}  // namespace reflect::companion
