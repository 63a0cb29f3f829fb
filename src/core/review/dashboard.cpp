// Dashboard implementation.
#include "core/review/dashboard.hpp"

#include "core/review/export.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace reflect::core {

std::optional<std::string> defaultFromFor(PeriodKind period, WallMs now) {
    const std::string today = formatUtcDate(now);
    switch (period) {
        case PeriodKind::Month:
            return addMonths(today.substr(0, 7), -11) + "-01";  // twelve whole months
        case PeriodKind::Quarter:
            return fmt::format("{:04}-01-01", std::stoi(today.substr(0, 4)) - 1);
        case PeriodKind::Year:
            return std::nullopt;
    }
    return std::nullopt;
}

namespace {
std::string monthOfWall(WallMs wall) {
    return formatUtcDate(wall).substr(0, 7);
}
int monthsPer(PeriodKind period) {
    switch (period) {
        case PeriodKind::Month:
            return 1;
        case PeriodKind::Quarter:
            return 3;
        case PeriodKind::Year:
            return 12;
    }
    return 1;
}
int daysInMonth(std::string_view yearMonth) {
    const int index = yearMonthIndex(yearMonth);
    const int year = index / 12;
    const int month = index % 12 + 1;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}
}  // namespace

MonthRange defaultCustomRange(WallMs now) {
    const std::string current = monthOfWall(now);
    return MonthRange{addMonths(current, -11), current};
}

MonthRange widenToPeriods(const MonthRange& range, PeriodKind period) {
    const int per = monthsPer(period);
    const int first = yearMonthIndex(range.first);
    const int last = yearMonthIndex(range.last);
    return MonthRange{yearMonthAt(first - first % per), yearMonthAt(last - last % per + per - 1)};
}

MonthRange clampRange(MonthRange range, WallMs now) {
    if (!isYearMonth(range.first) || !isYearMonth(range.last)) return defaultCustomRange(now);
    const std::string current = monthOfWall(now);
    // Zero-padded YYYY-MM compares as text in calendar order.
    if (range.last > current) range.last = current;
    if (range.first > current) range.first = current;
    if (range.last < range.first) range.last = range.first;
    return range;
}

namespace {
Result<void> writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return fail("cannot write " + path.string());
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return fail("cannot finish writing " + path.string());
    return ok();
}
}  // namespace

Result<int> exportToFolder(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                           const ReviewSettings& settings, const std::string& today, const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(fs::path(folder), ec)) return fail("no such folder: " + folder);
    int written = 0;
    try {
        for (const char* what : {"sessions", "themes", "actions", "evaluations", "staff-groups"}) {
            ExportRequest request{what, filter, false, today};
            auto table = buildExport(db, codebook, request, settings);
            if (!table) return fail(table.error().message);
            const std::string stem = fmt::format("reflect-{}-{}", what, today);
            if (auto w = writeFile(fs::path(folder) / (stem + ".csv"), toCsv(table.value(), true)); !w)
                return fail(w.error().message);
            if (auto w = writeFile(fs::path(folder) / (stem + ".json"), toJson(table.value(), request, settings)); !w)
                return fail(w.error().message);
            written += 2;
        }
        ReportRequest report{filter, today, ""};
        if (auto w = writeFile(fs::path(folder) / fmt::format("reflect-report-{}.html", today),
                               buildHtmlReport(db, codebook, report, settings));
            !w)
            return fail(w.error().message);
        ++written;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return written;
}

void Dashboard::reset(WallMs now) {
    m_now = now;
    m_view = DashboardView{};
    m_view.today = formatUtcDate(now);
    m_view.settings = m_settings;
    m_view.filter.period = PeriodKind::Month;
    m_view.filter.from = defaultFromFor(PeriodKind::Month, now);
    // Per format by default: a share of Rounds mixed with Team Time or peer groups answers no one's question.
    try {
        auto st = m_db.prepare(
            "SELECT format FROM sessions WHERE status = 'ended' GROUP BY 1 ORDER BY COUNT(*) DESC, 1 "
            "LIMIT 1");
        if (st.step()) m_view.filter.format = st.columnText(0);
    } catch (const SqliteError& e) {
        m_view.error = e.what();
    }
}

