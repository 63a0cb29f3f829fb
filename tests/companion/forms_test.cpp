// Unit tests of the phone page's building blocks: form decoding, form tokens, the rate limiter, QR codes, config.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "companion/companion_server.hpp"
#include "companion/form_decoder.hpp"
#include "companion/form_tokens.hpp"
#include "companion/rate_limiter.hpp"
#include "core/companion/qr_code.hpp"
#include "core/config/app_config.hpp"

using namespace reflect;
using namespace reflect::companion;

TEST_CASE("form decoding reads fields, plus signs and escapes", "[companion]") {
    auto form = decodeForm("form=abc.def&text=Hello+there%2C+%C3%A9t%C3%A9%0A&empty=");
    REQUIRE(form);
    REQUIRE(form->find("text"));
    CHECK(*form->find("text") == "Hello there, \xC3\xA9t\xC3\xA9\n");
    CHECK(*form->find("form") == "abc.def");
    CHECK(form->find("empty")->empty());
    CHECK(form->find("missing") == nullptr);
}

TEST_CASE("form decoding refuses broken escapes, repeats and invalid UTF-8", "[companion]") {
    CHECK_FALSE(decodeForm("text=%"));
    CHECK_FALSE(decodeForm("text=%4"));
    CHECK_FALSE(decodeForm("text=%zz"));
    CHECK_FALSE(decodeForm("a=1&a=2"));
    CHECK_FALSE(decodeForm("=value"));
    const auto overlong = decodeForm("text=%C0%AF");
    REQUIRE_FALSE(overlong);
    CHECK(overlong.error().message.find("UTF-8") != std::string::npos);
    CHECK_FALSE(decodeForm("text=%ED%A0%80"));  // a lone surrogate
}

TEST_CASE("form decoding enforces its field limits", "[companion]") {
    FormLimits limits;
    limits.maxFields = 3;
    limits.maxValueBytes = 10;
    CHECK(decodeForm("a=1&b=2&c=3", limits));
    CHECK_FALSE(decodeForm("a=1&b=2&c=3&d=4", limits));
    CHECK(decodeForm("a=0123456789", limits));
    CHECK_FALSE(decodeForm("a=01234567890", limits));
    CHECK_FALSE(decodeForm("a=" + std::string(100000, 'x')));
}

