#include "core/review/audit_log.hpp"

namespace reflect::core {

Result<void> AuditLog::record(std::string_view role, std::string_view action, std::string_view detail) {
    try {
        m_db.prepare("INSERT INTO audit_log(at, role, action, detail) VALUES(?,?,?,?)")
            .bind(1, m_clock.wallNow())
            .bind(2, role)
            .bind(3, action)
            .bind(4, detail.substr(0, 200))
            .run();
    } catch (const SqliteError& e) {
        return fail(std::string("The audit log could not be written: ") + e.what());
    }
    return ok();
}

std::vector<AuditEntry> AuditLog::recent(std::size_t limit) const {
    auto st = m_db.prepare("SELECT at, role, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> out;
    while (st.step()) out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3)});
    return out;
}

}  // namespace reflect::core
