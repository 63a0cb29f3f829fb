// A phone page server over the fake port, for the browser test and scripts/bench-companion. Prints the port,
// serves until standard input closes, then prints what was stored: counts, and duplicates among contributions.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>

#include "companion/companion_server.hpp"
#include "fake_port.hpp"

using namespace reflect;
using namespace reflect::companion;

int main(int argc, char** argv) {
    // --bench: every phone of the benchmark shares 127.0.0.1, so the per-address limits are raised for it.
    const bool bench = argc > 1 && std::string(argv[1]) == "--bench";
    auto strings = core::StringTable::loadLocale(REFLECT_TEST_ASSETS_DIR "/strings/en-GB");
    if (!strings) {
        std::cerr << strings.error().message << '\n';
        return 1;
    }
    const core::Scrubber scrubber;
    test::FakePort port;
    ServerOptions options;
    options.listen = "127.0.0.1:0";
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
