// The libmicrohttpd glue: limits checked as early as the protocol allows, responses with strict security headers.
#include "companion/companion_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>

#include <fmt/format.h>
#include <microhttpd.h>

#include "companion/rate_limiter.hpp"
#include "companion/router.hpp"
#include "core/contribute/secret_text.hpp"

namespace reflect::companion {

namespace {

constexpr const char* kPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";
// A body that keeps coming after it passed the limit is read and dropped up to this much, so the refusal page can
// still be sent; past it the connection is simply closed.
constexpr std::size_t kDiscardAllowance = 1024 * 1024;

struct DaemonDeleter {
    void operator()(MHD_Daemon* daemon) const noexcept { MHD_stop_daemon(daemon); }
};
using DaemonHandle = std::unique_ptr<MHD_Daemon, DaemonDeleter>;

struct ResponseDeleter {
    void operator()(MHD_Response* response) const noexcept { MHD_destroy_response(response); }
};
using ResponseHandle = std::unique_ptr<MHD_Response, ResponseDeleter>;

/// What one request accumulates between the handler's calls; the body may hold typed text and is wiped.
struct RequestState {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::string body;
    std::size_t discarded = 0;
    bool overflow = false;
    std::optional<Outcome> outcome;  ///< set once routed; may wait for the kiosk's answer
    bool parked = false;             ///< suspended until the kiosk answers (or its wait runs out)
    RequestState() = default;
    RequestState(const RequestState&) = delete;
    RequestState& operator=(const RequestState&) = delete;
    ~RequestState() { core::wipeText(body); }
};

void wipeAndFree(void* cls) {
    auto* text = static_cast<std::string*>(cls);
    core::wipeText(*text);
    delete text;
}

/// The client's address as raw bytes, only as the rate limiter's key (never the port, never logged).
std::string addressKey(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return {};
    const sockaddr* address = info->client_addr;
    if (address->sa_family == AF_INET) {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
        return std::string(reinterpret_cast<const char*>(&v4->sin_addr), sizeof(v4->sin_addr));
    }
    if (address->sa_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
        return std::string(reinterpret_cast<const char*>(&v6->sin6_addr), sizeof(v6->sin6_addr));
    }
    return {};
}

/// Holds connections whose request waits for the kiosk's commit, and resumes each once its answer is in or its
/// wait ran out. The event loops meanwhile serve everyone else.
class ReplyWaiter {
public:
    explicit ReplyWaiter(std::chrono::milliseconds wait) : m_wait(wait), m_thread([this] { run(); }) {}
    ReplyWaiter(const ReplyWaiter&) = delete;
    ReplyWaiter& operator=(const ReplyWaiter&) = delete;
    ~ReplyWaiter() { stop(); }

    void park(MHD_Connection* connection, std::future<Reply>& reply) {
        {
            const std::lock_guard lock(m_mutex);
            m_parked.push_back(Parked{connection, &reply, std::chrono::steady_clock::now() + m_wait});
        }
        m_changed.notify_one();
    }
    /// Resumes everything at once (their pages say the kiosk did not answer) and ends the thread.
    void stop() {
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopping) return;
            m_stopping = true;
        }
        m_changed.notify_one();
        if (m_thread.joinable()) m_thread.join();
    }

private:
    struct Parked {
        MHD_Connection* connection;
        std::future<Reply>* reply;
        std::chrono::steady_clock::time_point deadline;
    };

    void run() {
        for (;;) {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stopping || !m_parked.empty(); });
            if (m_parked.empty()) return;  // stopping, nothing left
            const Parked next = m_parked.front();
            m_parked.pop_front();
            const bool stopping = m_stopping;
            lock.unlock();
            // The kiosk answers in the order it was asked, so waiting on the oldest first loses nothing.
            if (!stopping) next.reply->wait_until(next.deadline);
            MHD_resume_connection(next.connection);
        }
    }

    std::chrono::milliseconds m_wait;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Parked> m_parked;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace

