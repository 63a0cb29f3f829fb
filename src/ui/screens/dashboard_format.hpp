// Shared formatting for the dashboard's top bar and panels: cells as chart values, shares and changes in words.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/review/dashboard.hpp"
#include "ui/ui_context.hpp"
#include "ui/widgets/chart.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui::dashboard_format {

inline const char* periodLabelKey(core::PeriodKind kind) {
    switch (kind) {
        case core::PeriodKind::Month:
            return "lead.period_month";
        case core::PeriodKind::Quarter:
            return "lead.period_quarter";
        case core::PeriodKind::Year:
            return "lead.period_year";
    }
    return "lead.period_month";
}

inline ChartValue chartValue(const core::Cell& cell) {
    return ChartValue{static_cast<double>(cell.value), cell.suppressed};
}
inline std::string minutes(double m) {
    return fmt::format("{:.1f}", m);
}
inline std::string percent(double share) {
    return fmt::format("{:.0f}%", share * 100.0);
}

/// A change in percentage points with its sign and a word, so it never rests on colour alone.
inline std::string changeText(double points) {
    if (points >= 0.5) return fmt::format("+{:.0f} pts, up", points);
    if (points <= -0.5) return fmt::format("{:.0f} pts, down", points);
    return "0 pts, same";
}

/// This period's share of sessions against the last: "34% (+5 pts, up)".
inline std::string shareChangeText(const core::TagRow& row) {
    if (!row.shareNow) return "-";
    if (!row.shareBefore) return fmt::format("{:.0f}%", *row.shareNow);
    return fmt::format("{:.0f}% ({})", *row.shareNow, changeText(*row.shareNow - *row.shareBefore));
}

inline std::string returnRateText(const core::SessionsRow& row) {
    const auto rate = row.returnRate();
    return rate ? fmt::format("{:.0f}", *rate) : "-";
}

inline float chartHeight(const UiContext& ui) {
    return std::max(220.0f, std::min(ImGui::GetIO().DisplaySize.y * 0.36f, 420.0f * ui.theme.metrics.scale));
}

inline void heading(const UiContext& ui, std::string_view text, float width) {
    wrappedText(ui.theme.fonts.bodyBold, text, ui.theme.palette.text, width);
}

}  // namespace reflect::ui::dashboard_format
