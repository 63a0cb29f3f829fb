// Row shuffling implementation.
#include "core/storage/row_shuffle.hpp"

#include <fmt/format.h>

namespace reflect::core {

RowSet readRows(Database& db, std::string_view table, std::string_view keyColumn, std::string_view whereColumn,
                std::int64_t value) {
    RowSet set{std::string(table), std::string(keyColumn), {}, {}};
    {
        auto info = db.prepare(fmt::format("SELECT name FROM pragma_table_info('{}') ORDER BY cid", table));
        while (info.step())
            if (const std::string name = info.columnText(0); name != keyColumn) set.columns.push_back(name);
    }
    std::string select = fmt::format("SELECT {}", keyColumn);
    for (const auto& column : set.columns) select += ", " + column;
    auto stmt = db.prepare(fmt::format("{} FROM {} WHERE {} = ?", select, table, whereColumn));
    stmt.bind(1, value);
    const int width = static_cast<int>(set.columns.size()) + 1;
    while (stmt.step()) {
        std::vector<SqlValue> row;
        row.reserve(static_cast<std::size_t>(width));
        for (int c = 0; c < width; ++c) row.push_back(stmt.columnValue(c));
        set.rows.push_back(std::move(row));
    }
    return set;
}

void insertRow(Database& db, const RowSet& set, std::size_t i, std::int64_t key) {
    std::string names = set.keyColumn;
    std::string marks = "?";
    for (const auto& column : set.columns) {
        names += ", " + column;
        marks += ", ?";
    }
    auto stmt = db.prepare(fmt::format("INSERT INTO {}({}) VALUES({})", set.table, names, marks));
    stmt.bind(1, key);
    const auto& row = set.rows[i];
    for (std::size_t c = 1; c < row.size(); ++c) stmt.bind(static_cast<int>(c) + 1, row[c]);
    stmt.run();
}

std::int64_t insertWithFreshKey(Database& db, const RowSet& set, std::size_t i) {
    for (int attempt = 0;; ++attempt) {
        const std::int64_t key = randomKey();
        try {
            insertRow(db, set, i, key);
            return key;
        } catch (const SqliteError& e) {
            // A collision of two random 63-bit keys is vanishingly rare; if it happens, draw again.
            if (e.extendedCode() != 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */ || attempt > 3) throw;
        }
    }
}

}  // namespace reflect::core
