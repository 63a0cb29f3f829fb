// SessionPlan: expansion of repeat blocks, clamping of choices, and the JSON snapshot stored with a session.
#include "core/session/session_plan.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace reflect::core {

namespace {

std::string stageName(const StageDef& def, const std::string& label) {
    if (label.empty()) return def.name;
    const auto pos = def.name.find("{label}");
    if (pos == std::string::npos) return label + ": " + def.name;
    std::string out = def.name;
    out.replace(pos, 7, label);
    return out;
}

std::int64_t minutesToMs(double minutes) {
    return static_cast<std::int64_t>(std::llround(minutes * 60'000.0));
}

}  // namespace

int SessionPlan::repeatCount(const std::string& repeatKey) const {
    const RepeatDef* def = m_template.findRepeat(repeatKey);
    if (!def) return 1;
    const auto it = m_choices.repeatCounts.find(repeatKey);
    const int wanted = it == m_choices.repeatCounts.end() ? def->defaultCount : it->second;
    return std::clamp(wanted, def->min, def->max);
}

double SessionPlan::stageMinutes(const StageDef& stage) const {
    const auto it = m_choices.stageMinutes.find(stage.key);
    if (it == m_choices.stageMinutes.end()) return stage.minutes;
    const double lo = stage.minMinutes.value_or(0.5);
    const double hi = stage.maxMinutes.value_or(480.0);
    return std::clamp(it->second, lo, hi);
}

std::vector<double> SessionPlan::instanceFactors(const std::string& repeatKey) const {
    const int count = repeatCount(repeatKey);
    std::vector<double> weights(static_cast<std::size_t>(count), 0.0);
    const auto it = m_choices.repeatWeights.find(repeatKey);
    double sum = 0;
    int given = 0;
    if (it != m_choices.repeatWeights.end())
        for (std::size_t n = 0; n < weights.size() && n < it->second.size(); ++n)
            if (std::isfinite(it->second[n]) && it->second[n] > 0) {
                weights[n] = it->second[n];
                sum += weights[n];
                ++given;
            }
    // Someone who did not say how long they need is treated as asking for the average of the others.
    const double average = given > 0 ? sum / given : 1.0;
    double total = 0;
    for (auto& w : weights) {
        if (w <= 0) w = average;
        total += w;
    }
    for (auto& w : weights) w = w * count / total;
    return weights;
}

std::map<std::string, double> SessionPlan::blockScales() const {
    // A block that shares out the remaining time scales its stages so the session fits its stated length.
    std::map<std::string, double> scales;
    if (!m_template.minutes) return scales;
    double fixed = 0;
    std::map<std::string, double> blockMinutes;
    for (const auto& s : m_template.stages) {
        if (s.repeat.empty())
            fixed += plannedMinutesOf(s);
        else
            blockMinutes[s.repeat] += stageMinutes(s);
    }
    for (const auto& rep : m_template.repeats) {
        if (!rep.shareRemaining || blockMinutes[rep.key] <= 0) continue;
        const double available = *m_template.minutes - fixed;
        const double wanted = blockMinutes[rep.key] * repeatCount(rep.key);
        if (available > 0) scales[rep.key] = std::clamp(available / wanted, 0.25, 4.0);
    }
    return scales;
}

double SessionPlan::plannedMinutesOf(const StageDef& stage) const {
    return stage.shareRemaining ? fillMinutes(stage) : stageMinutes(stage);
}

double SessionPlan::fillMinutes(const StageDef& fill) const {
    // A minute count the facilitator chose at set-up wins over the share-out.
    if (!m_template.minutes || m_choices.stageMinutes.count(fill.key)) return stageMinutes(fill);
    double others = 0;
    for (const auto& s : m_template.stages) {
        if (&s == &fill) continue;
        others += stageMinutes(s) * (s.repeat.empty() ? 1 : repeatCount(s.repeat));
    }
    const double lo = fill.minMinutes.value_or(0.5);
    const double hi = fill.maxMinutes.value_or(480.0);
    return std::clamp(*m_template.minutes - others, lo, hi);
}

void SessionPlan::expandBlock(std::size_t first, std::size_t end, double scale) {
    const auto& stages = m_template.stages;
    const std::string& key = stages[first].repeat;
    const RepeatDef* rep = m_template.findRepeat(key);
    const int count = repeatCount(key);
    const std::vector<double> factors = instanceFactors(key);
    // A break written straight after the block sits between two of its instances.
    const StageDef* pause =
        end < stages.size() && stages[end].flags.isBreak && stages[end].repeat.empty() ? &stages[end] : nullptr;
    int breakAfter = (count + 1) / 2;
    if (pause) {
        const auto it = m_choices.breakAfter.find(pause->key);
        if (it != m_choices.breakAfter.end()) breakAfter = std::clamp(it->second, 1, count);
    }
    for (int n = 0; n < count; ++n) {
        const std::string label = rep ? rep->labelFor(n) : std::to_string(n + 1);
        for (std::size_t j = first; j < end; ++j) {
            const StageDef& s = stages[j];
            const double minutes = stageMinutes(s) * scale * factors[static_cast<std::size_t>(n)];
            // Round to whole seconds so the timer never shows a stray fraction.
            const auto ms = std::max<std::int64_t>(30'000, minutesToMs(minutes) / 1000 * 1000);
            m_stages.push_back({s.key, stageName(s, label), ms, s.prompt, s.guidance, s.flags, s.repeat, n, label});
        }
        if (pause && n + 1 == breakAfter)
            m_stages.push_back({pause->key, pause->name, minutesToMs(stageMinutes(*pause)), pause->prompt,
                                pause->guidance, pause->flags, "", -1, ""});
    }
}

SessionPlan SessionPlan::build(SessionTemplate tmpl, PlanChoices choices) {
    SessionPlan plan;
    plan.m_template = std::move(tmpl);
    plan.m_choices = std::move(choices);
    // A bid that is not a positive number is kept as "not given", so the stored JSON never holds inf or NaN.
    for (auto& [key, weights] : plan.m_choices.repeatWeights)
        for (auto& w : weights)
            if (!std::isfinite(w) || w < 0) w = 0;
    const auto& stages = plan.m_template.stages;
    const auto scales = plan.blockScales();
    for (std::size_t i = 0; i < stages.size();) {
        const StageDef& first = stages[i];
        if (first.repeat.empty()) {
            const auto ms = minutesToMs(plan.plannedMinutesOf(first)) / 1000 * 1000;
            plan.m_stages.push_back({first.key, first.name, ms, first.prompt, first.guidance, first.flags, "", -1, ""});
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < stages.size() && stages[end].repeat == first.repeat) ++end;
        const auto it = scales.find(first.repeat);
        plan.expandBlock(i, end, it == scales.end() ? 1.0 : it->second);
        const bool breakFollows = end < stages.size() && stages[end].flags.isBreak && stages[end].repeat.empty();
        i = breakFollows ? end + 1 : end;
    }
    return plan;
}

std::int64_t SessionPlan::totalPlannedMs() const {
    std::int64_t total = 0;
    for (const auto& s : m_stages) total += s.plannedMs;
    return total;
}

std::string SessionPlan::toJson() const {
    using nlohmann::json;
    json t;
    t["id"] = m_template.id;
    t["name"] = m_template.name;
    t["format"] = m_template.format;
    t["purpose"] = m_template.purpose;
    if (m_template.minutes) t["minutes"] = *m_template.minutes;
    t["agreements"] = m_template.agreements;
    t["evaluation_statements"] = m_template.evaluationStatements;
    t["source"] = m_template.sourceFile;
    json reps = json::array();
    for (const auto& r : m_template.repeats)
        reps.push_back({{"key", r.key},
                        {"label", r.label},
                        {"default", r.defaultCount},
                        {"min", r.min},
                        {"max", r.max},
                        {"share_remaining", r.shareRemaining}});
    t["repeats"] = reps;
    json st = json::array();
    for (const auto& s : m_template.stages) {
        json j = {{"key", s.key},
                  {"name", s.name},
                  {"minutes", s.minutes},
                  {"prompt", s.prompt},
                  {"guidance", s.guidance},
                  {"repeat", s.repeat},
                  {"contrib", s.flags.acceptsContributions},
                  {"evaluation", s.flags.evaluation},
                  {"actions_review", s.flags.actionsReview},
                  {"bids", s.flags.bids},
                  {"commitment", s.flags.commitment},
                  {"break", s.flags.isBreak},
                  {"next_meeting", s.flags.nextMeeting},
                  {"room_timer", roomTimerName(s.flags.roomTimer)},
                  {"share_remaining", s.shareRemaining}};
        if (s.minMinutes) j["min_minutes"] = *s.minMinutes;
        if (s.maxMinutes) j["max_minutes"] = *s.maxMinutes;
        st.push_back(j);
    }
    t["stages"] = st;
    t["board"] = {{"votes", m_template.board.votes},
                  {"wall", m_template.board.wall},
                  {"reveal_min_contributions", m_template.board.revealMinContributions},
                  {"reveal_min_present", m_template.board.revealMinPresent}};
    json c;
    c["title"] = m_choices.title;
    c["repeat_counts"] = m_choices.repeatCounts;
    c["stage_minutes"] = m_choices.stageMinutes;
    c["repeat_weights"] = m_choices.repeatWeights;
    c["break_after"] = m_choices.breakAfter;
    return json{{"version", 1}, {"template", t}, {"choices", c}}.dump();
}

Result<SessionPlan> SessionPlan::fromJson(std::string_view text) {
    using nlohmann::json;
    try {
        const json root = json::parse(text);
        if (root.at("version").get<int>() != 1) return fail("the saved session plan has an unknown version");
        const json& t = root.at("template");
        SessionTemplate tmpl;
        tmpl.id = t.at("id").get<std::string>();
        tmpl.name = t.at("name").get<std::string>();
        tmpl.format = t.at("format").get<std::string>();
        tmpl.purpose = t.value("purpose", "");
        if (t.contains("minutes")) tmpl.minutes = t.at("minutes").get<double>();
        tmpl.agreements = t.value("agreements", std::vector<std::string>{});
        tmpl.evaluationStatements = t.value("evaluation_statements", std::vector<std::string>{});
        tmpl.sourceFile = t.value("source", "");
        for (const auto& r : t.at("repeats"))
            tmpl.repeats.push_back({r.at("key").get<std::string>(), r.at("label").get<std::string>(),
                                    r.at("default").get<int>(), r.at("min").get<int>(), r.at("max").get<int>(),
                                    r.value("share_remaining", false)});
        for (const auto& s : t.at("stages")) {
            StageDef d;
            d.key = s.at("key").get<std::string>();
            d.name = s.at("name").get<std::string>();
            d.minutes = s.at("minutes").get<double>();
            if (s.contains("min_minutes")) d.minMinutes = s.at("min_minutes").get<double>();
            if (s.contains("max_minutes")) d.maxMinutes = s.at("max_minutes").get<double>();
            d.prompt = s.value("prompt", "");
            d.guidance = s.value("guidance", "");
            d.repeat = s.value("repeat", "");
            d.flags.acceptsContributions = s.value("contrib", false);
            d.flags.evaluation = s.value("evaluation", false);
            d.flags.actionsReview = s.value("actions_review", false);
            d.flags.bids = s.value("bids", false);
            d.flags.commitment = s.value("commitment", false);
            d.flags.isBreak = s.value("break", false);
            d.flags.nextMeeting = s.value("next_meeting", false);
            d.flags.roomTimer = parseRoomTimer(s.value("room_timer", "small")).value_or(RoomTimer::Small);
            d.shareRemaining = s.value("share_remaining", false);
            tmpl.stages.push_back(std::move(d));
        }
        // Plans saved before board settings existed get the format's floors, the strictest allowed.
        tmpl.board.revealMinPresent = revealMinPresentFloor(tmpl.format);
        if (t.contains("board")) {
            const json& b = t.at("board");
            tmpl.board.votes = b.value("votes", false);
            tmpl.board.wall = b.value("wall", false);
            tmpl.board.revealMinContributions = b.value("reveal_min_contributions", kRevealMinContributionsFloor);
            tmpl.board.revealMinPresent = b.value("reveal_min_present", tmpl.board.revealMinPresent);
        }
        const json& c = root.at("choices");
        PlanChoices choices;
        choices.title = c.value("title", "");
        choices.repeatCounts = c.value("repeat_counts", std::map<std::string, int>{});
        choices.stageMinutes = c.value("stage_minutes", std::map<std::string, double>{});
        choices.repeatWeights = c.value("repeat_weights", std::map<std::string, std::vector<double>>{});
        choices.breakAfter = c.value("break_after", std::map<std::string, int>{});
        return SessionPlan::build(std::move(tmpl), std::move(choices));
    } catch (const json::exception& e) {
        return fail(std::string("the saved session plan cannot be read: ") + e.what());
    }
}

}  // namespace reflect::core
