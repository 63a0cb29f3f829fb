// ContributionFlow implementation.
#include "core/kiosk/contribution_flow.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace reflect::core {

ContributionFlow::ContributionFlow(KioskServices& services, KioskState& state, const Scrubber& scrubber)
    : m_services(services),
      m_state(state),
      m_contrib(services.sessions.database(), scrubber),
      m_board(services.sessions.database(), services.codebook, scrubber) {}

template <class Body>
void ContributionFlow::run(Body&& body) {
    m_state.dirty = true;
    const Screen before = m_state.screen;
    if (!m_services.sessions.active()) return;
    try {
        body(m_services.sessions.activeId());
    } catch (const SqliteError& e) {
        m_state.message = storageFailureMessage(e);
    }
    if (m_state.screen != before)
        m_services.report(m_state.screen == Screen::Contribute ? "event screen contribute"
                          : m_state.screen == Screen::Board    ? "event screen board"
                                                               : "event screen runner");
    if (m_state.screen == Screen::Board && m_boardMessage.empty()) {
        std::size_t tags = 0;
        for (const auto& t : m_board.themes()) tags += t.tags.size();
        m_services.report(fmt::format("event board themes={} tags={}", m_board.themes().size(), tags));
    }
}

void ContributionFlow::showResult(const Result<void>& result) {
    if (!result) m_state.message = result.error().message;
}

void ContributionFlow::boardResult(const Result<void>& result) {
    if (result)
        m_boardMessage.clear();
    else
        m_boardMessage = result.error().message;
}

ContributionState ContributionFlow::state(std::int64_t sid) const {
    return m_contrib.state(sid);
}

bool ContributionFlow::stageAccepts() const {
    const SessionMachine* machine = m_services.sessions.active();
    return machine && machine->currentStage().flags.acceptsContributions;
}

RevealCheck ContributionFlow::revealCheck(std::int64_t sid, ContributionState now, int count) const {
    int minimum = m_services.options.revealMinimum;
    int minimumPresent = 0;
    if (const SessionMachine* machine = m_services.sessions.active()) {
        const BoardSettings& board = machine->plan().tmpl().board;
        minimum = std::max(minimum, board.revealMinContributions);
        minimumPresent = board.revealMinPresent;
    }
    const int present = sessionAttendance(m_services.sessions.database(), sid).value_or(0);
    return checkReveal(now, count, minimum, present, minimumPresent);
}

std::string ContributionFlow::refusalMessage(const RevealCheck& check) const {
    const auto& s = m_services.strings;
    switch (check.refusal) {
        case RevealRefusal::None:
            return {};
        case RevealRefusal::StillOpen:
            return s.get("board.refused_open");
        case RevealRefusal::TooFew:
            return s.format("board.refused_few",
                            {{"count", std::to_string(check.count)}, {"minimum", std::to_string(check.minimum)}});
        case RevealRefusal::TooFewPresent:
            if (check.present == 0)
                return s.format("board.refused_present_none", {{"minimum", std::to_string(check.minimumPresent)}});
            return s.format("board.refused_present", {{"count", std::to_string(check.present)},
                                                      {"minimum", std::to_string(check.minimumPresent)}});
    }
    return {};
}

bool ContributionFlow::votesAllowed() const {
    const SessionMachine* machine = m_services.sessions.active();
    return machine && machine->plan().tmpl().board.votes;
}

bool ContributionFlow::wallAllowed() const {
    const SessionMachine* machine = m_services.sessions.active();
    return machine && machine->plan().tmpl().board.wall;
}

WallView ContributionFlow::wallView(const std::vector<BoardCard>& cards) const {
    WallView w;
    w.enabled = wallAllowed();
    if (!w.enabled) return w;
    w.console = m_wallConsole;
    w.total = static_cast<int>(cards.size());
    const int first = std::clamp(m_wallFirst, 0, std::max(0, w.total - 1));
    const int end = std::min(w.total, first + kWallCardsPerPage);
    for (int i = first; i < end; ++i) {
        const auto& c = cards[static_cast<std::size_t>(i)];
        w.cards.push_back(WallCard{c.text, c.copies()});
    }
    w.first = w.total == 0 ? 0 : first + 1;
    w.last = end;
    w.canBack = first > 0;
    w.canNext = end < w.total;
    const auto& s = m_services.strings;
    w.position =
        w.total == 0 ? s.get("wall.none")
        : w.first == w.last
            ? s.format("wall.position_one", {{"number", std::to_string(w.first)}, {"total", std::to_string(w.total)}})
            : s.format("wall.position", {{"first", std::to_string(w.first)},
                                         {"last", std::to_string(w.last)},
                                         {"total", std::to_string(w.total)}});
    return w;
}

void ContributionFlow::sessionEnding() {
    if (m_services.sessions.active()) {
        try {
            const auto sid = m_services.sessions.activeId();
            if (state(sid) == ContributionState::Open) showResult(m_contrib.close(sid));
        } catch (const SqliteError& e) {
            m_state.message = storageFailureMessage(e);
        }
    }
    m_board.unload();
}

