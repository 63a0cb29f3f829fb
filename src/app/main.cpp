// reflect-kiosk: the composition root. Parses the command line, opens the database, and either runs a
// subcommand or starts the kiosk window. Nothing is global; everything is built here and passed down.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/kiosk_app.hpp"
#include "cli/commands.hpp"
#include "cli/publish_command.hpp"
#include "cli/review_commands.hpp"
#include "core/config/app_config.hpp"
#include "core/config/settings_audit.hpp"
#include "core/contribute/codebook.hpp"
#include "core/paths.hpp"
#include "core/review/purge.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/database_opener.hpp"
#include "core/storage/migrations.hpp"
#include "core/storage/settings_store.hpp"
#include "platform/frame_loop.hpp"
#include "platform/imgui_layer.hpp"
#include "platform/window.hpp"

#ifndef REFLECT_SOURCE_ASSETS_DIR
#define REFLECT_SOURCE_ASSETS_DIR ""
#endif

namespace {

namespace fs = std::filesystem;
using namespace reflect;

struct GuiArgs {
    bool scaleGiven = false;
    bool windowed = false;
    std::string size = "1280x720";
    bool kiosk = false;
    float scale = 1.0f;
    bool highContrast = false;
    std::string screenshot;
    std::string screen;
    bool printEvents = false;
    int benchBoard = 0;  ///< frames to time on a board with 500 cards (scripts/bench)
};

struct CommonArgs {
    std::string db;
    std::string config;
    std::string assets;
};

int failWith(const std::string& reason) {
    std::cerr << "reflect-kiosk: " << reason << '\n';
    return 1;
}

fs::path exePath() {
    std::error_code ec;
    return fs::read_symlink("/proc/self/exe", ec);
}

/// Opens (creating if needed) the database in a private folder, checks it and brings its schema up to date.
/// A damaged file is moved aside and replaced by the latest good backup or a fresh database (safe mode).
core::Result<core::OpenedDatabase> openDatabase(const std::string& requested, const std::string& backupDir,
                                                std::int64_t wallNowMs) {
    const fs::path path = requested.empty() ? core::defaultDatabasePath() : fs::path(requested);
    if (path == ":memory:") {
        try {
            auto db = std::make_unique<core::Database>(path.string());
            core::migrate(*db);
            return core::OpenedDatabase{std::move(db), false, {}, {}};
        } catch (const core::SqliteError& e) {
            return core::fail(e.what());
        }
    }
    if (auto made = core::ensurePrivateFolder(path.parent_path()); !made) return made.error();
    auto opened = core::openCheckedDatabase(path, core::backupFolderFor(path, backupDir), wallNowMs);
    if (!opened) return opened.error();
    if (auto priv = core::makePrivateFile(path); !priv) return priv.error();
    return opened;
}

/// The admin's config: --config, else ~/.config/reflect-kiosk/config.toml if present; each bad field is one
/// line on stderr and keeps its default. Command-line flags win over the file.
core::AppConfig readConfig(const std::string& requested) {
    fs::path path = requested;
    if (path.empty()) {
        const char* xdg = std::getenv("XDG_CONFIG_HOME");
        const char* home = std::getenv("HOME");
        if (xdg && *xdg == '/') path = fs::path(xdg) / "reflect-kiosk" / "config.toml";
        else if (home && *home) path = fs::path(home) / ".config" / "reflect-kiosk" / "config.toml";
    }
    if (path.empty()) return {};
    core::ConfigLoad load = core::loadConfig(path);
    for (const auto& issue : load.issues) std::cerr << "reflect-kiosk: " << issue.toString() << '\n';
    return load.config;
}

int runGui(const CommonArgs& common, const GuiArgs& gui) {
    if (gui.screen == "list") {
        for (const auto& name : app::screenshotScreens()) std::cout << name << '\n';
        return 0;
    }
    const bool bench = gui.benchBoard > 0;
    const bool screenshot = !gui.screenshot.empty() || bench;
    if (!bench && screenshot && gui.screen.empty()) return failWith("--screenshot needs --screen NAME (see --screen list)");

    const core::AppConfig config = screenshot ? core::AppConfig{} : readConfig(common.config);
    auto assets = core::findAssets(common.assets, exePath(), REFLECT_SOURCE_ASSETS_DIR);
    if (!assets) return failWith(assets.error().message);
    auto strings = core::StringTable::loadLocale(*assets / "strings" / "en-GB");
    if (!strings) return failWith(strings.error().message);
    const fs::path templatesDir = config.templatesDir.empty() ? *assets / "templates" : fs::path(config.templatesDir);
    const core::TemplateSet templates = core::loadTemplates(templatesDir);
    for (const auto& issue : templates.issues) std::cerr << "reflect-kiosk: template skipped: " << issue.toString() << '\n';
    auto signposts = core::loadSignposts(*assets / "signposts.toml");
    if (!signposts) std::cerr << "reflect-kiosk: " << signposts.error().message << '\n';
    core::SignpostList signpostList = signposts ? signposts.value() : core::SignpostList{};
    auto codebookLoad = core::loadCodebook(*assets / "codebook.toml");
    if (!codebookLoad) std::cerr << "reflect-kiosk: " << codebookLoad.error().message << '\n';
    const core::Codebook codebook = codebookLoad ? codebookLoad.value() : core::Codebook{};
    // The organisation's own services come first: they are the ones staff can reach today.
    signpostList.entries.insert(signpostList.entries.begin(), config.signposts.begin(), config.signposts.end());
    // A broken principles file only takes the checklist away; sessions still run.
    auto principles = core::loadPrinciples((*assets / "principles.toml").string());
    if (!principles) std::cerr << "reflect-kiosk: " << principles.error().message << '\n';
    const std::vector<core::Principle> principleList = principles ? principles.value() : std::vector<core::Principle>{};

    // Screenshots show demo state on a throwaway database at a fixed moment, so every picture is repeatable.
    // The database is opened on a worker thread while the window, GL and the fonts start on this one: its
    // quick_check reads the whole file, which on years of history is most of the time to the first frame.
    core::SystemClock systemClock;
    const std::string dbRequested = screenshot ? ":memory:" : common.db;
    auto opening = std::async(std::launch::async, [&dbRequested, &config, &systemClock] {
        return openDatabase(dbRequested, config.backupDir, systemClock.wallNow());
    });
    const float scale = gui.scaleGiven || config.scale <= 0 ? gui.scale : static_cast<float>(config.scale);
    platform::WindowOptions windowOptions;
    windowOptions.fullscreen = !gui.windowed && !screenshot;
    if (gui.windowed || screenshot) {
        int w = 0, h = 0;
        if (std::sscanf(gui.size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192) {
            opening.wait();
            return failWith("--size must look like 1280x720");
        }
        windowOptions.width = w;
        windowOptions.height = h;
    }
    std::optional<platform::GlfwLibrary> glfw;
    std::optional<platform::Window> window;
    std::optional<platform::ImGuiLayer> layer;
    try {
        glfw.emplace();
        window.emplace(windowOptions);
        layer.emplace(*window, ui::findSystemFonts(), scale, gui.highContrast || config.theme == core::ThemeChoice::HighContrast);
    } catch (const std::exception& e) {
        opening.wait();
        return failWith(e.what());
    }
    auto opened = opening.get();
    if (!opened) return failWith(opened.error().message);
    std::string startupNotice;
    if (opened->safeMode) {
        std::cerr << "reflect-kiosk: the database was damaged and has been moved to " << opened->movedAsideTo.string()
                  << (opened->restoredFrom.empty() ? "; started a fresh database\n"
                                                   : "; restored " + opened->restoredFrom.string() + "\n");
        startupNotice = opened->restoredFrom.empty()
                            ? strings->format("safe_mode.fresh", {{"moved", opened->movedAsideTo.filename().string()}})
                            : strings->format("safe_mode.restored",
                                              {{"moved", opened->movedAsideTo.filename().string()},
                                               {"backup", opened->restoredFrom.filename().string()}});
    }
    std::unique_ptr<core::Database>* db = &opened->db;
    core::ManualClock demoClock(1'000'000, 1'795'439'100'000);
    const core::Clock& clock = screenshot ? static_cast<const core::Clock&>(demoClock) : systemClock;

    if (core::SettingsStore(**db).get("theme").value_or("") == "high-contrast") layer->setHighContrast(true);
    try {
        if (bench) {
            app::KioskApp demo(**db, clock, templates, strings.value(), signpostList,
                               app::KioskAppConfig{"", false, false, 3, 90, &codebook, "", {}, 14, 180, {}, "/media/usb-stick"});
            auto prepared = app::prepareScreenshot(gui.screen.empty() ? "board-500" : gui.screen, demo, demoClock, **db);
            if (!prepared) return failWith(prepared.error().message);
            const auto t = platform::benchFrames(*window, *layer, demo, gui.benchBoard);
            std::printf("frame time, %s, %dx%d, over %d frames: whole frame mean %.2f ms, p95 %.2f ms, max %.2f ms; "
                        "ImGui and screens only: mean %.2f ms, p95 %.2f ms\n",
                        gui.screen.empty() ? "board-500" : gui.screen.c_str(), windowOptions.width, windowOptions.height,
                        t.frames, t.mean, t.p95, t.max, t.uiMean, t.uiP95);
            return 0;
        }
        if (screenshot) {
            // What the admin sees after a damaged database was set aside (the file names are examples).
            const std::string demoNotice =
                gui.screen == "home-safe-mode"
                    ? strings->format("safe_mode.restored", {{"moved", "reflect.db.corrupt-20261123-101500"},
                                                             {"backup", "reflect-20261122-180000.db"}})
                    : std::string();
            // The PIN screen only exists in kiosk mode, so those demos run as a kiosk.
            app::KioskApp demo(**db, clock, templates, strings.value(), signpostList,
                               app::KioskAppConfig{"", gui.screen == "pin" || gui.screen == "pin-closing", false, 3, 90, &codebook, demoNotice, {}, 14, 180,
                                                   {}, "/media/usb-stick"});
            demo.meetings().setPrinciples(principleList);
            auto prepared = app::prepareScreenshot(gui.screen, demo, demoClock, **db);
            if (!prepared) return failWith(prepared.error().message);
            return platform::runFrameLoop(*window, *layer, demo, platform::LoopOptions{gui.screenshot, 4});
        }
        // config.toml is edited outside the kiosk: a change since the last start goes into the audit log.
        if (auto audited = core::auditSettingsChanges(**db, clock, config); !audited)
            std::cerr << "reflect-kiosk: " << audited.error().message << '\n';
        // Retention: text older than the configured number of days is cleared before the kiosk starts.
        if (config.retentionDays > 0) {
            auto purged = core::purgeOlderThan(**db, clock, config.retentionDays, "system");
            if (!purged) std::cerr << "reflect-kiosk: " << purged.error().message << '\n';
        }
        core::ReviewSettings review;
        review.suppressionThreshold = config.suppressionThreshold;
        // Exports from the dashboard go to the backup folder (often a USB stick) or next to the database.
        const fs::path dbPath = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
        const std::string exportFolder =
            !config.backupDir.empty() ? config.backupDir : fs::absolute(dbPath).parent_path().string();
        app::KioskApp kiosk(**db, clock, templates, strings.value(), signpostList,
                            app::KioskAppConfig{config.organisationName, gui.kiosk, gui.printEvents, config.revealMinimum,
                                                config.draftIdleSeconds, &codebook, startupNotice,
                                                core::backupFolderFor(dbPath, config.backupDir), config.backupKeep,
                                                config.lockIdleSeconds, review, exportFolder});
        kiosk.meetings().setPrinciples(principleList);
        return platform::runFrameLoop(*window, *layer, kiosk, platform::LoopOptions{});
    } catch (const std::exception& e) {
        return failWith(e.what());
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Everything the kiosk creates (database, WAL, backups) is private to its user.
    umask(077);
    CLI::App app{"Reflect Kiosk: guides reflective-practice sessions on one shared screen.", "reflect-kiosk"};
    app.set_version_flag("--version", "reflect-kiosk 0.1.0");
    CommonArgs common;
    GuiArgs gui;
    app.add_option("--db", common.db, "Database file (default: $XDG_DATA_HOME/reflect-kiosk/reflect.db)");
    app.add_option("--config", common.config, "Configuration file (config.toml)");
    app.add_option("--assets", common.assets, "Folder with templates, strings and signposts");
    app.add_flag("--windowed", gui.windowed, "Run in a window instead of full screen (development)");
    app.add_option("--size", gui.size, "Window size for --windowed and --screenshot, e.g. 1920x1080");
    app.add_flag("--kiosk", gui.kiosk, "Leaving the kiosk needs the facilitator PIN");
    app.add_option("--scale", gui.scale, "Extra scale for text and controls (0.5 to 4)")->check(CLI::Range(0.5f, 4.0f));
    app.add_flag("--high-contrast", gui.highContrast, "Use the high-contrast theme");
    app.add_option("--screenshot", gui.screenshot, "Render --screen NAME with demo data, write this PNG, exit");
    app.add_option("--screen", gui.screen, "Screen for --screenshot; 'list' prints the names");
    app.add_flag("--print-events", gui.printEvents, "Print one line per saved stage change (for tests)");
    app.add_option("--bench-board", gui.benchBoard, "Time this many frames of a board with 500 cards, print the figures")
        ->check(CLI::Range(1, 100000));

    auto* templatesCmd = app.add_subcommand("templates", "Check template files");
    auto* checkCmd = templatesCmd->add_subcommand("check", "Check every template in a folder (default: the built-in ones)");
    std::string checkDir;
    checkCmd->add_option("DIR", checkDir, "Folder of .toml templates");
    templatesCmd->require_subcommand(1);

    auto* backupCmd = app.add_subcommand("backup", "Write a checked copy of the database into a folder");
    std::string backupTo;
    backupCmd->add_option("--to", backupTo, "Folder for the copy")->required();
    auto* restoreCmd = app.add_subcommand("restore", "Replace the database with a backup that passes its check");
    std::string restoreFile;
    restoreCmd->add_option("FILE", restoreFile, "Backup file")->required();
    auto* verifyCmd = app.add_subcommand("verify", "Check the database (integrity and foreign keys); exit 0 or 1");

    auto* setPinCmd = app.add_subcommand("set-pin", "Set the facilitator or lead PIN (read from standard input)");
    std::string role;
    setPinCmd->add_option("--role", role, "lead or facilitator")->required()->check(CLI::IsMember({"lead", "facilitator"}));

    // Lead review (issue 5): demo data, exports, the printable report and retention.
    auto* demoCmd = app.add_subcommand("demo-data", "Fill the database with realistic, repeatable demo history");
    int demoSessions = 200;
    std::uint64_t demoSeed = 1;
    demoCmd->add_option("--sessions", demoSessions, "How many sessions")->check(CLI::Range(1, 1000000));
    demoCmd->add_option("--seed", demoSeed, "The same seed gives the same history");
    auto* exportCmd = app.add_subcommand("export", "Export suppressed figures as CSV or JSON");
    cli::ExportArgs exportArgs;
    exportCmd->add_option("--format", exportArgs.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    exportCmd->add_option("--what", exportArgs.what, "sessions, themes, actions or evaluations")
        ->required()
        ->check(CLI::IsMember({"sessions", "themes", "actions", "evaluations"}));
    exportCmd->add_option("--from", exportArgs.from, "First day (YYYY-MM-DD), widened to the start of its period");
    exportCmd->add_option("--to", exportArgs.to, "Last day (YYYY-MM-DD), widened to the end of its period");
    exportCmd->add_option("--period", exportArgs.period, "month, quarter or year")->check(CLI::IsMember({"month", "quarter", "year"}));
    exportCmd->add_option("--group", exportArgs.group, "One group, by name or number");
    exportCmd->add_flag("--include-text", exportArgs.includeText, "Include free text (only from sessions with enough contributions)");
    exportCmd->add_flag("--bom", exportArgs.bom, "Start the CSV with a byte-order mark (for Excel)");
    exportCmd->add_option("--output", exportArgs.output, "Write to this file instead of standard output");
    auto* reportCmd = app.add_subcommand("report", "Write the printable HTML report");
    cli::ReportArgs reportArgs;
    reportCmd->add_option("--html", reportArgs.file, "The HTML file to write")->required();
    reportCmd->add_option("--from", reportArgs.from, "First day (YYYY-MM-DD)");
    reportCmd->add_option("--to", reportArgs.to, "Last day (YYYY-MM-DD)");
    reportCmd->add_option("--group", reportArgs.group, "One group, by name or number");
    reportCmd->add_option("--period", reportArgs.period, "month, quarter or year")->check(CLI::IsMember({"month", "quarter", "year"}));
    auto* purgeCmd = app.add_subcommand("purge", "Delete contribution and comment text older than N days");
    int purgeDays = 0;
    purgeCmd->add_option("--older-than", purgeDays, "Days")->required()->check(CLI::Range(1, 36500));
    auto* publishCmd = app.add_subcommand("publish", "Write a signed bundle of aggregates for the trust-wide review");
    cli::PublishArgs publishArgs;
    publishCmd->add_option("--to", publishArgs.to, "Folder for the bundle (a USB stick or an outgoing share)");
    publishCmd->add_flag("--show-key", publishArgs.showKey, "Print this kiosk's public key for the trust to register");
    publishCmd->add_flag("--all", publishArgs.all, "Send every unit again (for a trust that lost a bundle)");
    auto* redactCmd = app.add_subcommand("redact", "Read text on standard input; write it with identifiers replaced");
    bool redactLines = false;
    redactCmd->add_flag("--lines", redactLines, "Exactly one output line per input line");

    app.require_subcommand(0, 1);
    try {
        app.parse(argc, argv);
        gui.scaleGiven = app.count("--scale") > 0;
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    if (checkCmd->parsed()) {
        fs::path dir = checkDir;
        if (dir.empty()) {
            auto assets = core::findAssets(common.assets, exePath(), REFLECT_SOURCE_ASSETS_DIR);
            if (!assets) return failWith(assets.error().message);
            dir = *assets / "templates";
        }
        return cli::templatesCheck(dir, std::cout, std::cerr);
    }
    if (redactCmd->parsed()) return cli::redact(redactLines, std::cin, std::cout, std::cerr);
    if (backupCmd->parsed() || restoreCmd->parsed() || verifyCmd->parsed()) {
        const fs::path db = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
        if (verifyCmd->parsed()) return cli::verify(db, std::cout, std::cerr);
        if (restoreCmd->parsed()) return cli::restore(db, restoreFile, std::cout, std::cerr);
        core::SystemClock clock;
        return cli::backup(db, backupTo, clock.wallNow(), std::cout, std::cerr);
    }
    if (setPinCmd->parsed()) {
        const fs::path db = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
        if (auto made = core::ensurePrivateFolder(db.parent_path()); !made) return failWith(made.error().message);
        return cli::setPin(db, role, std::cin, std::cout, std::cerr);
    }
    if (demoCmd->parsed() || exportCmd->parsed() || reportCmd->parsed() || purgeCmd->parsed() || publishCmd->parsed()) {
        auto assets = core::findAssets(common.assets, exePath(), REFLECT_SOURCE_ASSETS_DIR);
        if (!assets) return failWith(assets.error().message);
        const core::AppConfig config = readConfig(common.config);
        core::SystemClock openClock;
        auto opened = openDatabase(common.db, config.backupDir, openClock.wallNow());
        if (!opened) return failWith(opened.error().message);
        std::unique_ptr<core::Database>* db = &opened->db;
        core::ReviewSettings settings;
        settings.suppressionThreshold = config.suppressionThreshold;
        reportArgs.organisation = config.organisationName;
        core::SystemClock clock;
        if (demoCmd->parsed()) return cli::demoData(**db, *assets, demoSessions, demoSeed, std::cout, std::cerr);
        if (exportCmd->parsed()) return cli::exportData(**db, *assets, exportArgs, settings, clock, std::cout, std::cerr);
        if (publishCmd->parsed()) {
            const fs::path dbPath = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
            return cli::publish(**db, dbPath.parent_path(), publishArgs, config, std::cout, std::cerr);
        }
        if (reportCmd->parsed()) return cli::report(**db, *assets, reportArgs, settings, clock, std::cout, std::cerr);
        return cli::purge(**db, purgeDays, clock, std::cout, std::cerr);
    }
    return runGui(common, gui);
}
