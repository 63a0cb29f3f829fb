// Demo data: deterministic, realistic history for screenshots, demos and benchmarks. Written with the same
// tables and columns the kiosk writes; every anonymous row (contribution, evaluation) still has a random-
// looking 63-bit key and no time or order, exactly as the real stores write them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/contribute/codebook.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct DemoOptions {
    int sessions = 200;
    std::uint64_t seed = 1;
    /// The last session happens shortly before this moment (ms since the epoch); history runs backwards.
    std::int64_t endWallMs = 1'793'448'000'000;  // 2026-10-31
    /// Statements that Rounds and Team Time ask after a session (from the shipped templates if given).
    std::vector<std::string> evaluationStatements;
    /// Sessions written per transaction.
    int batchSize = 1000;
};

struct DemoSummary {
    int groups = 0;
    int sessions = 0;
    std::int64_t contributions = 0;
    std::int64_t themes = 0;
    std::int64_t evaluations = 0;
    std::int64_t actions = 0;
    std::int64_t checklists = 0;
};

/// Adds groups and ended sessions with everything that hangs off them. The same seed and options give the
/// same rows on any machine. Fails (leaving earlier batches in place) only if the database does.
[[nodiscard]] Result<DemoSummary> generateDemoData(Database& db, const Codebook& codebook, const DemoOptions& options);

}  // namespace reflect::core
