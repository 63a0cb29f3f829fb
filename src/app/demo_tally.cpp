// Screenshot demo states for the paper tally: a Round of 60 being typed in, the same with mistakes, and home's way
// in after the session.
#include <algorithm>

#include "app/kiosk_app.hpp"

namespace reflect::app {

namespace {

/// A Round's paper forms as a steering group might count them: most agree, a few blanks on each statement.
core::PaperTally roundOfSixty(std::size_t statements) {
    core::PaperTally t;
    t.headCount = 60;
    t.forms = 54;
    t.overall = {0, 2, 11, 25, 14};
    for (std::size_t i = 0; i < statements; ++i) {
        const int shift = static_cast<int>(i % 3);
        t.statements.push_back({1, 2 + shift, 8, 24 - shift, 17 - static_cast<int>(i % 2)});
    }
    t.comeAgainYes = 47;
    t.comeAgainNo = 4;
    t.staffGroups = {31, 12, 6, 3};
    return t;
}

}  // namespace

core::Result<void> prepareTallyScreen(const DemoContext& d) {
    const auto& templates = d.app.view().setup.templates->templates;
    const auto round = std::find_if(templates.begin(), templates.end(), [](const auto& t) { return t.id == "round"; });
    if (round == templates.end()) return core::fail("the demo needs the shipped Round template");
    core::PlanChoices choices;
    choices.title = "A patient I will never forget";
    d.app.apply(core::StartSession{round->id, choices});
    if (!d.app.sessions().active()) return core::fail("the demo Round did not start");
    d.app.apply(core::SessionCommand{core::SessionOp::Start});
    // Three people used their phones; everyone else filled a paper form.
    const std::size_t statements = round->evaluationStatements.size();
    for (int i = 0; i < 3; ++i) {
        core::EvaluationAnswers a;
        a.overall = 4;
        a.statements.assign(statements, 4);
        d.app.apply(core::SubmitEvaluation{a, true});
    }
    d.clock.advanceSeconds(60 * 60);
    d.app.apply(core::SessionCommand{core::SessionOp::End});
    if (d.app.controller().screen() != core::Screen::Summary) return core::fail("the demo Round did not end");
    if (d.screen == "home-tally") {
        // Home after the session: its paper forms can be entered from here for 14 days.
        d.app.apply(core::FinishSummary{});
        return core::ok();
    }
    const std::int64_t id = d.app.view().summary ? d.app.view().summary->id : 0;
    d.app.apply(core::OpenPaperTally{id});
    if (d.app.controller().screen() != core::Screen::Tally) return core::fail("the tally did not open");
    core::PaperTally t = roundOfSixty(statements);
    if (d.screen == "tally-errors") {
        t.headCount = 56;         // 54 on paper and 3 from phones make 57
        t.statements[2][3] = 34;  // 64 answers on 54 forms
        t.comeAgainNo = -1;
    }
    d.app.apply(core::EditPaperTally{t});
    return core::ok();
}

}  // namespace reflect::app
