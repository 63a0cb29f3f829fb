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
/// larger or external one; windowed with `roomBeside`, the room's window to the right of the console's. Throws what a
/// person can act on when there is no display or no OpenGL 3.3.
void openWindows(Windows& w, platform::WindowOptions options, float scale, bool highContrast, bool roomBeside) {
    w.glfw.emplace();
    std::optional<int> roomMonitor;
    if (roomBeside && !options.fullscreen) options.x = options.y = 0;
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
    if (!roomMonitor && !(roomBeside && !options.fullscreen)) return;
    if (roomMonitor) options.monitor = *roomMonitor;
    options.x = options.width;  // windowed: to the console's right, where the second screen of a joined desktop is
    options.title = "Reflect room";
    options.focused = false;
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

/// What the kiosk reads from its assets folder before a window opens. Each broken file is one line on stderr and
/// takes only its own feature away (a broken principles file, the checklist; a bad template, that template).
struct KioskData {
    core::StringTable strings;
    core::TemplateSet templates;
    core::SignpostList signposts;
    core::Codebook codebook;
    std::vector<core::Principle> principles;
};

core::Result<KioskData> loadKioskData(const cli::CommonArgs& common, const core::AppConfig& config, bool screenshot) {
    auto assets = core::findAssets(common.assets, cli::exePath(), REFLECT_SOURCE_ASSETS_DIR);
    if (!assets) return assets.error();
    auto strings = core::StringTable::loadLocale(*assets / "strings" / "en-GB");
    if (!strings) return strings.error();
    KioskData data;
    data.strings = std::move(strings.value());
    data.templates =
        core::loadTemplates(config.templatesDir.empty() ? *assets / "templates" : fs::path(config.templatesDir));
    for (const auto& issue : data.templates.issues)
        std::cerr << "reflect-kiosk: template skipped: " << issue.toString() << '\n';
    auto signposts = core::loadSignposts(*assets / "signposts.toml");
    if (!signposts) std::cerr << "reflect-kiosk: " << signposts.error().message << '\n';
    if (signposts) data.signposts = signposts.value();
    auto codebook = core::loadCodebook(*assets / "codebook.toml");
    if (!codebook) std::cerr << "reflect-kiosk: " << codebook.error().message << '\n';
    if (codebook) data.codebook = codebook.value();
    // The organisation's own services come first: they are the ones staff can reach today.
    data.signposts.entries.insert(data.signposts.entries.begin(), config.signposts.begin(), config.signposts.end());
    // A signpost still at its shipped placeholder sends nobody anywhere: hide it, and tell the admin which ones.
    if (const auto hidden = core::hidePlaceholders(data.signposts); !hidden.empty() && !screenshot) {
        std::string names;
        for (const auto& n : hidden) names += (names.empty() ? "" : ", ") + n;
        std::cerr << "reflect-kiosk: signposts hidden until local details are added to config.toml: " << names << '\n';
    }
    auto principles = core::loadPrinciples((*assets / "principles.toml").string());
    if (!principles) std::cerr << "reflect-kiosk: " << principles.error().message << '\n';
    if (principles) data.principles = principles.value();
    return data;
}

/// Window size and placement from the flags; an error message for a --size that is not WIDTHxHEIGHT.
core::Result<platform::WindowOptions> windowOptionsFor(const cli::GuiArgs& gui, bool screenshot) {
    platform::WindowOptions options;
    options.fullscreen = !gui.windowed && !screenshot;
    if (!gui.windowed && !screenshot) return options;
    int w = 0, h = 0;
    if (std::sscanf(gui.size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192)
        return core::Error{"--size must look like 1280x720"};
    options.width = w;
    options.height = h;
    return options;
}

/// The notice the kiosk opens with after a damaged database was set aside (and stderr's line for the admin).
std::string safeModeNotice(const core::OpenedDatabase& opened, const core::StringTable& strings) {
    if (!opened.safeMode) return {};
    std::cerr << "reflect-kiosk: the database was damaged and has been moved to " << opened.movedAsideTo.string()
              << (opened.restoredFrom.empty() ? "; started a fresh database\n"
                                              : "; restored " + opened.restoredFrom.string() + "\n");
    const std::string moved = opened.movedAsideTo.filename().string();
    return opened.restoredFrom.empty()
               ? strings.format("safe_mode.fresh", {{"moved", moved}})
               : strings.format("safe_mode.restored",
                                {{"moved", moved}, {"backup", opened.restoredFrom.filename().string()}});
}

/// --bench-board and --screenshot: demo state on a throwaway database at a fixed moment, so every picture and
/// every timing is repeatable.
int runDemo(const cli::GuiArgs& gui, Windows& windows, core::Database& db, core::ManualClock& clock,
            const KioskData& data, const platform::WindowOptions& size) {
    const bool bench = gui.benchBoard > 0;
    const std::string screen = gui.screen.empty() ? "board-500" : gui.screen;
    // What the admin sees after a damaged database was set aside (the file names are examples).
    const std::string notice =
        screen == "home-safe-mode"
            ? data.strings.format("safe_mode.restored", {{"moved", "reflect.db.corrupt-20261123-101500"},
                                                         {"backup", "reflect-20261122-180000.db"}})
            : std::string();
    app::KioskAppConfig config;
    config.kioskMode = !bench && (screen == "pin" || screen == "pin-closing");  // the PIN screen is kiosk mode's
    config.codebook = &data.codebook;
    config.startupNotice = notice;
    config.exportFolder = "/media/usb-stick";
    app::KioskApp demo(db, clock, data.templates, data.strings, data.signposts, config);
    if (!bench) demo.meetings().setPrinciples(data.principles);
    auto prepared = app::prepareScreenshot(screen, demo, clock, db);
    if (!prepared) return cli::failWith(prepared.error().message);
    FrameAdapter adapter(demo);
    if (!bench)
        return platform::runFrameLoop(*windows.window, *windows.layer, adapter,
                                      platform::LoopOptions{gui.screenshot, 4});
    const auto t = platform::benchFrames(*windows.window, *windows.layer, adapter, gui.benchBoard);
    std::printf(
        "frame time, %s, %dx%d, over %d frames: whole frame mean %.2f ms, p95 %.2f ms, max %.2f ms; "
        "ImGui and screens only: mean %.2f ms, p95 %.2f ms\n",
        screen.c_str(), size.width, size.height, t.frames, t.mean, t.p95, t.max, t.uiMean, t.uiP95);
    return 0;
}

/// The kiosk itself: start-up housekeeping on the database, then the app, the phone page and the frame loop.
int runLive(const cli::CommonArgs& common, const cli::GuiArgs& gui, const core::AppConfig& config, Windows& windows,
            core::Database& db, const core::Clock& clock, const KioskData& data, const std::string& notice) {
    // config.toml is edited outside the kiosk: a change since the last start goes into the audit log.
    if (auto audited = core::auditSettingsChanges(db, clock, config); !audited)
        std::cerr << "reflect-kiosk: " << audited.error().message << '\n';
    // Retention: text older than the configured number of days is cleared before the kiosk starts.
    if (config.retentionDays > 0) {
        auto purged = core::purgeOlderThan(db, clock, config.retentionDays, "system");
        if (!purged) std::cerr << "reflect-kiosk: " << purged.error().message << '\n';
    }
    core::ReviewSettings review;
    review.suppressionThreshold = config.suppressionThreshold;
    // Exports from the dashboard go to the backup folder (often a USB stick) or next to the database.
    const fs::path dbPath = common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db);
    const std::string exportFolder =
        !config.backupDir.empty() ? config.backupDir : fs::absolute(dbPath).parent_path().string();
    app::KioskApp kiosk(db, clock, data.templates, data.strings, data.signposts,
                        app::KioskAppConfig{config.organisationName, gui.kiosk, gui.printEvents, config.revealMinimum,
                                            config.draftIdleSeconds, &data.codebook, notice,
                                            core::backupFolderFor(dbPath, config.backupDir), config.backupKeep,
                                            config.lockIdleSeconds, review, exportFolder});
    kiosk.meetings().setPrinciples(data.principles);
    // The phone page, when the admin switched it on; the server is stopped (threads joined) before the app goes.
    const auto phonePage = startPhonePage(config, gui.listen, kiosk, data.strings);
    return runKiosk(windows, kiosk);
}

/// Reflections are kept on this disk: tell the admin (stderr, the journal) when nothing encrypts it.
void warnAboutVolume(const cli::CommonArgs& common) {
    const fs::path dataFolder = (common.db.empty() ? core::defaultDatabasePath() : fs::path(common.db)).parent_path();
    if (const auto line = core::volumeWarning(dataFolder, core::checkDataVolume(dataFolder, core::VolumeSources{})))
        std::cerr << *line << '\n';
}

}  // namespace

