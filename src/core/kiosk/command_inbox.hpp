// CommandInbox: where every surface posts what a person asked for. Threads: any thread may post (the phone page
// posts from its server threads); only the frame loop's thread drains it and applies the commands, so the
// controller, the stores and the database stay on that one thread.
#pragma once

#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/kiosk/commands.hpp"

namespace reflect::core {

/// How a posted command turned out, for a surface that must wait for it ("Saved" only after COMMIT).
struct CommandReply {
    bool ok = false;
    std::string message;  ///< why it was refused: a reason a person can act on, never what they typed
};

class CommandInbox {
public:
    struct Envelope {
        Command command;
        std::optional<std::promise<CommandReply>> reply;
    };
    /// Called after each post, from the posting thread: wakes a frame loop that sleeps until input arrives.
    using Wake = std::function<void()>;

    void setWake(Wake wake);
    void post(Command command);
    /// The future resolves once the frame loop has applied the command (writes committed) or refused it.
    [[nodiscard]] std::future<CommandReply> postAndWait(Command command);
    /// Frame loop only: everything posted so far, in order.
    [[nodiscard]] std::vector<Envelope> drain();
    [[nodiscard]] bool empty() const;

private:
    void push(Envelope envelope);

    mutable std::mutex m_mutex;
    std::vector<Envelope> m_queue;
    Wake m_wake;
};

}  // namespace reflect::core
