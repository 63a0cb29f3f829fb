// Lead review in the headless kiosk: the lead PIN, the idle lock on the manual clock, panels by key, search with
// hostile input, and the export to a folder.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <catch2/catch.hpp>

#include "core/review/audit_log.hpp"
#include "core/review/demo_data.hpp"
#include "support/kiosk_harness.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

namespace {
constexpr const char* kLeadPin = "4826";

void fillDemo(test::KioskHarness& k, int sessions) {
    core::DemoOptions options;
    options.sessions = sessions;
    options.seed = 7;
    options.endWallMs = k.clock.wallNow() - 24LL * 3600 * 1000;
    REQUIRE(core::generateDemoData(k.db(), k.app().codebook(), options));
}

void unlock(test::KioskHarness& k) {
    REQUIRE(k.pins().setPin(core::Role::Lead, kLeadPin));
    k.type("l");
    REQUIRE(k.view().pads.leadOpen);
    k.type(kLeadPin);
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Dashboard);
}

std::vector<core::AuditEntry> auditOf(test::KioskHarness& k) {
    return core::AuditLog(k.db(), k.clock).recent(20);
}
}  // namespace

TEST_CASE("the lead PIN opens the review from home and the unlock is in the audit log", "[ui][lead]") {
    test::KioskHarness k;
    CHECK(k.visible("##lead"));
    unlock(k);
    CHECK_FALSE(k.view().pads.leadOpen);
    const auto audit = auditOf(k);
    REQUIRE(audit.size() == 1);
    CHECK(audit.front().role == "lead");
    CHECK(audit.front().action == "unlock");
    // The audit panel shows it.
    k.type("8");
    CHECK(k.view().dashboard.panel == core::DashboardPanel::Audit);
    REQUIRE(k.view().dashboard.audit.size() == 1);
    CHECK(k.visible("##table-audit") == false);  // tables are not buttons; the panel draws without error
    // Lock goes home and the review cannot be driven while locked.
    k.press(ImGuiKey_Escape);
    CHECK(k.screen() == core::Screen::Home);
    k.apply(core::ShowDashboardPanel{core::DashboardPanel::Sessions});
    CHECK(k.screen() == core::Screen::Home);
}

TEST_CASE("a wrong lead PIN is refused, then throttled, and nothing is logged", "[ui][lead]") {
    test::KioskHarness k;
    REQUIRE(k.pins().setPin(core::Role::Lead, kLeadPin));
    k.click("##lead");
    REQUIRE(k.view().pads.leadOpen);
    k.type("1111");
    k.press(ImGuiKey_Enter);
    CHECK(k.screen() == core::Screen::Home);
    CHECK(k.view().pads.leadMessage == test::shippedStrings().get("pin.wrong"));
    for (int i = 0; i < 3; ++i) {
        k.type("1111");
        k.press(ImGuiKey_Enter);
    }
    CHECK(k.view().pads.leadMessage.find("wait") != std::string::npos);
    // Even the right PIN waits out the delay.
    k.type(kLeadPin);
    k.press(ImGuiKey_Enter);
    CHECK(k.screen() == core::Screen::Home);
    CHECK(auditOf(k).empty());
    // The facilitator PIN is not the lead PIN.
    REQUIRE(k.pins().setPin(core::Role::Facilitator, "9999"));
    k.clock.advanceSeconds(3600);
    k.frame();
    CHECK_FALSE(k.view().pads.leadOpen);  // an hour untouched: the pad closed itself
    k.type("l");
    REQUIRE(k.view().pads.leadOpen);
    k.type("9999");
    k.press(ImGuiKey_Enter);
    CHECK(k.screen() == core::Screen::Home);
    k.press(ImGuiKey_Escape);
    CHECK_FALSE(k.view().pads.leadOpen);
}

TEST_CASE("without a lead PIN the pad says how to set one", "[ui][lead]") {
    test::KioskHarness k;
    k.type("l");
    REQUIRE(k.view().pads.leadOpen);
    CHECK(k.view().pads.leadMessage.find("set-pin --role lead") != std::string::npos);
    k.type("1234");
    k.press(ImGuiKey_Enter);
    CHECK(k.screen() == core::Screen::Home);
}

