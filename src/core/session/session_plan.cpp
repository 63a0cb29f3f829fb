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

std::int64_t minutesToMs(double minutes) { return static_cast<std::int64_t>(std::llround(minutes * 60'000.0)); }

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

SessionPlan SessionPlan::build(SessionTemplate tmpl, PlanChoices choices) {
    SessionPlan plan;
    plan.m_template = std::move(tmpl);
    plan.m_choices = std::move(choices);
    const auto& stages = plan.m_template.stages;

    // A block that shares out the remaining time scales its stages so the session fits its stated length.
    std::map<std::string, double> blockScale;
    if (plan.m_template.minutes) {
        double fixed = 0;
        std::map<std::string, double> blockMinutes;
        for (const auto& s : stages) {
            if (s.repeat.empty()) fixed += plan.stageMinutes(s);
            else blockMinutes[s.repeat] += plan.stageMinutes(s);
        }
        for (const auto& rep : plan.m_template.repeats) {
            if (!rep.shareRemaining || blockMinutes[rep.key] <= 0) continue;
            const double available = *plan.m_template.minutes - fixed;
            const double wanted = blockMinutes[rep.key] * plan.repeatCount(rep.key);
            if (available > 0) blockScale[rep.key] = std::clamp(available / wanted, 0.25, 4.0);
        }
    }

    for (std::size_t i = 0; i < stages.size();) {
        const StageDef& first = stages[i];
        if (first.repeat.empty()) {
            plan.m_stages.push_back({first.key, first.name, minutesToMs(plan.stageMinutes(first)), first.prompt,
                                     first.guidance, first.flags, "", -1, ""});
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < stages.size() && stages[end].repeat == first.repeat) ++end;
        const RepeatDef* rep = plan.m_template.findRepeat(first.repeat);
        const int count = plan.repeatCount(first.repeat);
        const double scale = blockScale.count(first.repeat) ? blockScale[first.repeat] : 1.0;
        for (int n = 0; n < count; ++n) {
            const std::string label = rep ? rep->labelFor(n) : std::to_string(n + 1);
            for (std::size_t j = i; j < end; ++j) {
                const StageDef& s = stages[j];
                // Round to whole seconds so the timer never shows a stray fraction.
                const auto ms = std::max<std::int64_t>(30'000, minutesToMs(plan.stageMinutes(s) * scale) / 1000 * 1000);
                plan.m_stages.push_back({s.key, stageName(s, label), ms, s.prompt, s.guidance, s.flags, s.repeat, n, label});
            }
        }
        i = end;
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
        reps.push_back({{"key", r.key}, {"label", r.label}, {"default", r.defaultCount}, {"min", r.min}, {"max", r.max},
                        {"share_remaining", r.shareRemaining}});
    t["repeats"] = reps;
    json st = json::array();
    for (const auto& s : m_template.stages) {
        json j = {{"key", s.key},         {"name", s.name},     {"minutes", s.minutes},   {"prompt", s.prompt},
                  {"guidance", s.guidance}, {"repeat", s.repeat}, {"contrib", s.flags.acceptsContributions},
                  {"evaluation", s.flags.evaluation}, {"actions_review", s.flags.actionsReview}};
        if (s.minMinutes) j["min_minutes"] = *s.minMinutes;
        if (s.maxMinutes) j["max_minutes"] = *s.maxMinutes;
        st.push_back(j);
    }
    t["stages"] = st;
    json c;
    c["title"] = m_choices.title;
    c["repeat_counts"] = m_choices.repeatCounts;
    c["stage_minutes"] = m_choices.stageMinutes;
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
            tmpl.stages.push_back(std::move(d));
        }
        const json& c = root.at("choices");
        PlanChoices choices;
        choices.title = c.value("title", "");
        choices.repeatCounts = c.value("repeat_counts", std::map<std::string, int>{});
        choices.stageMinutes = c.value("stage_minutes", std::map<std::string, double>{});
        return SessionPlan::build(std::move(tmpl), std::move(choices));
    } catch (const json::exception& e) {
        return fail(std::string("the saved session plan cannot be read: ") + e.what());
    }
}

}  // namespace reflect::core
