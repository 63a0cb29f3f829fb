// ContributeScreen implementation.
#include "ui/screens/contribute_screen.hpp"

#include <algorithm>
#include <cstring>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/contribute/secret_text.hpp"
#include "core/text/utf8.hpp"
#include "ui/screens/signposts_screen.hpp"
#include "ui/widgets/scoped.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

namespace {
constexpr core::SteadyMs kThanksMs = 6000;  // long enough to read the support line too
/// Room for 2 000 four-byte characters and then some, reserved up front so typing never reallocates and leaves
/// a copy of the draft behind in freed memory.
constexpr std::size_t kDraftReserve = 4 * core::kMaxContributionCharacters + 4096;

std::uint64_t checksum(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h ^ text.size();
}

/// ImGui keeps its own copies of the text being edited (wide and UTF-8 buffers, and the undo stack). Zero them.
void wipeImGuiEditState() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return;
    ImGuiInputTextState& st = g->InputTextState;
    if (st.TextW.Data) std::memset(st.TextW.Data, 0, static_cast<std::size_t>(st.TextW.Capacity) * sizeof(ImWchar));
    if (st.TextA.Data) std::memset(st.TextA.Data, 0, static_cast<std::size_t>(st.TextA.Capacity));
    if (st.InitialTextA.Data) std::memset(st.InitialTextA.Data, 0, static_cast<std::size_t>(st.InitialTextA.Capacity));
    std::memset(static_cast<void*>(&st.Stb), 0, sizeof(st.Stb));
    st.CurLenA = st.CurLenW = 0;
    st.TextAIsValid = false;
    st.ID = 0;  // the next frame starts the box afresh from our (empty) string
}

/// ImGui 1.86 cannot word-wrap a multi-line box, so a long line would run off the right edge. As the person
/// types, the space before a word that would overflow becomes a line break, like a word processor's soft wrap.
/// What the draft box's callback needs: the wrap width, and whether to put the cursor after the last character
/// (the box was just given the keyboard, and what was typed meanwhile is already in the draft).
struct BoxCallback {
    float wrapWidth = 0;
    bool cursorToEnd = false;
};

int softWrap(ImGuiInputTextCallbackData* data) {
    auto& box = *static_cast<BoxCallback*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        if (box.cursorToEnd) data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        box.cursorToEnd = false;
        return 0;
    }
    const float width = box.wrapWidth;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    int lineStart = 0;
    int lastSpace = -1;
    for (int i = 0; i < data->BufTextLen; ++i) {
        const char c = data->Buf[i];
        if (c == '\n') {
            lineStart = i + 1;
            lastSpace = -1;
            continue;
        }
        if (c == ' ') lastSpace = i;
        if ((static_cast<unsigned char>(c) & 0xC0U) == 0x80U) continue;
        const float w = font->CalcTextSizeA(size, 1e9f, 0.0f, data->Buf + lineStart, data->Buf + i + 1).x;
        if (w > width && lastSpace > lineStart) {
            data->Buf[lastSpace] = '\n';
            data->BufDirty = true;
            lineStart = lastSpace + 1;
            lastSpace = -1;
        }
    }
    return 0;
}
}  // namespace

ContributeScreen::ContributeScreen() {
    m_draft.reserve(kDraftReserve);
}

bool ContributeScreen::takeQueuedTyping() {
    ImGuiIO& io = ImGui::GetIO();
    bool took = false;
    for (const ImWchar c : io.InputQueueCharacters) {
        // Printable characters only, as the box itself would take them (no control characters, no tabs).
        if (c < 0x20 || c == 0x7F) continue;
        if (m_draft.size() + 4 > m_draft.capacity()) break;  // never reallocate: the draft's one buffer is wiped
        core::appendUtf8(m_draft, static_cast<char32_t>(c));
        took = true;
    }
    io.InputQueueCharacters.resize(0);
    return took;
}

ContributeScreen::~ContributeScreen() {
    core::wipeText(m_draft);
}

