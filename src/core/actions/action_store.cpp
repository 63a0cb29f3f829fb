// ActionStore implementation.
#include "core/actions/action_store.hpp"

#include "core/storage/write_transaction.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core {

std::string_view toString(ActionStatus status) noexcept {
    switch (status) {
        case ActionStatus::Open:
            return "open";
        case ActionStatus::InProgress:
            return "in_progress";
        case ActionStatus::Done:
            return "done";
        case ActionStatus::Dropped:
            return "dropped";
    }
    return "open";
}

std::optional<ActionStatus> parseActionStatus(std::string_view text) noexcept {
    if (text == "open") return ActionStatus::Open;
    if (text == "in_progress") return ActionStatus::InProgress;
    if (text == "done") return ActionStatus::Done;
    if (text == "dropped") return ActionStatus::Dropped;
    return std::nullopt;
}

namespace {

void addHistory(Database& db, std::int64_t actionId, std::optional<std::int64_t> sessionId, ActionStatus status,
                const std::string& outcome, std::string_view note, std::int64_t nowWall) {
    auto next = db.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM action_history WHERE action_id = ?");
    next.bind(1, actionId);
    next.step();
    const auto seq = next.columnInt(0);
    db.prepare(
          "INSERT INTO action_history(action_id, seq, session_id, status, outcome, note, at) VALUES(?, ?, ?, ?, ?, ?, "
          "?)")
        .bind(1, actionId)
        .bind(2, seq)
        .bind(3, sessionId)
        .bind(4, toString(status))
        .bind(5, outcome)
        .bind(6, note)
        .bind(7, nowWall)
        .run();
}

constexpr std::string_view kSelect =
    "SELECT id, group_id, session_id, text, owner_label, due_date, status, outcome FROM actions ";

Action readAction(const Statement& stmt) {
    Action a;
    a.id = stmt.columnInt(0);
    a.groupId = stmt.columnOptionalInt(1);
    a.sessionId = stmt.columnOptionalInt(2);
    a.text = stmt.columnText(3);
    a.ownerLabel = stmt.columnText(4);
    a.dueDate = stmt.columnOptionalText(5);
    a.status = parseActionStatus(stmt.columnText(6)).value_or(ActionStatus::Open);
    a.outcome = stmt.columnText(7);
    return a;
}

}  // namespace

Result<std::int64_t> ActionStore::add(std::optional<std::int64_t> groupId, std::optional<std::int64_t> sessionId,
                                      std::string_view rawText, std::string_view ownerLabel,
                                      std::optional<std::string> dueDate, std::int64_t nowWall) {
    std::string text = std::string(trimBlanks(m_scrubber.scrub(rawText).text));
    if (text.empty()) return fail("Write the action first.");
    if (text.size() > kMaxActionCharacters) return fail("Keep the action shorter (400 characters at most).");
    std::string owner = std::string(trimBlanks(m_scrubber.scrub(ownerLabel).text));
    if (owner.empty()) return fail("Say whose action it is: a presenter label or the set.");
    if (dueDate && dueDate->empty()) dueDate.reset();
    if (dueDate && !isIsoDate(*dueDate)) return fail("Write the due date as year-month-day, for example 2026-12-01.");
    return writeTransaction(m_db, [&] {
        m_db.prepare(
                "INSERT INTO actions(group_id, session_id, text, owner_label, due_date, created_at, updated_at) "
                "VALUES(?, ?, ?, ?, ?, ?, ?)")
            .bind(1, groupId)
            .bind(2, sessionId)
            .bind(3, text)
            .bind(4, owner)
            .bind(5, dueDate)
            .bind(6, nowWall)
            .bind(7, nowWall)
            .run();
        const auto id = m_db.lastInsertRowId();
        addHistory(m_db, id, sessionId, ActionStatus::Open, "", "created", nowWall);
        return id;
    });
}

Result<void> ActionStore::review(std::int64_t actionId, std::optional<std::int64_t> sessionId,
                                 const ActionReview& review, std::int64_t nowWall) {
    const auto current = find(actionId);
    if (!current) return fail("That action no longer exists.");
    if (review.carryOver && (review.status == ActionStatus::Done || review.status == ActionStatus::Dropped))
        return fail("Only an open action can be carried over.");
    std::string outcome = std::string(trimBlanks(m_scrubber.scrub(review.outcome).text));
    if (outcome.size() > kMaxActionCharacters) return fail("Keep the note shorter (400 characters at most).");
    const std::string_view note = review.carryOver ? "carried over" : sessionId ? "reviewed" : "updated";
    return writeTransaction(m_db, [&] {
        m_db.prepare("UPDATE actions SET status = ?, outcome = ?, updated_at = ? WHERE id = ?")
            .bind(1, toString(review.status))
            .bind(2, outcome)
            .bind(3, nowWall)
            .bind(4, actionId)
            .run();
        addHistory(m_db, actionId, sessionId, review.status, outcome, note, nowWall);
    });
}

