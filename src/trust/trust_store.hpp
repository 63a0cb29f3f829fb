// The trust's PostgreSQL store: schema, registered kiosks, and the import of signed bundles.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "trust/pg.hpp"

namespace reflect::trust {

/// Creates or upgrades the schema (each step in its own transaction; safe to run again).
[[nodiscard]] core::Result<int> migrateTrust(PgConnection& conn);

/// Registers a kiosk under a site name with the public key `publish --show-key` printed on it.
[[nodiscard]] core::Result<void> registerKiosk(PgConnection& conn, const std::string& name, const std::string& keyHex);

struct ImportOutcome {
    std::string site;
    std::int64_t revision = 0;
    std::int64_t units = 0;
    bool alreadyImported = false;  ///< the very same bundle was imported before: nothing changed
};
/// Verifies the bundle text against its kiosk's registered key and applies it in one transaction: the units it
/// carries replace that kiosk's earlier figures for the same units. Refuses unknown, tampered, replayed or older
/// bundles, and one that follows a revision the trust never received, each with one line saying which.
[[nodiscard]] core::Result<ImportOutcome> importBundle(PgConnection& conn, const std::string& fileText);

}  // namespace reflect::trust
