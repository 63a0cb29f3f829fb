// TallyScreen: the counts from the paper evaluation forms of one ended session, typed on the console. A grid of
// number fields (Tab and Shift+Tab move, Enter saves, Esc asks before leaving), with One less / One more for
// touch acting on the field last used, the running "answered of forms" per row and each mistake beside its row.
#pragma once

#include <cstdint>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"

namespace reflect::ui {

class TallyScreen {
public:
    void draw(const UiContext& ui, const core::TallyView& tally);
    /// Forgets what was typed (the tally was left or saved).
    void reset() noexcept;
    [[nodiscard]] bool confirmingDiscard() const noexcept { return m_confirmDiscard; }

private:
    /// One number field; `cell` numbers the fields in Tab order. Returns true when the value changed.
    bool numberField(const UiContext& ui, int cell, int& value, float width);
    bool headCountField(const UiContext& ui, float width);
    void drawGrid(const UiContext& ui, const core::TallyView& tally, float width, float height, bool focusFirst);
    void drawFooter(const UiContext& ui, const core::TallyView& tally, float width);
    void nudge(int delta);

    core::PaperTally m_draft;
    core::PaperTally m_sent;  ///< what the core was last told
    std::uint64_t m_opened = 0;
    int m_cell = 1;  ///< the field One less / One more act on: the last one used (forms returned at first)
    bool m_confirmDiscard = false;
    int m_focusFrames = 0;  ///< frames left to put the keyboard in the first field
    char m_headBuffer[16] = {};
};

}  // namespace reflect::ui
