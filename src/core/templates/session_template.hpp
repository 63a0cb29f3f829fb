// SessionTemplate: one session format (a Round, Team Time, a set...) as loaded from a TOML file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reflect::core {

/// How the shared room screen shows the clock during a stage: large where a set keeps strict time,
/// small or hidden while people tell stories or talk, so the room is not watching a countdown.
enum class RoomTimer { Large, Small, Hidden };
[[nodiscard]] std::string_view roomTimerName(RoomTimer timer) noexcept;
[[nodiscard]] std::optional<RoomTimer> parseRoomTimer(std::string_view name) noexcept;

/// What a stage offers besides its timer. Screens key off these, never off stage keys.
struct StageFlags {
    bool acceptsContributions = false;
    bool evaluation = false;
    bool actionsReview = false;
    bool bids = false;         ///< a set's bids for time: presenters and the minutes each asks for
    bool commitment = false;   ///< a presenter's action commitment: the actions are recorded here
    bool isBreak = false;      ///< a break; placed between presenters when it follows a repeat block
    bool nextMeeting = false;  ///< the close asks for the date of the next meeting
    RoomTimer roomTimer = RoomTimer::Small;
    bool operator==(const StageFlags&) const = default;
};

struct StageDef {
    std::string key;
    std::string name;
    double minutes = 0;
    std::optional<double> minMinutes;
    std::optional<double> maxMinutes;
    std::string prompt;
    std::string guidance;
    std::string repeat;           ///< key of the repeat block this stage belongs to, or empty
    bool shareRemaining = false;  ///< takes what the stated length leaves, within min and max minutes
    StageFlags flags;
    int line = 0;  ///< line in the source file, for messages
};

/// A block of consecutive stages that repeats once per panellist, storyteller or presenter.
struct RepeatDef {
    std::string key;
    std::string label;  ///< "Panellist {n}" or "Presenter {letter}"
    int defaultCount = 1;
    int min = 1;
    int max = 1;
    bool shareRemaining = false;
    [[nodiscard]] std::string labelFor(int index) const;  ///< index from 0
};

/// Floors a template may raise but never lower; see assets/templates/README.md for the reasons.
inline constexpr int kRevealMinContributionsFloor = 3;
inline constexpr int kRevealMinPresentFloorGroup = 5;  ///< Rounds, Team Time, peer groups, supervision, custom
inline constexpr int kRevealMinPresentFloorSet = 3;    ///< Action Learning Sets (four to eight members)

/// Board settings: whether themes can be voted on and when contributions may be revealed.
struct BoardSettings {
    bool votes = false;
    int revealMinContributions = kRevealMinContributionsFloor;
    int revealMinPresent = kRevealMinPresentFloorGroup;
    /// After the reveal the room sees a read-only wall of cards, paged by the facilitator; grouping and tagging
    /// wait for the console afterwards (Rounds, Team Time, peer groups: 60 people are not kept waiting).
    bool wall = false;
    bool operator==(const BoardSettings&) const = default;
};

/// The lowest head count a format may reveal contributions at.
[[nodiscard]] int revealMinPresentFloor(std::string_view format) noexcept;
/// Ranking feelings by popularity goes against everyone's experience counting the same; only sets and
/// custom formats may allow votes.
[[nodiscard]] bool formatAllowsVotes(std::string_view format) noexcept;
/// The string key of the name a person sees for a format code ("round" -> "format.round"); the code itself
/// is never shown. Unknown codes map to "format.custom".
[[nodiscard]] std::string formatNameKey(std::string_view format);
/// The English name of a format for the printed reports (the kiosk's and the trust's HTML), which are English
/// throughout; a test keeps it equal to the string table's "format.*" texts.
[[nodiscard]] std::string_view formatDisplayName(std::string_view format) noexcept;

struct SessionTemplate {
    std::string id;
    std::string name;
    std::string format;
    std::string purpose;
    std::optional<double> minutes;
    std::vector<std::string> agreements;
    std::vector<std::string> evaluationStatements;
    std::vector<RepeatDef> repeats;
    std::vector<StageDef> stages;
    BoardSettings board;
    std::string sourceFile;  ///< file name only, for messages

    [[nodiscard]] const RepeatDef* findRepeat(const std::string& key) const;
    /// Planned length in minutes with default repeat counts, after any share-out of remaining time.
    [[nodiscard]] double defaultMinutes() const;
};

/// Formats the kiosk knows how to label; a template must use one of them.
[[nodiscard]] bool isKnownFormat(const std::string& format);

}  // namespace reflect::core