TEST_CASE("the review locks after lockIdleSeconds untouched, with a countdown in the last 20 s", "[ui][lead][idle]") {
    test::KioskHarness k;
    unlock(k);
    k.clock.advanceSeconds(159);
    CHECK_FALSE(k.visible("##lock-countdown"));
    k.clock.advanceSeconds(6);  // 165 s
    CHECK(k.visible("##lock-countdown"));
    CHECK(k.view().leadIdleRemainingMs(k.clock.steadyNow()) == 15'000);
    // Any key resets it.
    k.type("2");
    CHECK(k.view().dashboard.panel == core::DashboardPanel::Themes);
    CHECK_FALSE(k.visible("##lock-countdown"));
    k.clock.advanceSeconds(179);
    k.frame();
    CHECK(k.screen() == core::Screen::Dashboard);
    CHECK(k.visible("##lock-countdown"));
    k.clock.advanceSeconds(1);  // 180 s since the key
    k.frame();
    CHECK(k.screen() == core::Screen::Home);
    CHECK(k.view().leadIdleRemainingMs(k.clock.steadyNow()) == -1);
    // Unlocking again starts from the first panel.
    k.type("l");
    k.type(kLeadPin);
    k.press(ImGuiKey_Enter);
    REQUIRE(k.screen() == core::Screen::Dashboard);
    CHECK(k.view().dashboard.panel == core::DashboardPanel::Sessions);
}

TEST_CASE("keys 1 to 8 switch panels over demo data in both sizes and themes", "[ui][lead][panels]") {
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
        for (const bool highContrast : {false, true}) {
            test::KioskHarness k(false, size, highContrast);
            fillDemo(k, 60);
            unlock(k);
            CHECK_FALSE(k.view().dashboard.sessions.rows.empty());
            // Per format by default: shares never mix Rounds, Team Time and peer groups unless the lead asks.
            CHECK(k.view().dashboard.filter.format.has_value());
            for (int i = 0; i < core::kDashboardPanels; ++i) {
                k.type(std::string(1, static_cast<char>('1' + i)));
                CHECK(k.view().dashboard.panel == static_cast<core::DashboardPanel>(i));
                CHECK(k.view().dashboard.error.empty());
                k.frames(2);
            }
            CHECK_FALSE(k.view().dashboard.actions.empty());
            CHECK_FALSE(k.view().dashboard.timing.empty());
            // Filters by key: quarter, a group, a format, then back to months.
            k.type("q");
            CHECK(k.view().dashboard.filter.period == core::PeriodKind::Quarter);
            k.type("g");
            CHECK(k.view().dashboard.filter.groupId.has_value());
            const auto formatBefore = k.view().dashboard.filter.format;
            k.type("f");
            CHECK(k.view().dashboard.filter.format != formatBefore);
            k.type("m");
            CHECK(k.view().dashboard.filter.period == core::PeriodKind::Month);
            k.click("##panel-1");
            CHECK(k.view().dashboard.panel == core::DashboardPanel::Sessions);
        }
    }
}

TEST_CASE("search with hostile input answers safely and shows only date, format and group", "[ui][lead][search]") {
    test::KioskHarness k;
    fillDemo(k, 40);
    unlock(k);
    k.type("3");
    REQUIRE(k.view().dashboard.panel == core::DashboardPanel::Search);
    k.click("##search-text");
    k.type("family");
    k.press(ImGuiKey_Enter);
    CHECK(k.view().dashboard.searched);
    CHECK_FALSE(k.view().dashboard.hits.empty());
    CHECK(k.view().dashboard.error.empty());
    for (const char* hostile : {"\"", "family\" OR \"", "((((", "a) NEAR(b", "*", "-family", "NOT AND OR",
                                "'; DROP TABLE sessions; --", "\xff\xfe broken utf-8", "^family", "family:*", ""}) {
        k.apply(core::DashboardSearch{hostile});
        k.frames(2);
        INFO(hostile);
        CHECK(k.view().dashboard.error.empty());
        CHECK(k.screen() == core::Screen::Dashboard);
    }
    // Typed through the box as well, including characters the keyboard gives.
    k.click("##search-text");
    k.press(ImGuiKey_Backspace);
    k.type("\"(( OR NEAR* ^ -'");
    k.press(ImGuiKey_Enter);
    CHECK(k.view().dashboard.error.empty());
}