void ContributeScreen::wipe() {
    const std::size_t cap = m_draft.capacity();
    core::wipeText(m_draft);
    if (cap < kDraftReserve) m_draft.reserve(kDraftReserve);
    m_findings.clear();
    m_findingsKey = 0;
    m_idle.disarm();
    if (ImGui::GetCurrentContext()) {
        ImGui::ClearActiveID();
        wipeImGuiEditState();
    }
}

void ContributeScreen::setDraftForDemo(std::string_view text, core::SteadyMs now) {
    m_draft.assign(text);
    m_idle.touch(now);
    m_demoDraft = true;
}

std::int64_t ContributeScreen::msUntilNextChange(core::SteadyMs now) const {
    std::int64_t wake = -1;
    const auto consider = [&](std::int64_t ms) {
        if (ms >= 0 && (wake < 0 || ms < wake)) wake = ms;
    };
    if (m_idle.armed()) {
        const auto left = m_idle.remainingMs(now);
        // Wake at the start of the countdown, then once a second to redraw it.
        consider(left > 10'000 ? left - 10'000 : (left % 1000 == 0 ? 1000 : left % 1000));
    }
    if (m_thanksAt >= 0 && now - m_thanksAt < kThanksMs) consider(kThanksMs - (now - m_thanksAt));
    return wake;
}

void ContributeScreen::takeFeedback(const UiContext& ui, const core::SubmitFeedback& fb) {
    if (fb.serial == m_seenSerial) return;
    m_seenSerial = fb.serial;
    m_failure.clear();
    m_wipedNotice = false;
    switch (fb.kind) {
        case core::SubmitFeedback::Kind::None:
            // A new round of writing begins: nothing from before may show.
            if (!m_demoDraft) wipe();
            m_demoDraft = false;
            m_thanksAt = -1;
            m_showSignposts = false;
            break;
        case core::SubmitFeedback::Kind::Saved:
            // The same thank-you and support line whatever was written: nobody watching can tell what it said.
            wipe();
            m_thanksAt = ui.now;
            break;
        case core::SubmitFeedback::Kind::Failed:
            m_failure = fb.message;
            break;  // keep the words so nothing is lost
    }
}

void ContributeScreen::drawSignposts(const UiContext& ui, const core::SignpostList& signposts) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    wrappedText(f.heading, ui.t("contribute.signposts_heading"), p.text, avail.x);
    wrappedText(f.body, ui.t("contribute.signposts_intro"), p.textMuted, avail.x);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    {
        ScopedStyleColor bg(ImGuiCol_ChildBg, p.background);
        ScopedStyleVar noPad(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
        ScopedChild list("##contribute-signposts", ImVec2(avail.x, ImGui::GetContentRegionAvail().y - m.touch - m.gap),
                         false, 0);
        drawSignpostList(ui, signposts, ImGui::GetContentRegionAvail().x);
    }
    const bool ctrlEnter = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (actionButton(ui, "##signposts-done", ui.t("contribute.signposts_done"), ui.t("contribute.signposts_done_hint"),
                     ImVec2(std::min(avail.x, 520.0f * m.scale), m.touch), ButtonKind::Primary) ||
        ctrlEnter)
        m_showSignposts = false;
}

