#include "core/review/review.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include <fmt/format.h>

namespace reflect::core {

namespace {

/// The SQL for the fixed period that a moment (`arg`, any SQLite date-time argument list) falls in.
/// Only ever built from constants in this file, never from input.
std::string periodOf(PeriodKind kind, std::string_view arg) {
    switch (kind) {
        case PeriodKind::Month: return fmt::format("strftime('%Y-%m', {})", arg);
        case PeriodKind::Quarter:
            return fmt::format("(strftime('%Y', {0}) || '-Q' || ((CAST(strftime('%m', {0}) AS INTEGER) + 2) / 3))", arg);
        case PeriodKind::Year: return fmt::format("strftime('%Y', {})", arg);
    }
    return {};
}

std::string sessionPeriod(PeriodKind kind) { return periodOf(kind, "s.started_at / 1000, 'unixepoch'"); }

/// The WHERE clause every query shares; parameters ?1..?4 are from, to, group and format (NULL = any).
/// Comparing period keys (not dates) is what widens a custom range to whole periods.
std::string filterWhere(PeriodKind kind) {
    const std::string p = sessionPeriod(kind);
    return fmt::format("s.status = 'ended' AND (?1 IS NULL OR {0} >= {1}) AND (?2 IS NULL OR {0} <= {2}) "
                       "AND (?3 IS NULL OR s.group_id = ?3) AND (?4 IS NULL OR s.format = ?4)",
                       p, periodOf(kind, "?1"), periodOf(kind, "?2"));
}

void bindFilter(Statement& st, const ReviewFilter& f) {
    if (f.from && isIsoDate(*f.from)) st.bind(1, *f.from);
    else st.bindNull(1);
    if (f.to && isIsoDate(*f.to)) st.bind(2, *f.to);
    else st.bindNull(2);
    st.bind(3, f.groupId);
    st.bind(4, f.format);
}

/// A CTE "fs" of the sessions the filter selects, each with its period computed once.
std::string withFiltered(PeriodKind kind) {
    return fmt::format("WITH fs AS MATERIALIZED (SELECT s.id, s.group_id, s.format, s.started_at, {} AS period "
                       "FROM sessions s WHERE {}) ",
                       sessionPeriod(kind), filterWhere(kind));
}

std::string sessionDate() { return "date(s.started_at / 1000, 'unixepoch')"; }

}  // namespace

const char* periodKindName(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::Month: return "month";
        case PeriodKind::Quarter: return "quarter";
        case PeriodKind::Year: return "year";
    }
    return "month";
}

std::optional<PeriodKind> parsePeriodKind(std::string_view text) {
    if (text == "month") return PeriodKind::Month;
    if (text == "quarter") return PeriodKind::Quarter;
    if (text == "year") return PeriodKind::Year;
    return std::nullopt;
}


std::string Cell::text() const { return suppressed ? "*" : std::to_string(value); }

Cell primaryCell(std::int64_t count, int threshold) { return Cell{count, count >= 1 && count <= threshold}; }

Cell sumCells(const std::vector<Cell>& parts) {
    Cell total;
    for (const auto& p : parts) {
        total.value += p.value;
        total.suppressed = total.suppressed || p.suppressed;
    }
    if (total.suppressed) total.value = 0;
    return total;
}

std::vector<GroupInfo> listGroups(Database& db) {
    std::vector<GroupInfo> out;
    auto st = db.prepare("SELECT id, name, format FROM groups WHERE archived = 0 ORDER BY name");
    while (st.step()) out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2)});
    return out;
}

SessionsOverTime sessionsOverTime(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    auto st = db.prepare(withFiltered(filter.period) +
                         "SELECT fs.period, COUNT(*), SUM(COALESCE(s.attendance, 0)), "
                         "SUM((SELECT COUNT(*) FROM contributions c WHERE c.session_id = s.id)), "
                         "SUM((SELECT COUNT(*) FROM evaluations e WHERE e.session_id = s.id)) "
                         "FROM fs JOIN sessions s ON s.id = fs.id GROUP BY 1 ORDER BY 1");
    bindFilter(st, filter);
    SessionsOverTime out;
    std::vector<Cell> attendance, contributions, evaluations;
    while (st.step()) {
        SessionsRow row;
        row.period = st.columnText(0);
        row.sessions = st.columnInt(1);
        row.attendance = Cell{st.columnInt(2), false};  // a head count the facilitator records, not a response
        row.contributions = primaryCell(st.columnInt(3), settings.suppressionThreshold);
        row.evaluations = primaryCell(st.columnInt(4), settings.suppressionThreshold);
        out.total.sessions += row.sessions;
        attendance.push_back(row.attendance);
        contributions.push_back(row.contributions);
        evaluations.push_back(row.evaluations);
        out.rows.push_back(std::move(row));
    }
    out.total.period = "Total";
    out.total.attendance = sumCells(attendance);
    out.total.contributions = sumCells(contributions);
    out.total.evaluations = sumCells(evaluations);
    return out;
}

