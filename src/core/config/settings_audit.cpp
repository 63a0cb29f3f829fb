#include "core/config/settings_audit.hpp"

#include <optional>

#include <fmt/format.h>

#include "core/review/audit_log.hpp"

namespace reflect::core {

std::vector<std::pair<std::string, std::string>> auditedSettings(const AppConfig& config) {
    return {
        {"reveal_minimum", std::to_string(config.revealMinimum)},
        {"suppression_threshold", std::to_string(config.suppressionThreshold)},
        {"draft_idle_seconds", std::to_string(config.draftIdleSeconds)},
        {"lock_idle_seconds", std::to_string(config.lockIdleSeconds)},
        {"retention_days", std::to_string(config.retentionDays)},
        {"backup_keep", std::to_string(config.backupKeep)},
        {"backup_dir", config.backupDir.empty() ? "(default)" : config.backupDir},
        {"templates_dir", config.templatesDir.empty() ? "(built-in)" : config.templatesDir},
        {"theme", config.theme == ThemeChoice::HighContrast ? "high-contrast" : "calm"},
    };
}

Result<int> auditSettingsChanges(Database& db, const Clock& clock, const AppConfig& config) {
    int changes = 0;
    try {
        Transaction tx(db);
        AuditLog log(db, clock);
        for (const auto& [name, value] : auditedSettings(config)) {
            const std::string key = "config." + name;
            std::optional<std::string> before;
            {
                auto st = db.prepare("SELECT value FROM settings WHERE key = ?");
                st.bind(1, key);
                if (st.step()) before = st.columnText(0);
            }
            if (before && *before == value) continue;
            if (before) {
                if (auto logged =
                        log.record("admin", "settings change", fmt::format("{}: {} -> {}", name, *before, value));
                    !logged)
                    return logged.error();
                ++changes;
            }
            db.prepare(
                  "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .bind(1, key)
                .bind(2, value)
                .run();
        }
        tx.commit();
    } catch (const SqliteError& e) {
        return fail(std::string("settings changes could not be recorded: ") + e.what());
    }
    return changes;
}

}  // namespace reflect::core
