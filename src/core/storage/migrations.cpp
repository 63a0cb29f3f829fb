// Schema migrations. Never edit a step that has shipped: add a new one.
#include "core/storage/migrations.hpp"

#include <array>
#include <string_view>

#include <fmt/format.h>

namespace reflect::core {

namespace {

// Version 1: the foundation. Sessions keep the template snapshot they ran with, so editing a template file
// never rewrites history. Groups exist from the start so sessions can belong to one without a table rebuild.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE groups (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    format        TEXT NOT NULL,
    expected_size INTEGER CHECK (expected_size IS NULL OR expected_size BETWEEN 1 AND 500),
    created_at    INTEGER NOT NULL,
    archived      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    group_id      INTEGER REFERENCES groups(id),
    template_id   TEXT NOT NULL,
    template_name TEXT NOT NULL,
    format        TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    plan          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'ended')),
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    attendance    INTEGER CHECK (attendance IS NULL OR attendance BETWEEN 0 AND 1000)
);
CREATE INDEX sessions_by_status ON sessions(status);
CREATE INDEX sessions_by_start ON sessions(started_at);

CREATE TABLE session_stages (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    planned_ms INTEGER NOT NULL,
    actual_ms  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, idx)
) WITHOUT ROWID;

CREATE TABLE stage_events (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    stage_index INTEGER NOT NULL,
    at_wall     INTEGER NOT NULL,
    state       TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
)sql";

constexpr std::array<std::string_view, 1> kSteps = {kV1};

}  // namespace

int latestSchemaVersion() { return static_cast<int>(kSteps.size()); }

void migrate(Database& db) {
    const auto current = db.queryInt("PRAGMA user_version");
    if (current > latestSchemaVersion())
        throw SqliteError(fmt::format("{} was written by a newer version of the kiosk (schema {}, this build knows {})",
                                      db.path(), current, latestSchemaVersion()),
                          1, 1);
    for (auto version = current; version < latestSchemaVersion(); ++version) {
        Transaction tx(db);
        db.exec(kSteps[static_cast<std::size_t>(version)]);
        db.exec(fmt::format("PRAGMA user_version={}", version + 1));
        tx.commit();
    }
}

}  // namespace reflect::core
