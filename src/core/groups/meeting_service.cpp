// MeetingService implementation.
#include "core/groups/meeting_service.hpp"

#include <algorithm>

namespace reflect::core {

MeetingService::MeetingService(Database& db, const Clock& clock, const Scrubber& scrubber)
    : m_db(db),
      m_clock(clock),
      m_groups(db),
      m_actions(db, scrubber),
      m_evaluations(db, scrubber),
      m_checklists(db, scrubber) {}

Result<void> MeetingService::setRepeatCount(SessionService& sessions, const std::string& repeatKey, int count) const {
    const SessionMachine* active = sessions.active();
    if (!active) return fail("No session is running.");
    const RepeatDef* repeat = active->plan().tmpl().findRepeat(repeatKey);
    if (!repeat) return fail("This session has no stages that repeat.");
    PlanChoices choices = active->plan().choices();
    choices.repeatCounts[repeatKey] = std::clamp(count, repeat->min, repeat->max);
    if (choices == active->plan().choices()) return ok();
    return sessions.replan(std::move(choices));
}

int MeetingService::unreviewedActions(const SessionService& sessions) const {
    const SessionMachine* active = sessions.active();
    if (!active || !active->currentStage().flags.actionsReview) return 0;
    const auto group = m_groups.groupOfSession(sessions.activeId());
    if (!group) return 0;
    return static_cast<int>(m_actions.awaitingReview(*group, sessions.activeId()).size());
}

ClosingCounts MeetingService::closing(std::int64_t sessionId) const {
    ClosingCounts c;
    auto themes = m_db.prepare("SELECT COUNT(*) FROM themes WHERE session_id = ?");
    themes.bind(1, sessionId);
    themes.step();
    c.themes = static_cast<int>(themes.columnInt(0));
    c.actionsAgreed = static_cast<int>(m_actions.agreedIn(sessionId).size());
    c.evaluations = m_evaluations.count(sessionId);
    return c;
}

}  // namespace reflect::core
