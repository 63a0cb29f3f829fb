// The facilitator's pages: pairing a phone once per session, and the remote with the private alert.
#include "companion/pages.hpp"

#include <fmt/format.h>

#include "core/text/time_format.hpp"

namespace reflect::companion {

Page PageRenderer::pairForm(const std::string& pairToken, const std::string& formToken) const {
    std::string body = fmt::format("<p>{}</p>\n<form method=\"post\" action=\"/pair/{}\">\n",
                                   text("companion.pair_intro"), escapeHtml(pairToken));
    body += fmt::format("<input type=\"hidden\" name=\"form\" value=\"{}\">\n", escapeHtml(formToken));
    body += fmt::format("<div class=\"actions\"><button type=\"submit\">{}</button></div>\n</form>\n",
                        text("companion.pair_button"));
    return Page{200, document(m_strings.get("companion.pair_heading"), body), {}, {}};
}

Page PageRenderer::remote(const PhoneState& state, const std::string& formToken) const {
    const RemoteState& r = state.remote;
    std::string body;
    if (r.safeguardingAlert)
        body += fmt::format("<p class=\"alert\" role=\"alert\">{}</p>\n", text("contrib_runner.safeguarding_one"));
    if (!state.sessionRunning) {
        body += fmt::format("<p>{}</p>\n", text("companion.no_session"));
        return Page{200, document(m_strings.get("companion.remote_heading"), body), {}, {}};
    }
    body += fmt::format("<h2>{}</h2>\n", escapeHtml(r.stageName));
    const std::string time =
        r.overtime ? m_strings.format("companion.time_over", {{"time", core::formatOvertime(r.remainingMs)}})
                   : m_strings.format("companion.time_left", {{"time", core::formatCountdown(r.remainingMs)}});
    body += fmt::format("<p class=\"clock\">{}</p>\n", escapeHtml(time));
    if (r.paused) body += fmt::format("<p><strong>{}</strong></p>\n", text("companion.paused"));
    if (!r.guidance.empty()) body += fmt::format("<p>{}</p>\n", escapeHtml(r.guidance));
    body += fmt::format("<p>{}</p>\n", escapeHtml(m_strings.format("companion.received",
                                                                   {{"count", std::to_string(r.contributionCount)}})));
    body += fmt::format(
        "<form method=\"post\" action=\"/remote\">\n<input type=\"hidden\" name=\"form\" value=\"{}\">\n"
        "<div class=\"actions\">\n",
        escapeHtml(formToken));
    if (r.canBack)
        body += fmt::format("<button type=\"submit\" name=\"action\" value=\"back\" class=\"secondary\">{}</button>\n",
                            text("companion.back"));
    body += fmt::format("<button type=\"submit\" name=\"action\" value=\"pause\" class=\"secondary\">{}</button>\n",
                        text(r.paused ? "companion.resume" : "companion.pause"));
    body += fmt::format("<button type=\"submit\" name=\"action\" value=\"minute\" class=\"secondary\">{}</button>\n",
                        text("companion.add_minute"));
    if (r.canNext)
        body +=
            fmt::format("<button type=\"submit\" name=\"action\" value=\"next\">{}</button>\n", text("companion.next"));
    body += "</div>\n</form>\n";
    // No automatic refresh: a page that reloads itself moves a screen reader's place (WCAG 2.2.1).
    body += fmt::format("<p><a class=\"button\" href=\"/remote\">{}</a></p>\n", text("companion.refresh"));
    return Page{200, document(m_strings.get("companion.remote_heading"), body), {}, {}};
}

}  // namespace reflect::companion
