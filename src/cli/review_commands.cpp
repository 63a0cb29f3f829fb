#include "cli/review_commands.hpp"

#include "core/text/time_format.hpp"

#include <chrono>
#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "core/contribute/codebook.hpp"
#include "core/review/audit_log.hpp"
#include "core/review/demo_data.hpp"
#include "core/review/export.hpp"
#include "core/review/purge.hpp"
#include "core/templates/template_loader.hpp"

namespace reflect::cli {

namespace {

/// Resolves --from/--to/--group/--period into a filter; on a problem writes one line and returns nullopt.
std::optional<core::ReviewFilter> makeFilter(core::Database& db, const std::string& from, const std::string& to,
                                             const std::string& group, const std::string& period, std::ostream& err) {
    core::ReviewFilter filter;
    const auto kind = core::parsePeriodKind(period);
    if (!kind) {
        err << "reflect-kiosk: --period must be month, quarter or year\n";
        return std::nullopt;
    }
    filter.period = *kind;
    if (!from.empty()) {
        if (!core::isIsoDate(from)) {
            err << "reflect-kiosk: --from must be a date like 2026-01-31\n";
            return std::nullopt;
        }
        filter.from = from;
    }
    if (!to.empty()) {
        if (!core::isIsoDate(to)) {
            err << "reflect-kiosk: --to must be a date like 2026-12-31\n";
            return std::nullopt;
        }
        filter.to = to;
    }
    if (!group.empty()) {
        for (const auto& g : core::listGroups(db))
            if (g.name == group || std::to_string(g.id) == group) filter.groupId = g.id;
        if (!filter.groupId) {
            err << "reflect-kiosk: no group called '" << group << "'\n";
            return std::nullopt;
        }
    }
    return filter;
}

bool writeFile(const std::string& path, const std::string& content, std::ostream& err) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << content;
    file.close();
    if (!file) {
        err << "reflect-kiosk: could not write " << path << '\n';
        return false;
    }
    return true;
}

}  // namespace

int demoData(core::Database& db, const std::filesystem::path& assets, int sessions, std::uint64_t seed,
             std::ostream& out, std::ostream& err) {
    auto codebook = core::loadCodebook(assets / "codebook.toml");
    if (!codebook) {
        err << "reflect-kiosk: " << codebook.error().message << '\n';
        return 1;
    }
    core::DemoOptions options;
    options.sessions = sessions;
    options.seed = seed;
    const core::TemplateSet templates = core::loadTemplates(assets / "templates");
    if (const auto* round = templates.find("round")) options.evaluationStatements = round->evaluationStatements;
    const auto started = std::chrono::steady_clock::now();
    auto result = core::generateDemoData(db, *codebook, options);
    if (!result) {
        err << "reflect-kiosk: " << result.error().message << '\n';
        return 1;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    const auto& s = *result;
    out << fmt::format(
        "Demo data: {} groups, {} sessions, {} contributions, {} themes, {} evaluations, {} actions, "
        "{} checklists in {:.1f} s\n",
        s.groups, s.sessions, s.contributions, s.themes, s.evaluations, s.actions, s.checklists,
        static_cast<double>(ms.count()) / 1000.0);
    return 0;
}

int exportData(core::Database& db, const std::filesystem::path& assets, const ExportArgs& args,
               const core::ReviewSettings& settings, const core::Clock& clock, std::ostream& out, std::ostream& err) {
    if (args.format != "csv" && args.format != "json") {
        err << "reflect-kiosk: --format must be csv or json\n";
        return 2;
    }
    auto codebook = core::loadCodebook(assets / "codebook.toml");
    if (!codebook) {
        err << "reflect-kiosk: " << codebook.error().message << '\n';
        return 1;
    }
    const auto filter = makeFilter(db, args.from, args.to, args.group, args.period, err);
    if (!filter) return 2;
    core::ExportRequest request{args.what, *filter, args.includeText, core::formatUtcDate(clock.wallNow())};
    try {
        auto table = core::buildExport(db, *codebook, request, settings);
        if (!table) {
            err << "reflect-kiosk: " << table.error().message << '\n';
            return 2;
        }
        const std::string content =
            args.format == "csv" ? core::toCsv(*table, args.bom) : core::toJson(*table, request, settings);
        core::AuditLog log(db, clock);
        if (auto logged =
                log.record("lead", "export",
                           fmt::format("{} {} {}{}", args.format, args.what, core::periodKindName(filter->period),
                                       args.includeText ? " with text" : ""));
            !logged) {
            err << "reflect-kiosk: " << logged.error().message << '\n';
            return 1;
        }
        if (args.output.empty())
            out << content;
        else if (!writeFile(args.output, content, err))
            return 1;
    } catch (const core::SqliteError& e) {
        err << "reflect-kiosk: " << e.what() << '\n';
        return 1;
    }
    return 0;
}

int report(core::Database& db, const std::filesystem::path& assets, const ReportArgs& args,
           const core::ReviewSettings& settings, const core::Clock& clock, std::ostream& out, std::ostream& err) {
    auto codebook = core::loadCodebook(assets / "codebook.toml");
    if (!codebook) {
        err << "reflect-kiosk: " << codebook.error().message << '\n';
        return 1;
    }
    const auto filter = makeFilter(db, args.from, args.to, args.group, args.period, err);
    if (!filter) return 2;
    try {
        core::ReportRequest request{*filter, core::formatUtcDate(clock.wallNow()), args.organisation};
        const std::string html = core::buildHtmlReport(db, *codebook, request, settings);
        if (!writeFile(args.file, html, err)) return 1;
        core::AuditLog log(db, clock);
        if (auto logged = log.record("lead", "report", fmt::format("html by {}", core::periodKindName(filter->period)));
            !logged) {
            err << "reflect-kiosk: " << logged.error().message << '\n';
            return 1;
        }
    } catch (const core::SqliteError& e) {
        err << "reflect-kiosk: " << e.what() << '\n';
        return 1;
    }
    out << "Report written to " << args.file << '\n';
    return 0;
}

int purge(core::Database& db, int olderThanDays, const core::Clock& clock, std::ostream& out, std::ostream& err) {
    auto result = core::purgeOlderThan(db, clock, olderThanDays, "lead");
    if (!result) {
        err << "reflect-kiosk: " << result.error().message << '\n';
        return 1;
    }
    out << fmt::format(
        "Cleared the text of {} contributions and {} comments older than {} days; tags and counts are "
        "kept.\n",
        result->contributions, result->comments, olderThanDays);
    return 0;
}

}  // namespace reflect::cli
