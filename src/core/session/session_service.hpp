// SessionService: applies a facilitator's commands to the running session, writing each one durably first.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/session/session_machine.hpp"
#include "core/session/session_store.hpp"
#include "core/storage/database.hpp"
#include "core/storage/write_transaction.hpp"

namespace reflect::core {

/// Owns the one active session. Every transition is committed to the stage-event log before the
/// in-memory state changes, so the screen never shows a step that a power cut could undo.
class SessionService {
public:
    /// Receives one line per committed transition (no user text ever); used by tests and `--print-events`.
    using EventSink = std::function<void(std::string_view)>;

    SessionService(Database& db, const Clock& clock);

    void setEventSink(EventSink sink) { m_sink = std::move(sink); }
    /// Passes one progress line from another part of the kiosk to the sink (kinds and numbers only, never text).
    void report(std::string_view line) const {
        if (m_sink) m_sink(line);
    }

    [[nodiscard]] Result<void> start(const SessionTemplate& tmpl, PlanChoices choices,
                                     std::optional<std::int64_t> groupId = std::nullopt);
    [[nodiscard]] Result<void> apply(SessionOp op);
    /// Changes repeat counts or minutes while running (a set's bids for time).
    [[nodiscard]] Result<void> replan(PlanChoices choices);

    /// Loads the newest unfinished session, counting the time the kiosk was down. True if one was found.
    [[nodiscard]] Result<bool> restoreUnfinished();
    /// Forgets the active session after its summary has been seen (it stays in the database).
    void closeActive();
    /// Reports a committed change that is not a transition (an action saved or reviewed) to the event sink:
    /// the kind and the session's numbers only, never what was typed.
    void announce(std::string_view kind) { emit(kind); }

    [[nodiscard]] const SessionMachine* active() const { return m_active ? &*m_active : nullptr; }
    [[nodiscard]] std::int64_t activeId() const noexcept { return m_activeId; }
    [[nodiscard]] SessionStore& store() noexcept { return m_store; }
    [[nodiscard]] Database& database() const noexcept { return m_db; }
    [[nodiscard]] const Clock& clock() const noexcept { return m_clock; }

private:
    void emit(std::string_view kind);

    Database& m_db;
    const Clock& m_clock;
    SessionStore m_store;
    std::optional<SessionMachine> m_active;
    std::int64_t m_activeId = 0;
    EventSink m_sink;
};

}  // namespace reflect::core
