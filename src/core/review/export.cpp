#include "core/review/export.hpp"

#include "core/templates/session_template.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace reflect::core {

namespace {

ExportValue cellValue(const Cell& cell) {
    if (cell.suppressed) return SuppressedValue{};
    return cell.value;
}

double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

}  // namespace

Result<ExportTable> buildExport(Database& db, const Codebook& codebook, const ExportRequest& request,
                                const ReviewSettings& settings) {
    ExportTable table;
    table.what = request.what;
    const auto& filter = request.filter;
    if (request.what == "sessions") {
        table.columns = {"date",       "group",  "format",          "template",
                         "attendance", "themes", "planned_minutes", "actual_minutes"};
        for (const auto& s : sessionList(db, filter))
            table.rows.push_back({s.date, s.group, s.format, s.templateName, cellValue(s.attendance), s.themes,
                                  round1(s.plannedMinutes), round1(s.actualMinutes)});
    } else if (request.what == "themes" && request.includeText) {
        table.columns = {"month", "group", "format", "theme", "tags"};
        for (const auto& t : themeTexts(db, filter, settings))
            table.rows.push_back({t.month, t.group, t.format, t.name, joined(t.tags, ";")});
    } else if (request.what == "themes") {
        table.columns = {"period", "tag", "tag_name", "contributions", "sessions", "recurring"};
        TagTable tags = themesByTag(db, codebook, filter, settings);
        // "Keeps coming up" is about how many sessions a theme came up in; that also ranks tags whose
        // contribution total had to be hidden.
        std::stable_sort(tags.rows.begin(), tags.rows.end(),
                         [](const TagRow& a, const TagRow& b) { return a.sessions > b.sessions; });
        for (const auto& row : tags.rows)
            for (std::size_t p = 0; p < tags.periods.size(); ++p) {
                const Cell& cell = row.perPeriod[p];
                if (!cell.suppressed && cell.value == 0 && row.sessionsPerPeriod[p] == 0) continue;
                table.rows.push_back({tags.periods[p], row.tag, row.name, cellValue(cell), row.sessionsPerPeriod[p],
                                      std::string(row.recurring ? "yes" : "no")});
            }
        // Sessions per tag are whole-range figures: put them on a total row per tag.
        for (const auto& row : tags.rows)
            table.rows.push_back({std::string("total"), row.tag, row.name, cellValue(row.total), row.sessions,
                                  std::string(row.recurring ? "yes" : "no")});
    } else if (request.what == "actions") {
        table.columns = {"group", "session_date", "status", "due_date"};
        if (request.includeText) {
            table.columns.push_back("owner");
            table.columns.push_back("text");
            table.columns.push_back("outcome");
        }
        for (const auto& a : actionList(db, filter, false)) {
            std::vector<ExportValue> row = {a.group, a.date, a.status, a.due};
            if (request.includeText) {
                row.emplace_back(a.owner);  // "Presenter A": a set's initials stay with the set
                row.emplace_back(a.text);
                row.emplace_back(a.outcome);
            }
            table.rows.push_back(std::move(row));
        }
    } else if (request.what == "evaluations" && request.includeText) {
        table.columns = {"period", "group", "format", "comment"};
        for (const auto& c : evaluationComments(db, filter, settings))
            table.rows.push_back({c.period, c.group, c.format, c.comment});
    } else if (request.what == "evaluations") {
        table.columns = {"period",     "statement_index", "statement",  "answers",    "answered_1",
                         "answered_2", "answered_3",      "answered_4", "answered_5", "mean"};
        for (const auto& r : evaluationsByStatement(db, filter, settings)) {
            std::vector<ExportValue> row = {r.period, static_cast<std::int64_t>(r.statementIndex), r.statement,
                                            cellValue(r.answers)};
            for (const auto& cell : r.distribution) row.push_back(cellValue(cell));
            if (r.mean)
                row.emplace_back(std::round(*r.mean * 100.0) / 100.0);
            else
                row.emplace_back(SuppressedValue{});
            table.rows.push_back(std::move(row));
        }
    } else if (request.what == "staff-groups") {
        // The staff groups named on the forms, by the ratings' periods: a hidden count is "*" and so is its share.
        table.columns = {"period", "staff_group", "forms", "forms_returned", "percent_of_forms"};
        for (const auto& r : staffGroupsByPeriod(db, filter, settings)) {
            std::vector<ExportValue> row = {r.period, r.staffGroup, cellValue(r.forms), cellValue(r.returned)};
            if (const auto share = r.share())
                row.emplace_back(round1(*share));
            else if (r.forms.suppressed)
                row.emplace_back(SuppressedValue{});
            else
                row.emplace_back(std::monostate{});
            table.rows.push_back(std::move(row));
        }
    } else {
        return fail("--what must be sessions, themes, actions, evaluations or staff-groups");
    }
    return table;
}

