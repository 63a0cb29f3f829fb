// RawHttp: a tiny blocking HTTP/1.1 client over raw loopback sockets, so tests can send what no browser would.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace reflect::companion::test {

struct HttpResponse {
    int status = 0;                              ///< 0: no response (closed or timed out)
    std::map<std::string, std::string> headers;  ///< names lower-cased
    std::string body;
    [[nodiscard]] std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string{} : it->second;
    }
};

/// A connected loopback socket; closed on destruction.
class RawConnection {
public:
    explicit RawConnection(unsigned short port);
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    ~RawConnection();

    [[nodiscard]] bool connected() const noexcept { return m_fd >= 0; }
    bool send(std::string_view data);
    /// Reads one response, waiting at most `timeoutMs` in poll() for each read.
    [[nodiscard]] HttpResponse read(int timeoutMs = 5000);
    /// True when the server closes the connection within `timeoutMs` (poll, never sleep).
    [[nodiscard]] bool closedWithin(int timeoutMs);

private:
    int m_fd = -1;
    std::string m_buffer;
};

/// One request on a fresh connection.
[[nodiscard]] HttpResponse rawRequest(unsigned short port, std::string_view request, int timeoutMs = 5000);
[[nodiscard]] HttpResponse httpGet(unsigned short port, std::string_view path, std::string_view cookie = {});
[[nodiscard]] HttpResponse httpPost(unsigned short port, std::string_view path, std::string_view body,
                                    std::string_view cookie = {});
/// The value of the hidden field `name` in a page ("" when absent).
[[nodiscard]] std::string hiddenField(const std::string& html, std::string_view name);
/// application/x-www-form-urlencoded escaping of one value.
[[nodiscard]] std::string formEscape(std::string_view text);

}  // namespace reflect::companion::test
