// ContributionStore implementation.
#include "core/storage/contribution_store.hpp"

#include <utility>

#include "core/session/session_service.hpp"
#include "core/storage/random_key.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core {

Result<void> ContributionStore::add(std::int64_t sessionId, int stageIndex, std::string_view scrubbedText, bool risk) {
    // The last gate before the disk: a screen bug must not be able to store unreadable bytes or an endless paste.
    if (auto checked = checkContributionText(scrubbedText); !checked) return checked;
    try {
        Transaction tx(m_db);
        // A collision of two random 63-bit keys is vanishingly rare; if it happens, draw again.
        for (int attempt = 0;; ++attempt) {
            try {
                m_db.prepare("INSERT INTO contributions(id, session_id, stage_index, text) VALUES(?, ?, ?, ?)")
                    .bind(1, randomKey())
                    .bind(2, sessionId)
                    .bind(3, stageIndex)
                    .bind(4, scrubbedText)
                    .run();
                break;
            } catch (const SqliteError& e) {
                if (e.extendedCode() != 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */ || attempt > 3) throw;
            }
        }
        if (risk)
            m_db.prepare("UPDATE sessions SET safeguarding_alerts = safeguarding_alerts + 1 WHERE id = ?")
                .bind(1, sessionId)
                .run();
        tx.commit();
        return ok();
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
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
        out.push_back({stmt.columnInt(0), static_cast<int>(stmt.columnInt(1)), stmt.columnText(2), stmt.columnInt(3) != 0});
    // Fisher-Yates with the CSPRNG: the order on screen carries no information about who wrote what, or when.
    for (std::size_t i = out.size(); i > 1; --i) {
        const auto j = randomBelow(static_cast<std::uint32_t>(i));
        std::swap(out[i - 1], out[j]);
    }
    return out;
}

Result<void> ContributionStore::setHidden(std::int64_t contributionId, bool hidden) {
    try {
        Transaction tx(m_db);
        m_db.prepare("UPDATE contributions SET hidden = ? WHERE id = ?").bind(1, hidden ? 1 : 0).bind(2, contributionId).run();
        tx.commit();
        return ok();
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
}

ContributionState ContributionStore::state(std::int64_t sessionId) const {
    auto stmt = m_db.prepare("SELECT contributions_state FROM sessions WHERE id = ?");
    stmt.bind(1, sessionId);
    if (!stmt.step()) return ContributionState::Closed;
    const std::string s = stmt.columnText(0);
    return s == "open" ? ContributionState::Open : s == "revealed" ? ContributionState::Revealed : ContributionState::Closed;
}

Result<void> ContributionStore::setState(std::int64_t sessionId, ContributionState state) {
    const char* value = state == ContributionState::Open ? "open" : state == ContributionState::Revealed ? "revealed" : "closed";
    try {
        Transaction tx(m_db);
        m_db.prepare("UPDATE sessions SET contributions_state = ? WHERE id = ?").bind(1, value).bind(2, sessionId).run();
        tx.commit();
        return ok();
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
}

int ContributionStore::safeguardingAlerts(std::int64_t sessionId) const {
    auto stmt = m_db.prepare("SELECT safeguarding_alerts FROM sessions WHERE id = ?");
    stmt.bind(1, sessionId);
    return stmt.step() ? static_cast<int>(stmt.columnInt(0)) : 0;
}

}  // namespace reflect::core
