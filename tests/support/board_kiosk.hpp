// BoardKiosk: the core pieces a contribution takes from submit to the theme board, over an in-memory database
// with the current schema: sessions, contributions (scrubbed), the codebook and a manual clock.
#pragma once

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "core/contribute/codebook.hpp"
#include "core/contribute/contribution_service.hpp"
#include "core/session/session_service.hpp"
#include "support/fixtures.hpp"

namespace reflect::test {

struct BoardKiosk {
    std::unique_ptr<core::Database> db = memoryDatabase();
    core::ManualClock clock;
    core::Scrubber scrubber;
    core::Codebook codebook = core::loadCodebook(assetsDir() / "codebook.toml").value();
    core::SessionService sessions{*db, clock};
    core::ContributionService service{*db, scrubber};

    /// Starts a Round and returns its session id.
    std::int64_t startRound() {
        REQUIRE(sessions.start(roundTemplate(), {}));
        return sessions.activeId();
    }
    /// Opens contributions, takes `n` ("Card number 0", ...) and closes them.
    void addOpen(std::int64_t sid, int n) {
        REQUIRE(service.open(sid));
        for (int i = 0; i < n; ++i) REQUIRE(service.submit(sid, 2, "Card number " + std::to_string(i)));
        REQUIRE(service.close(sid));
    }
};

}  // namespace reflect::test
