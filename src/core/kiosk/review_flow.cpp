// ReviewFlow implementation.
#include "core/kiosk/review_flow.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace reflect::core {

ReviewFlow::ReviewFlow(KioskServices& services, KioskState& state)
    : m_services(services),
      m_state(state),
      m_dashboard(services.sessions.database(), services.codebook, services.options.review) {}

void ReviewFlow::open(SteadyMs now) {
    auto logged = m_services.audit.record("lead", "unlock", "dashboard");
    if (!logged) m_state.message = logged.error().message;
    m_dashboard.reset(m_services.sessions.clock().wallNow());
    m_dashboard.refresh(m_services.audit);
    m_lastInput = now;
    m_exportMessage.clear();
    m_state.screen = Screen::Dashboard;
    m_state.dirty = true;
    m_services.report("event lead-unlock");
}

void ReviewFlow::lock() {
    if (m_state.screen == Screen::Dashboard) m_services.report("event lead-lock");
    m_state.screen = Screen::Home;
    m_exportMessage.clear();
    m_state.dirty = true;
}

std::int64_t ReviewFlow::idleRemainingMs(SteadyMs now) const {
    if (m_state.screen != Screen::Dashboard) return -1;
    const std::int64_t limit = std::int64_t{m_services.options.lockIdleSeconds} * 1000;
    return std::max<std::int64_t>(0, m_lastInput + limit - now);
}

bool ReviewFlow::lockWhenIdle(SteadyMs now) {
    if (m_state.screen != Screen::Dashboard || idleRemainingMs(now) != 0) return false;
    lock();
    return true;
}

bool ReviewFlow::touch(SteadyMs now) {
    if (m_state.screen != Screen::Dashboard) return false;
    if (lockWhenIdle(now)) return false;
    m_lastInput = now;
    return true;
}

void ReviewFlow::on(const LeadActivity&, SteadyMs now) {
    // Input on the dashboard restarts the idle lock; it changes nothing on screen, so the view is not rebuilt.
    touch(now);
}

void ReviewFlow::on(const LockLeadReview&, SteadyMs now) {
    if (touch(now)) lock();
}

void ReviewFlow::on(const ShowDashboardPanel& c, SteadyMs now) {
    if (!touch(now)) return;
    m_dashboard.setPanel(c.panel);
    m_dashboard.refresh(m_services.audit);
    m_state.dirty = true;
    // Progress for tests: which panel, and whether its figures could be read; never a figure or a word.
    m_services.report(fmt::format("event lead-panel panel={} ok={}", static_cast<int>(c.panel) + 1,
                                  m_dashboard.view().error.empty() ? 1 : 0));
}

void ReviewFlow::on(const SetDashboardFilter& c, SteadyMs now) {
    if (!touch(now)) return;
    m_dashboard.setFilter(c.period, c.groupId, c.format, c.custom);
    m_dashboard.refresh(m_services.audit);
    m_state.dirty = true;
}

void ReviewFlow::on(const DashboardSearch& c, SteadyMs now) {
    if (!touch(now)) return;
    m_dashboard.setQuery(c.text);
    m_dashboard.refresh(m_services.audit);
    m_state.dirty = true;
}

void ReviewFlow::on(const OpenTagQuotes& c, SteadyMs now) {
    if (!touch(now)) return;
    // Quotes open from the themes panel only: its filter is the one the lead is looking at.
    if (m_dashboard.view().panel != DashboardPanel::Themes) return;
    m_dashboard.openQuotes(c.tag, m_services.audit);
    m_state.dirty = true;
    m_services.report(fmt::format("event lead-quotes ok={}", m_dashboard.view().error.empty() ? 1 : 0));
}

void ReviewFlow::on(const CloseTagQuotes&, SteadyMs now) {
    if (!touch(now)) return;
    m_dashboard.closeQuotes();
    m_state.dirty = true;
}

void ReviewFlow::on(const ExportDashboard& c, SteadyMs now) {
    if (!touch(now)) return;
    m_state.dirty = true;
    const auto& v = m_dashboard.view();
    auto written = exportToFolder(m_services.sessions.database(), m_services.codebook, v.filter, m_dashboard.settings(),
                                  v.today, c.folder);
    if (!written) {
        m_exportMessage = m_services.strings.format("lead.export_failed", {{"reason", written.error().message}});
        return;
    }
    auto logged = m_services.audit.record(
        "lead", "export",
        fmt::format("{} files, csv json html, by {}", written.value(), periodKindName(v.filter.period)));
    if (!logged) m_state.message = logged.error().message;
    m_exportMessage = m_services.strings.format("lead.export_done",
                                                {{"count", std::to_string(written.value())}, {"folder", c.folder}});
    if (v.panel == DashboardPanel::Audit) m_dashboard.refresh(m_services.audit);
}

}  // namespace reflect::core
