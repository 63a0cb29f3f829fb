// JSON form of a unit's aggregates (the bundle's "units" entries; src/trust/BUNDLE.md describes each field).
#include "core/publish/unit_figures.hpp"

#include <fmt/format.h>

namespace reflect::core {

using nlohmann::json;

std::string unitKeyText(const UnitKey& key) {
    return fmt::format("{}|{}|{}", key.group ? fmt::format("g{}", *key.group) : std::string("-"), key.format,
                       key.month);
}

json toJson(const UnitFigures& u) {
    json answers = json::array();
    for (const auto& [index, a] : u.answers)
        answers.push_back({index, a.statement, a.counts[0], a.counts[1], a.counts[2], a.counts[3], a.counts[4]});
    json pairs = json::array();
    for (const auto& [pair, n] : u.tagPairs) pairs.push_back({pair.first, pair.second, n});
    json stages = json::array();
    for (const auto& [key, s] : u.stages)
        stages.push_back({key, s.name, s.sessions, s.plannedMs, s.actualMs, s.overruns});
    json checklist = json::array();
    for (const auto& [principle, r] : u.checklist)
        checklist.push_back({principle, r.met, r.partly, r.notYet, r.notApplicable});
    return json{{"key", u.key},
                {"group", u.group},
                {"format", u.format},
                {"month", u.month},
                {"sessions", u.sessions},
                {"attendance", u.attendance},
                {"contributions", u.contributions},
                {"evaluations", u.evaluations},
                {"answers", answers},
                {"tags", u.tags},
                {"pairs", pairs},
                {"stages", stages},
                {"actions", u.actions},
                {"checklist", checklist},
                {"themes", u.themes}};
}

namespace {

/// A count: a whole number from 0 up, as every figure in a unit is.
bool isCount(const json& j) {
    return j.is_number_integer() && j.get<std::int64_t>() >= 0;
}

bool isMonth(const std::string& m) {
    if (m.size() != 7 || m[4] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (m[i] < '0' || m[i] > '9') return false;
    const int month = (m[5] - '0') * 10 + (m[6] - '0');
    return month >= 1 && month <= 12;
}

/// An array of arrays whose entries are [text..., count...] with the given number of texts and counts.
bool isRows(const json& j, std::size_t texts, std::size_t counts) {
    if (!j.is_array()) return false;
    for (const auto& row : j) {
        if (!row.is_array() || row.size() != texts + counts) return false;
        for (std::size_t i = 0; i < row.size(); ++i)
            if (i < texts ? !row[i].is_string() : !isCount(row[i])) return false;
    }
    return true;
}

bool isCountMap(const json& j) {
    if (!j.is_object()) return false;
    for (const auto& [k, v] : j.items())
        if (!isCount(v)) return false;
    return true;
}

}  // namespace

Result<UnitFigures> unitFromJson(const json& j) {
    if (!j.is_object()) return fail("a unit is not a JSON object");
    for (const char* field : {"key", "group", "format", "month"})
        if (!j.contains(field) || !j[field].is_string())
            return fail(fmt::format("a unit has no text field \"{}\"", field));
    UnitFigures u;
    u.key = j["key"].get<std::string>();
    u.group = j["group"].get<std::string>();
    u.format = j["format"].get<std::string>();
    u.month = j["month"].get<std::string>();
    if (u.key.empty() || !isMonth(u.month)) return fail(fmt::format("unit \"{}\" has no key or a bad month", u.key));
    const auto bad = [&](const char* field) {
        return fail(fmt::format("unit {}: field \"{}\" is malformed", u.key, field));
    };
    for (const char* field : {"sessions", "attendance", "contributions", "evaluations"})
        if (!j.contains(field) || !isCount(j[field])) return bad(field);
    u.sessions = j["sessions"].get<std::int64_t>();
    u.attendance = j["attendance"].get<std::int64_t>();
    u.contributions = j["contributions"].get<std::int64_t>();
    u.evaluations = j["evaluations"].get<std::int64_t>();

    const json& answers = j.value("answers", json::array());
    if (!answers.is_array()) return bad("answers");
    for (const auto& row : answers) {
        if (!row.is_array() || row.size() != 7 || !isCount(row[0]) || !row[1].is_string()) return bad("answers");
        auto& a = u.answers[row[0].get<int>()];
        a.statement = row[1].get<std::string>();
        for (std::size_t i = 0; i < 5; ++i) {
            if (!isCount(row[i + 2])) return bad("answers");
            a.counts[i] = row[i + 2].get<std::int64_t>();
        }
    }
    // Named, because items() of a temporary would outlive the object it walks.
    const json tags = j.value("tags", json::object());
    if (!isCountMap(tags)) return bad("tags");
    for (const auto& [tag, n] : tags.items()) u.tags[tag] = n.get<std::int64_t>();
    if (!isRows(j.value("pairs", json::array()), 2, 1)) return bad("pairs");
    for (const auto& row : j.value("pairs", json::array()))
        u.tagPairs[{row[0].get<std::string>(), row[1].get<std::string>()}] = row[2].get<std::int64_t>();
    if (!isRows(j.value("stages", json::array()), 2, 4)) return bad("stages");
    for (const auto& row : j.value("stages", json::array()))
        u.stages[row[0].get<std::string>()] = {row[1].get<std::string>(), row[2].get<std::int64_t>(),
                                               row[3].get<std::int64_t>(), row[4].get<std::int64_t>(),
                                               row[5].get<std::int64_t>()};
    const json actions = j.value("actions", json::object());
    if (!isCountMap(actions)) return bad("actions");
    for (const auto& [state, n] : actions.items()) {
        if (state != "open" && state != "in_progress" && state != "done" && state != "dropped") return bad("actions");
        u.actions[state] = n.get<std::int64_t>();
    }
    if (!isRows(j.value("checklist", json::array()), 1, 4)) return bad("checklist");
    for (const auto& row : j.value("checklist", json::array()))
        u.checklist[row[0].get<std::string>()] = {row[1].get<std::int64_t>(), row[2].get<std::int64_t>(),
                                                  row[3].get<std::int64_t>(), row[4].get<std::int64_t>()};
    const json& themes = j.value("themes", json::array());
    if (!themes.is_array()) return bad("themes");
    for (const auto& t : themes) {
        if (!t.is_string()) return bad("themes");
        u.themes.push_back(t.get<std::string>());
    }
    return u;
}

}  // namespace reflect::core
