// EvaluationStore implementation.
#include "core/evaluation/evaluation_store.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/session/session_service.hpp"
#include "core/storage/random_key.hpp"
#include "core/storage/row_shuffle.hpp"

namespace reflect::core {

std::string_view toString(StaffGroup group) noexcept {
    switch (group) {
        case StaffGroup::Clinical:
            return "clinical";
        case StaffGroup::NonClinical:
            return "non-clinical";
        case StaffGroup::Student:
            return "student";
        case StaffGroup::Other:
            return "other";
    }
    return "other";
}

namespace {
bool inRange(const std::optional<int>& v) {
    return !v || (*v >= 1 && *v <= 5);
}
}  // namespace

Result<void> EvaluationStore::add(std::int64_t sessionId, const EvaluationAnswers& answers,
                                  const std::vector<std::string>& statements) {
    if (!inRange(answers.overall)) return fail("The overall rating must be between 1 and 5.");
    if (answers.statements.size() > statements.size()) return fail("There are more answers than statements.");
    for (const auto& a : answers.statements)
        if (!inRange(a)) return fail("Each answer must be between 1 and 5.");
    const std::string comment = m_scrubber.scrub(answers.comment).text;
    if (comment.size() > kMaxEvaluationComment) return fail("Keep the comment shorter (1000 characters at most).");
    try {
        Transaction tx(m_db);
        std::int64_t key = 0;
        for (int attempt = 0;; ++attempt) {
            try {
                key = randomKey();
                auto stmt = m_db.prepare(
                    "INSERT INTO evaluations(id, session_id, overall, comment, come_again) VALUES(?, ?, ?, ?, ?)");
                stmt.bind(1, key).bind(2, sessionId);
                if (answers.overall)
                    stmt.bind(3, *answers.overall);
                else
                    stmt.bindNull(3);
                stmt.bind(4, comment);
                if (answers.comeAgain)
                    stmt.bind(5, *answers.comeAgain ? 1 : 0);
                else
                    stmt.bindNull(5);
                stmt.run();
                break;
            } catch (const SqliteError& e) {
                if (e.extendedCode() != 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */ || attempt > 3) throw;
            }
        }
        // The staff group is only counted, never written on the row: the row would tie it to the answers.
        if (answers.staffGroup)
            m_db.prepare(
                    "INSERT INTO evaluation_staff_groups(session_id, staff_group, n) VALUES(?, ?, 1) "
                    "ON CONFLICT(session_id, staff_group) DO UPDATE SET n = n + 1")
                .bind(1, sessionId)
                .bind(2, toString(*answers.staffGroup))
                .run();
        for (std::size_t i = 0; i < answers.statements.size(); ++i) {
            if (!answers.statements[i]) continue;
            m_db.prepare(
                    "INSERT INTO evaluation_answers(evaluation_id, statement_index, statement, answer) VALUES(?, ?, ?, "
                    "?)")
                .bind(1, key)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, statements[i])
                .bind(4, *answers.statements[i])
                .run();
        }
        tx.commit();
        return ok();
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
}

int EvaluationStore::count(std::int64_t sessionId) const {
    auto stmt = m_db.prepare("SELECT COUNT(*) FROM evaluations WHERE session_id = ? AND purged = 0");
    stmt.bind(1, sessionId);
    stmt.step();
    return static_cast<int>(stmt.columnInt(0));
}

std::vector<StoredEvaluation> EvaluationStore::shuffled(std::int64_t sessionId) const {
    std::map<std::int64_t, StoredEvaluation> byKey;
    std::size_t statementCount = 0;
    {
        auto stmt = m_db.prepare(
            "SELECT id, overall, comment, come_again FROM evaluations WHERE session_id = ? AND purged = 0");
        stmt.bind(1, sessionId);
        while (stmt.step()) {
            StoredEvaluation e;
            if (!stmt.columnIsNull(1)) e.overall = static_cast<int>(stmt.columnInt(1));
            e.comment = stmt.columnText(2);
            if (!stmt.columnIsNull(3)) e.comeAgain = stmt.columnInt(3) != 0;
            byKey.emplace(stmt.columnInt(0), std::move(e));
        }
    }
    auto answers = m_db.prepare(
        "SELECT a.evaluation_id, a.statement_index, a.answer FROM evaluation_answers a JOIN evaluations e ON e.id = "
        "a.evaluation_id "
        "WHERE e.session_id = ? AND e.purged = 0");
    answers.bind(1, sessionId);
    while (answers.step()) {
        const auto it = byKey.find(answers.columnInt(0));
        if (it == byKey.end()) continue;
        const auto index = static_cast<std::size_t>(answers.columnInt(1));
        if (index >= 64) continue;
        if (it->second.statements.size() <= index) it->second.statements.resize(index + 1);
        it->second.statements[index] = static_cast<int>(answers.columnInt(2));
        statementCount = std::max(statementCount, index + 1);
    }
    std::vector<StoredEvaluation> out;
    out.reserve(byKey.size());
    for (auto& [key, e] : byKey) {
        e.statements.resize(statementCount);
        out.push_back(std::move(e));
    }
    // Key order is random already; shuffle anyway so no reader can come to rely on any order at all.
    for (std::size_t i = out.size(); i > 1; --i) {
        const auto j = randomBelow(static_cast<std::uint32_t>(i));
        std::swap(out[i - 1], out[j]);
    }
    return out;
}

std::map<std::string, int> EvaluationStore::staffGroupCounts(std::int64_t sessionId) const {
    std::map<std::string, int> out;
    auto stmt = m_db.prepare("SELECT staff_group, n FROM evaluation_staff_groups WHERE session_id = ?");
    stmt.bind(1, sessionId);
    while (stmt.step()) out[stmt.columnText(0)] = static_cast<int>(stmt.columnInt(1));
    return out;
}

EvaluationTally EvaluationStore::tally(std::int64_t sessionId) const {
    EvaluationTally t;
    auto stmt = m_db.prepare("SELECT overall, come_again FROM evaluations WHERE session_id = ? AND purged = 0");
    stmt.bind(1, sessionId);
    while (stmt.step()) {
        ++t.count;
        if (!stmt.columnIsNull(0)) {
            const auto v = stmt.columnInt(0);
            if (v >= 1 && v <= 5) ++t.overall[static_cast<std::size_t>(v - 1)];
        }
        if (!stmt.columnIsNull(1)) (stmt.columnInt(1) != 0 ? t.comeAgainYes : t.comeAgainNo)++;
    }
    return t;
}

void reorderEvaluations(Database& db, std::int64_t sessionId) {
    RowSet evaluations = readRows(db, "evaluations", "id", "session_id", sessionId);
    if (evaluations.rows.empty()) return;
    std::vector<std::size_t> order(evaluations.rows.size());
    std::vector<RowSet> answers;
    for (std::size_t i = 0; i < evaluations.rows.size(); ++i) {
        order[i] = i;
        answers.push_back(readRows(db, "evaluation_answers", "evaluation_id", "evaluation_id",
                                   std::get<std::int64_t>(evaluations.rows[i][0])));
    }
    // Old rows go first (answers by cascade; the tally triggers subtract them and add the copies back), so the new
    // cells take the freed space in the new order.
    db.prepare("DELETE FROM evaluations WHERE session_id = ?").bind(1, sessionId).run();
    shuffleSecurely(order);
    for (const auto i : order) {
        const auto newKey = insertWithFreshKey(db, evaluations, i);
        for (std::size_t a = 0; a < answers[i].rows.size(); ++a) insertRow(db, answers[i], a, newKey);
    }
}

}  // namespace reflect::core