struct CompanionServer::Impl {
    Impl(const ServerOptions& options, CompanionPort& port, const core::StringTable& strings,
         const core::Scrubber& scrubber)
        : limits(options.limits),
          router(port, strings, scrubber, RouterOptions{!options.tlsCertPem.empty(), options.limits.replyWait}),
          limiter(options.limits.requestsPerMinute, options.limits.requestBurst),
          tlsOn(!options.tlsCertPem.empty()),
          waiter(options.limits.replyWait) {}
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    /// libmicrohttpd must not be stopped with a connection parked, so every parked one is resumed and seen through
    /// the handler first.
    ~Impl() {
        stopping = true;
        waiter.stop();
        std::unique_lock lock(parkMutex);
        unparked.wait_for(lock, std::chrono::seconds(5), [&] { return parkedCount == 0; });
        lock.unlock();
        daemon.reset();
    }
    void unpark(RequestState& state) {
        if (!state.parked) return;
        state.parked = false;
        {
            const std::lock_guard lock(parkMutex);
            --parkedCount;
        }
        unparked.notify_all();
    }
    MHD_Result respond(MHD_Connection* connection, RequestState& state, const RequestView& request);

    MHD_Result queue(MHD_Connection* connection, const Page& page, bool closeAfter) const;
    MHD_Result firstCall(MHD_Connection* connection, std::string_view method);
    MHD_Result answer(MHD_Connection* connection, const char* url, const char* method, const char* uploadData,
                      std::size_t* uploadSize, void** context);

    ServerLimits limits;
    Router router;
    RateLimiter limiter;
    bool tlsOn;
    std::string cert;
    std::string key;
    ReplyWaiter waiter;
    std::atomic<bool> stopping{false};
    std::mutex parkMutex;
    std::condition_variable unparked;
    int parkedCount = 0;
    DaemonHandle daemon;
    std::uint16_t boundPort = 0;
};

MHD_Result CompanionServer::Impl::queue(MHD_Connection* connection, const Page& page, bool closeAfter) const {
    auto* owned = new std::string(page.body);
    ResponseHandle response(
        MHD_create_response_from_buffer_with_free_callback_cls(owned->size(), owned->data(), &wipeAndFree, owned));
    if (!response) {
        wipeAndFree(owned);
        return MHD_NO;
    }
    MHD_Response* r = response.get();
    MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
    MHD_add_response_header(r, "Content-Security-Policy", kPolicy);
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (!page.location.empty()) MHD_add_response_header(r, "Location", page.location.c_str());
    if (!page.setCookie.empty()) MHD_add_response_header(r, "Set-Cookie", page.setCookie.c_str());
    if (page.status == MHD_HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(r, "Allow", "GET, HEAD, POST");
    if (closeAfter) MHD_add_response_header(r, "Connection", "close");
    const unsigned status = page.location.empty() ? page.status : MHD_HTTP_SEE_OTHER;
    return MHD_queue_response(connection, status, r);
}

/// Checks made as soon as the headers are in, before a byte of the body is read.
MHD_Result CompanionServer::Impl::firstCall(MHD_Connection* connection, std::string_view method) {
    const int headers = MHD_get_connection_values(connection, MHD_HEADER_KIND, nullptr, nullptr);
    if (headers < 0 || static_cast<std::size_t>(headers) > limits.maxHeaders)
        return queue(connection, router.refusal(MHD_HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE, "companion.bad_request"),
                     true);
    if (method != "GET" && method != "HEAD" && method != "POST")
        return queue(connection, router.refusal(MHD_HTTP_METHOD_NOT_ALLOWED, "companion.bad_method"), true);
    if (!limiter.allow(addressKey(connection), std::chrono::steady_clock::now()))
        return queue(connection, router.refusal(MHD_HTTP_TOO_MANY_REQUESTS, "companion.too_many"), true);
    if (method != "POST") return MHD_YES;
    if (const char* length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length")) {
        std::size_t declared = 0;
        const std::string_view text(length);
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), declared);
        if (error != std::errc{} || end != text.data() + text.size() || declared > limits.maxBodyBytes)
            return queue(connection, router.refusal(MHD_HTTP_CONTENT_TOO_LARGE, "companion.too_large"), true);
    }
    const char* type = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Type");
    if (!type || !std::string_view(type).starts_with("application/x-www-form-urlencoded"))
        return queue(connection, router.refusal(MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "companion.bad_type"), true);
    return MHD_YES;
}

