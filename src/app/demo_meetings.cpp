// Screenshot demo states for groups that meet: a set's second meeting (the action review, bids, commitment and
// close, with the initials the set chose), the principles checklist, and a peer group's meeting.
#include <algorithm>
#include <string>

#include "app/kiosk_app.hpp"

namespace reflect::app {

namespace {

void op(KioskApp& app, core::SessionOp o) {
    app.apply(core::SessionCommand{o});
}

/// A set that has met once: two presenters committed to actions and the set took one.
core::Result<std::int64_t> setWithHistory(KioskApp& app, core::ManualClock& clock) {
    auto& c = app;
    c.apply(core::CreateGroup{"Ward leaders action learning set", "action-learning", 6});
    c.apply(core::CreateGroup{"Thursday Rounds", "round", 40});
    c.apply(core::CreateGroup{"Community team peer support", "peer-support", 8});
    const auto groups = app.meetings().groups().list();
    const auto set =
        std::find_if(groups.begin(), groups.end(), [](const core::Group& g) { return g.format == "action-learning"; });
    if (set == groups.end()) return core::fail("the demo group was not created");
    c.apply(core::StartSession{"action-learning-set", {}, set->id});
    if (!app.sessions().active()) return core::fail("the demo set did not start");
    op(app, core::SessionOp::Start);
    // The set knows its presenters by the initials it chose; only its own screens show them.
    c.apply(core::SetPresenterInitials{"Presenter A", "JM"});
    c.apply(core::SetPresenterInitials{"Presenter B", "RK"});
    clock.advanceSeconds(60 * 20);
    op(app, core::SessionOp::Next);
    c.apply(core::AddAction{"Ask the rota lead for a protected hour for supervision", "Presenter A",
                            std::string("2026-12-04")});
    c.apply(core::AddAction{"Try a five-minute huddle at the start of the late shift", "Presenter B", std::nullopt});
    c.apply(core::AddAction{"Find a quieter room for our next meeting", "The set", std::nullopt});
    c.apply(core::SetAttendance{5});
    clock.advanceSeconds(60 * 150);
    op(app, core::SessionOp::End);
    c.apply(core::FinishSummary{});
    clock.advanceSeconds(60 * 60 * 24 * 28);
    return set->id;
}

std::vector<core::PrincipleAnswer> demoRatings(KioskApp& app, int variant) {
    std::vector<core::PrincipleAnswer> out;
    constexpr core::PrincipleRating kCycle[] = {core::PrincipleRating::Partly, core::PrincipleRating::Met,
                                                core::PrincipleRating::NotYet, core::PrincipleRating::Met};
    int i = variant;
    for (const auto& p : app.meetings().principles())
        out.push_back(
            {p.key, kCycle[static_cast<std::size_t>(i++ % 4)], "", variant ? "Rotate who opens the meeting" : ""});
    return out;
}

}  // namespace

core::Result<void> prepareMeetingScreen(const DemoContext& d) {
    const std::string& screen = d.screen;
    KioskApp& app = d.app;
    core::ManualClock& clock = d.clock;
    auto& c = app;
    auto set = setWithHistory(app, clock);
    if (!set) return core::fail(set.error().message);
    if (screen == "home-groups") return core::ok();
    if (screen == "setup-group") {
        c.apply(core::OpenSetup{});
        return core::ok();
    }
    if (screen == "checklist" || screen == "checklist-result") {
        const auto groups = app.meetings().groups().list();
        const auto peer =
            std::find_if(groups.begin(), groups.end(), [](const core::Group& g) { return g.format == "peer-support"; });
        if (peer == groups.end()) return core::fail("no peer support group in the demo");
        // The earlier check is stored directly, so the screen opens on the form with that check beside it.
        auto earlier = app.meetings().checklists().save(peer->id, std::nullopt, demoRatings(app, 0), clock.wallNow());
        if (!earlier) return core::fail(earlier.error().message);
        clock.advanceSeconds(60 * 60 * 24 * 91);
        c.apply(core::OpenChecklist{peer->id});
        if (screen == "checklist-result") c.apply(core::SaveChecklist{demoRatings(app, 1)});
        return core::ok();
    }
    if (screen == "evaluation") {
        const auto groups = app.meetings().groups().list();
        const auto rounds =
            std::find_if(groups.begin(), groups.end(), [](const core::Group& g) { return g.format == "round"; });
        core::PlanChoices choices;
        choices.title = "When the rota breaks";
        c.apply(core::StartSession{"round", choices,
                                   rounds == groups.end() ? std::nullopt : std::optional<std::int64_t>(rounds->id)});
        if (!app.sessions().active()) return core::fail("the demo Round did not start");
        op(app, core::SessionOp::Start);
        while (app.sessions().active() && !app.sessions().active()->currentStage().flags.evaluation &&
               app.sessions().active()->canApply(core::SessionOp::Next)) {
            clock.advanceMs(app.sessions().active()->allowedMs(app.sessions().active()->currentIndex()));
            op(app, core::SessionOp::Next);
        }
        for (int i = 0; i < 7; ++i) {
            core::EvaluationAnswers a;
            a.overall = 3 + i % 3;
            c.apply(core::SubmitEvaluation{a});
        }
        clock.advanceSeconds(30);
        return core::ok();
    }
    // The second meeting of the set.
    c.apply(core::StartSession{"action-learning-set", {}, *set});
    if (!app.sessions().active()) return core::fail("the demo set did not start");
    op(app, core::SessionOp::Start);
    clock.advanceSeconds(60 * 7 + 20);
    const auto waiting = app.meetings().actions().awaitingReview(*set, app.sessions().activeId());
    if (screen == "action-review") {
        if (!waiting.empty())
            c.apply(
                core::ReviewAction{waiting.front().id, {core::ActionStatus::Done, "Agreed for the new year", false}});
        return core::ok();
    }
    for (const auto& a : waiting) c.apply(core::ReviewAction{a.id, {core::ActionStatus::Open, "", true}});
    op(app, core::SessionOp::Next);
    clock.advanceSeconds(4 * 60);
    if (screen == "als-runner") {
        c.apply(core::SetRepeatCount{"presenter", 3});
        return core::ok();
    }
    while (!app.sessions().active()->currentStage().flags.commitment &&
           app.sessions().active()->canApply(core::SessionOp::Next)) {
        clock.advanceMs(app.sessions().active()->allowedMs(app.sessions().active()->currentIndex()));
        op(app, core::SessionOp::Next);
    }
    c.apply(core::AddAction{"Book a meeting with the practice educator", "Presenter A", std::string("2027-01-15")});
    clock.advanceSeconds(50);
    if (screen == "action-commit") return core::ok();
    while (app.sessions().active()->canApply(core::SessionOp::Next)) {
        clock.advanceMs(app.sessions().active()->allowedMs(app.sessions().active()->currentIndex()));
        op(app, core::SessionOp::Next);
    }
    clock.advanceSeconds(90);
    return core::ok();  // als-closing
}

}  // namespace reflect::app
