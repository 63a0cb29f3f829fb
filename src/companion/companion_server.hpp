// CompanionServer: the phone page over libmicrohttpd, with every limit a room's Wi-Fi needs and no access log.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "companion/companion_port.hpp"
#include "core/config/app_config.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/text/string_table.hpp"

namespace reflect::companion {

/// Each limit answers with a clear 4xx page and stores nothing.
struct ServerLimits {
    std::size_t maxBodyBytes = 32 * 1024;      ///< 2 000 characters, fully escaped, fit with room to spare
    std::size_t maxHeaders = 48;               ///< a phone browser sends about 15
    std::size_t connectionMemory = 32 * 1024;  ///< per connection: request line and headers must fit
    unsigned connections = 256;                ///< in total
    unsigned connectionsPerAddress = 16;       ///< one phone's browser opens about 6
    unsigned idleTimeoutSeconds = 15;          ///< a connection that sends nothing for this long is closed
    unsigned requestTimeoutSeconds = 30;       ///< a request body that trickles in longer than this is cut off
    double requestsPerMinute = 120;            ///< per address, on average
    double requestBurst = 60;                  ///< per address, at once
    unsigned threads = 4;                      ///< event-driven workers; a slow client never holds one
    std::chrono::milliseconds replyWait{10000};
};

struct ServerOptions {
    std::string listen = "127.0.0.1:0";  ///< "ADDR:PORT"; "[::]:8080" for IPv6; port 0 picks a free port
    std::string tlsCertPem;              ///< both set: HTTPS only (GnuTLS through libmicrohttpd)
    std::string tlsKeyPem;
    ServerLimits limits;
};

struct ListenAddress {
    std::string host;
    std::uint16_t port = 0;
    bool ipv6 = false;
};

/// The [companion] settings as server options, with the PEM files read; "" listen means the page is off (an error
/// saying so, which the app need not show). `listenOverride` is --listen, which wins over the file.
[[nodiscard]] core::Result<ServerOptions> serverOptionsFrom(const core::AppConfig& config,
                                                            std::string_view listenOverride = {});

/// "192.168.4.1:8080", "0.0.0.0:80", "[::1]:8080" -> host and port; a clear message otherwise.
[[nodiscard]] core::Result<ListenAddress> parseListen(std::string_view listen);

/// The address phones open: "<scheme>://<host>[:port]/j/<joinToken>".
[[nodiscard]] std::string joinUrl(std::string_view scheme, std::string_view host, std::uint16_t port,
                                  std::string_view joinToken);

class CompanionServer {
public:
    /// Starts serving at once on its own threads; the references must outlive the server.
    [[nodiscard]] static core::Result<std::unique_ptr<CompanionServer>> start(const ServerOptions& options,
                                                                              CompanionPort& port,
                                                                              const core::StringTable& strings,
                                                                              const core::Scrubber& scrubber);
    CompanionServer(const CompanionServer&) = delete;
    CompanionServer& operator=(const CompanionServer&) = delete;
    ~CompanionServer();  ///< stops accepting, finishes nothing new, joins the threads

    [[nodiscard]] std::uint16_t port() const noexcept;
    [[nodiscard]] bool tls() const noexcept;

    struct Impl;

private:
    explicit CompanionServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reflect::companion
