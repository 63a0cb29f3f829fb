// SessionService implementation: copy, apply, commit, then show.
#include "core/session/session_service.hpp"

#include <fmt/format.h>

#include "core/storage/wal_wipe.hpp"

namespace reflect::core {

SessionService::SessionService(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_store(db) {}

void SessionService::emit(std::string_view kind) {
    if (!m_sink || !m_active) return;
    const auto now = m_clock.steadyNow();
    m_sink(fmt::format("event {} session={} stage={} remaining_ms={} run={}", kind, m_activeId,
                       m_active->currentIndex(), m_active->remainingMs(now), static_cast<int>(m_active->runState())));
}

Result<void> SessionService::start(const SessionTemplate& tmpl, PlanChoices choices,
                                   std::optional<std::int64_t> groupId) {
    if (m_active && m_active->runState() != RunState::Ended)
        return fail("A session is already running. End it before starting another.");
    SessionMachine machine(SessionPlan::build(tmpl, std::move(choices)));
    const auto now = m_clock.steadyNow();
    if (!machine.apply(SessionOp::Start, now)) return fail("This template has no stages to run.");
    auto created =
        writeTransaction(m_db, [&] { return m_store.createStarted(machine, now, m_clock.wallNow(), groupId); });
    if (!created) return created.error();
    m_activeId = created.value();
    m_active.emplace(std::move(machine));
    emit("start");
    return ok();
}

Result<void> SessionService::apply(SessionOp op) {
    if (!m_active) return fail("No session is running.");
    SessionMachine next = *m_active;
    const auto now = m_clock.steadyNow();
    if (!next.apply(op, now)) return ok();  // not allowed here (e.g. back from the first stage): nothing to save
    // Ending rewrites the session's anonymous rows in a fresh order in the same commit, so an ended session never
    // sits on disk with its submission order.
    const bool ending = next.runState() == RunState::Ended;
    auto saved = writeTransaction(m_db, [&] {
        m_store.recordEvent(m_activeId, opName(op), next, now, m_clock.wallNow());
        if (ending) m_store.forgetSubmissionOrder(m_activeId);
    });
    if (!saved) return saved;
    if (ending) (void)wipeWal(m_db);  // best effort: the next close, end or start-up wipes what is left
    m_active = std::move(next);
    emit(opName(op));
    return ok();
}

Result<void> SessionService::replan(PlanChoices choices) {
    if (!m_active) return fail("No session is running.");
    SessionMachine next = *m_active;
    const auto now = m_clock.steadyNow();
    auto changed = next.replan(SessionPlan::build(next.plan().tmpl(), std::move(choices)), now);
    if (!changed) return changed;
    auto saved =
        writeTransaction(m_db, [&] { m_store.recordEvent(m_activeId, "replan", next, now, m_clock.wallNow(), true); });
    if (!saved) return saved;
    m_active = std::move(next);
    emit("replan");
    return ok();
}

Result<bool> SessionService::restoreUnfinished() {
    std::optional<UnfinishedSession> found;
    try {
        found = m_store.findUnfinished();
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
    if (!found) return false;
    auto plan = SessionPlan::fromJson(found->planJson);
    if (!plan) return fail(plan.error().message);
    const auto downtime = m_clock.wallNow() - found->lastEventWall;
    auto machine = SessionMachine::restore(std::move(plan).value(), found->stateJson, m_clock.steadyNow(), downtime);
    if (!machine) return fail(machine.error().message);
    // The WAL left by the crash holds the session's rows in the order they came; rewrite them and wipe it. If that
    // fails the session still resumes: the rows are intact, and closing or ending retries the rewrite.
    if (writeTransaction(m_db, [&] { m_store.forgetSubmissionOrder(found->id); })) (void)wipeWal(m_db);
    m_active.emplace(std::move(machine).value());
    m_activeId = found->id;
    emit("restored");
    return true;
}

void SessionService::closeActive() {
    m_active.reset();
    m_activeId = 0;
}

}  // namespace reflect::core
