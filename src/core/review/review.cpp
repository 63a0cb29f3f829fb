#include "core/review/review.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace reflect::core {

namespace {

/// The WHERE clause every query shares; parameters ?1..?4 are the range's first and past-the-end moments (ms),
/// group and format (NULL = any). The bounds are whole periods (see periodBounds), which is what widens a custom
/// range; comparing start times lets the sessions_ended_by_start index find the range.
constexpr std::string_view kFilterWhere =
    "s.status = 'ended' AND (?1 IS NULL OR s.started_at >= ?1) AND (?2 IS NULL OR s.started_at < ?2) "
           "AND (?3 IS NULL OR s.group_id = ?3) AND (?4 IS NULL OR s.format = ?4)";

/// Milliseconds since the epoch at 00:00 UTC on a calendar day.
std::int64_t msOf(std::chrono::year_month_day day) {
    return std::int64_t{std::chrono::sys_days(day).time_since_epoch().count()} * 86'400'000;
}

/// The first day of the period (month, quarter or year) that an ISO date falls in, and of the period after it.
std::pair<std::chrono::year_month_day, std::chrono::year_month_day> periodAround(PeriodKind kind, std::string_view iso) {
    using namespace std::chrono;
    const int y = std::stoi(std::string(iso.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))));
    const year_month first = kind == PeriodKind::Year      ? year{y} / January
                             : kind == PeriodKind::Quarter ? year{y} / month{(m - 1) / 3 * 3 + 1}
                                                           : year{y} / month{m};
    const months length{kind == PeriodKind::Year ? 12 : kind == PeriodKind::Quarter ? 3 : 1};
    return {first / 1, (first + length) / 1};
}

void bindFilter(Statement& st, const ReviewFilter& f) {
    if (f.from && isIsoDate(*f.from)) st.bind(1, msOf(periodAround(f.period, *f.from).first));
    else st.bindNull(1);
    if (f.to && isIsoDate(*f.to)) st.bind(2, msOf(periodAround(f.period, *f.to).second));
    else st.bindNull(2);
    st.bind(3, f.groupId);
    st.bind(4, f.format);
}

std::string sessionDate() { return "date(s.started_at / 1000, 'unixepoch')"; }

/// The SQL columns that name a session's suppression unit: its group (or, for a session without one, its format)
/// and its calendar month. Every count a lead sees is a sum of unit counts.
constexpr std::string_view kUnitColumns = "s.group_id, s.format, strftime('%Y-%m', s.started_at / 1000, 'unixepoch')";

/// The label of the output period that a unit month ("YYYY-MM") belongs to.
std::string periodOfMonth(PeriodKind kind, const std::string& month) {
    if (kind == PeriodKind::Month || month.size() < 7) return month;
    if (kind == PeriodKind::Year) return month.substr(0, 4);
    const int m = (month[5] - '0') * 10 + (month[6] - '0');
    return fmt::format("{}-Q{}", month.substr(0, 4), (m + 2) / 3);
}

/// Adds one unit's figure into an aggregate: primary suppression at the unit, then propagation upwards.
void addUnit(Cell& aggregate, Cell unit) {
    aggregate.value += unit.value;
    aggregate.suppressed = aggregate.suppressed || unit.suppressed;
}

