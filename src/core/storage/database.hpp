// Database, Statement, Transaction: the one thin RAII layer over sqlite3 that the whole product uses.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace reflect::core {

/// A SQLite failure, with the extended result code so callers can tell "disk full" from "corrupt".
class SqliteError : public std::runtime_error {
public:
    SqliteError(const std::string& what, int code, int extendedCode)
        : std::runtime_error(what), m_code(code), m_extendedCode(extendedCode) {}
    [[nodiscard]] int code() const noexcept { return m_code; }
    [[nodiscard]] int extendedCode() const noexcept { return m_extendedCode; }

private:
    int m_code;
    int m_extendedCode;
};

class Database;

/// Raw bytes, kept apart from text so a copied value keeps its SQLite type.
struct SqlBlob {
    std::string bytes;
};
/// One column value of any SQLite type, for code that copies rows without knowing their columns.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, SqlBlob>;

/// A prepared statement. Move-only; finalised in the destructor. Binding indexes start at 1.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() = default;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind(int index, const SqlValue& value);

    /// Advances to the next row; false when done. Throws SqliteError on failure.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    [[nodiscard]] std::int64_t columnInt(int index) const;
    [[nodiscard]] double columnDouble(int index) const;
    [[nodiscard]] std::string columnText(int index) const;
    [[nodiscard]] bool columnIsNull(int index) const;
    [[nodiscard]] std::optional<std::int64_t> columnOptionalInt(int index) const;
    [[nodiscard]] std::optional<std::string> columnOptionalText(int index) const;
    /// The column with its own type (NULL, integer, real, text or blob).
    [[nodiscard]] SqlValue columnValue(int index) const;

private:
    struct Finaliser {
        void operator()(sqlite3_stmt* stmt) const noexcept;
    };
    Database* m_db;
    std::unique_ptr<sqlite3_stmt, Finaliser> m_stmt;
};

/// How the file is opened. The defaults are the shipped durability settings.
struct OpenOptions {
    bool create = true;
    bool readOnly = false;
    /// FULL syncs the WAL at every commit, so a power cut cannot undo an acknowledged write.
    std::string synchronous = "FULL";
    /// Name of a registered VFS (tests use one that simulates power loss); empty = default.
    std::string vfs;
};

/// One connection to one SQLite file (or ":memory:"); closed in the destructor. Neither copyable nor movable:
/// every Statement keeps a pointer to its Database, so a moved Database would leave them pointing at nothing.
/// Hold one in a std::unique_ptr (or emplace it in place) to pass it around. Not thread-safe: the kiosk uses one
/// connection on its one thread.
class Database {
public:
    /// The page cache every connection gets, in KiB (SQLite's default is 2 MiB): the lead review reads a year
    /// of sessions again on every refresh, and keeping those pages costs far less than the screen's fonts.
    static constexpr int kCacheKiB = 16384;
    explicit Database(const std::string& path, const OpenOptions& options = {});
    Database(Database&&) = delete;
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database() = default;

    /// Runs one or more statements with no parameters and no rows.
    void exec(std::string_view sql);
    [[nodiscard]] Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    /// A single integer from a one-row query such as "PRAGMA user_version".
    [[nodiscard]] std::int64_t queryInt(std::string_view sql);
    [[nodiscard]] std::string queryText(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    /// "ok" when PRAGMA quick_check (or integrity_check) finds nothing wrong; else the first problem.
    [[nodiscard]] std::string quickCheck();
    [[nodiscard]] std::string integrityCheck();

    [[nodiscard]] sqlite3* handle() const noexcept { return m_db.get(); }
    [[noreturn]] void throwError(std::string_view context) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const noexcept;
    };
    std::string m_path;
    std::unique_ptr<sqlite3, Closer> m_db;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() returned.
/// IMMEDIATE takes the write lock up front, so "busy" surfaces at BEGIN rather than half-way through.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    /// Throws SqliteError if COMMIT fails; the transaction is then rolled back by the destructor.
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

}  // namespace reflect::core
