// `publish --to DIR` and `publish --show-key`: the kiosk's signed bundle of aggregates for the trust-wide review.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "core/config/app_config.hpp"
#include "core/storage/database.hpp"

namespace reflect::cli {

struct PublishArgs {
    std::string to;        ///< folder the bundle is written into
    bool showKey = false;  ///< print the public key (made on first use) and write nothing else
    bool all = false;      ///< every unit again, for a trust that lost a bundle
};

/// The signing key lives in `dataDir` (the database's folder) as publish-key, mode 0600. Prints the bundle's path,
/// or that nothing changed since the last publish.
int publish(core::Database& db, const std::filesystem::path& dataDir, const PublishArgs& args,
            const core::AppConfig& config, std::ostream& out, std::ostream& err);

/// The key file's name inside the data folder.
[[nodiscard]] std::filesystem::path publishKeyFile(const std::filesystem::path& dataDir);

}  // namespace reflect::cli
