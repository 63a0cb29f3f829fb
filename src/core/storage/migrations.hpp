// Schema migrations keyed by PRAGMA user_version: each step runs once, in its own transaction.
#pragma once

#include "core/storage/database.hpp"

namespace reflect::core {

/// The schema version this build writes.
[[nodiscard]] int latestSchemaVersion();
/// Brings the database up to the latest version. Throws SqliteError; refuses a file from a newer build.
void migrate(Database& db);
/// Brings the database up to `version` only (for tests of a later step's upgrade of existing rows).
void migrateTo(Database& db, int version);

}  // namespace reflect::core
