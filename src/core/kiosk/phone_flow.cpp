// PhoneFlow implementation.
#include "core/kiosk/phone_flow.hpp"

#include <sodium.h>

#include <array>

namespace reflect::core {

std::string randomToken() {
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

PhoneFlow::PhoneFlow(KioskServices& services, KioskState& state) : m_services(services), m_state(state) {}

void PhoneFlow::setAddress(std::string base) {
    m_base = std::move(base);
    m_state.dirty = true;
}

PhoneView PhoneFlow::view(bool contributionsOpen) {
    PhoneView v;
    const SessionMachine* machine = m_services.sessions.active();
    const std::int64_t session = machine ? m_services.sessions.activeId() : 0;
    if (session != m_session) {
        // A new session (or none): every earlier token and every paired phone is let go. A code asked for in a
        // session that has ended goes with it; one asked for as a session's first command (before the view first
        // saw that session) stays.
        if (m_session != 0) m_state.pairingCodeShown = false;
        m_session = session;
        m_sessionKey = session ? randomToken() : std::string();
        m_pairToken = session ? randomToken() : std::string();
        m_paired = false;
        m_joinToken.clear();
    }
    if (!machine) return v;
    const auto& tmpl = machine->plan().tmpl();
    const bool lastStage = machine->currentIndex() + 1 == machine->stageCount();
    // The evaluation is offered on phones at an evaluation stage, or at the close for a format that has one.
    v.evaluationOpen = !tmpl.evaluationStatements.empty() && (machine->currentStage().flags.evaluation || lastStage);
    v.contributionsOpen = contributionsOpen;
    if (v.contributionsOpen || v.evaluationOpen) {
        if (m_joinToken.empty()) m_joinToken = randomToken();
    } else {
        m_joinToken.clear();  // a link kept from earlier now gets a clear "closed" page
    }
    v.joinToken = m_joinToken;
    v.pairToken = m_pairToken;
    v.sessionKey = m_sessionKey;
    v.paired = m_paired;
    v.pairingAvailable = !m_base.empty() && !m_pairToken.empty();
    v.pairingShown = v.pairingAvailable && m_state.pairingCodeShown;
    v.evaluationStatements = tmpl.evaluationStatements;
    if (!m_base.empty()) {
        if (!m_joinToken.empty()) v.joinUrl = m_base + "/j/" + m_joinToken;
        // The pairing link exists in the view only while the console shows it: no other surface can draw it.
        if (v.pairingShown) v.pairUrl = m_base + "/pair/" + m_pairToken;
    }
    const auto encode = [](const std::string& text, std::string& seen, QrMatrix& qr) {
        if (text == seen) return;
        seen = text;
        auto made = text.empty() ? Result<QrMatrix>(QrMatrix{}) : encodeQr(text);
        qr = made ? made.value() : QrMatrix{};
    };
    encode(v.joinUrl, m_qrText, m_qr);
    encode(v.pairUrl, m_pairQrText, m_pairQr);
    v.joinQr = m_qr;
    v.pairQr = m_pairQr;
    return v;
}

void PhoneFlow::on(const PairPhone& c, SteadyMs) {
    m_state.dirty = true;
    if (m_pairToken.empty() || c.token.size() != m_pairToken.size() ||
        sodium_memcmp(c.token.data(), m_pairToken.data(), m_pairToken.size()) != 0) {
        m_state.refusal = m_services.strings.get("companion.pair_used");
        return;
    }
    m_pairToken.clear();  // one phone per session; the console stops offering the code
    m_paired = true;
    m_state.pairingCodeShown = false;
    m_services.report("event phone-paired");
}

void PhoneFlow::on(const HidePairingCode&, SteadyMs) {
    if (!m_state.pairingCodeShown) return;
    m_state.pairingCodeShown = false;
    m_state.dirty = true;
    m_services.report("event pairing-code-hidden");
}

void PhoneFlow::on(const UnpairPhone&, SteadyMs) {
    if (!m_services.sessions.active() || m_sessionKey.empty()) return;
    // A new session key lets go of every cookie bound to the old one; a new code can pair another phone.
    m_sessionKey = randomToken();
    m_pairToken = randomToken();
    m_paired = false;
    m_state.pairingCodeShown = false;
    m_state.dirty = true;
    m_services.report("event phone-unpaired");
}

}  // namespace reflect::core
