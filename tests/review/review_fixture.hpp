// Lead review tests: a crafted history (exact contributions under exact tags, exact answers) and its helpers.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/contribute/codebook.hpp"
#include "core/review/review.hpp"
#include "core/storage/random_key.hpp"
#include "support/fixtures.hpp"

namespace reflect::test::review {

/// Milliseconds since the epoch for noon UTC on a calendar day.
inline std::int64_t noon(int y, unsigned m, unsigned d) {
    const std::chrono::sys_days day = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
    return (day.time_since_epoch().count() * 86'400LL + 12 * 3600LL) * 1000LL;
}

/// A crafted history: sessions with exact numbers of contributions under exact tags.
class Fixture {
public:
    Fixture() : m_db(reflect::test::memoryDatabase()) {
        m_db->exec(
            "INSERT INTO groups(id, name, format, created_at) VALUES (1, 'Ward A', 'team-time', 0), "
            "(2, 'Ward B', 'team-time', 0)");
    }
    reflect::core::Database& db() { return *m_db; }

    std::int64_t session(std::int64_t group, std::int64_t startedAt, int attendance = 10) {
        m_db->prepare(
                "INSERT INTO sessions(group_id, template_id, template_name, format, plan, status, started_at, "
                "ended_at, attendance) VALUES(?, 'team-time', 'Team Time', 'team-time', '{}', 'ended', ?, ?, ?)")
            .bind(1, group)
            .bind(2, startedAt)
            .bind(3, startedAt + 3'600'000)
            .bind(4, attendance)
            .run();
        return m_db->lastInsertRowId();
    }
    /// A theme with one tag and `count` contributions filed under it, each with the given text.
    void theme(std::int64_t session, const std::string& tag, int count, const std::string& text = "a thought") {
        const auto themeId = reflect::core::randomKey();
        m_db->prepare("INSERT INTO themes(id, session_id, name) VALUES(?, ?, ?)")
            .bind(1, themeId)
            .bind(2, session)
            .bind(3, "Theme " + tag)
            .run();
        m_db->prepare("INSERT INTO theme_tags(theme_id, tag) VALUES(?, ?)").bind(1, themeId).bind(2, tag).run();
        for (int i = 0; i < count; ++i) {
            const auto id = reflect::core::randomKey();
            m_db->prepare("INSERT INTO contributions(id, session_id, stage_index, text) VALUES(?, ?, 1, ?)")
                .bind(1, id)
                .bind(2, session)
                .bind(3, text)
                .run();
            m_db->prepare("INSERT INTO theme_cards(contribution_id, theme_id) VALUES(?, ?)")
                .bind(1, id)
                .bind(2, themeId)
                .run();
        }
    }
    void evaluations(std::int64_t session, const std::vector<int>& answers) {
        for (const int a : answers) {
            const auto id = reflect::core::randomKey();
            m_db->prepare("INSERT INTO evaluations(id, session_id, overall) VALUES(?, ?, ?)")
                .bind(1, id)
                .bind(2, session)
                .bind(3, a)
                .run();
            m_db->prepare(
                    "INSERT INTO evaluation_answers(evaluation_id, statement_index, statement, answer) "
                    "VALUES(?, 0, 'I felt listened to.', ?)")
                .bind(1, id)
                .bind(2, a)
                .run();
        }
    }

private:
    std::unique_ptr<reflect::core::Database> m_db;
};

inline const reflect::core::Codebook& codebook() {
    static const reflect::core::Codebook book =
        reflect::core::loadCodebook(reflect::test::assetsDir() / "codebook.toml").value();
    return book;
}

inline reflect::core::ReviewFilter range(std::string from, std::string to,
                                         reflect::core::PeriodKind kind = reflect::core::PeriodKind::Month) {
    reflect::core::ReviewFilter f;
    f.period = kind;
    f.from = std::move(from);
    f.to = std::move(to);
    return f;
}

inline const reflect::core::TagRow* findTag(const reflect::core::TagTable& table, const std::string& tag) {
    for (const auto& row : table.rows)
        if (row.tag == tag) return &row;
    return nullptr;
}

}  // namespace reflect::test::review
