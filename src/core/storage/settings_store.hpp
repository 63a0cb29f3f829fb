// SettingsStore: small key/value settings kept in the database, so they survive power cuts with everything else.
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

class SettingsStore {
public:
    explicit SettingsStore(Database& db) : m_db(db) {}
    [[nodiscard]] std::optional<std::string> get(const std::string& key) const;
    [[nodiscard]] Result<void> set(const std::string& key, const std::string& value);
    [[nodiscard]] Result<void> erase(const std::string& key);

private:
    Database& m_db;
};

}  // namespace reflect::core
