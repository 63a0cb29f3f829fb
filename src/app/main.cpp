// reflect-kiosk: the composition root. Parses the command line, opens the database, and either runs a
// subcommand or starts the kiosk window. Nothing is global; everything is built here and passed down.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/kiosk_app.hpp"
#include "cli/commands.hpp"
#include "core/config/app_config.hpp"
#include "core/paths.hpp"
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
    const bool screenshot = !gui.screenshot.empty();
    if (screenshot && gui.screen.empty()) return failWith("--screenshot needs --screen NAME (see --screen list)");

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
    // The organisation's own services come first: they are the ones staff can reach today.
    signpostList.entries.insert(signpostList.entries.begin(), config.signposts.begin(), config.signposts.end());

    // Screenshots show demo state on a throwaway database at a fixed moment, so every picture is repeatable.
    core::SystemClock systemClock;
    auto opened = openDatabase(screenshot ? ":memory:" : common.db, config.backupDir, systemClock.wallNow());
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

    bool highContrast = gui.highContrast || config.theme == core::ThemeChoice::HighContrast;
    if (!highContrast) highContrast = core::SettingsStore(**db).get("theme").value_or("") == "high-contrast";
    const float scale = gui.scaleGiven || config.scale <= 0 ? gui.scale : static_cast<float>(config.scale);

    platform::WindowOptions windowOptions;
    windowOptions.fullscreen = !gui.windowed && !screenshot;
    if (gui.windowed || screenshot) {
        int w = 0, h = 0;
        if (std::sscanf(gui.size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192)
            return failWith("--size must look like 1280x720");
        windowOptions.width = w;
        windowOptions.height = h;
    }
    try {
        platform::GlfwLibrary glfw;
        platform::Window window(windowOptions);
        platform::ImGuiLayer layer(window, ui::findSystemFonts(), scale, highContrast);
        if (screenshot) {
            // What the admin sees after a damaged database was set aside (the file names are examples).
            const std::string demoNotice =
                gui.screen == "home-safe-mode"
                    ? strings->format("safe_mode.restored", {{"moved", "reflect.db.corrupt-20261123-101500"},
                                                             {"backup", "reflect-20261122-180000.db"}})
                    : std::string();
            // The PIN screen only exists in kiosk mode, so that one demo runs as a kiosk.
            app::KioskApp demo(**db, clock, templates, strings.value(), signpostList,
                               app::KioskAppConfig{"", gui.screen == "pin", false, demoNotice, {}, 14});
            auto prepared = app::prepareScreenshot(gui.screen, demo, demoClock, **db);
            if (!prepared) return failWith(prepared.error().message);
            return platform::runFrameLoop(window, layer, demo, platform::LoopOptions{gui.screenshot, 4});
        }
        const fs::path dbPath = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
        app::KioskApp kiosk(**db, clock, templates, strings.value(), signpostList,
                            app::KioskAppConfig{config.organisationName, gui.kiosk, gui.printEvents, startupNotice,
                                                core::backupFolderFor(dbPath, config.backupDir), config.backupKeep});
        return platform::runFrameLoop(window, layer, kiosk, platform::LoopOptions{});
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
    return runGui(common, gui);
}
