// TallyFlow implementation.
#include "core/kiosk/tally_flow.hpp"

namespace reflect::core {

TallyFlow::TallyFlow(KioskServices& services, KioskState& state)
    : m_services(services), m_state(state), m_store(services.sessions.database()) {}

std::vector<TallySession> TallyFlow::recent() const {
    return m_store.recentlyEnded(m_services.sessions.clock().wallNow());
}

void TallyFlow::open(std::int64_t sessionId) {
    m_state.dirty = true;
    auto opened = m_store.open(sessionId);
    if (!opened) {
        m_state.message = opened.error().message;
        return;
    }
    const WallMs oldest = m_services.sessions.clock().wallNow() - std::int64_t{kTallyDays} * 24 * 3600 * 1000;
    if (opened.value().session.endedWall < oldest) {
        m_state.message = m_services.strings.format("tally.too_old", {{"days", std::to_string(kTallyDays)}});
        return;
    }
    m_record = std::move(opened.value());
    m_draft = m_record->tally;
    m_issues = validateTally(m_draft, {m_record->otherForms}, m_services.strings);
    m_saveMessage.clear();
    m_returnTo = m_state.screen == Screen::Tally ? m_returnTo : m_state.screen;
    ++m_opened;
    m_state.message.clear();
    m_state.screen = Screen::Tally;
    m_services.report("event tally-open");
}

TallyView TallyFlow::view() const {
    TallyView v;
    v.opened = m_opened;
    if (!m_record) return v;
    v.session = m_record->session;
    v.statements = m_record->statements;
    v.tally = m_draft;
    v.otherForms = m_record->otherForms;
    v.issues = m_issues;
    v.changed = m_draft != m_record->tally;
    v.saveMessage = m_saveMessage;
    return v;
}

void TallyFlow::on(const EditPaperTally& c, SteadyMs) {
    if (!m_record || m_state.screen != Screen::Tally) return;
    m_state.dirty = true;
    m_draft = c.tally;
    m_draft.statements.resize(m_record->statements.size());
    m_issues = validateTally(m_draft, {m_record->otherForms}, m_services.strings);
    m_saveMessage.clear();
}

void TallyFlow::on(const SavePaperTally&, SteadyMs) {
    if (!m_record || m_state.screen != Screen::Tally) return;
    m_state.dirty = true;
    m_issues = validateTally(m_draft, {m_record->otherForms}, m_services.strings);
    if (!m_issues.empty()) {
        m_saveMessage = m_services.strings.format("tally.fix_first", {{"count", std::to_string(m_issues.size())}});
        return;
    }
    auto saved = m_store.save(m_record->session.id, m_draft);
    if (!saved) {
        m_saveMessage = saved.error().message == kTallyRowsMissing ? m_services.strings.get("tally.rows_missing")
                                                                   : saved.error().message;
        return;
    }
    m_services.report("event tally-saved");
    const std::string title =
        m_record->session.title.empty() ? m_record->session.templateName : m_record->session.title;
    const std::string forms = m_services.strings.format("tally.n_forms", {{"count", std::to_string(m_draft.forms)}});
    leave();
    m_state.message = m_services.strings.format("tally.saved", {{"forms", forms}, {"session", title}});
}

void TallyFlow::on(const CancelPaperTally&, SteadyMs) {
    if (m_state.screen != Screen::Tally) return;
    m_state.dirty = true;
    leave();
}

void TallyFlow::leave() {
    m_record.reset();
    m_draft = PaperTally{};
    m_issues.clear();
    m_saveMessage.clear();
    m_state.message.clear();
    m_state.screen = m_returnTo;
}

}  // namespace reflect::core
