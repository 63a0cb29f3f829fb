// Hostile HTTP over raw loopback sockets: each attack gets a clear refusal, nothing reaches the kiosk, and the
// server keeps serving. Waits are bounded polls on sockets; nothing sleeps.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "server_fixture.hpp"

using namespace reflect;
using namespace reflect::companion;
using namespace reflect::companion::test;

namespace {

std::string postHead(const std::string& path, const std::string& extra) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
           extra;
}

void refusedCleanly(const ServerFixture& f, const HttpResponse& response, int status) {
    CHECK(response.status == status);
    CHECK(response.body.find("<h1>") != std::string::npos);  // a page a person can read, not a bare reset
    CHECK(f.port.storedCount() == 0);
    CHECK(f.stillServing());
}

}  // namespace

TEST_CASE("an oversized body declared by Content-Length is refused before it is read", "[companion][hostile]") {
    ServerFixture f;
    const std::string request = postHead(f.join("/preview"), "Content-Length: 100000\r\n\r\n") + "form=x&text=";
    refusedCleanly(f, rawRequest(f.http(), request), 413);
}

TEST_CASE("an oversized chunked body is refused and dropped", "[companion][hostile]") {
    ServerFixture f;
    std::string request = postHead(f.join("/preview"), "Transfer-Encoding: chunked\r\n\r\n");
    const std::string chunk(4096, 'a');
    for (int i = 0; i < 16; ++i) request += "1000\r\n" + chunk + "\r\n";
    request += "0\r\n\r\n";
    refusedCleanly(f, rawRequest(f.http(), request), 413);
}

TEST_CASE("a 100 000 character field is refused", "[companion][hostile]") {
    ServerFixture f;
    const std::string body = "form=" + formEscape(f.writeToken()) + "&text=" + std::string(100000, 'w');
    refusedCleanly(f, httpPost(f.http(), f.join("/preview"), body), 413);
}

TEST_CASE("a request with 1 000 headers is refused", "[companion][hostile]") {
    ServerFixture f;
    std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 1000; ++i) request += "X-H" + std::to_string(i) + ": v\r\n";
    request += "\r\n";
    const HttpResponse response = rawRequest(f.http(), request);
    CHECK(response.status >= 400);
    CHECK(response.status < 500);
    CHECK(f.port.storedCount() == 0);
    CHECK(f.stillServing());
}

TEST_CASE("invalid UTF-8 in a field is refused", "[companion][hostile]") {
    ServerFixture f;
    const std::string body = "form=" + formEscape(f.writeToken()) + "&text=caf%C3%28";
    const HttpResponse response = httpPost(f.http(), f.join("/preview"), body);
    refusedCleanly(f, response, 400);
    CHECK(response.body.find("UTF-8") != std::string::npos);
}

TEST_CASE("a missing, wrong or reused form token stores nothing", "[companion][hostile]") {
    ServerFixture f;
    refusedCleanly(f, httpPost(f.http(), f.join("/send"), "text=hello&checked=x"), 403);
    refusedCleanly(f, httpPost(f.http(), f.join("/send"), "form=AAAA.BBBB&text=hello&checked=x"), 403);
    const std::string token = f.writeToken();
    CHECK(httpPost(f.http(), f.join("/preview"), "form=" + formEscape(token) + "&text=hello").status == 200);
    refusedCleanly(f, httpPost(f.http(), f.join("/preview"), "form=" + formEscape(token) + "&text=hello"), 403);
}

TEST_CASE("a wrong or expired join token gets the closed page", "[companion][hostile]") {
    ServerFixture f;
    refusedCleanly(f, httpGet(f.http(), "/j/not-the-token/write"), 410);
    refusedCleanly(f, httpPost(f.http(), "/j/not-the-token/send", "form=x&text=y"), 410);
    refusedCleanly(f, httpGet(f.http(), "/j/%00/write"), 410);
}

TEST_CASE("path traversal finds nothing", "[companion][hostile]") {
    ServerFixture f;
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/j/../style.css", "/style.css/..",
                             "/j/join-token-1/../../etc/passwd", "//etc/passwd"}) {
        INFO(path);
        const HttpResponse response = httpGet(f.http(), path);
        CHECK(response.status >= 400);
        CHECK(response.status < 500);
        CHECK(response.body.find("root:") == std::string::npos);
    }
    CHECK(f.stillServing());
}

TEST_CASE("methods other than GET and POST are refused", "[companion][hostile]") {
    ServerFixture f;
    for (const char* method : {"PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"}) {
        INFO(method);
        const HttpResponse response = rawRequest(f.http(), std::string(method) + " " + f.join("/send") +
                                                               " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                               "Content-Length: 0\r\n\r\n");
        CHECK(response.status == 405);
        CHECK(response.header("allow") == "GET, HEAD, POST");
    }
    CHECK(f.port.storedCount() == 0);
    CHECK(f.stillServing());
}

TEST_CASE("a post that is not a form is refused", "[companion][hostile]") {
    ServerFixture f;
    const std::string request = "POST " + f.join("/send") +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                "Content-Length: 2\r\n\r\n{}";
    refusedCleanly(f, rawRequest(f.http(), request), 415);
}

TEST_CASE("slow-loris clients are cut off by the idle timeout and never starve others", "[companion][hostile]") {
    ServerLimits limits;
    limits.idleTimeoutSeconds = 1;
    limits.connectionsPerAddress = 8;
    ServerFixture f(limits);
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 4; ++i) {
        slow.push_back(std::make_unique<RawConnection>(f.http()));
        REQUIRE(slow.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
    }
    // While they hang, a phone is served at once.
    CHECK(f.stillServing());
    for (auto& connection : slow) CHECK(connection->closedWithin(5000));
    CHECK(f.stillServing());
}

TEST_CASE("a phone over its rate is refused while another is not", "[companion][hostile]") {
    ServerLimits limits;
    limits.requestsPerMinute = 6;
    limits.requestBurst = 5;
    ServerFixture f(limits);
    int refused = 0;
    for (int i = 0; i < 8; ++i) {
        const HttpResponse response = httpGet(f.http(), "/");
        if (response.status == 429) {
            ++refused;
            CHECK(response.body.find(f.strings.get("companion.too_many")) != std::string::npos);
        }
    }
    CHECK(refused >= 2);
    CHECK(f.port.storedCount() == 0);
}

TEST_CASE("too many connections from one address are refused", "[companion][hostile]") {
    ServerLimits limits;
    limits.connectionsPerAddress = 3;
    ServerFixture f(limits);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<RawConnection>(f.http()));
        REQUIRE(held.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    }
    RawConnection extra(f.http());
    // The kernel accepts the socket; the server closes it at once without reading.
    CHECK(extra.closedWithin(5000));
    CHECK(f.port.storedCount() == 0);
}
