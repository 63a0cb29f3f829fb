// PaperTally implementation: the checks, one message per mistake, and the spread over forms.
#include "core/evaluation/paper_tally.hpp"

#include <numeric>

namespace reflect::core {

int answered(const AnswerCounts& counts) noexcept {
    return std::accumulate(counts.begin(), counts.end(), 0);
}

int answeredOnRow(const PaperTally& tally, const TallyRow& row) noexcept {
    switch (row.kind) {
        case TallyRow::Kind::HeadCount:
            return tally.headCount.value_or(0);
        case TallyRow::Kind::Forms:
            return tally.forms;
        case TallyRow::Kind::Overall:
            return answered(tally.overall);
        case TallyRow::Kind::Statement:
            return row.statement >= 0 && static_cast<std::size_t>(row.statement) < tally.statements.size()
                       ? answered(tally.statements[static_cast<std::size_t>(row.statement)])
                       : 0;
        case TallyRow::Kind::ComeAgain:
            return tally.comeAgainYes + tally.comeAgainNo;
        case TallyRow::Kind::StaffGroups:
            return std::accumulate(tally.staffGroups.begin(), tally.staffGroups.end(), 0);
    }
    return 0;
}

namespace {

std::string rowName(const TallyRow& row, const StringTable& strings) {
    switch (row.kind) {
        case TallyRow::Kind::HeadCount:
            return strings.get("tally.row_head_count");
        case TallyRow::Kind::Forms:
            return strings.get("tally.row_forms");
        case TallyRow::Kind::Overall:
            return strings.get("tally.row_overall");
        case TallyRow::Kind::Statement:
            return strings.format("tally.row_statement", {{"n", std::to_string(row.statement + 1)}});
        case TallyRow::Kind::ComeAgain:
            return strings.get("tally.row_come_again");
        case TallyRow::Kind::StaffGroups:
            return strings.get("tally.row_staff");
    }
    return {};
}

template <class Counts>
bool anyNegative(const Counts& counts) {
    for (const int n : counts)
        if (n < 0) return true;
    return false;
}

}  // namespace

std::vector<TallyIssue> validateTally(const PaperTally& tally, const TallyContext& context,
                                      const StringTable& strings) {
    std::vector<TallyIssue> out;
    const auto add = [&](TallyRow row, std::string message) { out.push_back({row, std::move(message)}); };
    const auto count = [&](const char* key, int n) { return strings.format(key, {{"count", std::to_string(n)}}); };

    const TallyRow head{TallyRow::Kind::HeadCount};
    if (!tally.headCount)
        add(head, strings.get("tally.issue_no_head_count"));
    else if (*tally.headCount < 0 || *tally.headCount > 1000)
        add(head, strings.get("tally.issue_head_count_range"));

    const TallyRow forms{TallyRow::Kind::Forms};
    if (tally.forms < 0) {
        add(forms, strings.format("tally.issue_negative", {{"row", rowName(forms, strings)}}));
    } else if (tally.headCount && *tally.headCount >= 0 && tally.forms + context.otherForms > *tally.headCount) {
        const std::string people = count("tally.n_people", *tally.headCount);
        if (context.otherForms > 0)
            add(forms, strings.format("tally.issue_forms_over_with_other",
                                      {{"forms", count("tally.n_forms", tally.forms)},
                                       {"other", count("tally.n_forms", context.otherForms)},
                                       {"people", people}}));
        else
            add(forms, strings.format("tally.issue_forms_over",
                                      {{"forms", count("tally.n_forms", tally.forms)}, {"people", people}}));
    }

    const auto checkRow = [&](TallyRow row, bool negative) {
        if (negative) {
            add(row, strings.format("tally.issue_negative", {{"row", rowName(row, strings)}}));
            return;
        }
        const int answers = answeredOnRow(tally, row);
        if (tally.forms >= 0 && answers > tally.forms)
            add(row, strings.format("tally.issue_over", {{"row", rowName(row, strings)},
                                                         {"answers", count("tally.n_answers", answers)},
                                                         {"forms", count("tally.n_forms", tally.forms)}}));
    };
    checkRow({TallyRow::Kind::Overall}, anyNegative(tally.overall));
    for (std::size_t i = 0; i < tally.statements.size(); ++i)
        checkRow({TallyRow::Kind::Statement, static_cast<int>(i)}, anyNegative(tally.statements[i]));
    checkRow({TallyRow::Kind::ComeAgain}, tally.comeAgainYes < 0 || tally.comeAgainNo < 0);
    checkRow({TallyRow::Kind::StaffGroups}, anyNegative(tally.staffGroups));
    return out;
}

namespace {

/// The answer form `j` carries when an item's counts are laid out lowest first, blanks last.
std::optional<int> answerAt(const AnswerCounts& counts, int j) {
    int upTo = 0;
    for (std::size_t v = 0; v < counts.size(); ++v) {
        upTo += counts[v];
        if (j < upTo) return static_cast<int>(v) + 1;
    }
    return std::nullopt;
}

}  // namespace

std::vector<EvaluationAnswers> spreadOverForms(const PaperTally& tally) {
    std::vector<EvaluationAnswers> out;
    if (tally.forms <= 0) return out;
    out.resize(static_cast<std::size_t>(tally.forms));
    constexpr std::array<StaffGroup, kStaffGroups> kGroups = {StaffGroup::Clinical, StaffGroup::NonClinical,
                                                              StaffGroup::Student, StaffGroup::Other};
    for (int j = 0; j < tally.forms; ++j) {
        EvaluationAnswers& a = out[static_cast<std::size_t>(j)];
        a.overall = answerAt(tally.overall, j);
        for (const auto& s : tally.statements) a.statements.push_back(answerAt(s, j));
        if (j < tally.comeAgainYes)
            a.comeAgain = true;
        else if (j < tally.comeAgainYes + tally.comeAgainNo)
            a.comeAgain = false;
        int upTo = 0;
        for (std::size_t g = 0; g < kGroups.size(); ++g) {
            upTo += tally.staffGroups[g];
            if (j < upTo) {
                a.staffGroup = kGroups[g];
                break;
            }
        }
    }
    return out;
}

}  // namespace reflect::core
