// Dashboard: what the lead review screen shows, computed from the suppressed review queries (review.hpp) for
// one filter and one panel at a time. Headless: the controller owns it and refreshes it; the UI only reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/contribute/codebook.hpp"
#include "core/review/audit_log.hpp"
#include "core/review/review.hpp"
#include "core/storage/database.hpp"
#include "core/text/time_format.hpp"

namespace reflect::core {

/// The panels, in the order of their keys 1..8.
enum class DashboardPanel { Sessions, Themes, Search, Actions, Evaluations, Timing, Checklist, Audit };
inline constexpr int kDashboardPanels = 8;

/// The first day shown for a period kind: the last 12 months, the last 8 quarters, or everything for years.
[[nodiscard]] std::optional<std::string> defaultFromFor(PeriodKind period, WallMs now);

/// A first and a last calendar month, each written YYYY-MM: a lead's custom period on the dashboard.
struct MonthRange {
    std::string first;
    std::string last;
    bool operator==(const MonthRange&) const = default;
};

/// The last 12 months, including the month of `now`.
[[nodiscard]] MonthRange defaultCustomRange(WallMs now);
/// The months the figures really cover: the first month widened back to the start of its period, the last
/// forward to the end of its period (the rule of review.hpp that stops two custom ranges being differenced).
[[nodiscard]] MonthRange widenToPeriods(const MonthRange& range, PeriodKind period);
/// A range made safe to use: both months valid (else the default), none after the month of `now`, last >= first.
[[nodiscard]] MonthRange clampRange(MonthRange range, WallMs now);

/// Writes sessions, themes, actions, evaluations and staff groups as CSV and JSON (figures only, no free text) and the
/// HTML report for this filter into `folder`, which must exist. Returns how many files were written.
[[nodiscard]] Result<int> exportToFolder(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                                         const ReviewSettings& settings, const std::string& today,
                                         const std::string& folder);

/// A tag's quotes as the themes panel opens them: up to three scrubbed contributions, each with its month and group
/// only. When no session under the filter meets the free-text rule, `quotes` is empty and `reason` says why.
struct TagQuotesView {
    enum class Reason { None, NoSafeSession };
    std::string tag;
    std::string name;  ///< the codebook's name for the tag
    std::vector<SearchHit> quotes;
    Reason reason = Reason::None;
};

struct DashboardView {
    ReviewFilter filter;
    /// Set when the lead chose a custom first and last month; `filter.period` is then the rows' granularity.
    std::optional<MonthRange> custom;
    /// With a custom range: the months the figures actually cover, widened to whole periods.
    MonthRange used;
    DashboardPanel panel = DashboardPanel::Sessions;
    std::vector<GroupInfo> groups;
    std::vector<std::string> formats;
    std::string formatName;  ///< the format filter as a person reads it ("All formats", "Team Time"), set by the view
    std::string today;
    ReviewSettings settings;

    SessionsOverTime sessions;
    TagTable themes;
    std::vector<TagPair> pairs;
    std::vector<RecurringTag> recurring;
    std::string query;
    std::vector<SearchHit> hits;
    bool searched = false;
    std::vector<ActionsRow> actions;
    std::vector<StatementRow> evaluations;
    std::vector<StaffGroupRow> staffGroups;  ///< staff groups named on the forms, by the ratings' periods
    std::vector<TimingRow> timing;
    std::vector<ChecklistRow> checklist;
    std::vector<AuditEntry> audit;
    std::optional<TagQuotesView> quotes;  ///< open over the themes panel, until closed or the panel or filter changes
    std::string error;                    ///< why the last refresh failed, empty when it worked
};

class Dashboard {
public:
    Dashboard(Database& db, const Codebook& codebook, ReviewSettings settings)
        : m_db(db), m_codebook(codebook), m_settings(settings) {}

    /// Starts afresh (on unlock): month view of the last year, all groups and formats, first panel.
    void reset(WallMs now);
    void setPanel(DashboardPanel panel);
    /// A fixed period (custom = none: its default range) or a custom range by months, for a group and a format.
    void setFilter(PeriodKind period, std::optional<std::int64_t> groupId, std::optional<std::string> format,
                   std::optional<MonthRange> custom = std::nullopt);
    void setQuery(std::string query);
    /// Opens up to three quotes filed under `tag` for the current filter. Like a search it is written to the audit
    /// log first, and not read when that fails. Never throws.
    void openQuotes(const std::string& tag, AuditLog& audit);
    void closeQuotes();
    /// Re-reads the figures of the current panel (and the group list). A search is written to the audit log.
    /// Never throws.
    void refresh(AuditLog& audit);

    [[nodiscard]] const DashboardView& view() const noexcept { return m_view; }
    [[nodiscard]] const ReviewSettings& settings() const noexcept { return m_settings; }

private:
    Database& m_db;
    const Codebook& m_codebook;
    ReviewSettings m_settings;
    WallMs m_now = 0;
    DashboardView m_view;
};

}  // namespace reflect::core
