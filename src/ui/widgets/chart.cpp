// Chart widgets implementation.
#include "ui/widgets/chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {
/// A round number at or above `v` (1, 2, 5 times a power of ten), so axis ticks read easily.
double niceCeiling(double v) {
    if (v <= 0) return 1;
    const double power = std::pow(10.0, std::floor(std::log10(v)));
    for (const double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= v) return step * power;
    return 10 * power;
}

std::string tickText(double v, const std::string& suffix) {
    if (std::fabs(v - std::round(v)) < 1e-9)
        return fmt::format("{}{}", static_cast<long long>(std::llround(v)), suffix);
    return fmt::format("{:.1f}{}", v, suffix);
}
}  // namespace

void barChart(const UiContext& ui, const char* id, const BarChartSpec& spec, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (ui.hits) (*ui.hits)[id] = ImVec4(a.x, a.y, size.x, size.y);
    panelBackground(a, ImVec2(a.x + size.x, a.y + size.y), p.surface, p.border, 12.0f * m.scale, 1.5f);

    ImFont* small = f.small;
    const float fs = small->FontSize;
    const float inner = m.gap;
    // Title and the legend on the first line; the y label on the second, above the axis.
    dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(a.x + inner, a.y + inner * 0.5f), p.text,
                fitText(f.bodyBold, spec.title, size.x * 0.6f).c_str());
    float legendX = a.x + size.x - inner;
    for (auto it = spec.series.rbegin(); it != spec.series.rend() && spec.series.size() > 1; ++it) {
        const float w = textWidth(small, it->name);
        legendX -= w;
        const float ly = a.y + inner * 0.5f + (f.bodyBold->FontSize - fs) * 0.5f;
        dl->AddText(small, fs, ImVec2(legendX, ly), p.text, it->name.c_str());
        legendX -= fs * 1.2f;
        const ImVec2 s0(legendX, ly + fs * 0.15f), s1(legendX + fs * 0.8f, ly + fs * 0.85f);
        if (it->outlined)
            dl->AddRect(s0, s1, p.text, 0, 0, 2.0f);
        else
            dl->AddRectFilled(s0, s1, p.accent);
        legendX -= inner;
    }
    const float top = a.y + inner * 0.5f + f.bodyBold->FontSize + fs * 0.3f;
    dl->AddText(small, fs, ImVec2(a.x + inner, top), p.textMuted, spec.yLabel.c_str());

    double maxValue = 0;
    for (const auto& s : spec.series)
        for (const auto& v : s.values)
            if (!v.suppressed) maxValue = std::max(maxValue, v.value);
    const double ceiling = niceCeiling(maxValue);
    const float tickW = std::max(textWidth(small, tickText(ceiling, spec.valueSuffix)),
                                 textWidth(small, tickText(ceiling / 2, spec.valueSuffix)));
    const ImVec2 plotMin(a.x + inner + tickW + fs * 0.5f, top + fs * 1.6f);
    // Category labels: one row when they fit, else two staggered rows, else every k-th label.
    const std::size_t n = spec.categories.size();
    float widest = 0;
    for (const auto& c : spec.categories) widest = std::max(widest, textWidth(small, c));
    const float plotWidth = size.x - inner - (inner + tickW + fs * 0.5f);
    const float slotGuess = n > 0 ? plotWidth / static_cast<float>(n) : plotWidth;
    const bool oneRow = widest + fs <= slotGuess;
    const bool staggered = !oneRow && n > 1;
    const ImVec2 plotMax(a.x + size.x - inner, a.y + size.y - inner * 0.5f - fs * (staggered ? 3.6f : 2.4f));
    if (plotMax.y - plotMin.y < fs || plotMax.x - plotMin.x < fs) return;
    const float plotH = plotMax.y - plotMin.y;

    // Axes with three ticks: 0, half and the ceiling.
    for (int i = 0; i <= 2; ++i) {
        const double v = ceiling * i / 2.0;
        const float y = plotMax.y - plotH * static_cast<float>(i) / 2.0f;
        const std::string t = tickText(v, spec.valueSuffix);
        dl->AddText(small, fs, ImVec2(plotMin.x - fs * 0.4f - textWidth(small, t), y - fs * 0.5f), p.textMuted,
                    t.c_str());
        if (i > 0) dl->AddLine(ImVec2(plotMin.x, y), ImVec2(plotMax.x, y), p.border, 1.0f);
    }
    dl->AddLine(ImVec2(plotMin.x, plotMin.y), ImVec2(plotMin.x, plotMax.y), p.textMuted, 2.0f);
    dl->AddLine(ImVec2(plotMin.x, plotMax.y), ImVec2(plotMax.x, plotMax.y), p.textMuted, 2.0f);

    if (n > 0 && !spec.series.empty()) {
        const float slot = (plotMax.x - plotMin.x) / static_cast<float>(n);
        const float groupW = slot * 0.7f;
        const float barW = groupW / static_cast<float>(spec.series.size());
        const float labelRoom = staggered ? slot * 2.0f : slot;
        const auto every = static_cast<std::size_t>(std::max(1.0f, std::ceil((widest + fs) / labelRoom)));
        for (std::size_t i = 0; i < n; ++i) {
            const float x0 = plotMin.x + slot * static_cast<float>(i) + (slot - groupW) * 0.5f;
            for (std::size_t s = 0; s < spec.series.size(); ++s) {
                const auto& series = spec.series[s];
                if (i >= series.values.size()) continue;
                const ChartValue& v = series.values[i];
                const float bx = x0 + barW * static_cast<float>(s);
                if (v.suppressed) {
                    const float w = textWidth(f.bodyBold, "*");
                    dl->AddText(f.bodyBold, f.bodyBold->FontSize,
                                ImVec2(bx + (barW - w) * 0.5f, plotMax.y - f.bodyBold->FontSize), p.text, "*");
                    continue;
                }
                const float h = static_cast<float>(v.value / ceiling) * plotH;
                const ImVec2 b0(bx + 1.0f, plotMax.y - h), b1(bx + barW - 1.0f, plotMax.y);
                if (series.outlined)
                    dl->AddRect(b0, b1, p.text, 0, 0, 2.0f);
                else
                    dl->AddRectFilled(b0, b1, p.accent);
            }
            if (i % every == 0) {
                const std::string label =
                    fitText(small, spec.categories[i], labelRoom * static_cast<float>(every) - fs * 0.5f);
                const float w = textWidth(small, label);
                const float lx =
                    std::clamp(x0 + groupW * 0.5f - w * 0.5f, plotMin.x, std::max(plotMin.x, plotMax.x - w));
                const float row = staggered && (i / every) % 2 == 1 ? fs * 1.2f : 0.0f;
                dl->AddText(small, fs, ImVec2(lx, plotMax.y + fs * 0.2f + row), p.text, label.c_str());
            }
        }
    }
    const float xw = textWidth(small, spec.xLabel);
    dl->AddText(small, fs,
                ImVec2(plotMin.x + (plotMax.x - plotMin.x - xw) * 0.5f, plotMax.y + fs * (staggered ? 2.5f : 1.3f)),
                p.textMuted, spec.xLabel.c_str());
}

