// SessionStore implementation. Throws SqliteError; the session service turns that into a message.
#include "core/session/session_store.hpp"

#include "core/contribute/contribution_store.hpp"
#include "core/evaluation/evaluation_store.hpp"
#include "core/session/session_machine.hpp"

namespace reflect::core {

void SessionStore::writeStages(std::int64_t sessionId, const SessionMachine& machine, SteadyMs now, bool replaceAll) {
    if (replaceAll) m_db.prepare("DELETE FROM session_stages WHERE session_id = ?").bind(1, sessionId).run();
    auto stmt = m_db.prepare(
        "INSERT INTO session_stages(session_id, idx, key, name, planned_ms, actual_ms) VALUES(?,?,?,?,?,?) "
        "ON CONFLICT(session_id, idx) DO UPDATE SET actual_ms = excluded.actual_ms, planned_ms = excluded.planned_ms");
    for (int i = 0; i < machine.stageCount(); ++i) {
        const auto& s = machine.plan().stages()[static_cast<std::size_t>(i)];
        stmt.reset();
        stmt.bind(1, sessionId).bind(2, i).bind(3, s.key).bind(4, s.name).bind(5, machine.allowedMs(i));
        stmt.bind(6, machine.elapsedMs(i, now));
        stmt.run();
    }
}

std::int64_t SessionStore::createStarted(const SessionMachine& machine, SteadyMs now, WallMs wallNow,
                                         std::optional<std::int64_t> groupId) {
    const auto& plan = machine.plan();
    m_db.prepare(
            "INSERT INTO sessions(group_id, template_id, template_name, format, title, plan, status, started_at) "
            "VALUES(?,?,?,?,?,?,'running',?)")
        .bind(1, groupId)
        .bind(2, plan.tmpl().id)
        .bind(3, plan.tmpl().name)
        .bind(4, plan.tmpl().format)
        .bind(5, plan.choices().title)
        .bind(6, plan.toJson())
        .bind(7, wallNow)
        .run();
    const std::int64_t id = m_db.lastInsertRowId();
    writeStages(id, machine, now, false);
    m_db.prepare(
            "INSERT INTO stage_events(session_id, seq, kind, stage_index, at_wall, state) VALUES(?,1,'start',?,?,?)")
        .bind(1, id)
        .bind(2, machine.currentIndex())
        .bind(3, wallNow)
        .bind(4, machine.stateJson(now))
        .run();
    return id;
}

void SessionStore::recordEvent(std::int64_t sessionId, std::string_view kind, const SessionMachine& machine,
                               SteadyMs now, WallMs wallNow, bool planChanged) {
    auto next = m_db.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM stage_events WHERE session_id = ?");
    next.bind(1, sessionId);
    next.step();
    const std::int64_t nextSeq = next.columnInt(0);
    m_db.prepare("INSERT INTO stage_events(session_id, seq, kind, stage_index, at_wall, state) VALUES(?,?,?,?,?,?)")
        .bind(1, sessionId)
        .bind(2, nextSeq)
        .bind(3, kind)
        .bind(4, machine.currentIndex())
        .bind(5, wallNow)
        .bind(6, machine.stateJson(now))
        .run();
    if (planChanged)
        m_db.prepare("UPDATE sessions SET plan = ? WHERE id = ?")
            .bind(1, machine.plan().toJson())
            .bind(2, sessionId)
            .run();
    writeStages(sessionId, machine, now, planChanged);
    if (machine.runState() == RunState::Ended)
        m_db.prepare("UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ?")
            .bind(1, wallNow)
            .bind(2, sessionId)
            .run();
}

void SessionStore::forgetSubmissionOrder(std::int64_t sessionId) {
    reorderContributions(m_db, sessionId);
    reorderEvaluations(m_db, sessionId);
}

std::optional<UnfinishedSession> SessionStore::findUnfinished() {
    auto stmt = m_db.prepare(
        "SELECT s.id, s.title, s.template_name, s.plan, e.state, e.at_wall, s.started_at, e.stage_index "
        "FROM sessions s JOIN stage_events e ON e.session_id = s.id "
        "WHERE s.status = 'running' AND e.seq = (SELECT MAX(seq) FROM stage_events WHERE session_id = s.id) "
        "ORDER BY s.started_at DESC LIMIT 1");
    if (!stmt.step()) return std::nullopt;
    return UnfinishedSession{
        stmt.columnInt(0),  stmt.columnText(1), stmt.columnText(2), stmt.columnText(3),
        stmt.columnText(4), stmt.columnInt(5),  stmt.columnInt(6),  static_cast<int>(stmt.columnInt(7))};
}

std::optional<SessionSummary> SessionStore::summary(std::int64_t sessionId) {
    auto stmt =
        m_db.prepare("SELECT id, title, template_name, format, started_at, ended_at FROM sessions WHERE id = ?");
    stmt.bind(1, sessionId);
    if (!stmt.step()) return std::nullopt;
    SessionSummary s{stmt.columnInt(0),
                     stmt.columnText(1),
                     stmt.columnText(2),
                     stmt.columnText(3),
                     stmt.columnInt(4),
                     stmt.columnOptionalInt(5),
                     {}};
    auto stages =
        m_db.prepare("SELECT name, planned_ms, actual_ms FROM session_stages WHERE session_id = ? ORDER BY idx");
    stages.bind(1, sessionId);
    while (stages.step()) s.stages.push_back({stages.columnText(0), stages.columnInt(1), stages.columnInt(2)});
    return s;
}

std::vector<SessionSummary> SessionStore::recent(int limit) {
    std::vector<SessionSummary> out;
    auto stmt = m_db.prepare("SELECT id FROM sessions ORDER BY started_at DESC LIMIT ?");
    stmt.bind(1, limit);
    std::vector<std::int64_t> ids;
    while (stmt.step()) ids.push_back(stmt.columnInt(0));
    for (auto id : ids)
        if (auto s = summary(id)) out.push_back(std::move(*s));
    return out;
}

std::int64_t SessionStore::eventCount(std::int64_t sessionId) {
    auto stmt = m_db.prepare("SELECT COUNT(*) FROM stage_events WHERE session_id = ?");
    stmt.bind(1, sessionId);
    stmt.step();
    return stmt.columnInt(0);
}

}  // namespace reflect::core
