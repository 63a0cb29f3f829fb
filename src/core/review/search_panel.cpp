// The search panel: the full-text indexes and the search a lead types into.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace reflect::core {

using namespace review_query;

namespace {

/// True for a to-do row (search_dirty, named by `row`) of a contribution whose session has not ended yet.
std::string waitingContribution(std::string_view row) {
    return fmt::format(
        "EXISTS (SELECT 1 FROM contributions wc JOIN sessions ws ON ws.id = wc.session_id WHERE wc.id = {0}.id "
        "AND {0}.kind = 'c' AND ws.status <> 'ended')",
        row);
}

}  // namespace

std::int64_t syncSearchIndex(Database& db) {
    // A contribution is indexed only once its session has ended. The close and the end rewrite a session's
    // contributions under new keys, and FTS5 (SQLite 3.40 has no secure-delete option for it) keeps a deleted
    // row's key in its segments, as a tombstone beside the old entry, until a merge of every segment drops both:
    // an index that only ever sees the final keys has no old key to keep. Those rows wait in search_dirty.
    const std::string waiting = waitingContribution("d");
    const auto ready = db.queryInt("SELECT COUNT(*) FROM search_dirty d WHERE NOT " + waiting);
    if (ready == 0) return 0;
    Transaction tx(db);
    // A key that left the contributions table while it was in the index (an indexed session rewritten, a row
    // deleted): once it is deleted from the index, every segment is merged into one, so no trace of it is left.
    const auto gone = db.queryInt(
        "SELECT COUNT(*) FROM search_dirty d WHERE d.kind = 'c' AND NOT EXISTS (SELECT 1 FROM contributions c "
        "WHERE c.id = d.id) AND EXISTS (SELECT 1 FROM contributions_fts_docsize z WHERE z.id = d.id)");
    db.exec(fmt::format(R"sql(
DELETE FROM contributions_fts WHERE rowid IN (SELECT d.id FROM search_dirty d WHERE d.kind = 'c' AND NOT {0});
INSERT INTO contributions_fts(rowid, text, month)
    SELECT c.id, c.text, 'm' || strftime('%Y%m', s.started_at / 1000, 'unixepoch')
    FROM search_dirty d JOIN contributions c ON c.id = d.id JOIN sessions s ON s.id = c.session_id
    WHERE d.kind = 'c' AND s.status = 'ended' AND c.hidden = 0 AND c.purged = 0 AND c.text <> '';
DELETE FROM themes_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 't');
INSERT INTO themes_fts(rowid, name, month)
    SELECT t.id, t.name, 'm' || strftime('%Y%m', s.started_at / 1000, 'unixepoch')
    FROM search_dirty d JOIN themes t ON t.id = d.id JOIN sessions s ON s.id = t.session_id WHERE d.kind = 't';
DELETE FROM actions_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 'a');
INSERT INTO actions_fts(rowid, text, outcome, month)
    SELECT a.id, a.text, a.outcome, COALESCE('m' || strftime('%Y%m', s.started_at / 1000, 'unixepoch'), '')
    FROM search_dirty d JOIN actions a ON a.id = d.id LEFT JOIN sessions s ON s.id = a.session_id WHERE d.kind = 'a';
DELETE FROM search_dirty WHERE NOT {1};
)sql",
                        waiting, waitingContribution("search_dirty")));
    if (gone > 0) db.exec("INSERT INTO contributions_fts(contributions_fts) VALUES('optimize')");
    tx.commit();
    return ready;
}

std::string ftsQueryFor(std::string_view typed) {
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty() && words.size() < 8) words.push_back(word);
        word.clear();
    };
    for (const char ch : typed) {
        const auto u = static_cast<unsigned char>(ch);
        const bool wordChar = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
        if (wordChar && word.size() < 64)
            word.push_back(ch);
        else if (!wordChar)
            flush();
    }
    flush();
    std::string query;
    for (const auto& w : words) {
        if (!query.empty()) query += ' ';
        query += '"' + w + "\"*";  // a word holds no quote, so the quoting cannot be broken
    }
    return query;
}