ContributionsView ContributionFlow::view() {
    ContributionsView v;
    v.feedback = m_feedback;
    v.draftIdleSeconds = m_services.options.draftIdleSeconds;
    if (!m_services.sessions.active()) {
        m_batch = Batch{};
        return v;
    }
    const auto sid = m_services.sessions.activeId();
    v.stageAccepts = stageAccepts();
    v.state = state(sid);
    const int count = m_contrib.count(sid);
    if (v.state == ContributionState::Open) {
        // Nothing the facilitator sees moves with one submission: the figures are those of the last batch.
        if (m_batch.session != sid) {
            m_batch = Batch{};  // open since before a restart: a batch starts now
            m_batch.session = sid;
        }
        if (m_batch.refresh) {
            m_batch.count = count;
            m_batch.alerts = m_contrib.safeguardingAlerts(sid);
            m_batch.refresh = false;
            m_batch.pending = false;
        }
        v.count = m_batch.count;
        v.safeguardingAlerts = m_batch.alerts;
    } else {
        // Closed (or revealed): everything counts at once.
        m_batch = Batch{};
        v.count = count;
        v.safeguardingAlerts = m_contrib.safeguardingAlerts(sid);
    }
    v.reveal = revealCheck(sid, v.state, count);
    v.attendance = sessionAttendance(m_services.sessions.database(), sid);
    return v;
}

void ContributionFlow::tick(SteadyMs now) {
    if (m_batch.session == 0) return;
    if (m_batch.due < 0) m_batch.due = now + kContributionBatchMs;
    if (now < m_batch.due) return;
    // Batches keep their cadence from the opening, however late a frame reads the clock.
    m_batch.due += ((now - m_batch.due) / kContributionBatchMs + 1) * kContributionBatchMs;
    if (!m_batch.pending) return;  // nothing new: no rebuild, no SQL
    m_batch.refresh = true;
    m_state.dirty = true;
}

std::int64_t ContributionFlow::msUntilBatch(SteadyMs now) const {
    if (m_batch.session == 0 || !m_batch.pending) return -1;
    return m_batch.due < 0 ? 0 : std::max<std::int64_t>(0, m_batch.due - now);
}

BoardView ContributionFlow::boardView() const {
    BoardView v;
    v.cards = mergeDuplicates(m_board.cards());
    v.themes = m_board.themes();
    v.tags = m_services.codebook.tags;
    for (const auto& tag : v.tags) v.recurrence.emplace_back(tag.key, m_board.recurrence(tag.key));
    v.message = m_boardMessage;
    v.votes = votesAllowed();
    v.wall = wallView(v.cards);
    return v;
}

void ContributionFlow::on(const OpenContributions&, SteadyMs now) {
    run([&](std::int64_t sid) {
        if (!stageAccepts()) {
            m_state.message = m_services.strings.get("contribute.stage_closed");
            return;
        }
        auto opened = m_contrib.open(sid);
        showResult(opened);
        if (!opened) return;
        // The first batch: the figures as they stand at the opening; the next one 30 s on.
        m_batch = Batch{
            sid, m_contrib.count(sid), m_contrib.safeguardingAlerts(sid), now + kContributionBatchMs, false, false};
        m_services.report("event contributions-open");
    });
}

void ContributionFlow::on(const CloseContributions&, SteadyMs) {
    run([&](std::int64_t sid) {
        auto closed = m_contrib.close(sid);
        showResult(closed);
        if (closed) m_services.report(fmt::format("event contributions-closed count={}", m_contrib.count(sid)));
        if (m_state.screen == Screen::Contribute) m_state.screen = Screen::Runner;
    });
}

void ContributionFlow::on(const LetStaffWrite&, SteadyMs) {
    run([&](std::int64_t sid) {
        if (state(sid) != ContributionState::Open) {
            m_state.message = m_services.strings.get("contribute.open_first");
            return;
        }
        m_feedback = SubmitFeedback{SubmitFeedback::Kind::None, {}, m_feedback.serial + 1};
        m_state.message.clear();
        m_state.screen = Screen::Contribute;
    });
}

void ContributionFlow::on(const LeaveContribute&, SteadyMs) {
    m_state.dirty = true;
    // Leaving is always allowed, with or without a session.
    if (!m_services.sessions.active()) {
        m_state.screen = Screen::Home;
        return;
    }
    run([&](std::int64_t) { m_state.screen = Screen::Runner; });
}

void ContributionFlow::on(const SubmitContribution& c, SteadyMs) {
    if (!m_services.sessions.active()) m_state.refusal = m_services.strings.get("contribute.stage_closed");
    run([&](std::int64_t sid) {
        const SessionMachine* machine = m_services.sessions.active();
        auto outcome = m_contrib.submit(sid, machine->currentIndex(), c.text.view());
        // Progress for tests: only the running count, never the text, the time or a risk flag.
        if (outcome) {
            m_services.report(fmt::format("event contribution-saved count={}", m_contrib.count(sid)));
            m_batch.pending = true;
        } else
            m_state.refusal = outcome.error().message;
        // A phone's submission leaves the shared screen's own form exactly as it was.
        if (c.fromPhone) return;
        // One outcome for every saved contribution: whether it raised a private alert is the console's alone.
        if (outcome)
            m_feedback = SubmitFeedback{SubmitFeedback::Kind::Saved, {}, m_feedback.serial + 1};
        else
            m_feedback = SubmitFeedback{SubmitFeedback::Kind::Failed, outcome.error().message, m_feedback.serial + 1};
    });
}