MHD_Result CompanionServer::Impl::answer(MHD_Connection* connection, const char* url, const char* method,
                                         const char* uploadData, std::size_t* uploadSize, void** context) {
    if (*context == nullptr) {
        auto* state = new RequestState;
        *context = state;
        return firstCall(connection, method);
    }
    auto* state = static_cast<RequestState*>(*context);
    if (state->outcome) return respond(connection, *state, {});  // back from waiting for the kiosk
    const auto elapsed = std::chrono::steady_clock::now() - state->start;
    const bool late = elapsed > std::chrono::seconds(limits.requestTimeoutSeconds);
    if (*uploadSize != 0) {
        const std::size_t size = *uploadSize;
        *uploadSize = 0;
        if (late) return MHD_NO;  // a body trickling in for longer than any phone needs: close
        if (!state->overflow && state->body.size() + size <= limits.maxBodyBytes) {
            state->body.append(uploadData, size);
        } else {
            state->overflow = true;
            core::wipeText(state->body);
            state->discarded += size;
            if (state->discarded > kDiscardAllowance) return MHD_NO;
        }
        return MHD_YES;
    }
    if (state->overflow)
        return queue(connection, router.refusal(MHD_HTTP_CONTENT_TOO_LARGE, "companion.too_large"), true);
    if (late) return queue(connection, router.refusal(MHD_HTTP_REQUEST_TIMEOUT, "companion.too_slow"), true);
    const std::string_view path(url);
    if (path == "/style.css") {
        ResponseHandle response(MHD_create_response_from_buffer(
            styleSheet().size(), const_cast<char*>(styleSheet().data()), MHD_RESPMEM_PERSISTENT));
        if (!response) return MHD_NO;
        MHD_add_response_header(response.get(), "Content-Type", "text/css; charset=utf-8");
        MHD_add_response_header(response.get(), "X-Content-Type-Options", "nosniff");
        MHD_add_response_header(response.get(), "Cache-Control", "max-age=3600");
        return MHD_queue_response(connection, MHD_HTTP_OK, response.get());
    }
    const char* cookie = MHD_lookup_connection_value(connection, MHD_COOKIE_KIND, std::string(kRemoteCookie).c_str());
    const std::string_view verb(method);
    const RequestView request{verb == "HEAD" ? "GET" : verb, path, state->body, cookie ? cookie : ""};
    return respond(connection, *state, request);
}

MHD_Result CompanionServer::Impl::respond(MHD_Connection* connection, RequestState& state, const RequestView& request) {
    if (!state.outcome) {
        state.outcome.emplace(router.handle(request));
        core::wipeText(state.body);
        if (state.outcome->waiting() &&
            state.outcome->pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready && !stopping) {
            {
                const std::lock_guard lock(parkMutex);
                ++parkedCount;
            }
            state.parked = true;
            MHD_suspend_connection(connection);
            waiter.park(connection, state.outcome->pending);
            return MHD_YES;
        }
    }
    unpark(state);
    Outcome& outcome = *state.outcome;
    if (outcome.waiting()) {
        std::optional<Reply> reply;
        if (outcome.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            reply = outcome.pending.get();
        outcome.page = outcome.finish(std::move(reply));
        outcome.pending = {};
    }
    return queue(connection, outcome.page, outcome.page.status >= 400);
}

namespace {

MHD_Result onRequest(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                     const char* uploadData, std::size_t* uploadSize, void** context) {
    return static_cast<CompanionServer::Impl*>(cls)->answer(connection, url, method, uploadData, uploadSize, context);
}

void onCompleted(void* cls, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
    auto* state = static_cast<RequestState*>(*context);
    if (state) static_cast<CompanionServer::Impl*>(cls)->unpark(*state);
    delete state;
    *context = nullptr;
}

}  // namespace

core::Result<ListenAddress> parseListen(std::string_view listen) {
    ListenAddress out;
    std::string_view host;
    std::string_view portText;
    if (listen.starts_with("[")) {
        const std::size_t close = listen.find("]:");
        if (close == std::string_view::npos)
            return core::fail(fmt::format("listen \"{}\": write an IPv6 address as [::1]:8080", listen));
        host = listen.substr(1, close - 1);
        portText = listen.substr(close + 2);
        out.ipv6 = true;
    } else {
        const std::size_t colon = listen.rfind(':');
        if (colon == std::string_view::npos)
            return core::fail(fmt::format("listen \"{}\": write ADDRESS:PORT, such as 0.0.0.0:8080", listen));
        host = listen.substr(0, colon);
        portText = listen.substr(colon + 1);
    }
    unsigned port = 0;
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (portText.empty() || error != std::errc{} || end != portText.data() + portText.size() || port > 65535)
        return core::fail(fmt::format("listen \"{}\": the port must be a number from 0 to 65535", listen));
    out.host = std::string(host);
    out.port = static_cast<std::uint16_t>(port);
    unsigned char buffer[sizeof(in6_addr)];
    if (inet_pton(out.ipv6 ? AF_INET6 : AF_INET, out.host.c_str(), buffer) != 1)
        return core::fail(fmt::format("listen \"{}\": \"{}\" is not an IP address of this machine", listen, out.host));
    return out;
}

namespace {

core::Result<std::string> readPem(const std::string& path, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return core::fail(
            fmt::format("companion: the {} {} cannot be read (check it exists and the kiosk's user "
                        "may read it)",
                        what, path));
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().find("-----BEGIN") == std::string::npos)
        return core::fail(fmt::format("companion: the {} {} is not a PEM file", what, path));
    return text.str();
}

}  // namespace

