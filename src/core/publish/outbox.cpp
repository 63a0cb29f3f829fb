// The outbox: the last published figures of each unit, so a publish sends only what changed.
#include "core/publish/outbox.hpp"

#include <map>
#include <set>

namespace reflect::core {

namespace {

// The outbox keeps its own tables (created on first use) rather than a schema step: a kiosk that never
// publishes carries nothing for it, and it holds only what a bundle already carries.
constexpr std::string_view kOutboxSchema = R"sql(
CREATE TABLE IF NOT EXISTS publish_outbox (
    unit_key TEXT PRIMARY KEY,
    figures  TEXT NOT NULL,
    revision INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS publish_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
)sql";

bool outboxExists(Database& db) {
    return db.queryInt("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'publish_state'") > 0;
}

/// A unit with the same key, group, format and month as `last` and every count zero.
UnitFigures emptied(const std::string& lastJson) {
    UnitFigures out;
    const auto json = nlohmann::json::parse(lastJson, nullptr, false);
    if (auto last = unitFromJson(json)) {
        out.key = last->key;
        out.group = last->group;
        out.format = last->format;
        out.month = last->month;
    }
    return out;
}

}  // namespace

std::int64_t lastPublishedRevision(Database& db) {
    if (!outboxExists(db)) return 0;
    return db.queryInt("SELECT COALESCE(MAX(revision), 0) FROM publish_state");
}

Result<std::optional<Bundle>> publishChanges(Database& db, const std::string& kioskKey, const PublishOptions& options,
                                             const std::function<Result<void>(const Bundle&)>& deliver) {
    Transaction tx(db);
    db.exec(kOutboxSchema);
    const std::int64_t last = lastPublishedRevision(db);
    std::map<std::string, std::string> published;
    {
        auto st = db.prepare("SELECT unit_key, figures FROM publish_outbox");
        while (st.step()) published.emplace(st.columnText(0), st.columnText(1));
    }
    Bundle bundle;
    bundle.kiosk = kioskKey;
    bundle.revision = last + 1;
    bundle.since = options.all ? 0 : last;
    std::map<std::string, std::string> changed;  // key -> figures as JSON text
    std::set<std::string> present;
    for (auto& unit : readUnits(db, options.units)) {
        std::string text = toJson(unit).dump();
        present.insert(unit.key);
        const auto found = published.find(unit.key);
        if (options.all || found == published.end() || found->second != text) {
            changed[unit.key] = std::move(text);
            bundle.units.push_back(std::move(unit));
        }
    }
    for (const auto& [key, text] : published) {
        if (present.count(key)) continue;
        UnitFigures gone = emptied(text);
        if (gone.key.empty()) continue;
        std::string emptyText = toJson(gone).dump();
        if (!options.all && emptyText == text) continue;
        changed[key] = std::move(emptyText);
        bundle.units.push_back(std::move(gone));
    }
    if (bundle.units.empty() && !options.all) return std::optional<Bundle>{};
    if (auto delivered = deliver(bundle); !delivered) return delivered.error();
    auto upsert = db.prepare(
        "INSERT INTO publish_outbox(unit_key, figures, revision) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(unit_key) DO UPDATE SET figures = excluded.figures, revision = excluded.revision");
    for (const auto& [key, text] : changed) {
        upsert.bind(1, key).bind(2, text).bind(3, bundle.revision);
        upsert.run();
        upsert.reset();
    }
    db.prepare("INSERT INTO publish_state(id, revision) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET revision = ?1")
        .bind(1, bundle.revision)
        .run();
    tx.commit();
    return std::optional<Bundle>{std::move(bundle)};
}

}  // namespace reflect::core
