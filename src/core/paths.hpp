// Paths: where the database and the data files live, and the private folder they need.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace reflect::core {

/// $XDG_DATA_HOME/reflect-kiosk/reflect.db, falling back to ~/.local/share/reflect-kiosk/reflect.db.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

/// Creates the folder (and parents) if missing and makes the last level private (0700).
[[nodiscard]] Result<void> ensurePrivateFolder(const std::filesystem::path& folder);

/// Makes an existing file private (0600). SQLite's -wal and -shm files inherit this through the umask.
[[nodiscard]] Result<void> makePrivateFile(const std::filesystem::path& file);

/// Finds the assets folder: the explicit one, else next to the binary (../share/reflect-kiosk), else the
/// source tree of a development build. Returns the first that holds templates/.
[[nodiscard]] Result<std::filesystem::path> findAssets(const std::string& explicitDir, const std::filesystem::path& exe,
                                                       const std::string& sourceFallback);

}  // namespace reflect::core
