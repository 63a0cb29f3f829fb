// FakePort: a CompanionPort for tests that records every call, so a test can prove nothing was stored.
#pragma once

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "companion/companion_port.hpp"

namespace reflect::companion::test {

class FakePort final : public CompanionPort {
public:
    FakePort() {
        m_state.revision = 1;
        m_state.sessionRunning = true;
        m_state.contributionsOpen = true;
        m_state.evaluationOpen = true;
        m_state.joinToken = "join-token-1";
        m_state.pairToken = "pair-token-1";
        m_state.sessionKey = "session-1";
        m_state.evaluationStatements = {"I felt safe to speak", "I will use something from today"};
        m_state.signposts = {{"Employee assistance programme", "Free, confidential support."}};
        m_state.remote.stageName = "Open discussion";
        m_state.remote.guidance = "Bring it back to feelings.";
        m_state.remote.remainingMs = 125000;
        m_state.remote.running = true;
        m_state.remote.canNext = true;
        m_state.remote.canBack = true;
        m_state.remote.contributionCount = 4;
    }

    [[nodiscard]] PhoneState snapshot() const override {
        const std::lock_guard lock(m_mutex);
        return m_state;
    }
    std::future<Reply> submitContribution(const std::string& joinToken, core::SecretText text) override {
        const std::lock_guard lock(m_mutex);
        m_contributions.emplace_back(joinToken, std::string(text.view()));
        if (m_hold) {
            m_held.emplace_back();
            return m_held.back().get_future();
        }
        return ready(m_reply);
    }
    std::future<Reply> submitEvaluation(const std::string& joinToken, core::EvaluationAnswers answers) override {
        const std::lock_guard lock(m_mutex);
        (void)joinToken;
        m_evaluations.push_back(std::move(answers));
        return ready(m_reply);
    }
    std::future<Reply> pair(const std::string& pairToken) override {
        const std::lock_guard lock(m_mutex);
        const bool ok = pairToken == m_state.pairToken && !pairToken.empty();
        if (ok) m_state.pairToken.clear();  // one time
        ++m_pairs;
        return ready(Reply{ok, ok ? "" : "That pairing code was already used."});
    }
    std::future<Reply> remote(RemoteAction action) override {
        const std::lock_guard lock(m_mutex);
        m_actions.push_back(action);
        return ready(Reply{true, {}});
    }

    template <typename F>
    void update(F change) {
        const std::lock_guard lock(m_mutex);
        change(m_state);
        ++m_state.revision;
    }
    /// From now on contributions are answered only by release(): a kiosk that is slow to commit.
    void hold() {
        const std::lock_guard lock(m_mutex);
        m_hold = true;
    }
    void release(const Reply& reply) {
        const std::lock_guard lock(m_mutex);
        for (auto& promise : m_held) promise.set_value(reply);
        m_held.clear();
        m_hold = false;
    }
    void setReply(Reply reply) {
        const std::lock_guard lock(m_mutex);
        m_reply = std::move(reply);
    }
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> contributions() const {
        const std::lock_guard lock(m_mutex);
        return m_contributions;
    }
    [[nodiscard]] std::vector<core::EvaluationAnswers> evaluations() const {
        const std::lock_guard lock(m_mutex);
        return m_evaluations;
    }
    [[nodiscard]] std::vector<RemoteAction> actions() const {
        const std::lock_guard lock(m_mutex);
        return m_actions;
    }
    [[nodiscard]] std::size_t storedCount() const {
        const std::lock_guard lock(m_mutex);
        return m_contributions.size() + m_evaluations.size() + m_actions.size();
    }

private:
    static std::future<Reply> ready(Reply reply) {
        std::promise<Reply> promise;
        promise.set_value(std::move(reply));
        return promise.get_future();
    }

    mutable std::mutex m_mutex;
    PhoneState m_state;
    Reply m_reply{true, {}};
    std::vector<std::pair<std::string, std::string>> m_contributions;
    std::vector<core::EvaluationAnswers> m_evaluations;
    std::vector<RemoteAction> m_actions;
    int m_pairs = 0;
    bool m_hold = false;
    std::vector<std::promise<Reply>> m_held;
};

}  // namespace reflect::companion::test
