// CompanionPort: what the phone page needs from the kiosk; the app implements it over the controller's inbox.
#pragma once

#include <cstdint>
#include <future>
#include <string>
#include <utility>
#include <vector>

#include "core/contribute/secret_text.hpp"
#include "core/evaluation/evaluation_store.hpp"
#include "core/kiosk/command_inbox.hpp"

namespace reflect::companion {

/// What a paired facilitator's phone shows.
struct RemoteState {
    std::string stageName;
    std::string guidance;
    std::int64_t remainingMs = 0;
    bool overtime = false;
    bool paused = false;
    bool running = false;
    int contributionCount = 0;  ///< batched by the kiosk, never live per submission
    bool safeguardingAlert = false;
    bool canNext = false;
    bool canBack = false;
};

/// A snapshot, copied. Every call is safe from any thread and never blocks the kiosk's frame loop.
struct PhoneState {
    std::uint64_t revision = 0;
    bool sessionRunning = false;
    bool contributionsOpen = false;
    bool evaluationOpen = false;
    std::string joinToken;  ///< random, non-empty only while contributions or the evaluation are open
    std::string pairToken;  ///< one-time facilitator pairing token, empty when not offered
    /// Random per running session, empty when none runs. A paired phone's cookie is bound to it, so a new
    /// session (or none) unpairs every phone without the kiosk having to tell the server.
    std::string sessionKey;
    std::vector<std::string> evaluationStatements;
    std::vector<std::pair<std::string, std::string>> signposts;  ///< title, detail
    RemoteState remote;
};

enum class RemoteAction { Next, Back, Pause, AddMinute };

/// message: a reason a person can act on, never the text they wrote.
using Reply = core::CommandReply;  ///< the inbox's own answer, so a reply needs no conversion

class CompanionPort {
public:
    virtual ~CompanionPort() = default;
    [[nodiscard]] virtual PhoneState snapshot() const = 0;
    /// Resolved after the kiosk committed the write (COMMIT returned) or refused it.
    virtual std::future<Reply> submitContribution(const std::string& joinToken, core::SecretText text) = 0;
    virtual std::future<Reply> submitEvaluation(const std::string& joinToken, core::EvaluationAnswers answers) = 0;
    /// ok: the token is used up.
    virtual std::future<Reply> pair(const std::string& pairToken) = 0;
    virtual std::future<Reply> remote(RemoteAction action) = 0;
};

}  // namespace reflect::companion
