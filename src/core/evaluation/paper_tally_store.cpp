// PaperTallyStore implementation.
#include "core/evaluation/paper_tally_store.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/session/session_plan.hpp"
#include "core/storage/random_key.hpp"
#include "core/storage/wal_wipe.hpp"
#include "core/storage/write_transaction.hpp"

namespace reflect::core {

using nlohmann::json;

std::string tallyToJson(const PaperTally& tally) {
    json j;
    j["forms"] = tally.forms;
    j["overall"] = tally.overall;
    j["statements"] = tally.statements;
    j["come_again"] = {tally.comeAgainYes, tally.comeAgainNo};
    j["staff_groups"] = tally.staffGroups;
    return j.dump();
}

Result<PaperTally> tallyFromJson(std::string_view text) {
    const auto j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("The saved paper tally could not be read.");
    try {
        PaperTally t;
        t.forms = j.at("forms").get<int>();
        t.overall = j.at("overall").get<AnswerCounts>();
        t.statements = j.at("statements").get<std::vector<AnswerCounts>>();
        const auto come = j.at("come_again").get<std::array<int, 2>>();
        t.comeAgainYes = come[0];
        t.comeAgainNo = come[1];
        t.staffGroups = j.at("staff_groups").get<std::array<int, kStaffGroups>>();
        return t;
    } catch (const json::exception&) {
        return fail("The saved paper tally could not be read.");
    }
}

std::vector<TallySession> PaperTallyStore::recentlyEnded(WallMs now, int days, int limit) const {
    std::vector<TallySession> out;
    auto st = m_db.prepare(
        "SELECT s.id, s.title, s.template_name, s.started_at, s.ended_at, COALESCE(p.forms, 0) FROM sessions s "
        "LEFT JOIN paper_tallies p ON p.session_id = s.id WHERE s.status = 'ended' AND s.ended_at >= ? "
        "ORDER BY s.ended_at DESC LIMIT ?");
    st.bind(1, now - std::int64_t{days} * 24 * 3600 * 1000).bind(2, limit);
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2), st.columnInt(3), st.columnInt(4),
                       static_cast<int>(st.columnInt(5))});
    return out;
}

