// The trust report as self-contained HTML, and the sessions table as CSV or JSON.
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/templates/session_template.hpp"
#include "core/text/html_escape.hpp"
#include "trust/trust_report.hpp"

namespace reflect::trust {

namespace {

std::string html(std::string_view text) {
    return core::htmlEscape(text);
}

std::string csvField(std::string_view text) {
    // A leading = + - @ would be read as a formula by a spreadsheet.
    const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
    std::string out = "\"";
    if (formula) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string siteLabel(const FigureRow& row) {
    return row.site.empty() ? "Whole trust" : row.site;
}

void sessionsTable(const TrustFigures& f, std::string& page) {
    page +=
        "<h2>Sessions, attendance and responses</h2>\n<table><tr><th>Period</th><th>Site</th><th>Sessions</th>"
        "<th>Attendance</th><th>Contributions</th><th>Evaluations</th></tr>\n";
    for (const auto& row : f.rows)
        page += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                            row.site.empty() ? " class=\"trust\"" : "", html(row.period), html(siteLabel(row)),
                            row.sessions, row.attendance, row.contributions.text(), row.evaluations.text());
    page += "</table>\n";
}

void statementsTable(const TrustFigures& f, std::string& page) {
    page +=
        "<h2>Evaluation statements (answers 1 to 5)</h2>\n<table><tr><th>Statement</th><th>1</th><th>2</th>"
        "<th>3</th><th>4</th><th>5</th><th>Answers</th><th>Mean</th></tr>\n";
    for (const auto& s : f.statements) {
        page += fmt::format("<tr><td>{}</td>", html(s.statement));
        for (const auto& cell : s.distribution) page += fmt::format("<td>{}</td>", cell.text());
        page += fmt::format("<td>{}</td><td>{}</td></tr>\n", s.answers.text(),
                            s.mean ? fmt::format("{:.2f}", *s.mean) : std::string("*"));
    }
    page += "</table>\n";
}

void activityTables(const TrustFigures& f, std::string& page) {
    page += "<h2>Codebook tags (sessions each came up in)</h2>\n<table><tr><th>Tag</th><th>Sessions</th></tr>\n";
    for (const auto& t : f.tags) page += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", html(t.label), t.count);
    page +=
        "</table>\n<h2>Tags that came up together (sessions)</h2>\n<table><tr><th>Tags</th><th>Sessions</th></tr>\n";
    for (const auto& p : f.tagPairs) page += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", html(p.label), p.count);
    page += "</table>\n<h2>Actions by state</h2>\n<table><tr><th>State</th><th>Actions</th></tr>\n";
    for (const auto& a : f.actions) page += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", html(a.label), a.count);
    page +=
        "</table>\n<h2>Peer-support principles checklist</h2>\n<table><tr><th>Principle</th><th>Met</th>"
        "<th>Partly</th><th>Not yet</th><th>Not applicable</th></tr>\n";
    for (const auto& c : f.checklist)
        page += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html(c.principle),
                            c.met, c.partly, c.notYet, c.notApplicable);
    page +=
        "</table>\n<h2>Stage timing</h2>\n<table><tr><th>Format</th><th>Stage</th><th>Sessions</th>"
        "<th>Planned (min)</th><th>Actual (min)</th><th>Overran</th></tr>\n";
    for (const auto& s : f.stages)
        page +=
            fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.1f}</td><td>{:.1f}</td><td>{:.0f}%</td></tr>\n",
                        html(std::string(core::formatDisplayName(s.format))), html(s.stage), s.sessions,
                        s.plannedMinutes, s.actualMinutes, s.overrunShare * 100.0);
    page += "</table>\n";
}

}  // namespace

std::string trustReportHtml(const TrustFigures& f, const TrustQuery& query) {
    std::string page =
        "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Trust-wide reflective practice"
        "</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
        "margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}td:first-child,"
        "th:first-child,td:nth-child(2){text-align:left}tr.trust{font-weight:bold;background:#eef3f7}"
        "@media print{body{margin:0}}</style></head><body>\n";
    page += fmt::format(
        "<h1>Trust-wide reflective practice</h1>\n<p>{} site(s){}. A count of contributions, "
        "evaluations or answers from 1 to {} in any site's group and month (answers: quarter) shows "
        "as * here and in every figure that includes it.</p>\n",
        f.sites, query.site ? ": " + html(*query.site) : std::string(), query.threshold);
    sessionsTable(f, page);
    statementsTable(f, page);
    activityTables(f, page);
    return page + "</body></html>\n";
}

void writeTrustExport(const TrustFigures& f, const std::string& format, std::ostream& out) {
    if (format == "json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : f.rows) {
            // A hidden cell is null in JSON, so no script can mistake it for a zero.
            const auto cell = [](const core::Cell& c) {
                return c.suppressed ? nlohmann::json() : nlohmann::json(c.value);
            };
            rows.push_back({{"period", row.period},
                            {"site", row.site.empty() ? "trust" : row.site},
                            {"sessions", row.sessions},
                            {"attendance", row.attendance},
                            {"contributions", cell(row.contributions)},
                            {"evaluations", cell(row.evaluations)}});
        }
        out << nlohmann::json{{"sites", f.sites}, {"rows", rows}}.dump(1) << '\n';
        return;
    }
    out << "period,site,sessions,attendance,contributions,evaluations\r\n";
    for (const auto& row : f.rows)
        out << csvField(row.period) << ',' << csvField(row.site.empty() ? "trust" : row.site) << ',' << row.sessions
            << ',' << row.attendance << ',' << row.contributions.text() << ',' << row.evaluations.text() << "\r\n";
}

}  // namespace reflect::trust
