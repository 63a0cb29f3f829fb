// SessionStore: sessions, their stage timings and the stage-event log. The caller wraps each write in one
// transaction (SessionService uses writeTransaction), so a write and what goes with it commit together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

class SessionMachine;

/// The last durable state of a session that was not ended (the kiosk was closed or lost power).
struct UnfinishedSession {
    std::int64_t id = 0;
    std::string title;
    std::string templateName;
    std::string planJson;
    std::string stateJson;
    WallMs lastEventWall = 0;
    WallMs startedWall = 0;
    int stageIndex = 0;
};

struct StageTiming {
    std::string name;
    std::int64_t plannedMs = 0;
    std::int64_t actualMs = 0;
};

struct SessionSummary {
    std::int64_t id = 0;
    std::string title;
    std::string templateName;
    std::string format;
    WallMs startedWall = 0;
    std::optional<WallMs> endedWall;
    std::vector<StageTiming> stages;
};

class SessionStore {
public:
    explicit SessionStore(Database& db) : m_db(db) {}

    /// Creates the session and its "start" event; returns its id. Run inside a transaction.
    std::int64_t createStarted(const SessionMachine& machine, SteadyMs now, WallMs wallNow,
                               std::optional<std::int64_t> groupId = std::nullopt);
    /// Appends one event with the machine's state after it, updates stage timings and, for "end", the status.
    /// Run inside a transaction.
    void recordEvent(std::int64_t sessionId, std::string_view kind, const SessionMachine& machine, SteadyMs now,
                     WallMs wallNow, bool planChanged = false);
    /// Rewrites the session's contributions and evaluations in a fresh random order under new keys (see
    /// reorderContributions, reorderEvaluations). Run inside a transaction; wipe the WAL after the commit.
    void forgetSubmissionOrder(std::int64_t sessionId);

    [[nodiscard]] std::optional<UnfinishedSession> findUnfinished();
    [[nodiscard]] std::optional<SessionSummary> summary(std::int64_t sessionId);
    [[nodiscard]] std::vector<SessionSummary> recent(int limit);
    [[nodiscard]] std::int64_t eventCount(std::int64_t sessionId);

private:
    void writeStages(std::int64_t sessionId, const SessionMachine& machine, SteadyMs now, bool replaceAll);
    Database& m_db;
};

}  // namespace reflect::core