/// Clears the value of a suppressed cell so that nothing downstream can print it by mistake.
Cell finished(Cell cell) {
    if (cell.suppressed) cell.value = 0;
    return cell;
}

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
    auto st = db.prepare(fmt::format(
        "SELECT {0}, COUNT(*), SUM(COALESCE(s.attendance, 0)), SUM(s.contribution_count), SUM(s.evaluation_count) "
        "FROM sessions s WHERE {1} GROUP BY 1, 2, 3 ORDER BY 3",
        kUnitColumns, kFilterWhere));
    bindFilter(st, filter);
    SessionsOverTime out;
    std::map<std::string, SessionsRow> rows;
    const int threshold = settings.suppressionThreshold;
    while (st.step()) {
        const std::string period = periodOfMonth(filter.period, st.columnText(2));
        SessionsRow& row = rows[period];
        row.period = period;
        for (SessionsRow* r : {&row, &out.total}) {
            r->sessions += st.columnInt(3);
            r->attendance.value += st.columnInt(4);  // a head count the facilitator records, not a response
            addUnit(r->contributions, primaryCell(st.columnInt(5), threshold));
            addUnit(r->evaluations, primaryCell(st.columnInt(6), threshold));
        }
    }
    for (auto& [period, row] : rows) {
        row.contributions = finished(row.contributions);
        row.evaluations = finished(row.evaluations);
        out.rows.push_back(std::move(row));
    }
    out.total.period = "Total";
    out.total.contributions = finished(out.total.contributions);
    out.total.evaluations = finished(out.total.evaluations);
    return out;
}

std::vector<RecurringTag> recurringTags(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    ReviewFilter upToEnd = filter;
    upToEnd.from.reset();
    // Each group's latest sessions (up to the end of the range) come from the (group_id, started_at) index.
    auto st = db.prepare(
        "SELECT g.name, tt.tag, COUNT(DISTINCT t.session_id) FROM groups g "
        "JOIN themes t ON t.session_id IN (SELECT s.id FROM sessions s WHERE s.group_id = g.id AND " +
        std::string(kFilterWhere) +
        " ORDER BY s.started_at DESC LIMIT ?5) "
        "JOIN theme_tags tt ON tt.theme_id = t.id WHERE (?3 IS NULL OR g.id = ?3) "
        "GROUP BY g.id, tt.tag HAVING COUNT(DISTINCT t.session_id) >= ?6 ORDER BY g.name, 3 DESC, 2");
    bindFilter(st, upToEnd);
    st.bind(5, settings.recurringWindow).bind(6, settings.recurringMinimum);
    std::vector<RecurringTag> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), static_cast<int>(st.columnInt(2)), settings.recurringWindow});
    return out;
}

