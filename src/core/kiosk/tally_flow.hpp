// TallyFlow: the paper tally of an ended session: opening it, the counts as typed, checking, saving, leaving.
#pragma once

#include "core/evaluation/paper_tally_store.hpp"
#include "core/kiosk/kiosk_context.hpp"
#include "core/kiosk/kiosk_view.hpp"

namespace reflect::core {

class TallyFlow {
public:
    TallyFlow(KioskServices& services, KioskState& state);

    /// Opens the tally of an ended session (the PIN, where one is asked for, was checked by the access flow);
    /// leaving it returns to the screen showing now.
    void open(std::int64_t sessionId);
    /// Built from memory: the counts and their checks, no query.
    [[nodiscard]] TallyView view() const;
    /// For home: sessions whose paper forms may still be entered.
    [[nodiscard]] std::vector<TallySession> recent() const;

    void on(const EditPaperTally& c, SteadyMs now);
    void on(const SavePaperTally& c, SteadyMs now);
    void on(const CancelPaperTally& c, SteadyMs now);

private:
    void leave();

    KioskServices& m_services;
    KioskState& m_state;
    PaperTallyStore m_store;
    std::optional<PaperTallyRecord> m_record;  ///< as it was when opened
    PaperTally m_draft;
    std::vector<TallyIssue> m_issues;
    std::string m_saveMessage;
    Screen m_returnTo = Screen::Home;
    std::uint64_t m_opened = 0;
};

}  // namespace reflect::core
