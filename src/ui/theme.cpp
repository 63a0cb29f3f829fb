// Theme implementation: palettes, metrics, font atlas and ImGui style.
#include "ui/theme.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

namespace reflect::ui {

namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
    return IM_COL32(r, g, b, 255);
}
ImVec4 vec(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}
}  // namespace

Palette calmPalette() {
    // A dim slate-teal room colour: low glare on a big screen in a quiet room, text at about 13:1 contrast.
    return Palette{
        .background = rgb(0x1d, 0x2a, 0x2f),
        .surface = rgb(0x26, 0x36, 0x3c),
        .surfaceRaised = rgb(0x31, 0x45, 0x4c),
        .border = rgb(0x46, 0x5d, 0x64),
        .text = rgb(0xf1, 0xf4, 0xf1),
        .textMuted = rgb(0xb4, 0xc4, 0xc3),
        .accent = rgb(0x8c, 0xc6, 0xb0),
        .accentText = rgb(0x10, 0x24, 0x1e),
        .focus = rgb(0xf4, 0xd9, 0x8b),
        .amber = rgb(0xf2, 0xb8, 0x5a),
        // Light enough for 4.5:1 on a raised surface, where the End button's label sits.
        .overtime = rgb(0xf5, 0xa8, 0x98),
        .danger = rgb(0xf4, 0xa0, 0x8f),
        .good = rgb(0x9f, 0xd8, 0xa8),
    };
}

Palette highContrastPalette() {
    return Palette{
        .background = rgb(0x00, 0x00, 0x00),
        .surface = rgb(0x0c, 0x0c, 0x0c),
        .surfaceRaised = rgb(0x26, 0x26, 0x26),
        .border = rgb(0xff, 0xff, 0xff),
        .text = rgb(0xff, 0xff, 0xff),
        .textMuted = rgb(0xe6, 0xe6, 0xe6),
        .accent = rgb(0xff, 0xe1, 0x00),
        .accentText = rgb(0x00, 0x00, 0x00),
        .focus = rgb(0x00, 0xe5, 0xff),
        .amber = rgb(0xff, 0xc4, 0x00),
        .overtime = rgb(0xff, 0x8a, 0x8a),
        .danger = rgb(0xff, 0x8a, 0x8a),
        .good = rgb(0x7d, 0xff, 0x9a),
    };
}

FontFiles findSystemFonts() {
    struct Pair {
        const char* regular;
        const char* bold;
    };
    constexpr std::array<Pair, 2> candidates{{
        {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    }};
    std::error_code ec;
    const char* symbols = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    const std::string symbolFile = std::filesystem::exists(symbols, ec) ? symbols : "";
    for (const auto& c : candidates)
        if (std::filesystem::exists(c.regular, ec))
            return {c.regular, std::filesystem::exists(c.bold, ec) ? c.bold : c.regular, symbolFile};
    return {};
}

Metrics Metrics::forScreen(float framebufferHeight, float userScale) {
    Metrics m;
    const float s = std::clamp(framebufferHeight / 1080.0f, 0.5f, 4.0f) * std::clamp(userScale, 0.5f, 4.0f);
    m.scale = s;
    m.small = std::max(16.0f, 26.0f * s);
    m.body = std::max(18.0f, 34.0f * s);
    m.heading = std::max(24.0f, 48.0f * s);
    m.title = std::max(30.0f, 66.0f * s);
    // A quarter of the screen at the default scale; grows with --scale but never past the screen.
    // The font size is the line height; digits are about 70% of it, so 0.36 gives digits a quarter of the screen.
    m.timer = std::min(framebufferHeight * 0.45f,
                       std::max(64.0f, framebufferHeight * 0.36f * std::clamp(userScale, 0.5f, 1.25f)));
    m.pad = 36.0f * s;
    m.gap = 18.0f * s;
    m.touch = std::max(48.0f, 76.0f * s);
    return m;
}

FontSet buildFonts(ImFontAtlas& atlas, const FontFiles& files, const Metrics& metrics) {
    atlas.Clear();
    FontSet fonts;
    // Latin-1, Latin Extended-A (Łukasz, Wojciech, Siobhán), general punctuation and arrows.
    static constexpr ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0};
    // The timer shows only digits, ':', '+' and a minus: at a quarter of the screen each glyph is large, so its
    // range is kept to what it draws.
    static constexpr ImWchar kTimerRanges[] = {0x0020, 0x0020, 0x002B, 0x002E, 0x0030, 0x003A, 0};
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // Noto Sans has no arrows, minus sign, stepper triangles or tick; those few glyphs are merged in from DejaVu Sans.
    static constexpr ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x2212, 0x2212, 0x25B6, 0x25B6,
                                                0x25C0, 0x25C0, 0x2713, 0x2713, 0};
    static constexpr ImWchar kTimerSymbolRanges[] = {0x2212, 0x2212, 0};
    auto add = [&](const std::string& file, float size, const ImWchar* ranges) -> ImFont* {
        const bool timer = ranges == kTimerRanges;
        // Horizontal oversampling sharpens small text; headings, titles and the timer are large enough without
        // it, and it would double their share of the font texture.
        config.OversampleH = size >= metrics.heading ? 1 : 2;
        ImFont* font = nullptr;
        if (!file.empty()) font = atlas.AddFontFromFileTTF(file.c_str(), size, &config, ranges);
        if (!font) {
            ImFontConfig fallback;
            fallback.SizePixels = size;
            return atlas.AddFontDefault(&fallback);
        }
        if (!files.symbols.empty()) {
            ImFontConfig merge = config;
            merge.MergeMode = true;
            atlas.AddFontFromFileTTF(files.symbols.c_str(), size, &merge, timer ? kTimerSymbolRanges : kSymbolRanges);
        }
        return font;
    };
    fonts.body = add(files.regular, metrics.body, kTextRanges);
    fonts.small = add(files.regular, metrics.small, kTextRanges);
    fonts.bodyBold = add(files.bold, metrics.body, kTextRanges);
    fonts.heading = add(files.bold, metrics.heading, kTextRanges);
    fonts.title = add(files.bold, metrics.title, kTextRanges);
    fonts.timer = add(files.bold, metrics.timer, kTimerRanges);
    atlas.Build();
    return fonts;
}

