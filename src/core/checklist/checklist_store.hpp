// ChecklistStore: the peer-support principles checklist, rated by a group, kept per group and date, compared with
// the group's previous check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy/scrubber.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct Principle {
    std::string key;
    std::string name;
    std::string definition;
    std::string question;
};

/// Reads assets/principles.toml; errors name the file, line and field.
[[nodiscard]] Result<std::vector<Principle>> loadPrinciples(const std::string& path);

enum class PrincipleRating { Met, Partly, NotYet, NotApplicable };

[[nodiscard]] std::string_view toString(PrincipleRating rating) noexcept;
[[nodiscard]] std::optional<PrincipleRating> parsePrincipleRating(std::string_view text) noexcept;

struct PrincipleAnswer {
    std::string principle;  ///< Principle::key
    PrincipleRating rating = PrincipleRating::NotYet;
    std::string example;   ///< raw in, scrubbed stored
    std::string nextStep;  ///< raw in, scrubbed stored
};

struct Checklist {
    std::int64_t id = 0;
    std::int64_t groupId = 0;
    std::int64_t takenAtWall = 0;
    std::vector<PrincipleAnswer> answers;  ///< stored text is scrubbed
    [[nodiscard]] const PrincipleAnswer* find(std::string_view principle) const;
};

/// One principle's rating in the latest check against the one before. `before` is empty when it was not rated.
struct PrincipleChange {
    std::string principle;
    std::optional<PrincipleRating> before;
    PrincipleRating now = PrincipleRating::NotYet;
    int direction = 0;  ///< +1 better, -1 worse, 0 same or not comparable
};

class ChecklistStore {
public:
    ChecklistStore(Database& db, const Scrubber& scrubber) : m_db(db), m_scrubber(scrubber) {}

    [[nodiscard]] Result<std::int64_t> save(std::int64_t groupId, std::optional<std::int64_t> sessionId,
                                            const std::vector<PrincipleAnswer>& answers, std::int64_t nowWall);
    /// Newest first.
    [[nodiscard]] std::vector<Checklist> history(std::int64_t groupId) const;
    [[nodiscard]] std::optional<Checklist> latest(std::int64_t groupId) const;

private:
    Database& m_db;
    const Scrubber& m_scrubber;
};

/// What changed from `previous` to `current`, in the order of `current`.
[[nodiscard]] std::vector<PrincipleChange> compareChecklists(const Checklist* previous, const Checklist& current);

}  // namespace reflect::core
