// AccessFlow implementation.
#include "core/kiosk/access_flow.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace reflect::core {

AccessFlow::AccessFlow(KioskServices& services, KioskState& state, ReviewFlow& review, TallyFlow& tally)
    : m_services(services), m_state(state), m_review(review), m_tally(tally) {}

void AccessFlow::refreshPins() {
    try {
        m_facilitatorPinSet = m_services.pins.isSet(Role::Facilitator);
        m_leadPinSet = m_services.pins.isSet(Role::Lead);
    } catch (const SqliteError&) {
        m_facilitatorPinSet = false;
        m_leadPinSet = false;
    }
}

PadsView AccessFlow::view() const {
    PadsView v;
    v.exitOpen = m_exitOpen;
    v.exitMessage = m_exitMessage;
    v.leadOpen = m_leadOpen;
    v.leadMessage = m_leadMessage;
    v.tallyOpen = m_tallyOpen;
    v.tallyMessage = m_tallyMessage;
    v.pairOpen = m_pairOpen;
    v.pairMessage = m_pairMessage;
    v.setup = m_setup;
    v.lastInput = m_lastInput;
    v.idleLimitMs = std::int64_t{m_services.options.lockIdleSeconds} * 1000;
    return v;
}

std::string AccessFlow::refusal() const {
    const auto wait = m_services.pins.waitSeconds();
    return wait > 0 ? m_services.strings.format("pin.wait", {{"seconds", std::to_string(wait)}})
                    : m_services.strings.get("pin.wrong");
}

bool AccessFlow::closeWhenIdle(SteadyMs now) {
    if (!padOpen() || view().idleRemainingMs(now) != 0) return false;
    // Whatever was typed goes with the pad: the screens wipe their digits when the pad is no longer open.
    m_exitOpen = false;
    m_exitMessage.clear();
    m_leadOpen = false;
    m_leadMessage.clear();
    m_tallyOpen = false;
    m_tallyMessage.clear();
    m_pairOpen = false;
    m_pairMessage.clear();
    m_setupFirst = SecretText();
    m_setup = PinSetupView{};
    m_state.dirty = true;
    m_services.report("event pin-pad-idle-close");
    return true;
}

void AccessFlow::on(const RequestExit&, SteadyMs now) {
    if (!m_services.options.kioskMode) {
        m_state.shouldExit = true;
        return;
    }
    // One pad at a time: a close request puts the set-up away (nothing typed is kept).
    if (m_setup.open) closePinSetup("event pin-setup-later");
    if (!m_exitOpen) m_lastInput = now;
    m_exitOpen = true;
    m_exitMessage.clear();
    m_state.dirty = true;
}

void AccessFlow::on(const CancelExit&, SteadyMs) {
    m_exitOpen = false;
    m_exitMessage.clear();
    m_state.dirty = true;
}

void AccessFlow::on(const SubmitExitPin& c, SteadyMs now) {
    if (!m_exitOpen) return;
    m_lastInput = now;
    m_state.dirty = true;
    const PinCheck check = m_services.pins.verify(Role::Facilitator, c.pin);
    switch (check.outcome) {
        case PinCheck::Outcome::Accepted:
            m_state.shouldExit = true;
            break;
        case PinCheck::Outcome::NotSet:
            m_exitMessage = m_services.strings.get("pin.not_set");
            break;
        case PinCheck::Outcome::Wrong:
        case PinCheck::Outcome::Throttled:
            m_exitMessage = refusal();
            break;
    }
}

void AccessFlow::on(const OpenLeadReview&, SteadyMs now) {
    if (m_state.screen != Screen::Home || m_setup.open || m_exitOpen) return;
    refreshPins();
    if (!m_leadOpen) m_lastInput = now;
    m_leadOpen = true;
    m_leadMessage = m_leadPinSet ? std::string() : m_services.strings.get("lead.pin_not_set");
    m_state.dirty = true;
    m_services.report("event lead-pin-open");
}