namespace {

/// "YYYY-MM" (UTC) of a moment in milliseconds since the epoch: the unit month, as strftime would give it.
std::string monthOfMs(std::int64_t ms) { return formatUtcDate(ms).substr(0, 7); }

/// One tag on one theme of a session, with the contributions filed under that theme.
struct TagUse {
    std::int64_t session = 0;
    std::optional<std::int64_t> group;
    std::string format, month, tag;
    std::int64_t cards = 0;
};

/// Every tag use in the filter's sessions: one indexed pass, ordered by session. The themes panel, its tag pairs
/// and the report all start from this, and aggregate it here rather than in SQL.
std::vector<TagUse> readTagUses(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare("SELECT s.id, s.group_id, s.format, s.started_at, tt.tag, t.card_count FROM sessions s "
                         "JOIN themes t ON t.session_id = s.id JOIN theme_tags tt ON tt.theme_id = t.id WHERE " +
                         std::string(kFilterWhere) + " ORDER BY s.id");
    bindFilter(st, filter);
    std::vector<TagUse> uses;
    std::int64_t lastSession = 0;
    std::string lastMonth;
    while (st.step()) {
        TagUse use;
        use.session = st.columnInt(0);
        if (!st.columnIsNull(1)) use.group = st.columnInt(1);
        use.format = st.columnText(2);
        if (uses.empty() || use.session != lastSession) lastMonth = monthOfMs(st.columnInt(3));
        lastSession = use.session;
        use.month = lastMonth;
        use.tag = st.columnText(4);
        use.cards = st.columnInt(5);
        uses.push_back(std::move(use));
    }
    return uses;
}

/// The periods of the filter's range that held sessions, and how many sessions each held.
std::pair<std::vector<std::string>, std::vector<std::int64_t>> periodsOf(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare("SELECT strftime('%Y-%m', s.started_at / 1000, 'unixepoch'), COUNT(*) FROM sessions s WHERE " +
                         std::string(kFilterWhere) + " GROUP BY 1 ORDER BY 1");
    bindFilter(st, filter);
    std::vector<std::string> periods;
    std::vector<std::int64_t> sessions;
    while (st.step()) {
        auto period = periodOfMonth(filter.period, st.columnText(0));
        if (periods.empty() || periods.back() != period) {
            periods.push_back(std::move(period));
            sessions.push_back(0);
        }
        sessions.back() += st.columnInt(1);
    }
    return {periods, sessions};
}

TagTable tagTableFrom(const std::vector<TagUse>& uses,
                      std::pair<std::vector<std::string>, std::vector<std::int64_t>> periods, const Codebook& codebook,
                      const ReviewFilter& filter, const ReviewSettings& settings,
                      const std::vector<RecurringTag>& recurringNow) {
    TagTable table;
    table.periods = std::move(periods.first);
    table.periodSessions = std::move(periods.second);
    std::map<std::string, std::size_t> periodIndex;
    for (std::size_t i = 0; i < table.periods.size(); ++i) periodIndex[table.periods[i]] = i;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    // Small dictionaries first (a few dozen months, formats and tags), so the per-use work is on integers.
    std::map<std::string, std::size_t> monthIndex, formatIndex, tagIndex;
    std::vector<std::size_t> periodOfMonthIndex;
    std::vector<TagRow> rows;
    std::vector<std::int64_t> lastSession;
    const auto indexOf = [](std::map<std::string, std::size_t>& dict, const std::string& key) {
        return dict.emplace(key, dict.size()).first->second;
    };

    // Units: contributions per tag, group (or format) and month. Uses arrive grouped by session, so a tag's
    // sessions are counted when its session changes.
    using UnitKey = std::tuple<std::size_t, std::int64_t, std::size_t, std::size_t>;  // tag, group, format, month
    std::map<UnitKey, std::int64_t> units;
    for (const auto& use : uses) {
        const auto month = indexOf(monthIndex, use.month);
        if (month == periodOfMonthIndex.size()) {
            const auto it = periodIndex.find(periodOfMonth(filter.period, use.month));
            periodOfMonthIndex.push_back(it == periodIndex.end() ? kNone : it->second);
        }
        const auto tag = indexOf(tagIndex, use.tag);
        if (tag == rows.size()) {
            TagRow row;
            row.tag = use.tag;
            row.name = codebook.nameOf(use.tag);
            row.perPeriod.assign(table.periods.size(), Cell{});
            row.sessionsPerPeriod.assign(table.periods.size(), 0);
            rows.push_back(std::move(row));
            lastSession.push_back(-1);
        }
        const std::size_t period = periodOfMonthIndex[month];
        if (period == kNone) continue;
        units[{tag, use.group.value_or(-1), use.group ? 0 : indexOf(formatIndex, use.format), month}] += use.cards;
        if (lastSession[tag] != use.session) {
            lastSession[tag] = use.session;
            ++rows[tag].sessions;
            ++rows[tag].sessionsPerPeriod[period];
        }
    }
    for (const auto& [key, count] : units) {
        TagRow& row = rows[std::get<0>(key)];
        const Cell unit = primaryCell(count, settings.suppressionThreshold);
        addUnit(row.perPeriod[periodOfMonthIndex[std::get<3>(key)]], unit);
        addUnit(row.total, unit);
    }
    std::set<std::string> recurring;
    for (const auto& r : recurringNow) recurring.insert(r.tag);
    for (auto& row : rows) {
        for (auto& cell : row.perPeriod) cell = finished(cell);
        row.total = finished(row.total);
        row.recurring = recurring.count(row.tag) > 0;
        table.rows.push_back(std::move(row));
    }
    std::sort(table.rows.begin(), table.rows.end(), [](const TagRow& a, const TagRow& b) { return a.tag < b.tag; });
    // Ranked by how many sessions a tag came up in (never hidden: sessions are not people), then by contributions.
    std::stable_sort(table.rows.begin(), table.rows.end(), [](const TagRow& a, const TagRow& b) {
        if (a.sessions != b.sessions) return a.sessions > b.sessions;
        if (a.total.suppressed != b.total.suppressed) return !a.total.suppressed;
        return a.total.value > b.total.value;
    });
    return table;
}

std::vector<TagPair> pairsFrom(const std::vector<TagUse>& uses, std::size_t limit) {
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    std::set<std::string> tags;  // distinct tags of the current session, in order
    const auto flush = [&] {
        for (auto i = tags.begin(); i != tags.end(); ++i)
            for (auto j = std::next(i); j != tags.end(); ++j) ++counts[{*i, *j}];
        tags.clear();
    };
    for (std::size_t k = 0; k < uses.size(); ++k) {
        if (k > 0 && uses[k].session != uses[k - 1].session) flush();
        tags.insert(uses[k].tag);
    }
    flush();
    std::vector<TagPair> out;
    for (const auto& [pair, n] : counts) out.push_back({pair.first, pair.second, n});
    std::stable_sort(out.begin(), out.end(), [](const TagPair& a, const TagPair& b) { return a.sessions > b.sessions; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace

ThemesOverview themesOverview(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                              const ReviewSettings& settings, std::size_t pairLimit) {
    ThemesOverview out;
    const auto uses = readTagUses(db, filter);
    out.recurring = recurringTags(db, filter, settings);
    out.table = tagTableFrom(uses, periodsOf(db, filter), codebook, filter, settings, out.recurring);
    out.pairs = pairsFrom(uses, pairLimit);
    return out;
}

TagTable themesByTag(Database& db, const Codebook& codebook, const ReviewFilter& filter, const ReviewSettings& settings) {
    return themesOverview(db, codebook, filter, settings, 0).table;
}

std::vector<TagPair> tagPairs(Database& db, const ReviewFilter& filter, std::size_t limit) {
    return pairsFrom(readTagUses(db, filter), limit);
}

std::int64_t syncSearchIndex(Database& db) {
    const auto dirty = db.queryInt("SELECT COUNT(*) FROM search_dirty");
    if (dirty == 0) return 0;
    Transaction tx(db);
    db.exec(R"sql(
DELETE FROM contributions_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 'c');
INSERT INTO contributions_fts(rowid, text, month)
    SELECT c.id, c.text, 'm' || strftime('%Y%m', s.started_at / 1000, 'unixepoch')
    FROM search_dirty d JOIN contributions c ON c.id = d.id JOIN sessions s ON s.id = c.session_id
    WHERE d.kind = 'c' AND c.hidden = 0 AND c.purged = 0 AND c.text <> '';
DELETE FROM themes_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 't');
INSERT INTO themes_fts(rowid, name, month)
    SELECT t.id, t.name, 'm' || strftime('%Y%m', s.started_at / 1000, 'unixepoch')
    FROM search_dirty d JOIN themes t ON t.id = d.id JOIN sessions s ON s.id = t.session_id WHERE d.kind = 't';
DELETE FROM actions_fts WHERE rowid IN (SELECT id FROM search_dirty WHERE kind = 'a');
INSERT INTO actions_fts(rowid, text, outcome, month)
    SELECT a.id, a.text, a.outcome, COALESCE('m' || strftime('%Y%m', s.started_at / 1000, 'unixepoch'), '')
    FROM search_dirty d JOIN actions a ON a.id = d.id LEFT JOIN sessions s ON s.id = a.session_id WHERE d.kind = 'a';
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
    if (query.empty() || limit == 0) return hits;
    syncSearchIndex(db);
    // The newest month in the filter's range: hits are shown newest first, so a search looks at the last 3
    // months, then the last 12, then everything, and stops as soon as a window holds `limit` hits of a kind
    // (older months cannot displace them). A common word then never fetches its thousands of older matches.
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
    const std::array<Kind, 3> kinds = {{
        {"contribution", "text",
         fmt::format("SELECT c.text, {0}, s.format, COALESCE(g.name, '') FROM contributions_fts f "
                     "JOIN contributions c ON c.id = f.rowid JOIN sessions s ON s.id = c.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE contributions_fts MATCH ?5 AND {1} "
                     "AND c.hidden = 0 AND c.purged = 0 AND s.contribution_count >= ?6 "
                     "ORDER BY s.started_at DESC, c.id LIMIT ?7",
                     sessionDate(), where)},
        {"theme", "name",
         fmt::format("SELECT t.name, {0}, s.format, COALESCE(g.name, '') FROM themes_fts f "
                     "JOIN themes t ON t.id = f.rowid JOIN sessions s ON s.id = t.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE themes_fts MATCH ?5 AND {1} "
                     "AND s.contribution_count >= ?6 ORDER BY s.started_at DESC, t.id LIMIT ?7",
                     sessionDate(), where)},
        {"action", "{text outcome}",
         fmt::format("SELECT a.text, {0}, s.format, COALESCE(g.name, '') FROM actions_fts f "
                     "JOIN actions a ON a.id = f.rowid JOIN sessions s ON s.id = a.session_id "
                     "LEFT JOIN groups g ON g.id = s.group_id WHERE actions_fts MATCH ?5 AND {1} AND ?6 = ?6 "
                     "ORDER BY s.started_at DESC, a.id LIMIT ?7",
                     sessionDate(), where)},
    }};
    for (const auto& kind : kinds) {
        for (const int window : {3, 12, 0}) {
            const std::string match = window == 0
                                          ? fmt::format("{} : ({})", kind.columns, query)
                                          : fmt::format("{} : ({}) AND month : ({})", kind.columns, query, monthTokens(window));
            std::vector<SearchHit> found;
            try {
                auto st = db.prepare(kind.sql);
                bindFilter(st, filter);
                st.bind(5, match).bind(6, settings.freeTextMinimum).bind(7, static_cast<std::int64_t>(limit));
                while (st.step())
                    found.push_back({kind.name, st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3)});
            } catch (const SqliteError&) {
                // The query is built so FTS5 cannot reject it; if it ever did, a search finds nothing rather than failing.
                break;
            }
            if (found.size() >= limit || window == 0) {
                hits.insert(hits.end(), found.begin(), found.end());
                break;
            }
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
        kFilterWhere));
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
        sessionDate(), kFilterWhere));
    bindFilter(st, filter);
    st.bind(5, openOnly ? 1 : 0);
    std::vector<ActionLine> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4),
                       st.columnText(5)});
    return out;
}

