// KioskController implementation.
#include "core/kiosk/kiosk_controller.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace reflect::core {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

KioskController::KioskController(SessionService& sessions, PinStore& pins, const TemplateSet& templates,
                                 const StringTable& strings, KioskOptions options)
    : m_sessions(sessions),
      m_pins(pins),
      m_templates(templates),
      m_strings(strings),
      m_options(options),
      m_contrib(sessions.database(), m_scrubber),
      m_board(sessions.database(), m_options.codebook ? *m_options.codebook : m_noCodebook, m_scrubber),
      m_audit(sessions.database(), sessions.clock()),
      m_dashboard(sessions.database(), m_options.codebook ? *m_options.codebook : m_noCodebook, m_options.review) {}

void KioskController::startUp() {
    auto restored = m_sessions.restoreUnfinished();
    if (!restored) {
        m_message = m_strings.format("errors.restore_failed", {{"reason", restored.error().message}});
    } else if (restored.value()) {
        m_screen = Screen::Runner;
        m_message = m_strings.get("runner.restored");
    }
    refreshUnfinished();
    // First run: the kiosk opens on the PIN set-up while a PIN is missing (not over a restored session).
    if (m_screen == Screen::Home && pinsMissing()) openPinSetup(m_sessions.clock().steadyNow());
}

void KioskController::refreshUnfinished() {
    try {
        m_unfinished = m_sessions.store().findUnfinished();
    } catch (const SqliteError&) {
        m_unfinished.reset();
    }
    // Whenever home is about to show: set-pin may have run from a shell in the meantime.
    refreshPins();
}

void KioskController::refreshPins() {
    try {
        m_facilitatorPinSet = m_pins.isSet(Role::Facilitator);
        m_leadPinSet = m_pins.isSet(Role::Lead);
    } catch (const SqliteError&) {
        m_facilitatorPinSet = false;
        m_leadPinSet = false;
    }
}

void KioskController::showResult(const Result<void>& result) {
    if (!result) m_message = result.error().message;
}

void KioskController::applyAll(std::vector<Command>& commands) {
    for (const auto& c : commands) apply(c);
    commands.clear();
}