namespace {
/// Fills a part of a stacked bar in the style of part `style` (0 solid, 1 hatched, 2 outlined, 3 dotted).
void stackedPart(ImDrawList* dl, const Palette& p, int style, ImVec2 b0, ImVec2 b1) {
    switch (style % 4) {
        case 0:
            dl->AddRectFilled(b0, b1, p.accent);
            break;
        case 1: {
            dl->PushClipRect(b0, b1, true);
            const float h = b1.y - b0.y;
            for (float x = b0.x - h; x < b1.x; x += 7.0f)
                dl->AddLine(ImVec2(x, b1.y), ImVec2(x + h, b0.y), p.accent, 2.0f);
            dl->PopClipRect();
            dl->AddRect(b0, b1, p.accent, 0, 0, 2.0f);
            break;
        }
        case 2:
            dl->AddRect(b0, b1, p.text, 0, 0, 2.0f);
            break;
        default: {
            dl->PushClipRect(b0, b1, true);
            for (float y = b0.y + 4.0f; y < b1.y; y += 7.0f)
                for (float x = b0.x + 4.0f; x < b1.x; x += 7.0f) dl->AddCircleFilled(ImVec2(x, y), 1.4f, p.textMuted);
            dl->PopClipRect();
            dl->AddRect(b0, b1, p.textMuted, 0, 0, 1.0f);
            break;
        }
    }
}
}  // namespace