void Dashboard::setPanel(DashboardPanel panel) {
    m_view.panel = panel;
    m_view.quotes.reset();
}

void Dashboard::setFilter(PeriodKind period, std::optional<std::int64_t> groupId, std::optional<std::string> format,
                          std::optional<MonthRange> custom) {
    m_view.filter.period = period;
    if (custom) {
        // Whole months go to the queries as dates; the queries widen them to whole periods of the granularity.
        const MonthRange range = clampRange(std::move(*custom), m_now);
        m_view.custom = range;
        m_view.used = widenToPeriods(range, period);
        m_view.filter.from = range.first + "-01";
        m_view.filter.to = fmt::format("{}-{:02}", range.last, daysInMonth(range.last));
    } else {
        m_view.custom.reset();
        m_view.used = MonthRange{};
        m_view.filter.from = defaultFromFor(period, m_now);
        m_view.filter.to.reset();
    }
    m_view.filter.groupId = groupId;
    m_view.filter.format = std::move(format);
    m_view.quotes.reset();  // quotes belong to the filter they were opened under
}

void Dashboard::setQuery(std::string query) {
    m_view.query = std::move(query);
    m_view.searched = false;
}

void Dashboard::openQuotes(const std::string& tag, AuditLog& audit) {
    DashboardView& v = m_view;
    v.error.clear();
    v.quotes.reset();
    // What a lead reads of what people wrote is audited, like a search: the tag, never a quote.
    if (auto logged = audit.record("lead", "quotes", tag); !logged) {
        v.error = "The quotes were not opened because the audit log could not be written: " + logged.error().message;
        return;
    }
    try {
        TagQuotesView quotes;
        quotes.tag = tag;
        quotes.name = m_codebook.nameOf(tag);
        quotes.quotes = tagQuotes(m_db, v.filter, m_settings, tag, 3);
        if (quotes.quotes.empty()) quotes.reason = TagQuotesView::Reason::NoSafeSession;
        v.quotes = std::move(quotes);
    } catch (const std::exception& e) {
        v.error = e.what();
    }
}

void Dashboard::closeQuotes() {
    m_view.quotes.reset();
}

void Dashboard::refresh(AuditLog& audit) {
    DashboardView& v = m_view;
    v.error.clear();
    try {
        v.groups = listGroups(m_db);
        v.formats.clear();
        for (const auto& g : v.groups)
            if (std::find(v.formats.begin(), v.formats.end(), g.format) == v.formats.end())
                v.formats.push_back(g.format);
        std::sort(v.formats.begin(), v.formats.end());
        switch (v.panel) {
            case DashboardPanel::Sessions:
                v.sessions = sessionsOverTime(m_db, v.filter, m_settings);
                break;
            case DashboardPanel::Themes: {
                auto overview = themesOverview(m_db, m_codebook, v.filter, m_settings, 8);
                v.themes = std::move(overview.table);
                v.pairs = std::move(overview.pairs);
                v.recurring = std::move(overview.recurring);
                break;
            }
            case DashboardPanel::Search:
                v.hits.clear();
                v.searched = false;
                if (const auto words = ftsQueryFor(v.query); !words.empty()) {
                    // What leads look for is audited like what they export; a search that cannot be logged is not run.
                    if (auto logged = audit.record("lead", "search", words); !logged) {
                        v.error = "The search was not run because the audit log could not be written: " +
                                  logged.error().message;
                        break;
                    }
                    v.hits = search(m_db, v.query, v.filter, m_settings, 50);
                    v.searched = true;
                }
                break;
            case DashboardPanel::Actions:
                v.actions = actionsByGroup(m_db, v.filter, v.today);
                break;
            case DashboardPanel::Evaluations: {
                auto overview = evaluationsOverview(m_db, v.filter, m_settings);
                v.evaluations = std::move(overview.statements);
                v.staffGroups = std::move(overview.staffGroups);
                break;
            }
            case DashboardPanel::Timing:
                v.timing = timingByStage(m_db, v.filter);
                break;
            case DashboardPanel::Checklist:
                v.checklist = checklistByGroup(m_db, v.filter);
                break;
            case DashboardPanel::Audit:
                v.audit = audit.recent(200);
                break;
        }
    } catch (const std::exception& e) {
        v.error = e.what();
    }
}

}  // namespace reflect::core
