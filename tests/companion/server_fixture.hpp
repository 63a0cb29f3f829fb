// ServerFixture: a real CompanionServer over a FakePort on 127.0.0.1 with a free port, plus request helpers.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "companion/companion_server.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/text/string_table.hpp"
#include "fake_port.hpp"
#include "raw_http.hpp"

namespace reflect::companion::test {

inline core::StringTable loadStrings() {
    auto strings = core::StringTable::loadLocale(REFLECT_TEST_ASSETS_DIR "/strings/en-GB");
    if (!strings) throw std::runtime_error(strings.error().message);
    return std::move(strings.value());
}

struct ServerFixture {
    explicit ServerFixture(ServerLimits limits = {}) : strings(loadStrings()) {
        ServerOptions options;
        options.listen = "127.0.0.1:0";
        options.limits = limits;
        auto started = CompanionServer::start(options, port, strings, scrubber);
        if (!started) throw std::runtime_error(started.error().message);
        server = std::move(started.value());
    }

    [[nodiscard]] unsigned short http() const { return server->port(); }
    [[nodiscard]] std::string join(std::string_view rest = {}) const {
        return "/j/" + port.snapshot().joinToken + std::string(rest);
    }
    /// Opens the write form and returns its form token.
    [[nodiscard]] std::string writeToken() const { return hiddenField(httpGet(http(), join("/write")).body, "form"); }
    [[nodiscard]] bool stillServing() const { return httpGet(http(), "/").status == 200; }

    FakePort port;
    core::StringTable strings;
    core::Scrubber scrubber;
    std::unique_ptr<CompanionServer> server;
};

}  // namespace reflect::companion::test
