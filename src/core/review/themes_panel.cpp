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
    // Each group's latest sessions (up to the end of the range) come from the (group_id, started_at) index, named
    // here because the planner otherwise prefers the covering sessions_for_review and walks every ended session
    // once per group.
    auto st = db.prepare(
        "SELECT g.name, st.tag, COUNT(*) FROM groups g "
        "JOIN session_tags st ON st.session_id IN (SELECT s.id FROM sessions s INDEXED BY sessions_by_group_start "
        "WHERE s.group_id = g.id AND " +
        std::string(kFilterWhere) +
        " ORDER BY s.started_at DESC LIMIT ?5) "
        "WHERE (?3 IS NULL OR g.id = ?3) GROUP BY g.id, st.tag HAVING COUNT(*) >= ?6 ORDER BY g.name, 3 DESC, 2");
    bindFilter(st, upToEnd);
    st.bind(5, settings.recurringWindow).bind(6, settings.recurringMinimum);
    std::vector<RecurringTag> out;
    while (st.step())
        out.push_back(
            {st.columnText(0), st.columnText(1), static_cast<int>(st.columnInt(2)), settings.recurringWindow});
    return out;
}

namespace {

/// A suppression unit of the range: its key, the contributions it received (the published whole a tag's count is
/// a part of), and the output period it falls in.
struct RangeUnit {
    UnitKey key;
    std::int64_t contributions = 0;
    std::size_t period = 0;
};

/// The periods of the filter's range that held sessions, how many sessions each held, and its units.
struct RangeUnits {
    std::vector<std::string> periods;
    std::vector<std::int64_t> sessions;
    std::vector<RangeUnit> units;
    std::map<UnitKey, std::size_t> index;
    std::set<std::string> formats;
};

RangeUnits readRangeUnits(Database& db, const ReviewFilter& filter) {
    auto st =
        db.prepare(fmt::format("SELECT s.group_id, s.format, s.started_at, s.contribution_count FROM sessions s WHERE "
                               "{} ORDER BY s.started_at",
                               kFilterWhere));
    bindFilter(st, filter);
    RangeUnits out;
    RowUnit rowUnit(PeriodKind::Month);
    while (st.step()) {
        const UnitKey& key = rowUnit.read(st, 0);
        auto period = periodOfMonth(filter.period, key.month);
        if (out.periods.empty() || out.periods.back() != period) {
            out.periods.push_back(std::move(period));
            out.sessions.push_back(0);
        }
        ++out.sessions.back();
        const auto [it, added] = out.index.emplace(key, out.units.size());
        if (added) {
            out.units.push_back({key, 0, out.periods.size() - 1});
            out.formats.insert(key.format);
        }
        out.units[it->second].contributions += st.columnInt(3);
    }
    return out;
}

/// One tag of a session, with the contributions filed under the session's themes that carry it.
struct TagUse {
    std::int64_t session = 0;
    std::size_t unit = 0;  ///< into RangeUnits::units
    std::size_t tag = 0;   ///< into TagUses::tags
    std::int64_t cards = 0;
};
struct TagUses {
    std::vector<std::string> tags;  ///< in the order first met
    std::vector<TagUse> uses;       ///< grouped by session
};

/// Every tag of the filter's sessions: one pass over the range of the sessions_for_review index and each
/// session's rows of session_tags, grouped by session. The themes panel, its tag pairs and the report all start
/// from this, and aggregate it here rather than in SQL.
TagUses readTagUses(Database& db, const ReviewFilter& filter, const RangeUnits& range) {
    auto st = db.prepare(
        "SELECT s.group_id, s.format, s.started_at, s.id, st.tag, st.cards FROM sessions s "
        "JOIN session_tags st ON st.session_id = s.id WHERE " +
        std::string(kFilterWhere));
    bindFilter(st, filter);
    TagUses out;
    std::map<std::string, std::size_t, std::less<>> tagIndex;
    UnitLookup lookup(range.index, PeriodKind::Month);
    while (st.step()) {
        const auto unit = lookup.read(st, 0);
        if (!unit) continue;
        const std::string tag = st.columnText(4);
        auto found = tagIndex.find(tag);
        if (found == tagIndex.end()) {
            found = tagIndex.emplace(tag, out.tags.size()).first;
            out.tags.push_back(tag);
        }
        out.uses.push_back({st.columnInt(3), *unit, found->second, st.columnInt(5)});
    }
    // Grouped by session for the tag pairs, whatever order the query planner walked the sessions in.
    std::stable_sort(out.uses.begin(), out.uses.end(),
                     [](const TagUse& a, const TagUse& b) { return a.session < b.session; });
    return out;
}

/// Percent of `held` sessions; empty when none were held.
std::optional<double> shareOf(std::int64_t sessions, std::int64_t held) {
    if (held <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(sessions) / static_cast<double>(held);
}

/// A tag's count in a unit is a part of the unit's contributions received, which are published as activity.
/// `cards[tag][unit]` is empty where the tag never came up in the unit.
void addTagUnits(std::vector<TagRow>& rows, const std::vector<std::vector<std::optional<std::int64_t>>>& cards,
                 const RangeUnits& range, int threshold) {
    for (std::size_t tag = 0; tag < rows.size(); ++tag) {
        TagRow& row = rows[tag];
        for (std::size_t u = 0; u < range.units.size(); ++u) {
            const RangeUnit& unit = range.units[u];
            const auto& count = cards[tag][u];
            // A unit where a tag never came up is a part too: "none of the 3" says as much as "all of the 3".
            // Only a unit whose contributions are 1..threshold can hide a zero, so only those are looked at.
            if (!count && !isSmall(unit.contributions, threshold)) continue;
            const Cell cell = partCell(count.value_or(0), unit.contributions, threshold);
            addUnit(row.perPeriod[unit.period], cell);
            addUnit(row.total, cell);
        }
    }
}

TagTable tagTableFrom(const TagUses& uses, const RangeUnits& range, const Codebook& codebook,
                      const ReviewSettings& settings) {
    TagTable table;
    table.periods = range.periods;
    table.periodSessions = range.sessions;
    table.formatsMixed = range.formats.size() > 1;
    std::vector<TagRow> rows;
    for (const auto& tag : uses.tags) {
        TagRow row;
        row.tag = tag;
        row.name = codebook.nameOf(tag);
        row.perPeriod.assign(table.periods.size(), Cell{});
        row.sessionsPerPeriod.assign(table.periods.size(), 0);
        rows.push_back(std::move(row));
    }
    // Contributions per tag and unit. A session has one row per tag, so each row is one session for its tag.
    std::vector<std::vector<std::optional<std::int64_t>>> cards(
        rows.size(), std::vector<std::optional<std::int64_t>>(range.units.size()));
    for (const auto& use : uses.uses) {
        auto& count = cards[use.tag][use.unit];
        count = count.value_or(0) + use.cards;
        ++rows[use.tag].sessions;
        ++rows[use.tag].sessionsPerPeriod[range.units[use.unit].period];
    }
    addTagUnits(rows, cards, range, settings.suppressionThreshold);

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

std::vector<TagPair> pairsFrom(const TagUses& uses, std::size_t limit) {
    // Tag indexes ranked by name, so each pair is counted once as (first by name, second by name).
    std::vector<std::size_t> rank(uses.tags.size());
    {
        std::vector<std::size_t> byName(uses.tags.size());
        for (std::size_t i = 0; i < byName.size(); ++i) byName[i] = i;
        std::sort(byName.begin(), byName.end(),
                  [&](std::size_t a, std::size_t b) { return uses.tags[a] < uses.tags[b]; });
        for (std::size_t r = 0; r < byName.size(); ++r) rank[byName[r]] = r;
    }
    std::map<std::pair<std::size_t, std::size_t>, std::int64_t> counts;  // by rank, so in name order
    std::vector<std::size_t> tags;                                       // ranks of the current session's tags
    const auto flush = [&] {
        std::sort(tags.begin(), tags.end());
        for (std::size_t i = 0; i < tags.size(); ++i)
            for (std::size_t j = i + 1; j < tags.size(); ++j) ++counts[{tags[i], tags[j]}];
        tags.clear();
    };
    for (std::size_t k = 0; k < uses.uses.size(); ++k) {
        if (k > 0 && uses.uses[k].session != uses.uses[k - 1].session) flush();
        tags.push_back(rank[uses.uses[k].tag]);
    }
    flush();
    std::vector<std::string> byRank(uses.tags.size());
    for (std::size_t i = 0; i < uses.tags.size(); ++i) byRank[rank[i]] = uses.tags[i];
    std::vector<TagPair> out;
    for (const auto& [pair, n] : counts) out.push_back({byRank[pair.first], byRank[pair.second], n});
    std::stable_sort(out.begin(), out.end(),
                     [](const TagPair& a, const TagPair& b) { return a.sessions > b.sessions; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace

ThemesOverview themesOverview(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                              const ReviewSettings& settings, std::size_t pairLimit) {
    ThemesOverview out;
    const RangeUnits range = readRangeUnits(db, filter);
    const TagUses uses = readTagUses(db, filter, range);
    out.recurring = recurringTags(db, filter, settings);
    out.table = tagTableFrom(uses, range, codebook, settings);
    out.pairs = pairsFrom(uses, pairLimit);
    return out;
}

TagTable themesByTag(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                     const ReviewSettings& settings) {
    return themesOverview(db, codebook, filter, settings, 0).table;
}

std::vector<TagPair> tagPairs(Database& db, const ReviewFilter& filter, std::size_t limit) {
    return pairsFrom(readTagUses(db, filter, readRangeUnits(db, filter)), limit);
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