void KioskController::apply(const Command& command) {
    const SteadyMs now = m_sessions.clock().steadyNow();
    // A pad left alone too long closes before anything typed into it can count.
    if (padOpen() && padIdleRemainingMs(now) == 0) closePadsWhenIdle();
    if (applyPinSetup(command, now)) return;
    if (applyLead(command)) return;
    std::visit(
        Overloaded{
            [&](const OpenSetup&) {
                m_message.clear();
                m_screen = Screen::Setup;
            },
            [&](const StartSession& c) {
                const SessionTemplate* t = m_templates.find(c.templateId);
                if (!t) {
                    m_message = m_strings.get("errors.template_missing");
                    return;
                }
                auto started = m_sessions.start(*t, c.choices, m_meetings ? c.groupId : std::nullopt);
                showResult(started);
                if (started) {
                    m_message.clear();
                    m_screen = Screen::Runner;
                }
            },
            [&](const SessionCommand& c) {
                // A check-in with an actions review cannot be left until every open action has been marked.
                if (c.op == SessionOp::Next && m_meetings) {
                    const int waiting = m_meetings->unreviewedActions(m_sessions);
                    if (waiting > 0) {
                        m_message = m_strings.format("actions.review_first", {{"count", std::to_string(waiting)}});
                        return;
                    }
                }
                auto result = m_sessions.apply(c.op);
                showResult(result);
                if (result) m_message.clear();
                const SessionMachine* active = m_sessions.active();
                if (result && active && active->runState() == RunState::Ended) {
                    // Nothing more can be added once the session is over.
                    if (contributionState() == ContributionState::Open) showResult(m_contrib.close(m_sessions.activeId()));
                    m_board.unload();
                    m_summary = m_sessions.store().summary(m_sessions.activeId());
                    m_sessions.closeActive();
                    m_screen = Screen::Summary;
                }
            },
            [&](const ResumeSession&) {
                if (!m_sessions.active()) {
                    auto restored = m_sessions.restoreUnfinished();
                    if (!restored) {
                        m_message = restored.error().message;
                        return;
                    }
                }
                if (m_sessions.active()) m_screen = Screen::Runner;
            },
            [&](const GoHome&) {
                m_message.clear();
                refreshUnfinished();
                m_screen = Screen::Home;
            },
            [&](const OpenSignposts&) { m_screen = Screen::Signposts; },
            [&](const FinishSummary&) {
                m_summary.reset();
                refreshUnfinished();
                m_screen = Screen::Home;
            },
            [&](const RequestExit&) {
                if (!m_options.kioskMode) {
                    m_shouldExit = true;
                    return;
                }
                // One pad at a time: a close request puts the set-up away (nothing typed is kept).
                if (m_setup.open) closePinSetup("event pin-setup-later");
                if (!m_exitRequested) m_padLastInput = now;
                m_exitRequested = true;
                m_pinMessage.clear();
            },
            [&](const CancelExit&) {
                m_exitRequested = false;
                m_pinMessage.clear();
            },
            [&](const SubmitExitPin& c) {
                if (!m_exitRequested) return;
                m_padLastInput = now;
                const PinCheck check = m_pins.verify(Role::Facilitator, c.pin);
                switch (check.outcome) {
                    case PinCheck::Outcome::Accepted: m_shouldExit = true; break;
                    case PinCheck::Outcome::NotSet: m_pinMessage = m_strings.get("pin.not_set"); break;
                    case PinCheck::Outcome::Wrong:
                    case PinCheck::Outcome::Throttled: {
                        const auto wait = m_pins.waitSeconds();
                        m_pinMessage = wait > 0 ? m_strings.format("pin.wait", {{"seconds", std::to_string(wait)}})
                                                : m_strings.get("pin.wrong");
                        break;
                    }
                }
            },
            [&](const DismissMessage&) { m_message.clear(); },
            [&](const SetRepeatCount& c) {
                if (!m_meetings) return;
                auto result = m_meetings->setRepeatCount(m_sessions, c.repeatKey, c.count);
                showResult(result);
            },
            [&](const CreateGroup& c) {
                if (!m_meetings) return;
                auto created = m_meetings->groups().create(c.name, c.format, c.expectedSize, m_meetings->nowWall());
                if (!created) {
                    m_message = created.error().message;
                    return;
                }
                m_message.clear();
                m_createdGroup = created.value();
            },
            [&](const AddAction& c) {
                if (!m_meetings || !m_sessions.active()) return;
                const auto session = m_sessions.activeId();
                auto added = m_meetings->actions().add(m_meetings->groups().groupOfSession(session), session, c.text,
                                                       c.ownerLabel, c.dueDate, m_meetings->nowWall());
                if (!added) {
                    m_message = added.error().message;
                    return;
                }
                m_message.clear();
                ++m_actionsSaved;
                m_sessions.announce("action");
            },
            [&](const ReviewAction& c) {
                if (!m_meetings) return;
                const std::optional<std::int64_t> session =
                    m_sessions.active() ? std::optional<std::int64_t>(m_sessions.activeId()) : std::nullopt;
                auto result = m_meetings->actions().review(c.actionId, session, c.review, m_meetings->nowWall());
                showResult(result);
                if (result) {
                    m_message.clear();
                    m_sessions.announce("review");
                }
            },
            [&](const SubmitEvaluation& c) {
                if (!m_meetings || !m_sessions.active()) return;
                auto result = m_meetings->evaluations().add(m_sessions.activeId(), c.answers,
                                                            m_sessions.active()->plan().tmpl().evaluationStatements);
                showResult(result);
                if (result) {
                    m_message.clear();
                    ++m_evaluationsSaved;  // never announced: nothing may log when an evaluation arrived
                }
            },
            [&](const OpenChecklist& c) {
                if (!m_meetings || !m_meetings->groups().find(c.groupId)) return;
                m_checklistGroup = c.groupId;
                m_message.clear();
                m_screen = Screen::Checklist;
            },
            [&](const SaveChecklist& c) {
                if (!m_meetings || m_checklistGroup == 0) return;
                const std::optional<std::int64_t> session =
                    m_sessions.active() ? std::optional<std::int64_t>(m_sessions.activeId()) : std::nullopt;
                auto saved = m_meetings->checklists().save(m_checklistGroup, session, c.answers, m_meetings->nowWall());
                if (!saved) {
                    m_message = saved.error().message;
                    return;
                }
                m_message.clear();
                ++m_checklistsSaved;
            },
            [&](const auto&) { applyContribution(command); },
        },
        command);
}

