// KioskController: the headless heart of the kiosk. Applies each command through the flow that owns it, then
// builds the one KioskView every surface draws from; the database is read only when something changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/kiosk/access_flow.hpp"
#include "core/kiosk/command_inbox.hpp"
#include "core/kiosk/contribution_flow.hpp"
#include "core/kiosk/kiosk_context.hpp"
#include "core/kiosk/kiosk_view.hpp"
#include "core/kiosk/meeting_flow.hpp"
#include "core/kiosk/navigation_flow.hpp"
#include "core/kiosk/phone_flow.hpp"
#include "core/kiosk/review_flow.hpp"
#include "core/kiosk/tally_flow.hpp"
#include "core/privacy/scrubber.hpp"

namespace reflect::core {

class KioskController {
public:
    KioskController(SessionService& sessions, PinStore& pins, const TemplateSet& templates, const StringTable& strings,
                    KioskOptions options);
    KioskController(const KioskController&) = delete;
    KioskController& operator=(const KioskController&) = delete;

    /// The phone page's address as phones reach it ("http://kiosk.local:8080"); empty = the page is off.
    void setPhoneAddress(std::string base) { m_phone.setAddress(std::move(base)); }
    /// One display for the room view and the console (the pairing code then needs the facilitator PIN).
    void setSingleScreen(bool single) noexcept { m_options.singleScreen = single; }
    /// Groups, actions, evaluations and the checklist; without it those commands change nothing.
    void attachMeetings(MeetingService& meetings) { m_services.meetings = &meetings; }
    /// Call once at start: an unfinished session reopens on its running stage; a fresh kiosk asks for PINs.
    void startUp(SteadyMs now);
    /// Applies one command at `now` (the frame's one reading of the clock).
    void apply(const Command& command, SteadyMs now);
    void applyAll(std::vector<Command>& commands, SteadyMs now);
    /// Applies everything other surfaces posted, answering those that wait for the outcome.
    void drain(CommandInbox& inbox, SteadyMs now);
    /// Once per frame, after the commands: closes idle PIN pads, locks an idle review and lets a due batch of the
    /// contribution count through.
    void tick(SteadyMs now);
    /// The view for this frame, rebuilt (with the frame's only SQL) only when a command or a tick changed something.
    [[nodiscard]] const KioskView& view();
    /// Goes up by one each time the view is rebuilt, so a surface on another thread knows to copy it again.
    [[nodiscard]] std::uint64_t viewRevision() const noexcept { return m_revision; }

    [[nodiscard]] Screen screen() const noexcept { return m_state.screen; }
    [[nodiscard]] const std::string& message() const noexcept { return m_state.message; }
    [[nodiscard]] bool shouldExit() const noexcept { return m_state.shouldExit; }
    [[nodiscard]] bool kioskMode() const noexcept { return m_options.kioskMode; }
    /// A message for the admin shown on the home screen until dismissed (start-up safe mode, backup trouble).
    void showNotice(std::string text);
    /// Milliseconds until an idle countdown (dashboard lock or pad close) changes what is on screen: when it
    /// appears, then each second, then the moment it acts; or until a waiting batch of the contribution count.
    /// -1 when nothing is counting down.
    [[nodiscard]] std::int64_t msUntilIdleChange(SteadyMs now) const;

private:
    template <class C>
    void dispatch(const C& command, SteadyMs now);
    void rebuild();

    KioskOptions m_options;
    Codebook m_noCodebook;
    AuditLog m_audit;
    KioskServices m_services;
    KioskState m_state;
    Scrubber m_scrubber;
    ReviewFlow m_review;
    TallyFlow m_tally;
    AccessFlow m_access;
    ContributionFlow m_contributions;
    MeetingFlow m_meetings;
    NavigationFlow m_navigation;
    PhoneFlow m_phone;
    KioskView m_view;
    std::uint64_t m_revision = 0;
};

}  // namespace reflect::core