TEST_CASE("code points count characters, not bytes", "[companion]") {
    CHECK(countCodePoints("abc") == 3);
    CHECK(countCodePoints("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == 3);
    CHECK(isTokenShaped("abc-DEF_1.2"));
    CHECK_FALSE(isTokenShaped("../etc"));
    CHECK_FALSE(isTokenShaped(""));
    CHECK_FALSE(isTokenShaped("a b"));
}

TEST_CASE("a form token works once and only for its own scope", "[companion]") {
    FormTokens tokens;
    const std::string token = tokens.issue("draft|join-1");
    CHECK_FALSE(tokens.redeem("draft|join-2", token));
    CHECK_FALSE(tokens.redeem("evaluation|join-1", token));
    CHECK(tokens.redeem("draft|join-1", token));
    CHECK_FALSE(tokens.redeem("draft|join-1", token));  // single use
    CHECK_FALSE(tokens.redeem("draft|join-1", ""));
    CHECK_FALSE(tokens.redeem("draft|join-1", "nonce.mac"));
    std::string forged = tokens.issue("draft|join-1");
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    CHECK_FALSE(tokens.redeem("draft|join-1", forged));
}

TEST_CASE("form tokens from another process or past the capacity have expired", "[companion]") {
    FormTokens mine(3);
    FormTokens other;
    CHECK_FALSE(mine.redeem("s", other.issue("s")));
    const std::string oldest = mine.issue("s");
    const std::string second = mine.issue("s");
    (void)mine.issue("s");
    (void)mine.issue("s");
    CHECK(mine.outstanding() == 3);
    CHECK_FALSE(mine.redeem("s", oldest));
    CHECK(mine.redeem("s", second));
    CHECK(mine.digest("words") == mine.digest("words"));
    CHECK(mine.digest("words") != mine.digest("words."));
    CHECK(mine.digest("words") != other.digest("words"));
}

TEST_CASE("the rate limiter allows a burst, refills, and forgets quiet addresses", "[companion]") {
    using Clock = RateLimiter::Clock;
    RateLimiter limiter(60.0, 3.0, 2);
    const Clock::time_point t0{};
    CHECK(limiter.allow("a", t0));
    CHECK(limiter.allow("a", t0));
    CHECK(limiter.allow("a", t0));
    CHECK_FALSE(limiter.allow("a", t0));
    CHECK(limiter.allow("b", t0));  // another phone is not affected
    CHECK(limiter.allow("b", t0));
    CHECK(limiter.allow("b", t0));
    CHECK(limiter.allow("a", t0 + std::chrono::seconds(1)));
    CHECK_FALSE(limiter.allow("a", t0 + std::chrono::seconds(1)));
    CHECK_FALSE(limiter.allow("c", t0 + std::chrono::seconds(1)));  // both slots busy: a flood
    CHECK(limiter.allow("c", t0 + std::chrono::seconds(10)));       // quiet buckets were swept
    CHECK(limiter.tracked() <= 2);
}

TEST_CASE("a join link becomes a square QR matrix with finder patterns", "[companion]") {
    const auto qr = core::encodeQr("http://reflect.lan:8080/j/k7Qm2xPa9d");
    REQUIRE(qr);
    CHECK(qr->size >= 21);
    CHECK((qr->size - 17) % 4 == 0);
    CHECK(qr->modules.size() == static_cast<std::size_t>(qr->size * qr->size));
    // The three finder patterns: a dark 7x7 ring with a dark 3x3 centre, in three corners.
    for (const auto& [ox, oy] : {std::pair{0, 0}, std::pair{qr->size - 7, 0}, std::pair{0, qr->size - 7}}) {
        CHECK(qr->dark(ox, oy));
        CHECK(qr->dark(ox + 6, oy + 6));
        CHECK_FALSE(qr->dark(ox + 1, oy + 1));
        CHECK(qr->dark(ox + 3, oy + 3));
    }
    CHECK_FALSE(core::encodeQr(""));
    CHECK_FALSE(core::encodeQr(std::string(5000, 'x')));
}

TEST_CASE("the listen address and join URL are read and written plainly", "[companion]") {
    const auto v4 = parseListen("10.42.0.1:8080");
    REQUIRE(v4);
    CHECK(v4->host == "10.42.0.1");
    CHECK(v4->port == 8080);
    const auto v6 = parseListen("[::1]:80");
    REQUIRE(v6);
    CHECK(v6->ipv6);
    CHECK_FALSE(parseListen("10.42.0.1"));
    CHECK_FALSE(parseListen("10.42.0.1:99999"));
    CHECK_FALSE(parseListen("kiosk:8080"));
    CHECK(joinUrl("http", "reflect.lan", 80, "abc") == "http://reflect.lan/j/abc");
    CHECK(joinUrl("https", "reflect.lan", 8443, "abc") == "https://reflect.lan:8443/j/abc");
}

TEST_CASE("config reads the [companion] section and names each mistake", "[companion]") {
    const auto good = core::parseConfig(
        "[companion]\nlisten = \"10.42.0.1:8080\"\nhost = \"reflect.lan\"\ntls_cert = \"/etc/reflect/c.pem\"\n"
        "tls_key = \"/etc/reflect/k.pem\"\n",
        "config.toml");
    CHECK(good.issues.empty());
    CHECK(good.config.companionListen == "10.42.0.1:8080");
    CHECK(good.config.companionHost == "reflect.lan");
    CHECK(good.config.companionTlsKey == "/etc/reflect/k.pem");
    const auto half =
        core::parseConfig("[companion]\nlisten = \"8080\"\ntls_cert = \"/c.pem\"\nport = 1\n", "config.toml");
    REQUIRE(half.issues.size() == 3);
    CHECK(half.config.companionListen.empty());
    CHECK(half.config.companionTlsCert.empty());
    CHECK(half.issues[0].toString().find("companion.listen") != std::string::npos);
}

TEST_CASE("a phone's QR reader gets the join link back from the matrix", "[companion]") {
    const std::string url = "http://reflect.lan:8080/j/k7Qm2xPa9d";
    const auto qr = core::encodeQr(url);
    REQUIRE(qr);
    // Drawn as a room view would: 4 modules of quiet zone, 6 pixels a module, as a binary PGM.
    constexpr int kScale = 6;
    const int side = (qr->size + 2 * core::QrMatrix::kQuietZone) * kScale;
    std::string pgm = "P5\n" + std::to_string(side) + " " + std::to_string(side) + "\n255\n";
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int mx = x / kScale - core::QrMatrix::kQuietZone;
            const int my = y / kScale - core::QrMatrix::kQuietZone;
            const bool dark = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size && qr->dark(mx, my);
            pgm.push_back(static_cast<char>(dark ? 0 : 255));
        }
    char path[] = "/tmp/reflect-qr-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, pgm.data(), pgm.size()) == static_cast<ssize_t>(pgm.size()));
    close(fd);
    const std::string command = std::string("zbarimg --quiet --raw 'PGM:") + path + "' 2>/dev/null";
    std::string decoded;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (fgets(buffer, sizeof(buffer), pipe)) decoded += buffer;
        const int status = pclose(pipe);
        unlink(path);
        if (status == 127 * 256) {
            WARN("zbarimg is not installed (scripts/setup installs zbar-tools): QR decoding not checked");
            return;
        }
    }
    CHECK(decoded == url + "\n");
}

TEST_CASE("server options come from the config, with --listen first and unreadable PEM files named", "[companion]") {
    core::AppConfig config;
    CHECK_FALSE(serverOptionsFrom(config));  // off
    config.companionListen = "10.42.0.1:8080";
    const auto plain = serverOptionsFrom(config);
    REQUIRE(plain);
    CHECK(plain->listen == "10.42.0.1:8080");
    CHECK(plain->tlsCertPem.empty());
    const auto overridden = serverOptionsFrom(config, "127.0.0.1:9000");
    REQUIRE(overridden);
    CHECK(overridden->listen == "127.0.0.1:9000");
    CHECK_FALSE(serverOptionsFrom(config, "nowhere"));
    config.companionTlsCert = "/nonexistent/cert.pem";
    config.companionTlsKey = "/nonexistent/key.pem";
    const auto missing = serverOptionsFrom(config);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("/nonexistent/cert.pem") != std::string::npos);
}