void AccessFlow::on(const CancelLeadPin&, SteadyMs) {
    if (m_leadOpen) m_services.report("event lead-pin-closed");
    m_leadOpen = false;
    m_leadMessage.clear();
    m_state.dirty = true;
}

void AccessFlow::on(const SubmitLeadPin& c, SteadyMs now) {
    if (!m_leadOpen) return;
    m_lastInput = now;
    m_state.dirty = true;
    const PinCheck check = m_services.pins.verify(Role::Lead, c.pin);
    switch (check.outcome) {
        case PinCheck::Outcome::Accepted:
            m_leadOpen = false;
            m_leadMessage.clear();
            m_review.open(now);
            break;
        case PinCheck::Outcome::NotSet:
            m_leadMessage = m_services.strings.get("lead.pin_not_set");
            break;
        case PinCheck::Outcome::Wrong:
        case PinCheck::Outcome::Throttled:
            m_leadMessage = refusal();
            m_services.report("event lead-pin-refused");
            break;
    }
}

void AccessFlow::on(const OpenPaperTally& c, SteadyMs now) {
    if (padOpen()) return;
    // Straight after the session, on its summary, the facilitator is at the console already.
    if (m_state.screen == Screen::Summary) {
        m_tally.open(c.sessionId);
        return;
    }
    if (m_state.screen != Screen::Home) return;
    refreshPins();
    if (!m_facilitatorPinSet) {
        m_tally.open(c.sessionId);
        return;
    }
    m_tallyOpen = true;
    m_tallyMessage.clear();
    m_tallySession = c.sessionId;
    m_lastInput = now;
    m_state.dirty = true;
}

void AccessFlow::on(const CancelTallyPin&, SteadyMs) {
    m_tallyOpen = false;
    m_tallyMessage.clear();
    m_state.dirty = true;
}

void AccessFlow::on(const SubmitTallyPin& c, SteadyMs now) {
    if (!m_tallyOpen) return;
    m_lastInput = now;
    m_state.dirty = true;
    const PinCheck check = m_services.pins.verify(Role::Facilitator, c.pin);
    switch (check.outcome) {
        case PinCheck::Outcome::Accepted:
        case PinCheck::Outcome::NotSet:  // removed from a shell meanwhile: nothing to ask for any more
            m_tallyOpen = false;
            m_tallyMessage.clear();
            m_tally.open(m_tallySession);
            break;
        case PinCheck::Outcome::Wrong:
        case PinCheck::Outcome::Throttled:
            m_tallyMessage = refusal();
            break;
    }
}

void AccessFlow::openPinSetup(SteadyMs now) {
    refreshPins();
    if (!pinsMissing() || padOpen()) return;
    m_setupFirst = SecretText();
    m_setup = PinSetupView{};
    m_setup.open = true;
    m_setup.role = m_facilitatorPinSet ? Role::Lead : Role::Facilitator;
    m_setup.roles = (m_facilitatorPinSet ? 0 : 1) + (m_leadPinSet ? 0 : 1);
    m_lastInput = now;
    m_state.dirty = true;
    m_services.report("event pin-setup-open");
}

void AccessFlow::closePinSetup(const char* event) {
    if (!m_setup.open) return;
    m_setupFirst = SecretText();  // zeroes the first entry
    m_setup = PinSetupView{};
    m_state.dirty = true;
    m_services.report(event);
}

void AccessFlow::on(const OpenPinSetup&, SteadyMs now) {
    if (m_state.screen == Screen::Home) openPinSetup(now);
}

void AccessFlow::on(const SetPinsLater&, SteadyMs) {
    closePinSetup("event pin-setup-later");
}

void AccessFlow::on(const PinPadActivity&, SteadyMs now) {
    // Restarts the pad's idle close; nothing on screen changes, so the view is not rebuilt.
    if (padOpen()) m_lastInput = now;
}

