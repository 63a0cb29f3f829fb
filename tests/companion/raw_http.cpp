// The raw loopback client: connect, write bytes exactly as given, parse status, headers and a sized body.
#include "raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>

namespace reflect::companion::test {

RawConnection::RawConnection(unsigned short port) {
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

RawConnection::~RawConnection() {
    if (m_fd >= 0) ::close(m_fd);
}

bool RawConnection::send(std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

HttpResponse RawConnection::read(int timeoutMs) {
    HttpResponse response;
    std::size_t headerEnd = std::string::npos;
    std::size_t wanted = std::string::npos;
    char chunk[8192];
    for (;;) {
        if (headerEnd == std::string::npos) {
            headerEnd = m_buffer.find("\r\n\r\n");
            if (headerEnd != std::string::npos) {
                const std::string head = m_buffer.substr(0, headerEnd);
                response.status = std::atoi(head.substr(head.find(' ') + 1, 3).c_str());
                std::size_t line = head.find("\r\n");
                while (line != std::string::npos) {
                    const std::size_t next = head.find("\r\n", line + 2);
                    const std::string entry =
                        head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
                    const std::size_t colon = entry.find(':');
                    if (colon != std::string::npos) {
                        std::string name = entry.substr(0, colon);
                        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                        std::string value = entry.substr(colon + 1);
                        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
                        response.headers[name] = value;
                    }
                    line = next;
                }
                const std::string length = response.header("content-length");
                wanted = length.empty() ? std::string::npos : std::strtoul(length.c_str(), nullptr, 10);
            }
        }
        if (headerEnd != std::string::npos && wanted != std::string::npos &&
            m_buffer.size() >= headerEnd + 4 + wanted) {
            response.body = m_buffer.substr(headerEnd + 4, wanted);
            m_buffer.erase(0, headerEnd + 4 + wanted);
            return response;
        }
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0) break;
        const ssize_t n = ::recv(m_fd, chunk, sizeof(chunk), 0);
        if (n <= 0) break;
        m_buffer.append(chunk, static_cast<std::size_t>(n));
    }
    if (headerEnd != std::string::npos) {
        response.body = m_buffer.substr(headerEnd + 4);
        m_buffer.clear();
    }
    return response;
}

bool RawConnection::closedWithin(int timeoutMs) {
    char chunk[4096];
    for (;;) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0) return false;
        const ssize_t n = ::recv(m_fd, chunk, sizeof(chunk), 0);
        if (n <= 0) return true;
    }
}

HttpResponse rawRequest(unsigned short port, std::string_view request, int timeoutMs) {
    RawConnection connection(port);
    if (!connection.connected() || !connection.send(request)) return {};
    return connection.read(timeoutMs);
}

HttpResponse httpGet(unsigned short port, std::string_view path, std::string_view cookie) {
    std::string request = "GET " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!cookie.empty()) request += "Cookie: " + std::string(cookie) + "\r\n";
    request += "\r\n";
    return rawRequest(port, request);
}

HttpResponse httpPost(unsigned short port, std::string_view path, std::string_view body, std::string_view cookie) {
    std::string request = "POST " + std::string(path) +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n";
    if (!cookie.empty()) request += "Cookie: " + std::string(cookie) + "\r\n";
    request += "\r\n";
    request += body;
    return rawRequest(port, request);
}

std::string hiddenField(const std::string& html, std::string_view name) {
    const std::string marker = "name=\"" + std::string(name) + "\" value=\"";
    const std::size_t at = html.find(marker);
    if (at == std::string::npos) return {};
    const std::size_t start = at + marker.size();
    return html.substr(start, html.find('"', start) - start);
}

std::string formEscape(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(c);
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 15]);
        }
    }
    return out;
}

}  // namespace reflect::companion::test