core::Result<ServerOptions> serverOptionsFrom(const core::AppConfig& config, std::string_view listenOverride) {
    ServerOptions options;
    options.listen = listenOverride.empty() ? config.companionListen : std::string(listenOverride);
    if (options.listen.empty()) return core::fail("companion: off (no [companion] listen and no --listen)");
    if (auto where = parseListen(options.listen); !where) return where.error();
    if (!config.companionTlsCert.empty()) {
        auto cert = readPem(config.companionTlsCert, "certificate");
        if (!cert) return cert.error();
        auto key = readPem(config.companionTlsKey, "key");
        if (!key) return key.error();
        options.tlsCertPem = std::move(cert.value());
        options.tlsKeyPem = std::move(key.value());
    }
    return options;
}

std::string joinUrl(std::string_view scheme, std::string_view host, std::uint16_t port, std::string_view joinToken) {
    const bool defaultPort = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
    if (defaultPort) return fmt::format("{}://{}/j/{}", scheme, host, joinToken);
    return fmt::format("{}://{}:{}/j/{}", scheme, host, port, joinToken);
}

CompanionServer::CompanionServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CompanionServer::~CompanionServer() = default;

std::uint16_t CompanionServer::port() const noexcept {
    return m_impl->boundPort;
}
bool CompanionServer::tls() const noexcept {
    return m_impl->tlsOn;
}

core::Result<std::unique_ptr<CompanionServer>> CompanionServer::start(const ServerOptions& options, CompanionPort& port,
                                                                      const core::StringTable& strings,
                                                                      const core::Scrubber& scrubber) {
    auto where = parseListen(options.listen);
    if (!where) return where.error();
    if (options.tlsCertPem.empty() != options.tlsKeyPem.empty())
        return core::fail("companion: set both tls_cert and tls_key, or neither");
    auto impl = std::make_unique<Impl>(options, port, strings, scrubber);
    impl->cert = options.tlsCertPem;
    impl->key = options.tlsKeyPem;

    sockaddr_storage address{};
    if (where->ipv6) {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(where->port);
        inet_pton(AF_INET6, where->host.c_str(), &v6->sin6_addr);
    } else {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
        v4->sin_family = AF_INET;
        v4->sin_port = htons(where->port);
        inet_pton(AF_INET, where->host.c_str(), &v4->sin_addr);
    }
    const ServerLimits& l = options.limits;
    // epoll on Linux; connections wait for the kiosk suspended; no MHD_USE_ERROR_LOG: nothing is logged.
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME;
    if (where->ipv6) flags |= MHD_USE_IPv6;
    if (impl->tlsOn) flags |= MHD_USE_TLS;
    const bool tls = impl->tlsOn;
    // MHD ignores an option whose value is NULL only for some options, so the TLS pair is passed conditionally.
    MHD_Daemon* daemon =
        MHD_start_daemon(flags, where->port, nullptr, nullptr, &onRequest, impl.get(), MHD_OPTION_SOCK_ADDR,
                         reinterpret_cast<sockaddr*>(&address), MHD_OPTION_NOTIFY_COMPLETED, &onCompleted, impl.get(),
                         MHD_OPTION_CONNECTION_LIMIT, l.connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
                         l.connectionsPerAddress, MHD_OPTION_CONNECTION_TIMEOUT, l.idleTimeoutSeconds,
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, l.connectionMemory, MHD_OPTION_THREAD_POOL_SIZE, l.threads,
                         MHD_OPTION_STRICT_FOR_CLIENT, 1, tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END,
                         impl->cert.c_str(), MHD_OPTION_HTTPS_MEM_KEY, impl->key.c_str(), MHD_OPTION_END);
    if (!daemon)
        return core::fail(
            fmt::format("companion: cannot listen on {} (in use, not this machine's address, or{} "
                        "a port below 1024 without the right to bind it)",
                        options.listen, tls ? " an unreadable certificate or key," : ""));
    impl->daemon.reset(daemon);
    if (const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT))
        impl->boundPort = info->port;
    return std::unique_ptr<CompanionServer>(new CompanionServer(std::move(impl)));
}

}  // namespace reflect::companion
