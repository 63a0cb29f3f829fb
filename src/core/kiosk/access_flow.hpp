// AccessFlow: the PIN pads (leaving the kiosk, the lead review, the first-run set-up) and their idle close.
#pragma once

#include "core/contribute/secret_text.hpp"
#include "core/kiosk/kiosk_context.hpp"
#include "core/kiosk/kiosk_view.hpp"
#include "core/kiosk/review_flow.hpp"
#include "core/kiosk/tally_flow.hpp"

namespace reflect::core {

class AccessFlow {
public:
    AccessFlow(KioskServices& services, KioskState& state, ReviewFlow& review, TallyFlow& tally);

    /// Reads which PINs are set (at start, and whenever home is about to show: set-pin may have run from a shell).
    void refreshPins();
    /// Opens the first-run set-up while a PIN is missing and no pad is up.
    void openPinSetup(SteadyMs now);
    /// Closes an open pad left alone too long; true when it did.
    bool closeWhenIdle(SteadyMs now);
    [[nodiscard]] PadsView view() const;
    [[nodiscard]] bool padOpen() const noexcept {
        return m_exitOpen || m_leadOpen || m_tallyOpen || m_pairOpen || m_setup.open;
    }
    [[nodiscard]] bool facilitatorPinSet() const noexcept { return m_facilitatorPinSet; }
    [[nodiscard]] bool leadPinSet() const noexcept { return m_leadPinSet; }
    [[nodiscard]] bool pinsMissing() const noexcept { return !m_facilitatorPinSet || !m_leadPinSet; }

    void on(const RequestExit&, SteadyMs now);
    void on(const CancelExit&, SteadyMs now);
    void on(const SubmitExitPin& c, SteadyMs now);
    void on(const OpenLeadReview&, SteadyMs now);
    void on(const CancelLeadPin&, SteadyMs now);
    void on(const SubmitLeadPin& c, SteadyMs now);
    void on(const OpenPinSetup&, SteadyMs now);
    void on(const PinSetupEntry& c, SteadyMs now);
    void on(const SetPinsLater&, SteadyMs now);
    void on(const PinPadActivity&, SteadyMs now);
    void on(const OpenPaperTally& c, SteadyMs now);
    void on(const SubmitTallyPin& c, SteadyMs now);
    void on(const CancelTallyPin&, SteadyMs now);
    void on(const ShowPairingCode&, SteadyMs now);
    void on(const SubmitPairPin& c, SteadyMs now);
    void on(const CancelPairPin&, SteadyMs now);

private:
    void closePinSetup(const char* event);
    /// The words for a refused PIN: wrong, or wait this long.
    [[nodiscard]] std::string refusal() const;
    void saveNewPin(std::string_view pin);

    KioskServices& m_services;
    KioskState& m_state;
    ReviewFlow& m_review;
    TallyFlow& m_tally;
    bool m_exitOpen = false;
    std::string m_exitMessage;
    bool m_leadOpen = false;
    std::string m_leadMessage;
    bool m_tallyOpen = false;
    std::string m_tallyMessage;
    std::int64_t m_tallySession = 0;  ///< the session whose paper forms the pad is for
    bool m_pairOpen = false;
    std::string m_pairMessage;
    PinSetupView m_setup;
    SecretText m_setupFirst;  ///< the first entry of the PIN being set, until it is confirmed; zeroed after
    bool m_facilitatorPinSet = false;
    bool m_leadPinSet = false;
    SteadyMs m_lastInput = 0;
};

}  // namespace reflect::core
