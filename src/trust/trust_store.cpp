// Trust schema and import: verify, check the revision, replace the kiosk's units, all in one transaction.
#include "trust/trust_store.hpp"

#include <array>

#include <fmt/format.h>

#include "core/publish/bundle.hpp"

namespace reflect::trust {

namespace {

// Never edit a step that has shipped: add a new one. Child rows go with their unit (ON DELETE CASCADE), which is
// how an import replaces a unit's figures.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE kiosks (
    id            serial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    public_key    text NOT NULL UNIQUE CHECK (public_key ~ '^[0-9a-f]{64}$'),
    revision      bigint NOT NULL DEFAULT 0,
    registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE imports (
    kiosk_id    integer NOT NULL REFERENCES kiosks(id),
    revision    bigint NOT NULL,
    since       bigint NOT NULL,
    digest      text NOT NULL,
    units       integer NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk_id, revision)
);
CREATE TABLE units (
    kiosk_id      integer NOT NULL REFERENCES kiosks(id),
    unit_key      text NOT NULL,
    group_name    text NOT NULL,
    format        text NOT NULL,
    month         text NOT NULL,
    revision      bigint NOT NULL,
    sessions      bigint NOT NULL,
    attendance    bigint NOT NULL,
    contributions bigint NOT NULL,
    evaluations   bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key)
);
CREATE INDEX units_by_month ON units(month);
CREATE TABLE unit_answers (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, statement_index integer NOT NULL, statement text NOT NULL,
    n1 bigint NOT NULL, n2 bigint NOT NULL, n3 bigint NOT NULL, n4 bigint NOT NULL, n5 bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key, statement_index),
    FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE TABLE unit_tags (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, tag text NOT NULL, sessions bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key, tag), FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE TABLE unit_pairs (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, first text NOT NULL, second text NOT NULL,
    sessions bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key, first, second),
    FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE TABLE unit_stages (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, stage_key text NOT NULL, stage_name text NOT NULL,
    sessions bigint NOT NULL, planned_ms bigint NOT NULL, actual_ms bigint NOT NULL, overruns bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key, stage_key), FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE TABLE unit_actions (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, state text NOT NULL, actions bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key, state), FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE TABLE unit_checklist (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, principle text NOT NULL,
    met bigint NOT NULL, partly bigint NOT NULL, not_yet bigint NOT NULL, not_applicable bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit_key, principle), FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE TABLE unit_themes (
    kiosk_id integer NOT NULL, unit_key text NOT NULL, name text NOT NULL,
    FOREIGN KEY (kiosk_id, unit_key) REFERENCES units ON DELETE CASCADE
);
CREATE INDEX unit_themes_by_unit ON unit_themes(kiosk_id, unit_key);

-- Each kiosk's whole-range sums, rebuilt from its units by every import of that kiosk, so a report over hundreds of
-- kiosks reads a few rows per kiosk. They hold only counts that are never suppressed, and the answers per
-- group-quarter (the ratings unit), which the report still suppresses unit by unit.
CREATE TABLE kiosk_tags (kiosk_id integer NOT NULL REFERENCES kiosks(id), tag text NOT NULL, sessions bigint NOT NULL,
    PRIMARY KEY (kiosk_id, tag));
CREATE TABLE kiosk_pairs (kiosk_id integer NOT NULL REFERENCES kiosks(id), first text NOT NULL, second text NOT NULL,
    sessions bigint NOT NULL, PRIMARY KEY (kiosk_id, first, second));
CREATE TABLE kiosk_stages (kiosk_id integer NOT NULL REFERENCES kiosks(id), format text NOT NULL,
    stage_key text NOT NULL, stage_name text NOT NULL, sessions bigint NOT NULL, planned_ms bigint NOT NULL,
    actual_ms bigint NOT NULL, overruns bigint NOT NULL, PRIMARY KEY (kiosk_id, format, stage_key));
CREATE TABLE kiosk_actions (kiosk_id integer NOT NULL REFERENCES kiosks(id), state text NOT NULL,
    actions bigint NOT NULL, PRIMARY KEY (kiosk_id, state));
