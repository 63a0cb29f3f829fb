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

/// Opens (creating if needed) the database in a private folder and brings its schema up to date.
core::Result<std::unique_ptr<core::Database>> openDatabase(const std::string& requested) {
    const fs::path path = requested.empty() ? core::defaultDatabasePath() : fs::path(requested);
    if (path != ":memory:") {
        if (auto made = core::ensurePrivateFolder(path.parent_path()); !made) return made.error();
    }
    try {
        auto db = std::make_unique<core::Database>(path.string());
        core::migrate(*db);
        if (auto priv = core::makePrivateFile(path); !priv) return priv.error();
        return db;
    } catch (const core::SqliteError& e) {
        return core::fail(e.what());
    }
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
    // A broken principles file only takes the checklist away; sessions still run.
    auto principles = core::loadPrinciples((*assets / "principles.toml").string());
    if (!principles) std::cerr << "reflect-kiosk: " << principles.error().message << '\n';
    const std::vector<core::Principle> principleList = principles ? principles.value() : std::vector<core::Principle>{};

    // Screenshots show demo state on a throwaway database at a fixed moment, so every picture is repeatable.
    auto db = openDatabase(screenshot ? ":memory:" : common.db);
    if (!db) return failWith(db.error().message);
    core::SystemClock systemClock;
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
            // The PIN screen only exists in kiosk mode, so that one demo runs as a kiosk.
            app::KioskApp demo(**db, clock, templates, strings.value(), signpostList,
                               app::KioskAppConfig{"", gui.screen == "pin", false});
            demo.meetings().setPrinciples(principleList);
            auto prepared = app::prepareScreenshot(gui.screen, demo, demoClock, **db);
            if (!prepared) return failWith(prepared.error().message);
            return platform::runFrameLoop(window, layer, demo, platform::LoopOptions{gui.screenshot, 4});
        }
        app::KioskApp kiosk(**db, clock, templates, strings.value(), signpostList,
                            app::KioskAppConfig{config.organisationName, gui.kiosk, gui.printEvents});
        kiosk.meetings().setPrinciples(principleList);
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
    if (setPinCmd->parsed()) {
        const fs::path db = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
        if (auto made = core::ensurePrivateFolder(db.parent_path()); !made) return failWith(made.error().message);
        return cli::setPin(db, role, std::cin, std::cout, std::cerr);
    }
    return runGui(common, gui);
}
