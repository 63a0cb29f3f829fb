// SessionMachine: transitions, derived times and the stored state format.
#include "core/session/session_machine.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace reflect::core {

std::string_view opName(SessionOp op) {
    switch (op) {
        case SessionOp::Start:
            return "start";
        case SessionOp::Pause:
            return "pause";
        case SessionOp::Resume:
            return "resume";
        case SessionOp::Next:
            return "next";
        case SessionOp::Back:
            return "back";
        case SessionOp::Extend1:
            return "extend1";
        case SessionOp::Extend5:
            return "extend5";
        case SessionOp::End:
            return "end";
    }
    return "unknown";
}

SessionMachine::SessionMachine(SessionPlan plan) : m_plan(std::move(plan)), m_progress(m_plan.stages().size()) {}

void SessionMachine::fold(SteadyMs now) {
    if (m_run != RunState::Running) return;
    // A steady clock never goes back, but a restored segment start might sit in the future; never count negative time.
    m_progress[static_cast<std::size_t>(m_current)].elapsedMs += std::max<std::int64_t>(0, now - m_segmentStart);
    m_segmentStart = now;
}

bool SessionMachine::canApply(SessionOp op) const {
    const bool live = m_run == RunState::Running || m_run == RunState::Paused;
    switch (op) {
        case SessionOp::Start:
            return m_run == RunState::Ready && stageCount() > 0;
        case SessionOp::Pause:
            return m_run == RunState::Running;
        case SessionOp::Resume:
            return m_run == RunState::Paused;
        case SessionOp::Next:
            return live && m_current + 1 < stageCount();
        case SessionOp::Back:
            return live && m_current > 0;
        case SessionOp::Extend1:
        case SessionOp::Extend5:
            return live;
        case SessionOp::End:
            return live;
    }
    return false;
}

bool SessionMachine::apply(SessionOp op, SteadyMs now) {
    if (!canApply(op)) return false;
    auto& current = m_progress[static_cast<std::size_t>(m_current)];
    switch (op) {
        case SessionOp::Start:
            m_run = RunState::Running;
            m_current = 0;
            m_segmentStart = now;
            m_progress[0].entered = true;
            break;
        case SessionOp::Pause:
            fold(now);
            m_run = RunState::Paused;
            break;
        case SessionOp::Resume:
            m_run = RunState::Running;
            m_segmentStart = now;
            break;
        case SessionOp::Next:
        case SessionOp::Back:
            fold(now);
            m_current += op == SessionOp::Next ? 1 : -1;
            m_progress[static_cast<std::size_t>(m_current)].entered = true;
            // Moving on means the room is moving on: the new stage's clock runs even if the old one was paused.
            m_run = RunState::Running;
            m_segmentStart = now;
            break;
        case SessionOp::Extend1:
            current.extraMs += 60'000;
            break;
        case SessionOp::Extend5:
            current.extraMs += 300'000;
            break;
        case SessionOp::End:
            fold(now);
            m_run = RunState::Ended;
            break;
    }
    return true;
}

std::int64_t SessionMachine::elapsedMs(int index, SteadyMs now) const {
    std::int64_t e = m_progress[static_cast<std::size_t>(index)].elapsedMs;
    if (index == m_current && m_run == RunState::Running) e += std::max<std::int64_t>(0, now - m_segmentStart);
    return e;
}

std::int64_t SessionMachine::allowedMs(int index) const {
    return m_plan.stages()[static_cast<std::size_t>(index)].plannedMs +
           m_progress[static_cast<std::size_t>(index)].extraMs;
}

std::int64_t SessionMachine::remainingMs(SteadyMs now) const {
    if (stageCount() == 0) return 0;
    return allowedMs(m_current) - elapsedMs(m_current, now);
}