CREATE TABLE kiosk_checklist (kiosk_id integer NOT NULL REFERENCES kiosks(id), principle text NOT NULL,
    met bigint NOT NULL, partly bigint NOT NULL, not_yet bigint NOT NULL, not_applicable bigint NOT NULL,
    PRIMARY KEY (kiosk_id, principle));
CREATE TABLE kiosk_answer_units (kiosk_id integer NOT NULL REFERENCES kiosks(id), unit text NOT NULL,
    quarter text NOT NULL, statement_index integer NOT NULL, statement text NOT NULL,
    n1 bigint NOT NULL, n2 bigint NOT NULL, n3 bigint NOT NULL, n4 bigint NOT NULL, n5 bigint NOT NULL,
    PRIMARY KEY (kiosk_id, unit, quarter, statement_index));
)sql";

/// Rebuilds one kiosk's sums from its units (see the kiosk_* tables); $1 is the kiosk.
constexpr std::string_view kRebuildKioskSums = R"sql(
DELETE FROM kiosk_tags WHERE kiosk_id = $1;
INSERT INTO kiosk_tags SELECT kiosk_id, tag, SUM(sessions) FROM unit_tags WHERE kiosk_id = $1 GROUP BY 1, 2;
DELETE FROM kiosk_pairs WHERE kiosk_id = $1;
INSERT INTO kiosk_pairs SELECT kiosk_id, first, second, SUM(sessions) FROM unit_pairs WHERE kiosk_id = $1
    GROUP BY 1, 2, 3;
DELETE FROM kiosk_stages WHERE kiosk_id = $1;
INSERT INTO kiosk_stages SELECT kiosk_id, split_part(unit_key, '|', 2), stage_key, MIN(stage_name), SUM(sessions),
    SUM(planned_ms), SUM(actual_ms), SUM(overruns) FROM unit_stages WHERE kiosk_id = $1 GROUP BY 1, 2, 3;
DELETE FROM kiosk_actions WHERE kiosk_id = $1;
INSERT INTO kiosk_actions SELECT kiosk_id, state, SUM(actions) FROM unit_actions WHERE kiosk_id = $1 GROUP BY 1, 2;
DELETE FROM kiosk_checklist WHERE kiosk_id = $1;
INSERT INTO kiosk_checklist SELECT kiosk_id, principle, SUM(met), SUM(partly), SUM(not_yet), SUM(not_applicable)
    FROM unit_checklist WHERE kiosk_id = $1 GROUP BY 1, 2;
DELETE FROM kiosk_answer_units WHERE kiosk_id = $1;
INSERT INTO kiosk_answer_units SELECT kiosk_id, split_part(unit_key, '|', 1) || '|' || split_part(unit_key, '|', 2),
    substr(split_part(unit_key, '|', 3), 1, 4) || '-Q' || ((substr(split_part(unit_key, '|', 3), 6, 2)::int + 2) / 3),
    statement_index, MIN(statement), SUM(n1), SUM(n2), SUM(n3), SUM(n4), SUM(n5)
    FROM unit_answers WHERE kiosk_id = $1 GROUP BY 1, 2, 3, 4;
)sql";

constexpr std::array<std::string_view, 1> kSteps = {kV1};

/// The COPY text of every row a bundle's units carry, one buffer per table.
struct CopyData {
    std::string units, answers, tags, pairs, stages, actions, checklist, themes;
};

