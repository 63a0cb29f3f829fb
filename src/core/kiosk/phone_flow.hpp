// PhoneFlow: what the phone page may do while a session runs: the join token staff use while contributions or the
// evaluation are open, the facilitator's one-time pairing token, and the session key a paired phone is bound to.
#pragma once

#include <string>

#include "core/companion/qr_code.hpp"
#include "core/kiosk/kiosk_context.hpp"

namespace reflect::core {

/// The phone page's side of the view. Tokens are random and live only in memory.
struct PhoneView {
    bool contributionsOpen = false;
    bool evaluationOpen = false;
    std::string joinToken;  ///< non-empty only while contributions or the evaluation are open
    std::string joinUrl;    ///< what the room's QR code says; empty while the page is off or nothing is open
    std::string pairToken;  ///< one-time, for the facilitator's phone; empty once used or with no session
    /// The console may offer "Pair my phone": the page is on, a session runs and no phone is paired to it.
    bool pairingAvailable = false;
    /// The console shows the pairing code now (asked for, and the PIN given on a single screen).
    bool pairingShown = false;
    bool paired = false;     ///< a facilitator's phone is paired to this session
    std::string pairUrl;     ///< set only while `pairingShown`, like `pairQr`
    QrMatrix joinQr;         ///< the join link as a QR code, for the room view
    QrMatrix pairQr;         ///< the pairing link, for the console only
    std::string sessionKey;  ///< random per running session; a paired phone is bound to it
    std::vector<std::string> evaluationStatements;
};

class PhoneFlow {
public:
    PhoneFlow(KioskServices& services, KioskState& state);

    /// The page's address as phones reach it ("http://kiosk.local:8080"); empty = the page is off.
    void setAddress(std::string base);
    /// Brings the tokens up to date with the session (called when the view is rebuilt).
    [[nodiscard]] PhoneView view(bool contributionsOpen);

    void on(const PairPhone& c, SteadyMs now);
    void on(const HidePairingCode&, SteadyMs now);
    void on(const UnpairPhone&, SteadyMs now);

private:
    KioskServices& m_services;
    KioskState& m_state;
    std::string m_base;
    std::int64_t m_session = 0;
    std::string m_sessionKey;
    std::string m_pairToken;
    bool m_paired = false;
    std::string m_joinToken;
    std::string m_qrText;  ///< what m_qr encodes, so a code is made again only when its link changes
    QrMatrix m_qr;
    std::string m_pairQrText;
    QrMatrix m_pairQr;
};

/// 128 random bits as 32 lower-case hex digits, from libsodium's CSPRNG.
[[nodiscard]] std::string randomToken();

}  // namespace reflect::core
