// The themes panel: contributions per codebook tag over time, tag pairs, recurring tags and theme names.
#include "core/review/review.hpp"
#include "core/review/review_query.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace reflect::core {

using namespace review_query;

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
    using TagUnit = std::tuple<std::size_t, std::int64_t, std::size_t, std::size_t>;  // tag, group, format, month
    std::map<TagUnit, std::int64_t> units;
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

}  // namespace reflect::core
