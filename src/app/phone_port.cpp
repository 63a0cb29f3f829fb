// PhonePort implementation.
#include "app/phone_port.hpp"

#include <sodium.h>

namespace reflect::app {

PhonePort::PhonePort(core::CommandInbox& inbox, const core::Clock& clock, const core::SignpostList& signposts)
    : m_inbox(inbox), m_clock(clock) {
    for (const auto& s : signposts.entries)
        m_state.signposts.emplace_back(s.name, s.contact.empty() ? s.detail : s.detail + " " + s.contact);
}

void PhonePort::publish(const core::KioskView& view, std::uint64_t revision) {
    const std::lock_guard lock(m_mutex);
    if (revision == m_state.revision) return;
    m_state.revision = revision;
    const core::PhoneView& phone = view.phone;
    const auto& machine = view.runner.machine;
    m_state.sessionRunning = machine.has_value();
    m_state.contributionsOpen = phone.contributionsOpen;
    m_state.evaluationOpen = phone.evaluationOpen;
    m_state.joinToken = phone.joinToken;
    m_state.pairToken = phone.pairToken;
    m_state.sessionKey = phone.sessionKey;
    m_state.evaluationStatements = phone.evaluationStatements;
    m_machine = machine;
    auto& r = m_state.remote;
    r = companion::RemoteState{};
    if (!machine) return;
    const auto& stage = machine->currentStage();
    r.stageName = stage.name;
    r.guidance = stage.guidance;
    r.paused = machine->runState() == core::RunState::Paused;
    r.running = machine->runState() == core::RunState::Running;
    r.contributionCount = view.runner.contributions.count;
    r.safeguardingAlert = view.runner.contributions.safeguardingAlerts > 0;
    r.canNext = machine->canApply(core::SessionOp::Next);
    r.canBack = machine->canApply(core::SessionOp::Back);
}

companion::PhoneState PhonePort::snapshot() const {
    const std::lock_guard lock(m_mutex);
    companion::PhoneState copy = m_state;
    if (m_machine) {
        // The time left moves with the clock, not with the view: work it out at the moment of the read.
        const auto remaining = m_machine->remainingMs(m_clock.steadyNow());
        copy.remote.remainingMs = remaining;
        copy.remote.overtime = remaining < 0 && m_machine->runState() != core::RunState::Ready;
    }
    return copy;
}

bool PhonePort::joinTokenValid(const std::string& token, bool forEvaluation) const {
    const std::lock_guard lock(m_mutex);
    const bool open = forEvaluation ? m_state.evaluationOpen : m_state.contributionsOpen;
    const std::string& current = m_state.joinToken;
    return open && !current.empty() && token.size() == current.size() &&
           sodium_memcmp(token.data(), current.data(), current.size()) == 0;
}

std::future<companion::Reply> PhonePort::refused(std::string message) {
    std::promise<companion::Reply> promise;
    promise.set_value(companion::Reply{false, std::move(message)});
    return promise.get_future();
}

std::future<companion::Reply> PhonePort::submitContribution(const std::string& joinToken, core::SecretText text) {
    // A link from a closed or ended session never reaches the stores.
    if (!joinTokenValid(joinToken, false))
        return refused("Contributions and the evaluation are not open just now. Nothing was saved.");
    core::SubmitContribution command{std::move(text), true};
    return m_inbox.postAndWait(std::move(command));
}

std::future<companion::Reply> PhonePort::submitEvaluation(const std::string& joinToken,
                                                          core::EvaluationAnswers answers) {
    if (!joinTokenValid(joinToken, true))
        return refused("Contributions and the evaluation are not open just now. Nothing was saved.");
    return m_inbox.postAndWait(core::SubmitEvaluation{std::move(answers), true});
}

std::future<companion::Reply> PhonePort::pair(const std::string& pairToken) {
    return m_inbox.postAndWait(core::PairPhone{pairToken});
}

std::future<companion::Reply> PhonePort::remote(companion::RemoteAction action) {
    core::SessionOp op = core::SessionOp::Next;
    switch (action) {
        case companion::RemoteAction::Next:
            op = core::SessionOp::Next;
            break;
        case companion::RemoteAction::Back:
            op = core::SessionOp::Back;
            break;
        case companion::RemoteAction::AddMinute:
            op = core::SessionOp::Extend1;
            break;
        case companion::RemoteAction::Pause: {
            const std::lock_guard lock(m_mutex);
            op = m_state.remote.running                                        ? core::SessionOp::Pause
                 : m_machine && m_machine->runState() == core::RunState::Ready ? core::SessionOp::Start
                                                                               : core::SessionOp::Resume;
            break;
        }
    }
    return m_inbox.postAndWait(core::SessionCommand{op});
}

}  // namespace reflect::app