void applyStyle(ImGuiStyle& style, const Palette& p, const Metrics& m) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(m.pad, m.pad);
    style.FramePadding = ImVec2(16.0f * m.scale, 12.0f * m.scale);
    style.ItemSpacing = ImVec2(m.gap, m.gap);
    style.ItemInnerSpacing = ImVec2(m.gap * 0.6f, m.gap * 0.6f);
    style.FrameRounding = 10.0f * m.scale;
    style.ChildRounding = 14.0f * m.scale;
    style.WindowRounding = 0;
    style.PopupRounding = 14.0f * m.scale;
    style.GrabRounding = 8.0f * m.scale;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = std::max(1.0f, 2.0f * m.scale);
    style.ChildBorderSize = std::max(1.0f, 2.0f * m.scale);
    style.ScrollbarSize = std::max(18.0f, 28.0f * m.scale);
    style.ScrollbarRounding = 10.0f * m.scale;
    // Touch screens on Linux arrive as a mouse: a little slack around every target helps fingers.
    style.TouchExtraPadding = ImVec2(4.0f * m.scale, 4.0f * m.scale);
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_TextDisabled] = vec(p.textMuted);
    c[ImGuiCol_WindowBg] = vec(p.background);
    c[ImGuiCol_ChildBg] = vec(p.surface);
    c[ImGuiCol_PopupBg] = vec(p.surface);
    c[ImGuiCol_Border] = vec(p.border);
    c[ImGuiCol_FrameBg] = vec(p.surfaceRaised);
    c[ImGuiCol_FrameBgHovered] = vec(p.surfaceRaised);
    c[ImGuiCol_FrameBgActive] = vec(p.surfaceRaised);
    c[ImGuiCol_Button] = vec(p.surfaceRaised);
    c[ImGuiCol_ButtonHovered] = vec(p.border);
    c[ImGuiCol_ButtonActive] = vec(p.border);
    c[ImGuiCol_Header] = vec(p.surfaceRaised);
    c[ImGuiCol_HeaderHovered] = vec(p.surfaceRaised);
    c[ImGuiCol_HeaderActive] = vec(p.border);
    c[ImGuiCol_ScrollbarBg] = vec(p.surface);
    c[ImGuiCol_ScrollbarGrab] = vec(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = vec(p.textMuted);
    c[ImGuiCol_ScrollbarGrabActive] = vec(p.textMuted);
    c[ImGuiCol_CheckMark] = vec(p.accent);
    c[ImGuiCol_SliderGrab] = vec(p.accent);
    c[ImGuiCol_SliderGrabActive] = vec(p.accent);
    c[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4((p.focus & 0x00ffffffu) | 0x66000000u);
    c[ImGuiCol_NavHighlight] = vec(p.focus);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
    c[ImGuiCol_TableHeaderBg] = vec(p.surfaceRaised);
    c[ImGuiCol_TableBorderStrong] = vec(p.border);
    c[ImGuiCol_TableBorderLight] = vec(p.border);
    c[ImGuiCol_TableRowBg] = vec(p.surface);
    c[ImGuiCol_TableRowBgAlt] = vec(p.surface);
    c[ImGuiCol_PlotHistogram] = vec(p.accent);
    c[ImGuiCol_PlotLines] = vec(p.accent);
}

}  // namespace reflect::ui