std::vector<RecurringTag> recurringTags(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    ReviewFilter upToEnd = filter;
    upToEnd.from.reset();
    auto st = db.prepare(fmt::format(
        "SELECT g.name, tt.tag, COUNT(DISTINCT x.id) FROM ("
        "  SELECT s.id, s.group_id, ROW_NUMBER() OVER (PARTITION BY s.group_id ORDER BY s.started_at DESC) AS rn "
        "  FROM sessions s WHERE {} AND s.group_id IS NOT NULL) x "
        "JOIN groups g ON g.id = x.group_id JOIN themes t ON t.session_id = x.id "
        "JOIN theme_tags tt ON tt.theme_id = t.id "
        "WHERE x.rn <= ?5 GROUP BY x.group_id, tt.tag HAVING COUNT(DISTINCT x.id) >= ?6 ORDER BY g.name, 3 DESC, 2",
        filterWhere(filter.period)));
    bindFilter(st, upToEnd);
    st.bind(5, settings.recurringWindow).bind(6, settings.recurringMinimum);
    std::vector<RecurringTag> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), static_cast<int>(st.columnInt(2)), settings.recurringWindow});
    return out;
}

TagTable themesByTag(Database& db, const Codebook& codebook, const ReviewFilter& filter, const ReviewSettings& settings) {
    TagTable table;
    {
        auto st = db.prepare(fmt::format("SELECT DISTINCT {} FROM sessions s WHERE {} ORDER BY 1",
                                         sessionPeriod(filter.period), filterWhere(filter.period)));
        bindFilter(st, filter);
        while (st.step()) table.periods.push_back(st.columnText(0));
    }
    std::map<std::string, std::size_t> periodIndex;
    for (std::size_t i = 0; i < table.periods.size(); ++i) periodIndex[table.periods[i]] = i;

    auto st = db.prepare(withFiltered(filter.period) +
                         "SELECT tt.tag, fs.period, SUM((SELECT COUNT(*) FROM theme_cards tc WHERE tc.theme_id = t.id)), "
                         "COUNT(DISTINCT fs.id) FROM fs JOIN themes t ON t.session_id = fs.id "
                         "JOIN theme_tags tt ON tt.theme_id = t.id GROUP BY 1, 2");
    bindFilter(st, filter);
    std::map<std::string, TagRow> rows;
    while (st.step()) {
        const std::string tag = st.columnText(0);
        auto& row = rows[tag];
        if (row.tag.empty()) {
            row.tag = tag;
            row.name = codebook.nameOf(tag);
            row.perPeriod.assign(table.periods.size(), Cell{});
        }
        const auto it = periodIndex.find(st.columnText(1));
        if (it == periodIndex.end()) continue;
        row.perPeriod[it->second] = primaryCell(st.columnInt(2), settings.suppressionThreshold);
        row.sessions += st.columnInt(3);
    }
    std::set<std::string> recurring;
    for (const auto& r : recurringTags(db, filter, settings)) recurring.insert(r.tag);
    for (auto& [tag, row] : rows) {
        row.total = sumCells(row.perPeriod);
        row.recurring = recurring.count(tag) > 0;
        table.rows.push_back(std::move(row));
    }
    std::stable_sort(table.rows.begin(), table.rows.end(), [](const TagRow& a, const TagRow& b) {
        if (a.total.suppressed != b.total.suppressed) return !a.total.suppressed;
        if (a.total.value != b.total.value) return a.total.value > b.total.value;
        return a.sessions > b.sessions;
    });
    return table;
}

std::vector<TagPair> tagPairs(Database& db, const ReviewFilter& filter, std::size_t limit) {
    auto st = db.prepare(withFiltered(filter.period) +
                         ", st AS MATERIALIZED (SELECT DISTINCT t.session_id AS sid, tt.tag AS tag FROM fs "
                         "  JOIN themes t ON t.session_id = fs.id JOIN theme_tags tt ON tt.theme_id = t.id) "
                         "SELECT a.tag, b.tag, COUNT(*) FROM st a JOIN st b ON a.sid = b.sid AND a.tag < b.tag "
                         "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?5");
    bindFilter(st, filter);
    st.bind(5, static_cast<std::int64_t>(limit));
    std::vector<TagPair> out;
    while (st.step()) out.push_back({st.columnText(0), st.columnText(1), st.columnInt(2)});
    return out;
}

