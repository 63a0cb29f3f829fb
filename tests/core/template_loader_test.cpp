// Templates as data: the shipped files load, and each kind of mistake names its file, line and field.
#include <fstream>

#include <catch2/catch.hpp>

#include "core/templates/template_loader.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;

namespace {
const char* kGood = R"(schema = 1
[template]
id = "mini"
name = "Mini"
format = "custom"
purpose = "A test format."
agreements = ["Stay kind."]

[[repeat]]
key = "story"
label = "Storyteller {n}"
default = 2
min = 1
max = 3

[[stage]]
key = "welcome"
name = "Welcome"
minutes = 5
prompt = "Hello."

[[stage]]
key = "story"
name = "{label}: story"
minutes = 5
repeat = "story"

[[stage]]
key = "close"
name = "Close"
minutes = 2.5
)";

core::TemplateIssue issueFor(const std::string& text) {
    auto parsed = core::parseTemplate(text, "bad.toml");
    REQUIRE(std::holds_alternative<core::TemplateIssue>(parsed));
    return std::get<core::TemplateIssue>(parsed);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}
}  // namespace

TEST_CASE("every shipped template loads without a problem", "[templates]") {
    const auto& set = test::shippedTemplates();
    for (const auto& issue : set.issues) FAIL(issue.toString());
    CHECK(set.templates.size() >= 6);
    CHECK(set.find("round"));
    CHECK(set.find("team-time"));
    // The Round is about an hour and Team Time 45 minutes, as the research says.
    CHECK(set.find("round")->defaultMinutes() == Approx(60).margin(5));
    CHECK(set.find("team-time")->defaultMinutes() == Approx(45).margin(3));
}

TEST_CASE("the word Schwartz lives only in template data", "[templates]") {
    for (const auto& key : test::shippedStrings().keys())
        CHECK(test::shippedStrings().get(key).find("Schwartz") == std::string::npos);
}

TEST_CASE("a good custom template parses with its repeat block", "[templates]") {
    auto parsed = core::parseTemplate(kGood, "mini.toml");
    REQUIRE(std::holds_alternative<core::SessionTemplate>(parsed));
    const auto& t = std::get<core::SessionTemplate>(parsed);
    CHECK(t.stages.size() == 3);
    CHECK(t.defaultMinutes() == Approx(17.5));
}

TEST_CASE("each wrong field gets one line naming file, line and field", "[templates]") {
    struct Case {
        std::string from, to, field;
        int line;
    };
    const std::vector<Case> cases = {
        {"id = \"mini\"", "id = \"Mini Format\"", "template.id", 3},
        {"format = \"custom\"", "format = \"party\"", "template.format", 5},
        {"name = \"Mini\"", "name = 7", "template.name", 4},
        {"minutes = 5\nprompt", "minutes = -5\nprompt", "stage[1].minutes", 19},
        {"minutes = 2.5", "minutes = \"soon\"", "stage[3].minutes", 31},
        {"default = 2", "default = 9", "repeat[1].default", 12},
        {"repeat = \"story\"", "repeat = \"stories\"", "stage[2].repeat", 26},
        {"prompt = \"Hello.\"", "prompt = \"Hello.\"\nprompts = \"typo\"", "stage[1].prompts", 21},
        {"label = \"Storyteller {n}\"", "label = \"Storyteller\"", "repeat[1].label", 11},
        {"key = \"close\"", "key = \"welcome\"", "stage[3].key", 29},
        {"prompt = \"Hello.\"", "prompt = \"Hello\\u0007\"", "stage[1].prompt", 20},
    };
    for (const auto& c : cases) {
        INFO(c.field);
        const auto issue = issueFor(replaced(kGood, c.from, c.to));
        CHECK(issue.file == "bad.toml");
        CHECK(issue.field == c.field);
        CHECK(issue.line == c.line);
        CHECK(issue.toString().rfind("bad.toml:" + std::to_string(c.line) + ": " + c.field + ": ", 0) == 0);
    }
}

TEST_CASE("broken TOML, a missing schema and a split repeat block are reported", "[templates]") {
    CHECK(issueFor("schema = 1\n[template\nid=1").line == 2);
    CHECK(issueFor(replaced(kGood, "schema = 1", "")).field == "schema");
    std::string split = kGood;
    split += "\n[[stage]]\nkey = \"again\"\nname = \"x\"\nminutes = 1\nrepeat = \"story\"\n";
    CHECK(issueFor(split).message == "stages of one repeat block must be consecutive");
}

TEST_CASE("a bad file in a folder is skipped and the others still load", "[templates]") {
    test::TempDir dir;
    std::ofstream(dir / "good.toml") << kGood;
    std::ofstream(dir / "bad.toml") << replaced(kGood, "minutes = 2.5", "minutes = 0");
    std::ofstream(dir / "copy.toml") << kGood;  // same id as good.toml
    std::ofstream(dir / "notes.txt") << "not a template";
    const auto set = core::loadTemplates(dir.path());
    REQUIRE(set.templates.size() == 1);
    CHECK(set.templates[0].id == "mini");
    REQUIRE(set.issues.size() == 2);
    CHECK(set.issues[0].file == "bad.toml");
    CHECK(set.issues[1].file == "good.toml");  // files load in name order, so copy.toml won the id first
}
