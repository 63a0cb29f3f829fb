// SettingsStore implementation: one row per key, each write its own transaction.
#include "core/storage/settings_store.hpp"

namespace reflect::core {

std::optional<std::string> SettingsStore::get(const std::string& key) const {
    auto stmt = m_db.prepare("SELECT value FROM settings WHERE key = ?");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return stmt.columnText(0);
}

Result<void> SettingsStore::set(const std::string& key, const std::string& value) {
    try {
        Transaction tx(m_db);
        m_db.prepare("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, key)
            .bind(2, value)
            .run();
        tx.commit();
        return ok();
    } catch (const SqliteError& e) {
        return fail(std::string("the setting could not be saved: ") + e.what());
    }
}

Result<void> SettingsStore::erase(const std::string& key) {
    try {
        Transaction tx(m_db);
        m_db.prepare("DELETE FROM settings WHERE key = ?").bind(1, key).run();
        tx.commit();
        return ok();
    } catch (const SqliteError& e) {
        return fail(std::string("the setting could not be removed: ") + e.what());
    }
}

}  // namespace reflect::core