TEST_CASE("a tag row opens its quotes by touch and by arrows and Enter, month and group only, and is audited",
          "[ui][lead][quotes]") {
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
        test::KioskHarness k(false, size);
        fillDemo(k, 200);
        unlock(k);
        k.type("2");
        const auto& view = [&]() -> const core::DashboardView& { return k.view().dashboard; };
        REQUIRE(view().panel == core::DashboardPanel::Themes);
        REQUIRE(view().themes.rows.size() >= 2);
        // A tag that has quotes to show under the dashboard's filter.
        std::string tag;
        for (const auto& row : view().themes.rows)
            if (tag.empty() && !core::tagQuotes(k.db(), view().filter, view().settings, row.tag).empty()) tag = row.tag;
        REQUIRE_FALSE(tag.empty());
        const auto auditBefore = auditOf(k).size();

        k.click("##quotes-" + tag);
        REQUIRE(view().quotes.has_value());
        CHECK(view().quotes->tag == tag);
        REQUIRE_FALSE(view().quotes->quotes.empty());
        CHECK(view().quotes->quotes.size() <= 3);
        for (const auto& q : view().quotes->quotes) CHECK(q.month.size() == 7);  // YYYY-MM: never a date
        k.frames(2);
        CHECK(k.visible("##quote-1"));
        CHECK(k.visible("##quotes-close"));
        CHECK_FALSE(k.visible("##quotes-reason"));
        const auto audit = auditOf(k);
        REQUIRE(audit.size() == auditBefore + 1);
        CHECK(audit.front().action == "quotes");
        CHECK(audit.front().detail == tag);
        // While the quotes are open the panel keys do nothing; Close shuts them.
        k.type("4");
        CHECK(view().panel == core::DashboardPanel::Themes);
        k.click("##quotes-close");
        CHECK_FALSE(view().quotes.has_value());
        k.frames(2);
        CHECK_FALSE(k.visible("##quote-1"));

        // Keys: the tapped row stays chosen; Down twice moves two rows on, Enter opens that one, Esc closes the
        // quotes and keeps the review open.
        const auto rows = static_cast<int>(view().themes.rows.size());
        int chosen = 0;
        while (view().themes.rows[static_cast<std::size_t>(chosen)].tag != tag) ++chosen;
        chosen = std::min(rows - 1, chosen + 2);
        k.press(ImGuiKey_DownArrow);
        k.press(ImGuiKey_DownArrow);
        k.press(ImGuiKey_Enter);
        REQUIRE(view().quotes.has_value());
        CHECK(view().quotes->tag == view().themes.rows[static_cast<std::size_t>(chosen)].tag);
        k.frames(2);
        CHECK((k.visible("##quote-1") || k.visible("##quotes-reason")));
        k.press(ImGuiKey_Escape);
        CHECK_FALSE(view().quotes.has_value());
        CHECK(k.screen() == core::Screen::Dashboard);
        CHECK(auditOf(k).size() == auditBefore + 2);
        // Up goes back a row; quotes open from the themes panel only.
        k.press(ImGuiKey_UpArrow);
        k.press(ImGuiKey_Enter);
        REQUIRE(view().quotes.has_value());
        CHECK(view().quotes->tag == view().themes.rows[static_cast<std::size_t>(std::max(0, chosen - 1))].tag);
        k.press(ImGuiKey_Enter);  // Enter closes, as Esc does
        CHECK_FALSE(view().quotes.has_value());
        k.type("1");
        k.apply(core::OpenTagQuotes{tag});
        CHECK_FALSE(view().quotes.has_value());
        CHECK(view().error.empty());
    }
}

TEST_CASE("the ratings panel shows the staff groups as a share of the forms, with * where hidden",
          "[ui][lead][staff]") {
    test::KioskHarness k;
    fillDemo(k, 200);
    unlock(k);
    k.type("5");
    REQUIRE(k.view().dashboard.panel == core::DashboardPanel::Evaluations);
    CHECK(k.view().dashboard.error.empty());
    REQUIRE_FALSE(k.view().dashboard.staffGroups.empty());
    for (const auto& row : k.view().dashboard.staffGroups) {
        CHECK(row.period.find("-Q") != std::string::npos);  // by quarter, like the ratings
        if (row.forms.suppressed) CHECK(row.forms.value == 0);
    }
    k.frames(2);
    CHECK(k.view().dashboard.error.empty());
}

