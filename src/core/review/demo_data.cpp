#include "core/review/demo_data.hpp"
#include "core/review/demo_tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "core/review/review.hpp"

namespace reflect::core {

namespace {

using demo::Format;
using demo::formats;
using demo::phrasesFor;
using demo::StagePlan;

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kMinuteMs = 60'000;

/// SplitMix64: small, fast and the same everywhere, so a seed always gives the same history.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// A uniform integer in [lo, hi].
    int between(int lo, int hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo + 1);
        return lo + static_cast<int>(next() % span);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    /// A positive 63-bit key, like randomKey() but repeatable.
    std::int64_t key() {
        std::int64_t k = 0;
        while (k == 0) k = static_cast<std::int64_t>(next() >> 1);
        return k;
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(next() % items.size())];
    }

private:
    std::uint64_t m_state;
};

const std::array<const char*, 8> kSites = {"",           "Riverside ", "Hillcrest ", "Northgate ",
                                           "Southmead ", "Eastfield ", "Westbrook ", "Community "};

const std::array<const char*, 14> kOpeners = {"I keep coming back to ",
                                              "What stayed with me was ",
                                              "It struck me how much ",
                                              "I was surprised by ",
                                              "Hearing the stories reminded me of ",
                                              "For me it was ",
                                              "I did not expect ",
                                              "Honestly, ",
                                              "Something I rarely say out loud: ",
                                              "Listening today I thought about ",
                                              "It felt important that ",
                                              "I recognised ",
                                              "It is hard to talk about ",
                                              "I am grateful for "};

const std::array<const char*, 6> kThemeShapes = {
    "{}", "{} on the ward", "Living with {}", "{} after hard shifts", "Talking about {}", "{} in the team"};

const std::array<const char*, 7> kStatementsFallback = {
    "I found the session useful.",         "I felt safe to share.",           "I will use something from today.",
    "I understand colleagues better.",     "The session ran at a good pace.", "I felt listened to.",
    "I would recommend it to a colleague."};

const std::array<const char*, 6> kComments = {"Thank you for making the space.",
                                              "More time for discussion please.",
                                              "The stories were very moving.",
                                              "A good reminder that we are not alone.",
                                              "Could it be at a time night staff can come?",
                                              "Helpful and well run."};

const std::array<const char*, 6> kActionTexts = {"Ask the rota lead about protected breaks",
                                                 "Try a ten-minute huddle after hard shifts",
                                                 "Share the bereavement support leaflet with the team",
                                                 "Raise delays in discharge at the next governance meeting",
                                                 "Set up a buddy system for new starters",
                                                 "Agree a way to hand over worries at the end of a shift"};

const std::array<const char*, 4> kOutcomes = {"Done and working well.", "Done; the team found it helpful.",
                                              "Tried it; we changed the approach.", "Completed after two reminders."};

const std::array<const char*, 7> kPrinciples = {
    "mutuality", "reciprocal", "recovery-focused", "strengths-based", "inclusive", "progressive", "safe"};

std::string isoDay(std::int64_t wallMs) {
    const auto days = wallMs / kDayMs;
    // Civil-from-days (Howard Hinnant's algorithm), kept integer so it needs no time zone.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

struct Statements {
    Statement group, session, stage, contribution, theme, themeTag, card, evaluation, answer, action, history,
        checklist, rating, staffGroup;
};

}  // namespace