std::string csvField(std::string_view text) {
    std::string value(text);
    if (!value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' || value[0] == '\t'))
        value.insert(value.begin(), '\'');
    const bool quote = value.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return value;
    std::string out = "\"";
    for (const char ch : value) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
    return out;
}

namespace {

std::string csvValue(const ExportValue& v) {
    struct Visitor {
        std::string operator()(std::monostate) const { return ""; }
        std::string operator()(const std::string& s) const { return csvField(s); }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return fmt::format("{}", d); }
        std::string operator()(SuppressedValue) const { return "*"; }
    };
    return std::visit(Visitor{}, v);
}

nlohmann::json jsonValue(const ExportValue& v) {
    struct Visitor {
        nlohmann::json operator()(std::monostate) const { return nullptr; }
        nlohmann::json operator()(const std::string& s) const { return s; }
        nlohmann::json operator()(std::int64_t i) const { return i; }
        nlohmann::json operator()(double d) const { return d; }
        nlohmann::json operator()(SuppressedValue) const { return "*"; }
    };
    return std::visit(Visitor{}, v);
}

}  // namespace

std::string toCsv(const ExportTable& table, bool withBom) {
    std::string out = withBom ? "\xEF\xBB\xBF" : "";
    for (std::size_t i = 0; i < table.columns.size(); ++i) out += (i ? "," : "") + csvField(table.columns[i]);
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csvValue(row[i]);
        out += "\r\n";
    }
    return out;
}

std::string toJson(const ExportTable& table, const ExportRequest& request, const ReviewSettings& settings) {
    nlohmann::json doc;
    doc["format"] = "reflect-kiosk-export";
    doc["version"] = 2;
    doc["what"] = table.what;
    doc["period"] = periodKindName(request.filter.period);
    doc["from"] = request.filter.from ? nlohmann::json(*request.filter.from) : nlohmann::json(nullptr);
    doc["to"] = request.filter.to ? nlohmann::json(*request.filter.to) : nlohmann::json(nullptr);
    doc["includeText"] = request.includeText;
    doc["suppressionThreshold"] = settings.suppressionThreshold;
    doc["suppressed"] = "*";
    doc["columns"] = table.columns;
    auto rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
        nlohmann::json object = nlohmann::json::object();
        for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i)
            object[table.columns[i]] = jsonValue(row[i]);
        rows.push_back(std::move(object));
    }
    doc["rows"] = std::move(rows);
    return doc.dump(2) + "\n";
}

