// libpq owners: every call's failure becomes one line a person can act on.
#include "trust/pg.hpp"

#include <libpq-fe.h>

#include <fmt/format.h>

namespace reflect::trust {

void PgResult::Clear::operator()(pg_result* result) const noexcept {
    PQclear(result);
}
int PgResult::rows() const {
    return PQntuples(m_result.get());
}
std::string PgResult::text(int row, int column) const {
    return PQgetvalue(m_result.get(), row, column);
}
std::int64_t PgResult::integer(int row, int column) const {
    return std::stoll(text(row, column));
}
double PgResult::number(int row, int column) const {
    return std::stod(text(row, column));
}
bool PgResult::isNull(int row, int column) const {
    return PQgetisnull(m_result.get(), row, column) == 1;
}
bool PgResult::succeeded() const {
    const auto status = PQresultStatus(m_result.get());
    return m_result && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK);
}
bool PgResult::copyReady() const {
    return m_result && PQresultStatus(m_result.get()) == PGRES_COPY_IN;
}

void PgConnection::Finish::operator()(pg_conn* conn) const noexcept {
    PQfinish(conn);
}

namespace {

/// The first line of a libpq message, without its trailing newline.
std::string firstLine(const char* message) {
    std::string text = message ? message : "";
    if (const auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
    return text;
}

}  // namespace

core::Error PgConnection::lastError(std::string_view context) const {
    return core::fail(fmt::format("{}: {}", context, firstLine(PQerrorMessage(m_conn.get()))));
}

core::Result<PgConnection> PgConnection::connect(const std::string& url) {
    PgConnection conn(PQconnectdb(url.c_str()));
    if (!conn.m_conn) return core::fail("cannot connect to the database (out of memory)");
    if (PQstatus(conn.m_conn.get()) != CONNECTION_OK) return conn.lastError("cannot connect to the database");
    // Notices (such as "relation already exists, skipping") are for a console, not for the one-line contract.
    PQsetNoticeProcessor(
        conn.m_conn.get(), [](void*, const char*) {}, nullptr);
    return conn;
}

core::Result<PgResult> PgConnection::exec(std::string_view sql, const PgParams& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const std::string text(sql);
    PgResult result(params.empty() ? PQexec(m_conn.get(), text.c_str())
                                   : PQexecParams(m_conn.get(), text.c_str(), static_cast<int>(params.size()), nullptr,
                                                  values.data(), nullptr, nullptr, 0));
    if (!result.succeeded()) return lastError("the database refused a query");
    return result;
}

core::Result<void> PgConnection::copyIn(std::string_view copySql, const std::string& data) {
    const std::string sql(copySql);
    {
        PgResult started(PQexec(m_conn.get(), sql.c_str()));
        if (!started.copyReady()) return lastError("the database refused to take the units");
    }
    if (PQputCopyData(m_conn.get(), data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(m_conn.get(), nullptr) != 1)
        return lastError("the units could not be sent");
    PgResult ended(PQgetResult(m_conn.get()));
    while (pg_result* extra = PQgetResult(m_conn.get())) PQclear(extra);
    if (!ended.succeeded()) return lastError("the database refused the units");
    return core::ok();
}

core::Result<PgTransaction> PgTransaction::begin(PgConnection& conn) {
    if (auto begun = conn.exec("BEGIN"); !begun) return begun.error();
    return PgTransaction(conn);
}

PgTransaction::~PgTransaction() {
    if (m_conn) (void)m_conn->exec("ROLLBACK");
}

core::Result<void> PgTransaction::commit() {
    auto done = m_conn->exec("COMMIT");
    m_conn = nullptr;
    if (!done) return done.error();
    return core::ok();
}

void copyField(std::string& line, std::string_view value, bool last) {
    for (char c : value) {
        switch (c) {
            case '\\':
                line += "\\\\";
                break;
            case '\t':
                line += "\\t";
                break;
            case '\n':
                line += "\\n";
                break;
            case '\r':
                line += "\\r";
                break;
            default:
                line += c;
        }
    }
    line += last ? '\n' : '\t';
}

void copyField(std::string& line, std::int64_t value, bool last) {
    copyField(line, std::to_string(value), last);
}

}  // namespace reflect::trust
