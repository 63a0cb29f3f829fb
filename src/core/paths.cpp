// Paths implementation.
#include "core/paths.hpp"

#include <cstdlib>
#include <system_error>

#include <fmt/format.h>

namespace reflect::core {

namespace fs = std::filesystem;

fs::path defaultDatabasePath() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    fs::path base;
    if (xdg && *xdg == '/')
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::current_path();
    return base / "reflect-kiosk" / "reflect.db";
}

Result<void> ensurePrivateFolder(const fs::path& folder) {
    std::error_code ec;
    if (folder.empty()) return ok();
    const bool existed = fs::exists(folder, ec);
    fs::create_directories(folder, ec);
    if (ec) return fail(fmt::format("cannot create the folder {}: {}", folder.string(), ec.message()));
    // A shared folder such as /tmp (sticky, writable by all) is not ours to close to everyone else: there the
    // database file itself is kept 0600 (makePrivateFile) and the folder is left as it is.
    if (existed && (fs::status(folder, ec).permissions() & fs::perms::sticky_bit) != fs::perms::none) return ok();
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) return fail(fmt::format("cannot make {} private: {}", folder.string(), ec.message()));
    return ok();
}

Result<void> makePrivateFile(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return ok();
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    if (ec) return fail(fmt::format("cannot make {} private: {}", file.string(), ec.message()));
    return ok();
}

Result<fs::path> findAssets(const std::string& explicitDir, const fs::path& exe, const std::string& sourceFallback) {
    std::error_code ec;
    auto usable = [&](const fs::path& p) { return !p.empty() && fs::is_directory(p / "templates", ec); };
    if (!explicitDir.empty()) {
        if (usable(explicitDir)) return fs::path(explicitDir);
        return fail(fmt::format("{} has no templates folder", explicitDir));
    }
    if (!exe.empty()) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "reflect-kiosk";
        if (usable(installed)) return installed;
    }
    if (usable(sourceFallback)) return fs::path(sourceFallback);
    return fail("cannot find the kiosk's data files (templates, strings); pass --assets DIR");
}

}  // namespace reflect::core
