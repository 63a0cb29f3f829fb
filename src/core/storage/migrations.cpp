// Schema migrations. Never edit a step that has shipped: add a new one.
#include "core/storage/migrations.hpp"

#include <algorithm>
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

// Version 2: anonymous contributions and the theme board. A contribution links to its session and stage
// only: its key is random (not an insertion counter), and nothing records when or in what order it came.
// The safeguarding count lives on the session, never on a contribution, so no flag can point at an entry.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE sessions ADD COLUMN contributions_state TEXT NOT NULL DEFAULT 'closed'
    CHECK (contributions_state IN ('closed', 'open', 'revealed'));
ALTER TABLE sessions ADD COLUMN safeguarding_alerts INTEGER NOT NULL DEFAULT 0;

CREATE TABLE contributions (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    stage_index INTEGER NOT NULL,
    text        TEXT NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    purged      INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))
);
CREATE INDEX contributions_by_session ON contributions(session_id);

CREATE TABLE themes (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    votes      INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    position   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX themes_by_session ON themes(session_id);

CREATE TABLE theme_tags (
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (theme_id, tag)
) WITHOUT ROWID;
CREATE INDEX theme_tags_by_tag ON theme_tags(tag);

CREATE TABLE theme_cards (
    contribution_id INTEGER PRIMARY KEY REFERENCES contributions(id) ON DELETE CASCADE,
    theme_id        INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX theme_cards_by_theme ON theme_cards(theme_id);
)sql";

// Version 3: actions that carry forward between a group's meetings, anonymous evaluations (random keys,
// no time, no order, like contributions), and the peer-support principles checklist.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE actions (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER REFERENCES groups(id),
    session_id  INTEGER REFERENCES sessions(id),
    text        TEXT NOT NULL,
    owner_label TEXT NOT NULL,
    due_date    TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    outcome     TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX actions_by_group ON actions(group_id, status);

CREATE TABLE action_history (
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    session_id INTEGER REFERENCES sessions(id),
    status     TEXT NOT NULL,
    outcome    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    at         INTEGER NOT NULL,
    PRIMARY KEY (action_id, seq)
) WITHOUT ROWID;

CREATE TABLE evaluations (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    overall     INTEGER CHECK (overall IS NULL OR overall BETWEEN 1 AND 5),
    staff_group TEXT CHECK (staff_group IS NULL OR staff_group IN ('clinical', 'non-clinical', 'student', 'other')),
    comment     TEXT NOT NULL DEFAULT '',
    come_again  INTEGER CHECK (come_again IS NULL OR come_again IN (0, 1)),
    purged      INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))
);
CREATE INDEX evaluations_by_session ON evaluations(session_id);

CREATE TABLE evaluation_answers (
    evaluation_id   INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    statement_index INTEGER NOT NULL,
    statement       TEXT NOT NULL,
    answer          INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 5),
    PRIMARY KEY (evaluation_id, statement_index)
) WITHOUT ROWID;

CREATE TABLE checklists (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id INTEGER REFERENCES sessions(id),
    taken_at   INTEGER NOT NULL
);
CREATE INDEX checklists_by_group ON checklists(group_id, taken_at);

CREATE TABLE checklist_ratings (
    checklist_id INTEGER NOT NULL REFERENCES checklists(id) ON DELETE CASCADE,
    principle    TEXT NOT NULL,
    rating       TEXT NOT NULL CHECK (rating IN ('met', 'partly', 'not_yet', 'not_applicable')),
    example      TEXT NOT NULL DEFAULT '',
    next_step    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (checklist_id, principle)
) WITHOUT ROWID;
)sql";

// Version 4: lead review. The audit log records what a lead did (never any contribution text).
// Search: FTS5 tables whose rowid is the row's own key. A contribution's key is random, so the index's rowid
// says nothing about insertion order. The kiosk runs with trusted_schema off, which forbids triggers that
// write to virtual tables, so triggers only note which rows changed (search_dirty, keyed by kind and key,
// again no order) and syncSearchIndex() brings the index up to date before a search.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    role   TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TABLE search_dirty (
    kind TEXT NOT NULL CHECK (kind IN ('c', 't', 'a')),
    id   INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE contributions_fts USING fts5(text);
