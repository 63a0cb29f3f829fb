// WCAG contrast of every text colour against every background it is drawn on, in both themes.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ui/theme.hpp"

using namespace reflect;

namespace {
double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

/// Relative luminance as WCAG 2 defines it, from an ImGui packed colour (ABGR, alpha ignored).
double luminance(ImU32 colour) {
    const unsigned r = colour & 0xffu, g = (colour >> 8) & 0xffu, b = (colour >> 16) & 0xffu;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    std::string what;
    ImU32 text;
    ImU32 background;
};

/// Every text-on-background combination the widgets and screens draw.
std::vector<Pair> pairsOf(const ui::Palette& p) {
    std::vector<Pair> pairs;
    const std::vector<std::pair<std::string, ImU32>> backgrounds = {
        {"background", p.background}, {"surface", p.surface}, {"surfaceRaised", p.surfaceRaised}};
    // Text colours that screens place on any plain surface: body, muted, and the state colours for
    // overtime, two minutes left, failures, saved and the selected card's tick.
    const std::vector<std::pair<std::string, ImU32>> texts = {
        {"text", p.text},         {"textMuted", p.textMuted}, {"danger", p.danger}, {"amber", p.amber},
        {"overtime", p.overtime}, {"good", p.good},           {"focus", p.focus}};
    for (const auto& [tn, t] : texts)
        for (const auto& [bn, b] : backgrounds) pairs.push_back({tn + " on " + bn, t, b});
    pairs.push_back({"primary button label and hint", p.accentText, p.accent});
    pairs.push_back({"End button label", p.danger, p.surfaceRaised});
    pairs.push_back({"quiet button label", p.textMuted, p.surface});
    pairs.push_back({"disabled button label and hint", p.textMuted, p.surface});
    pairs.push_back({"secondary button hint", p.textMuted, p.surfaceRaised});
    pairs.push_back({"chart label on a solid bar", p.accentText, p.accent});
    return pairs;
}
}  // namespace

TEST_CASE("contrast helper matches WCAG's reference values", "[ui][contrast]") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) == Approx(4.48).margin(0.01));
}

TEST_CASE("every text in both themes is at least 4.5 to 1 against its background", "[ui][contrast]") {
    for (const auto& [theme, palette] :
         {std::pair{"calm", ui::calmPalette()}, std::pair{"high contrast", ui::highContrastPalette()}}) {
        for (const auto& pair : pairsOf(palette)) {
            INFO(theme << ": " << pair.what << " is " << contrast(pair.text, pair.background) << ":1");
            CHECK(contrast(pair.text, pair.background) >= 4.5);
        }
    }
}

TEST_CASE("the high-contrast theme is at least 7 to 1 for body text", "[ui][contrast]") {
    const auto p = ui::highContrastPalette();
    for (const ImU32 bg : {p.background, p.surface, p.surfaceRaised}) {
        CHECK(contrast(p.text, bg) >= 7.0);
        CHECK(contrast(p.textMuted, bg) >= 7.0);
    }
}
