// Lead review: the figures behind the dashboard, the exports and the printed report. Each panel's queries live
// in their own file (sessions_panel.cpp, themes_panel.cpp, ...); every figure about what people said goes
// through the unit rule of suppression.hpp before it leaves this module.
//
// Beyond the unit rule:
// - Ranges are widened to whole periods, so two overlapping custom ranges differ by whole periods, never a session.
// - Nothing finer than a unit is counted for a lead: the session list has no per-session counts, and search hits
//   and quotes carry a month and a group, never a date.
// - Ratings are pooled by group, format and quarter instead of month, and a range for them is widened to whole
//   quarters: a month of one group rarely holds enough answers.
// - Free text (contributions, comments, theme names) comes only from sessions with at least freeTextPeople people
//   present and freeTextMinimum visible contributions, and never from hidden or purged ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/contribute/codebook.hpp"
#include "core/groups/group_store.hpp"
#include "core/result.hpp"
#include "core/review/suppression.hpp"
#include "core/storage/database.hpp"
#include "core/text/time_format.hpp"

namespace reflect::core {

enum class PeriodKind { Month, Quarter, Year };

[[nodiscard]] const char* periodKindName(PeriodKind kind);
[[nodiscard]] std::optional<PeriodKind> parsePeriodKind(std::string_view text);

struct ReviewSettings {
    int suppressionThreshold = 7;  ///< cells backed by 1..this show '*'
    int freeTextMinimum = 3;       ///< free text only from sessions with at least this many visible contributions
    int freeTextPeople = 8;        ///< ... and at least this many people counted present
    int recurringWindow = 6;       ///< "recurring": a tag in at least recurringMinimum of a group's last N sessions
    int recurringMinimum = 3;
};

struct ReviewFilter {
    PeriodKind period = PeriodKind::Month;
    std::optional<std::string> from;  ///< YYYY-MM-DD, widened to the start of its period
    std::optional<std::string> to;    ///< YYYY-MM-DD, widened to the end of its period
    std::optional<std::int64_t> groupId;
    std::optional<std::string> format;
};

/// A group as the review lists it: the groups' own store's row (one reading of the groups table, not two).
using GroupInfo = Group;
[[nodiscard]] std::vector<GroupInfo> listGroups(Database& db);

/// Activity in one period: never suppressed (see suppression.hpp), so every Cell here is shown as it is.
struct SessionsRow {
    std::string period;
    std::int64_t sessions = 0;
    Cell attendance;     ///< the facilitators' head counts
    Cell contributions;  ///< contributions received
    Cell evaluations;    ///< evaluation forms returned
    /// Forms returned per 100 people counted present; empty when no head count was recorded.
    [[nodiscard]] std::optional<double> returnRate() const;
};
struct SessionsOverTime {
    std::vector<SessionsRow> rows;
    SessionsRow total;  ///< period "Total"
};
[[nodiscard]] SessionsOverTime sessionsOverTime(Database& db, const ReviewFilter& filter,
                                                const ReviewSettings& settings);

struct TagRow {
    std::string tag;
    std::string name;
    std::vector<Cell> perPeriod;  ///< contributions filed under the tag, aligned with TagTable::periods
    Cell total;
    /// Sessions in which the tag came up, per period. Not suppressed: a session is not a person, and whether a
    /// theme came up is what everyone in that room saw on the board. This is the trend leads read.
    std::vector<std::int64_t> sessionsPerPeriod;
    std::int64_t sessions = 0;          ///< sessions in which the tag came up, whole range
    double share = 0;                   ///< percent of the range's sessions in which the tag came up
    std::optional<double> shareNow;     ///< percent of the last period's sessions
    std::optional<double> shareBefore;  ///< percent of the period before's sessions
    /// Comes up in at least twice the codebook's baseline share (and in recurringMinimum sessions or more).
    bool recurring = false;
};
struct TagTable {
    std::vector<std::string> periods;
    std::vector<std::int64_t> periodSessions;  ///< sessions held in each period (the share's denominator)
    std::vector<TagRow> rows;                  ///< highest share in the last period first
    double baselineShare = 0;   ///< percent of sessions the average codebook tag comes up in over the range
    bool formatsMixed = false;  ///< the range holds more than one format: shares would mix them
};
[[nodiscard]] TagTable themesByTag(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                                   const ReviewSettings& settings);

struct RecurringTag {
    std::string group;
    std::string tag;
    int sessionsWithTag = 0;
    int window = 0;
};
/// Tags that came up in at least recurringMinimum of each group's last recurringWindow sessions (up to
/// the end of the filter's range).
[[nodiscard]] std::vector<RecurringTag> recurringTags(Database& db, const ReviewFilter& filter,
                                                      const ReviewSettings& settings);

struct TagPair {
    std::string first, second;
    std::int64_t sessions = 0;  ///< sessions in which both came up
};
[[nodiscard]] std::vector<TagPair> tagPairs(Database& db, const ReviewFilter& filter, std::size_t limit);

/// The themes panel in one pass over the filter's tag uses: the table, the top tag pairs and what recurs now.
struct ThemesOverview {
    TagTable table;
    std::vector<TagPair> pairs;
    std::vector<RecurringTag> recurring;
};
[[nodiscard]] ThemesOverview themesOverview(Database& db, const Codebook& codebook, const ReviewFilter& filter,
                                            const ReviewSettings& settings, std::size_t pairLimit);

struct SearchHit {
    std::string kind;  ///< "contribution", "theme" or "action"
    std::string text;
    std::string month;  ///< the session's month, YYYY-MM: never its date (a date plus a group is one session)
    std::string format;
    std::string group;
    std::string formatName{};  ///< what a person reads ("Round"), set by the kiosk's view; never the code
};
/// Brings the search indexes up to date with every row changed since the last call (see migration v4).
/// Hidden and purged contributions leave the index. Returns how many rows were looked at.
std::int64_t syncSearchIndex(Database& db);

/// Builds an FTS5 query from anything a person types: only letters and digits survive, each word becomes
/// a quoted prefix term, so quotes, operators and brackets can never change the query's shape.
[[nodiscard]] std::string ftsQueryFor(std::string_view typed);
/// Full-text search over scrubbed contributions, theme names and actions. Contributions and theme names come
/// only from sessions that meet the free-text rule. Newest month first; within a month, in random-key order.
[[nodiscard]] std::vector<SearchHit> search(Database& db, std::string_view typed, const ReviewFilter& filter,
                                            const ReviewSettings& settings, std::size_t limit = 50);

/// Up to `limit` scrubbed quotes filed under a tag, from sessions with at least freeTextPeople present and
/// freeTextMinimum visible contributions; month and group only, newest month first.
[[nodiscard]] std::vector<SearchHit> tagQuotes(Database& db, const ReviewFilter& filter, const ReviewSettings& settings,
                                               const std::string& tag, std::size_t limit = 3);

struct ActionsRow {
    std::string group;
    std::int64_t open = 0, inProgress = 0, overdue = 0, done = 0, dropped = 0;
    [[nodiscard]] double completionRate() const;  ///< done / (all), 0 when there are none
};
/// `today` is YYYY-MM-DD; an action is overdue when open or in progress with a due date before it.
[[nodiscard]] std::vector<ActionsRow> actionsByGroup(Database& db, const ReviewFilter& filter,
                                                     const std::string& today);

/// `owner` is the slot label ("Presenter A", "The set"): a set's chosen initials never reach a lead.
struct ActionLine {
    std::string group, date, status, due, text, outcome, owner;
};
[[nodiscard]] std::vector<ActionLine> actionList(Database& db, const ReviewFilter& filter, bool openOnly);

struct StatementRow {
    std::string period;
    int statementIndex = 0;
    std::string statement;
    std::vector<Cell> distribution;  ///< answers 1..5
    Cell answers;
    Cell agree;                         ///< answers of 4 (agree) or 5 (strongly agree)
    Cell forms;                         ///< evaluation forms returned in the same units (activity: never hidden)
    std::optional<double> agreeShare;   ///< percent of answers that agree; empty when hidden or none
    std::optional<double> agreeChange;  ///< percentage points since the period before, when both are shown
    std::optional<double> mean;         ///< empty when the count or any cell of the distribution is suppressed
};
/// The period ratings are shown by: a quarter when a month is asked for (answers are pooled by group and quarter).
[[nodiscard]] PeriodKind ratingsPeriod(PeriodKind asked);
/// Answers per statement, by group-quarter units (see the rules at the top), widened to whole quarters.
[[nodiscard]] std::vector<StatementRow> evaluationsByStatement(Database& db, const ReviewFilter& filter,
                                                               const ReviewSettings& settings);

/// Forms that named a staff group, per period: counted apart from the evaluation rows (migration v6) and
/// shown by the unit rule, each group a part of its units' forms returned. The forms that named none are a fifth
/// part: when a unit's forms minus its published groups would be 1..threshold, none of its groups is published.
struct StaffGroupRow {
    std::string period;
    std::string staffGroup;  ///< "clinical", "non-clinical", "student" or "other"
    Cell forms;
    Cell returned;  ///< forms returned in the same units (activity: never hidden), the whole `forms` is a part of
    /// Percent of the forms returned; empty when hidden or when no form was returned.
    [[nodiscard]] std::optional<double> share() const;
};
/// The staff groups in the order they are shown.
[[nodiscard]] const std::vector<std::string>& staffGroupNames();
[[nodiscard]] std::vector<StaffGroupRow> staffGroupsByPeriod(Database& db, const ReviewFilter& filter,
                                                             const ReviewSettings& settings);

/// The evaluations panel: both of the above from one reading of the rating units.
struct EvaluationsOverview {
    std::vector<StatementRow> statements;
    std::vector<StaffGroupRow> staffGroups;
};
[[nodiscard]] EvaluationsOverview evaluationsOverview(Database& db, const ReviewFilter& filter,
                                                      const ReviewSettings& settings);

struct TimingRow {
    std::string format;
    std::string stageKey;
    std::string stageName;
    std::int64_t sessions = 0;
    double plannedMinutes = 0;  ///< mean
    double actualMinutes = 0;   ///< mean
    double overrunShare = 0;    ///< share of sessions where the stage ran over by more than a minute
    std::string formatName{};   ///< what a person reads, set by the kiosk's view; never the code
};
[[nodiscard]] std::vector<TimingRow> timingByStage(Database& db, const ReviewFilter& filter);

struct ChecklistRow {
    std::string group;
    std::string period;
    std::string principle;
    std::int64_t met = 0, partly = 0, notYet = 0, notApplicable = 0;
};
[[nodiscard]] std::vector<ChecklistRow> checklistByGroup(Database& db, const ReviewFilter& filter);

/// One session for the sessions export. It carries no count of contributions or evaluations: those are only
/// given per group and month (see the suppression rules above), because a session's own count next to its
/// month's total would give a small one away.
struct SessionLine {
    std::string date, group, format, templateName;
    Cell attendance;
    std::int64_t themes = 0;
    double plannedMinutes = 0, actualMinutes = 0;
};
[[nodiscard]] std::vector<SessionLine> sessionList(Database& db, const ReviewFilter& filter);

struct ThemeText {
    std::string month, group, format, name;
    std::vector<std::string> tags;
};
/// Theme names (free text) from sessions that meet the free-text rule.
[[nodiscard]] std::vector<ThemeText> themeTexts(Database& db, const ReviewFilter& filter,
                                                const ReviewSettings& settings);

struct CommentText {
    std::string period, group, format, comment;
};
/// Evaluation comments, per period, from sessions that meet the free-text rule and returned more than
/// suppressionThreshold evaluations; shuffled within a period so order says nothing.
[[nodiscard]] std::vector<CommentText> evaluationComments(Database& db, const ReviewFilter& filter,
                                                          const ReviewSettings& settings);

}  // namespace reflect::core
