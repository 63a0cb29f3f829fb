// ReviewFlow: the lead review behind the lead PIN: panels, filters, search, export and the idle lock.
#pragma once

#include "core/kiosk/kiosk_context.hpp"

namespace reflect::core {

class ReviewFlow {
public:
    ReviewFlow(KioskServices& services, KioskState& state);

    /// After the lead PIN was accepted: logs the unlock and shows the dashboard from today.
    void open(SteadyMs now);
    void lock();
    /// Locks an idle dashboard; true when it did.
    bool lockWhenIdle(SteadyMs now);
    [[nodiscard]] std::int64_t idleRemainingMs(SteadyMs now) const;
    [[nodiscard]] SteadyMs lastInput() const noexcept { return m_lastInput; }
    [[nodiscard]] const DashboardView& view() const noexcept { return m_dashboard.view(); }
    [[nodiscard]] const std::string& exportMessage() const noexcept { return m_exportMessage; }

    void on(const LeadActivity&, SteadyMs now);
    void on(const LockLeadReview&, SteadyMs now);
    void on(const ShowDashboardPanel& c, SteadyMs now);
    void on(const SetDashboardFilter& c, SteadyMs now);
    void on(const DashboardSearch& c, SteadyMs now);
    void on(const OpenTagQuotes& c, SteadyMs now);
    void on(const CloseTagQuotes& c, SteadyMs now);
    void on(const ExportDashboard& c, SteadyMs now);

private:
    /// False (and locks) when the review is not showing or has gone idle; nothing of it works while locked.
    bool touch(SteadyMs now);

    KioskServices& m_services;
    KioskState& m_state;
    Dashboard m_dashboard;
    SteadyMs m_lastInput = 0;
    std::string m_exportMessage;
};

}  // namespace reflect::core
