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
        out.push_back(
            {st.columnText(0), st.columnText(1), static_cast<int>(st.columnInt(2)), settings.recurringWindow});
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

/// Every tag use in the filter's sessions: one pass over the range of the (status, started_at) index, grouped by
/// session. The themes panel, its tag pairs
/// and the report all start from this, and aggregate it here rather than in SQL.
std::vector<TagUse> readTagUses(Database& db, const ReviewFilter& filter) {
    auto st = db.prepare(
        "SELECT s.id, s.group_id, s.format, s.started_at, tt.tag, t.card_count FROM sessions s "
        "JOIN themes t ON t.session_id = s.id JOIN theme_tags tt ON tt.theme_id = t.id WHERE " +
        std::string(kFilterWhere) + " ORDER BY s.started_at, s.id");
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

/// The periods of the filter's range that held sessions, how many sessions each held, and each unit's
/// contributions received (the published whole a tag's count is a part of).
struct PeriodsAndUnits {
    std::vector<std::string> periods;
    std::vector<std::int64_t> sessions;
    std::map<UnitKey, std::int64_t> contributions;
    std::set<std::string> formats;
};

PeriodsAndUnits periodsOf(Database& db, const ReviewFilter& filter) {
    auto st =
        db.prepare(fmt::format("SELECT {}, COUNT(*), SUM(s.contribution_count) FROM sessions s WHERE {} "
                               "GROUP BY 1, 2, 3 ORDER BY 3",
                               kUnitColumns, kFilterWhere));
    bindFilter(st, filter);
    PeriodsAndUnits out;
    while (st.step()) {
        UnitKey key;
        if (!st.columnIsNull(0)) key.group = st.columnInt(0);
        key.format = st.columnText(1);
        key.month = st.columnText(2);
        auto period = periodOfMonth(filter.period, key.month);
        if (out.periods.empty() || out.periods.back() != period) {
            out.periods.push_back(std::move(period));
            out.sessions.push_back(0);
        }
        out.sessions.back() += st.columnInt(3);
        out.formats.insert(key.format);
        out.contributions[std::move(key)] += st.columnInt(4);
    }
    return out;
}

/// Percent of `held` sessions; empty when none were held.
std::optional<double> shareOf(std::int64_t sessions, std::int64_t held) {
    if (held <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(sessions) / static_cast<double>(held);
}

/// A tag's count in a unit is a part of the unit's contributions received, which are published as activity.
void addTagUnits(std::vector<TagRow>& rows, const std::map<std::tuple<std::size_t, UnitKey>, std::int64_t>& units,
                 const PeriodsAndUnits& wholes, const std::map<std::string, std::size_t>& periodIndex,
                 const ReviewFilter& filter, int threshold) {
    for (const auto& [key, count] : units) {
        const auto& [tag, unit] = key;
        const auto whole = wholes.contributions.find(unit);
        const Cell cell = partCell(count, whole == wholes.contributions.end() ? count : whole->second, threshold);
        TagRow& row = rows[tag];
        addUnit(row.perPeriod[periodIndex.at(periodOfMonth(filter.period, unit.month))], cell);
        addUnit(row.total, cell);
    }
    // A unit where a tag never came up is a part too: "none of the 3" says as much as "all of the 3". Only a unit
    // whose contributions are 1..threshold can hide a zero, so only those are looked at.
    for (const auto& [unit, whole] : wholes.contributions) {
        if (!isSmall(whole, threshold)) continue;
        const std::size_t period = periodIndex.at(periodOfMonth(filter.period, unit.month));
        for (std::size_t tag = 0; tag < rows.size(); ++tag) {
            if (units.count({tag, unit})) continue;
            addUnit(rows[tag].perPeriod[period], partCell(0, whole, threshold));
            addUnit(rows[tag].total, partCell(0, whole, threshold));
        }
    }
}

TagTable tagTableFrom(const std::vector<TagUse>& uses, PeriodsAndUnits wholes, const Codebook& codebook,
                      const ReviewFilter& filter, const ReviewSettings& settings) {
    TagTable table;
    table.periods = wholes.periods;
    table.periodSessions = wholes.sessions;
    table.formatsMixed = wholes.formats.size() > 1;
    std::map<std::string, std::size_t> periodIndex;
    for (std::size_t i = 0; i < table.periods.size(); ++i) periodIndex[table.periods[i]] = i;
    std::map<std::string, std::size_t> tagIndex;
    std::map<std::string, std::size_t> periodOfMonthCache;
    std::vector<TagRow> rows;
    std::vector<std::int64_t> lastSession;

    // Units: contributions per tag, group, format and month. Uses arrive grouped by session, so a tag's
    // sessions are counted when its session changes.
    std::map<std::tuple<std::size_t, UnitKey>, std::int64_t> units;
    for (const auto& use : uses) {
        auto cached = periodOfMonthCache.find(use.month);
        if (cached == periodOfMonthCache.end()) {
            const auto it = periodIndex.find(periodOfMonth(filter.period, use.month));
            if (it == periodIndex.end()) continue;
            cached = periodOfMonthCache.emplace(use.month, it->second).first;
        }
        const std::size_t period = cached->second;
        const auto tag = tagIndex.emplace(use.tag, tagIndex.size()).first->second;
        if (tag == rows.size()) {
            TagRow row;
            row.tag = use.tag;
            row.name = codebook.nameOf(use.tag);
            row.perPeriod.assign(table.periods.size(), Cell{});
            row.sessionsPerPeriod.assign(table.periods.size(), 0);
            rows.push_back(std::move(row));
            lastSession.push_back(-1);
        }
        units[{tag, UnitKey{use.group, use.format, use.month}}] += use.cards;
        if (lastSession[tag] != use.session) {
            lastSession[tag] = use.session;
            ++rows[tag].sessions;
            ++rows[tag].sessionsPerPeriod[period];
        }
    }
    addTagUnits(rows, units, wholes, periodIndex, filter, settings.suppressionThreshold);

    // The codebook's baseline: the share of sessions the average codebook tag comes up in over the range. A tag
    // is marked recurring only when it comes up at least twice as often, so the mark picks out the few that stand
    // out rather than every tag that appears now and then.
    std::int64_t held = 0, tagSessions = 0;
    for (const auto n : table.periodSessions) held += n;
    for (const auto& row : rows) tagSessions += row.sessions;
    const auto tagCount = static_cast<std::int64_t>(std::max<std::size_t>(codebook.tags.size(), rows.size()));
    table.baselineShare = shareOf(tagSessions, held * std::max<std::int64_t>(tagCount, 1)).value_or(0.0);
    const std::size_t last = table.periods.size();
    for (auto& row : rows) {
        for (auto& cell : row.perPeriod) cell = finished(cell);
        row.total = finished(row.total);
        row.share = shareOf(row.sessions, held).value_or(0.0);
        row.recurring = row.sessions >= settings.recurringMinimum && row.share >= 2.0 * table.baselineShare;
        if (last >= 1) row.shareNow = shareOf(row.sessionsPerPeriod[last - 1], table.periodSessions[last - 1]);
        if (last >= 2) row.shareBefore = shareOf(row.sessionsPerPeriod[last - 2], table.periodSessions[last - 2]);
        table.rows.push_back(std::move(row));
    }
    std::sort(table.rows.begin(), table.rows.end(), [](const TagRow& a, const TagRow& b) { return a.tag < b.tag; });
    // Ranked by how often a tag came up in the latest period, then over the range (sessions are not people).
    std::stable_sort(table.rows.begin(), table.rows.end(), [](const TagRow& a, const TagRow& b) {
        if (a.shareNow.value_or(0) != b.shareNow.value_or(0)) return a.shareNow.value_or(0) > b.shareNow.value_or(0);
        return a.sessions > b.sessions;
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
    std::stable_sort(out.begin(), out.end(),
                     [](const TagPair& a, const TagPair& b) { return a.sessions > b.sessions; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace

ThemesOverview themesOverview(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                              const ReviewSettings& settings, std::size_t pairLimit) {
    ThemesOverview out;
    const auto uses = readTagUses(db, filter);
    out.recurring = recurringTags(db, filter, settings);
    out.table = tagTableFrom(uses, periodsOf(db, filter), codebook, filter, settings);
    out.pairs = pairsFrom(uses, pairLimit);
    return out;
}

TagTable themesByTag(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                     const ReviewSettings& settings) {
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
        "WHERE {1} AND {2} ORDER BY 2, t.id",
        kSessionMonth, kFilterWhere, freeTextSession(5, 6)));
    bindFilter(st, filter);
    st.bind(5, settings.freeTextPeople).bind(6, settings.freeTextMinimum);
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

std::vector<SearchHit> tagQuotes(Database& db, const ReviewFilter& filter, const ReviewSettings& settings,
                                 const std::string& tag, std::size_t limit) {
    // Scrubbed contributions filed under the tag, from sessions that meet the free-text rule: newest month
    // first, then by random key, with the month and group only.
    auto st = db.prepare(fmt::format(
        "SELECT c.text, {0}, s.format, COALESCE(g.name, '') FROM theme_tags tt JOIN themes t ON t.id = tt.theme_id "
        "JOIN theme_cards tc ON tc.theme_id = t.id JOIN contributions c ON c.id = tc.contribution_id "
        "JOIN sessions s ON s.id = t.session_id LEFT JOIN groups g ON g.id = s.group_id "
        "WHERE tt.tag = ?5 AND {1} AND c.hidden = 0 AND c.purged = 0 AND c.text <> '' AND {2} "
        "ORDER BY 2 DESC, c.id LIMIT ?8",
        kSessionMonth, kFilterWhere, freeTextSession(6, 7)));
    bindFilter(st, filter);
    st.bind(5, tag).bind(6, settings.freeTextPeople).bind(7, settings.freeTextMinimum);
    st.bind(8, static_cast<std::int64_t>(limit));
    std::vector<SearchHit> out;
    while (st.step())
        out.push_back({"contribution", st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3)});
    return out;
}

}  // namespace reflect::core