bool KioskController::stageAcceptsContributions() const {
    const SessionMachine* machine = m_sessions.active();
    return machine && machine->currentStage().flags.acceptsContributions;
}

ContributionState KioskController::contributionState() const {
    if (!m_sessions.active()) return ContributionState::Closed;
    try {
        return m_contrib.state(m_sessions.activeId());
    } catch (const SqliteError&) {
        return ContributionState::Closed;
    }
}

int KioskController::contributionCount() const {
    if (!m_sessions.active()) return 0;
    try {
        return m_contrib.count(m_sessions.activeId());
    } catch (const SqliteError&) {
        return 0;
    }
}

int KioskController::safeguardingAlerts() const {
    if (!m_sessions.active()) return 0;
    try {
        return m_contrib.safeguardingAlerts(m_sessions.activeId());
    } catch (const SqliteError&) {
        return 0;
    }
}

RevealCheck KioskController::revealCheck() const {
    return checkReveal(contributionState(), contributionCount(), m_options.revealMinimum);
}

std::optional<int> KioskController::attendance() const {
    if (!m_sessions.active()) return std::nullopt;
    try {
        return sessionAttendance(m_sessions.database(), m_sessions.activeId());
    } catch (const SqliteError&) {
        return std::nullopt;
    }
}

void KioskController::boardResult(const Result<void>& result) {
    if (result) m_boardMessage.clear();
    else m_boardMessage = result.error().message;
}

void KioskController::applyContribution(const Command& command) {
    const Screen before = m_screen;
    applyContributionCommand(command);
    if (m_screen != before)
        m_sessions.report(m_screen == Screen::Contribute ? "event screen contribute"
                          : m_screen == Screen::Board    ? "event screen board"
                                                         : "event screen runner");
}

void KioskController::applyContributionCommand(const Command& command) {
    const std::int64_t sid = m_sessions.activeId();
    const SessionMachine* machine = m_sessions.active();
    if (!machine) {
        // Only the contribute screen can outlive a session (never: leaving is always allowed).
        if (std::holds_alternative<LeaveContribute>(command) || std::holds_alternative<LeaveBoard>(command))
            m_screen = Screen::Home;
        return;
    }
    try {
        if (std::holds_alternative<OpenContributions>(command)) {
            if (!stageAcceptsContributions()) {
                m_message = m_strings.get("contribute.stage_closed");
                return;
            }
            auto opened = m_contrib.open(sid);
            showResult(opened);
            if (opened) m_sessions.report("event contributions-open");
        } else if (std::holds_alternative<CloseContributions>(command)) {
            auto closed = m_contrib.close(sid);
            showResult(closed);
            if (closed) m_sessions.report(fmt::format("event contributions-closed count={}", contributionCount()));
            if (m_screen == Screen::Contribute) m_screen = Screen::Runner;
        } else if (std::holds_alternative<LetStaffWrite>(command)) {
            if (contributionState() != ContributionState::Open) {
                m_message = m_strings.get("contribute.open_first");
                return;
            }
            m_feedback = SubmitFeedback{SubmitFeedback::Kind::None, {}, m_feedback.serial + 1};
            m_message.clear();
            m_screen = Screen::Contribute;
        } else if (std::holds_alternative<LeaveContribute>(command)) {
            m_screen = Screen::Runner;
        } else if (const auto* submit = std::get_if<SubmitContribution>(&command)) {
            auto outcome = m_contrib.submit(sid, machine->currentIndex(), submit->text.view());
            // Progress for tests: only the running count, never the text, the time or a risk flag.
            if (outcome) m_sessions.report(fmt::format("event contribution-saved count={}", contributionCount()));
            if (outcome)
                m_feedback = SubmitFeedback{outcome.value().atRisk ? SubmitFeedback::Kind::SavedAtRisk : SubmitFeedback::Kind::Saved,
                                            {}, m_feedback.serial + 1};
            else
                m_feedback = SubmitFeedback{SubmitFeedback::Kind::Failed, outcome.error().message, m_feedback.serial + 1};
        } else if (std::holds_alternative<RevealContributions>(command)) {
            const RevealCheck check = revealCheck();
            if (!check.allowed()) {
                m_message = check.refusal == RevealRefusal::StillOpen
                                ? m_strings.get("board.refused_open")
                                : m_strings.format("board.refused_few", {{"count", std::to_string(check.count)},
                                                                        {"minimum", std::to_string(check.minimum)}});
                return;
            }
            if (contributionState() != ContributionState::Revealed) {
                auto revealed = m_contrib.store().setState(sid, ContributionState::Revealed);
                if (!revealed) {
                    m_message = revealed.error().message;
                    return;
                }
            }
            if (m_board.sessionId() != sid) m_board.load(sid);
            m_sessions.report(fmt::format("event reveal count={}", static_cast<int>(m_board.cards().size())));
            m_message.clear();
            m_boardMessage.clear();
            m_screen = Screen::Board;
        } else if (std::holds_alternative<LeaveBoard>(command)) {
            m_screen = Screen::Runner;
        } else if (const auto* a = std::get_if<SetAttendance>(&command)) {
            boardResult(setSessionAttendance(m_sessions.database(), sid, a->people));
        } else if (const auto* c = std::get_if<BoardCreateTheme>(&command)) {
            auto made = m_board.createTheme(c->cards, c->name);
            boardResult(made ? ok() : Result<void>(made.error()));
        } else if (const auto* r = std::get_if<BoardRename>(&command)) {
            boardResult(m_board.rename(r->theme, r->name));
        } else if (const auto* t = std::get_if<BoardToggleTag>(&command)) {
            boardResult(m_board.toggleTag(t->theme, t->tag));
        } else if (const auto* mg = std::get_if<BoardMerge>(&command)) {
            boardResult(m_board.merge(mg->into, mg->from));
        } else if (const auto* sp = std::get_if<BoardSplit>(&command)) {
            auto made = m_board.split(sp->theme, sp->cards, sp->name);
            boardResult(made ? ok() : Result<void>(made.error()));
        } else if (const auto* u = std::get_if<BoardUngroup>(&command)) {
            boardResult(m_board.ungroup(u->cards));
        } else if (const auto* h = std::get_if<BoardHideCard>(&command)) {
            boardResult(m_board.hideCard(h->card));
        } else if (const auto* v = std::get_if<BoardVote>(&command)) {
            boardResult(m_board.vote(v->theme, v->delta));
        }
        if (m_screen == Screen::Board && m_boardMessage.empty()) {
            std::size_t tags = 0;
            for (const auto& t : m_board.themes()) tags += t.tags.size();
            m_sessions.report(fmt::format("event board themes={} tags={}", m_board.themes().size(), tags));
        }
    } catch (const SqliteError& e) {
        m_message = storageFailureMessage(e);
    }
}

}  // namespace reflect::core

