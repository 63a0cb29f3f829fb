// Clock: the one place time enters the core; steady time runs timers, wall time dates records.
#pragma once

#include <chrono>
#include <cstdint>

namespace reflect::core {

/// Milliseconds on the steady (monotonic) clock. Only differences mean anything.
using SteadyMs = std::int64_t;
/// Milliseconds since the Unix epoch, UTC. Used to date records and to bridge restarts.
using WallMs = std::int64_t;

/// Source of time, injected everywhere; tests use ManualClock and never sleep.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual SteadyMs steadyNow() const = 0;
    [[nodiscard]] virtual WallMs wallNow() const = 0;
};

/// The real clocks. Stateless, so one instance can be shared freely.
class SystemClock final : public Clock {
public:
    [[nodiscard]] SteadyMs steadyNow() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    [[nodiscard]] WallMs wallNow() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

/// A clock that moves only when told to. Used by tests and by screenshot mode, where every
/// picture must show the same demo moment.
class ManualClock final : public Clock {
public:
    explicit ManualClock(SteadyMs steady = 1'000'000, WallMs wall = 1'790'000'000'000)
        : m_steady(steady), m_wall(wall) {}
    [[nodiscard]] SteadyMs steadyNow() const override { return m_steady; }
    [[nodiscard]] WallMs wallNow() const override { return m_wall; }
    void advanceMs(std::int64_t ms) {
        m_steady += ms;
        m_wall += ms;
    }
    void advanceSeconds(std::int64_t s) { advanceMs(s * 1000); }
    /// A restart: the steady clock starts somewhere new, wall time moves on by the downtime.
    void rebootAfterSeconds(std::int64_t downSeconds, SteadyMs newSteady = 5'000) {
        m_wall += downSeconds * 1000;
        m_steady = newSteady;
    }

private:
    SteadyMs m_steady;
    WallMs m_wall;
};

}  // namespace reflect::core
