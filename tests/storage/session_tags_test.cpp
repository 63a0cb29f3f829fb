// session_tags, the per-session tag counts the review reads, is kept by triggers: after every kind of change the
// board, the end of a session, the retention purge or a deletion can make, it holds exactly what the themes and
// their tags add up to.
#include <map>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "core/board/theme_board.hpp"
#include "core/storage/migrations.hpp"
#include "support/board_kiosk.hpp"

using namespace reflect;

namespace {

using TagCounts = std::map<std::tuple<std::int64_t, std::string>, std::pair<std::int64_t, std::int64_t>>;

TagCounts kept(core::Database& db) {
    TagCounts out;
    auto st = db.prepare("SELECT session_id, tag, cards, themes FROM session_tags");
    while (st.step()) out[{st.columnInt(0), st.columnText(1)}] = {st.columnInt(2), st.columnInt(3)};
    return out;
}

/// What the themes say, worked out from scratch (cards counted from theme_cards, not from card_count).
TagCounts recomputed(core::Database& db) {
    TagCounts out;
    auto st = db.prepare(
        "SELECT t.session_id, tt.tag, SUM((SELECT COUNT(*) FROM theme_cards tc WHERE tc.theme_id = t.id)), COUNT(*) "
        "FROM themes t JOIN theme_tags tt ON tt.theme_id = t.id GROUP BY 1, 2");
    while (st.step()) out[{st.columnInt(0), st.columnText(1)}] = {st.columnInt(2), st.columnInt(3)};
    return out;
}

/// Starts a Round, takes `n` contributions and closes them; returns the session.
std::int64_t sessionWith(test::BoardKiosk& k, int n) {
    const auto sid = k.startRound();
    k.addOpen(sid, n);
    return sid;
}

std::vector<std::int64_t> cardIds(const core::ThemeBoard& board) {
    std::vector<std::int64_t> ids;
    for (const auto& c : board.cards()) ids.push_back(c.id);
    return ids;
}

std::string tagAt(const core::Codebook& codebook, std::size_t i) {
    REQUIRE(codebook.tags.size() > i);
    return codebook.tags[i].key;
}

}  // namespace

TEST_CASE("session_tags follows every board change, the end of a session and a deletion", "[storage][review]") {
    test::BoardKiosk k;
    const auto sid = sessionWith(k, 8);
    core::ThemeBoard board(*k.db, k.codebook, k.scrubber);
    board.load(sid);
    const auto ids = cardIds(board);
    REQUIRE(ids.size() == 8);
    const auto workload = tagAt(k.codebook, 0), grief = tagAt(k.codebook, 1), team = tagAt(k.codebook, 2);
    const auto same = [&](const char* step) {
        INFO("after " << step);
        CHECK(kept(*k.db) == recomputed(*k.db));
    };

    const auto a = board.createTheme({ids[0], ids[1], ids[2]}, "Stretched");
    const auto b = board.createTheme({ids[3], ids[4]}, "Losing a patient");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(board.toggleTag(a.value(), workload));
    REQUIRE(board.toggleTag(a.value(), team));
    REQUIRE(board.toggleTag(b.value(), grief));
    REQUIRE(board.toggleTag(b.value(), workload));
    same("tagging");
    CHECK(kept(*k.db).at({sid, workload}) == std::pair<std::int64_t, std::int64_t>{5, 2});

    REQUIRE(board.ungroup({ids[0]}));
    same("taking a card out");
    const auto c = board.split(a.value(), {ids[1]}, "Short-staffed");
    REQUIRE(c);
    REQUIRE(board.toggleTag(c.value(), grief));
    same("a split");
    REQUIRE(board.toggleTag(a.value(), team));
    same("a tag taken off");
    REQUIRE(board.merge(b.value(), c.value()));
    same("a merge");
    REQUIRE(board.hideCard(ids[2]));
    same("hiding the last card of a theme, which removes the theme");
    REQUIRE(k.sessions.apply(core::SessionOp::End));
    same("the end of the session, which rewrites its contributions under new keys");
    CHECK_FALSE(kept(*k.db).empty());

    const auto second = sessionWith(k, 3);
    board.load(second);
    const auto d = board.createTheme(cardIds(board), "Nights");
    REQUIRE(d);
    REQUIRE(board.toggleTag(d.value(), workload));
    same("a second session");
    k.db->exec("DELETE FROM themes WHERE id = " + std::to_string(d.value()));
    same("a theme deleted directly");
    CHECK(kept(*k.db).count({second, workload}) == 0);
    k.db->exec("DELETE FROM sessions WHERE id = " + std::to_string(sid));
    same("a session deleted");
    CHECK(kept(*k.db).empty());
}

TEST_CASE("migration 10 fills session_tags from the themes an older kiosk kept", "[storage][review][migration]") {
    auto db = std::make_unique<core::Database>(":memory:");
    core::migrateTo(*db, 9);
    db->exec(
        "INSERT INTO sessions(id, template_id, template_name, format, plan, status, started_at) "
        "VALUES(1, 'round', 'Schwartz Round', 'round', '{}', 'ended', 0);"
        "INSERT INTO contributions(id, session_id, stage_index, text) VALUES(10, 1, 2, 'a'), (11, 1, 2, 'b'), "
        "(12, 1, 2, 'c');"
        "INSERT INTO themes(id, session_id, name) VALUES(5, 1, 'One'), (6, 1, 'Two');"
        "INSERT INTO theme_cards(contribution_id, theme_id) VALUES(10, 5), (11, 5), (12, 6);"
        "INSERT INTO theme_tags(theme_id, tag) VALUES(5, 'workload'), (6, 'workload'), (6, 'grief');");
    core::migrate(*db);
    CHECK(kept(*db) == recomputed(*db));
    CHECK(kept(*db).at({1, "workload"}) == std::pair<std::int64_t, std::int64_t>{3, 2});
    CHECK(kept(*db).at({1, "grief"}) == std::pair<std::int64_t, std::int64_t>{1, 1});
}