namespace {

/// A labelled bar chart as inline SVG; suppressed values are drawn as an outlined '*' slot.
std::string svgBars(const std::vector<std::string>& labels, const std::vector<Cell>& values, std::string_view yLabel,
                    std::string_view xLabel) {
    const double width = 640, height = 220, left = 48, bottom = 40, top = 12;
    std::int64_t maxValue = 1;
    for (const auto& v : values)
        if (!v.suppressed) maxValue = std::max(maxValue, v.value);
    const double plotW = width - left - 8, plotH = height - bottom - top;
    const double slot = labels.empty() ? plotW : plotW / static_cast<double>(labels.size());
    std::string svg = fmt::format(R"(<svg width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">)",
                                  width, height, htmlEscape(yLabel));
    svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="axis"/>)", left, top, top + plotH);
    svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" class="axis"/>)", left, top + plotH, left + plotW);
    svg += fmt::format(R"(<text x="4" y="{}" class="lab">{}</text>)", top + 10, maxValue);
    svg += fmt::format(R"(<text x="4" y="{}" class="lab">0</text>)", top + plotH);
    svg += fmt::format(R"(<text x="{}" y="{}" class="lab" text-anchor="middle">{}</text>)", left + plotW / 2,
                       height - 4, htmlEscape(xLabel));
    svg += fmt::format(R"(<text x="{}" y="{}" class="lab">{}</text>)", left + 4, top + 10, htmlEscape(yLabel));
    const std::size_t labelEvery = std::max<std::size_t>(1, labels.size() / 8);
    for (std::size_t i = 0; i < labels.size() && i < values.size(); ++i) {
        const double x = left + slot * static_cast<double>(i) + slot * 0.15;
        const double w = std::max(1.0, slot * 0.7);
        if (values[i].suppressed) {
            svg += fmt::format(R"(<text x="{}" y="{}" class="lab" text-anchor="middle">*</text>)", x + w / 2,
                               top + plotH - 4);
        } else {
            const double h = plotH * static_cast<double>(values[i].value) / static_cast<double>(maxValue);
            svg += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" class="bar"/>)", x,
                               top + plotH - h, w, h);
        }
        if (i % labelEvery == 0)
            svg += fmt::format(R"(<text x="{:.1f}" y="{}" class="lab" text-anchor="middle">{}</text>)", x + w / 2,
                               top + plotH + 14, htmlEscape(labels[i]));
    }
    svg += "</svg>";
    return svg;
}

/// A small trend line for one tag; suppressed periods break the line.
std::string svgSparkline(const std::vector<Cell>& values) {
    const double width = 160, height = 32;
    std::int64_t maxValue = 1;
    for (const auto& v : values)
        if (!v.suppressed) maxValue = std::max(maxValue, v.value);
    std::string svg = fmt::format(
        R"(<svg width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="trend">)", width, height);
    std::string points;
    const double step = values.size() > 1 ? (width - 4) / static_cast<double>(values.size() - 1) : 0;
    const auto flush = [&] {
        if (!points.empty()) svg += fmt::format(R"(<polyline points="{}" class="trend"/>)", points);
        points.clear();
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].suppressed) {
            flush();
            continue;
        }
        const double x = 2 + step * static_cast<double>(i);
        const double y =
            height - 2 - (height - 4) * static_cast<double>(values[i].value) / static_cast<double>(maxValue);
        points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x, y);
    }
    flush();
    svg += "</svg>";
    return svg;
}

/// The share of each period's sessions in which a tag came up, in percent (the trend a lead reads).
std::vector<Cell> shareOfSessions(const TagRow& row, const TagTable& tags) {
    std::vector<Cell> out;
    for (std::size_t i = 0; i < row.sessionsPerPeriod.size() && i < tags.periodSessions.size(); ++i)
        out.push_back(
            Cell{tags.periodSessions[i] > 0 ? row.sessionsPerPeriod[i] * 100 / tags.periodSessions[i] : 0, false});
    return out;
}