CREATE VIRTUAL TABLE themes_fts USING fts5(name);
CREATE VIRTUAL TABLE actions_fts USING fts5(text, outcome);
INSERT INTO search_dirty(kind, id) SELECT 'c', id FROM contributions;
INSERT INTO search_dirty(kind, id) SELECT 't', id FROM themes;
INSERT INTO search_dirty(kind, id) SELECT 'a', id FROM actions;

CREATE TRIGGER contributions_search_insert AFTER INSERT ON contributions BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('c', new.id);
END;
CREATE TRIGGER contributions_search_update AFTER UPDATE OF text, hidden, purged ON contributions BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('c', new.id);
END;
CREATE TRIGGER contributions_search_delete AFTER DELETE ON contributions BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('c', old.id);
END;
CREATE TRIGGER themes_search_insert AFTER INSERT ON themes BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('t', new.id);
END;
CREATE TRIGGER themes_search_update AFTER UPDATE OF name ON themes BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('t', new.id);
END;
CREATE TRIGGER themes_search_delete AFTER DELETE ON themes BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('t', old.id);
END;
CREATE TRIGGER actions_search_insert AFTER INSERT ON actions BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('a', new.id);
END;
CREATE TRIGGER actions_search_update AFTER UPDATE OF text, outcome ON actions BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('a', new.id);
END;
CREATE TRIGGER actions_search_delete AFTER DELETE ON actions BEGIN
    INSERT OR IGNORE INTO search_dirty(kind, id) VALUES ('a', old.id);
END;

-- Answers per session, statement and value, kept by triggers, so the dashboard sums a few rows per session
-- instead of every answer. It holds nothing the answers do not: counts per session, no order, no time.
CREATE TABLE evaluation_tally (
    session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    statement_index INTEGER NOT NULL,
    statement       TEXT NOT NULL,
    n1 INTEGER NOT NULL DEFAULT 0,
    n2 INTEGER NOT NULL DEFAULT 0,
    n3 INTEGER NOT NULL DEFAULT 0,
    n4 INTEGER NOT NULL DEFAULT 0,
    n5 INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, statement_index)
) WITHOUT ROWID;
INSERT INTO evaluation_tally(session_id, statement_index, statement, n1, n2, n3, n4, n5)
    SELECT e.session_id, ea.statement_index, MIN(ea.statement), SUM(ea.answer = 1), SUM(ea.answer = 2),
           SUM(ea.answer = 3), SUM(ea.answer = 4), SUM(ea.answer = 5)
    FROM evaluation_answers ea JOIN evaluations e ON e.id = ea.evaluation_id GROUP BY 1, 2;
CREATE TRIGGER evaluation_tally_insert AFTER INSERT ON evaluation_answers BEGIN
    INSERT INTO evaluation_tally(session_id, statement_index, statement, n1, n2, n3, n4, n5)
        SELECT e.session_id, new.statement_index, new.statement, new.answer = 1, new.answer = 2, new.answer = 3,
               new.answer = 4, new.answer = 5
        FROM evaluations e WHERE e.id = new.evaluation_id
        ON CONFLICT(session_id, statement_index) DO UPDATE SET
            n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,
            n5 = n5 + excluded.n5;
END;
CREATE TRIGGER evaluation_tally_update AFTER UPDATE OF answer ON evaluation_answers BEGIN
    UPDATE evaluation_tally SET
        n1 = n1 - (old.answer = 1) + (new.answer = 1), n2 = n2 - (old.answer = 2) + (new.answer = 2),
        n3 = n3 - (old.answer = 3) + (new.answer = 3), n4 = n4 - (old.answer = 4) + (new.answer = 4),
        n5 = n5 - (old.answer = 5) + (new.answer = 5)
    WHERE session_id = (SELECT session_id FROM evaluations WHERE id = new.evaluation_id)
      AND statement_index = new.statement_index;
