// Small charts for the lead review, drawn with ImDrawList: labelled bar charts (one or two series) and trend
// lines. A suppressed value is drawn as '*' on the axis and never as a bar or a point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ui/ui_context.hpp"

namespace reflect::ui {

struct ChartValue {
    double value = 0;
    bool suppressed = false;
};

struct ChartSeries {
    std::string name;  ///< shown in the legend
    std::vector<ChartValue> values;
    bool outlined = false;  ///< drawn as an outline, so two series differ by shape as well as colour
};

struct BarChartSpec {
    std::string title;
    std::string xLabel;
    std::string yLabel;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;  ///< one or two, each aligned with categories
    std::string valueSuffix;          ///< e.g. "%" on the axis ticks
};

/// Draws the chart into a box of `size` at the cursor and moves the cursor below it.
void barChart(const UiContext& ui, const char* id, const BarChartSpec& spec, ImVec2 size);

/// Horizontal 100% stacked bars, one row per label. Up to four parts, each drawn its own way (solid, hatched,
/// outlined, dotted) and shown in the legend the same way, with its count written inside when it fits, so no
/// part is told from another by colour alone.
struct StackedBarSpec {
    std::string title;
    std::vector<std::string> parts;                 ///< legend names, in drawing order
    std::vector<std::string> rows;                  ///< one label per bar
    std::vector<std::vector<std::int64_t>> counts;  ///< per row, one count per part
};

/// Draws the chart `width` wide at the cursor (as tall as its rows need) and moves the cursor below it.
void stackedBars(const UiContext& ui, const char* id, const StackedBarSpec& spec, float width);

/// A small trend line for a table cell; suppressed points leave a gap marked with '*'.
void trendLine(const UiContext& ui, const std::vector<ChartValue>& points, ImVec2 size);

/// BeginTable() needs EndTable() only when it returned true.
class ScopedTable {
public:
    ScopedTable(const char* id, int columns, ImGuiTableFlags flags, ImVec2 outer = ImVec2(0, 0))
        : m_open(ImGui::BeginTable(id, columns, flags, outer)) {}
    ~ScopedTable() {
        if (m_open) ImGui::EndTable();
    }
    [[nodiscard]] bool open() const noexcept { return m_open; }
    ScopedTable(const ScopedTable&) = delete;
    ScopedTable& operator=(const ScopedTable&) = delete;

private:
    bool m_open;
};

/// A table of text: one header row, then rows of cells (a row shorter than the header leaves blanks).
void textTable(const UiContext& ui, const char* id, const std::vector<std::string>& headers,
               const std::vector<std::vector<std::string>>& rows);

}  // namespace reflect::ui
