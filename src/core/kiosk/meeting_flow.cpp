// MeetingFlow implementation.
#include "core/kiosk/meeting_flow.hpp"

#include <algorithm>
#include <set>

namespace reflect::core {

namespace {

/// The repeat block a set's bids decide: the first one whose count can still change.
const RepeatDef* presenterRepeat(const SessionMachine& machine) {
    for (const auto& r : machine.plan().tmpl().repeats)
        if (r.min < r.max) return &r;
    return nullptr;
}

}  // namespace

MeetingFlow::MeetingFlow(KioskServices& services, KioskState& state) : m_services(services), m_state(state) {}

void MeetingFlow::showResult(const Result<void>& result) {
    if (!result) m_state.message = result.error().message;
}

std::optional<std::int64_t> MeetingFlow::activeSession() const {
    if (!m_services.sessions.active()) return std::nullopt;
    return m_services.sessions.activeId();
}

int MeetingFlow::unreviewedActions() const {
    return m_services.meetings ? m_services.meetings->unreviewedActions(m_services.sessions) : 0;
}

void MeetingFlow::fillStageParts(MeetingView& v, const SessionMachine& machine) const {
    const auto& stage = machine.currentStage();
    if (const RepeatDef* repeat = presenterRepeat(machine)) v.presenters = *repeat;
    v.bids = stage.flags.bids && v.presenters.has_value();
    v.review = stage.flags.actionsReview && v.groupId.has_value();
    v.commitment = stage.flags.commitment && !stage.label.empty();
    v.closing = machine.currentIndex() + 1 == machine.stageCount();
    v.evaluation = stage.flags.evaluation;
}

MeetingView MeetingFlow::view() const {
    MeetingView v;
    v.evaluationsSaved = m_evaluationsSaved;
    v.actionsSaved = m_actionsSaved;
    const MeetingService* meetings = m_services.meetings;
    const SessionMachine* machine = m_services.sessions.active();
    if (!meetings || !machine) return v;
    v.available = true;
    const auto session = m_services.sessions.activeId();
    v.groupId = meetings->groups().groupOfSession(session);
    fillStageParts(v, *machine);
    v.initialsSaved = m_initialsSaved;
    v.initialsAllowed = v.groupId.has_value() && v.presenters.has_value();
    if (v.initialsAllowed && (v.bids || v.commitment || v.closing))
        v.initials = meetings->actions().presenterInitials(session);
    if (v.review) {
        std::set<std::int64_t> waiting;
        for (const auto& a : meetings->actions().awaitingReview(*v.groupId, session)) waiting.insert(a.id);
        v.awaitingReview = static_cast<int>(waiting.size());
        for (auto& a : meetings->actions().forCheckIn(*v.groupId, session)) {
            MeetingActionLine line;
            line.awaitingReview = waiting.count(a.id) != 0;
            if (!line.awaitingReview) {
                const auto history = meetings->actions().history(a.id);
                line.carriedOver = !history.empty() && history.back().carriedOver();
            }
            // The set's own screen says whose action it is, by the initials chosen at the meeting that agreed it.
            if (a.sessionId) {
                const auto chosen = meetings->actions().presenterInitials(*a.sessionId);
                if (const auto it = chosen.find(a.ownerLabel); it != chosen.end()) line.initials = it->second;
            }
            line.action = std::move(a);
            v.checkIn.push_back(std::move(line));
        }
    }
    if (v.commitment || v.closing) v.agreed = meetings->actions().agreedIn(session);
    if (v.closing) {
        v.closingCounts = meetings->closing(session);
        v.attendance = meetings->groups().attendance(session).value_or(0);
    }
    if (v.evaluation) v.evaluations = meetings->evaluations().count(session);
    return v;
}

ChecklistView MeetingFlow::checklistView() const {
    ChecklistView v;
    v.saved = m_checklistsSaved;
    v.groupId = m_checklistGroup;
    const MeetingService* meetings = m_services.meetings;
    if (!meetings || m_checklistGroup == 0) return v;
    v.principles = meetings->principles();
    if (const auto group = meetings->groups().find(m_checklistGroup)) v.groupName = group->name;
    v.history = meetings->checklists().history(m_checklistGroup);
    return v;
}

void MeetingFlow::on(const SetRepeatCount& c, SteadyMs) {
    if (!m_services.meetings) return;
    m_state.dirty = true;
    showResult(m_services.meetings->setRepeatCount(m_services.sessions, c.repeatKey, c.count));
}

void MeetingFlow::on(const SetPresenterInitials& c, SteadyMs) {
    const auto session = activeSession();
    if (!m_services.meetings || !session) return;
    m_state.dirty = true;
    MeetingService& meetings = *m_services.meetings;
    // Only a set's meeting keeps initials: a one-off session has no set to know them.
    if (!meetings.groups().groupOfSession(*session)) {
        m_state.message = m_services.strings.get("presenters.initials_no_set");
        return;
    }
    auto saved = meetings.actions().setPresenterInitials(*session, c.slot, c.initials);
    if (!saved) {
        m_state.message = saved.error().message;
        return;
    }
    m_state.message.clear();
    ++m_initialsSaved;
}

void MeetingFlow::on(const CreateGroup& c, SteadyMs) {
    if (!m_services.meetings) return;
    m_state.dirty = true;
    MeetingService& meetings = *m_services.meetings;
    auto created = meetings.groups().create(c.name, c.format, c.expectedSize, meetings.nowWall());
    if (!created) {
        m_state.message = created.error().message;
        return;
    }
    m_state.message.clear();
    m_createdGroup = created.value();
}

void MeetingFlow::on(const AddAction& c, SteadyMs) {
    const auto session = activeSession();
    if (!m_services.meetings || !session) return;
    m_state.dirty = true;
    MeetingService& meetings = *m_services.meetings;
    auto added = meetings.actions().add(meetings.groups().groupOfSession(*session), session, c.text, c.ownerLabel,
                                        c.dueDate, meetings.nowWall());
    if (!added) {
        m_state.message = added.error().message;
        return;
    }
    m_state.message.clear();
    ++m_actionsSaved;
    m_services.sessions.announce("action");
}

void MeetingFlow::on(const ReviewAction& c, SteadyMs) {
    if (!m_services.meetings) return;
    m_state.dirty = true;
    MeetingService& meetings = *m_services.meetings;
    auto result = meetings.actions().review(c.actionId, activeSession(), c.review, meetings.nowWall());
    showResult(result);
    if (result) {
        m_state.message.clear();
        m_services.sessions.announce("review");
    }
}

void MeetingFlow::on(const SubmitEvaluation& c, SteadyMs) {
    const auto session = activeSession();
    if (!m_services.meetings || !session) {
        m_state.refusal = m_services.strings.get("companion.closed_body");
        return;
    }
    m_state.dirty = true;
    auto result = m_services.meetings->evaluations().add(
        *session, c.answers, m_services.sessions.active()->plan().tmpl().evaluationStatements);
    if (!result) m_state.refusal = result.error().message;
    // A phone's evaluation leaves the shared screen's own form as it was (no thank-you, no reset).
    if (c.fromPhone) return;
    showResult(result);
    if (result) {
        m_state.message.clear();
        ++m_evaluationsSaved;  // never announced: nothing may log when an evaluation arrived
    }
}

void MeetingFlow::on(const OpenChecklist& c, SteadyMs) {
    if (!m_services.meetings || !m_services.meetings->groups().find(c.groupId)) return;
    m_state.dirty = true;
    m_checklistGroup = c.groupId;
    m_state.message.clear();
    m_state.screen = Screen::Checklist;
}

void MeetingFlow::on(const SaveChecklist& c, SteadyMs) {
    if (!m_services.meetings || m_checklistGroup == 0) return;
    m_state.dirty = true;
    MeetingService& meetings = *m_services.meetings;
    auto saved = meetings.checklists().save(m_checklistGroup, activeSession(), c.answers, meetings.nowWall());
    if (!saved) {
        m_state.message = saved.error().message;
        return;
    }
    m_state.message.clear();
    ++m_checklistsSaved;
}

}  // namespace reflect::core
