// Database, Statement, Transaction: implementation over the SQLite C API.
#include "core/storage/database.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace reflect::core {

void Database::Closer::operator()(sqlite3* db) const noexcept {
    // close_v2 defers the close until every statement is finalised, so a destructor never fails.
    sqlite3_close_v2(db);
}

Database::Database(const std::string& path, const OpenOptions& options) : m_path(path) {
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly) flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, options.vfs.empty() ? nullptr : options.vfs.c_str());
    m_db.reset(raw);  // owned before any throw, so a failed open is still closed
    if (rc != SQLITE_OK) {
        const std::string message = raw ? sqlite3_errmsg(raw) : "out of memory";
        const int extended = raw ? sqlite3_extended_errcode(raw) : rc;
        m_db.reset();
        throw SqliteError(fmt::format("cannot open {}: {}", path, message), rc, extended);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    // Defensive mode refuses writes that could corrupt the file through SQL (writable_schema and friends).
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // One text value may hold at most ~1 MB; contributions are capped far below in the core.
    sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, 4'000'000);
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA secure_delete=ON");
    exec(fmt::format("PRAGMA cache_size=-{}", kCacheKiB));
    if (!options.readOnly && path != ":memory:" && !path.empty()) {
        const std::string mode = queryText("PRAGMA journal_mode=WAL");
        if (mode != "wal") throw SqliteError(fmt::format("{}: WAL mode refused (got {})", path, mode), SQLITE_ERROR, 0);
    }
    if (options.synchronous != "FULL" && options.synchronous != "NORMAL" && options.synchronous != "EXTRA" &&
        options.synchronous != "OFF")
        throw SqliteError("bad synchronous setting", SQLITE_MISUSE, SQLITE_MISUSE);
    exec(fmt::format("PRAGMA synchronous={}", options.synchronous));
}

void Database::throwError(std::string_view context) const {
    sqlite3* db = m_db.get();
    throw SqliteError(fmt::format("{}: {}", context, db ? sqlite3_errmsg(db) : "no database"),
                      db ? sqlite3_errcode(db) : SQLITE_MISUSE, db ? sqlite3_extended_errcode(db) : SQLITE_MISUSE);
}

void Database::exec(std::string_view sql) {
    const std::string owned(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db.get(), owned.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqliteError(message, rc & 0xff, sqlite3_extended_errcode(m_db.get()));
    }
}

std::int64_t Database::queryInt(std::string_view sql) {
    Statement stmt(*this, sql);
    if (!stmt.step()) throw SqliteError("query returned no row", SQLITE_ERROR, SQLITE_ERROR);
    return stmt.columnInt(0);
}

std::string Database::queryText(std::string_view sql) {
    Statement stmt(*this, sql);
    if (!stmt.step()) throw SqliteError("query returned no row", SQLITE_ERROR, SQLITE_ERROR);
    return stmt.columnText(0);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db.get());
}
int Database::changes() const {
    return sqlite3_changes(m_db.get());
}

std::string Database::quickCheck() {
    return queryText("PRAGMA quick_check(1)");
}
std::string Database::integrityCheck() {
    return queryText("PRAGMA integrity_check(1)");
}

void Statement::Finaliser::operator()(sqlite3_stmt* stmt) const noexcept {
    sqlite3_finalize(stmt);
}

Statement::Statement(Database& db, std::string_view sql) : m_db(&db) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    m_stmt.reset(raw);
    if (rc != SQLITE_OK) db.throwError(fmt::format("prepare \"{}\"", sql.substr(0, 60)));
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_stmt.get(), index, value) != SQLITE_OK) m_db->throwError("bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_stmt.get(), index, value) != SQLITE_OK) m_db->throwError("bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's buffer may go away at once.
    if (sqlite3_bind_text64(m_stmt.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        m_db->throwError("bind");
    return *this;
}
Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(m_stmt.get(), index) != SQLITE_OK) m_db->throwError("bind");
    return *this;
}
Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bindNull(index);
}
Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bindNull(index);
}

Statement& Statement::bind(int index, const SqlValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return bind(index, *i);
    if (const auto* d = std::get_if<double>(&value)) return bind(index, *d);
    if (const auto* t = std::get_if<std::string>(&value)) return bind(index, std::string_view(*t));
    if (const auto* b = std::get_if<SqlBlob>(&value)) {
        if (sqlite3_bind_blob64(m_stmt.get(), index, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
            m_db->throwError("bind");
        return *this;
    }
    return bindNull(index);
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(m_stmt.get());
    m_db->throwError("step");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

std::int64_t Statement::columnInt(int index) const {
    return sqlite3_column_int64(m_stmt.get(), index);
}
double Statement::columnDouble(int index) const {
    return sqlite3_column_double(m_stmt.get(), index);
}
std::string Statement::columnText(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), index));
    const int size = sqlite3_column_bytes(m_stmt.get(), index);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}
bool Statement::columnIsNull(int index) const {
    return sqlite3_column_type(m_stmt.get(), index) == SQLITE_NULL;
}
std::optional<std::int64_t> Statement::columnOptionalInt(int index) const {
    if (columnIsNull(index)) return std::nullopt;
    return columnInt(index);
}
SqlValue Statement::columnValue(int index) const {
    switch (sqlite3_column_type(m_stmt.get(), index)) {
        case SQLITE_INTEGER:
            return columnInt(index);
        case SQLITE_FLOAT:
            return columnDouble(index);
        case SQLITE_TEXT:
            return columnText(index);
        case SQLITE_BLOB: {
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_stmt.get(), index));
            const int size = sqlite3_column_bytes(m_stmt.get(), index);
            return SqlBlob{bytes ? std::string(bytes, static_cast<std::size_t>(size)) : std::string()};
        }
        default:
            return std::monostate{};
    }
}
std::optional<std::string> Statement::columnOptionalText(int index) const {
    if (columnIsNull(index)) return std::nullopt;
    return columnText(index);
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_done) return;
    // A failed ROLLBACK (the connection already rolled back after an I/O error) is harmless here.
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

}  // namespace reflect::core
