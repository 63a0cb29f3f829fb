// Exports for leads: one table model written as CSV (RFC 4180, UTF-8, optional BOM) or JSON, and the
// self-contained printable HTML report. Every figure comes from review.hpp, so suppression is already
// applied; free text appears only when asked for, and only from sessions that meet the free-text rule.
//
// JSON shape (version 2; version 1 also had per-session contributions and evaluations, withdrawn because a
// session's count next to its month's total could give a small one away):
//   { "format": "reflect-kiosk-export", "version": 2, "what": "sessions|themes|actions|evaluations|staff-groups",
//     "period": "month|quarter|year", "from": "YYYY-MM-DD"|null, "to": "YYYY-MM-DD"|null,
//     "includeText": bool, "suppressionThreshold": 7, "suppressed": "*",
//     "columns": ["..."], "rows": [ { "<column>": number | string | null, ... } ] }
// A suppressed count is the string "*"; every other count is a number.
//
// Columns:
//   sessions:    date, group, format, template, attendance, themes, planned_minutes, actual_minutes
//   themes:      period, tag, tag_name, contributions, sessions, recurring
//   themes --include-text:      date, group, format, theme, tags
//   actions:     group, session_date, status, due_date (+ owner, text, outcome with --include-text; the owner
//                is the slot label "Presenter A", never a set's initials)
//   evaluations: period, statement_index, statement, answers, answered_1 .. answered_5, mean
//   evaluations --include-text: period, group, format, comment
//   staff-groups: period, staff_group, forms, forms_returned, percent_of_forms (by quarter at the finest, as the
//                 ratings; a unit whose forms minus its published groups is small publishes none of them)
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/contribute/codebook.hpp"
#include "core/result.hpp"
#include "core/review/review.hpp"
#include "core/storage/database.hpp"
#include "core/text/html_escape.hpp"

namespace reflect::core {

struct SuppressedValue {};
using ExportValue = std::variant<std::monostate, std::string, std::int64_t, double, SuppressedValue>;

struct ExportTable {
    std::string what;
    std::vector<std::string> columns;
    std::vector<std::vector<ExportValue>> rows;
};

struct ExportRequest {
    std::string what;  ///< sessions | themes | actions | evaluations | staff-groups
    ReviewFilter filter;
    bool includeText = false;
    std::string today;  ///< YYYY-MM-DD, for overdue actions
};

[[nodiscard]] Result<ExportTable> buildExport(Database& db, const Codebook& codebook, const ExportRequest& request,
                                              const ReviewSettings& settings);

/// One CSV field, quoted when it holds a comma, quote, CR or LF (quotes doubled). Text that a spreadsheet
/// would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe.
[[nodiscard]] std::string csvField(std::string_view text);
[[nodiscard]] std::string toCsv(const ExportTable& table, bool withBom);
[[nodiscard]] std::string toJson(const ExportTable& table, const ExportRequest& request,
                                 const ReviewSettings& settings);

struct ReportRequest {
    ReviewFilter filter;  ///< period defaults to quarter for the report
    std::string today;    ///< YYYY-MM-DD, printed and used for overdue actions
    std::string organisation;
};
/// One self-contained XHTML-style page: inline CSS and SVG, no script, no external reference; prints on A4.
[[nodiscard]] std::string buildHtmlReport(Database& db, const Codebook& codebook, const ReportRequest& request,
                                          const ReviewSettings& settings);

}  // namespace reflect::core