std::optional<Action> ActionStore::find(std::int64_t actionId) const {
    auto stmt = m_db.prepare(std::string(kSelect) + "WHERE id = ?");
    stmt.bind(1, actionId);
    if (!stmt.step()) return std::nullopt;
    return readAction(stmt);
}

std::vector<Action> ActionStore::agreedIn(std::int64_t sessionId) const {
    std::vector<Action> out;
    auto stmt = m_db.prepare(std::string(kSelect) + "WHERE session_id = ? ORDER BY owner_label, id");
    stmt.bind(1, sessionId);
    while (stmt.step()) out.push_back(readAction(stmt));
    return out;
}

std::vector<Action> ActionStore::openForGroup(std::int64_t groupId) const {
    std::vector<Action> out;
    auto stmt = m_db.prepare(std::string(kSelect) +
                             "WHERE group_id = ? AND status IN ('open', 'in_progress') ORDER BY owner_label, id");
    stmt.bind(1, groupId);
    while (stmt.step()) out.push_back(readAction(stmt));
    return out;
}

std::vector<Action> ActionStore::awaitingReview(std::int64_t groupId, std::int64_t sessionId) const {
    std::vector<Action> out;
    auto stmt = m_db.prepare(std::string(kSelect) +
                             "WHERE group_id = ?1 AND status IN ('open', 'in_progress') "
                             "AND (session_id IS NULL OR session_id <> ?2) "
                             "AND NOT EXISTS (SELECT 1 FROM action_history h WHERE h.action_id = actions.id "
                             "AND h.session_id = ?2 AND h.note <> 'created') ORDER BY owner_label, id");
    stmt.bind(1, groupId).bind(2, sessionId);
    while (stmt.step()) out.push_back(readAction(stmt));
    return out;
}

std::vector<Action> ActionStore::forCheckIn(std::int64_t groupId, std::int64_t sessionId) const {
    std::vector<Action> out;
    auto stmt = m_db.prepare(std::string(kSelect) +
                             "WHERE group_id = ?1 AND (session_id IS NULL OR session_id <> ?2) AND "
                             "(status IN ('open', 'in_progress') OR EXISTS (SELECT 1 FROM action_history h "
                             "WHERE h.action_id = actions.id AND h.session_id = ?2 AND h.note <> 'created')) "
                             "ORDER BY owner_label, id");
    stmt.bind(1, groupId).bind(2, sessionId);
    while (stmt.step()) out.push_back(readAction(stmt));
    return out;
}

std::vector<ActionHistoryRow> ActionStore::history(std::int64_t actionId) const {
    std::vector<ActionHistoryRow> out;
    auto stmt = m_db.prepare(
        "SELECT seq, session_id, status, outcome, note, at FROM action_history WHERE action_id = ? ORDER BY seq");
    stmt.bind(1, actionId);
    while (stmt.step())
        out.push_back({static_cast<int>(stmt.columnInt(0)), stmt.columnOptionalInt(1),
                       parseActionStatus(stmt.columnText(2)).value_or(ActionStatus::Open), stmt.columnText(3),
                       stmt.columnText(4), stmt.columnInt(5)});
    return out;
}

Result<std::string> normalisePresenterInitials(std::string_view typed) {
    const std::string_view text = trimBlanks(typed);
    std::string out;
    for (const char c : text) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter) return fail("Initials are letters only, for example JM.");
        out += static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
    }
    if (out.size() > 3) return fail("Initials are 1 to 3 letters, for example JM.");
    return out;
}

Result<void> ActionStore::setPresenterInitials(std::int64_t sessionId, std::string_view slot, std::string_view typed) {
    auto initials = normalisePresenterInitials(typed);
    if (!initials) return initials.error();
    if (slot.empty()) return fail("Say which presenter the initials are for.");
    return writeTransaction(m_db, [&] {
        if (initials.value().empty()) {
            m_db.prepare("DELETE FROM set_presenters WHERE session_id = ? AND slot = ?")
                .bind(1, sessionId)
                .bind(2, slot)
                .run();
            return;
        }
        m_db.prepare("INSERT OR REPLACE INTO set_presenters(session_id, slot, initials) VALUES(?, ?, ?)")
            .bind(1, sessionId)
            .bind(2, slot)
            .bind(3, initials.value())
            .run();
    });
}

std::map<std::string, std::string> ActionStore::presenterInitials(std::int64_t sessionId) const {
    std::map<std::string, std::string> out;
    auto stmt = m_db.prepare("SELECT slot, initials FROM set_presenters WHERE session_id = ?");
    stmt.bind(1, sessionId);
    while (stmt.step()) out[stmt.columnText(0)] = stmt.columnText(1);
    return out;
}

}  // namespace reflect::core
