// The phone page's routes: each checks the link is still open and the form token is fresh before it asks the kiosk.
#include "companion/router.hpp"

#include <optional>
#include <utility>

#include <fmt/format.h>

#include "companion/form_decoder.hpp"

namespace reflect::companion {

namespace {

constexpr std::size_t kMaxPairedPhones = 8;

Page redirect(std::string path) {
    return Page{303, {}, std::move(path), {}};
}

/// "1".."5" or absent; anything else is a damaged form.
bool readRating(const FormData& form, std::string_view name, std::optional<int>& out) {
    const std::string* value = form.find(name);
    if (!value || value->empty()) return true;
    if (value->size() != 1 || (*value)[0] < '1' || (*value)[0] > '5') return false;
    out = (*value)[0] - '0';
    return true;
}

std::string draftScope(std::string_view join) {
    return fmt::format("draft|{}", join);
}
std::string evaluationScope(std::string_view join) {
    return fmt::format("evaluation|{}", join);
}

}  // namespace

Router::Router(CompanionPort& port, const core::StringTable& strings, const core::Scrubber& scrubber,
               RouterOptions options)
    : m_port(port), m_scrubber(scrubber), m_pages(strings), m_options(options) {}

Page Router::refusal(unsigned status, std::string_view messageKey) const {
    return m_pages.message(status, "companion.refused_heading", m_pages.strings().get(messageKey));
}

Page Router::closed() const {
    return m_pages.message(410, "companion.closed_heading", m_pages.strings().get("companion.closed_body"));
}

Page Router::expired() const {
    return m_pages.message(403, "companion.expired_heading", m_pages.strings().get("companion.expired_body"));
}

Outcome Router::handle(const RequestView& request) {
    const bool post = request.method == "POST";
    const std::string_view path = request.path;
    if (!post) {
        if (path == "/")
            return m_pages.message(200, "companion.home_heading", m_pages.strings().get("companion.root_body"));
        if (path == "/support") return m_pages.support(m_port.snapshot().signposts);
        if (path == "/done/contribution") return m_pages.contributionThanks();
        if (path == "/done/evaluation") return m_pages.evaluationThanks();
    }
    if (path.starts_with("/j/")) {
        const std::string_view rest = path.substr(3);
        const std::size_t slash = rest.find('/');
        const std::string_view token = rest.substr(0, slash);
        const std::string_view tail = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
        return join(request, token, tail, m_port.snapshot());
    }
    if (path.starts_with("/pair/")) return pair(request, path.substr(6), m_port.snapshot());
    if (path == "/remote") return remote(request, m_port.snapshot());
    return m_pages.message(404, "companion.not_found_heading", m_pages.strings().get("companion.not_found_body"));
}

Outcome Router::join(const RequestView& request, std::string_view token, std::string_view rest,
                     const PhoneState& state) {
    // A link from a closed or earlier session gets the same clear page whatever it asks for; nothing is stored.
    if (!isTokenShaped(token) || state.joinToken.empty() || token != state.joinToken) return closed();
    const std::string& join = state.joinToken;
    const bool post = request.method == "POST";
    if (rest.empty() || rest == "/") return post ? closed() : m_pages.home(state);
    if (rest == "/write" && !post) {
        if (!state.contributionsOpen) return closed();
        return m_pages.writeForm(join, m_tokens.issue(draftScope(join)), {}, {});
    }
    if (rest == "/preview" && post) return preview(join, request.body, state);
    if (rest == "/send" && post) return send(join, request.body, state);
    if (rest == "/evaluation") {
        if (!state.evaluationOpen) return closed();
        if (post) return evaluation(join, request.body, state);
        return m_pages.evaluationForm(join, m_tokens.issue(evaluationScope(join)), state.evaluationStatements);
    }
    return m_pages.message(404, "companion.not_found_heading", m_pages.strings().get("companion.not_found_body"));
}

Page Router::preview(const std::string& join, std::string_view body, const PhoneState& state) {
    if (!state.contributionsOpen) return closed();
    auto form = decodeForm(body);
    if (!form) return m_pages.message(400, "companion.refused_heading", form.error().message);
    const std::string* formToken = form->find("form");
    if (!formToken || !m_tokens.redeem(draftScope(join), *formToken)) return expired();
    const std::string* text = form->find("text");
    const std::string_view draft = text ? std::string_view(*text) : std::string_view{};
    const core::StringTable& strings = m_pages.strings();
    if (draft.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return m_pages.writeForm(join, m_tokens.issue(draftScope(join)), {}, strings.get("companion.empty"), 422);
    const std::size_t chars = countCodePoints(draft);
    if (chars > kMaxContributionChars)
        return m_pages.writeForm(
            join, m_tokens.issue(draftScope(join)), draft,
            strings.format("contribute.over_limit", {{"over", std::to_string(chars - kMaxContributionChars)}}), 422);
    core::ScrubResult scrubbed = m_scrubber.scrub(draft);
    Page page = m_pages.preview(join, m_tokens.issue(draftScope(join)), draft, scrubbed, m_tokens.digest(draft), {});
    core::wipeText(scrubbed.text);
    return page;
}

Outcome Router::send(const std::string& join, std::string_view body, const PhoneState& state) {
    if (!state.contributionsOpen) return closed();
    auto form = decodeForm(body);
    if (!form) return m_pages.message(400, "companion.refused_heading", form.error().message);
    const std::string* formToken = form->find("form");
    if (!formToken || !m_tokens.redeem(draftScope(join), *formToken)) return expired();
    const std::string* text = form->find("text");
    const std::string* checked = form->find("checked");
    const std::string_view draft = text ? std::string_view(*text) : std::string_view{};
    if (draft.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return m_pages.writeForm(join, m_tokens.issue(draftScope(join)), {}, m_pages.strings().get("companion.empty"),
                                 422);
    const std::size_t chars = countCodePoints(draft);
    if (chars > kMaxContributionChars)
        return m_pages.writeForm(join, m_tokens.issue(draftScope(join)), draft,
                                 m_pages.strings().format("contribute.over_limit",
                                                          {{"over", std::to_string(chars - kMaxContributionChars)}}),
                                 422);
    // What is sent must be what the person saw previewed; an edit since goes back through the preview.
    if (!checked || *checked != m_tokens.digest(draft)) {
        core::ScrubResult scrubbed = m_scrubber.scrub(draft);
        Page page = m_pages.preview(join, m_tokens.issue(draftScope(join)), draft, scrubbed, m_tokens.digest(draft),
                                    m_pages.strings().get("companion.changed"));
        core::wipeText(scrubbed.text);
        return page;
    }
    return await(m_port.submitContribution(join, core::SecretText(draft)), "/done/contribution");
}

Outcome Router::evaluation(const std::string& join, std::string_view body, const PhoneState& state) {
    auto form = decodeForm(body);
    if (!form) return m_pages.message(400, "companion.refused_heading", form.error().message);
    const std::string* formToken = form->find("form");
    if (!formToken || !m_tokens.redeem(evaluationScope(join), *formToken)) return expired();
    core::EvaluationAnswers answers;
    bool valid = readRating(*form, "overall", answers.overall);
    answers.statements.resize(state.evaluationStatements.size());
    for (std::size_t i = 0; i < answers.statements.size(); ++i)
        valid = readRating(*form, fmt::format("s{}", i), answers.statements[i]) && valid;
    if (const std::string* group = form->find("group"); group && !group->empty()) {
        if (*group == "clinical")
            answers.staffGroup = core::StaffGroup::Clinical;
        else if (*group == "non_clinical")
            answers.staffGroup = core::StaffGroup::NonClinical;
        else if (*group == "student")
            answers.staffGroup = core::StaffGroup::Student;
        else if (*group == "other")
            answers.staffGroup = core::StaffGroup::Other;
        else
            valid = false;
    }
    if (const std::string* again = form->find("again"); again && !again->empty()) {
        if (*again == "yes")
            answers.comeAgain = true;
        else if (*again == "no")
            answers.comeAgain = false;
        else
            valid = false;
    }
    if (!valid) return refusal(400, "companion.bad_request");
    if (const std::string* comment = form->find("comment")) {
        if (countCodePoints(*comment) > core::kMaxEvaluationComment)
            return m_pages.message(
                422, "companion.not_saved",
                m_pages.strings().format(
                    "contribute.over_limit",
                    {{"over", std::to_string(countCodePoints(*comment) - core::kMaxEvaluationComment)}}));
        answers.comment = *comment;
    }
    return await(m_port.submitEvaluation(join, std::move(answers)), "/done/evaluation");
}

Outcome Router::await(std::future<Reply> reply, std::string successPath) {
    Outcome outcome;
    outcome.pending = std::move(reply);
    outcome.finish = [this, path = std::move(successPath)](std::optional<Reply> answer) {
        if (!answer) return m_pages.message(503, "companion.not_saved", m_pages.strings().get("companion.kiosk_busy"));
        if (answer->ok) return redirect(path);
        return m_pages.message(409, "companion.not_saved", answer->message);
    };
    return outcome;
}

Page Router::handleAndWait(const RequestView& request) {
    Outcome outcome = handle(request);
    if (!outcome.waiting()) return std::move(outcome.page);
    if (outcome.pending.wait_for(m_options.replyWait) != std::future_status::ready) return outcome.finish(std::nullopt);
    return outcome.finish(outcome.pending.get());
}

Outcome Router::pair(const RequestView& request, std::string_view token, const PhoneState& state) {
    const core::StringTable& strings = m_pages.strings();
    if (!isTokenShaped(token) || state.pairToken.empty() || token != state.pairToken || state.sessionKey.empty())
        return m_pages.message(410, "companion.pair_heading", strings.get("companion.pair_used"));
    const std::string scope = fmt::format("pair|{}", token);
    if (request.method != "POST") return m_pages.pairForm(state.pairToken, m_tokens.issue(scope));
    auto form = decodeForm(request.body);
    if (!form) return m_pages.message(400, "companion.refused_heading", form.error().message);
    const std::string* formToken = form->find("form");
    if (!formToken || !m_tokens.redeem(scope, *formToken)) return expired();
    Outcome outcome;
    outcome.pending = m_port.pair(state.pairToken);
    outcome.finish = [this, sessionKey = state.sessionKey](std::optional<Reply> answer) {
        return paired(std::move(answer), sessionKey);
    };
    return outcome;
}

Page Router::paired(std::optional<Reply> reply, const std::string& sessionKey) {
    const core::StringTable& strings = m_pages.strings();
    if (!reply) return m_pages.message(503, "companion.pair_heading", strings.get("companion.kiosk_busy"));
    if (!reply->ok) return m_pages.message(409, "companion.pair_heading", reply->message);
    std::string cookie = FormTokens::randomToken();
    {
        const std::lock_guard lock(m_pairMutex);
        std::erase_if(m_paired, [&](const auto& entry) { return entry.second != sessionKey; });
        if (m_paired.size() >= kMaxPairedPhones) m_paired.erase(m_paired.begin());
        m_paired.emplace(cookie, sessionKey);
    }
    Page page = redirect("/remote");
    page.setCookie = fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kRemoteCookie, cookie,
                                 m_options.secureCookie ? "; Secure" : "");
    return page;
}

bool Router::isPaired(std::string_view cookie, const PhoneState& state) {
    const std::lock_guard lock(m_pairMutex);
    // A session that ended (or a new one) unpairs every phone paired before it.
    std::erase_if(m_paired, [&](const auto& entry) { return entry.second != state.sessionKey; });
    if (cookie.empty() || state.sessionKey.empty()) return false;
    return m_paired.find(std::string(cookie)) != m_paired.end();
}

Outcome Router::remote(const RequestView& request, const PhoneState& state) {
    if (!isPaired(request.cookie, state))
        return m_pages.message(403, "companion.remote_heading", m_pages.strings().get("companion.not_paired"));
    const std::string scope = fmt::format("remote|{}", request.cookie);
    if (request.method != "POST") return m_pages.remote(state, m_tokens.issue(scope));
    auto form = decodeForm(request.body);
    if (!form) return m_pages.message(400, "companion.refused_heading", form.error().message);
    const std::string* formToken = form->find("form");
    if (!formToken || !m_tokens.redeem(scope, *formToken)) return expired();
    const std::string* action = form->find("action");
    std::optional<RemoteAction> chosen;
    if (action && *action == "next") chosen = RemoteAction::Next;
    if (action && *action == "back") chosen = RemoteAction::Back;
    if (action && *action == "pause") chosen = RemoteAction::Pause;
    if (action && *action == "minute") chosen = RemoteAction::AddMinute;
    if (!chosen) return refusal(400, "companion.bad_request");
    return await(m_port.remote(*chosen), "/remote");
}

std::size_t Router::pairedPhones() const {
    const std::lock_guard lock(m_pairMutex);
    return m_paired.size();
}

}  // namespace reflect::companion