void ContributeScreen::draw(const UiContext& ui, const core::RunnerView& runner, const core::Scrubber& scrubber,
                            const core::SignpostList& signposts) {
    const Palette& p = ui.theme.palette;
    const FontSet& f = ui.theme.fonts;
    const Metrics& m = ui.theme.metrics;
    if (m_idleSeconds != runner.contributions.draftIdleSeconds) {
        m_idleSeconds = runner.contributions.draftIdleSeconds;
        m_idle = core::DraftIdleTimer(static_cast<std::int64_t>(m_idleSeconds) * 1000);
    }
    takeFeedback(ui, runner.contributions.feedback);
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) {
        wipe();
        ui.emit(core::LeaveContribute{});
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float facW = std::max(300.0f * m.scale, 48.0f);

    // The facilitator's way back, small and out of the way in the corner.
    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(top.x + avail.x - facW, top.y));
    if (actionButton(ui, "##facilitator", ui.t("contribute.facilitator"), ui.t("contribute.facilitator_hint"),
                     ImVec2(facW, m.touch), ButtonKind::Quiet)) {
        wipe();
        ui.emit(core::LeaveContribute{});
        return;
    }
    ImGui::SetCursorPos(top);
    if (m_showSignposts) {
        drawSignposts(ui, signposts);
        return;
    }

    const float textW = avail.x - facW - m.gap;
    const auto& machine = runner.machine;
    const std::string& prompt = machine && !machine->currentStage().prompt.empty()
                                    ? machine->currentStage().prompt
                                    : ui.strings.get("contribute.default_prompt");
    wrappedText(f.small, ui.t("contribute.heading"), p.textMuted, textW);
    wrappedText(f.heading, prompt, p.text, textW);
    wrappedText(f.small, ui.t("contribute.anonymous_note"), p.textMuted, avail.x);
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));

    // Idle wipe: the countdown shows for the last seconds; any keystroke keeps the draft.
    if (m_idle.expired(ui.now)) {
        wipe();
        m_wipedNotice = true;
    }
    const bool open = runner.contributions.state == core::ContributionState::Open;

    const float belowH = f.body->FontSize * 4.5f + m.touch + m.gap * 2;
    const float boxH = std::max(f.body->FontSize * 4, ImGui::GetContentRegionAvail().y - belowH);
    bool changed = false;
    {
        ScopedFont font(f.body);
        ScopedStyleColor frame(ImGuiCol_FrameBg, p.surface);
        ScopedStyleColor border(ImGuiCol_Border, p.focus);
        ScopedStyleVar borderSize(ImGuiStyleVar_FrameBorderSize, std::max(2.0f, 2.0f * m.scale));
        ScopedStyleVar framePad(ImGuiStyleVar_FramePadding, ImVec2(m.pad * 0.4f, m.pad * 0.3f));
        // The box always has the keyboard, so someone can walk up and type. ImGui gives it the keyboard a frame
        // later; whatever is typed before then goes into the draft here rather than being dropped.
        if (!ImGui::IsAnyItemActive()) {
            changed = takeQueuedTyping();
            ImGui::SetKeyboardFocusHere();
            m_cursorToEnd = true;
        }
        const ImVec2 at = ImGui::GetCursorScreenPos();
        BoxCallback box{avail.x - m.pad * 0.8f - ImGui::GetStyle().ScrollbarSize - 8.0f, m_cursorToEnd};
        changed = ImGui::InputTextMultiline("##draft", &m_draft, ImVec2(avail.x, boxH),
                                            ImGuiInputTextFlags_NoUndoRedo | ImGuiInputTextFlags_CallbackEdit |
                                                ImGuiInputTextFlags_CallbackAlways,
                                            softWrap, &box) ||
                  changed;
        if (ImGui::IsItemActive()) m_cursorToEnd = box.cursorToEnd;
        if (ui.hits) (*ui.hits)["##draft"] = ImVec4(at.x, at.y, avail.x, boxH);
    }
    if (changed) {
        m_wipedNotice = false;
        m_failure.clear();
        m_thanksAt = -1;
        if (m_draft.empty())
            m_idle.disarm();
        else
            m_idle.touch(ui.now);
    }

    // What will be removed, worked out again only when the text changed.
    const std::uint64_t key = checksum(m_draft);
    if (key != m_findingsKey) {
        m_findingsKey = key;
        m_findings = scrubber.find(m_draft);
    }

    // Counter, never a silent cut: over the limit, the counter says so and Submit waits.
    const std::size_t chars = core::countCharacters(m_draft);
    const bool over = chars > core::kMaxContributionCharacters;
    const std::string counter = ui.strings.format(
        "contribute.counter",
        {{"count", std::to_string(chars)}, {"limit", std::to_string(core::kMaxContributionCharacters)}});
    const float counterW = textWidth(f.small, counter);
    const float lineStartX = ImGui::GetCursorPosX();
    const float lineY = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(lineStartX + avail.x - counterW, lineY));
    wrappedText(f.small, counter, over ? p.overtime : p.textMuted, counterW + 1);
    ImGui::SetCursorPos(ImVec2(lineStartX, lineY));
    const float leftW = avail.x - counterW - m.gap;
    if (over) {
        wrappedText(f.bodyBold,
                    ui.strings.format("contribute.over_limit",
                                      {{"over", std::to_string(chars - core::kMaxContributionCharacters)}}),
                    p.overtime, leftW);
    } else if (!m_findings.empty()) {
        // "Priya → [NAME]": the person sees exactly what goes before they send.
        std::string list = ui.strings.get("contribute.will_replace");
        std::size_t shown = 0;
        for (const auto& finding : m_findings) {
            if (shown == 6) {
                list += "  …";
                break;
            }
            std::string piece = m_draft.substr(finding.begin, std::min<std::size_t>(finding.end - finding.begin, 40));
            for (char& c : piece)
                if (c == '\n' || c == '\t') c = ' ';
            list += "  “" + piece + "” → " + std::string(core::placeholderFor(finding.kind));
            core::wipeText(piece);
            ++shown;
        }
        wrappedText(f.body, list, p.amber, leftW);
        core::wipeText(list);
    } else if (!m_draft.empty()) {
        wrappedText(f.small, ui.t("contribute.nothing_found"), p.textMuted, leftW);
    } else {
        ImGui::Dummy(ImVec2(0, f.small->FontSize));
    }

    // One status line: a failure, the thank-you (3 s), the idle countdown, or the notice that a draft was wiped.
    if (!m_failure.empty()) {
        wrappedText(f.bodyBold, ui.strings.format("contribute.failed", {{"reason", m_failure}}), p.danger, avail.x);
    } else if (m_thanksAt >= 0 && ui.now - m_thanksAt < kThanksMs) {
        drawTick(ImGui::GetCursorScreenPos(), f.bodyBold->FontSize, p.good, std::max(2.0f, 3.0f * m.scale));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + f.bodyBold->FontSize * 1.3f);
        wrappedText(f.bodyBold, ui.t("contribute.thanks"), p.good, avail.x);
        wrappedText(f.body, ui.t("contribute.support_line"), p.text, avail.x);
    } else if (m_idle.countdownVisible(ui.now)) {
        wrappedText(
            f.bodyBold,
            ui.strings.format("contribute.idle_countdown", {{"seconds", std::to_string(m_idle.secondsLeft(ui.now))}}),
            p.amber, avail.x);
    } else if (m_wipedNotice) {
        wrappedText(f.body, ui.t("contribute.wiped"), p.textMuted, avail.x);
    } else if (!open) {
        wrappedText(f.bodyBold, ui.t("contribute.closed_now"), p.amber, avail.x);
    } else {
        ImGui::Dummy(ImVec2(0, f.bodyBold->FontSize));
    }

    const bool canSubmit = open && !over && chars > 0;
    const float buttonW = std::min(avail.x * 0.5f, 640.0f * m.scale);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - m.touch - m.pad));
    const bool ctrlEnter = io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    const bool ctrlDelete = io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false);
    if (actionButton(ui, "##clear", ui.t("contribute.clear"), ui.t("contribute.clear_hint"),
                     ImVec2(std::min(avail.x * 0.2f, 300.0f * m.scale), m.touch), ButtonKind::Quiet,
                     !m_draft.empty()) ||
        (ctrlDelete && !m_draft.empty()))
        wipe();
    ImGui::SameLine(0, m.gap);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, avail.x - buttonW - std::min(avail.x * 0.2f, 300.0f * m.scale) - m.gap));
    if (actionButton(ui, "##submit", ui.t("contribute.submit"), ui.t("contribute.submit_hint"),
                     ImVec2(buttonW, m.touch), ButtonKind::Primary, canSubmit) ||
        (ctrlEnter && canSubmit)) {
        // The draft stays until the controller confirms the commit, so a failed save loses nothing.
        ui.emit(core::SubmitContribution{core::SecretText(m_draft)});
    }
}

}  // namespace reflect::ui
