// ThemeBoard implementation.
#include "core/board/theme_board.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/contribute/contribution_service.hpp"
#include "core/storage/random_key.hpp"
#include "core/storage/write_transaction.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core {

namespace {
constexpr std::size_t kMaxThemeName = 80;
}  // namespace

RevealCheck checkReveal(ContributionState state, int count, int minimum, int present, int minimumPresent) noexcept {
    RevealCheck check{RevealRefusal::None, count, minimum, present, std::max(0, minimumPresent)};
    if (state == ContributionState::Open)
        check.refusal = RevealRefusal::StillOpen;
    else if (count < minimum)
        check.refusal = RevealRefusal::TooFew;
    else if (present < check.minimumPresent)
        check.refusal = RevealRefusal::TooFewPresent;
    return check;
}

std::string foldedCardText(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<BoardCard> mergeDuplicates(const std::vector<BoardCard>& cards) {
    std::vector<BoardCard> out;
    std::map<std::pair<std::int64_t, std::string>, std::size_t> first;  // (theme, folded text) -> index in out
    for (const auto& c : cards) {
        auto [it, added] = first.try_emplace({c.themeId, foldedCardText(c.text)}, out.size());
        if (added) {
            out.push_back(c);
            out.back().sameAs.clear();
        } else {
            out[it->second].sameAs.push_back(c.id);
        }
    }
    return out;
}

std::vector<std::int64_t> withCopies(const std::vector<BoardCard>& merged, const std::vector<std::int64_t>& ids) {
    std::vector<std::int64_t> out;
    for (const auto id : ids) {
        out.push_back(id);
        for (const auto& c : merged)
            if (c.id == id) out.insert(out.end(), c.sameAs.begin(), c.sameAs.end());
    }
    return out;
}

void ThemeBoard::load(std::int64_t sessionId) {
    m_sessionId = sessionId;
    m_cards.clear();
    for (auto& c : m_store.shuffled(sessionId))
        if (!c.hidden) m_cards.push_back({c.id, std::move(c.text), 0, {}});
    auto stmt = m_db.prepare(
        "SELECT tc.contribution_id, tc.theme_id FROM theme_cards tc JOIN themes t ON t.id = tc.theme_id WHERE "
        "t.session_id = ?");
    stmt.bind(1, sessionId);
    while (stmt.step())
        if (BoardCard* c = card(stmt.columnInt(0))) c->themeId = stmt.columnInt(1);
    reloadThemes();

    // Earlier sessions do not change while this board is open, so their tags are counted once here.
    m_earlierTags.clear();
    m_earlierSessions = 0;
    auto earlier = m_db.prepare(
        "SELECT id FROM sessions WHERE format = (SELECT format FROM sessions WHERE id = ?1) AND id <> ?1 "
        "AND started_at <= (SELECT started_at FROM sessions WHERE id = ?1) ORDER BY started_at DESC LIMIT ?2");
    earlier.bind(1, sessionId).bind(2, kRecurrenceWindow);
    while (earlier.step()) {
        ++m_earlierSessions;
        auto tags = m_db.prepare(
            "SELECT DISTINCT tt.tag FROM theme_tags tt JOIN themes t ON t.id = tt.theme_id WHERE t.session_id = ?");
        tags.bind(1, earlier.columnInt(0));
        while (tags.step()) ++m_earlierTags[tags.columnText(0)];
    }
}

void ThemeBoard::unload() noexcept {
    m_sessionId = 0;
    m_cards.clear();
    m_themes.clear();
    m_earlierSessions = 0;
    m_earlierTags.clear();
}

void ThemeBoard::reloadThemes() {
    m_themes.clear();
    auto stmt = m_db.prepare("SELECT id, name, votes FROM themes WHERE session_id = ? ORDER BY position, name");
    stmt.bind(1, m_sessionId);
    while (stmt.step())
        m_themes.push_back({stmt.columnInt(0), stmt.columnText(1), static_cast<int>(stmt.columnInt(2)), {}});
    for (auto& t : m_themes) {
        std::set<std::string> keys;
        auto tags = m_db.prepare("SELECT tag FROM theme_tags WHERE theme_id = ?");
        tags.bind(1, t.id);
        while (tags.step()) keys.insert(tags.columnText(0));
        for (const auto& tag : m_codebook.tags)
            if (keys.count(tag.key)) t.tags.push_back(tag.key);
        // A tag since removed from the codebook still belongs to the theme: show it by its key, last.
        for (const auto& k : keys)
            if (!m_codebook.find(k)) t.tags.push_back(k);
    }
}

const BoardTheme* ThemeBoard::theme(std::int64_t id) const noexcept {
    for (const auto& t : m_themes)
        if (t.id == id) return &t;
    return nullptr;
}

int ThemeBoard::cardsIn(std::int64_t themeId) const noexcept {
    return static_cast<int>(
        std::count_if(m_cards.begin(), m_cards.end(), [&](const BoardCard& c) { return c.themeId == themeId; }));
}

BoardCard* ThemeBoard::card(std::int64_t id) noexcept {
    for (auto& c : m_cards)
        if (c.id == id) return &c;
    return nullptr;
}

Result<std::string> ThemeBoard::cleanName(std::string_view name) const {
    if (!isValidUtf8(name)) return fail("The theme name has characters that cannot be read.");
    std::string text = m_scrubber.scrub(name).text;
    for (char& c : text)
        if (c == '\n' || c == '\t') c = ' ';
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return fail("A theme needs a name.");
    text = text.substr(first, text.find_last_not_of(' ') - first + 1);
    if (countCharacters(text) > kMaxThemeName) return fail("A theme name can have at most 80 characters.");
    return text;
}

Result<std::int64_t> ThemeBoard::createTheme(const std::vector<std::int64_t>& cardIds, std::string_view name) {
    if (m_sessionId == 0) return fail("No session is on the board.");
    if (cardIds.empty()) return fail("Choose at least one card for the theme.");
    for (const auto id : cardIds)
        if (!card(id)) return fail("A chosen card is no longer on the board.");
    auto clean = cleanName(name);
    if (!clean) return clean.error();
    const std::int64_t id = randomKey();
    auto written = writeTransaction(m_db, [&] {
        m_db.prepare(
                "INSERT INTO themes(id, session_id, name, position) VALUES(?, ?, ?, "
                "(SELECT COALESCE(MAX(position), 0) + 1 FROM themes WHERE session_id = ?))")
            .bind(1, id)
            .bind(2, m_sessionId)
            .bind(3, clean.value())
            .bind(4, m_sessionId)
            .run();
        for (const auto c : cardIds)
            m_db.prepare(
                    "INSERT INTO theme_cards(contribution_id, theme_id) VALUES(?, ?) "
                    "ON CONFLICT(contribution_id) DO UPDATE SET theme_id = excluded.theme_id")
                .bind(1, c)
                .bind(2, id)
                .run();
    });
    if (!written) return written.error();
    for (const auto c : cardIds) card(c)->themeId = id;
    if (auto cleaned = cleanEmptyThemes(); !cleaned) return cleaned.error();
    reloadThemes();
    return id;
}

Result<void> ThemeBoard::rename(std::int64_t themeId, std::string_view name) {
    if (!theme(themeId)) return fail("That theme is no longer on the board.");
    auto clean = cleanName(name);
    if (!clean) return clean.error();
    auto written = writeTransaction(m_db, [&] {
        m_db.prepare("UPDATE themes SET name = ? WHERE id = ?").bind(1, clean.value()).bind(2, themeId).run();
    });
    if (written) reloadThemes();
    return written;
}

Result<void> ThemeBoard::toggleTag(std::int64_t themeId, std::string_view tagKey) {
    const BoardTheme* t = theme(themeId);
    if (!t) return fail("That theme is no longer on the board.");
    if (!m_codebook.find(tagKey)) return fail("That tag is not in the codebook.");
    const bool has = std::find(t->tags.begin(), t->tags.end(), tagKey) != t->tags.end();
    auto written = writeTransaction(m_db, [&] {
        if (has)
            m_db.prepare("DELETE FROM theme_tags WHERE theme_id = ? AND tag = ?")
                .bind(1, themeId)
                .bind(2, tagKey)
                .run();
        else
            m_db.prepare("INSERT INTO theme_tags(theme_id, tag) VALUES(?, ?)").bind(1, themeId).bind(2, tagKey).run();
    });
    if (written) reloadThemes();
    return written;
}

Result<void> ThemeBoard::merge(std::int64_t into, std::int64_t from) {
    if (into == from) return fail("Choose two different themes to merge.");
    if (!theme(into) || !theme(from)) return fail("That theme is no longer on the board.");
    auto written = writeTransaction(m_db, [&] {
        m_db.prepare("UPDATE theme_cards SET theme_id = ? WHERE theme_id = ?").bind(1, into).bind(2, from).run();
        m_db.prepare("INSERT OR IGNORE INTO theme_tags(theme_id, tag) SELECT ?, tag FROM theme_tags WHERE theme_id = ?")
            .bind(1, into)
            .bind(2, from)
            .run();
        m_db.prepare("UPDATE themes SET votes = votes + (SELECT votes FROM themes WHERE id = ?2) WHERE id = ?1")
            .bind(1, into)
            .bind(2, from)
            .run();
        m_db.prepare("DELETE FROM themes WHERE id = ?").bind(1, from).run();
    });
    if (!written) return written;
    for (auto& c : m_cards)
        if (c.themeId == from) c.themeId = into;
    reloadThemes();
    return ok();
}

Result<std::int64_t> ThemeBoard::split(std::int64_t themeId, const std::vector<std::int64_t>& cardIds,
                                       std::string_view name) {
    if (!theme(themeId)) return fail("That theme is no longer on the board.");
    for (const auto id : cardIds) {
        const BoardCard* c = card(id);
        if (!c || c->themeId != themeId) return fail("Choose cards from the theme you are splitting.");
    }
    if (cardIds.empty()) return fail("Choose the cards that should form the new theme.");
    return createTheme(cardIds, name);
}

Result<void> ThemeBoard::ungroup(const std::vector<std::int64_t>& cardIds) {
    auto written = writeTransaction(m_db, [&] {
        for (const auto id : cardIds)
            m_db.prepare("DELETE FROM theme_cards WHERE contribution_id = ?").bind(1, id).run();
    });
    if (!written) return written;
    for (const auto id : cardIds)
        if (BoardCard* c = card(id)) c->themeId = 0;
    auto cleaned = cleanEmptyThemes();
    reloadThemes();
    return cleaned;
}

Result<void> ThemeBoard::hideCard(std::int64_t cardId) {
    if (!card(cardId)) return fail("That card is no longer on the board.");
    auto written = writeTransaction(m_db, [&] {
        m_db.prepare("DELETE FROM theme_cards WHERE contribution_id = ?").bind(1, cardId).run();
        m_db.prepare("UPDATE contributions SET hidden = 1 WHERE id = ? AND session_id = ?")
            .bind(1, cardId)
            .bind(2, m_sessionId)
            .run();
    });
    if (!written) return written;
    std::erase_if(m_cards, [&](const BoardCard& c) { return c.id == cardId; });
    auto cleaned = cleanEmptyThemes();
    reloadThemes();
    return cleaned;
}

Result<void> ThemeBoard::vote(std::int64_t themeId, int delta) {
    const BoardTheme* t = theme(themeId);
    if (!t) return fail("That theme is no longer on the board.");
    const int votes = std::clamp(t->votes + delta, 0, 999);
    auto written = writeTransaction(
        m_db, [&] { m_db.prepare("UPDATE themes SET votes = ? WHERE id = ?").bind(1, votes).bind(2, themeId).run(); });
    if (written) reloadThemes();
    return written;
}

Result<void> ThemeBoard::cleanEmptyThemes() {
    return writeTransaction(m_db, [&] {
        m_db.prepare("DELETE FROM themes WHERE session_id = ? AND id NOT IN (SELECT theme_id FROM theme_cards)")
            .bind(1, m_sessionId)
            .run();
    });
}

TagRecurrence ThemeBoard::recurrence(std::string_view tagKey) const {
    TagRecurrence r;
    r.sessions = m_earlierSessions;
    const auto it = m_earlierTags.find(std::string(tagKey));
    r.carrying = it == m_earlierTags.end() ? 0 : it->second;
    return r;
}

std::optional<int> sessionAttendance(Database& db, std::int64_t sessionId) {
    auto stmt = db.prepare("SELECT attendance FROM sessions WHERE id = ?");
    stmt.bind(1, sessionId);
    if (!stmt.step() || stmt.columnIsNull(0)) return std::nullopt;
    return static_cast<int>(stmt.columnInt(0));
}

Result<void> setSessionAttendance(Database& db, std::int64_t sessionId, int people) {
    if (people < 0 || people > 500) return fail("The number of people must be between 0 and 500.");
    return writeTransaction(db, [&] {
        db.prepare("UPDATE sessions SET attendance = ? WHERE id = ?").bind(1, people).bind(2, sessionId).run();
    });
}

}  // namespace reflect::core
