// The lead-review subcommands: demo-data, export, report and purge. Each returns the process exit code
// (0 success, 1 failure with a one-line reason on stderr, 2 bad usage).
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/review/review.hpp"
#include "core/storage/database.hpp"

namespace reflect::cli {

int demoData(core::Database& db, const std::filesystem::path& assets, int sessions, std::uint64_t seed,
             std::ostream& out, std::ostream& err);

struct ExportArgs {
    std::string format = "csv";  ///< csv | json
    std::string what;            ///< sessions | themes | actions | evaluations
    std::string from, to;        ///< YYYY-MM-DD or empty
    std::string period = "month";
    std::string group;  ///< a group's id or exact name; empty = all
    bool includeText = false;
    bool bom = false;
    std::string output;  ///< file; empty = standard output
};
int exportData(core::Database& db, const std::filesystem::path& assets, const ExportArgs& args,
               const core::ReviewSettings& settings, const core::Clock& clock, std::ostream& out, std::ostream& err);

struct ReportArgs {
    std::string file;
    std::string from, to;
    std::string group;
    std::string period = "quarter";
    std::string organisation;
};
int report(core::Database& db, const std::filesystem::path& assets, const ReportArgs& args,
           const core::ReviewSettings& settings, const core::Clock& clock, std::ostream& out, std::ostream& err);

int purge(core::Database& db, int olderThanDays, const core::Clock& clock, std::ostream& out, std::ostream& err);

}  // namespace reflect::cli
