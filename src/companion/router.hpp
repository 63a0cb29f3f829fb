// Router: turns one complete request (method, path, form body, pairing cookie) into a page; knows nothing of HTTP I/O.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "companion/companion_port.hpp"
#include "companion/form_tokens.hpp"
#include "companion/pages.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/text/string_table.hpp"

namespace reflect::companion {

struct RequestView {
    std::string_view method;  ///< "GET", "HEAD" or "POST" (the server refuses the rest before routing)
    std::string_view path;    ///< without the query string
    std::string_view body;    ///< urlencoded form body of a POST
    std::string_view cookie;  ///< the remote cookie's value, "" when absent
};

struct RouterOptions {
    bool secureCookie = false;                   ///< over TLS the pairing cookie is marked Secure
    std::chrono::milliseconds replyWait{10000};  ///< how long to wait for the kiosk to commit
};

inline constexpr std::string_view kRemoteCookie = "reflect_remote";

/// A page now, or the kiosk's answer still to come and how to turn it into a page. The server parks the connection
/// while the kiosk commits, so a slow commit never holds one of its event loops.
struct Outcome {
    Outcome() = default;
    Outcome(Page now) : page(std::move(now)) {}  // NOLINT: a ready page is an outcome
    Page page;
    std::future<Reply> pending;
    std::function<Page(std::optional<Reply>)> finish;  ///< nullopt: the kiosk did not answer in time
    [[nodiscard]] bool waiting() const { return pending.valid(); }
};

/// Paths: / (how to join), /style.css, /support, /j/<join>[/write|/preview|/send|/evaluation],
/// /done/contribution, /done/evaluation, /pair/<pair token>, /remote.
class Router {
public:
    Router(CompanionPort& port, const core::StringTable& strings, const core::Scrubber& scrubber,
           RouterOptions options = {});

    [[nodiscard]] Outcome handle(const RequestView& request);
    /// handle() and, if the kiosk must answer first, wait for it (at most RouterOptions::replyWait).
    [[nodiscard]] Page handleAndWait(const RequestView& request);
    [[nodiscard]] std::chrono::milliseconds replyWait() const noexcept { return m_options.replyWait; }
    /// A page for a refusal made before routing (limits), in the same words and layout.
    [[nodiscard]] Page refusal(unsigned status, std::string_view messageKey) const;
    [[nodiscard]] FormTokens& tokens() noexcept { return m_tokens; }
    /// Phones paired now (for tests and the README's memory list).
    [[nodiscard]] std::size_t pairedPhones() const;

private:
    Outcome join(const RequestView& request, std::string_view token, std::string_view rest, const PhoneState& state);
    Page preview(const std::string& join, std::string_view body, const PhoneState& state);
    Outcome send(const std::string& join, std::string_view body, const PhoneState& state);
    Outcome evaluation(const std::string& join, std::string_view body, const PhoneState& state);
    Outcome pair(const RequestView& request, std::string_view token, const PhoneState& state);
    Outcome remote(const RequestView& request, const PhoneState& state);
    [[nodiscard]] bool isPaired(std::string_view cookie, const PhoneState& state);
    Outcome await(std::future<Reply> reply, std::string successPath);
    Page paired(std::optional<Reply> reply, const std::string& sessionKey);
    Page closed() const;
    Page expired() const;

    CompanionPort& m_port;
    const core::Scrubber& m_scrubber;
    PageRenderer m_pages;
    RouterOptions m_options;
    FormTokens m_tokens;
    mutable std::mutex m_pairMutex;
    std::unordered_map<std::string, std::string> m_paired;  ///< cookie value -> the session key it was paired in
};

}  // namespace reflect::companion
