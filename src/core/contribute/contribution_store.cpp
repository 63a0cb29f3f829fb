// ContributionStore implementation.
#include "core/contribute/contribution_store.hpp"

#include <utility>

#include "core/evaluation/evaluation_store.hpp"
#include "core/storage/random_key.hpp"
#include "core/storage/row_shuffle.hpp"
#include "core/storage/wal_wipe.hpp"
#include "core/storage/write_transaction.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core {

Result<void> ContributionStore::add(std::int64_t sessionId, int stageIndex, std::string_view scrubbedText, bool risk) {
    // The last gate before the disk: a screen bug must not be able to store unreadable bytes or an endless paste.
    if (auto checked = checkContributionText(scrubbedText); !checked) return checked;
    auto added = writeTransaction(m_db, [&] {
        auto insert = m_db.prepare("INSERT INTO contributions(id, session_id, stage_index, text) VALUES(?, ?, ?, ?)");
        // A collision of two random 63-bit keys is vanishingly rare; if it happens, draw again.
        for (int attempt = 0;; ++attempt) {
            try {
                insert.reset();
                insert.bind(1, randomKey()).bind(2, sessionId).bind(3, stageIndex).bind(4, scrubbedText).run();
                return;
            } catch (const SqliteError& e) {
                if (e.extendedCode() != 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */ || attempt > 3) throw;
            }
        }
    });
    if (added && risk) ++m_pendingAlerts[sessionId];
    return added;
}

Result<void> checkContributionText(std::string_view text) {
    if (!isValidUtf8(text))
        return fail("This text has characters the kiosk cannot read. Please type it again rather than pasting it.");
    std::size_t characters = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++characters;
    if (characters > kMaxContributionCharacters)
        return fail("This is longer than one contribution can be. Please shorten it or split it in two.");
    return ok();
}

int ContributionStore::count(std::int64_t sessionId) const {
    auto stmt = m_db.prepare("SELECT COUNT(*) FROM contributions WHERE session_id = ?");
    stmt.bind(1, sessionId);
    stmt.step();
    return static_cast<int>(stmt.columnInt(0));
}

std::vector<Contribution> ContributionStore::shuffled(std::int64_t sessionId) const {
    std::vector<Contribution> out;
    auto stmt = m_db.prepare("SELECT id, stage_index, text, hidden FROM contributions WHERE session_id = ?");
    stmt.bind(1, sessionId);
    while (stmt.step())
        out.push_back(
            {stmt.columnInt(0), static_cast<int>(stmt.columnInt(1)), stmt.columnText(2), stmt.columnInt(3) != 0});
    // The order on screen carries no information about who wrote what, or when.
    shuffleSecurely(out);
    return out;
}

ContributionState ContributionStore::state(std::int64_t sessionId) const {
    auto stmt = m_db.prepare("SELECT contributions_state FROM sessions WHERE id = ?");
    stmt.bind(1, sessionId);
    if (!stmt.step()) return ContributionState::Closed;
    const std::string s = stmt.columnText(0);
    return s == "open"       ? ContributionState::Open
           : s == "revealed" ? ContributionState::Revealed
                             : ContributionState::Closed;
}

Result<void> ContributionStore::setState(std::int64_t sessionId, ContributionState state) {
    const char* value = state == ContributionState::Open       ? "open"
                        : state == ContributionState::Revealed ? "revealed"
                                                               : "closed";
    return writeTransaction(m_db, [&] {
        m_db.prepare("UPDATE sessions SET contributions_state = ? WHERE id = ?")
            .bind(1, value)
            .bind(2, sessionId)
            .run();
    });
}

Result<void> ContributionStore::close(std::int64_t sessionId) {
    const auto pending = m_pendingAlerts.find(sessionId);
    const int alerts = pending == m_pendingAlerts.end() ? 0 : pending->second;
    auto closed = writeTransaction(m_db, [&] {
        m_db.prepare(
                "UPDATE sessions SET contributions_state = 'closed', safeguarding_alerts = safeguarding_alerts + ? "
                "WHERE id = ?")
            .bind(1, alerts)
            .bind(2, sessionId)
            .run();
        reorderContributions(m_db, sessionId);
        reorderEvaluations(m_db, sessionId);
    });
    if (!closed) return closed;
    if (pending != m_pendingAlerts.end()) m_pendingAlerts.erase(pending);
    // The rows are safe and reordered; a WAL that could not be wiped now is wiped by the next close or end.
    (void)wipeWal(m_db);
    return ok();
}

int ContributionStore::safeguardingAlerts(std::int64_t sessionId) const {
    auto stmt = m_db.prepare("SELECT safeguarding_alerts FROM sessions WHERE id = ?");
    stmt.bind(1, sessionId);
    const int stored = stmt.step() ? static_cast<int>(stmt.columnInt(0)) : 0;
    const auto pending = m_pendingAlerts.find(sessionId);
    return stored + (pending == m_pendingAlerts.end() ? 0 : pending->second);
}

void reorderContributions(Database& db, std::int64_t sessionId) {
    RowSet rows = readRows(db, "contributions", "id", "session_id", sessionId);
    if (rows.rows.empty()) return;
    std::map<std::int64_t, std::int64_t> themeOf;
    {
        auto cards = db.prepare(
            "SELECT tc.contribution_id, tc.theme_id FROM theme_cards tc JOIN contributions c "
            "ON c.id = tc.contribution_id WHERE c.session_id = ?");
        cards.bind(1, sessionId);
        while (cards.step()) themeOf.emplace(cards.columnInt(0), cards.columnInt(1));
    }
    // The search index holds only ended sessions' contributions (see syncSearchIndex), so normally none of these
    // keys is in it. If some are (a session indexed by an older kiosk), they are deleted and every segment merged
    // in this same transaction: FTS5 keeps a deleted key in its segments until such a merge.
    auto indexedRows = db.prepare(
        "SELECT COUNT(*) FROM contributions_fts_docsize WHERE id IN (SELECT id FROM contributions WHERE session_id = "
        "?)");
    indexedRows.bind(1, sessionId);
    const bool indexed = indexedRows.step() && indexedRows.columnInt(0) > 0;
    // Old rows go first (their theme cards with them), so the new cells take the freed space in the new order.
    // The to-do list of the search index forgets the old keys too: its rows were written in submission order.
    db.prepare("DELETE FROM contributions WHERE session_id = ?").bind(1, sessionId).run();
    auto unindex = db.prepare("DELETE FROM contributions_fts WHERE rowid = ?");
    auto undirty = db.prepare("DELETE FROM search_dirty WHERE kind = 'c' AND id = ?");
    for (const auto& row : rows.rows) {
        for (auto* stmt : {&unindex, &undirty}) {
            if (stmt == &unindex && !indexed) continue;
            stmt->reset();
            stmt->bind(1, row[0]).run();
        }
    }
    if (indexed) db.exec("INSERT INTO contributions_fts(contributions_fts) VALUES('optimize')");
    shuffleSecurely(rows.rows);
    auto card = db.prepare("INSERT INTO theme_cards(contribution_id, theme_id) VALUES(?, ?)");
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
        const auto newKey = insertWithFreshKey(db, rows, i);
        const auto theme = themeOf.find(std::get<std::int64_t>(rows.rows[i][0]));
        if (theme == themeOf.end()) continue;
        card.reset();
        card.bind(1, newKey).bind(2, theme->second).run();
    }
}

}  // namespace reflect::core