PeriodKind ratingsPeriod(PeriodKind asked) { return asked == PeriodKind::Month ? PeriodKind::Quarter : asked; }

std::vector<StatementRow> evaluationsByStatement(Database& db, const ReviewFilter& asked, const ReviewSettings& settings) {
    // Ratings are pooled by quarter at the finest: a month of one group rarely holds more than a handful of
    // answers. The range is widened to whole quarters too, so two ranges never differ by part of a quarter.
    ReviewFilter filter = asked;
    filter.period = ratingsPeriod(asked.period);
    // The per-session tallies, summed into units (statement, group or format, quarter) here.
    auto st = db.prepare("SELECT t.statement_index, t.statement, s.group_id, s.format, s.started_at, s.id, t.n1, t.n2, "
                         "t.n3, t.n4, t.n5 FROM sessions s JOIN evaluation_tally t ON t.session_id = s.id WHERE " +
                         std::string(kFilterWhere));
    bindFilter(st, filter);
    using UnitKey = std::tuple<int, std::int64_t, std::string, std::string>;  // statement, group, format, month
    std::map<UnitKey, std::array<std::int64_t, 5>> units;
    std::map<int, std::string> statements;
    std::map<std::int64_t, std::string> quarterOfSession;
    while (st.step()) {
        const int index = static_cast<int>(st.columnInt(0));
        if (!statements.count(index)) statements[index] = st.columnText(1);
        auto& quarter = quarterOfSession[st.columnInt(5)];
        if (quarter.empty()) quarter = periodOfMonth(PeriodKind::Quarter, monthOfMs(st.columnInt(4)));
        auto& counts = units[{index, st.columnIsNull(2) ? -1 : st.columnInt(2), st.columnText(3), quarter}];
        for (std::size_t v = 0; v < 5; ++v) counts[v] += st.columnInt(6 + static_cast<int>(v));
    }
    const int threshold = settings.suppressionThreshold;
    struct Accumulated {
        StatementRow row;
        std::int64_t n = 0, weighted = 0;
        bool meanSafe = true;  ///< every unit inside may show its mean
    };
    std::map<std::pair<std::string, int>, Accumulated> rows;
    for (const auto& [key, counts] : units) {
        const int index = std::get<0>(key);
        const std::string& quarter = std::get<3>(key);
        const std::string period = filter.period == PeriodKind::Year ? quarter.substr(0, 4) : quarter;
        auto& acc = rows[{period, index}];
        if (acc.row.distribution.empty()) {
            acc.row.period = period;
            acc.row.statementIndex = index;
            acc.row.statement = statements[index];
            acc.row.distribution.assign(5, Cell{});
        }
        // The unit's own row. If any answer value has 1..threshold people, the whole distribution is hidden (a
        // lone hidden cell could be worked out from the others and the count). The mean may still be given, but
        // only when the unit has more than threshold answers and its sum lies more than threshold points from
        // both ends of the scale: near an end, count and mean pin the few who answered differently.
        std::int64_t n = 0, weighted = 0;
        bool cellsHidden = false;
        for (std::size_t v = 0; v < 5; ++v) {
            n += counts[v];
            weighted += counts[v] * static_cast<std::int64_t>(v + 1);
            cellsHidden = cellsHidden || primaryCell(counts[v], threshold).suppressed;
        }
        const Cell answers = primaryCell(n, threshold);
        const bool meanSafe = !answers.suppressed &&
                              (!cellsHidden || (weighted - n > threshold && 5 * n - weighted > threshold));
        for (std::size_t v = 0; v < 5; ++v) addUnit(acc.row.distribution[v], Cell{counts[v], cellsHidden});
        addUnit(acc.row.answers, answers);
        acc.n += n;
        acc.weighted += weighted;
        acc.meanSafe = acc.meanSafe && (n == 0 || meanSafe);
    }
    std::vector<StatementRow> out;
    for (auto& [key, acc] : rows) {
        StatementRow& row = acc.row;
        if (acc.n > 0 && acc.meanSafe) row.mean = static_cast<double>(acc.weighted) / static_cast<double>(acc.n);
        for (auto& cell : row.distribution) cell = finished(cell);
        row.answers = finished(row.answers);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<TimingRow> timingByStage(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare("SELECT s.format, ss.key, MIN(ss.name), COUNT(*), AVG(ss.planned_ms) / 60000.0, "
                         "AVG(ss.actual_ms) / 60000.0, AVG(ss.actual_ms > ss.planned_ms + 60000), MIN(ss.idx) "
                         "FROM sessions s JOIN session_stages ss ON ss.session_id = s.id WHERE " +
                         std::string(kFilterWhere) + " GROUP BY 1, 2 ORDER BY 1, 8");
    bindFilter(st, filter);
    std::vector<TimingRow> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnInt(3), st.columnDouble(4),
                       st.columnDouble(5), st.columnDouble(6)});
    return out;
}

