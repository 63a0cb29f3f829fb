// A phone page server over the fake port, for the browser and TLS tests and scripts/bench-companion. Prints the
// port, serves until standard input closes, then prints what was stored: counts, and duplicates among contributions.
// usage: reflect_companion_test_server [--bench] [--tls CERT.pem KEY.pem]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "companion/companion_server.hpp"
#include "fake_port.hpp"

using namespace reflect;
using namespace reflect::companion;

namespace {

std::string readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    bool bench = false;
    std::string cert;
    std::string key;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        // Every phone of the benchmark shares 127.0.0.1, so the per-address limits are raised for it.
        if (arg == "--bench") bench = true;
        if (arg == "--tls" && i + 2 < argc) {
            cert = readFile(argv[i + 1]);
            key = readFile(argv[i + 2]);
            i += 2;
        }
    }
    auto strings = core::StringTable::loadLocale(REFLECT_TEST_ASSETS_DIR "/strings/en-GB");
    if (!strings) {
        std::cerr << strings.error().message << '\n';
        return 1;
    }
    const core::Scrubber scrubber;
    test::FakePort port;
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.tlsCertPem = cert;
    options.tlsKeyPem = key;
    if (bench) {
        options.limits.connectionsPerAddress = 200;
        options.limits.connections = 400;
        options.limits.requestsPerMinute = 100000;
        options.limits.requestBurst = 100000;
    }
    auto server = CompanionServer::start(options, port, strings.value(), scrubber);
    if (!server) {
        std::cerr << server.error().message << '\n';
        return 1;
    }
    std::cout << (*server)->port() << " " << port.snapshot().joinToken << " " << port.snapshot().pairToken << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    const auto contributions = port.contributions();
    std::set<std::string> unique;
    for (const auto& [join, text] : contributions) unique.insert(text);
    std::cout << "contributions " << contributions.size() << " duplicates " << contributions.size() - unique.size()
              << " evaluations " << port.evaluations().size() << std::endl;
    return 0;
}
