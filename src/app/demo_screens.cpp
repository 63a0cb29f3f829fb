// Screenshot demo states: each named screen is reached through the same commands a facilitator would use.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <set>
#include <string>

#include "app/kiosk_app.hpp"
#include "core/review/demo_data.hpp"

namespace reflect::app {

namespace {
core::Result<void> startRound(KioskApp& app) {
    const auto& templates = app.view().setup.templates->templates;
    if (templates.empty()) return core::fail("no templates are available for the demo");
    auto round = std::find_if(templates.begin(), templates.end(), [](const auto& t) { return t.format == "round"; });
    const auto& chosen = round != templates.end() ? *round : templates.front();
    core::PlanChoices choices;
    choices.title = "A patient I will never forget";
    app.apply(core::StartSession{chosen.id, choices});
    if (!app.sessions().active()) return core::fail("the demo session did not start");
    return core::ok();
}

void op(KioskApp& app, core::SessionOp o) {
    app.apply(core::SessionCommand{o});
}

/// Fictional reflections in the voice of staff after a Round; already free of identifiers, as stored ones are.
constexpr const char* kDemoCards[] = {
    "I keep thinking about the family in the relatives' room. We had no good news to give them.",
    "Proud of how the night team pulled together when two people called in sick.",
    "I felt like I was letting patients down because there just wasn't time to sit with anyone.",
    "Holding a hand at the end. Nobody else was there and I'm glad I was.",
    "Nobody asked how I was after the cardiac arrest on [LOCATION].",
    "A porter stopped to help me calm a confused patient. Small thing, made my shift.",
    "Exhausted.",
    "I wasn't sure I had done enough, and I still wonder.",
    "Hearing the panel made me realise I'm not the only one who goes home and cries.",
    "The student nurse asked me how I cope. I didn't have an answer.",
    "Gratitude for the chaplain, who just listened.",
    "We disagreed with the decision to stop treatment, but I understand it better now.",
    "Being asked to do more with less, again.",
    "The patient's daughter thanked us by name. That kept me going for weeks.",
    "I wanted to fix everything for her and I couldn't.",
    "My manager covered my break so I could phone home. Kindness matters.",
    "Anger at the system, not at anyone in this room.",
    "Learning to leave work at work, slowly.",
    "Dr [NAME] stayed late to explain things properly to the family. That is care.",
    "Feeling that my feelings don't count because I'm not clinical.",
    "The quiet after a death on the ward, and then straight on to the next bed.",
    "Hope that things can change if we keep talking like this.",
    "We laughed together at handover for the first time in months.",
    "Boundaries: I gave a patient my time on my day off and I'm not sure I should have.",
    "I was frightened and I didn't say so.",
};

core::Result<void> toDiscussion(KioskApp& app) {
    for (int i = 0; i < 30 && !app.view().runner.contributions.stageAccepts; ++i) op(app, core::SessionOp::Next);
    if (!app.view().runner.contributions.stageAccepts) return core::fail("the demo template has no contribution stage");
    return core::ok();
}

void addCards(KioskApp& app, int count) {
    auto& c = app;
    c.apply(core::OpenContributions{});
    constexpr auto n = std::size(kDemoCards);
    for (int i = 0; i < count; ++i) {
        std::string text = kDemoCards[static_cast<std::size_t>(i) % n];
        // Repeats stay identical so the board shows them merged as "×2"; only the 500-card load test keeps
        // them distinct, to measure drawing that many cards.
        if (count > 100 && static_cast<std::size_t>(i) >= n)
            text += " (" + std::to_string(i / static_cast<int>(n) + 1) + ")";
        c.apply(core::SubmitContribution{core::SecretText(text)});
    }
    c.apply(core::CloseContributions{});
}

/// Groups the first `per` loose cards into a theme with these tags.
void theme(KioskApp& app, const char* name, int per, std::initializer_list<const char*> tags, int votes) {
    auto& c = app;
    std::vector<std::int64_t> ids;
    int taken = 0;  // a merged card brings its identical copies with it
    for (const auto& card : c.view().board.cards)
        if (card.themeId == 0 && taken < per) {
            ids.push_back(card.id);
            taken += card.copies();
        }
    const auto before = c.view().board.themes.size();
    c.apply(core::BoardCreateTheme{ids, name});
    if (c.view().board.themes.size() == before) return;
    std::int64_t id = 0;
    for (const auto& t : c.view().board.themes)
        if (t.name == name) id = t.id;
    for (const char* tag : tags) c.apply(core::BoardToggleTag{id, tag});
    // Rounds never vote: only a format whose board allows it gets the demo votes.
    if (votes > 0 && c.view().board.votes) c.apply(core::BoardVote{id, votes});
}

/// Earlier Rounds, so the board can say "also in N of the last 6".
core::Result<void> earlierRounds(KioskApp& app, core::ManualClock& clock) {
    for (int i = 0; i < 4; ++i) {
        if (auto s = startRound(app); !s) return s;
        if (auto d = toDiscussion(app); !d) return d;
        addCards(app, 3);
        app.apply(core::SetAttendance{6});
        app.apply(core::RevealContributions{});
        app.apply(core::ShowBoardTools{});
        theme(app, "Earlier", 3, {i % 2 == 0 ? "grief-and-loss" : "teamwork", "feeling-unsupported"}, 0);
        app.apply(core::LeaveBoard{});
        op(app, core::SessionOp::End);
        app.apply(core::FinishSummary{});
        clock.advanceSeconds(30 * 24 * 3600);
    }
    return core::ok();
}

/// Lead review: a few years of demo history, a lead PIN, and the dashboard unlocked on one panel.
core::Result<void> leadReview(const std::string& screen, KioskApp& app, core::ManualClock& clock, core::Database& db) {
    auto& c = app;
    core::DemoOptions options;
    options.sessions = 300;
    options.seed = 7;
    options.endWallMs = clock.wallNow() - 7LL * 24 * 3600 * 1000;
    auto filled = core::generateDemoData(db, app.codebook(), options);
    if (!filled) return core::fail(filled.error().message);
    core::PinStore pins(db, clock);
    if (auto set = pins.setPin(core::Role::Lead, "2468"); !set) return set;
    c.apply(core::OpenLeadReview{});
    if (screen == "lead-pin") return core::ok();
    c.apply(core::SubmitLeadPin{"2468"});
    if (app.controller().screen() != core::Screen::Dashboard)
        return core::fail("the demo lead PIN did not unlock the dashboard");
    struct Shot {
        const char* name;
        core::DashboardPanel panel;
    };
    constexpr Shot kShots[] = {{"dashboard-sessions", core::DashboardPanel::Sessions},
                               {"dashboard-themes", core::DashboardPanel::Themes},
                               {"dashboard-search", core::DashboardPanel::Search},
                               {"dashboard-actions", core::DashboardPanel::Actions},
                               {"dashboard-evaluations", core::DashboardPanel::Evaluations},
                               {"dashboard-timing", core::DashboardPanel::Timing},
                               {"dashboard-checklist", core::DashboardPanel::Checklist}};
    for (const auto& shot : kShots)
        if (screen == shot.name) c.apply(core::ShowDashboardPanel{shot.panel});
    if (screen == "dashboard-search") c.apply(core::DashboardSearch{"family"});
    if (screen == "dashboard-quotes") {
        // The themes panel with the quotes of the first tag (highest share now) that has any to show.
        c.apply(core::ShowDashboardPanel{core::DashboardPanel::Themes});
        std::vector<std::string> tags;
        for (const auto& row : c.view().dashboard.themes.rows) tags.push_back(row.tag);
        for (const auto& tag : tags) {
            c.apply(core::OpenTagQuotes{tag});
            const auto& quotes = c.view().dashboard.quotes;
            if (quotes && !quotes->quotes.empty()) break;
        }
        if (!c.view().dashboard.quotes) return core::fail("the demo history has no tag to open quotes for");
    }
    if (screen == "dashboard-locking") {
        c.apply(core::ShowDashboardPanel{core::DashboardPanel::Actions});
        clock.advanceSeconds(167);  // 13 s before the idle lock
    }
    if (screen == "dashboard-sessions")
        c.apply(core::SetDashboardFilter{core::PeriodKind::Quarter, std::nullopt, std::nullopt, std::nullopt});
    if (screen == "dashboard-custom")
        // Feb 2025 to May 2026 by quarter: the screen says it covers Jan 2025 to Jun 2026.
        c.apply(core::SetDashboardFilter{core::PeriodKind::Quarter, std::nullopt, std::nullopt,
                                         core::MonthRange{"2025-02", "2026-05"}});
    return core::ok();
}

/// The first-run PIN set-up, as a fresh kiosk opens on it; and home once the PINs are set or put off.
core::Result<void> pinSetup(const std::string& screen, KioskApp& app, core::Database& db, core::ManualClock& clock) {
    auto& c = app;
    if (screen == "home") {
        // A kiosk in everyday use: both PINs were set, so home shows no reminder.
        core::PinStore pins(db, clock);
        if (auto set = pins.setPin(core::Role::Facilitator, "1357"); !set) return set;
        if (auto set = pins.setPin(core::Role::Lead, "2468"); !set) return set;
        c.apply(core::SetPinsLater{});
        c.apply(core::GoHome{});
        return core::ok();
    }
    if (!c.view().pads.setup.open) return core::fail("the first-run PIN set-up did not open on a fresh database");
    if (screen == "home-pins-reminder") {
        c.apply(core::SetPinsLater{});
        return core::ok();
    }
    if (screen == "first-run-pins-mismatch") {
        c.apply(core::PinSetupEntry{core::SecretText("1357")});
        c.apply(core::PinSetupEntry{core::SecretText("1375")});
    }
    if (screen == "first-run-pins-lead") {
        c.apply(core::PinSetupEntry{core::SecretText("1357")});
        c.apply(core::PinSetupEntry{core::SecretText("1357")});
        if (c.view().pads.setup.role != core::Role::Lead) return core::fail("the demo facilitator PIN was not saved");
    }
    return core::ok();
}

/// The demo states that start from a fresh kiosk whose facilitator chose "Set later" on the first-run set-up.
core::Result<void> simpleScreen(const DemoContext& d) {
    auto& c = d.app;
    if (d.screen == "setup") c.apply(core::OpenSetup{});
    if (d.screen == "signposts") c.apply(core::OpenSignposts{});
    if (d.screen == "pin" || d.screen == "pin-closing") {
        c.apply(core::RequestExit{});
        if (d.screen == "pin-closing") d.clock.advanceSeconds(168);  // 12 s before the pad closes itself
    }
    return core::ok();  // home-safe-mode: main passes the start-up notice in KioskAppConfig
}

/// A Round at its discussion, with contributions written, revealed or refused.
core::Result<void> contributionScreen(const DemoContext& d) {
    auto& c = d.app;
    const std::string& screen = d.screen;
    if (screen.rfind("board-", 0) == 0)
        if (auto e = earlierRounds(d.app, d.clock); !e) return e;
    if (auto started = startRound(d.app); !started) return started;
    if (auto t = toDiscussion(d.app); !t) return t;
    d.clock.advanceSeconds(4 * 60);
    if (screen == "reveal-refused") {
        addCards(d.app, 2);
        c.apply(core::RevealContributions{});
        return core::ok();
    }
    if (screen == "wall" || screen == "room-wall") {
        // The read-only wall: 19 written, two of them repeats of the first (shown "×3"), paged to the second few.
        c.apply(core::OpenContributions{});
        for (int i = 0; i < 19; ++i) c.apply(core::SubmitContribution{core::SecretText(kDemoCards[i < 17 ? i : 0])});
        c.apply(core::CloseContributions{});
        c.apply(core::SetAttendance{40});
        c.apply(core::RevealContributions{});
        c.apply(core::TurnWallPage{1});
        if (screen == "room-wall") d.app.ui().setSurfaces(ui::Surfaces::Room);
        return core::ok();
    }
    if (screen == "board-500") {
        addCards(d.app, 500);
        c.apply(core::SetAttendance{40});
        c.apply(core::RevealContributions{});
        c.apply(core::ShowBoardTools{});
        for (int t = 0; t < 12; ++t)
            theme(d.app, ("Theme " + std::to_string(t + 1)).c_str(), 20, {"grief-and-loss", "teamwork"}, t);
        return core::ok();
    }
    if (screen == "board-12" || screen == "board-60") {
        const bool big = screen == "board-60";
        addCards(d.app, big ? 60 : 12);
        // A Round reveals only with five or more recorded as present.
        c.apply(core::SetAttendance{big ? 14 : 5});
        c.apply(core::RevealContributions{});
        c.apply(core::ShowBoardTools{});
        theme(d.app, "Carrying grief home", big ? 9 : 3, {"grief-and-loss", "being-human-too"}, 4);
        theme(d.app, "Stretched too thin", big ? 8 : 3, {"exhaustion-and-workload", "feeling-unsupported"}, 6);
        if (big) {
            theme(d.app, "Kindness that kept us going", 7, {"kindness", "teamwork"}, 3);
            theme(d.app, "Not enough time to care", 6, {"moral-distress"}, 2);
        }
        return core::ok();
    }
    c.apply(core::OpenContributions{});
    for (int i = 0; i < 4; ++i) c.apply(core::SubmitContribution{core::SecretText(kDemoCards[i])});
    if (screen == "runner-contributions") {
        c.apply(core::SubmitContribution{core::SecretText("Some days I feel I can't go on.")});
        return core::ok();
    }
    c.apply(core::LetStaffWrite{});
    if (screen == "contribute-typing")
        d.app.ui().contribute().setDraftForDemo(
            "Staff Nurse Siobhan Byrne sat with Mr Okafor in bay 4 until his daughter arrived.\nHer number was "
            "07700 900123 and I wrote it on my hand.",
            d.clock.steadyNow());
    if (screen == "contribute-countdown") {
        d.app.ui().contribute().setDraftForDemo("I keep going over what I could have said to her son",
                                                d.clock.steadyNow());
        d.clock.advanceSeconds(83);
    }
    if (screen == "contribute-signposts")
        c.apply(core::SubmitContribution{core::SecretText("Some days I feel I can't go on.")});
    return core::ok();
}

/// A Round's runner at a given moment of its timing.
core::Result<void> roundScreen(const DemoContext& d) {
    const std::string& screen = d.screen;
    if (auto started = startRound(d.app); !started) return started;
    if (screen == "runner-first") {
        d.clock.advanceSeconds(95);
        return core::ok();
    }
    // Into the first panel story, part-way through.
    d.clock.advanceSeconds(4 * 60 + 40);
    op(d.app, core::SessionOp::Next);
    if (screen == "runner" || screen == "home-resume") {
        d.clock.advanceSeconds(138);
        if (screen == "home-resume") d.app.apply(core::GoHome{});
    } else if (screen == "runner-amber") {
        d.clock.advanceSeconds(6 * 60 - 84);
    } else if (screen == "runner-overtime") {
        d.clock.advanceSeconds(6 * 60 + 65);
    } else if (screen == "runner-paused") {
        d.clock.advanceSeconds(200);
        op(d.app, core::SessionOp::Pause);
    } else if (screen == "end-confirm") {
        d.clock.advanceSeconds(200);
        d.app.ui().runner().openEndConfirm();
    } else if (screen == "summary") {
        // Run every stage with a realistic spread: some short, some long.
        const int stages = d.app.sessions().active()->stageCount();
        for (int i = d.app.sessions().active()->currentIndex(); i < stages; ++i) {
            const auto planned = d.app.sessions().active()->allowedMs(i);
            d.clock.advanceMs(planned + ((i % 3) - 1) * 70'000);
            if (i + 1 < stages) op(d.app, core::SessionOp::Next);
        }
        op(d.app, core::SessionOp::End);
    }
    return core::ok();
}

/// The same moment of a session as the room sees it and as the console shows it: "room-story", "console-story".
core::Result<void> surfaceScreen(const DemoContext& d) {
    const bool room = d.screen.rfind("room-", 0) == 0;
    const std::string kind = d.screen.substr(room ? 5 : 8);
    // The room as a one-display kiosk shows it: the room view with the button that flips to the console.
    d.app.ui().setSurfaces(room ? ui::Surfaces::SingleScreen : ui::Surfaces::Console);
    const auto nextUntil = [&](std::string_view key) {
        for (int i = 0; i < 30 && d.app.sessions().active() && d.app.sessions().active()->currentStage().key != key;
             ++i)
            op(d.app, core::SessionOp::Next);
    };
    if (kind == "presenter") {
        d.app.apply(core::StartSession{"action-learning-set", {}});
        if (!d.app.sessions().active()) return core::fail("the demo could not start an action learning set");
        nextUntil("issue");
        d.clock.advanceSeconds(3 * 60 + 20);
        return core::ok();
    }
    if (auto started = startRound(d.app); !started) return started;
    if (kind == "welcome") {
        d.clock.advanceSeconds(95);
        return core::ok();
    }
    if (kind == "join") {
        // The discussion with writing open and the phone page on: the room sees one code for everyone.
        d.app.controller().setPhoneAddress("http://reflect.kiosk:8080");
        nextUntil("discussion");
        d.app.apply(core::OpenContributions{});
        d.clock.advanceSeconds(90);
        return core::ok();
    }
    if (kind.rfind("pair", 0) == 0) {
        // The console's "Pair my phone": the code ("pair"), the PIN first on one display ("pair-pin"), or done.
        d.app.controller().setPhoneAddress("http://reflect.kiosk:8080");
        nextUntil("story");
        d.clock.advanceSeconds(40);
        if (kind == "pair-pin") {
            d.app.controller().setSingleScreen(true);
            if (auto set = d.app.pins().setPin(core::Role::Facilitator, "1357"); !set) return set;
        }
        d.app.apply(core::ShowPairingCode{});
        if (kind == "paired") d.app.apply(core::PairPhone{d.app.view().phone.pairToken});
        return core::ok();
    }
    nextUntil(kind == "discussion" ? "discussion" : "story");
    // A running-over story: the console counts past the planned time, the room's clock stays at 0:00.
    d.clock.advanceSeconds(kind == "overtime" ? 6 * 60 + 65 : 138);
    return core::ok();
}

/// Every other demo starts as a facilitator would who chose "Set later" on the first-run set-up.
template <core::Result<void> (*Prepare)(const DemoContext&)>
core::Result<void> afterSetLater(const DemoContext& d) {
    d.app.apply(core::SetPinsLater{});
    return Prepare(d);
}

core::Result<void> pinScreen(const DemoContext& d) {
    return pinSetup(d.screen, d.app, d.db, d.clock);
}
core::Result<void> leadScreen(const DemoContext& d) {
    return leadReview(d.screen, d.app, d.clock, d.db);
}

}  // namespace

const std::vector<DemoScreen>& demoScreens() {
    constexpr auto simple = &afterSetLater<simpleScreen>;
    constexpr auto contrib = &afterSetLater<contributionScreen>;
    constexpr auto round = &afterSetLater<roundScreen>;
    constexpr auto meeting = &afterSetLater<prepareMeetingScreen>;
    constexpr auto lead = &afterSetLater<leadScreen>;
    constexpr auto surface = &afterSetLater<surfaceScreen>;
    constexpr auto tally = &afterSetLater<prepareTallyScreen>;
    static const std::vector<DemoScreen> kScreens = {
        {"home", pinScreen},
        {"home-resume", round},
        {"setup", simple},
        {"runner-first", round},
        {"runner", round},
        {"runner-amber", round},
        {"runner-overtime", round},
        {"runner-paused", round},
        {"end-confirm", round},
        {"summary", round},
        {"signposts", simple},
        {"pin", simple},
        {"contribute", contrib},
        {"contribute-typing", contrib},
        {"contribute-signposts", contrib},
        {"runner-contributions", contrib},
        {"reveal-refused", contrib},
        {"contribute-countdown", contrib},
        {"board-12", contrib},
        {"board-60", contrib},
        {"wall", contrib},
        {"room-wall", contrib},
        {"home-groups", meeting},
        {"setup-group", meeting},
        {"als-runner", meeting},
        {"action-review", meeting},
        {"action-commit", meeting},
        {"evaluation", meeting},
        {"als-closing", meeting},
        {"checklist", meeting},
        {"checklist-result", meeting},
        {"home-safe-mode", simple},
        {"lead-pin", lead},
        {"dashboard-sessions", lead},
        {"dashboard-themes", lead},
        {"dashboard-search", lead},
        {"dashboard-quotes", lead},
        {"dashboard-actions", lead},
        {"dashboard-evaluations", lead},
        {"dashboard-timing", lead},
        {"dashboard-checklist", lead},
        {"dashboard-locking", lead},
        {"first-run-pins", pinScreen},
        {"first-run-pins-mismatch", pinScreen},
        {"first-run-pins-lead", pinScreen},
        {"home-pins-reminder", pinScreen},
        {"pin-closing", simple},
        {"dashboard-custom", lead},
        {"room-welcome", surface},
        {"room-story", surface},
        {"room-discussion", surface},
        {"room-overtime", surface},
        {"room-presenter", surface},
        {"room-join", surface},
        {"console-welcome", surface},
        {"console-story", surface},
        {"console-discussion", surface},
        {"console-overtime", surface},
        {"console-presenter", surface},
        {"tally", tally},
        {"tally-errors", tally},
        {"home-tally", tally},
        {"console-pair", surface},
        {"console-pair-pin", surface},
        {"console-paired", surface},
        // Not in the screenshot list: scripts/bench times frames on it.
        {"board-500", contrib},
    };
    return kScreens;
}

std::vector<std::string> screenshotScreens() {
    std::vector<std::string> names;
    for (const auto& s : demoScreens())
        if (std::string_view(s.name) != "board-500") names.emplace_back(s.name);
    return names;
}

core::Result<void> prepareScreenshot(const std::string& screen, KioskApp& app, core::ManualClock& clock,
                                     core::Database& db) {
    for (const auto& s : demoScreens())
        if (screen == s.name) return s.prepare(DemoContext{screen, app, clock, db});
    return core::fail("unknown screen \"" + screen + "\" (try --screen list)");
}

}  // namespace reflect::app
