// The kiosk window: loads the data files, opens the database beside the window's start-up, and drives the
// headless KioskApp from the GLFW frame loop (or renders one demo screen to a PNG).
#include "app/gui_main.hpp"

#include <cstdio>
#include <future>
#include <iostream>
#include <optional>

#include "app/kiosk_app.hpp"
#include "companion/companion_server.hpp"
#include "core/config/settings_audit.hpp"
#include "core/contribute/codebook.hpp"
#include "core/paths.hpp"
#include "core/review/purge.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/settings_store.hpp"
#include "core/support/volume_check.hpp"
#include "platform/display_layout.hpp"
#include "platform/frame_loop.hpp"
#include "platform/imgui_layer.hpp"
#include "platform/window.hpp"
#include "ui/screens/opening_screen.hpp"

#ifndef REFLECT_SOURCE_ASSETS_DIR
#define REFLECT_SOURCE_ASSETS_DIR ""
#endif

namespace reflect::app {

namespace {

namespace fs = std::filesystem;

/// The frame loop's view of the app: the platform knows nothing of the kiosk.
class FrameAdapter final : public platform::FrameClient {
public:
    explicit FrameAdapter(KioskApp& app) : m_app(app) {}
    void frame(const ui::Theme& theme) override { m_app.frame(theme); }
    [[nodiscard]] std::int64_t msUntilNextChange() const override { return m_app.msUntilNextChange(); }
    [[nodiscard]] bool finished() const override { return m_app.finished(); }
    void closeRequested() override { m_app.closeRequested(); }
    [[nodiscard]] bool kioskMode() const override { return m_app.kioskMode(); }
    void framePresented() override { m_app.framePresented(); }

private:
    KioskApp& m_app;
};

/// The room's window on a second display: draws the room view, and leaves the session to the console's window.
class RoomAdapter final : public platform::FrameClient {
public:
    explicit RoomAdapter(KioskApp& app) : m_app(app) {}
    void frame(const ui::Theme& theme) override { m_app.roomFrame(theme); }
    [[nodiscard]] std::int64_t msUntilNextChange() const override { return m_app.msUntilNextChange(); }
    [[nodiscard]] bool finished() const override { return m_app.finished(); }
    void closeRequested() override { m_app.closeRequested(); }
    [[nodiscard]] bool kioskMode() const override { return m_app.kioskMode(); }

private:
    KioskApp& m_app;
};

/// The windows the kiosk draws into: the console's (or the only one) and, with a second display, the room's.
/// Members are destroyed in reverse order: layers before their windows, windows before GLFW.
struct Windows {
    std::optional<platform::GlfwLibrary> glfw;
    std::optional<platform::Window> window;
    std::optional<platform::ImGuiLayer> layer;
    std::optional<platform::Window> roomWindow;
    std::optional<platform::ImGuiLayer> roomLayer;
};

/// Opens GLFW and the windows. Full screen with two or more displays: the console on one, the room view on the
/// larger or external one. Throws what a person can act on when there is no display or no OpenGL 3.3.
void openWindows(Windows& w, platform::WindowOptions options, float scale, bool highContrast) {
    w.glfw.emplace();
    std::optional<int> roomMonitor;
    if (options.fullscreen) {
        std::vector<platform::DisplayInfo> displays;
        for (const auto& m : platform::connectedMonitors()) displays.push_back({m.width, m.height, m.primary});
        const auto roles = platform::chooseDisplays(displays);
        if (roles.console) {
            options.monitor = *roles.console;
            roomMonitor = roles.room;
        }
    }
    w.window.emplace(options);
    w.layer.emplace(*w.window, ui::findSystemFonts(), scale, highContrast);
    if (!roomMonitor) return;
    options.monitor = *roomMonitor;
    options.title = "Reflect room";
    w.roomWindow.emplace(options);
    w.roomLayer.emplace(*w.roomWindow, ui::findSystemFonts(), scale, highContrast);
}

/// The kiosk's own loop: two windows with two displays, otherwise the room view with the console a key away.
int runKiosk(Windows& w, KioskApp& kiosk) {
    FrameAdapter adapter(kiosk);
    // A phone's request wakes the loop at once: "Saved" and the remote's Next then wait for one frame, not for the
    // next second of the clock (or a minute, paused). Let go before the windows go.
    kiosk.inbox().setWake([] { platform::wakeFrameLoop(); });
    struct StopWaking {
        KioskApp& kiosk;
        ~StopWaking() { kiosk.inbox().setWake({}); }
    } stopWaking{kiosk};
    if (w.roomWindow) {
        RoomAdapter room(kiosk);
        return platform::runFrameLoop({platform::WindowSurface{*w.window, *w.layer, adapter},
                                       platform::WindowSurface{*w.roomWindow, *w.roomLayer, room}},
                                      platform::LoopOptions{});
    }
    kiosk.ui().setSurfaces(ui::Surfaces::SingleScreen);
    kiosk.controller().setSingleScreen(true);
    return platform::runFrameLoop(*w.window, *w.layer, adapter, platform::LoopOptions{});
}

/// The frame loop's client while the database opens: one calm screen, finished as soon as the file is ready.
template <class Future>
class OpeningClient final : public platform::FrameClient {
public:
    OpeningClient(Future& opening, const core::StringTable& strings, bool printEvents)
        : m_opening(opening), m_strings(strings), m_printEvents(printEvents) {}
    void frame(const ui::Theme& theme) override { ui::drawOpeningScreen(theme, m_strings); }
    // Look again every 20 ms: the loop sleeps in between, so waiting costs no CPU worth measuring.
    [[nodiscard]] std::int64_t msUntilNextChange() const override { return 20; }
    [[nodiscard]] bool finished() const override {
        return m_opening.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }
    void closeRequested() override {}
    [[nodiscard]] bool kioskMode() const override { return false; }
    void framePresented() override {
        if (!m_printEvents || m_presented) return;
        m_presented = true;
        std::puts("event opening-frame");  // scripts/bench-review times it
        std::fflush(stdout);
    }

private:
    Future& m_opening;
    const core::StringTable& m_strings;
    bool m_printEvents;
    bool m_presented = false;
};

/// Starts the phone page when [companion] listen or --listen asks for it; nullptr when it is off or cannot start
/// (the kiosk runs on without it, and says why on stderr).
std::unique_ptr<companion::CompanionServer> startPhonePage(const core::AppConfig& config, const std::string& listen,
                                                           KioskApp& kiosk, const core::StringTable& strings) {
    if (config.companionListen.empty() && listen.empty()) return nullptr;
    auto options = companion::serverOptionsFrom(config, listen);
    if (!options) {
        std::cerr << "reflect-kiosk: phone page: " << options.error().message << '\n';
        return nullptr;
    }
    auto started = companion::CompanionServer::start(*options, kiosk.phonePort(), strings, kiosk.scrubber());
    if (!started) {
        std::cerr << "reflect-kiosk: phone page: " << started.error().message << '\n';
        return nullptr;
    }
    auto address = companion::parseListen(options->listen);
    const std::string host = !config.companionHost.empty() ? config.companionHost
                             : address && address->host != "0.0.0.0" && address->host != "::"
                                 ? address->host
                                 : std::string("localhost");
    std::string base = companion::joinUrl((*started)->tls() ? "https" : "http", host, (*started)->port(), "");
    base.resize(base.size() - 3);  // the page's root, without "/j/"
    kiosk.controller().setPhoneAddress(base);
    return std::move(started.value());
}

}  // namespace

int runGui(const cli::CommonArgs& common, const cli::GuiArgs& gui) {
    if (gui.screen == "list") {
        for (const auto& name : app::screenshotScreens()) std::cout << name << '\n';
        return 0;
    }
    const bool bench = gui.benchBoard > 0;
    const bool screenshot = !gui.screenshot.empty() || bench;
    if (!bench && screenshot && gui.screen.empty())
        return cli::failWith("--screenshot needs --screen NAME (see --screen list)");

    const core::AppConfig config = screenshot ? core::AppConfig{} : cli::readConfig(common.config);
    auto assets = core::findAssets(common.assets, cli::exePath(), REFLECT_SOURCE_ASSETS_DIR);
    if (!assets) return cli::failWith(assets.error().message);
    auto strings = core::StringTable::loadLocale(*assets / "strings" / "en-GB");
    if (!strings) return cli::failWith(strings.error().message);
    const fs::path templatesDir = config.templatesDir.empty() ? *assets / "templates" : fs::path(config.templatesDir);
    const core::TemplateSet templates = core::loadTemplates(templatesDir);
    for (const auto& issue : templates.issues)
        std::cerr << "reflect-kiosk: template skipped: " << issue.toString() << '\n';
    auto signposts = core::loadSignposts(*assets / "signposts.toml");
    if (!signposts) std::cerr << "reflect-kiosk: " << signposts.error().message << '\n';
    core::SignpostList signpostList = signposts ? signposts.value() : core::SignpostList{};
    auto codebookLoad = core::loadCodebook(*assets / "codebook.toml");
    if (!codebookLoad) std::cerr << "reflect-kiosk: " << codebookLoad.error().message << '\n';
    const core::Codebook codebook = codebookLoad ? codebookLoad.value() : core::Codebook{};
    // The organisation's own services come first: they are the ones staff can reach today.
    signpostList.entries.insert(signpostList.entries.begin(), config.signposts.begin(), config.signposts.end());
    // A signpost still at its shipped placeholder sends nobody anywhere: hide it, and tell the admin which ones.
    if (const auto hidden = core::hidePlaceholders(signpostList); !hidden.empty() && !screenshot) {
        std::string names;
        for (const auto& n : hidden) names += (names.empty() ? "" : ", ") + n;
        std::cerr << "reflect-kiosk: signposts hidden until local details are added to config.toml: " << names << '\n';
    }
    // Reflections are kept on this disk: tell the admin (stderr, the journal) when nothing encrypts it.
    if (!screenshot) {
        const fs::path dataFolder =
            (common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db)).parent_path();
        const auto line = core::volumeWarning(dataFolder, core::checkDataVolume(dataFolder, core::VolumeSources{}));
        if (line) std::cerr << *line << '\n';
    }
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
        return cli::openDatabase(dbRequested, config.backupDir, systemClock.wallNow());
    });
    const float scale = gui.scaleGiven || config.scale <= 0 ? gui.scale : static_cast<float>(config.scale);
    platform::WindowOptions windowOptions;
    windowOptions.fullscreen = !gui.windowed && !screenshot;
    if (gui.windowed || screenshot) {
        int w = 0, h = 0;
        if (std::sscanf(gui.size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192) {
            opening.wait();
            return cli::failWith("--size must look like 1280x720");
        }
        windowOptions.width = w;
        windowOptions.height = h;
    }
    const bool highContrast = gui.highContrast || config.theme == core::ThemeChoice::HighContrast;
    Windows windows;
    try {
        openWindows(windows, windowOptions, scale, highContrast);
    } catch (const std::exception& e) {
        opening.wait();
        return cli::failWith(e.what());
    }
    // A calm first frame while the database is opened and checked (on years of history that takes most of a
    // second): the screen is never blank, and the real screen follows as soon as the file is ready.
    if (!screenshot) {
        OpeningClient openingScreen(opening, strings.value(), gui.printEvents);
        platform::runFrameLoop(*windows.window, *windows.layer, openingScreen, platform::LoopOptions{});
    }
    auto opened = opening.get();
    if (!opened) return cli::failWith(opened.error().message);
    std::string startupNotice;
    if (opened->safeMode) {
        std::cerr << "reflect-kiosk: the database was damaged and has been moved to " << opened->movedAsideTo.string()
                  << (opened->restoredFrom.empty() ? "; started a fresh database\n"
                                                   : "; restored " + opened->restoredFrom.string() + "\n");
        startupNotice =
            opened->restoredFrom.empty()
                ? strings->format("safe_mode.fresh", {{"moved", opened->movedAsideTo.filename().string()}})
                : strings->format("safe_mode.restored", {{"moved", opened->movedAsideTo.filename().string()},
                                                         {"backup", opened->restoredFrom.filename().string()}});
    }
    std::unique_ptr<core::Database>* db = &opened->db;
    core::ManualClock demoClock(1'000'000, 1'795'439'100'000);
    const core::Clock& clock = screenshot ? static_cast<const core::Clock&>(demoClock) : systemClock;

    if (core::SettingsStore(**db).get("theme").value_or("") == "high-contrast") {
        windows.layer->setHighContrast(true);
        if (windows.roomLayer) windows.roomLayer->setHighContrast(true);
    }
    try {
        if (bench) {
            app::KioskApp demo(
                **db, clock, templates, strings.value(), signpostList,
                app::KioskAppConfig{"", false, false, 3, 90, &codebook, "", {}, 14, 180, {}, "/media/usb-stick"});
            auto prepared =
                app::prepareScreenshot(gui.screen.empty() ? "board-500" : gui.screen, demo, demoClock, **db);
            if (!prepared) return cli::failWith(prepared.error().message);
            FrameAdapter adapter(demo);
            const auto t = platform::benchFrames(*windows.window, *windows.layer, adapter, gui.benchBoard);
            std::printf(
                "frame time, %s, %dx%d, over %d frames: whole frame mean %.2f ms, p95 %.2f ms, max %.2f ms; "
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
                               app::KioskAppConfig{"",
                                                   gui.screen == "pin" || gui.screen == "pin-closing",
                                                   false,
                                                   3,
                                                   90,
                                                   &codebook,
                                                   demoNotice,
                                                   {},
                                                   14,
                                                   180,
                                                   {},
                                                   "/media/usb-stick"});
            demo.meetings().setPrinciples(principleList);
            auto prepared = app::prepareScreenshot(gui.screen, demo, demoClock, **db);
            if (!prepared) return cli::failWith(prepared.error().message);
            FrameAdapter adapter(demo);
            return platform::runFrameLoop(*windows.window, *windows.layer, adapter,
                                          platform::LoopOptions{gui.screenshot, 4});
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
                            app::KioskAppConfig{config.organisationName, gui.kiosk, gui.printEvents,
                                                config.revealMinimum, config.draftIdleSeconds, &codebook, startupNotice,
                                                core::backupFolderFor(dbPath, config.backupDir), config.backupKeep,
                                                config.lockIdleSeconds, review, exportFolder});
        kiosk.meetings().setPrinciples(principleList);
        // The phone page, when the admin switched it on; the server is stopped (threads joined) before the app goes.
        const auto phonePage = startPhonePage(config, gui.listen, kiosk, strings.value());
        return runKiosk(windows, kiosk);
    } catch (const std::exception& e) {
        return cli::failWith(e.what());
    }
}

}  // namespace reflect::app