std::int64_t SessionMachine::msToProjectedFinish(SteadyMs now) const {
    if (m_run == RunState::Ended || stageCount() == 0) return 0;
    std::int64_t total = std::max<std::int64_t>(0, remainingMs(now));
    for (int i = m_current + 1; i < stageCount(); ++i)
        total += std::max<std::int64_t>(0, allowedMs(i) - elapsedMs(i, now));
    return total;
}

std::int64_t SessionMachine::totalElapsedMs(SteadyMs now) const {
    std::int64_t total = 0;
    for (int i = 0; i < stageCount(); ++i) total += elapsedMs(i, now);
    return total;
}

std::int64_t SessionMachine::msUntilNextVisibleChange(SteadyMs now) const {
    if (m_run != RunState::Running) return -1;
    const std::int64_t r = remainingMs(now);
    // The countdown shows whole seconds rounded up, overtime whole seconds rounded down; both tick at
    // the same boundaries, so the next tick is where the remaining time crosses a multiple of 1000.
    const std::int64_t phase = ((r % 1000) + 1000) % 1000;
    return phase == 0 ? 1000 : phase;
}

Result<void> SessionMachine::replan(SessionPlan plan, SteadyMs now) {
    fold(now);
    const auto identity = [](const PlannedStage& s) { return s.key + "#" + std::to_string(s.repeatIndex); };
    const std::string currentId = identity(currentStage());
    std::vector<StageProgress> progress(plan.stages().size());
    int newCurrent = -1;
    for (std::size_t i = 0; i < plan.stages().size(); ++i) {
        const std::string id = identity(plan.stages()[i]);
        for (std::size_t j = 0; j < m_plan.stages().size(); ++j)
            if (identity(m_plan.stages()[j]) == id) progress[i] = m_progress[j];
        if (id == currentId) newCurrent = static_cast<int>(i);
    }
    if (newCurrent < 0) return fail("the current stage would disappear; finish it first");
    m_plan = std::move(plan);
    m_progress = std::move(progress);
    m_current = newCurrent;
    return ok();
}

std::string SessionMachine::stateJson(SteadyMs now) const {
    nlohmann::json stages = nlohmann::json::array();
    for (int i = 0; i < stageCount(); ++i) {
        const auto& p = m_progress[static_cast<std::size_t>(i)];
        stages.push_back({elapsedMs(i, now), p.extraMs, p.entered});
    }
    const char* run = m_run == RunState::Ready     ? "ready"
                      : m_run == RunState::Running ? "running"
                      : m_run == RunState::Paused  ? "paused"
                                                   : "ended";
    return nlohmann::json{{"run", run}, {"current", m_current}, {"stages", stages}}.dump();
}

Result<SessionMachine> SessionMachine::restore(SessionPlan plan, std::string_view stateJson, SteadyMs now,
                                               std::int64_t downtimeMs) {
    try {
        const auto j = nlohmann::json::parse(stateJson);
        SessionMachine m(std::move(plan));
        const auto& stages = j.at("stages");
        if (stages.size() != m.m_progress.size()) return fail("the saved session does not match its plan");
        for (std::size_t i = 0; i < stages.size(); ++i)
            m.m_progress[i] = {stages[i].at(0).get<std::int64_t>(), stages[i].at(1).get<std::int64_t>(),
                               stages[i].at(2).get<bool>()};
        m.m_current = j.at("current").get<int>();
        if (m.m_current < 0 || m.m_current >= m.stageCount()) return fail("the saved stage is out of range");
        const std::string run = j.at("run").get<std::string>();
        if (run == "ready")
            m.m_run = RunState::Ready;
        else if (run == "running")
            m.m_run = RunState::Running;
        else if (run == "paused")
            m.m_run = RunState::Paused;
        else if (run == "ended")
            m.m_run = RunState::Ended;
        else
            return fail("the saved run state is unknown");
        // The time the kiosk was down counts for a running stage: the room kept going without the screen.
        m.m_segmentStart = now - std::max<std::int64_t>(0, downtimeMs);
        return m;
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("the saved session state cannot be read: ") + e.what());
    }
}

}  // namespace reflect::core
