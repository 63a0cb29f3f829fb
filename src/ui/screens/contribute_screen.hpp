// ContributeScreen: where a staff member types what stayed with them and submits it anonymously. The raw draft
// lives only in this screen's buffer and is zeroed on submit, on idle and on leaving.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/contribute/draft.hpp"
#include "core/kiosk/kiosk_view.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/support/signposts.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class ContributeScreen {
public:
    ContributeScreen();
    ~ContributeScreen();
    ContributeScreen(const ContributeScreen&) = delete;
    ContributeScreen& operator=(const ContributeScreen&) = delete;

    void draw(const UiContext& ui, const core::RunnerView& runner, const core::Scrubber& scrubber,
              const core::SignpostList& signposts);
    /// Zeroes the draft and ImGui's own copy of it. Called on submit, idle, and whenever the screen is left.
    void wipe();
    /// When the frame loop must wake next (countdown, thank-you), or -1 for "only on input".
    [[nodiscard]] std::int64_t msUntilNextChange(core::SteadyMs now) const;

    /// For demo states and tests: put text in the draft as if typed.
    void setDraftForDemo(std::string_view text, core::SteadyMs now);
    [[nodiscard]] bool draftEmpty() const noexcept { return m_draft.empty(); }

private:
    void drawSignposts(const UiContext& ui, const core::SignpostList& signposts);
    void takeFeedback(const UiContext& ui, const core::SubmitFeedback& fb);
    /// Keys typed while the box did not yet have the keyboard (the first frame of the screen): into the draft.
    bool takeQueuedTyping();

    std::string m_draft;
    std::uint64_t m_findingsKey = 0;
    std::vector<core::Finding> m_findings;
    core::DraftIdleTimer m_idle{90'000};
    int m_idleSeconds = 90;
    std::uint64_t m_seenSerial = 0;
    core::SteadyMs m_thanksAt = -1;
    bool m_showSignposts = false;
    bool m_wipedNotice = false;
    bool m_cursorToEnd = false;  ///< the box was just given the keyboard: the cursor goes after the last character
    bool m_demoDraft = false;    ///< a demo draft survives the "new round of writing" reset once
    std::string m_failure;
};

}  // namespace reflect::ui