CopyData copyDataOf(const core::Bundle& bundle, const std::string& kioskId) {
    CopyData d;
    for (const auto& u : bundle.units) {
        const auto start = [&](std::string& buffer) {
            copyField(buffer, kioskId);
            copyField(buffer, u.key);
        };
        start(d.units);
        copyField(d.units, u.group);
        copyField(d.units, u.format);
        copyField(d.units, u.month);
        copyField(d.units, bundle.revision);
        copyField(d.units, u.sessions);
        copyField(d.units, u.attendance);
        copyField(d.units, u.contributions);
        copyField(d.units, u.evaluations, true);
        for (const auto& [index, a] : u.answers) {
            start(d.answers);
            copyField(d.answers, index);
            copyField(d.answers, a.statement);
            for (std::size_t i = 0; i < 5; ++i) copyField(d.answers, a.counts[i], i == 4);
        }
        for (const auto& [tag, n] : u.tags) {
            start(d.tags);
            copyField(d.tags, tag);
            copyField(d.tags, n, true);
        }
        for (const auto& [pair, n] : u.tagPairs) {
            start(d.pairs);
            copyField(d.pairs, pair.first);
            copyField(d.pairs, pair.second);
            copyField(d.pairs, n, true);
        }
        for (const auto& [key, s] : u.stages) {
            start(d.stages);
            copyField(d.stages, key);
            copyField(d.stages, s.name);
            copyField(d.stages, s.sessions);
            copyField(d.stages, s.plannedMs);
            copyField(d.stages, s.actualMs);
            copyField(d.stages, s.overruns, true);
        }
        for (const auto& [state, n] : u.actions) {
            start(d.actions);
            copyField(d.actions, state);
            copyField(d.actions, n, true);
        }
        for (const auto& [principle, r] : u.checklist) {
            start(d.checklist);
            copyField(d.checklist, principle);
            copyField(d.checklist, r.met);
            copyField(d.checklist, r.partly);
            copyField(d.checklist, r.notYet);
            copyField(d.checklist, r.notApplicable, true);
        }
        for (const auto& name : u.themes) {
            start(d.themes);
            copyField(d.themes, name, true);
        }
    }
    return d;
}

/// A Postgres text[] literal of the bundle's unit keys, for "= ANY($n)".
std::string keyArray(const core::Bundle& bundle) {
    std::string out = "{";
    for (const auto& u : bundle.units) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char c : u.key) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

core::Result<void> writeUnits(PgConnection& conn, const core::Bundle& bundle, const std::string& kioskId) {
    if (auto gone = conn.exec("DELETE FROM units WHERE kiosk_id = $1 AND unit_key = ANY($2::text[])",
                              {kioskId, keyArray(bundle)});
        !gone)
        return gone.error();
    const CopyData d = copyDataOf(bundle, kioskId);
    const std::array<std::pair<std::string_view, const std::string*>, 8> copies{{
        {"COPY units FROM STDIN", &d.units},
        {"COPY unit_answers FROM STDIN", &d.answers},
        {"COPY unit_tags FROM STDIN", &d.tags},
        {"COPY unit_pairs FROM STDIN", &d.pairs},
        {"COPY unit_stages FROM STDIN", &d.stages},
        {"COPY unit_actions FROM STDIN", &d.actions},
        {"COPY unit_checklist FROM STDIN", &d.checklist},
        {"COPY unit_themes FROM STDIN", &d.themes},
    }};
    for (const auto& [sql, data] : copies) {
        if (data->empty()) continue;
        if (auto copied = conn.copyIn(sql, *data); !copied) return copied;
    }
    // Several statements with a parameter cannot go in one call, so each runs on its own.
    std::string_view rest = kRebuildKioskSums;
    while (!rest.empty()) {
        const auto end = rest.find(";\n");
        const std::string_view statement = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
        if (statement.find_first_not_of(" \n") == std::string_view::npos) continue;
        if (auto rebuilt = conn.exec(statement, {kioskId}); !rebuilt) return rebuilt.error();
    }
    return core::ok();
}

}  // namespace

core::Result<int> migrateTrust(PgConnection& conn) {
    if (auto made = conn.exec("CREATE TABLE IF NOT EXISTS trust_schema (version integer NOT NULL)"); !made)
        return made.error();
    int version = 0;
    for (std::size_t step = 0; step < kSteps.size(); ++step) {
        auto tx = PgTransaction::begin(conn);
        if (!tx) return tx.error();
        // Two admins running init at once queue here instead of both applying a step.
        if (auto locked = conn.exec("LOCK TABLE trust_schema IN EXCLUSIVE MODE"); !locked) return locked.error();
        auto current = conn.exec("SELECT COALESCE(MAX(version), 0) FROM trust_schema");
        if (!current) return current.error();
        version = static_cast<int>(current->integer(0, 0));
        if (version > static_cast<int>(kSteps.size()))
            return core::fail(fmt::format("the trust database has schema {}, newer than this reflect-trust ({})",
                                          version, kSteps.size()));
        if (version > static_cast<int>(step)) continue;
        if (auto applied = conn.exec(kSteps[step]); !applied) return applied.error();
        if (auto noted =
                conn.exec(fmt::format("DELETE FROM trust_schema; INSERT INTO trust_schema VALUES ({})", step + 1));
            !noted)
            return noted.error();
        if (auto done = tx->commit(); !done) return done.error();
        version = static_cast<int>(step) + 1;
    }
    return version;
}

