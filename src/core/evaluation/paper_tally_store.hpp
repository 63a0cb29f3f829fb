// PaperTallyStore: the paper forms of an ended session, saved as ordinary anonymous evaluations in one
// transaction. Only the session keeps what came from paper (the typed counts), never a row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/evaluation/paper_tally.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// An ended session whose paper forms may be entered.
struct TallySession {
    std::int64_t id = 0;
    std::string title;
    std::string templateName;
    WallMs startedWall = 0;
    WallMs endedWall = 0;
    int paperForms = 0;  ///< paper forms entered so far (0 = none yet)
};

/// A session's tally as it opens for editing: the paper figures entered before (zeros when none) and the rest.
struct PaperTallyRecord {
    TallySession session;
    std::vector<std::string> statements;  ///< the statements the session's template asked, in order
    PaperTally tally;
    int otherForms = 0;  ///< evaluations from phones or the kiosk; a paper tally never changes them
};

/// The failure message save() gives when the paper rows saved before are no longer all there (a purge); the
/// flow shows the string-table text for it.
inline constexpr std::string_view kTallyRowsMissing = "tally.rows_missing";

/// How long after its end a session's paper forms can still be entered from home.
inline constexpr int kTallyDays = 14;

class PaperTallyStore {
public:
    explicit PaperTallyStore(Database& db) : m_db(db) {}

    /// Sessions that ended within `days` before `now`, newest first.
    [[nodiscard]] std::vector<TallySession> recentlyEnded(WallMs now, int days = kTallyDays, int limit = 3) const;
    [[nodiscard]] Result<PaperTallyRecord> open(std::int64_t sessionId) const;
    /// One transaction: takes out the rows of the earlier paper tally (if any), adds the new one's rows and staff
    /// group counts, records the head count and the new paper counts, and rewrites the session's evaluations in a
    /// fresh random order; then wipes the WAL. Evaluations from phones and the kiosk stay as they are. The caller
    /// checks the tally with validateTally first; this refuses any tally that would fail it anyway.
    [[nodiscard]] Result<void> save(std::int64_t sessionId, const PaperTally& tally);

private:
    Database& m_db;
};

/// The counts as stored in paper_tallies.counts (JSON), and back.
[[nodiscard]] std::string tallyToJson(const PaperTally& tally);
[[nodiscard]] Result<PaperTally> tallyFromJson(std::string_view json);

}  // namespace reflect::core
