// Start-up helpers every entry point shares: the arguments, the admin's config, finding the database and assets.
#pragma once

#include <filesystem>
#include <string>

#include "core/config/app_config.hpp"
#include "core/result.hpp"
#include "core/storage/database_opener.hpp"

namespace reflect::cli {

/// The flags that start the window (no subcommand).
struct GuiArgs {
    bool scaleGiven = false;
    bool windowed = false;
    bool roomWindow = false;  ///< --room-window: the room view in its own window beside the console (windowed)
    std::string size = "1280x720";
    bool kiosk = false;
    float scale = 1.0f;
    bool highContrast = false;
    std::string screenshot;
    std::string screen;
    bool printEvents = false;
    std::string listen;  ///< --listen ADDR:PORT: serve the phone page there (wins over [companion] listen)
    int benchBoard = 0;  ///< frames to time on a board with 500 cards (scripts/bench)
};

/// Flags every command shares.
struct CommonArgs {
    std::string db;
    std::string config;
    std::string assets;
};

/// Prints "reflect-kiosk: REASON" on stderr and returns 1.
int failWith(const std::string& reason);
/// This executable's own path (to find the assets installed beside it).
[[nodiscard]] std::filesystem::path exePath();
/// Opens (creating if needed) the database in a private folder, checks it and brings its schema up to date.
/// A damaged file is moved aside and replaced by the latest good backup or a fresh database (safe mode).
[[nodiscard]] core::Result<core::OpenedDatabase> openDatabase(const std::string& requested,
                                                              const std::string& backupDir, std::int64_t wallNowMs);
/// The admin's config: --config, else ~/.config/reflect-kiosk/config.toml if present; each bad field is one
/// line on stderr and keeps its default. Command-line flags win over the file.
[[nodiscard]] core::AppConfig readConfig(const std::string& requested);

}  // namespace reflect::cli