std::int64_t syncSearchIndex(Database& db) {
    const auto dirty = db.queryInt("SELECT COUNT(*) FROM search_dirty");
    if (dirty == 0) return 0;
    Transaction tx(db);
    db.exec(R"sql(
DELETE FROM contributions_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 'c');
INSERT INTO contributions_fts(rowid, text)
    SELECT c.id, c.text FROM search_dirty d JOIN contributions c ON c.id = d.id
    WHERE d.kind = 'c' AND c.hidden = 0 AND c.purged = 0 AND c.text <> '';
DELETE FROM themes_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 't');
INSERT INTO themes_fts(rowid, name)
    SELECT t.id, t.name FROM search_dirty d JOIN themes t ON t.id = d.id WHERE d.kind = 't';
DELETE FROM actions_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 'a');
INSERT INTO actions_fts(rowid, text, outcome)
    SELECT a.id, a.text, a.outcome FROM search_dirty d JOIN actions a ON a.id = d.id WHERE d.kind = 'a';
DELETE FROM search_dirty;
)sql");
    tx.commit();
    return dirty;
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
        if (wordChar && word.size() < 64) word.push_back(ch);
        else if (!wordChar) flush();
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
    if (query.empty()) return hits;
    syncSearchIndex(db);
    const std::string where = filterWhere(filter.period);
    const std::string enough =
        "(SELECT COUNT(*) FROM contributions c2 WHERE c2.session_id = s.id) >= ?6";
    const std::array<std::pair<const char*, std::string>, 3> queries = {{
        {"contribution",
         fmt::format("SELECT c.text, {0}, s.format, COALESCE(g.name, '') FROM contributions_fts f "
                     "JOIN contributions c ON c.id = f.rowid JOIN sessions s ON s.id = c.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE contributions_fts MATCH ?5 AND {1} "
                     "AND c.hidden = 0 AND c.purged = 0 AND {2} ORDER BY s.started_at DESC, c.id LIMIT ?7",
                     sessionDate(), where, enough)},
        {"theme",
         fmt::format("SELECT t.name, {0}, s.format, COALESCE(g.name, '') FROM themes_fts f "
                     "JOIN themes t ON t.id = f.rowid JOIN sessions s ON s.id = t.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE themes_fts MATCH ?5 AND {1} AND {2} "
                     "ORDER BY s.started_at DESC, t.id LIMIT ?7",
                     sessionDate(), where, enough)},
        {"action",
         fmt::format("SELECT a.text, {0}, s.format, COALESCE(g.name, '') FROM actions_fts f "
                     "JOIN actions a ON a.id = f.rowid JOIN sessions s ON s.id = a.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE actions_fts MATCH ?5 AND {1} AND ?6 = ?6 "
                     "ORDER BY s.started_at DESC, a.id LIMIT ?7",
                     sessionDate(), where)},
    }};
    for (const auto& [kind, sql] : queries) {
        try {
            auto st = db.prepare(sql);
            bindFilter(st, filter);
            st.bind(5, query).bind(6, settings.freeTextMinimum).bind(7, static_cast<std::int64_t>(limit));
            while (st.step()) hits.push_back({kind, st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3)});
        } catch (const SqliteError&) {
            // The query is built so FTS5 cannot reject it; if it ever did, a search finds nothing rather than failing.
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.date > b.date; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

double ActionsRow::completionRate() const {
    const auto all = open + inProgress + done + dropped;
    return all == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(all);
}

std::vector<ActionsRow> actionsByGroup(Database& db, const ReviewFilter& filter, const std::string& today) {
    auto st = db.prepare(fmt::format(
        "SELECT COALESCE(g.name, ''), SUM(a.status = 'open'), SUM(a.status = 'in_progress'), "
        "SUM(a.status IN ('open', 'in_progress') AND a.due_date IS NOT NULL AND a.due_date < ?5), "
        "SUM(a.status = 'done'), SUM(a.status = 'dropped') "
        "FROM actions a JOIN sessions s ON s.id = a.session_id LEFT JOIN groups g ON g.id = a.group_id "
        "WHERE {} GROUP BY a.group_id ORDER BY 1",
        filterWhere(filter.period)));
    bindFilter(st, filter);
    st.bind(5, today);
    std::vector<ActionsRow> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnInt(1), st.columnInt(2), st.columnInt(3), st.columnInt(4), st.columnInt(5)});
    return out;
}