END;
CREATE TRIGGER evaluation_tally_delete BEFORE DELETE ON evaluations BEGIN
    UPDATE evaluation_tally SET
        n1 = n1 - (SELECT COUNT(*) FROM evaluation_answers a WHERE a.evaluation_id = old.id AND a.statement_index = evaluation_tally.statement_index AND a.answer = 1),
        n2 = n2 - (SELECT COUNT(*) FROM evaluation_answers a WHERE a.evaluation_id = old.id AND a.statement_index = evaluation_tally.statement_index AND a.answer = 2),
        n3 = n3 - (SELECT COUNT(*) FROM evaluation_answers a WHERE a.evaluation_id = old.id AND a.statement_index = evaluation_tally.statement_index AND a.answer = 3),
        n4 = n4 - (SELECT COUNT(*) FROM evaluation_answers a WHERE a.evaluation_id = old.id AND a.statement_index = evaluation_tally.statement_index AND a.answer = 4),
        n5 = n5 - (SELECT COUNT(*) FROM evaluation_answers a WHERE a.evaluation_id = old.id AND a.statement_index = evaluation_tally.statement_index AND a.answer = 5)
    WHERE session_id = old.session_id;
END;
)sql";

// Version 5: counts for the lead review kept by triggers, so a dashboard over years of sessions reads one row per
// session or theme instead of every contribution. Counts only: nothing here records order or time, and each count
// can already be worked out from the rows it counts. A card moved between themes (merge, split, upsert) moves its
// count with it; rows deleted by a cascade fire the same triggers.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE sessions ADD COLUMN contribution_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN evaluation_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE themes ADD COLUMN card_count INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET
    contribution_count = (SELECT COUNT(*) FROM contributions c WHERE c.session_id = sessions.id),
    evaluation_count = (SELECT COUNT(*) FROM evaluations e WHERE e.session_id = sessions.id);
UPDATE themes SET card_count = (SELECT COUNT(*) FROM theme_cards tc WHERE tc.theme_id = themes.id);

CREATE TRIGGER contributions_count_insert AFTER INSERT ON contributions BEGIN
    UPDATE sessions SET contribution_count = contribution_count + 1 WHERE id = new.session_id;
END;
CREATE TRIGGER contributions_count_delete AFTER DELETE ON contributions BEGIN
    UPDATE sessions SET contribution_count = contribution_count - 1 WHERE id = old.session_id;
END;
CREATE TRIGGER evaluations_count_insert AFTER INSERT ON evaluations BEGIN
    UPDATE sessions SET evaluation_count = evaluation_count + 1 WHERE id = new.session_id;
END;
CREATE TRIGGER evaluations_count_delete AFTER DELETE ON evaluations BEGIN
    UPDATE sessions SET evaluation_count = evaluation_count - 1 WHERE id = old.session_id;
END;
CREATE TRIGGER theme_cards_count_insert AFTER INSERT ON theme_cards BEGIN
    UPDATE themes SET card_count = card_count + 1 WHERE id = new.theme_id;
END;
CREATE TRIGGER theme_cards_count_delete AFTER DELETE ON theme_cards BEGIN
    UPDATE themes SET card_count = card_count - 1 WHERE id = old.theme_id;
END;
CREATE TRIGGER theme_cards_count_move AFTER UPDATE OF theme_id ON theme_cards BEGIN
    UPDATE themes SET card_count = card_count - 1 WHERE id = old.theme_id;
    UPDATE themes SET card_count = card_count + 1 WHERE id = new.theme_id;
END;

-- The review reads ended sessions by time, a group's latest sessions, and each session's themes with their
-- counts from the index alone.
CREATE INDEX sessions_ended_by_start ON sessions(status, started_at);
CREATE INDEX sessions_by_group_start ON sessions(group_id, started_at);
DROP INDEX themes_by_session;
CREATE INDEX themes_by_session ON themes(session_id, card_count);

