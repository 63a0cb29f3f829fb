// SessionMachine: the pure timing state of one running session (no I/O, time passed in as a value).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/session/session_plan.hpp"

namespace reflect::core {

enum class RunState { Ready, Running, Paused, Ended };

/// What happened to one stage so far.
struct StageProgress {
    std::int64_t elapsedMs = 0;  ///< time spent in the stage, over every visit, excluding pauses
    std::int64_t extraMs = 0;    ///< minutes added with "extend"
    bool entered = false;
    bool operator==(const StageProgress&) const = default;
};

/// The transitions a facilitator can make. Kept as data so they can be logged and replayed.
enum class SessionOp { Start, Pause, Resume, Next, Back, Extend1, Extend5, End };
[[nodiscard]] std::string_view opName(SessionOp op);

/// Deadline-based: a running stage stores when its current segment began; what is left is derived from
/// `now`, so frame hitches, throttled frames and restarts never drift the clock.
class SessionMachine {
public:
    explicit SessionMachine(SessionPlan plan);

    /// Applies one transition at `now`. Returns false (and changes nothing) when it is not allowed,
    /// such as Back from the first stage or Next from the last.
    bool apply(SessionOp op, SteadyMs now);
    [[nodiscard]] bool canApply(SessionOp op) const;

    [[nodiscard]] const SessionPlan& plan() const noexcept { return m_plan; }
    [[nodiscard]] RunState runState() const noexcept { return m_run; }
    [[nodiscard]] int currentIndex() const noexcept { return m_current; }
    [[nodiscard]] int stageCount() const noexcept { return static_cast<int>(m_plan.stages().size()); }
    [[nodiscard]] const PlannedStage& currentStage() const {
        return m_plan.stages()[static_cast<std::size_t>(m_current)];
    }
    [[nodiscard]] const StageProgress& progress(int index) const { return m_progress[static_cast<std::size_t>(index)]; }

    [[nodiscard]] std::int64_t elapsedMs(int index, SteadyMs now) const;
    /// Planned plus extensions.
    [[nodiscard]] std::int64_t allowedMs(int index) const;
    /// Negative in overtime.
    [[nodiscard]] std::int64_t remainingMs(SteadyMs now) const;
    /// From now until the last stage would end if every later stage keeps to its plan.
    [[nodiscard]] std::int64_t msToProjectedFinish(SteadyMs now) const;
    /// Sum over the stages of actual time minus planned time (positive = over).
    [[nodiscard]] std::int64_t totalElapsedMs(SteadyMs now) const;
    /// Milliseconds until the displayed whole second changes, or -1 when nothing on screen moves.
    [[nodiscard]] std::int64_t msUntilNextVisibleChange(SteadyMs now) const;

    /// Replaces the plan while running (a set decides its presenters live). Progress of stages that
    /// keep their identity (key and repeat instance) is kept; the current stage must survive.
    [[nodiscard]] Result<void> replan(SessionPlan plan, SteadyMs now);

    /// The state as of `now`, with the running segment folded in, for storage with each event.
    [[nodiscard]] std::string stateJson(SteadyMs now) const;
    /// Rebuilds a machine from stored state. `downtimeMs` is the wall time between the stored event
    /// and now; a running stage counts it, a paused one does not.
    [[nodiscard]] static Result<SessionMachine> restore(SessionPlan plan, std::string_view stateJson, SteadyMs now,
                                                        std::int64_t downtimeMs);

private:
    void fold(SteadyMs now);

    SessionPlan m_plan;
    std::vector<StageProgress> m_progress;
    RunState m_run = RunState::Ready;
    int m_current = 0;
    SteadyMs m_segmentStart = 0;
};

}  // namespace reflect::core