constexpr std::string_view kCss = R"css(
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2430; font-size: 11pt; line-height: 1.4; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1pt solid #8a94a6; page-break-after: avoid; }
p.note { color: #4a5568; font-size: 9.5pt; }
section { page-break-inside: avoid; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 4pt 0 8pt; }
th, td { border: 0.5pt solid #b8c0cc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; }
svg { display: block; margin: 4pt 0; max-width: 100%; }
svg .axis { stroke: #1d2430; stroke-width: 1; }
svg .bar { fill: #3a6ea5; }
svg .trend { fill: none; stroke: #3a6ea5; stroke-width: 2; }
svg .lab { font-size: 10px; fill: #1d2430; }
)css";

std::string th(std::string_view text, bool numeric = false) {
    return fmt::format("<th{}>{}</th>", numeric ? " class=\"n\"" : "", htmlEscape(text));
}
std::string td(std::string_view text, bool numeric = false) {
    return fmt::format("<td{}>{}</td>", numeric ? " class=\"n\"" : "", htmlEscape(text));
}

}  // namespace

std::string buildHtmlReport(Database& db, const Codebook& codebook, const ReportRequest& request,
                            const ReviewSettings& settings) {
    const ReviewFilter& filter = request.filter;
    const SessionsOverTime sessions = sessionsOverTime(db, filter, settings);
    std::string groupName = "All groups";
    if (filter.groupId)
        for (const auto& g : listGroups(db))
            if (g.id == *filter.groupId) groupName = g.name;
    const std::string firstPeriod = sessions.rows.empty() ? "" : sessions.rows.front().period;
    const std::string lastPeriod = sessions.rows.empty() ? "" : sessions.rows.back().period;

    std::string html = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    html += "<title>Reflective practice report</title>\n<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";
    html += "<h1>Reflective practice report</h1>\n";
    if (!request.organisation.empty()) html += "<p>" + htmlEscape(request.organisation) + "</p>\n";
    html += fmt::format("<p>Period: {} to {} (by {}). Group: {}. Prepared {}.</p>\n",
                        htmlEscape(firstPeriod.empty() ? "no sessions" : firstPeriod), htmlEscape(lastPeriod),
                        periodKindName(filter.period), htmlEscape(groupName), htmlEscape(request.today));
    html += fmt::format(
        "<p class=\"note\">Counts of 1 to {0} contributions or answers from one group in one month show as *. "
        "A total that includes one (a quarter, a year, all groups) is shown as * too, so no figure can be subtracted "
        "from another to work one out. Nothing here records who said what.</p>\n",
        settings.suppressionThreshold);

    // Sessions and attendance.
    html += "<section>\n<h2>Sessions and attendance</h2>\n";
    {
        std::vector<std::string> labels;
        std::vector<Cell> counts;
        for (const auto& r : sessions.rows) {
            labels.push_back(r.period);
            counts.push_back(Cell{r.sessions, false});
        }
        html += svgBars(labels, counts, "Sessions", periodKindName(filter.period)) + "\n";
        html += "<table>\n<tr>" + th("Period") + th("Sessions", true) + th("Attendance", true) +
                th("Contributions", true) + th("Evaluations", true) + "</tr>\n";
        for (const auto* r : [&] {
                 std::vector<const SessionsRow*> all;
                 for (const auto& row : sessions.rows) all.push_back(&row);
                 all.push_back(&sessions.total);
                 return all;
             }())
            html += "<tr>" + td(r->period) + td(std::to_string(r->sessions), true) + td(r->attendance.text(), true) +
                    td(r->contributions.text(), true) + td(r->evaluations.text(), true) + "</tr>\n";
        html += "</table>\n</section>\n";
    }

    // Recurring themes.
    html += "<section>\n<h2>Themes that keep coming up</h2>\n";
    {
        const TagTable tags = themesByTag(db, codebook, filter, settings);
        html += fmt::format(
            "<p class=\"note\">How many sessions each codebook tag came up in, the contributions filed under it, "
            "and its trend (the share of each period's sessions it came up in), {} by {}. "
            "Recurring: the tag came up in at least {} of a group's last {} sessions.</p>\n",
            htmlEscape(firstPeriod) + " to " + htmlEscape(lastPeriod), periodKindName(filter.period),
            settings.recurringMinimum, settings.recurringWindow);
        html += "<table>\n<tr>" + th("Theme") + th("Recurring") + th("Sessions", true) + th("Contributions", true) +
                th("Trend") + "</tr>\n";
        std::size_t shown = 0;
        for (const auto& row : tags.rows) {
            if (shown++ >= 12) break;
            html += "<tr>" + td(row.name) + td(row.recurring ? "Recurring" : "") +
                    td(std::to_string(row.sessions), true) + td(row.total.text(), true) + "<td>" +
                    svgSparkline(shareOfSessions(row, tags)) + "</td></tr>\n";
        }
        html += "</table>\n</section>\n";
    }

    // Evaluations: the mean per statement over the latest periods.
    html += "<section>\n<h2>How sessions were rated</h2>\n";
    {
        const auto rows = evaluationsByStatement(db, filter, settings);
        std::vector<std::string> periods;
        for (const auto& r : rows)
            if (std::find(periods.begin(), periods.end(), r.period) == periods.end()) periods.push_back(r.period);
        if (periods.size() > 4) periods.erase(periods.begin(), periods.end() - 4);
        html +=
            "<p class=\"note\">Mean answer from 1 (strongly disagree) to 5 (strongly agree), with the number of "
            "answers.</p>\n<table>\n<tr>" +
            th("Statement");
        for (const auto& p : periods) html += th(p, true);
        html += "</tr>\n";
        std::map<int, std::string> statements;
        for (const auto& r : rows) statements.emplace(r.statementIndex, r.statement);
        for (const auto& [index, statement] : statements) {
            html += "<tr>" + td(statement);
            for (const auto& p : periods) {
                std::string value = "-";
                for (const auto& r : rows)
                    if (r.period == p && r.statementIndex == index)
                        value = r.mean ? fmt::format("{:.1f} ({})", *r.mean, r.answers.text()) : "*";
                html += td(value, true);
            }
            html += "</tr>\n";
        }
        html += "</table>\n</section>\n";
    }

    // Staff groups named on the forms, by the ratings' periods.
    html += "<section>\n<h2>Staff groups on the evaluation forms</h2>\n";
    {
        const auto rows = staffGroupsByPeriod(db, filter, settings);
        std::vector<std::string> periods;
        for (const auto& r : rows)
            if (std::find(periods.begin(), periods.end(), r.period) == periods.end()) periods.push_back(r.period);
        if (periods.size() > 4) periods.erase(periods.begin(), periods.end() - 4);
        html +=
            "<p class=\"note\">The share of the forms returned that named each staff group, with the number of "
            "forms. A group is shown as * when it, the rest of the forms, or the forms that named no group would be "
            "a small number.</p>\n<table>\n<tr>" +
            th("Staff group");
        for (const auto& p : periods) html += th(p, true);
        html += "</tr>\n";
        for (const auto& group : staffGroupNames()) {
            html += "<tr>" + td(group);
            for (const auto& p : periods) {
                std::string value = "-";
                for (const auto& r : rows)
                    if (r.period == p && r.staffGroup == group)
                        value = r.forms.suppressed ? "*"
                                : r.share()        ? fmt::format("{:.0f}% ({})", *r.share(), r.forms.value)
                                                   : r.forms.text();
                html += td(value, true);
            }
            html += "</tr>\n";
        }
        html += "</table>\n</section>\n";
    }

    // Actions.
    html += "<section>\n<h2>Actions</h2>\n<table>\n<tr>" + th("Group") + th("Open", true) + th("In progress", true) +
            th("Overdue", true) + th("Done", true) + th("Dropped", true) + th("Completed", true) + "</tr>\n";
    for (const auto& a : actionsByGroup(db, filter, request.today))
        html += "<tr>" + td(a.group) + td(std::to_string(a.open), true) + td(std::to_string(a.inProgress), true) +
                td(std::to_string(a.overdue), true) + td(std::to_string(a.done), true) +
                td(std::to_string(a.dropped), true) + td(fmt::format("{:.0f}%", a.completionRate() * 100.0), true) +
                "</tr>\n";
    html += "</table>\n</section>\n";

    // Timing.
    html += "<section>\n<h2>Timing: planned and actual minutes per stage</h2>\n<table>\n<tr>" + th("Format") +
            th("Stage") + th("Sessions", true) + th("Planned", true) + th("Actual", true) + th("Ran over", true) +
            "</tr>\n";
    for (const auto& t : timingByStage(db, filter))
        html += "<tr>" + td(std::string(formatDisplayName(t.format))) + td(t.stageName) +
                td(std::to_string(t.sessions), true) + td(fmt::format("{:.1f}", t.plannedMinutes), true) +
                td(fmt::format("{:.1f}", t.actualMinutes), true) +
                td(fmt::format("{:.0f}%", t.overrunShare * 100.0), true) + "</tr>\n";
    html += "</table>\n</section>\n</body>\n</html>\n";
    return html;
}

}  // namespace reflect::core