core::Result<void> registerKiosk(PgConnection& conn, const std::string& name, const std::string& keyHex) {
    if (name.empty()) return core::fail("a site name is needed (--name)");
    if (!core::isPublicKeyHex(keyHex))
        return core::fail("--key must be the 64 hex digits that reflect-kiosk publish --show-key prints");
    auto existing = conn.exec("SELECT name FROM kiosks WHERE public_key = $1 OR name = $2", {keyHex, name});
    if (!existing) return existing.error();
    if (existing->rows() > 0)
        return core::fail(fmt::format("site \"{}\" or that key is already registered", existing->text(0, 0)));
    if (auto added = conn.exec("INSERT INTO kiosks(name, public_key) VALUES ($1, $2)", {name, keyHex}); !added)
        return added.error();
    return core::ok();
}

core::Result<ImportOutcome> importBundle(PgConnection& conn, const std::string& fileText) {
    auto split = core::splitBundle(fileText);
    if (!split) return split.error();
    auto tx = PgTransaction::begin(conn);
    if (!tx) return tx.error();
    // The kiosk's row is locked for the whole import, so two imports for one kiosk take turns.
    auto kiosk = conn.exec("SELECT id, name, revision FROM kiosks WHERE public_key = $1 FOR UPDATE", {split->kiosk});
    if (!kiosk) return kiosk.error();
    if (kiosk->rows() == 0)
        return core::fail(
            fmt::format("unknown kiosk key {}... (register it first with register-kiosk)", split->kiosk.substr(0, 12)));
    const std::string kioskId = kiosk->text(0, 0);
    ImportOutcome outcome{kiosk->text(0, 1), 0, 0, false};
    const std::int64_t have = kiosk->integer(0, 2);
    if (!core::signatureMatches(split->kiosk, split->signature, split->payload))
        return core::fail(
            fmt::format("the signature does not match site {}'s key: the file was changed after it "
                        "was signed",
                        outcome.site));
    auto bundle = core::readPayload(*split);
    if (!bundle) return bundle.error();
    outcome.revision = bundle->revision;
    outcome.units = static_cast<std::int64_t>(bundle->units.size());
    const std::string digest = core::payloadDigest(split->payload);
    if (bundle->revision <= have) {
        auto before = conn.exec("SELECT digest FROM imports WHERE kiosk_id = $1 AND revision = $2",
                                {kioskId, std::to_string(bundle->revision)});
        if (!before) return before.error();
        const bool same = before->rows() == 1 && before->text(0, 0) == digest;
        if (same && bundle->revision == have) {
            outcome.alreadyImported = true;
            return outcome;
        }
        return core::fail(fmt::format("site {} revision {} is {} revision {} already imported; nothing changed",
                                      outcome.site, bundle->revision, same ? "a replay, older than" : "older than",
                                      have));
    }
    if (bundle->since > have)
        return core::fail(
            fmt::format("site {} revision {} follows revision {}, but the trust has only up to {}: "
                        "import the bundles in between first (or publish --all on the kiosk)",
                        outcome.site, bundle->revision, bundle->since, have));
    if (auto written = writeUnits(conn, *bundle, kioskId); !written) return written.error();
    const std::string revision = std::to_string(bundle->revision);
    if (auto moved = conn.exec("UPDATE kiosks SET revision = $2 WHERE id = $1", {kioskId, revision}); !moved)
        return moved.error();
    if (auto logged =
            conn.exec("INSERT INTO imports(kiosk_id, revision, since, digest, units) VALUES ($1, $2, $3, $4, $5)",
                      {kioskId, revision, std::to_string(bundle->since), digest, std::to_string(outcome.units)});
        !logged)
        return logged.error();
    if (auto committed = tx->commit(); !committed) return committed.error();
    return outcome;
}

}  // namespace reflect::trust
