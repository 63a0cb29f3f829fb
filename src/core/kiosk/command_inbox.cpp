// CommandInbox implementation.
#include "core/kiosk/command_inbox.hpp"

namespace reflect::core {

void CommandInbox::setWake(Wake wake) {
    const std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

void CommandInbox::push(Envelope envelope) {
    Wake wake;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(envelope));
        wake = m_wake;
    }
    // Outside the lock: the wake call may take the window system's own lock.
    if (wake) wake();
}

void CommandInbox::post(Command command) {
    push(Envelope{std::move(command), std::nullopt});
}

std::future<CommandReply> CommandInbox::postAndWait(Command command) {
    std::promise<CommandReply> promise;
    auto future = promise.get_future();
    push(Envelope{std::move(command), std::move(promise)});
    return future;
}

std::vector<CommandInbox::Envelope> CommandInbox::drain() {
    const std::lock_guard lock(m_mutex);
    std::vector<Envelope> out;
    out.swap(m_queue);
    return out;
}

bool CommandInbox::empty() const {
    const std::lock_guard lock(m_mutex);
    return m_queue.empty();
}

}  // namespace reflect::core