std::vector<SearchHit> search(Database& db, std::string_view typed, const ReviewFilter& filter,
                              const ReviewSettings& settings, std::size_t limit) {
    const std::string query = ftsQueryFor(typed);
    std::vector<SearchHit> hits;
    if (query.empty() || limit == 0) return hits;
    syncSearchIndex(db);
    // The newest month in the filter's range: hits are shown newest first, so a search looks at the last month,
    // then the last 3, the last 12, then everything, and stops as soon as a window holds `limit` hits of a kind
    // (older months cannot displace them). A common word then never fetches its thousands of older matches, and
    // each match costs a check of the free-text rule.
    std::optional<std::int64_t> newest;
    {
        auto st = db.prepare("SELECT MAX(s.started_at) FROM sessions s WHERE " + std::string(kFilterWhere));
        bindFilter(st, filter);
        if (st.step() && !st.columnIsNull(0)) newest = st.columnInt(0);
    }
    if (!newest) return hits;
    const std::string newestMonth = monthOfMs(*newest);
    const auto monthTokens = [&](int months) {
        std::string tokens;
        for (int i = 0; i < months; ++i) {
            const std::string month = addMonths(newestMonth, -i);
            tokens += fmt::format("{}m{}{}", tokens.empty() ? "" : " OR ", month.substr(0, 4), month.substr(5, 2));
        }
        return tokens;
    };

    const std::string where(kFilterWhere);
    struct Kind {
        const char* name;
        const char* columns;  // the FTS columns a person's words are looked for in
        std::string sql;
    };
    // Hits carry the month and the group, never the date, and within a month they come in the order of their
    // random keys: a date or a run of hits from one session would give per-session counts away.
    const std::string freeText = freeTextSession(6, 8);
    const std::array<Kind, 3> kinds = {{
        {"contribution", "text",
         fmt::format("SELECT c.text, {0}, s.format, COALESCE(g.name, '') FROM contributions_fts f "
                     "JOIN contributions c ON c.id = f.rowid JOIN sessions s ON s.id = c.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE contributions_fts MATCH ?5 AND {1} "
                     "AND c.hidden = 0 AND c.purged = 0 AND {2} ORDER BY 2 DESC, c.id LIMIT ?7",
                     kSessionMonth, where, freeText)},
        {"theme", "name",
         fmt::format("SELECT t.name, {0}, s.format, COALESCE(g.name, '') FROM themes_fts f "
                     "JOIN themes t ON t.id = f.rowid JOIN sessions s ON s.id = t.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE themes_fts MATCH ?5 AND {1} "
                     "AND {2} ORDER BY 2 DESC, t.id LIMIT ?7",
                     kSessionMonth, where, freeText)},
        {"action", "{text outcome}",
         fmt::format("SELECT a.text, {0}, s.format, COALESCE(g.name, '') FROM actions_fts f "
                     "JOIN actions a ON a.id = f.rowid JOIN sessions s ON s.id = a.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE actions_fts MATCH ?5 AND {1} AND ?6 = ?6 "
                     "AND ?8 = ?8 ORDER BY 2 DESC, a.id LIMIT ?7",
                     kSessionMonth, where)},
    }};
    for (const auto& kind : kinds) {
        for (const int window : {1, 3, 12, 0}) {
            const std::string match =
                window == 0 ? fmt::format("{} : ({})", kind.columns, query)
                            : fmt::format("{} : ({}) AND month : ({})", kind.columns, query, monthTokens(window));
            std::vector<SearchHit> found;
            try {
                auto st = db.prepare(kind.sql);
                bindFilter(st, filter);
                st.bind(5, match).bind(6, settings.freeTextPeople).bind(7, static_cast<std::int64_t>(limit));
                st.bind(8, settings.freeTextMinimum);
                while (st.step())
                    found.push_back(
                        {kind.name, st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3)});
            } catch (const SqliteError&) {
                // The query is built so FTS5 cannot reject it; if it ever did, a search finds nothing rather than
                // failing.
                break;
            }
            if (found.size() >= limit || window == 0) {
                hits.insert(hits.end(), found.begin(), found.end());
                break;
            }
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.month > b.month; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace reflect::core
