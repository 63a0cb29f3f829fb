// KioskContext: what every flow of the controller shares: the services it acts through and the state it changes.
#pragma once

#include <string>

#include "core/access/pin_store.hpp"
#include "core/contribute/codebook.hpp"
#include "core/groups/meeting_service.hpp"
#include "core/kiosk/commands.hpp"
#include "core/review/audit_log.hpp"
#include "core/review/dashboard.hpp"
#include "core/session/session_service.hpp"
#include "core/templates/template_loader.hpp"
#include "core/text/string_table.hpp"

namespace reflect::core {

struct KioskOptions {
    bool kioskMode = false;              ///< exit needs the facilitator PIN
    int revealMinimum = 3;               ///< config revealMinimum
    int draftIdleSeconds = 90;           ///< config draftIdleSeconds
    const Codebook* codebook = nullptr;  ///< tags for the board; nullptr = none (tagging unavailable)
    int lockIdleSeconds = 180;           ///< config lockIdleSeconds: PIN pads close and the review locks after this
    ReviewSettings review{};             ///< suppression thresholds for the dashboard
    std::string exportFolder;            ///< the dashboard's default export folder
    /// One display: the room sees the console whenever the facilitator flips to it, so the pairing code needs the
    /// facilitator PIN (when one is set) before it shows.
    bool singleScreen = false;
};

/// The state the flows share. Owned by the controller, on the frame loop's thread only.
struct KioskState {
    Screen screen = Screen::Home;
    std::string message;  ///< a notice on the shared screen until dismissed
    bool shouldExit = false;
    /// Why the command being applied was refused, for a surface that waits for the outcome (the phone page); the
    /// shared screen's own notice is `message`.
    std::string refusal;
    /// Set by every command that may have written or changed what a screen shows; the view is rebuilt (and the
    /// database read) only when it is set, so an idle frame runs no SQL.
    bool dirty = true;
    /// The console shows the facilitator's pairing code (asked for, PIN given where needed, no phone paired yet).
    bool pairingCodeShown = false;
};

/// The services the flows act through. Every write goes through one of these, in its own transaction.
struct KioskServices {
    SessionService& sessions;
    PinStore& pins;
    const TemplateSet& templates;
    const StringTable& strings;
    const KioskOptions& options;
    const Codebook& codebook;
    AuditLog& audit;
    MeetingService* meetings = nullptr;  ///< groups, actions, evaluations, checklist; nullptr = unavailable

    /// Progress for tests and admins: kinds and numbers only, never anything typed.
    void report(std::string_view line) const { sessions.report(line); }
};

}  // namespace reflect::core