-- The search indexes gain the session's month as a token ("m202611"), so a search can look at the newest months
-- first instead of fetching every match of a common word. They are rebuilt by the next syncSearchIndex().
DROP TABLE contributions_fts;
DROP TABLE themes_fts;
DROP TABLE actions_fts;
CREATE VIRTUAL TABLE contributions_fts USING fts5(text, month);
CREATE VIRTUAL TABLE themes_fts USING fts5(name, month);
CREATE VIRTUAL TABLE actions_fts USING fts5(text, outcome, month);
DELETE FROM search_dirty;
INSERT INTO search_dirty(kind, id) SELECT 'c', id FROM contributions;
INSERT INTO search_dirty(kind, id) SELECT 't', id FROM themes;
INSERT INTO search_dirty(kind, id) SELECT 'a', id FROM actions;
)sql";

// Version 6: the staff group leaves the evaluation row. With one student in the room, a row's staff group
// picked out the student's answers; now it is only a count per session and group, beside the forms, and a
// lead sees it by the same unit rule as every other count of what people said. The old column's content is
// overwritten as the table is rewritten (secure_delete is on for every connection).
constexpr std::string_view kV6 = R"sql(
CREATE TABLE evaluation_staff_groups (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    staff_group TEXT NOT NULL CHECK (staff_group IN ('clinical', 'non-clinical', 'student', 'other')),
    n           INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (session_id, staff_group)
) WITHOUT ROWID;
INSERT INTO evaluation_staff_groups(session_id, staff_group, n)
    SELECT session_id, staff_group, COUNT(*) FROM evaluations WHERE staff_group IS NOT NULL GROUP BY 1, 2;
ALTER TABLE evaluations DROP COLUMN staff_group;
)sql";

// Version 7: paper evaluation forms counted after a session. Their answers are stored as ordinary anonymous
// evaluation rows (nothing on a row says it came from paper); what came from paper is kept per session only, as
// the counts that were typed, so entering the tally again replaces those figures instead of adding to them.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE paper_tallies (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    forms      INTEGER NOT NULL CHECK (forms >= 0),
    counts     TEXT NOT NULL
);
)sql";

// Version 8: the contributions' search index starts again. From now on it holds only ended sessions'
// contributions, under the keys they keep (see syncSearchIndex); an older kiosk indexed contributions of open
// sessions too, whose keys the close and the end replaced, and FTS5 can keep a replaced key in its segments. The
// dropped pages are zeroed (secure_delete), and the next syncSearchIndex() indexes every contribution again.
// The free-text rule counts a session's visible contributions for every search hit and quote: an index that holds
// the hidden and purged marks answers it without reading a row (like the old index by session, it is keyed by
// session and the random key, so it keeps no order).
constexpr std::string_view kV8 = R"sql(
CREATE INDEX contributions_visible ON contributions(session_id, hidden, purged);
DROP INDEX contributions_by_session;
DROP TABLE contributions_fts;
CREATE VIRTUAL TABLE contributions_fts USING fts5(text, month);
DELETE FROM search_dirty WHERE kind = 'c';
INSERT INTO search_dirty(kind, id) SELECT 'c', id FROM contributions;
)sql";

// Version 9: the initials an Action Learning Set chooses for its presenters ("JM"), kept only with that set's
// meeting and deleted with it by the retention purge. Actions keep their slot label ("Presenter A"), which is all
// a lead view, export, report or bundle ever shows.
constexpr std::string_view kV9 = R"sql(
CREATE TABLE set_presenters (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    slot       TEXT NOT NULL,
    initials   TEXT NOT NULL CHECK (length(initials) BETWEEN 1 AND 3),
    PRIMARY KEY (session_id, slot)
) WITHOUT ROWID;
)sql";

