// PhonePort: the kiosk as the phone page sees it. The frame loop publishes a copy of what phones may know after
// each rebuild of the view; the server's threads read that copy and post commands into the inbox, and a reply
// comes back once the frame loop has applied them (so "Saved" is only ever shown after COMMIT).
#pragma once

#include <mutex>
#include <optional>

#include "companion/companion_port.hpp"
#include "core/clock.hpp"
#include "core/kiosk/command_inbox.hpp"
#include "core/kiosk/kiosk_view.hpp"
#include "core/support/signposts.hpp"

namespace reflect::app {

class PhonePort final : public companion::CompanionPort {
public:
    PhonePort(core::CommandInbox& inbox, const core::Clock& clock, const core::SignpostList& signposts);

    /// Frame loop only: copies what phones may see from this frame's view (cheap; only when it was rebuilt).
    void publish(const core::KioskView& view, std::uint64_t revision);

    [[nodiscard]] companion::PhoneState snapshot() const override;
    std::future<companion::Reply> submitContribution(const std::string& joinToken, core::SecretText text) override;
    std::future<companion::Reply> submitEvaluation(const std::string& joinToken,
                                                   core::EvaluationAnswers answers) override;
    std::future<companion::Reply> pair(const std::string& pairToken) override;
    std::future<companion::Reply> remote(companion::RemoteAction action) override;

private:
    /// True when `token` is the join token of what is open now (compared in constant time).
    [[nodiscard]] bool joinTokenValid(const std::string& token, bool forEvaluation) const;
    [[nodiscard]] static std::future<companion::Reply> refused(std::string message);

    core::CommandInbox& m_inbox;
    const core::Clock& m_clock;
    mutable std::mutex m_mutex;
    companion::PhoneState m_state;
    std::optional<core::SessionMachine> m_machine;  ///< for the remote's time left, worked out at each read
};

}  // namespace reflect::app
