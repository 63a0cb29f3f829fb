// A thin RAII layer over libpq (the C API) for the trust-side review: connection, result, transaction, COPY.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

struct pg_conn;
struct pg_result;

namespace reflect::trust {

/// The rows of one statement. Move-only; cleared in the destructor.
class PgResult {
public:
    explicit PgResult(pg_result* result) : m_result(result) {}
    [[nodiscard]] int rows() const;
    [[nodiscard]] std::string text(int row, int column) const;
    [[nodiscard]] std::int64_t integer(int row, int column) const;
    [[nodiscard]] double number(int row, int column) const;
    [[nodiscard]] bool isNull(int row, int column) const;
    [[nodiscard]] bool succeeded() const;  ///< a command or a query that worked
    [[nodiscard]] bool copyReady() const;  ///< the server waits for COPY data

private:
    struct Clear {
        void operator()(pg_result* result) const noexcept;
    };
    std::unique_ptr<pg_result, Clear> m_result;
};

using PgParams = std::vector<std::optional<std::string>>;

/// One connection. Move-only; closed in the destructor. Every failure comes back as a one-line Error.
class PgConnection {
public:
    [[nodiscard]] static core::Result<PgConnection> connect(const std::string& url);
    [[nodiscard]] core::Result<PgResult> exec(std::string_view sql, const PgParams& params = {});
    /// Runs `COPY ... FROM STDIN` with `data` in COPY's text format (see copyField).
    [[nodiscard]] core::Result<void> copyIn(std::string_view copySql, const std::string& data);

private:
    struct Finish {
        void operator()(pg_conn* conn) const noexcept;
    };
    explicit PgConnection(pg_conn* conn) : m_conn(conn) {}
    [[nodiscard]] core::Error lastError(std::string_view context) const;
    std::unique_ptr<pg_conn, Finish> m_conn;
};

/// BEGIN on begin(); ROLLBACK in the destructor unless commit() succeeded.
class PgTransaction {
public:
    [[nodiscard]] static core::Result<PgTransaction> begin(PgConnection& conn);
    PgTransaction(PgTransaction&& other) noexcept : m_conn(other.m_conn) { other.m_conn = nullptr; }
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    PgTransaction& operator=(PgTransaction&&) = delete;
    ~PgTransaction();
    [[nodiscard]] core::Result<void> commit();

private:
    explicit PgTransaction(PgConnection& conn) : m_conn(&conn) {}
    PgConnection* m_conn;
};

/// Appends one field in COPY text format (backslash, tab, newline and carriage return escaped) and its separator.
void copyField(std::string& line, std::string_view value, bool last = false);
void copyField(std::string& line, std::int64_t value, bool last = false);

}  // namespace reflect::trust