std::vector<ChecklistRow> checklistByGroup(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT k.group_id, g.name, strftime('%Y-%m', s.started_at / 1000, 'unixepoch'), r.principle, "
        "SUM(r.rating = 'met'), SUM(r.rating = 'partly'), SUM(r.rating = 'not_yet'), SUM(r.rating = 'not_applicable') "
        "FROM checklist_ratings r JOIN checklists k ON k.id = r.checklist_id JOIN groups g ON g.id = k.group_id "
        "JOIN sessions s ON s.id = k.session_id WHERE " +
        std::string(kFilterWhere) + " GROUP BY 1, 3, 4");
    bindFilter(st, filter);
    // Months are summed into the filter's periods here, by the same rule as every other panel.
    std::map<std::tuple<std::string, std::int64_t, std::string, std::string>, ChecklistRow> rows;  // name, id, period, principle
    while (st.step()) {
        const std::string period = periodOfMonth(filter.period, st.columnText(2));
        auto& row = rows[{st.columnText(1), st.columnInt(0), period, st.columnText(3)}];
        row.group = st.columnText(1);
        row.period = period;
        row.principle = st.columnText(3);
        row.met += st.columnInt(4);
        row.partly += st.columnInt(5);
        row.notYet += st.columnInt(6);
        row.notApplicable += st.columnInt(7);
    }
    std::vector<ChecklistRow> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    return out;
}

