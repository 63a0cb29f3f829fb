// GroupStore: the groups that meet again and again (a set, a Rounds programme, a team), and their attendance counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

struct Group {
    std::int64_t id = 0;
    std::string name;
    std::string format;  ///< a template format: "action-learning", "schwartz-round"...
    std::optional<int> expectedSize;
};

/// What the home screen shows for a group: enough to say what happens next, never who was there.
struct GroupOverview {
    Group group;
    int meetings = 0;     ///< ended sessions of the group
    int openActions = 0;  ///< open or in progress
    std::optional<std::int64_t> lastMetWall;
};

class GroupStore {
public:
    explicit GroupStore(Database& db) : m_db(db) {}

    /// Name must not be empty (at most 80 characters); expected size 1..500 when given.
    [[nodiscard]] Result<std::int64_t> create(std::string_view name, std::string_view format,
                                              std::optional<int> expectedSize, std::int64_t nowWall);
    [[nodiscard]] std::vector<Group> list() const;
    [[nodiscard]] std::optional<Group> find(std::int64_t id) const;
    [[nodiscard]] std::vector<GroupOverview> overview() const;
    /// Attendance is a head count for the session, never names (written by setSessionAttendance in
    /// board/theme_board.hpp).
    [[nodiscard]] std::optional<int> attendance(std::int64_t sessionId) const;
    [[nodiscard]] std::optional<std::int64_t> groupOfSession(std::int64_t sessionId) const;

private:
    Database& m_db;
};

inline constexpr std::size_t kMaxGroupNameCharacters = 80;

}  // namespace reflect::core
