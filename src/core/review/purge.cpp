#include "core/review/purge.hpp"

#include <fmt/format.h>

#include "core/review/audit_log.hpp"
#include "core/review/review.hpp"

namespace reflect::core {

Result<PurgeSummary> purgeOlderThan(Database& db, const Clock& clock, int days, std::string_view role) {
    if (days < 1 || days > 36500) return fail("--older-than must be between 1 and 36500 days");
    const std::int64_t cutoff = clock.wallNow() - static_cast<std::int64_t>(days) * 86'400'000;
    PurgeSummary summary;
    try {
        db.exec("PRAGMA secure_delete = ON");
        {
            Transaction tx(db);
            auto contributions = db.prepare(
                "UPDATE contributions SET text = '', purged = 1 WHERE purged = 0 AND session_id IN "
                "(SELECT id FROM sessions WHERE status = 'ended' AND started_at < ?)");
            contributions.bind(1, cutoff).run();
            summary.contributions = db.changes();
            auto comments = db.prepare(
                "UPDATE evaluations SET comment = '', purged = 1 WHERE purged = 0 AND session_id IN "
                "(SELECT id FROM sessions WHERE status = 'ended' AND started_at < ?)");
            comments.bind(1, cutoff).run();
            summary.comments = db.changes();
            // A set's presenter initials go with its old meetings; the actions keep only "Presenter A".
            auto initials = db.prepare(
                "DELETE FROM set_presenters WHERE session_id IN "
                "(SELECT id FROM sessions WHERE status = 'ended' AND started_at < ?)");
            initials.bind(1, cutoff).run();
            summary.initials = db.changes();
            AuditLog log(db, clock);
            if (auto logged = log.record(role, "purge",
                                         fmt::format("older than {} days: {} contribution texts, {} comments cleared",
                                                     days, summary.contributions, summary.comments));
                !logged)
                return logged.error();
            tx.commit();
        }
        if (summary.contributions == 0 && summary.comments == 0 && summary.initials == 0) return summary;
        // Take the cleared text out of the search index, then merge its segments so no old term survives.
        syncSearchIndex(db);
        db.exec("INSERT INTO contributions_fts(contributions_fts) VALUES('optimize')");
        if (db.path() != ":memory:" && !db.path().empty()) {
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            db.exec("VACUUM");
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    } catch (const SqliteError& e) {
        return fail(fmt::format("The purge did not finish: {}", e.what()));
    }
    return summary;
}

}  // namespace reflect::core
