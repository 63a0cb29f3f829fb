// The real binary on a virtual display: an action learning set with two presenters commits to actions, and its
// next meeting cannot leave the check-in until those actions are marked. Checked in the database afterwards.
#include <catch2/catch.hpp>

#include "core/groups/group_store.hpp"
#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"
#include "support/child_process.hpp"
#include "support/kiosk_window.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

namespace {

using Kiosk = test::KioskWindow;

int stageOf(const std::string& line) {
    return static_cast<int>(test::eventField(line, "stage"));
}

/// Home → set-up → the 90-minute set (third in the list) for the first group → started.
void startSet(Kiosk& kiosk) {
    kiosk.keys({"Return"});
    kiosk.keys({"Up", "Up", "Down", "Down", "g", "Return"});
    CHECK(stageOf(kiosk.expect("start")) == 0);
}

}  // namespace

TEST_CASE("a two-presenter set commits to actions and the next meeting reviews them", "[e2e][als]") {
    test::TempDir dir;
    const auto db = (dir / "reflect.db").string();
    {
        core::Database setup(db);
        core::migrate(setup);
        core::GroupStore groups(setup);
        REQUIRE(groups.create("Ward leaders set", "action-learning", 6, 1'795'000'000'000));
    }
    test::XvfbServer xvfb("1280x720x24");
    {
        Kiosk kiosk(xvfb, db);
        kiosk.setPinsLater();
        startSet(kiosk);
        kiosk.keys({"n"});  // re-contracting done
        CHECK(stageOf(kiosk.expect("next")) == 1);
        kiosk.keys({"n"});  // first meeting: nothing to review at the check-in
        CHECK(stageOf(kiosk.expect("next")) == 2);
        // Bids: one presenter, then two; the timeline is replanned live each time.
        kiosk.keys({"f"});
        kiosk.expect("replan");
        kiosk.keys({"m"});
        kiosk.expect("replan");
        for (int stage = 3; stage <= 7; ++stage) {
            kiosk.keys({"n"});
            CHECK(stageOf(kiosk.expect("next")) == stage);
        }
        kiosk.keys({"Tab"});
        kiosk.type("Ask Dr Okafor for a protected hour");
        kiosk.keys({"Return"});
        CHECK(stageOf(kiosk.expect("action")) == 7);
        // The break between the presenters, then presenter B's five stages.
        for (int stage = 8; stage <= 13; ++stage) {
            kiosk.keys({"n"});
            CHECK(stageOf(kiosk.expect("next")) == stage);
        }
        kiosk.keys({"Tab"});
        kiosk.type("Try a huddle before the late shift");
        kiosk.keys({"Return"});
        CHECK(stageOf(kiosk.expect("action")) == 13);
        kiosk.keys({"n"});
        CHECK(stageOf(kiosk.expect("next")) == 14);
        kiosk.keys({"n"});
        CHECK(stageOf(kiosk.expect("next")) == 15);
        kiosk.keys({"e", "e"});
        kiosk.expect("end");
        kiosk.keys({"Return"});  // summary: done

        // The second meeting: "n" is refused until both actions are marked (done, carry over).
        startSet(kiosk);
        kiosk.keys({"n"});  // re-contracting done
        CHECK(stageOf(kiosk.expect("next")) == 1);
        kiosk.keys({"n"});
        kiosk.keys({"d"});
        CHECK(stageOf(kiosk.expect("review")) == 1);
        kiosk.keys({"o"});
        CHECK(stageOf(kiosk.expect("review")) == 1);
        kiosk.keys({"n"});
        CHECK(stageOf(kiosk.expect("next")) == 2);  // had the first "n" gone through, this would be stage 3
        kiosk.keys({"e", "e"});
        kiosk.expect("end");
        kiosk.keys({"Return", "Escape"});
        CHECK(kiosk.process().wait(20'000) == 0);
    }
    core::Database check(db);
    CHECK(check.queryInt("SELECT COUNT(*) FROM sessions WHERE status = 'ended' AND group_id IS NOT NULL") == 2);
    CHECK(check.queryInt("SELECT COUNT(*) FROM actions") == 2);
    CHECK(check.queryText(
              "SELECT group_concat(owner_label, ',') FROM (SELECT owner_label FROM actions ORDER BY owner_label)") ==
          "Presenter A,Presenter B");
    CHECK(check.queryText("SELECT text FROM actions WHERE owner_label = 'Presenter B'") ==
          "Try a huddle before the late shift");
    const std::string first = check.queryText("SELECT text FROM actions WHERE owner_label = 'Presenter A'");
    CHECK(first.find("Okafor") == std::string::npos);
    CHECK(first.find("protected hour") != std::string::npos);
    CHECK(check.queryText("SELECT status FROM actions WHERE owner_label = 'Presenter A'") == "done");
    CHECK(check.queryText("SELECT status FROM actions WHERE owner_label = 'Presenter B'") == "open");
    CHECK(check.queryText("SELECT note FROM action_history h JOIN actions a ON a.id = h.action_id "
                          "WHERE a.owner_label = 'Presenter B' ORDER BY seq DESC LIMIT 1") == "carried over");
    CHECK(check.integrityCheck() == "ok");
}