std::vector<SessionLine> sessionList(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(fmt::format(
        "SELECT {0}, COALESCE(g.name, ''), s.format, s.template_name, COALESCE(s.attendance, 0), "
        "(SELECT COUNT(*) FROM themes t WHERE t.session_id = s.id), "
        "(SELECT COALESCE(SUM(planned_ms), 0) / 60000.0 FROM session_stages ss WHERE ss.session_id = s.id), "
        "(SELECT COALESCE(SUM(actual_ms), 0) / 60000.0 FROM session_stages ss WHERE ss.session_id = s.id) "
        "FROM sessions s LEFT JOIN groups g ON g.id = s.group_id WHERE {1} ORDER BY s.started_at, s.id",
        sessionDate(), kFilterWhere));
    bindFilter(st, filter);
    std::vector<SessionLine> out;
    while (st.step()) {
        SessionLine line;
        line.date = st.columnText(0);
        line.group = st.columnText(1);
        line.format = st.columnText(2);
        line.templateName = st.columnText(3);
        line.attendance = Cell{st.columnInt(4), false};
        line.themes = st.columnInt(5);
        line.plannedMinutes = st.columnDouble(6);
        line.actualMinutes = st.columnDouble(7);
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<ThemeText> themeTexts(Database& db, const ReviewFilter& filter, const ReviewSettings& settings) {
    auto st = db.prepare(fmt::format(
        "SELECT t.id, {0}, COALESCE(g.name, ''), s.format, t.name, "
        "(SELECT group_concat(tag, ';') FROM (SELECT tag FROM theme_tags WHERE theme_id = t.id ORDER BY tag)) "
        "FROM themes t JOIN sessions s ON s.id = t.session_id LEFT JOIN groups g ON g.id = s.group_id "
        "WHERE {1} AND s.contribution_count >= ?5 "
        "ORDER BY s.started_at, t.position, t.id",
        sessionDate(), kFilterWhere));
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
    // Ordered by the comment's random key, then grouped by period: that order says nothing about who or when.
    auto st = db.prepare("SELECT s.started_at, COALESCE(g.name, ''), s.format, e.comment FROM evaluations e "
                         "JOIN sessions s ON s.id = e.session_id LEFT JOIN groups g ON g.id = s.group_id WHERE " +
                         std::string(kFilterWhere) +
                         " AND e.comment <> '' AND e.purged = 0 AND s.contribution_count >= ?5 AND s.evaluation_count > ?6 "
                         "ORDER BY e.id");
    bindFilter(st, filter);
    st.bind(5, settings.freeTextMinimum).bind(6, settings.suppressionThreshold);
    std::vector<CommentText> out;
    while (st.step())
        out.push_back({periodOfMonth(filter.period, monthOfMs(st.columnInt(0))), st.columnText(1), st.columnText(2),
                       st.columnText(3)});
    std::stable_sort(out.begin(), out.end(), [](const CommentText& a, const CommentText& b) { return a.period < b.period; });
    return out;
}

}  // namespace reflect::core
