// Template loading: toml++ parse, then field-by-field validation with file and line in every message.
#include "core/templates/template_loader.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace reflect::core {

std::string TemplateIssue::toString() const {
    if (field.empty()) return fmt::format("{}:{}: {}", file, line, message);
    return fmt::format("{}:{}: {}: {}", file, line, field, message);
}

const SessionTemplate* TemplateSet::find(const std::string& id) const {
    for (const auto& t : templates)
        if (t.id == id) return &t;
    return nullptr;
}

namespace {

constexpr double kMaxStageMinutes = 480;
constexpr std::size_t kMaxTextBytes = 2000;

/// Thrown inside the parser only; turned into a TemplateIssue at the boundary.
struct Invalid {
    int line;
    std::string field;
    std::string message;
};

int lineOf(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

bool hasControlCharacters(std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
    }
    return false;
}

bool isValidKey(std::string_view key) {
    if (key.empty() || key.size() > 64) return false;
    return std::all_of(key.begin(), key.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}

/// Reads typed fields from one TOML table and refuses keys it was not asked about.
class TableReader {
public:
    TableReader(const toml::table& table, std::string prefix, int fallbackLine)
        : m_table(table), m_prefix(std::move(prefix)), m_line(fallbackLine) {}

    [[nodiscard]] std::string field(std::string_view key) const {
        return m_prefix.empty() ? std::string(key) : fmt::format("{}.{}", m_prefix, key);
    }

    [[nodiscard]] int lineFor(std::string_view key) const {
        const toml::node* node = m_table.get(key);
        return node ? lineOf(*node) : m_line;
    }

    std::string text(std::string_view key, bool required, std::size_t maxBytes = kMaxTextBytes) {
        m_seen.insert(std::string(key));
        const toml::node* node = m_table.get(key);
        if (!node) {
            if (required) throw Invalid{m_line, field(key), "is missing"};
            return {};
        }
        const auto* value = node->as_string();
        if (!value) throw Invalid{lineOf(*node), field(key), "must be text in quotes"};
        const std::string& s = value->get();
        if (required && s.empty()) throw Invalid{lineOf(*node), field(key), "must not be empty"};
        if (s.size() > maxBytes)
            throw Invalid{lineOf(*node), field(key), fmt::format("is longer than {} bytes", maxBytes)};
        if (hasControlCharacters(s)) throw Invalid{lineOf(*node), field(key), "contains a control character"};
        return s;
    }

    std::optional<double> number(std::string_view key, bool required, double lo, double hi) {
        m_seen.insert(std::string(key));
        const toml::node* node = m_table.get(key);
        if (!node) {
            if (required) throw Invalid{m_line, field(key), "is missing"};
            return std::nullopt;
        }
        double v = 0;
        if (const auto* i = node->as_integer())
            v = static_cast<double>(i->get());
        else if (const auto* f = node->as_floating_point())
            v = f->get();
        else
            throw Invalid{lineOf(*node), field(key), "must be a number"};
        if (!(v >= lo && v <= hi))
            throw Invalid{lineOf(*node), field(key), fmt::format("must be from {} to {}", lo, hi)};
        return v;
    }

    std::optional<int> integer(std::string_view key, bool required, int lo, int hi) {
        m_seen.insert(std::string(key));
        const toml::node* node = m_table.get(key);
        if (!node) {
            if (required) throw Invalid{m_line, field(key), "is missing"};
            return std::nullopt;
        }
        const auto* i = node->as_integer();
        if (!i) throw Invalid{lineOf(*node), field(key), "must be a whole number"};
        const auto v = i->get();
        if (v < lo || v > hi) throw Invalid{lineOf(*node), field(key), fmt::format("must be from {} to {}", lo, hi)};
        return static_cast<int>(v);
    }

    bool boolean(std::string_view key) {
        m_seen.insert(std::string(key));
        const toml::node* node = m_table.get(key);
        if (!node) return false;
        const auto* b = node->as_boolean();
        if (!b) throw Invalid{lineOf(*node), field(key), "must be true or false"};
        return b->get();
    }

    std::vector<std::string> textList(std::string_view key, std::size_t maxItems) {
        m_seen.insert(std::string(key));
        std::vector<std::string> out;
        const toml::node* node = m_table.get(key);
        if (!node) return out;
        const auto* arr = node->as_array();
        if (!arr) throw Invalid{lineOf(*node), field(key), "must be a list of texts in [ ]"};
        if (arr->size() > maxItems)
            throw Invalid{lineOf(*node), field(key), fmt::format("has more than {} items", maxItems)};
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const toml::node& item = *arr->get(i);
            const auto* s = item.as_string();
            const std::string name = fmt::format("{}[{}]", field(key), i + 1);
            if (!s || s->get().empty()) throw Invalid{lineOf(item), name, "must be non-empty text in quotes"};
            if (s->get().size() > kMaxTextBytes) throw Invalid{lineOf(item), name, "is too long"};
            if (hasControlCharacters(s->get())) throw Invalid{lineOf(item), name, "contains a control character"};
            out.push_back(s->get());
        }
        return out;
    }

    /// Call last: any key not read above is a typing mistake, reported with its own line.
    void refuseUnknownKeys() const {
        for (const auto& [k, v] : m_table) {
            const std::string key(k.str());
            if (!m_seen.count(key)) throw Invalid{lineOf(v), field(key), "is not a known setting (a typing mistake?)"};
        }
    }

private:
    const toml::table& m_table;
    std::string m_prefix;
    int m_line;
    std::set<std::string> m_seen;
};

const toml::table& requireTable(const toml::table& root, std::string_view key) {
    const toml::node* node = root.get(key);
    if (!node) throw Invalid{1, std::string(key), "section is missing"};
    const auto* t = node->as_table();
    if (!t) throw Invalid{lineOf(*node), std::string(key), "must be a [section]"};
    return *t;
}

std::vector<const toml::table*> tableArray(const toml::table& root, std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* node = root.get(key);
    if (!node) return out;
    const auto* arr = node->as_array();
    if (!arr || !arr->is_array_of_tables())
        throw Invalid{lineOf(*node), std::string(key), fmt::format("must be written as [[{}]] sections", key)};
    for (const auto& item : *arr) out.push_back(item.as_table());
    return out;
}

RepeatDef parseRepeat(const toml::table& rt, std::size_t index) {
    TableReader r(rt, fmt::format("repeat[{}]", index), lineOf(rt));
    RepeatDef def;
    def.key = r.text("key", true, 64);
    if (!isValidKey(def.key)) throw Invalid{r.lineFor("key"), r.field("key"), "must use only a-z, 0-9 and '-'"};
    def.label = r.text("label", true, 60);
    if (def.label.find("{n}") == std::string::npos && def.label.find("{letter}") == std::string::npos)
        throw Invalid{r.lineFor("label"), r.field("label"), "must contain {n} or {letter}"};
    def.min = r.integer("min", false, 1, 12).value_or(1);
    def.max = r.integer("max", false, 1, 12).value_or(std::max(def.min, 1));
    def.defaultCount = r.integer("default", true, 1, 12).value_or(1);
    if (def.min > def.max) throw Invalid{r.lineFor("min"), r.field("min"), "must not be more than max"};
    if (def.defaultCount < def.min || def.defaultCount > def.max)
        throw Invalid{r.lineFor("default"), r.field("default"), "must be between min and max"};
    def.shareRemaining = r.boolean("share_remaining");
    r.refuseUnknownKeys();
    return def;
}

StageDef parseStage(const toml::table& st, std::size_t index, const SessionTemplate& t) {
    StageDef s;
    s.line = lineOf(st);
    TableReader r(st, fmt::format("stage[{}]", index), s.line);
    s.key = r.text("key", true, 64);
    if (!isValidKey(s.key)) throw Invalid{r.lineFor("key"), r.field("key"), "must use only a-z, 0-9 and '-'"};
    s.name = r.text("name", true, 80);
    s.minutes = *r.number("minutes", true, 0.5, kMaxStageMinutes);
    s.minMinutes = r.number("min_minutes", false, 0.5, kMaxStageMinutes);
    s.maxMinutes = r.number("max_minutes", false, 0.5, kMaxStageMinutes);
    if (s.minMinutes && *s.minMinutes > s.minutes)
        throw Invalid{r.lineFor("min_minutes"), r.field("min_minutes"), "must not be more than minutes"};
    if (s.maxMinutes && *s.maxMinutes < s.minutes)
        throw Invalid{r.lineFor("max_minutes"), r.field("max_minutes"), "must not be less than minutes"};
    s.prompt = r.text("prompt", false, 400);
    s.guidance = r.text("guidance", false, 300);
    s.repeat = r.text("repeat", false, 64);
    s.shareRemaining = r.boolean("share_remaining");
    s.flags.acceptsContributions = r.boolean("accepts_contributions");
    s.flags.evaluation = r.boolean("evaluation");
    s.flags.actionsReview = r.boolean("actions_review");
    s.flags.bids = r.boolean("bids");
    s.flags.commitment = r.boolean("commitment");
    s.flags.isBreak = r.boolean("break");
    s.flags.nextMeeting = r.boolean("next_meeting");
    const std::string timer = r.text("room_timer", false, 16);
    if (!timer.empty()) {
        const auto parsed = parseRoomTimer(timer);
        if (!parsed)
            throw Invalid{r.lineFor("room_timer"), r.field("room_timer"), "must be \"large\", \"small\" or \"hidden\""};
        s.flags.roomTimer = *parsed;
    }
    r.refuseUnknownKeys();
    if (!s.repeat.empty() && !t.findRepeat(s.repeat))
        throw Invalid{r.lineFor("repeat"), r.field("repeat"), fmt::format("names no [[repeat]] \"{}\"", s.repeat)};
    if (!s.repeat.empty() && (s.flags.bids || s.flags.isBreak || s.shareRemaining)) {
        const char* key = s.flags.bids ? "bids" : s.flags.isBreak ? "break" : "share_remaining";
        throw Invalid{r.lineFor(key), r.field(key), "cannot be set on a stage inside a repeat block"};
    }
    if (s.flags.bids && t.repeats.empty())
        throw Invalid{r.lineFor("bids"), r.field("bids"), "needs a [[repeat]] block for the presenters it sets up"};
    if (s.shareRemaining && !t.minutes)
        throw Invalid{r.lineFor("share_remaining"), r.field("share_remaining"),
                      "needs template.minutes, the length it shares out"};
    return s;
}

BoardSettings parseBoard(const toml::table& root, const std::string& format) {
    BoardSettings board;
    board.revealMinPresent = revealMinPresentFloor(format);
    const toml::node* node = root.get("board");
    if (!node) return board;
    const auto* table = node->as_table();
    if (!table) throw Invalid{lineOf(*node), "board", "must be a [section]"};
    TableReader r(*table, "board", lineOf(*table));
    board.votes = r.boolean("votes");
    board.wall = r.boolean("wall");
    if (board.votes && !formatAllowsVotes(format))
        throw Invalid{r.lineFor("votes"), r.field("votes"),
                      "must be false for this format: everyone's experience counts the same, so themes are not ranked "
                      "by votes (only action-learning and custom templates may allow them)"};
    const int floor = revealMinPresentFloor(format);
    if (const auto n = r.integer("reveal_min_contributions", false, 0, 100)) {
        if (*n < kRevealMinContributionsFloor)
            throw Invalid{r.lineFor("reveal_min_contributions"), r.field("reveal_min_contributions"),
                          fmt::format("must be at least {}: fewer contributions on the screen could be traced to "
                                      "the people who wrote them",
                                      kRevealMinContributionsFloor)};
        board.revealMinContributions = *n;
    }
    if (const auto n = r.integer("reveal_min_present", false, 0, 200)) {
        if (*n < floor)
            throw Invalid{r.lineFor("reveal_min_present"), r.field("reveal_min_present"),
                          fmt::format("must be at least {} for this format: with fewer people in the room, "
                                      "anonymity is too weak to reveal contributions",
                                      floor)};
        board.revealMinPresent = *n;
    }
    r.refuseUnknownKeys();
    return board;
}

void checkStageSet(const SessionTemplate& t, const toml::table& root) {
    int sharers = 0;
    for (const auto& rep : t.repeats) sharers += rep.shareRemaining ? 1 : 0;
    int bids = 0;
    for (const auto& s : t.stages) {
        sharers += s.shareRemaining ? 1 : 0;
        bids += s.flags.bids ? 1 : 0;
        // Two parts sharing the same leftover minutes would each assume the other kept its plan.
        if (s.shareRemaining && sharers > 1)
            throw Invalid{s.line, fmt::format("stage \"{}\".share_remaining", s.key),
                          "only one stage or repeat block may share out the remaining time"};
        if (s.flags.bids && bids > 1)
            throw Invalid{s.line, fmt::format("stage \"{}\".bids", s.key), "only one stage may take bids"};
    }
    if (sharers > 1)
        throw Invalid{lineOf(root), "repeat", "only one stage or repeat block may share out the remaining time"};
    for (const auto& rep : t.repeats) {
        const bool used =
            std::any_of(t.stages.begin(), t.stages.end(), [&](const StageDef& s) { return s.repeat == rep.key; });
        if (!used) throw Invalid{lineOf(root), fmt::format("repeat \"{}\"", rep.key), "is not used by any stage"};
    }
}

SessionTemplate parseValidated(const toml::table& root) {
    SessionTemplate t;
    {
        std::set<std::string> known = {"schema", "template", "board", "repeat", "stage"};
        for (const auto& [k, v] : root)
            if (!known.count(std::string(k.str())))
                throw Invalid{lineOf(v), std::string(k.str()), "is not a known section (a typing mistake?)"};
        const toml::node* schema = root.get("schema");
        if (!schema) throw Invalid{1, "schema", "is missing (write schema = 1 at the top)"};
        const auto* version = schema->as_integer();
        if (!version || version->get() != 1) throw Invalid{lineOf(*schema), "schema", "must be 1"};
    }

    const toml::table& head = requireTable(root, "template");
    TableReader h(head, "template", lineOf(head));
    t.id = h.text("id", true, 64);
    if (!isValidKey(t.id))
        throw Invalid{h.lineFor("id"), "template.id", "must use only lowercase letters, digits and '-'"};
    t.name = h.text("name", true, 80);
    t.format = h.text("format", true, 32);
    if (!isKnownFormat(t.format))
        throw Invalid{h.lineFor("format"), "template.format",
                      "must be one of round, team-time, action-learning, peer-support, supervision, custom"};
    t.purpose = h.text("purpose", false, 300);
    t.minutes = h.number("minutes", false, 1, 24 * 60);
    t.agreements = h.textList("agreements", 12);
    t.evaluationStatements = h.textList("evaluation_statements", 16);
    h.refuseUnknownKeys();
    t.board = parseBoard(root, t.format);

    std::size_t index = 0;
    for (const toml::table* rt : tableArray(root, "repeat")) {
        RepeatDef def = parseRepeat(*rt, ++index);
        if (t.findRepeat(def.key))
            throw Invalid{lineOf(*rt->get("key")), fmt::format("repeat[{}].key", index), "is used twice"};
        t.repeats.push_back(std::move(def));
    }

    index = 0;
    std::set<std::string> stageKeys;
    std::set<std::string> closedBlocks;
    std::string openBlock;
    const auto stageTables = tableArray(root, "stage");
    if (stageTables.empty()) throw Invalid{lineOf(root), "stage", "there must be at least one [[stage]]"};
    if (stageTables.size() > 40) throw Invalid{lineOf(*stageTables[40]), "stage", "more than 40 stages"};
    for (const toml::table* st : stageTables) {
        StageDef s = parseStage(*st, ++index, t);
        const std::string prefix = fmt::format("stage[{}]", index);
        if (!stageKeys.insert(s.key).second) throw Invalid{lineOf(*st->get("key")), prefix + ".key", "is used twice"};
        // A repeat block must be one run of consecutive stages, or the expansion would be ambiguous.
        if (s.repeat != openBlock) {
            if (!openBlock.empty()) closedBlocks.insert(openBlock);
            if (!s.repeat.empty() && closedBlocks.count(s.repeat))
                throw Invalid{lineOf(*st->get("repeat")), prefix + ".repeat",
                              "stages of one repeat block must be consecutive"};
            openBlock = s.repeat;
        }
        t.stages.push_back(std::move(s));
    }
    checkStageSet(t, root);
    return t;
}

}  // namespace

