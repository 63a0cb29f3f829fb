// Row shuffling: rewrites a session's anonymous rows in a fresh random order under new random keys, deleting the
// old rows first so the new cells reuse the old cells' space in an order that has nothing to do with the old one.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/storage/database.hpp"
#include "core/storage/random_key.hpp"

namespace reflect::core {

/// Fisher-Yates with the CSPRNG, so the new order is unpredictable and unrelated to the old one.
template <class T>
void shuffleSecurely(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = randomBelow(static_cast<std::uint32_t>(i));
        std::swap(items[i - 1], items[j]);
    }
}

/// Rows of one table copied into memory: every column except the key (or the parent key, for child rows).
struct RowSet {
    std::string table;
    std::string keyColumn;
    std::vector<std::string> columns;
    std::vector<std::vector<SqlValue>> rows;
};

/// The rows of `table` whose `whereColumn` equals `value`, each with its `keyColumn` value first (rows[i][0]),
/// then every other column, read from the schema so a later migration's columns are copied too.
/// `table` and the column names come from the code, never from typed text.
[[nodiscard]] RowSet readRows(Database& db, std::string_view table, std::string_view keyColumn,
                              std::string_view whereColumn, std::int64_t value);

/// Inserts rows[i] of `set` with `key` in place of its stored key. Returns false on a primary-key collision.
void insertRow(Database& db, const RowSet& set, std::size_t i, std::int64_t key);

/// Inserts rows[i] under a fresh random key, drawing again on the rare collision; returns the key.
[[nodiscard]] std::int64_t insertWithFreshKey(Database& db, const RowSet& set, std::size_t i);

}  // namespace reflect::core