std::vector<ActionLine> actionList(Database& db, const ReviewFilter& filter, bool openOnly) {
    auto st = db.prepare(fmt::format(
        "SELECT COALESCE(g.name, ''), {0}, a.status, COALESCE(a.due_date, ''), a.text, a.outcome "
        "FROM actions a JOIN sessions s ON s.id = a.session_id LEFT JOIN groups g ON g.id = a.group_id "
        "WHERE {1} AND (?5 = 0 OR a.status IN ('open', 'in_progress')) ORDER BY a.due_date, 1, a.id",
        sessionDate(), filterWhere(filter.period)));
    bindFilter(st, filter);
    st.bind(5, openOnly ? 1 : 0);
    std::vector<ActionLine> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4),
                       st.columnText(5)});
    return out;
}

std::vector<StatementRow> evaluationsByStatement(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    auto st = db.prepare(withFiltered(filter.period) +
                         "SELECT fs.period, t.statement_index, MIN(t.statement), SUM(t.n1), SUM(t.n2), SUM(t.n3), "
                         "SUM(t.n4), SUM(t.n5) FROM fs JOIN evaluation_tally t ON t.session_id = fs.id "
                         "GROUP BY 1, 2 ORDER BY 1, 2");
    bindFilter(st, filter);
    std::map<std::pair<std::string, int>, StatementRow> rows;
    std::map<std::pair<std::string, int>, std::array<std::int64_t, 5>> counts;
    while (st.step()) {
        const std::pair<std::string, int> key{st.columnText(0), static_cast<int>(st.columnInt(1))};
        auto& row = rows[key];
        row.period = key.first;
        row.statementIndex = key.second;
        row.statement = st.columnText(2);
        for (int v = 0; v < 5; ++v) counts[key][static_cast<std::size_t>(v)] = st.columnInt(3 + v);
    }
    const int threshold = settings.suppressionThreshold;
    std::vector<StatementRow> out;
    for (auto& [key, row] : rows) {
        const auto& c = counts[key];
        std::int64_t n = 0, weighted = 0;
        row.distribution.clear();
        for (std::size_t v = 0; v < 5; ++v) {
            n += c[v];
            weighted += c[v] * static_cast<std::int64_t>(v + 1);
            row.distribution.push_back(primaryCell(c[v], threshold));
        }
        row.answers = primaryCell(n, threshold);
        // Secondary suppression: with the row total shown, a lone '*' could be worked out by subtraction,
        // so the smallest other non-zero cell is hidden too (or the total, when there is none).
        const auto hiddenCount = std::count_if(row.distribution.begin(), row.distribution.end(),
                                               [](const Cell& cell) { return cell.suppressed; });
        if (hiddenCount == 1 && !row.answers.suppressed) {
            Cell* smallest = nullptr;
            for (auto& cell : row.distribution)
                if (!cell.suppressed && cell.value > 0 && (!smallest || cell.value < smallest->value)) smallest = &cell;
            if (smallest) smallest->suppressed = true;
            else row.answers.suppressed = true;
        }
        for (auto& cell : row.distribution)
            if (cell.suppressed) cell.value = 0;
        // A mean together with the counts is a second equation: it could pin down two hidden cells, so it is
        // only given when no cell of the distribution is hidden.
        const bool anyHidden = std::any_of(row.distribution.begin(), row.distribution.end(),
                                           [](const Cell& cell) { return cell.suppressed; });
        if (n > 0 && !row.answers.suppressed && !anyHidden) row.mean = static_cast<double>(weighted) / static_cast<double>(n);
        if (row.answers.suppressed) row.answers.value = 0;
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<TimingRow> timingByStage(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(withFiltered(filter.period) +
                         "SELECT fs.format, ss.key, MIN(ss.name), COUNT(*), AVG(ss.planned_ms) / 60000.0, "
                         "AVG(ss.actual_ms) / 60000.0, AVG(ss.actual_ms > ss.planned_ms + 60000), MIN(ss.idx) "
                         "FROM fs JOIN session_stages ss ON ss.session_id = fs.id GROUP BY 1, 2 ORDER BY 1, 8");
    bindFilter(st, filter);
    std::vector<TimingRow> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnInt(3), st.columnDouble(4),
                       st.columnDouble(5), st.columnDouble(6)});
    return out;
}