Result<PaperTallyRecord> PaperTallyStore::open(std::int64_t sessionId) const {
    try {
        auto st = m_db.prepare(
            "SELECT s.title, s.template_name, s.started_at, COALESCE(s.ended_at, 0), s.plan, s.attendance, "
            "s.evaluation_count, p.counts, s.status FROM sessions s LEFT JOIN paper_tallies p ON p.session_id = s.id "
            "WHERE s.id = ?");
        st.bind(1, sessionId);
        if (!st.step()) return fail("That session is no longer there.");
        if (st.columnText(8) != "ended") return fail("Paper forms can be entered once the session has ended.");
        PaperTallyRecord r;
        r.session = {sessionId, st.columnText(0), st.columnText(1), st.columnInt(2), st.columnInt(3), 0};
        auto plan = SessionPlan::fromJson(st.columnText(4));
        if (!plan) return plan.error();
        r.statements = plan.value().tmpl().evaluationStatements;
        if (!st.columnIsNull(5)) r.tally.headCount = static_cast<int>(st.columnInt(5));
        const int evaluations = static_cast<int>(st.columnInt(6));
        if (!st.columnIsNull(7)) {
            auto earlier = tallyFromJson(st.columnText(7));
            if (!earlier) return earlier.error();
            earlier.value().headCount = r.tally.headCount;
            r.tally = earlier.value();
        }
        r.tally.statements.resize(r.statements.size());
        r.session.paperForms = r.tally.forms;
        r.otherForms = std::max(0, evaluations - r.tally.forms);
        return r;
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
}

namespace {

/// What a stored evaluation says, as text, so rows with the same answers compare equal.
std::string signature(const std::optional<int>& overall, const std::optional<bool>& comeAgain,
                      const std::vector<std::optional<int>>& statements) {
    std::string s = fmt::format("{}|{}|", overall.value_or(0), comeAgain ? (*comeAgain ? 1 : 2) : 0);
    for (const auto& a : statements) s += static_cast<char>('0' + a.value_or(0));
    return s;
}

/// The session's evaluations without a comment, grouped by what they say.
std::map<std::string, std::vector<std::int64_t>> rowsBySignature(Database& db, std::int64_t sessionId,
                                                                 std::size_t statementCount) {
    struct Row {
        std::optional<int> overall;
        std::optional<bool> comeAgain;
        std::vector<std::optional<int>> statements;
    };
    std::map<std::int64_t, Row> rows;
    auto st = db.prepare(
        "SELECT id, overall, come_again FROM evaluations WHERE session_id = ? AND purged = 0 AND comment = ''");
    st.bind(1, sessionId);
    while (st.step()) {
        Row r;
        if (!st.columnIsNull(1)) r.overall = static_cast<int>(st.columnInt(1));
        if (!st.columnIsNull(2)) r.comeAgain = st.columnInt(2) != 0;
        r.statements.resize(statementCount);
        rows.emplace(st.columnInt(0), std::move(r));
    }
    auto answers = db.prepare(
        "SELECT a.evaluation_id, a.statement_index, a.answer FROM evaluation_answers a JOIN evaluations e ON "
        "e.id = a.evaluation_id WHERE e.session_id = ?");
    answers.bind(1, sessionId);
    std::map<std::string, std::vector<std::int64_t>> out;
    while (answers.step()) {
        const auto it = rows.find(answers.columnInt(0));
        const auto index = static_cast<std::size_t>(answers.columnInt(1));
        if (it == rows.end()) continue;
        if (index >= statementCount) {
            rows.erase(it);  // answers a statement a paper form never has: not one of ours
            continue;
        }
        it->second.statements[index] = static_cast<int>(answers.columnInt(2));
    }
    for (const auto& [id, r] : rows) out[signature(r.overall, r.comeAgain, r.statements)].push_back(id);
    return out;
}

struct RowsMissing {};

void removePaperRows(Database& db, std::int64_t sessionId, const PaperTally& earlier, std::size_t statementCount) {
    auto rows = rowsBySignature(db, sessionId, statementCount);
    auto del = db.prepare("DELETE FROM evaluations WHERE id = ?");
    for (const auto& form : spreadOverForms(earlier)) {
        auto found = rows.find(signature(form.overall, form.comeAgain, form.statements));
        // Any row that says exactly the same is the same to every reader: which of them goes makes no difference.
        if (found == rows.end() || found->second.empty()) throw RowsMissing{};
        del.bind(1, found->second.back()).run();
        del.reset();
        found->second.pop_back();
    }
    auto groups =
        db.prepare("UPDATE evaluation_staff_groups SET n = n - ? WHERE session_id = ? AND staff_group = ? AND n >= ?");
    constexpr std::array<StaffGroup, kStaffGroups> kGroups = {StaffGroup::Clinical, StaffGroup::NonClinical,
                                                              StaffGroup::Student, StaffGroup::Other};
    for (std::size_t g = 0; g < kStaffGroups; ++g) {
        if (earlier.staffGroups[g] == 0) continue;
        groups.bind(1, earlier.staffGroups[g]).bind(2, sessionId).bind(3, toString(kGroups[g]));
        groups.bind(4, earlier.staffGroups[g]).run();
        groups.reset();
        if (db.changes() != 1) throw RowsMissing{};
    }
    db.prepare("DELETE FROM evaluation_staff_groups WHERE session_id = ? AND n = 0").bind(1, sessionId).run();
}

void insertPaperRows(Database& db, std::int64_t sessionId, const PaperTally& tally,
                     const std::vector<std::string>& statements) {
    auto eval =
        db.prepare("INSERT INTO evaluations(id, session_id, overall, comment, come_again) VALUES(?, ?, ?, '', ?)");
    auto answer = db.prepare(
        "INSERT INTO evaluation_answers(evaluation_id, statement_index, statement, answer) VALUES(?, ?, ?, ?)");
    auto group = db.prepare(
        "INSERT INTO evaluation_staff_groups(session_id, staff_group, n) VALUES(?, ?, 1) "
        "ON CONFLICT(session_id, staff_group) DO UPDATE SET n = n + 1");
    for (const auto& form : spreadOverForms(tally)) {
        std::int64_t key = 0;
        for (int attempt = 0;; ++attempt) {
            try {
                key = randomKey();
                eval.reset();
                eval.bind(1, key).bind(2, sessionId);
                if (form.overall)
                    eval.bind(3, *form.overall);
                else
                    eval.bindNull(3);
                if (form.comeAgain)
                    eval.bind(4, *form.comeAgain ? 1 : 0);
                else
                    eval.bindNull(4);
                eval.run();
                break;
            } catch (const SqliteError& e) {
                if (e.extendedCode() != 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */ || attempt > 3) throw;
            }
        }
        for (std::size_t i = 0; i < form.statements.size(); ++i) {
            if (!form.statements[i]) continue;
            answer.bind(1, key).bind(2, static_cast<std::int64_t>(i)).bind(3, statements[i]);
            answer.bind(4, *form.statements[i]).run();
            answer.reset();
        }
        if (form.staffGroup) {
            group.bind(1, sessionId).bind(2, toString(*form.staffGroup)).run();
            group.reset();
        }
    }
}

bool sane(const PaperTally& t, std::size_t statementCount) {
    if (t.forms < 0 || t.statements.size() != statementCount) return false;
    const auto fits = [&](const AnswerCounts& c) {
        for (const int n : c)
            if (n < 0) return false;
        return answered(c) <= t.forms;
    };
    if (!fits(t.overall)) return false;
    for (const auto& s : t.statements)
        if (!fits(s)) return false;
    int staff = 0;
    for (const int n : t.staffGroups) {
        if (n < 0) return false;
        staff += n;
    }
    return staff <= t.forms && t.comeAgainYes >= 0 && t.comeAgainNo >= 0 && t.comeAgainYes + t.comeAgainNo <= t.forms &&
           (!t.headCount || (*t.headCount >= 0 && *t.headCount <= 1000));
}

}  // namespace

Result<void> PaperTallyStore::save(std::int64_t sessionId, const PaperTally& tally) {
    auto opened = open(sessionId);
    if (!opened) return opened.error();
    const PaperTallyRecord& record = opened.value();
    if (!sane(tally, record.statements.size()) || !tally.headCount ||
        tally.forms + record.otherForms > *tally.headCount)
        return fail("The paper tally has a mistake: check each row before saving.");
    const bool hadEarlier = record.session.paperForms > 0;  // a tally of no forms leaves no marker
    Result<void> saved = ok();
    try {
        saved = writeTransaction(m_db, [&] {
            if (hadEarlier) removePaperRows(m_db, sessionId, record.tally, record.statements.size());
            insertPaperRows(m_db, sessionId, tally, record.statements);
            if (tally.forms > 0)
                m_db.prepare(
                        "INSERT INTO paper_tallies(session_id, forms, counts) VALUES(?, ?, ?) ON CONFLICT(session_id) "
                        "DO UPDATE SET forms = excluded.forms, counts = excluded.counts")
                    .bind(1, sessionId)
                    .bind(2, tally.forms)
                    .bind(3, tallyToJson(tally))
                    .run();
            else
                m_db.prepare("DELETE FROM paper_tallies WHERE session_id = ?").bind(1, sessionId).run();
            m_db.prepare("UPDATE sessions SET attendance = ? WHERE id = ?")
                .bind(1, *tally.headCount)
                .bind(2, sessionId)
                .run();
            reorderEvaluations(m_db, sessionId);
        });
    } catch (const RowsMissing&) {
        return fail(std::string(kTallyRowsMissing));
    }
    if (saved) (void)wipeWal(m_db);  // best effort: the next close, end or start-up wipes what is left
    return saved;
}

}  // namespace reflect::core