Result<DemoSummary> generateDemoData(Database& db, const Codebook& codebook, const DemoOptions& options) {
    if (options.sessions < 1 || options.sessions > 1'000'000) return fail("--sessions must be between 1 and 1000000");
    if (codebook.tags.size() < 6) return fail("the codebook needs at least 6 tags for demo data");
    DemoRandom rng(options.seed);
    const auto catalogue = formats();
    std::vector<std::string> statements = options.evaluationStatements;
    if (statements.empty()) statements.assign(kStatementsFallback.begin(), kStatementsFallback.end());
    std::vector<std::string> tagKeys;
    for (const auto& t : codebook.tags) tagKeys.push_back(t.key);

    // Enough sites that each group meets a plausible number of times (about 100 over the span at most).
    const int sites = std::clamp((options.sessions + 899) / 900, 1, static_cast<int>(kSites.size()) * 4);
    const int spanDays = options.sessions <= 300 ? 3 * 365 : 6 * 365;

    struct DemoGroup {
        std::int64_t id;
        const Format* format;
        int sessions;
        std::vector<std::string> favourites;  ///< the tags this group keeps returning to
    };
    std::vector<DemoGroup> groups;
    int totalWeight = 0;
    for (int s = 0; s < sites; ++s)
        for (const auto& f : catalogue) totalWeight += f.weight;

    DemoSummary summary;
    Statements st{
        db.prepare("INSERT INTO groups(name, format, expected_size, created_at) VALUES(?,?,?,?)"),
        db.prepare(
            "INSERT INTO sessions(group_id, template_id, template_name, format, title, plan, status, started_at, "
            "ended_at, attendance, contributions_state, safeguarding_alerts) "
            "VALUES(?,?,?,?,'',?,'ended',?,?,?,'revealed',?)"),
        db.prepare("INSERT INTO session_stages(session_id, idx, key, name, planned_ms, actual_ms) VALUES(?,?,?,?,?,?)"),
        db.prepare("INSERT INTO contributions(id, session_id, stage_index, text, hidden) VALUES(?,?,?,?,?)"),
        db.prepare("INSERT INTO themes(id, session_id, name, votes, position) VALUES(?,?,?,?,?)"),
        db.prepare("INSERT OR IGNORE INTO theme_tags(theme_id, tag) VALUES(?,?)"),
        db.prepare("INSERT INTO theme_cards(contribution_id, theme_id) VALUES(?,?)"),
        db.prepare("INSERT INTO evaluations(id, session_id, overall, comment, come_again) VALUES(?,?,?,?,?)"),
        db.prepare("INSERT INTO evaluation_answers(evaluation_id, statement_index, statement, answer) VALUES(?,?,?,?)"),
        db.prepare(
            "INSERT INTO actions(group_id, session_id, text, owner_label, due_date, status, outcome, created_at, "
            "updated_at) VALUES(?,?,?,?,?,?,?,?,?)"),
        db.prepare(
            "INSERT INTO action_history(action_id, seq, session_id, status, outcome, note, at) VALUES(?,?,?,?,?,'',?)"),
        db.prepare("INSERT INTO checklists(group_id, session_id, taken_at) VALUES(?,?,?)"),
        db.prepare("INSERT INTO checklist_ratings(checklist_id, principle, rating) VALUES(?,?,?)"),
        db.prepare("INSERT INTO evaluation_staff_groups(session_id, staff_group, n) VALUES(?,?,1) "
                   "ON CONFLICT(session_id, staff_group) DO UPDATE SET n = n + 1"),
    };

    // A bigger page cache keeps each batch in memory until its commit instead of spilling pages mid-batch.
    const auto previousCache = db.queryInt("PRAGMA cache_size");
    db.exec("PRAGMA cache_size = -65536");
    const std::int64_t startMs = options.endWallMs - static_cast<std::int64_t>(spanDays) * kDayMs;
    try {
        {
            Transaction tx(db);
            int assigned = 0;
            for (int s = 0; s < sites; ++s) {
                for (const auto& f : catalogue) {
                    DemoGroup g{0, &f, 0, {}};
                    g.sessions = options.sessions * f.weight / totalWeight;
                    assigned += g.sessions;
                    for (int i = 0; i < 4; ++i) g.favourites.push_back(rng.pick(tagKeys));
                    const std::string name = s < static_cast<int>(kSites.size())
                                                 ? fmt::format("{}{}", kSites[static_cast<std::size_t>(s)], f.groupName)
                                                 : fmt::format("{} (site {})", f.groupName, s + 1);
                    st.group.reset();
                    st.group.bind(1, name).bind(2, f.format).bind(3, f.attendanceHi).bind(4, startMs).run();
                    g.id = db.lastInsertRowId();
                    groups.push_back(std::move(g));
                }
            }
            // Whatever the rounding left over goes to the groups that meet most.
            for (std::size_t i = 0; assigned < options.sessions; i = (i + 1) % groups.size())
                if (groups[i].format->weight > 1 || i % 3 == 0) {
                    ++groups[i].sessions;
                    ++assigned;
                }
            tx.commit();
        }
        summary.groups = static_cast<int>(groups.size());

        // Sessions are written group by group, oldest first, in batches of whole sessions.
        int inBatch = 0;
        auto tx = std::make_unique<Transaction>(db);
        for (auto& g : groups) {
            const Format& f = *g.format;
            for (int k = 0; k < g.sessions; ++k) {
                const double progress = (k + 0.5) / g.sessions;  // 0 = oldest, 1 = newest
                const auto day = static_cast<std::int64_t>(progress * spanDays) + rng.between(-2, 2);
                const std::int64_t started = startMs + day * kDayMs + (12 * 60 + 30) * kMinuteMs;
                // Every year or so one of the group's recurring concerns gives way to another.
                if (rng.chance(std::min(0.5, 20.0 / std::max(1, g.sessions))))
                    g.favourites[rng.next() % 4] = rng.pick(tagKeys);

                const int attendance = rng.between(f.attendanceLo, f.attendanceHi);
                std::int64_t totalActual = 0;
                std::vector<std::int64_t> actuals;
                std::string plan = fmt::format(R"({{"template":"{}","demo":true,"stages":[)", f.templateId);
                for (std::size_t i = 0; i < f.stages.size(); ++i) {
                    const auto& stage = f.stages[i];
                    plan += fmt::format(R"({}{{"key":"{}","minutes":{}}})", i ? "," : "", stage.key, stage.minutes);
                    const std::int64_t planned = stage.minutes * kMinuteMs;
                    const double factor = 1.0 + stage.overrun * rng.unit() * 1.6 - 0.08 * rng.unit();
                    actuals.push_back(static_cast<std::int64_t>(static_cast<double>(planned) * std::max(0.3, factor)));
                    totalActual += actuals.back();
                }
                plan += "]}";
                st.session.reset();
                st.session.bind(1, g.id).bind(2, f.templateId).bind(3, f.templateName).bind(4, f.format).bind(5, plan);
                st.session.bind(6, started).bind(7, started + totalActual).bind(8, attendance);
                st.session.bind(9, rng.chance(0.03) ? 1 : 0).run();
                const std::int64_t sessionId = db.lastInsertRowId();
                for (std::size_t i = 0; i < f.stages.size(); ++i) {
                    const auto& stage = f.stages[i];
                    st.stage.reset();
                    st.stage.bind(1, sessionId).bind(2, static_cast<int>(i)).bind(3, stage.key).bind(4, stage.name);
                    st.stage.bind(5, stage.minutes * kMinuteMs).bind(6, actuals[i]).run();
                }

                // Themes: mostly the group's recurring concerns, sometimes something new.
                const int themeCount = rng.between(3, 6);
                std::vector<std::int64_t> themeIds;
                std::vector<std::string> themeTag;
                for (int t = 0; t < themeCount; ++t) {
                    const std::string tag = rng.chance(0.7) ? g.favourites[rng.next() % 4] : rng.pick(tagKeys);
                    const std::int64_t themeId = rng.key();
                    std::string label = codebook.nameOf(tag);
                    const std::string shaped = fmt::format(
                        fmt::runtime(kThemeShapes[rng.next() % kThemeShapes.size()]), t == 0 ? label : [&] {
                            std::string lower = label;
                            if (!lower.empty() && lower[0] >= 'A' && lower[0] <= 'Z')
                                lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
                            return lower;
                        }());
                    std::string name = shaped;
                    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
                        name[0] = static_cast<char>(name[0] - 'a' + 'A');
                    st.theme.reset();
                    st.theme.bind(1, themeId)
                        .bind(2, sessionId)
                        .bind(3, name)
                        .bind(4, rng.between(0, attendance / 2))
                        .bind(5, t)
                        .run();
                    st.themeTag.reset();
                    st.themeTag.bind(1, themeId).bind(2, tag).run();
                    if (rng.chance(0.35)) {
                        st.themeTag.reset();
                        st.themeTag.bind(1, themeId).bind(2, rng.pick(tagKeys)).run();
                    }
                    themeIds.push_back(themeId);
                    themeTag.push_back(tag);
                    ++summary.themes;
                }

                // Contributions: plain sentences about the session's themes, already free of identifiers.
                const int contributions = rng.between(f.contributionsLo, f.contributionsHi);
                const int contributionStage = static_cast<int>(f.stages.size()) / 2;
                for (int c = 0; c < contributions; ++c) {
                    const auto t = static_cast<std::size_t>(rng.next() % themeIds.size());
                    const auto phrases = phrasesFor(themeTag[t]);
                    const std::string_view phrase = phrases[rng.next() % phrases.size()];
                    std::string text = fmt::format("{}{}.", kOpeners[rng.next() % kOpeners.size()], phrase);
                    if (rng.chance(0.3)) {
                        const auto other = phrasesFor(rng.pick(tagKeys));
                        text += fmt::format(" And also {}.", other[rng.next() % other.size()]);
                    }
                    const std::int64_t id = rng.key();
                    st.contribution.reset();
                    st.contribution.bind(1, id).bind(2, sessionId).bind(3, contributionStage).bind(4, text);
                    st.contribution.bind(5, rng.chance(0.02) ? 1 : 0).run();
                    if (rng.chance(0.9)) {
                        st.card.reset();
                        st.card.bind(1, id).bind(2, themeIds[t]).run();
                    }
                    ++summary.contributions;
                }

                // Evaluations: ratings that drift upwards as a group settles in.
                if (f.evaluations) {
                    const int count = std::max(0, attendance * rng.between(30, 70) / 100);
                    for (int e = 0; e < count; ++e) {
                        const std::int64_t id = rng.key();
                        const double lift = 0.8 * progress;
                        const auto rate = [&] {
                            const double v = 2.6 + lift + rng.unit() * 2.4;
                            return std::clamp(static_cast<int>(v), 1, 5);
                        };
                        static constexpr std::array<const char*, 4> staffGroups = {"clinical", "non-clinical",
                                                                                   "student", "other"};
                        st.evaluation.reset();
                        st.evaluation.bind(1, id).bind(2, sessionId).bind(3, rate());
                        if (rng.chance(0.8)) {
                            st.staffGroup.reset();
                            st.staffGroup.bind(1, sessionId).bind(2, staffGroups[rng.next() % 4]).run();
                        }
                        st.evaluation.bind(4, rng.chance(0.25) ? kComments[rng.next() % kComments.size()] : "");
                        st.evaluation.bind(5, rng.chance(0.88) ? 1 : 0).run();
                        const std::size_t asked = std::min<std::size_t>(statements.size(), 8);
                        for (std::size_t q = 0; q < asked; ++q) {
                            st.answer.reset();
                            st.answer.bind(1, id)
                                .bind(2, static_cast<int>(q))
                                .bind(3, statements[q])
                                .bind(4, rate())
                                .run();
                        }
                        ++summary.evaluations;
                    }
                }

                // Actions: old ones are mostly settled, recent ones still open; a few get stuck.
                const int actionCount = f.actionsHi > 0 ? rng.between(f.actionsLo, f.actionsHi) : 0;
                const double ageDays = static_cast<double>(options.endWallMs - started) / static_cast<double>(kDayMs);
                for (int a = 0; a < actionCount; ++a) {
                    std::string status = "open";
                    const double r = rng.unit();
                    if (ageDays > 120)
                        status = r < 0.72 ? "done" : r < 0.87 ? "dropped" : r < 0.95 ? "open" : "in_progress";
                    else if (ageDays > 30)
                        status = r < 0.4 ? "done" : r < 0.5 ? "dropped" : r < 0.75 ? "in_progress" : "open";
                    else
                        status = r < 0.1 ? "done" : r < 0.45 ? "in_progress" : "open";
                    const std::int64_t due = started + 28 * kDayMs;
                    const std::string outcome = status == "done" ? kOutcomes[rng.next() % kOutcomes.size()] : "";
                    const std::int64_t updated =
                        status == "open" ? started : std::min(options.endWallMs, started + rng.between(7, 60) * kDayMs);
                    st.action.reset();
                    st.action.bind(1, g.id).bind(2, sessionId).bind(3, kActionTexts[rng.next() % kActionTexts.size()]);
                    st.action.bind(4, fmt::format("Set member {}", a + 1)).bind(5, isoDay(due)).bind(6, status);
                    st.action.bind(7, outcome).bind(8, started).bind(9, updated).run();
                    const std::int64_t actionId = db.lastInsertRowId();
                    st.history.reset();
                    st.history.bind(1, actionId)
                        .bind(2, 1)
                        .bind(3, sessionId)
                        .bind(4, "open")
                        .bind(5, "")
                        .bind(6, started)
                        .run();
                    if (status != "open") {
                        st.history.reset();
                        st.history.bind(1, actionId)
                            .bind(2, 2)
                            .bind(3, sessionId)
                            .bind(4, status)
                            .bind(5, outcome)
                            .bind(6, updated)
                            .run();
                    }
                    ++summary.actions;
                }

                // The principles checklist, every third meeting of a peer-support group.
                if (f.checklist && k % 3 == 0) {
                    st.checklist.reset();
                    st.checklist.bind(1, g.id).bind(2, sessionId).bind(3, started).run();
                    const std::int64_t checklistId = db.lastInsertRowId();
                    for (const char* principle : kPrinciples) {
                        const double r = rng.unit() + 0.5 * progress;
                        const char* rating = r > 0.9   ? "met"
                                             : r > 0.5 ? "partly"
                                             : r > 0.1 ? "not_yet"
                                                       : "not_applicable";
                        st.rating.reset();
                        st.rating.bind(1, checklistId).bind(2, principle).bind(3, rating).run();
                    }
                    ++summary.checklists;
                }

                ++summary.sessions;
                if (++inBatch >= options.batchSize) {
                    tx->commit();
                    tx = std::make_unique<Transaction>(db);
                    inBatch = 0;
                }
            }
        }
        tx->commit();
        tx.reset();
        syncSearchIndex(db);
        db.exec(fmt::format("PRAGMA cache_size = {}", previousCache));
    } catch (const SqliteError& e) {
        return fail(fmt::format("demo data could not be written: {}", e.what()));
    }
    return summary;
}

}  // namespace reflect::core
