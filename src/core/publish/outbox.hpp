// The kiosk's outbox of aggregates: which units changed since the last publish, and the revision counter.
#pragma once

#include <functional>
#include <optional>

#include "core/publish/bundle.hpp"
#include "core/publish/unit_queries.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct PublishOptions {
    UnitQueryOptions units;
    bool all = false;  ///< every unit again (since = 0), for a trust that lost a bundle
};

/// Builds the next bundle from the units that changed since the last publish (a unit that vanished, say after
/// a purge of its sessions, goes out with every count zero), hands it to `deliver`, and only when that succeeds
/// records the units and the new revision, all in one transaction. Returns no bundle when nothing changed.
[[nodiscard]] Result<std::optional<Bundle>> publishChanges(Database& db, const std::string& kioskKey,
                                                           const PublishOptions& options,
                                                           const std::function<Result<void>(const Bundle&)>& deliver);

/// The revision of the last successful publish (0 before the first).
[[nodiscard]] std::int64_t lastPublishedRevision(Database& db);

}  // namespace reflect::core