void stackedBars(const UiContext& ui, const char* id, const StackedBarSpec& spec, float width) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    ImFont* small = f.small;
    const float fs = small->FontSize;
    const float inner = m.gap;
    const float rowH = std::max(fs * 1.5f, 28.0f);
    const float rowGap = fs * 0.35f;
    const float headH = inner * 0.5f + f.bodyBold->FontSize + fs * 0.6f;
    const float height = headH + static_cast<float>(spec.rows.size()) * (rowH + rowGap) + inner * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    if (ui.hits) (*ui.hits)[id] = ImVec4(a.x, a.y, width, height);
    panelBackground(a, ImVec2(a.x + width, a.y + height), p.surface, p.border, 12.0f * m.scale, 1.5f);
    dl->AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(a.x + inner, a.y + inner * 0.5f), p.text,
                fitText(f.bodyBold, spec.title, width * 0.45f).c_str());
    // Legend, right-aligned on the title line: a swatch in each part's own style, then its name.
    float legendX = a.x + width - inner;
    const float ly = a.y + inner * 0.5f + (f.bodyBold->FontSize - fs) * 0.5f;
    for (std::size_t i = spec.parts.size(); i-- > 0;) {
        legendX -= textWidth(small, spec.parts[i]);
        dl->AddText(small, fs, ImVec2(legendX, ly), p.text, spec.parts[i].c_str());
        legendX -= fs * 1.6f;
        stackedPart(dl, p, static_cast<int>(i), ImVec2(legendX, ly + fs * 0.1f),
                    ImVec2(legendX + fs * 1.3f, ly + fs * 0.9f));
        legendX -= inner;
    }
    float labelW = 0;
    for (const auto& r : spec.rows) labelW = std::max(labelW, textWidth(small, r));
    labelW = std::min(labelW + fs, width * 0.4f);
    const float barX0 = a.x + inner + labelW;
    const float barX1 = a.x + width - inner;
    for (std::size_t r = 0; r < spec.rows.size(); ++r) {
        const float y0 = a.y + headH + static_cast<float>(r) * (rowH + rowGap);
        dl->AddText(small, fs, ImVec2(a.x + inner, y0 + (rowH - fs) * 0.5f), p.text,
                    fitText(small, spec.rows[r], labelW - fs * 0.5f).c_str());
        const auto& counts = r < spec.counts.size() ? spec.counts[r] : std::vector<std::int64_t>{};
        std::int64_t total = 0;
        for (const auto c : counts) total += std::max<std::int64_t>(0, c);
        if (total <= 0) continue;
        float x = barX0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] <= 0) continue;
            const float w = (barX1 - barX0) * static_cast<float>(counts[i]) / static_cast<float>(total);
            const ImVec2 b0(x, y0), b1(x + w, y0 + rowH);
            stackedPart(dl, p, static_cast<int>(i), b0, b1);
            // The count inside the part when it fits, on a plain patch so it reads over hatching and dots.
            const std::string text = std::to_string(counts[i]);
            const float tw = textWidth(small, text);
            if (tw + fs <= w) {
                const ImVec2 t0(x + (w - tw) * 0.5f, y0 + (rowH - fs) * 0.5f);
                const bool solid = i % 4 == 0;
                if (!solid)
                    dl->AddRectFilled(ImVec2(t0.x - 5.0f, t0.y - 1.0f), ImVec2(t0.x + tw + 5.0f, t0.y + fs + 1.0f),
                                      p.surface, 3.0f);
                dl->AddText(small, fs, t0, solid ? p.accentText : p.text, text.c_str());
            }
            x += w;
        }
    }
}

void trendLine(const UiContext& ui, const std::vector<ChartValue>& points, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    double maxValue = 0;
    for (const auto& v : points)
        if (!v.suppressed) maxValue = std::max(maxValue, v.value);
    if (points.empty()) return;
    const float step = points.size() > 1 ? size.x / static_cast<float>(points.size() - 1) : 0.0f;
    const float bottom = a.y + size.y - 2.0f;
    const float height = size.y - 4.0f;
    dl->AddLine(ImVec2(a.x, bottom), ImVec2(a.x + size.x, bottom), p.border, 1.0f);
    ImVec2 previous;
    bool havePrevious = false;
    ImFont* small = ui.theme.fonts.small;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const float x = a.x + step * static_cast<float>(i);
        if (points[i].suppressed) {
            dl->AddText(small, small->FontSize * 0.8f, ImVec2(x - 3.0f, bottom - small->FontSize * 0.7f), p.textMuted,
                        "*");
            havePrevious = false;
            continue;
        }
        const float y = bottom - (maxValue > 0 ? static_cast<float>(points[i].value / maxValue) * height : 0.0f);
        const ImVec2 pt(x, y);
        if (havePrevious) dl->AddLine(previous, pt, p.accent, 2.5f);
        dl->AddCircleFilled(pt, 2.5f, p.accent);
        previous = pt;
        havePrevious = true;
    }
}

void textTable(const UiContext& ui, const char* id, const std::vector<std::string>& headers,
               const std::vector<std::vector<std::string>>& rows) {
    const Palette& p = ui.theme.palette;
    if (headers.empty()) return;
    ScopedTable table(id, static_cast<int>(headers.size()),
                      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp);
    if (!table.open()) return;
    for (const auto& h : headers) ImGui::TableSetupColumn(h.c_str());
    {
        ScopedStyleColor c(ImGuiCol_Text, p.textMuted);
        ImGui::TableHeadersRow();
    }
    for (const auto& row : rows) {
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < headers.size(); ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c));
            if (c < row.size()) ImGui::TextWrapped("%s", row[c].c_str());
        }
    }
}

}  // namespace reflect::ui