int runGui(const cli::CommonArgs& common, const cli::GuiArgs& gui) {
    if (gui.screen == "list") {
        for (const auto& name : app::screenshotScreens()) std::cout << name << '\n';
        return 0;
    }
    const bool screenshot = !gui.screenshot.empty() || gui.benchBoard > 0;
    if (gui.benchBoard == 0 && screenshot && gui.screen.empty())
        return cli::failWith("--screenshot needs --screen NAME (see --screen list)");
    const core::AppConfig config = screenshot ? core::AppConfig{} : cli::readConfig(common.config);
    auto data = loadKioskData(common, config, screenshot);
    if (!data) return cli::failWith(data.error().message);
    if (!screenshot) warnAboutVolume(common);
    auto windowOptions = windowOptionsFor(gui, screenshot);
    if (!windowOptions) return cli::failWith(windowOptions.error().message);

    // The database is opened on a worker thread while the window, GL and the fonts start on this one: its
    // quick_check reads the whole file, which on years of history is most of the time to the first frame.
    core::SystemClock systemClock;
    const std::string dbRequested = screenshot ? ":memory:" : common.db;
    auto opening = std::async(std::launch::async, [&dbRequested, &config, &systemClock] {
        return cli::openDatabase(dbRequested, config.backupDir, systemClock.wallNow());
    });
    const float scale = gui.scaleGiven || config.scale <= 0 ? gui.scale : static_cast<float>(config.scale);
    const bool highContrast = gui.highContrast || config.theme == core::ThemeChoice::HighContrast;
    Windows windows;
    try {
        openWindows(windows, *windowOptions, scale, highContrast, gui.roomWindow && !screenshot);
    } catch (const std::exception& e) {
        opening.wait();
        return cli::failWith(e.what());
    }
    // A calm first frame while the database is opened and checked: the screen is never blank.
    if (!screenshot) {
        OpeningClient openingScreen(opening, data->strings, gui.printEvents);
        platform::runFrameLoop(*windows.window, *windows.layer, openingScreen, platform::LoopOptions{});
    }
    auto opened = opening.get();
    if (!opened) return cli::failWith(opened.error().message);
    core::Database& db = *opened->db;
    if (core::SettingsStore(db).get("theme").value_or("") == "high-contrast") {
        windows.layer->setHighContrast(true);
        if (windows.roomLayer) windows.roomLayer->setHighContrast(true);
    }
    try {
        if (screenshot) {
            core::ManualClock demoClock(1'000'000, 1'795'439'100'000);
            return runDemo(gui, windows, db, demoClock, *data, *windowOptions);
        }
        return runLive(common, gui, config, windows, db, systemClock, *data, safeModeNotice(*opened, data->strings));
    } catch (const std::exception& e) {
        return cli::failWith(e.what());
    }
}

}  // namespace reflect::app
