// Screenshot demo states: each named screen is reached through the same commands a facilitator would use.
#include <algorithm>

#include "app/kiosk_app.hpp"

namespace reflect::app {

const std::vector<std::string>& screenshotScreens() {
    static const std::vector<std::string> kScreens = {
        "home",          "home-resume",   "setup",       "runner-first", "runner",     "runner-amber",
        "runner-overtime", "runner-paused", "end-confirm", "summary",      "signposts",  "pin",
        "home-safe-mode",
    };
    return kScreens;
}

namespace {
core::Result<void> startRound(KioskApp& app) {
    const auto& templates = app.controller().templates().templates;
    if (templates.empty()) return core::fail("no templates are available for the demo");
    auto round = std::find_if(templates.begin(), templates.end(), [](const auto& t) { return t.format == "round"; });
    const auto& chosen = round != templates.end() ? *round : templates.front();
    core::PlanChoices choices;
    choices.title = "A patient I will never forget";
    app.controller().apply(core::StartSession{chosen.id, choices});
    if (!app.sessions().active()) return core::fail("the demo session did not start");
    return core::ok();
}

void op(KioskApp& app, core::SessionOp o) { app.controller().apply(core::SessionCommand{o}); }
}  // namespace

core::Result<void> prepareScreenshot(const std::string& screen, KioskApp& app, core::ManualClock& clock, core::Database&) {
    auto& c = app.controller();
    if (screen == "home") return core::ok();
    if (screen == "home-safe-mode") return core::ok();  // main passes the start-up notice in KioskAppConfig
    if (screen == "setup") {
        c.apply(core::OpenSetup{});
        return core::ok();
    }
    if (screen == "signposts") {
        c.apply(core::OpenSignposts{});
        return core::ok();
    }
    if (screen == "pin") {
        c.apply(core::RequestExit{});
        return core::ok();
    }
    auto started = startRound(app);
    if (!started) return started;
    if (screen == "runner-first") {
        clock.advanceSeconds(95);
        return core::ok();
    }
    // Into the first panel story, part-way through.
    clock.advanceSeconds(4 * 60 + 40);
    op(app, core::SessionOp::Next);
    if (screen == "runner" || screen == "home-resume") {
        clock.advanceSeconds(138);
        if (screen == "home-resume") c.apply(core::GoHome{});
        return core::ok();
    }
    if (screen == "runner-amber") {
        clock.advanceSeconds(6 * 60 - 84);
        return core::ok();
    }
    if (screen == "runner-overtime") {
        clock.advanceSeconds(6 * 60 + 65);
        return core::ok();
    }
    if (screen == "runner-paused") {
        clock.advanceSeconds(200);
        op(app, core::SessionOp::Pause);
        return core::ok();
    }
    if (screen == "end-confirm") {
        clock.advanceSeconds(200);
        app.ui().runner().openEndConfirm();
        return core::ok();
    }
    if (screen == "summary") {
        // Run every stage with a realistic spread: some short, some long.
        const int stages = app.sessions().active()->stageCount();
        for (int i = app.sessions().active()->currentIndex(); i < stages; ++i) {
            const auto planned = app.sessions().active()->allowedMs(i);
            clock.advanceMs(planned + ((i % 3) - 1) * 70'000);
            if (i + 1 < stages) op(app, core::SessionOp::Next);
        }
        op(app, core::SessionOp::End);
        return core::ok();
    }
    return core::fail("unknown screen \"" + screen + "\" (try --screen list)");
}

}  // namespace reflect::app