namespace reflect::core {

std::int64_t KioskController::padIdleRemainingMs(SteadyMs now) const {
    if (!padOpen()) return -1;
    const std::int64_t limit = std::int64_t{m_options.lockIdleSeconds} * 1000;
    return std::max<std::int64_t>(0, m_padLastInput + limit - now);
}

std::int64_t KioskController::msUntilIdleChange(SteadyMs now) const {
    // Wake when a countdown appears, then on each of its seconds, then the moment it acts.
    const auto wakeFor = [](std::int64_t remaining) -> std::int64_t {
        if (remaining < 0) return -1;
        if (remaining == 0) return 0;
        if (remaining > kIdleCountdownMs) return remaining - kIdleCountdownMs;
        return (remaining - 1) % 1000 + 1;
    };
    const std::int64_t lead = wakeFor(leadIdleRemainingMs(now));
    const std::int64_t pad = wakeFor(padIdleRemainingMs(now));
    if (lead < 0) return pad;
    if (pad < 0) return lead;
    return std::min(lead, pad);
}

void KioskController::openPinSetup(SteadyMs now) {
    refreshPins();
    if (!pinsMissing() || padOpen()) return;
    m_setupFirst = SecretText();
    m_setup = PinSetupView{};
    m_setup.open = true;
    m_setup.role = m_facilitatorPinSet ? Role::Lead : Role::Facilitator;
    m_setup.roles = (m_facilitatorPinSet ? 0 : 1) + (m_leadPinSet ? 0 : 1);
    m_padLastInput = now;
    m_sessions.report("event pin-setup-open");
}

void KioskController::closePinSetup(const char* event) {
    if (!m_setup.open) return;
    m_setupFirst = SecretText();  // zeroes the first entry
    m_setup = PinSetupView{};
    m_sessions.report(event);
}

void KioskController::closePadsWhenIdle() {
    // Whatever was typed goes with the pad: the screens wipe their digits when the pad is no longer open.
    m_exitRequested = false;
    m_pinMessage.clear();
    m_leadPinOpen = false;
    m_leadPinMessage.clear();
    m_setupFirst = SecretText();
    m_setup = PinSetupView{};
    m_sessions.report("event pin-pad-idle-close");
}

bool KioskController::applyPinSetup(const Command& command, SteadyMs now) {
    if (std::holds_alternative<PinPadActivity>(command)) {
        if (padOpen()) m_padLastInput = now;
        return true;
    }
    if (std::holds_alternative<OpenPinSetup>(command)) {
        if (m_screen == Screen::Home) openPinSetup(now);
        return true;
    }
    if (std::holds_alternative<SetPinsLater>(command)) {
        closePinSetup("event pin-setup-later");
        return true;
    }
    const auto* entry = std::get_if<PinSetupEntry>(&command);
    if (!entry) return false;
    if (!m_setup.open) return true;
    m_padLastInput = now;
    const std::string_view pin = entry->pin.view();
    if (!m_setup.confirming) {
        if (!isAcceptablePin(pin)) {
            m_setup.message = m_strings.get("pin_setup.bad_length");
            m_setup.problem = true;
            m_sessions.report("event pin-setup-refused");
            return true;
        }
        m_setupFirst = SecretText(pin);
        m_setup.confirming = true;
        m_setup.message.clear();
        m_setup.problem = false;
        m_sessions.report("event pin-setup-confirm");
        return true;
    }
    if (pin != m_setupFirst.view()) {
        // Nothing is saved; the person starts this PIN again from its first entry.
        m_setupFirst = SecretText();
        m_setup.confirming = false;
        m_setup.message = m_strings.get("pin_setup.mismatch");
        m_setup.problem = true;
        m_sessions.report("event pin-setup-mismatch");
        return true;
    }
    const Role role = m_setup.role;
    Result<void> saved = ok();
    try {
        saved = m_pins.setPin(role, pin);
    } catch (const SqliteError& e) {
        saved = fail(storageFailureMessage(e));
    }
    m_setupFirst = SecretText();
    m_setup.confirming = false;
    if (!saved) {
        // The reason comes from the PIN store and the database, never from what was typed.
        m_setup.message = m_strings.format("pin_setup.failed", {{"reason", saved.error().message}});
        m_setup.problem = true;
        m_sessions.report("event pin-setup-failed");
        return true;
    }
    // The audit log records that a PIN was set and by which role's set-up; never the PIN.
    auto logged = m_audit.record(roleName(role), "pin change", "first-run set-up on the kiosk");
    if (!logged) m_message = logged.error().message;
    m_sessions.report(fmt::format("event pin-set role={}", roleName(role)));
    refreshPins();
    if (role == Role::Facilitator && !m_leadPinSet) {
        m_setup.role = Role::Lead;
        m_setup.roleNumber += 1;
        m_setup.message = m_strings.get("pin_setup.saved_facilitator");
        m_setup.problem = false;
        return true;
    }
    closePinSetup("event pin-setup-done");
    return true;
}

bool KioskController::leadPinSet() const {
    try {
        return m_pins.isSet(Role::Lead);
    } catch (const SqliteError&) {
        return false;
    }
}

std::int64_t KioskController::leadIdleRemainingMs(SteadyMs now) const {
    if (m_screen != Screen::Dashboard) return -1;
    const std::int64_t limit = std::int64_t{m_options.lockIdleSeconds} * 1000;
    return std::max<std::int64_t>(0, m_leadLastInput + limit - now);
}

void KioskController::tick(SteadyMs now) {
    if (m_screen == Screen::Dashboard && leadIdleRemainingMs(now) == 0) lock();
    if (padOpen() && padIdleRemainingMs(now) == 0) closePadsWhenIdle();
}

void KioskController::lock() {
    if (m_screen == Screen::Dashboard) m_sessions.report("event lead-lock");
    m_screen = Screen::Home;
    m_leadPinOpen = false;
    m_leadPinMessage.clear();
    m_exportMessage.clear();
    refreshUnfinished();
}

bool KioskController::applyLead(const Command& command) {
    const SteadyMs now = m_sessions.clock().steadyNow();
    if (std::holds_alternative<OpenLeadReview>(command)) {
        if (m_screen != Screen::Home || m_setup.open || m_exitRequested) return true;
        if (!m_leadPinOpen) m_padLastInput = now;
        m_leadPinOpen = true;
        m_leadPinMessage = leadPinSet() ? std::string() : m_strings.get("lead.pin_not_set");
        m_sessions.report("event lead-pin-open");
        return true;
    }
    if (std::holds_alternative<CancelLeadPin>(command)) {
        if (m_leadPinOpen) m_sessions.report("event lead-pin-closed");
        m_leadPinOpen = false;
        m_leadPinMessage.clear();
        return true;
    }
    if (const auto* submit = std::get_if<SubmitLeadPin>(&command)) {
        if (!m_leadPinOpen) return true;
        m_padLastInput = now;
        const PinCheck check = m_pins.verify(Role::Lead, submit->pin);
        switch (check.outcome) {
            case PinCheck::Outcome::Accepted: {
                m_leadPinOpen = false;
                m_leadPinMessage.clear();
                auto logged = m_audit.record("lead", "unlock", "dashboard");
                if (!logged) m_message = logged.error().message;
                m_dashboard.reset(m_sessions.clock().wallNow());
                m_dashboard.refresh(m_audit);
                m_leadLastInput = now;
                m_screen = Screen::Dashboard;
                m_sessions.report("event lead-unlock");
                break;
            }
            case PinCheck::Outcome::NotSet: m_leadPinMessage = m_strings.get("lead.pin_not_set"); break;
            case PinCheck::Outcome::Wrong:
            case PinCheck::Outcome::Throttled: {
                const auto wait = m_pins.waitSeconds();
                m_leadPinMessage = wait > 0 ? m_strings.format("pin.wait", {{"seconds", std::to_string(wait)}})
                                            : m_strings.get("pin.wrong");
                m_sessions.report("event lead-pin-refused");
                break;
            }
        }
        return true;
    }
    const bool leadCommand = std::holds_alternative<LeadActivity>(command) ||
                             std::holds_alternative<LockLeadReview>(command) ||
                             std::holds_alternative<ShowDashboardPanel>(command) ||
                             std::holds_alternative<SetDashboardFilter>(command) ||
                             std::holds_alternative<DashboardSearch>(command) ||
                             std::holds_alternative<ExportDashboard>(command);
    if (!leadCommand) return false;
    if (m_screen != Screen::Dashboard) return true;  // nothing of the review works while locked
    if (leadIdleRemainingMs(now) == 0) {
        lock();
        return true;
    }
    m_leadLastInput = now;
    if (std::holds_alternative<LockLeadReview>(command)) {
        lock();
    } else if (const auto* panel = std::get_if<ShowDashboardPanel>(&command)) {
        m_dashboard.setPanel(panel->panel);
        m_dashboard.refresh(m_audit);
        // Progress for tests: which panel, and whether its figures could be read; never a figure or a word.
        m_sessions.report(fmt::format("event lead-panel panel={} ok={}", static_cast<int>(panel->panel) + 1,
                                      m_dashboard.view().error.empty() ? 1 : 0));
    } else if (const auto* filter = std::get_if<SetDashboardFilter>(&command)) {
        m_dashboard.setFilter(filter->period, filter->groupId, filter->format, filter->custom);
        m_dashboard.refresh(m_audit);
    } else if (const auto* query = std::get_if<DashboardSearch>(&command)) {
        m_dashboard.setQuery(query->text);
        m_dashboard.refresh(m_audit);
    } else if (const auto* exp = std::get_if<ExportDashboard>(&command)) {
        const auto& v = m_dashboard.view();
        auto written = exportToFolder(m_sessions.database(), codebook(), v.filter, m_dashboard.settings(), v.today,
                                      exp->folder);
        if (!written) {
            m_exportMessage = m_strings.format("lead.export_failed", {{"reason", written.error().message}});
            return true;
        }
        auto logged = m_audit.record("lead", "export",
                                     fmt::format("{} files, csv json html, by {}", written.value(),
                                                 periodKindName(v.filter.period)));
        if (!logged) m_message = logged.error().message;
        m_exportMessage = m_strings.format("lead.export_done", {{"count", std::to_string(written.value())},
                                                                 {"folder", exp->folder}});
        if (v.panel == DashboardPanel::Audit) m_dashboard.refresh(m_audit);
    }
    return true;
}

}  // namespace reflect::core
