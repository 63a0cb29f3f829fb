// Settings audit: the admin changes config.toml outside the kiosk, so the kiosk notices a change when it next
// starts and writes it to the audit log ("settings change", role "admin"), next to what leads did.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/config/app_config.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// The settings that govern what leads see, what stays private and how long data is kept, by their config.toml
/// names, with their values as text.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> auditedSettings(const AppConfig& config);

/// Compares the audited settings with those recorded at the last start, writes one audit entry per change
/// ("suppression_threshold: 7 -> 10") and remembers the new values, in one transaction. The first start only
/// remembers them. Returns how many changes were recorded.
[[nodiscard]] Result<int> auditSettingsChanges(Database& db, const Clock& clock, const AppConfig& config);

}  // namespace reflect::core