void AccessFlow::on(const PinSetupEntry& c, SteadyMs now) {
    if (!m_setup.open) return;
    m_lastInput = now;
    m_state.dirty = true;
    const std::string_view pin = c.pin.view();
    if (!m_setup.confirming) {
        if (!isAcceptablePin(pin)) {
            m_setup.message = m_services.strings.get("pin_setup.bad_length");
            m_setup.problem = true;
            m_services.report("event pin-setup-refused");
            return;
        }
        m_setupFirst = SecretText(pin);
        m_setup.confirming = true;
        m_setup.message.clear();
        m_setup.problem = false;
        m_services.report("event pin-setup-confirm");
        return;
    }
    if (pin != m_setupFirst.view()) {
        // Nothing is saved; the person starts this PIN again from its first entry.
        m_setupFirst = SecretText();
        m_setup.confirming = false;
        m_setup.message = m_services.strings.get("pin_setup.mismatch");
        m_setup.problem = true;
        m_services.report("event pin-setup-mismatch");
        return;
    }
    saveNewPin(pin);
}

void AccessFlow::saveNewPin(std::string_view pin) {
    const Role role = m_setup.role;
    Result<void> saved = ok();
    try {
        saved = m_services.pins.setPin(role, pin);
    } catch (const SqliteError& e) {
        saved = fail(storageFailureMessage(e));
    }
    m_setupFirst = SecretText();
    m_setup.confirming = false;
    if (!saved) {
        // The reason comes from the PIN store and the database, never from what was typed.
        m_setup.message = m_services.strings.format("pin_setup.failed", {{"reason", saved.error().message}});
        m_setup.problem = true;
        m_services.report("event pin-setup-failed");
        return;
    }
    // The audit log records that a PIN was set and by which role's set-up; never the PIN.
    auto logged = m_services.audit.record(roleName(role), "pin change", "first-run set-up on the kiosk");
    if (!logged) m_state.message = logged.error().message;
    m_services.report(fmt::format("event pin-set role={}", roleName(role)));
    refreshPins();
    if (role == Role::Facilitator && !m_leadPinSet) {
        m_setup.role = Role::Lead;
        m_setup.roleNumber += 1;
        m_setup.message = m_services.strings.get("pin_setup.saved_facilitator");
        m_setup.problem = false;
        return;
    }
    closePinSetup("event pin-setup-done");
}

void AccessFlow::on(const ShowPairingCode&, SteadyMs now) {
    if (!m_services.sessions.active() || m_state.pairingCodeShown || padOpen()) return;
    m_state.dirty = true;
    refreshPins();
    // On a single screen the room sees the console: whoever pairs must show they are the facilitator first.
    if (m_services.options.singleScreen && m_facilitatorPinSet) {
        m_pairOpen = true;
        m_pairMessage.clear();
        m_lastInput = now;
        m_services.report("event pair-pin-open");
        return;
    }
    m_state.pairingCodeShown = true;
    m_services.report("event pairing-code-shown");
}

void AccessFlow::on(const CancelPairPin&, SteadyMs) {
    m_pairOpen = false;
    m_pairMessage.clear();
    m_state.dirty = true;
}

void AccessFlow::on(const SubmitPairPin& c, SteadyMs now) {
    if (!m_pairOpen) return;
    m_lastInput = now;
    m_state.dirty = true;
    const PinCheck check = m_services.pins.verify(Role::Facilitator, c.pin);
    switch (check.outcome) {
        case PinCheck::Outcome::Accepted:
        case PinCheck::Outcome::NotSet:  // removed since the pad opened: nothing left to ask for
            m_pairOpen = false;
            m_pairMessage.clear();
            if (m_services.sessions.active()) {
                m_state.pairingCodeShown = true;
                m_services.report("event pairing-code-shown");
            }
            break;
        case PinCheck::Outcome::Wrong:
        case PinCheck::Outcome::Throttled:
            m_pairMessage = refusal();
            m_services.report("event pair-pin-refused");
            break;
    }
}

}  // namespace reflect::core