std::variant<SessionTemplate, TemplateIssue> parseTemplate(std::string_view text, std::string_view fileName) {
    const std::string file(fileName);
    try {
        toml::table root = toml::parse(text, fileName);
        SessionTemplate t = parseValidated(root);
        t.sourceFile = file;
        return t;
    } catch (const toml::parse_error& e) {
        return TemplateIssue{file, static_cast<int>(e.source().begin.line), "", std::string(e.description())};
    } catch (const Invalid& e) {
        return TemplateIssue{file, e.line, e.field, e.message};
    }
}

TemplateSet loadTemplates(const std::filesystem::path& dir) {
    TemplateSet set;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        set.issues.push_back({dir.string(), 0, "", "is not a folder of templates"});
        return set;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string name = path.filename().string();
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            set.issues.push_back({name, 0, "", "cannot be read"});
            continue;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const std::string content = buffer.str();
        if (content.size() > 256 * 1024) {
            set.issues.push_back({name, 0, "", "is larger than 256 KB"});
            continue;
        }
        auto parsed = parseTemplate(content, name);
        if (auto* issue = std::get_if<TemplateIssue>(&parsed)) {
            set.issues.push_back(std::move(*issue));
            continue;
        }
        auto& t = std::get<SessionTemplate>(parsed);
        if (set.find(t.id)) {
            set.issues.push_back({name, 1, "template.id", fmt::format("\"{}\" is already used by another file", t.id)});
            continue;
        }
        set.templates.push_back(std::move(t));
    }
    // Formats in the order a facilitator is most likely to want them, then by name.
    const auto rank = [](const std::string& format) {
        static constexpr std::array<std::string_view, 6> kOrder = {"round",        "team-time",   "action-learning",
                                                                   "peer-support", "supervision", "custom"};
        for (std::size_t i = 0; i < kOrder.size(); ++i)
            if (kOrder[i] == format) return i;
        return kOrder.size();
    };
    std::sort(set.templates.begin(), set.templates.end(), [&](const SessionTemplate& a, const SessionTemplate& b) {
        return rank(a.format) != rank(b.format) ? rank(a.format) < rank(b.format) : a.name < b.name;
    });
    return set;
}

}  // namespace reflect::core
