// KioskController implementation: dispatch to the flows, and the view built in one place.
#include "core/kiosk/kiosk_controller.hpp"

#include <algorithm>

namespace reflect::core {

namespace {
template <class>
inline constexpr bool kNoHandler = false;
}  // namespace

KioskController::KioskController(SessionService& sessions, PinStore& pins, const TemplateSet& templates,
                                 const StringTable& strings, KioskOptions options)
    : m_options(std::move(options)),
      m_audit(sessions.database(), sessions.clock()),
      m_services{sessions, pins,      templates,
                 strings,  m_options, m_options.codebook ? *m_options.codebook : m_noCodebook,
                 m_audit,  nullptr},
      m_review(m_services, m_state),
      m_tally(m_services, m_state),
      m_access(m_services, m_state, m_review, m_tally),
      m_contributions(m_services, m_state, m_scrubber),
      m_meetings(m_services, m_state),
      m_navigation(m_services, m_state, m_contributions, m_meetings),
      m_phone(m_services, m_state) {}

void KioskController::startUp(SteadyMs now) {
    m_navigation.startUp();
    m_access.refreshPins();
    // First run: the kiosk opens on the PIN set-up while a PIN is missing (not over a restored session).
    if (m_state.screen == Screen::Home && m_access.pinsMissing()) m_access.openPinSetup(now);
}

void KioskController::showNotice(std::string text) {
    m_state.message = std::move(text);
    m_state.dirty = true;
}

// Every command type must have exactly one flow with an `on` for it: a new command without a handler stops the
// build here instead of being ignored at run time.
template <class C>
void KioskController::dispatch(const C& command, SteadyMs now) {
    if constexpr (requires { m_navigation.on(command, now); })
        m_navigation.on(command, now);
    else if constexpr (requires { m_access.on(command, now); })
        m_access.on(command, now);
    else if constexpr (requires { m_contributions.on(command, now); })
        m_contributions.on(command, now);
    else if constexpr (requires { m_meetings.on(command, now); })
        m_meetings.on(command, now);
    else if constexpr (requires { m_review.on(command, now); })
        m_review.on(command, now);
    else if constexpr (requires { m_phone.on(command, now); })
        m_phone.on(command, now);
    else if constexpr (requires { m_tally.on(command, now); })
        m_tally.on(command, now);
    else
        static_assert(kNoHandler<C>, "a command without a handler: give one flow an on() for it");
}

void KioskController::apply(const Command& command, SteadyMs now) {
    // A pad left alone too long closes before anything typed into it can count.
    m_access.closeWhenIdle(now);
    std::visit([&](const auto& c) { dispatch(c, now); }, command);
}

void KioskController::applyAll(std::vector<Command>& commands, SteadyMs now) {
    for (const auto& c : commands) apply(c, now);
    commands.clear();
}

void KioskController::drain(CommandInbox& inbox, SteadyMs now) {
    for (auto& envelope : inbox.drain()) {
        const std::string before = m_state.message;
        m_state.message.clear();
        m_state.refusal.clear();
        apply(envelope.command, now);
        const std::string& refusal = m_state.refusal.empty() ? m_state.message : m_state.refusal;
        if (envelope.reply) envelope.reply->set_value(CommandReply{refusal.empty(), refusal});
        // Another surface's refusal is answered to that surface; the shared screen keeps its own notice.
        m_state.message = before;
        m_state.refusal.clear();
    }
}

void KioskController::tick(SteadyMs now) {
    m_review.lockWhenIdle(now);
    m_access.closeWhenIdle(now);
    m_contributions.tick(now);
}

std::int64_t KioskController::msUntilIdleChange(SteadyMs now) const {
    // Wake when a countdown appears, then on each of its seconds, then the moment it acts.
    const auto wakeFor = [](std::int64_t remaining) -> std::int64_t {
        if (remaining < 0) return -1;
        if (remaining == 0) return 0;
        if (remaining > kIdleCountdownMs) return remaining - kIdleCountdownMs;
        return (remaining - 1) % 1000 + 1;
    };
    const std::int64_t lead = wakeFor(m_review.idleRemainingMs(now));
    const std::int64_t pad = wakeFor(m_access.view().idleRemainingMs(now));
    const std::int64_t batch = m_contributions.msUntilBatch(now);
    std::int64_t wake = -1;
    for (const std::int64_t w : {lead, pad, batch})
        if (w >= 0 && (wake < 0 || w < wake)) wake = w;
    return wake;
}

const KioskView& KioskController::view() {
    // Idle-timer bookkeeping is memory only and never marks the view dirty; it is copied every frame.
    m_view.pads.lastInput = m_access.view().lastInput;
    m_view.leadLastInput = m_review.lastInput();
    if (m_state.dirty) rebuild();
    return m_view;
}

void KioskController::rebuild() {
    m_state.dirty = false;
    ++m_revision;
    KioskView v;
    v.screen = m_state.screen;
    v.kioskMode = m_options.kioskMode;
    v.pads = m_access.view();
    v.leadLastInput = m_review.lastInput();
    v.leadIdleLimitMs = std::int64_t{m_options.lockIdleSeconds} * 1000;
    v.exportFolder = m_options.exportFolder;
    v.summary = m_navigation.summary();
    // Every read of the database for every surface happens below, with its failure caught here.
    try {
        if (v.screen == Screen::Home) {
            m_access.refreshPins();  // set-pin may have run from a shell while the kiosk was elsewhere
            v.home.unfinished = m_services.sessions.store().findUnfinished();
            v.home.meetingsAvailable = m_services.meetings != nullptr;
            if (m_services.meetings) v.home.groups = m_services.meetings->groups().overview();
            v.home.paperTallies = m_tally.recent();
        }
        v.home.canStart = !m_services.templates.templates.empty();
        v.home.templateIssues = m_services.templates.issues.size();
        v.home.facilitatorPinSet = m_access.facilitatorPinSet();
        v.home.leadPinSet = m_access.leadPinSet();
        v.setup.templates = &m_services.templates;
        v.setup.meetingsAvailable = m_services.meetings != nullptr;
        v.setup.createdGroup = m_meetings.createdGroup();
        if (v.screen == Screen::Setup && m_services.meetings) v.setup.groups = m_services.meetings->groups().list();
        if (const SessionMachine* machine = m_services.sessions.active()) {
            v.runner.machine = *machine;
            v.runner.sessionId = m_services.sessions.activeId();
        }
        v.runner.contributions = m_contributions.view();
        v.runner.meeting = m_meetings.view();
        if (v.screen == Screen::Board) {
            v.board = m_contributions.boardView();
            v.board.attendance = v.runner.contributions.attendance;
            v.board.safeguardingAlerts = v.runner.contributions.safeguardingAlerts;
            if (v.runner.machine) v.board.formatName = v.runner.machine->plan().tmpl().name;
        }
        if (v.screen == Screen::Checklist) v.checklist = m_meetings.checklistView();
        if (v.screen == Screen::Tally) v.tally = m_tally.view();
        v.phone = m_phone.view(v.runner.contributions.state == ContributionState::Open);
    } catch (const SqliteError& e) {
        m_state.message = storageFailureMessage(e);
    }
    if (v.screen == Screen::Dashboard) {
        v.dashboard = m_review.view();
        // A format's code ("round") is never drawn: every field a screen shows gets the name a person reads.
        const auto name = [&](const std::string& code) { return m_services.strings.get(formatNameKey(code)); };
        auto& d = v.dashboard;
        d.formatName = d.filter.format ? name(*d.filter.format) : m_services.strings.get("lead.all_formats");
        for (auto& h : d.hits) h.formatName = name(h.format);
        for (auto& t : d.timing) t.formatName = name(t.format);
        v.exportMessage = m_review.exportMessage();
    }
    v.message = m_state.message;
    m_view = std::move(v);
}

}  // namespace reflect::core
