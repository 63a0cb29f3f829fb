// ContributionService implementation.
#include "core/contribute/contribution_service.hpp"

#include <fmt/format.h>

#include "core/privacy/risk_detector.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core {

std::size_t countCharacters(std::string_view utf8) noexcept {
    std::size_t n = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
    return n;
}

Result<void> ContributionService::open(std::int64_t sessionId) {
    if (m_store.state(sessionId) == ContributionState::Revealed)
        return fail("Contributions have been revealed for this session, so no more can be added.");
    return m_store.setState(sessionId, ContributionState::Open);
}

Result<void> ContributionService::close(std::int64_t sessionId) {
    if (m_store.state(sessionId) != ContributionState::Open) return ok();
    return m_store.close(sessionId);
}

Result<SubmitOutcome> ContributionService::submit(std::int64_t sessionId, int stageIndex, std::string_view raw) {
    if (m_store.state(sessionId) != ContributionState::Open)
        return fail("Contributions are closed just now, so this was not saved.");
    if (!isValidUtf8(raw)) return fail("This text has characters that cannot be read, so it was not saved.");
    const std::size_t chars = countCharacters(raw);
    if (chars > kMaxContributionCharacters)
        return fail(fmt::format("This is {} characters; the limit is {}. Please shorten it.", chars,
                                kMaxContributionCharacters));
    bool blank = true;
    for (const char c : raw)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') blank = false;
    if (blank) return fail("There is nothing to send yet.");

    ScrubResult scrubbed = m_scrubber.scrub(raw);
    const bool risk = mentionsRisk(raw);
    auto added = m_store.add(sessionId, stageIndex, scrubbed.text, risk);
    if (!added) return added.error();
    return SubmitOutcome{risk};
}

}  // namespace reflect::core
