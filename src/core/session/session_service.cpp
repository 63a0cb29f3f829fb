// SessionService implementation: copy, apply, commit, then show.
#include "core/session/session_service.hpp"

#include <fmt/format.h>

namespace reflect::core {

std::string storageFailureMessage(const SqliteError& error) {
    if (error.code() == 13 /* SQLITE_FULL */)
        return "The kiosk's storage is full, so this was not saved. Nothing else has changed. Please tell the "
               "kiosk admin, then try again.";
    if (error.code() == 5 || error.code() == 6 /* BUSY, LOCKED */)
        return "The kiosk was busy and could not save this. Nothing has changed. Please try again.";
    return "This could not be saved because the kiosk's storage reported a problem. Nothing has changed. Please try "
           "again; if it happens again, tell the kiosk admin.";
}

SessionService::SessionService(Database& db, const Clock& clock) : m_db(db), m_clock(clock), m_store(db) {}

void SessionService::emit(std::string_view kind) {
    if (!m_sink || !m_active) return;
    const auto now = m_clock.steadyNow();
    m_sink(fmt::format("event {} session={} stage={} remaining_ms={} run={}", kind, m_activeId,
                       m_active->currentIndex(), m_active->remainingMs(now),
                       static_cast<int>(m_active->runState())));
}

Result<void> SessionService::start(const SessionTemplate& tmpl, PlanChoices choices, std::optional<std::int64_t> groupId) {
    if (m_active && m_active->runState() != RunState::Ended)
        return fail("A session is already running. End it before starting another.");
    SessionMachine machine(SessionPlan::build(tmpl, std::move(choices)));
    const auto now = m_clock.steadyNow();
    if (!machine.apply(SessionOp::Start, now)) return fail("This template has no stages to run.");
    try {
        m_activeId = m_store.createStarted(machine, now, m_clock.wallNow(), groupId);
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
    m_active.emplace(std::move(machine));
    emit("start");
    return ok();
}

Result<void> SessionService::apply(SessionOp op) {
    if (!m_active) return fail("No session is running.");
    SessionMachine next = *m_active;
    const auto now = m_clock.steadyNow();
    if (!next.apply(op, now)) return ok();  // not allowed here (e.g. back from the first stage): nothing to save
    try {
        m_store.recordEvent(m_activeId, opName(op), next, now, m_clock.wallNow());
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
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
    try {
        m_store.recordEvent(m_activeId, "replan", next, now, m_clock.wallNow(), true);
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
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
