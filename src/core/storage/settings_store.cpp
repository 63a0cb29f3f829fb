// SettingsStore implementation: one row per key, each write its own transaction.
#include "core/storage/settings_store.hpp"
#include "core/storage/write_transaction.hpp"

namespace reflect::core {

std::optional<std::string> SettingsStore::get(const std::string& key) const {
    auto stmt = m_db.prepare("SELECT value FROM settings WHERE key = ?");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return stmt.columnText(0);
}

Result<void> SettingsStore::set(const std::string& key, const std::string& value) {
    return writeTransaction(m_db, [&] {
        m_db.prepare(
                "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, key)
            .bind(2, value)
            .run();
    });
}

Result<void> SettingsStore::erase(const std::string& key) {
    return writeTransaction(m_db, [&] { m_db.prepare("DELETE FROM settings WHERE key = ?").bind(1, key).run(); });
}

}  // namespace reflect::core