std::vector<ChecklistRow> checklistByGroup(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(fmt::format(
        "SELECT g.name, {0}, r.principle, SUM(r.rating = 'met'), SUM(r.rating = 'partly'), "
        "SUM(r.rating = 'not_yet'), SUM(r.rating = 'not_applicable') "
        "FROM checklist_ratings r JOIN checklists k ON k.id = r.checklist_id JOIN groups g ON g.id = k.group_id "
        "JOIN sessions s ON s.id = k.session_id WHERE {1} GROUP BY k.group_id, 2, 3 ORDER BY 1, 2, 3",
        sessionPeriod(filter.period), filterWhere(filter.period)));
    bindFilter(st, filter);
    std::vector<ChecklistRow> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnInt(3), st.columnInt(4),
                       st.columnInt(5), st.columnInt(6)});
    return out;
}

std::vector<SessionLine> sessionList(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    auto st = db.prepare(fmt::format(
        "SELECT {0}, COALESCE(g.name, ''), s.format, s.template_name, COALESCE(s.attendance, 0), "
        "(SELECT COUNT(*) FROM contributions c WHERE c.session_id = s.id), "
        "(SELECT COUNT(*) FROM evaluations e WHERE e.session_id = s.id), "
        "(SELECT COUNT(*) FROM themes t WHERE t.session_id = s.id), "
        "(SELECT COALESCE(SUM(planned_ms), 0) / 60000.0 FROM session_stages ss WHERE ss.session_id = s.id), "
        "(SELECT COALESCE(SUM(actual_ms), 0) / 60000.0 FROM session_stages ss WHERE ss.session_id = s.id) "
        "FROM sessions s LEFT JOIN groups g ON g.id = s.group_id WHERE {1} ORDER BY s.started_at, s.id",
        sessionDate(), filterWhere(filter.period)));
    bindFilter(st, filter);
    std::vector<SessionLine> out;
    while (st.step()) {
        SessionLine line;
        line.date = st.columnText(0);
        line.group = st.columnText(1);
        line.format = st.columnText(2);
        line.templateName = st.columnText(3);
        line.attendance = Cell{st.columnInt(4), false};
        line.contributions = primaryCell(st.columnInt(5), settings.suppressionThreshold);
        line.evaluations = primaryCell(st.columnInt(6), settings.suppressionThreshold);
        line.themes = st.columnInt(7);
        line.plannedMinutes = st.columnDouble(8);
        line.actualMinutes = st.columnDouble(9);
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<ThemeText> themeTexts(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    auto st = db.prepare(fmt::format(
        "SELECT t.id, {0}, COALESCE(g.name, ''), s.format, t.name, "
        "(SELECT group_concat(tag, ';') FROM (SELECT tag FROM theme_tags WHERE theme_id = t.id ORDER BY tag)) "
        "FROM themes t JOIN sessions s ON s.id = t.session_id LEFT JOIN groups g ON g.id = s.group_id "
        "WHERE {1} AND (SELECT COUNT(*) FROM contributions c WHERE c.session_id = s.id) >= ?5 "
        "ORDER BY s.started_at, t.position, t.id",
        sessionDate(), filterWhere(filter.period)));
    bindFilter(st, filter);
    st.bind(5, settings.freeTextMinimum);
    std::vector<ThemeText> out;
    while (st.step()) {
        ThemeText t{st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), {}};
        const std::string tags = st.columnText(5);
        std::size_t start = 0;
        while (start < tags.size()) {
            const auto end = std::min(tags.find(';', start), tags.size());
            if (end > start) t.tags.push_back(tags.substr(start, end - start));
            start = end + 1;
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<CommentText> evaluationComments(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    // Ordered by the comment's random key within a period: that order says nothing about who or when.
    auto st = db.prepare(fmt::format(
        "SELECT {0}, COALESCE(g.name, ''), s.format, e.comment FROM evaluations e "
        "JOIN sessions s ON s.id = e.session_id LEFT JOIN groups g ON g.id = s.group_id "
        "WHERE {1} AND e.comment <> '' AND e.purged = 0 "
        "AND (SELECT COUNT(*) FROM contributions c WHERE c.session_id = s.id) >= ?5 "
        "AND (SELECT COUNT(*) FROM evaluations e2 WHERE e2.session_id = s.id) > ?6 ORDER BY 1, e.id",
        sessionPeriod(filter.period), filterWhere(filter.period)));
    bindFilter(st, filter);
    st.bind(5, settings.freeTextMinimum).bind(6, settings.suppressionThreshold);
    std::vector<CommentText> out;
    while (st.step()) out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3)});
    return out;
}

}  // namespace reflect::core