void ContributionFlow::on(const RevealContributions&, SteadyMs) {
    run([&](std::int64_t sid) {
        const ContributionState now = state(sid);
        const RevealCheck check = revealCheck(sid, now, m_contrib.count(sid));
        if (!check.allowed()) {
            m_state.message = refusalMessage(check);
            return;
        }
        if (now != ContributionState::Revealed) {
            auto revealed = m_contrib.store().setState(sid, ContributionState::Revealed);
            if (!revealed) {
                m_state.message = revealed.error().message;
                return;
            }
        }
        if (m_board.sessionId() != sid) m_board.load(sid);
        m_services.report(fmt::format("event reveal count={}", static_cast<int>(m_board.cards().size())));
        m_state.message.clear();
        m_boardMessage.clear();
        // A first reveal opens on the wall's first cards; coming back to the board keeps where it was.
        if (m_state.screen != Screen::Board && now != ContributionState::Revealed) {
            m_wallFirst = 0;
            m_wallConsole = wallAllowed();
        }
        m_state.screen = Screen::Board;
    });
}

void ContributionFlow::on(const LeaveBoard&, SteadyMs) {
    m_state.dirty = true;
    if (!m_services.sessions.active()) {
        m_state.screen = Screen::Home;
        return;
    }
    run([&](std::int64_t) { m_state.screen = Screen::Runner; });
}

void ContributionFlow::on(const TurnWallPage& c, SteadyMs) {
    run([&](std::int64_t) {
        if (m_state.screen != Screen::Board || !wallAllowed()) return;
        const int total = static_cast<int>(mergeDuplicates(m_board.cards()).size());
        const int next = m_wallFirst + (c.delta >= 0 ? kWallCardsPerPage : -kWallCardsPerPage);
        if (next >= 0 && next < total) m_wallFirst = next;
    });
}

void ContributionFlow::on(const ShowBoardTools&, SteadyMs) {
    run([&](std::int64_t) {
        if (m_state.screen != Screen::Board || !m_wallConsole) return;
        m_wallConsole = false;
        m_services.report("event wall grouping");
    });
}

void ContributionFlow::on(const SetAttendance& c, SteadyMs) {
    run([&](std::int64_t sid) {
        boardResult(setSessionAttendance(m_services.sessions.database(), sid, c.people));
        // A head count, never who: for tests and admins, like the other progress lines.
        if (m_boardMessage.empty()) m_services.report(fmt::format("event attendance people={}", c.people));
    });
}

void ContributionFlow::on(const BoardCreateTheme& c, SteadyMs) {
    run([&](std::int64_t) {
        auto made = m_board.createTheme(withCopies(mergeDuplicates(m_board.cards()), c.cards), c.name);
        boardResult(made ? ok() : Result<void>(made.error()));
    });
}

void ContributionFlow::on(const BoardRename& c, SteadyMs) {
    run([&](std::int64_t) { boardResult(m_board.rename(c.theme, c.name)); });
}

void ContributionFlow::on(const BoardToggleTag& c, SteadyMs) {
    run([&](std::int64_t) { boardResult(m_board.toggleTag(c.theme, c.tag)); });
}

void ContributionFlow::on(const BoardMerge& c, SteadyMs) {
    run([&](std::int64_t) { boardResult(m_board.merge(c.into, c.from)); });
}

void ContributionFlow::on(const BoardSplit& c, SteadyMs) {
    run([&](std::int64_t) {
        auto made = m_board.split(c.theme, withCopies(mergeDuplicates(m_board.cards()), c.cards), c.name);
        boardResult(made ? ok() : Result<void>(made.error()));
    });
}

void ContributionFlow::on(const BoardUngroup& c, SteadyMs) {
    run([&](std::int64_t) { boardResult(m_board.ungroup(withCopies(mergeDuplicates(m_board.cards()), c.cards))); });
}

void ContributionFlow::on(const BoardHideCard& c, SteadyMs) {
    run([&](std::int64_t) {
        // Hiding what the screen shows as one card hides every identical copy behind it.
        for (const auto id : withCopies(mergeDuplicates(m_board.cards()), {c.card})) {
            auto hidden = m_board.hideCard(id);
            boardResult(hidden);
            if (!hidden) return;
        }
    });
}

void ContributionFlow::on(const BoardVote& c, SteadyMs) {
    run([&](std::int64_t) {
        // Refused here too, not only hidden on screen: a key or a phone must not rank a Round's themes either.
        if (!votesAllowed()) {
            m_boardMessage = m_services.strings.get("board.votes_off");
            return;
        }
        boardResult(m_board.vote(c.theme, c.delta));
    });
}

}  // namespace reflect::core