TEST_CASE("export to folder writes the exports and the report, and is audited", "[ui][lead][export]") {
    test::KioskHarness k;
    fillDemo(k, 30);
    unlock(k);
    test::TempDir dir;
    k.apply(core::ExportDashboard{dir.path().string()});
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        (void)entry;
        ++files;
    }
    CHECK(files == 11);
    CHECK(k.view().exportMessage.find("11 files") != std::string::npos);
    const auto audit = auditOf(k);
    REQUIRE(audit.size() == 2);
    CHECK(audit.front().action == "export");
    // A folder that does not exist is refused and not logged.
    k.apply(core::ExportDashboard{(dir.path() / "missing").string()});
    CHECK(k.view().exportMessage.find("Nothing was exported") != std::string::npos);
    CHECK(auditOf(k).size() == 2);
    // The export strip opens with X and is drawn.
    k.type("x");
    CHECK(k.visible("##export-write"));
}

// Run with: reflect_tests "[.bench]" — prints how long each panel takes to refresh over a larger history.
TEST_CASE("dashboard panel refresh times over 2000 demo sessions", "[.bench][lead]") {
    test::KioskHarness k;
    fillDemo(k, 2000);
    unlock(k);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < core::kDashboardPanels; ++i) {
            const auto start = std::chrono::steady_clock::now();
            k.apply(core::ShowDashboardPanel{static_cast<core::DashboardPanel>(i)});
            if (i == 2) k.apply(core::DashboardSearch{"family waiting"});
            const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            if (round == 1) std::printf("[dashboard] panel %d refresh %.1f ms\n", i + 1, ms);
            CHECK(k.view().dashboard.error.empty());
        }
    }
}

TEST_CASE("months are stepped, clamped and widened to whole periods", "[lead][custom]") {
    CHECK(core::isYearMonth("2025-01"));
    CHECK_FALSE(core::isYearMonth("2025-13"));
    CHECK_FALSE(core::isYearMonth("2025-1"));
    CHECK_FALSE(core::isYearMonth("25-01-01"));
    CHECK(core::addMonths("2025-01", -1) == "2024-12");
    CHECK(core::addMonths("2025-12", 1) == "2026-01");
    CHECK(core::addMonths("2025-03", 13) == "2026-04");
    CHECK(core::widenToPeriods({"2025-02", "2026-05"}, core::PeriodKind::Quarter) ==
          core::MonthRange{"2025-01", "2026-06"});
    CHECK(core::widenToPeriods({"2025-02", "2026-05"}, core::PeriodKind::Year) ==
          core::MonthRange{"2025-01", "2026-12"});
    CHECK(core::widenToPeriods({"2025-02", "2026-05"}, core::PeriodKind::Month) ==
          core::MonthRange{"2025-02", "2026-05"});
    const core::WallMs now = 1'795'439'100'000;  // 23 Nov 2026
    CHECK(core::defaultCustomRange(now) == core::MonthRange{"2025-12", "2026-11"});
    CHECK(core::clampRange({"2026-05", "2026-02"}, now) == core::MonthRange{"2026-05", "2026-05"});  // last >= first
    CHECK(core::clampRange({"2026-05", "2027-02"}, now) == core::MonthRange{"2026-05", "2026-11"});  // not past now
    CHECK(core::clampRange({"", ""}, now) == core::defaultCustomRange(now));
    CHECK(core::clampRange({"2026-5", "x"}, now) == core::defaultCustomRange(now));
    CHECK(core::formatYearMonth("2025-01") == "Jan 2025");
    CHECK(core::formatYearMonth("2026-12") == "Dec 2026");
    CHECK(core::formatYearMonth("2026-13") == "2026-13");
}