// Version 10: what the lead review reads, within reach. Each session's tags, with the contributions filed under
// them, kept by triggers like the counts of version 5. The themes panel, the recurring marks and the trust bundle read
// one row per session and tag from it instead of walking themes and their tags, whose random keys scatter them over the
// file. Nothing here is new: each row is the sum of its session's themes (card_count) and their tags, and it holds no
// order or time. A theme's tags are deleted before the theme, so each delete is counted while the theme is still there
// to say which session it belonged to (a cascade runs after its parent row is gone).
constexpr std::string_view kV10 = R"sql(
CREATE TABLE session_tags (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    cards      INTEGER NOT NULL CHECK (cards >= 0),
    themes     INTEGER NOT NULL CHECK (themes >= 1),
    PRIMARY KEY (session_id, tag)
) WITHOUT ROWID;
INSERT INTO session_tags(session_id, tag, cards, themes)
    SELECT t.session_id, tt.tag, SUM(t.card_count), COUNT(*) FROM themes t JOIN theme_tags tt ON tt.theme_id = t.id
    GROUP BY 1, 2;

CREATE TRIGGER session_tags_insert AFTER INSERT ON theme_tags BEGIN
    INSERT INTO session_tags(session_id, tag, cards, themes)
        SELECT session_id, new.tag, card_count, 1 FROM themes WHERE id = new.theme_id
        ON CONFLICT(session_id, tag) DO UPDATE SET cards = cards + excluded.cards, themes = themes + 1;
END;
CREATE TRIGGER session_tags_delete AFTER DELETE ON theme_tags BEGIN
    -- The last theme with the tag takes the row with it; otherwise one theme and its cards come off.
    DELETE FROM session_tags
        WHERE session_id = (SELECT session_id FROM themes WHERE id = old.theme_id) AND tag = old.tag AND themes = 1;
    UPDATE session_tags SET cards = cards - (SELECT card_count FROM themes WHERE id = old.theme_id),
        themes = themes - 1
        WHERE session_id = (SELECT session_id FROM themes WHERE id = old.theme_id) AND tag = old.tag;
END;
CREATE TRIGGER session_tags_cards AFTER UPDATE OF card_count ON themes BEGIN
    UPDATE session_tags SET cards = cards + new.card_count - old.card_count
        WHERE session_id = new.session_id AND tag IN (SELECT tag FROM theme_tags WHERE theme_id = new.id);
END;
CREATE TRIGGER session_tags_theme_delete BEFORE DELETE ON themes BEGIN
    DELETE FROM theme_tags WHERE theme_id = old.id;
END;

-- Every panel starts from the range's ended sessions and their unit (group, format, month) and counts: an index
-- that holds them all answers that from the index alone, instead of a seek into the table for each session. It
-- takes over from sessions_ended_by_start, which is its first two columns.
CREATE INDEX sessions_for_review ON sessions(status, started_at, group_id, format, contribution_count,
                                             evaluation_count, attendance);
DROP INDEX sessions_ended_by_start;
-- The actions and checklist panels start from those sessions too, and find their rows by session.
CREATE INDEX actions_by_session ON actions(session_id, group_id, status, due_date);
CREATE INDEX checklists_by_session ON checklists(session_id, group_id);
)sql";

constexpr std::array<std::string_view, 10> kSteps = {kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8, kV9, kV10};

}  // namespace

int latestSchemaVersion() {
    return static_cast<int>(kSteps.size());
}

void migrate(Database& db) {
    migrateTo(db, latestSchemaVersion());
}

void migrateTo(Database& db, int target) {
    const auto current = db.queryInt("PRAGMA user_version");
    if (current > latestSchemaVersion())
        throw SqliteError(fmt::format("{} was written by a newer version of the kiosk (schema {}, this build knows {})",
                                      db.path(), current, latestSchemaVersion()),
                          1, 1);
    for (auto version = current; version < std::min(target, latestSchemaVersion()); ++version) {
        Transaction tx(db);
        db.exec(kSteps[static_cast<std::size_t>(version)]);
        db.exec(fmt::format("PRAGMA user_version={}", version + 1));
        tx.commit();
    }
}

}  // namespace reflect::core
