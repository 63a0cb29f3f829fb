// MeetingService: what a group's meeting adds to a session: its group, actions carried between meetings,
// evaluations, the principles checklist, and live presenter changes during bids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actions/action_store.hpp"
#include "core/checklist/checklist_store.hpp"
#include "core/clock.hpp"
#include "core/evaluation/evaluation_store.hpp"
#include "core/groups/group_store.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// The closing stage's summary: counts only.
struct ClosingCounts {
    int themes = 0;
    int actionsAgreed = 0;
    int evaluations = 0;
};

class MeetingService {
public:
    MeetingService(Database& db, const Clock& clock, const Scrubber& scrubber);

    [[nodiscard]] GroupStore& groups() noexcept { return m_groups; }
    [[nodiscard]] const GroupStore& groups() const noexcept { return m_groups; }
    [[nodiscard]] ActionStore& actions() noexcept { return m_actions; }
    [[nodiscard]] const ActionStore& actions() const noexcept { return m_actions; }
    [[nodiscard]] EvaluationStore& evaluations() noexcept { return m_evaluations; }
    [[nodiscard]] const EvaluationStore& evaluations() const noexcept { return m_evaluations; }
    [[nodiscard]] ChecklistStore& checklists() noexcept { return m_checklists; }
    [[nodiscard]] const ChecklistStore& checklists() const noexcept { return m_checklists; }

    /// Changes how many times a repeat block runs (presenters during bids) in the running session, within
    /// the template's range; the surviving stages keep their progress and the projected finish moves.
    [[nodiscard]] Result<void> setRepeatCount(SessionService& sessions, const std::string& repeatKey, int count) const;
    /// Open actions from earlier meetings that still need marking before the running actions-review stage
    /// can be left; 0 when the stage has no review or the session has no group.
    [[nodiscard]] int unreviewedActions(const SessionService& sessions) const;
    [[nodiscard]] ClosingCounts closing(std::int64_t sessionId) const;
    [[nodiscard]] std::int64_t nowWall() const { return m_clock.wallNow(); }
    /// The peer-support principles the checklist rates (assets/principles.toml), loaded at start.
    void setPrinciples(std::vector<Principle> principles) { m_principles = std::move(principles); }
    [[nodiscard]] const std::vector<Principle>& principles() const noexcept { return m_principles; }

private:
    Database& m_db;
    const Clock& m_clock;
    GroupStore m_groups;
    ActionStore m_actions;
    EvaluationStore m_evaluations;
    ChecklistStore m_checklists;
    std::vector<Principle> m_principles;
};

}  // namespace reflect::core