TEST_CASE("a custom period: first and last month by steppers, rows by quarter, figures refreshed",
          "[ui][lead][custom]") {
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
        test::KioskHarness k(false, size);
        fillDemo(k, 120);
        unlock(k);
        const auto& view = [&]() -> const core::DashboardView& { return k.view().dashboard; };
        const std::string current = view().today.substr(0, 7);
        CHECK_FALSE(view().custom);
        CHECK_FALSE(k.visible("##custom-first-back"));

        // C: custom, starting from the last 12 months, by month.
        k.type("c");
        REQUIRE(view().custom);
        CHECK(*view().custom == core::MonthRange{core::addMonths(current, -11), current});
        CHECK(view().filter.period == core::PeriodKind::Month);
        CHECK(view().filter.from == view().custom->first + "-01");
        REQUIRE(view().filter.to);
        CHECK(view().filter.to->substr(0, 7) == current);
        CHECK(k.visible("##custom-used"));
        CHECK(k.visible("##custom-last-on"));

        // Keys: ] moves the first month later, [ earlier; , moves the last month earlier, . later.
        k.type("[[[");
        k.type("]");
        CHECK(view().custom->first == core::addMonths(current, -13));
        k.type(",,");
        CHECK(view().custom->last == core::addMonths(current, -2));
        // Touch: the same steppers as buttons.
        k.click("##custom-last-on");
        CHECK(view().custom->last == core::addMonths(current, -1));
        k.click("##custom-first-back");
        CHECK(view().custom->first == core::addMonths(current, -14));
        const core::MonthRange chosen = *view().custom;
        CHECK(view().filter.from == chosen.first + "-01");
        CHECK(view().filter.to->substr(0, 7) == chosen.last);

        // The rows by quarter keep the range; the figures cover it widened to whole quarters.
        k.type("q");
        CHECK(view().filter.period == core::PeriodKind::Quarter);
        REQUIRE(view().custom);
        CHECK(*view().custom == chosen);
        CHECK(view().used == core::widenToPeriods(chosen, core::PeriodKind::Quarter));
        CHECK(view().error.empty());
        REQUIRE_FALSE(view().sessions.rows.empty());
        const auto quarterOf = [](const std::string& month) {
            return month.substr(0, 4) + "-Q" + std::to_string((std::stoi(month.substr(5, 2)) + 2) / 3);
        };
        CHECK(view().sessions.rows.front().period >= quarterOf(chosen.first));
        CHECK(view().sessions.rows.back().period <= quarterOf(chosen.last));
        for (const auto& row : view().sessions.rows) CHECK(row.period.find("-Q") != std::string::npos);
        // A group and a format keep the custom range too.
        k.type("g");
        CHECK(view().filter.groupId.has_value());
        CHECK(view().custom == chosen);
        k.type("g");  // the next group, or back to all
        // The steppers cannot cross: the first month never passes the last.
        for (int i = 0; i < 20; ++i) k.type("]");
        CHECK(view().custom->first == view().custom->last);
        CHECK_FALSE(view().custom->last < view().custom->first);
        k.apply(core::SetDashboardFilter{core::PeriodKind::Month, std::nullopt, std::nullopt,
                                         core::MonthRange{"2026-05", "2025-01"}});
        CHECK(view().custom->last == view().custom->first);
        // Panels refresh with the custom filter and read without error.
        for (const char* key : {"2", "4", "5", "6", "7"}) {
            k.type(key);
            CHECK(view().error.empty());
        }
        // C again: back to the fixed period's own range.
        k.type("c");
        CHECK_FALSE(view().custom);
        CHECK_FALSE(view().filter.to);
        CHECK_FALSE(k.visible("##custom-used"));
    }
}

TEST_CASE("the checklist panel draws a stacked bar per group and period above its table", "[ui][lead][checklist]") {
    test::KioskHarness k(false, ImVec2(1280, 720), true);
    CHECK_FALSE(k.visible("##chart-checklist"));
    fillDemo(k, 200);
    unlock(k);
    k.type("7");
    REQUIRE(k.view().dashboard.panel == core::DashboardPanel::Checklist);
    REQUIRE_FALSE(k.view().dashboard.checklist.empty());
    CHECK(k.visible("##chart-checklist"));
    k.type("y");  // by year: fewer, longer bars
    CHECK(k.visible("##chart-checklist"));
    CHECK(k.view().dashboard.error.empty());
}
