// The staff pages: start, write, preview, thank-you, evaluation and support; plain forms, no script.
#include "companion/pages.hpp"

#include <fmt/format.h>

namespace reflect::companion {

namespace {

std::string joinPath(const std::string& joinToken, std::string_view rest) {
    return fmt::format("/j/{}{}", escapeHtml(joinToken), rest);
}

std::string hidden(std::string_view name, std::string_view value) {
    return fmt::format("<input type=\"hidden\" name=\"{}\" value=\"{}\">\n", name, escapeHtml(value));
}

}  // namespace

std::string PageRenderer::document(std::string_view heading, std::string_view bodyHtml) const {
    std::string body = fmt::format("<h1>{}</h1>\n", escapeHtml(heading));
    body += bodyHtml;
    return layout(fmt::format("{} - {}", heading, m_strings.get("companion.title")), m_strings.get("companion.skip"),
                  body);
}

Page PageRenderer::home(const PhoneState& state) const {
    std::string body = fmt::format("<p>{}</p>\n<ul class=\"menu\">\n", text("companion.home_intro"));
    if (state.contributionsOpen)
        body += fmt::format("<li><a href=\"{}\">{}</a></li>\n", joinPath(state.joinToken, "/write"),
                            text("companion.write_link"));
    if (state.evaluationOpen)
        body += fmt::format("<li><a href=\"{}\">{}</a></li>\n", joinPath(state.joinToken, "/evaluation"),
                            text("companion.evaluation_link"));
    body += fmt::format("<li><a href=\"/support\">{}</a></li>\n</ul>\n", text("companion.support_link"));
    if (!state.contributionsOpen && !state.evaluationOpen)
        body += fmt::format("<p>{}</p>\n", text("companion.nothing_open"));
    return Page{200, document(m_strings.get("companion.home_heading"), body), {}, {}};
}

Page PageRenderer::writeForm(const std::string& joinToken, const std::string& formToken, std::string_view draft,
                             std::string_view notice, unsigned status) const {
    std::string body = fmt::format("<p>{}</p>\n", text("contribute.anonymous_note"));
    if (!notice.empty()) body += fmt::format("<p class=\"notice\" role=\"alert\">{}</p>\n", escapeHtml(notice));
    body += fmt::format("<form method=\"post\" action=\"{}\">\n", joinPath(joinToken, "/preview"));
    body += hidden("form", formToken);
    body += fmt::format(
        "<label for=\"text\">{}</label>\n",
        escapeHtml(m_strings.format("companion.text_label", {{"limit", std::to_string(kMaxContributionChars)}})));
    body += fmt::format(
        "<textarea id=\"text\" name=\"text\" rows=\"8\" autocomplete=\"off\" spellcheck=\"true\">"
        "{}</textarea>\n",
        escapeHtml(draft));
    body += fmt::format("<div class=\"actions\"><button type=\"submit\">{}</button></div>\n</form>\n",
                        text("companion.check"));
    body += fmt::format("<p><a href=\"{}\">{}</a></p>\n", joinPath(joinToken, ""), text("companion.home_link"));
    return Page{status, document(m_strings.get("contribute.heading"), body), {}, {}};
}

Page PageRenderer::preview(const std::string& joinToken, const std::string& formToken, std::string_view draft,
                           const core::ScrubResult& scrubbed, const std::string& digest,
                           std::string_view notice) const {
    std::string body;
    if (!notice.empty()) body += fmt::format("<p class=\"notice\" role=\"alert\">{}</p>\n", escapeHtml(notice));
    if (scrubbed.findings.empty()) {
        body += fmt::format("<p>{}</p>\n", text("contribute.nothing_found"));
    } else {
        body += fmt::format("<h2>{}</h2>\n<ul>\n", text("contribute.will_replace"));
        for (const core::Finding& f : scrubbed.findings) {
            const std::string_view original = draft.substr(f.begin, f.end - f.begin);
            body += fmt::format("<li><span class=\"gone\">{}</span> &rarr; <strong>{}</strong></li>\n",
                                escapeHtml(original), escapeHtml(core::placeholderFor(f.kind)));
        }
        body += "</ul>\n";
    }
    body +=
        fmt::format("<h2>{}</h2>\n<p class=\"saved\">{}</p>\n", text("companion.will_save"), escapeHtml(scrubbed.text));
    body += fmt::format("<form method=\"post\" action=\"{}\">\n", joinPath(joinToken, "/send"));
    body += hidden("form", formToken);
    body += hidden("checked", digest);
    body +=
        fmt::format("<div class=\"actions\"><button type=\"submit\">{}</button></div>\n", text("contribute.submit"));
    body += fmt::format(
        "<label for=\"text\">{}</label>\n",
        escapeHtml(m_strings.format("companion.text_label", {{"limit", std::to_string(kMaxContributionChars)}})));
    body += fmt::format(
        "<textarea id=\"text\" name=\"text\" rows=\"6\" autocomplete=\"off\" "
        "aria-describedby=\"edit-hint\">{}</textarea>\n<p id=\"edit-hint\">{}</p>\n",
        escapeHtml(draft), text("companion.edit_hint"));
    body += fmt::format(
        "<div class=\"actions\"><button type=\"submit\" class=\"secondary\" formaction=\"{}\">{}"
        "</button></div>\n</form>\n",
        joinPath(joinToken, "/preview"), text("companion.check"));
    return Page{200, document(m_strings.get("companion.preview_heading"), body), {}, {}};
}

Page PageRenderer::contributionThanks() const {
    // The same words whatever was written, so a risk phrase never shows on the phone (or over a shoulder).
    const std::string body =
        fmt::format("<p role=\"status\">{}</p>\n<p>{} <a href=\"/support\">{}</a></p>\n", text("contribute.thanks"),
                    text("companion.support_line"), text("companion.support_link"));
    return Page{200, document(m_strings.get("companion.thanks_heading"), body), {}, {}};
}

std::string PageRenderer::ratingFieldset(std::string_view name, std::string_view legendHtml,
                                         const char* const* labelKeys) const {
    std::string out = fmt::format("<fieldset>\n<legend>{}</legend>\n", legendHtml);
    for (int value = 1; value <= 5; ++value)
        out += fmt::format("<label><input type=\"radio\" name=\"{}\" value=\"{}\"> {}</label>\n", name, value,
                           text(labelKeys[value - 1]));
    out += "</fieldset>\n";
    return out;
}

Page PageRenderer::evaluationForm(const std::string& joinToken, const std::string& formToken,
                                  const std::vector<std::string>& statements) const {
    static constexpr const char* kOverall[] = {"evaluation.poor", "evaluation.fair", "evaluation.good",
                                               "evaluation.excellent", "evaluation.exceptional"};
    static constexpr const char* kAgree[] = {"evaluation.agree_1", "evaluation.agree_2", "evaluation.agree_3",
                                             "evaluation.agree_4", "evaluation.agree_5"};
    std::string body = fmt::format("<p>{}</p>\n<form method=\"post\" action=\"{}\">\n", text("evaluation.intro"),
                                   joinPath(joinToken, "/evaluation"));
    body += hidden("form", formToken);
    body += ratingFieldset("overall", text("evaluation.overall"), kOverall);
    for (std::size_t i = 0; i < statements.size(); ++i)
        body += ratingFieldset(fmt::format("s{}", i), escapeHtml(statements[i]), kAgree);
    body += fmt::format("<fieldset>\n<legend>{}</legend>\n", text("companion.group_legend"));
    for (const auto& [value, key] :
         {std::pair{"clinical", "evaluation.clinical"}, std::pair{"non_clinical", "evaluation.non_clinical"},
          std::pair{"student", "evaluation.student"}, std::pair{"other", "evaluation.other"}})
        body += fmt::format("<label><input type=\"radio\" name=\"group\" value=\"{}\"> {}</label>\n", value, text(key));
    body += "</fieldset>\n";
    body += fmt::format(
        "<label for=\"comment\">{}</label>\n<textarea id=\"comment\" name=\"comment\" rows=\"4\" "
        "autocomplete=\"off\"></textarea>\n",
        text("evaluation.comment"));
    body += fmt::format("<fieldset>\n<legend>{}</legend>\n", text("evaluation.come_again"));
    body += fmt::format(
        "<label><input type=\"radio\" name=\"again\" value=\"yes\"> {}</label>\n"
        "<label><input type=\"radio\" name=\"again\" value=\"no\"> {}</label>\n</fieldset>\n",
        text("evaluation.yes"), text("evaluation.no"));
    body += fmt::format("<div class=\"actions\"><button type=\"submit\">{}</button></div>\n</form>\n",
                        text("evaluation.submit"));
    return Page{200, document(m_strings.get("evaluation.heading"), body), {}, {}};
}

Page PageRenderer::evaluationThanks() const {
    const std::string body = fmt::format("<p role=\"status\">{}</p>\n<p>{} <a href=\"/support\">{}</a></p>\n",
                                         text("companion.evaluation_thanks"), text("companion.support_line"),
                                         text("companion.support_link"));
    return Page{200, document(m_strings.get("companion.thanks_heading"), body), {}, {}};
}

Page PageRenderer::support(const std::vector<std::pair<std::string, std::string>>& signposts) const {
    std::string body = fmt::format("<p>{}</p>\n<dl>\n", text("contribute.signposts_intro"));
    for (const auto& [title, detail] : signposts)
        body += fmt::format("<dt>{}</dt>\n<dd>{}</dd>\n", escapeHtml(title), escapeHtml(detail));
    body += "</dl>\n";
    return Page{200, document(m_strings.get("companion.support_link"), body), {}, {}};
}

Page PageRenderer::message(unsigned status, std::string_view headingKey, std::string_view bodyText) const {
    const std::string body =
        fmt::format("<p>{}</p>\n<p><a href=\"/\">{}</a></p>\n", escapeHtml(bodyText), text("companion.home_link"));
    return Page{status, document(m_strings.get(headingKey), body), {}, {}};
}

}  // namespace reflect::companion
