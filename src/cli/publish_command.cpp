// The publish subcommand: key handling, the bundle file written whole or not at all.
#include "cli/publish_command.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <ostream>

#include <fmt/format.h>

#include "core/publish/outbox.hpp"

namespace reflect::cli {

namespace {

/// Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a bundle.
core::Result<void> writeWhole(const std::filesystem::path& file, const std::string& text) {
    const std::filesystem::path temp = file.string() + ".part";
    const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return core::fail(fmt::format("cannot write into {} (does the folder exist and is it writable?)",
                                      file.parent_path().string()));
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = write(fd, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool synced = done == text.size() && fsync(fd) == 0;
    close(fd);
    std::error_code ec;
    if (!synced) {
        std::filesystem::remove(temp, ec);
        return core::fail(fmt::format("cannot write {} (is the disk full?)", file.string()));
    }
    std::filesystem::rename(temp, file, ec);
    if (ec) return core::fail(fmt::format("cannot write {}: {}", file.string(), ec.message()));
    return core::ok();
}

}  // namespace

std::filesystem::path publishKeyFile(const std::filesystem::path& dataDir) {
    return dataDir / "publish-key";
}

int publish(core::Database& db, const std::filesystem::path& dataDir, const PublishArgs& args,
            const core::AppConfig& config, std::ostream& out, std::ostream& err) {
    if (!args.showKey && args.to.empty()) {
        err << "reflect-kiosk: publish needs --to DIR or --show-key\n";
        return 2;
    }
    auto key = core::SigningKey::loadOrCreate(publishKeyFile(dataDir));
    if (!key) {
        err << "reflect-kiosk: " << key.error().message << '\n';
        return 1;
    }
    if (args.showKey) {
        out << key->publicHex() << '\n';
        return 0;
    }
    const std::filesystem::path dir = args.to;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        err << "reflect-kiosk: " << dir.string() << " is not a folder (make it or mount the USB stick first)\n";
        return 1;
    }
    core::PublishOptions options;
    options.units.themeNames = config.publishThemeNames;
    options.all = args.all;
    std::filesystem::path written;
    try {
        auto published = core::publishChanges(db, key->publicHex(), options, [&](const core::Bundle& bundle) {
            written = dir / fmt::format("reflect-{}-r{:06}.bundle", key->publicHex().substr(0, 12), bundle.revision);
            return writeWhole(written, core::writeBundle(bundle, *key));
        });
        if (!published) {
            err << "reflect-kiosk: " << published.error().message << '\n';
            return 1;
        }
        if (!published->has_value()) {
            out << "Nothing changed since revision " << core::lastPublishedRevision(db) << "; no bundle written.\n";
            return 0;
        }
        out << written.string() << '\n';
        return 0;
    } catch (const core::SqliteError& e) {
        err << "reflect-kiosk: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace reflect::cli
