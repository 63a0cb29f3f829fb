// Start-up helpers shared by the subcommands and the window.
#include "cli/startup.hpp"

#include <cstdlib>
#include <iostream>

#include "core/paths.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/migrations.hpp"

namespace reflect::cli {

namespace fs = std::filesystem;

int failWith(const std::string& reason) {
    std::cerr << "reflect-kiosk: " << reason << '\n';
    return 1;
}

fs::path exePath() {
    std::error_code ec;
    return fs::read_symlink("/proc/self/exe", ec);
}

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

core::AppConfig readConfig(const std::string& requested) {
    fs::path path = requested;
    if (path.empty()) {
        const char* xdg = std::getenv("XDG_CONFIG_HOME");
        const char* home = std::getenv("HOME");
        if (xdg && *xdg == '/')
            path = fs::path(xdg) / "reflect-kiosk" / "config.toml";
        else if (home && *home)
            path = fs::path(home) / ".config" / "reflect-kiosk" / "config.toml";
    }
    if (path.empty()) return {};
    core::ConfigLoad load = core::loadConfig(path);
    for (const auto& issue : load.issues) std::cerr << "reflect-kiosk: " << issue.toString() << '\n';
    return load.config;
}

}  // namespace reflect::cli
