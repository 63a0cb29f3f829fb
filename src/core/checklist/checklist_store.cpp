// ChecklistStore implementation and the principles file loader.
#include "core/checklist/checklist_store.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <set>

#include "core/storage/write_transaction.hpp"

namespace reflect::core {

Result<std::vector<Principle>> loadPrinciples(const std::string& path) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        return fail(fmt::format("{}:{}: {}", path, e.source().begin.line, e.description()));
    }
    const toml::array* list = root["principle"].as_array();
    if (!list || list->empty()) return fail(fmt::format("{}: no [[principle]] tables", path));
    std::vector<Principle> out;
    std::set<std::string> seen;
    for (const toml::node& node : *list) {
        const toml::table* t = node.as_table();
        const int line = static_cast<int>(node.source().begin.line);
        if (!t) return fail(fmt::format("{}:{}: principle must be a table", path, line));
        Principle p;
        for (auto [field, target] : {std::pair{"key", &p.key}, std::pair{"name", &p.name},
                                     std::pair{"definition", &p.definition}, std::pair{"question", &p.question}}) {
            const auto value = (*t)[field].value<std::string>();
            if (!value || value->empty())
                return fail(fmt::format("{}:{}: principle.{}: missing or empty", path, line, field));
            *target = *value;
        }
        if (!seen.insert(p.key).second)
            return fail(fmt::format("{}:{}: principle.key: \"{}\" is used twice", path, line, p.key));
        out.push_back(std::move(p));
    }
    return out;
}

std::string_view toString(PrincipleRating rating) noexcept {
    switch (rating) {
        case PrincipleRating::Met:
            return "met";
        case PrincipleRating::Partly:
            return "partly";
        case PrincipleRating::NotYet:
            return "not_yet";
        case PrincipleRating::NotApplicable:
            return "not_applicable";
    }
    return "not_yet";
}

std::optional<PrincipleRating> parsePrincipleRating(std::string_view text) noexcept {
    if (text == "met") return PrincipleRating::Met;
    if (text == "partly") return PrincipleRating::Partly;
    if (text == "not_yet") return PrincipleRating::NotYet;
    if (text == "not_applicable") return PrincipleRating::NotApplicable;
    return std::nullopt;
}

const PrincipleAnswer* Checklist::find(std::string_view principle) const {
    for (const auto& a : answers)
        if (a.principle == principle) return &a;
    return nullptr;
}

Result<std::int64_t> ChecklistStore::save(std::int64_t groupId, std::optional<std::int64_t> sessionId,
                                          const std::vector<PrincipleAnswer>& answers, std::int64_t nowWall) {
    if (answers.empty()) return fail("Rate at least one principle first.");
    std::set<std::string> seen;
    for (const auto& a : answers)
        if (!seen.insert(a.principle).second) return fail("Each principle can be rated once per check.");
    return writeTransaction(m_db, [&] {
        m_db.prepare("INSERT INTO checklists(group_id, session_id, taken_at) VALUES(?, ?, ?)")
            .bind(1, groupId)
            .bind(2, sessionId)
            .bind(3, nowWall)
            .run();
        const auto id = m_db.lastInsertRowId();
        for (const auto& a : answers)
            m_db.prepare(
                    "INSERT INTO checklist_ratings(checklist_id, principle, rating, example, next_step) VALUES(?, ?, "
                    "?, ?, ?)")
                .bind(1, id)
                .bind(2, a.principle)
                .bind(3, toString(a.rating))
                .bind(4, m_scrubber.scrub(a.example).text)
                .bind(5, m_scrubber.scrub(a.nextStep).text)
                .run();
        return id;
    });
}

std::vector<Checklist> ChecklistStore::history(std::int64_t groupId) const {
    std::vector<Checklist> out;
    auto stmt = m_db.prepare("SELECT id, taken_at FROM checklists WHERE group_id = ? ORDER BY taken_at DESC, id DESC");
    stmt.bind(1, groupId);
    while (stmt.step()) out.push_back({stmt.columnInt(0), groupId, stmt.columnInt(1), {}});
    for (auto& c : out) {
        auto ratings =
            m_db.prepare("SELECT principle, rating, example, next_step FROM checklist_ratings WHERE checklist_id = ?");
        ratings.bind(1, c.id);
        while (ratings.step())
            c.answers.push_back({ratings.columnText(0),
                                 parsePrincipleRating(ratings.columnText(1)).value_or(PrincipleRating::NotYet),
                                 ratings.columnText(2), ratings.columnText(3)});
    }
    return out;
}

std::optional<Checklist> ChecklistStore::latest(std::int64_t groupId) const {
    auto all = history(groupId);
    if (all.empty()) return std::nullopt;
    return std::move(all.front());
}

namespace {
/// Met > partly > not yet; "not applicable" is not on the scale.
std::optional<int> score(PrincipleRating r) {
    switch (r) {
        case PrincipleRating::Met:
            return 2;
        case PrincipleRating::Partly:
            return 1;
        case PrincipleRating::NotYet:
            return 0;
        case PrincipleRating::NotApplicable:
            return std::nullopt;
    }
    return std::nullopt;
}
}  // namespace

std::vector<PrincipleChange> compareChecklists(const Checklist* previous, const Checklist& current) {
    std::vector<PrincipleChange> out;
    for (const auto& a : current.answers) {
        PrincipleChange c{a.principle, std::nullopt, a.rating, 0};
        if (previous)
            if (const PrincipleAnswer* before = previous->find(a.principle)) {
                c.before = before->rating;
                const auto was = score(before->rating);
                const auto is = score(a.rating);
                if (was && is) c.direction = *is > *was ? 1 : *is < *was ? -1 : 0;
            }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace reflect::core
