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

TEST_CASE("stage flags are read from the file and default to off with a small room timer", "[templates][flags]") {
    std::string text = replaced(kGood, "prompt = \"Hello.\"",
                                "prompt = \"Hello.\"\nbids = true\nroom_timer = \"large\"\nnext_meeting = true");
    text = replaced(text, "repeat = \"story\"", "repeat = \"story\"\ncommitment = true\nroom_timer = \"hidden\"");
    text = replaced(text, "minutes = 2.5", "minutes = 2.5\nbreak = true");
    auto parsed = core::parseTemplate(text, "mini.toml");
    REQUIRE(std::holds_alternative<core::SessionTemplate>(parsed));
    const auto& t = std::get<core::SessionTemplate>(parsed);
    REQUIRE(t.stages.size() == 3);
    CHECK(t.stages[0].flags.bids);
    CHECK(t.stages[0].flags.nextMeeting);
    CHECK(t.stages[0].flags.roomTimer == core::RoomTimer::Large);
    CHECK(t.stages[1].flags.commitment);
    CHECK(t.stages[1].flags.roomTimer == core::RoomTimer::Hidden);
    CHECK(t.stages[2].flags.isBreak);
    CHECK(t.stages[2].flags.roomTimer == core::RoomTimer::Small);
    CHECK_FALSE(t.stages[2].flags.bids);
    CHECK_FALSE(t.stages[2].flags.commitment);
    // Without a [board] section a custom format gets the strictest floors and no votes.
    CHECK_FALSE(t.board.votes);
    CHECK(t.board.revealMinContributions == 3);
    CHECK(t.board.revealMinPresent == 5);
}

TEST_CASE("a wrong stage flag names its file, line and field", "[templates][flags]") {
    struct Case {
        std::string from, to, field, message;
        int line;
    };
    const std::vector<Case> cases = {
        {"prompt = \"Hello.\"", "prompt = \"Hello.\"\nroom_timer = \"huge\"", "stage[1].room_timer",
         "must be \"large\", \"small\" or \"hidden\"", 21},
        {"prompt = \"Hello.\"", "prompt = \"Hello.\"\nbids = \"yes\"", "stage[1].bids", "must be true or false", 21},
        {"repeat = \"story\"", "repeat = \"story\"\nbreak = true", "stage[2].break",
         "cannot be set on a stage inside a repeat block", 27},
        {"repeat = \"story\"", "repeat = \"story\"\nbids = true", "stage[2].bids",
         "cannot be set on a stage inside a repeat block", 27},
        {"prompt = \"Hello.\"", "prompt = \"Hello.\"\nshare_remaining = true", "stage[1].share_remaining",
         "needs template.minutes, the length it shares out", 21},
        {"prompt = \"Hello.\"", "prompt = \"Hello.\"\nnext_meeting = 1", "stage[1].next_meeting",
         "must be true or false", 21},
    };
    for (const auto& c : cases) {
        INFO(c.field);
        const auto issue = issueFor(replaced(kGood, c.from, c.to));
        CHECK(issue.field == c.field);
        CHECK(issue.line == c.line);
        CHECK(issue.message == c.message);
    }
}

TEST_CASE("bids need a repeat block and only one part may share out the remaining time", "[templates][flags]") {
    std::string noRepeat = replaced(kGood, "repeat = \"story\"\n", "");
    noRepeat = noRepeat.substr(0, noRepeat.find("[[repeat]]")) + noRepeat.substr(noRepeat.find("[[stage]]"));
    const auto bids = issueFor(replaced(noRepeat, "prompt = \"Hello.\"", "prompt = \"Hello.\"\nbids = true"));
    CHECK(bids.field == "stage[1].bids");
    CHECK(bids.message.find("[[repeat]]") != std::string::npos);

    std::string two = replaced(kGood, "purpose = \"A test format.\"", "purpose = \"A test format.\"\nminutes = 30");
    two = replaced(two, "max = 3", "max = 3\nshare_remaining = true");
    two = replaced(two, "minutes = 2.5", "minutes = 2.5\nshare_remaining = true");
    const auto issue = issueFor(two);
    CHECK(issue.field == "stage \"close\".share_remaining");
    CHECK(issue.message == "only one stage or repeat block may share out the remaining time");
}

TEST_CASE("board settings may raise the floors but never lower them", "[templates][board]") {
    const auto withBoard = [](const std::string& format, const std::string& board) {
        std::string text = replaced(kGood, "format = \"custom\"", "format = \"" + format + "\"");
        return replaced(text, "\n[[repeat]]", "\n[board]\n" + board + "\n\n[[repeat]]");
    };
    const auto parsedBoard = [](const std::string& text) {
        auto parsed = core::parseTemplate(text, "mini.toml");
        REQUIRE(std::holds_alternative<core::SessionTemplate>(parsed));
        return std::get<core::SessionTemplate>(parsed).board;
    };

    const auto fewContributions = issueFor(withBoard("custom", "reveal_min_contributions = 2"));
    CHECK(fewContributions.field == "board.reveal_min_contributions");
    CHECK(fewContributions.line == 10);
    CHECK(fewContributions.message.rfind("must be at least 3", 0) == 0);

    for (const std::string format : {"round", "team-time", "peer-support", "supervision", "custom"}) {
        INFO(format);
        const auto low = issueFor(withBoard(format, "reveal_min_present = 4"));
        CHECK(low.field == "board.reveal_min_present");
        CHECK(low.message.rfind("must be at least 5", 0) == 0);
        CHECK(parsedBoard(withBoard(format, "reveal_min_present = 5")).revealMinPresent == 5);
    }
    // A set may go lower than a Round, down to its own floor.
    CHECK(parsedBoard(withBoard("action-learning", "reveal_min_present = 3")).revealMinPresent == 3);
    CHECK(issueFor(withBoard("action-learning", "reveal_min_present = 2")).message.rfind("must be at least 3", 0) == 0);
    CHECK(parsedBoard(withBoard("round", "reveal_min_contributions = 6\nreveal_min_present = 12")) ==
          core::BoardSettings{false, 6, 12});

    // Votes rank feelings by popularity: refused for Rounds, Team Time and peer groups, allowed for sets.
    for (const std::string format : {"round", "team-time", "peer-support", "supervision"}) {
        INFO(format);
        const auto votes = issueFor(withBoard(format, "votes = true"));
        CHECK(votes.field == "board.votes");
        CHECK(votes.line == 10);
    }
    CHECK(parsedBoard(withBoard("action-learning", "votes = true")).votes);
    CHECK(issueFor(withBoard("custom", "vote = true")).field == "board.vote");
}

TEST_CASE("format codes map to string keys, never shown as they are", "[templates]") {
    CHECK(core::formatNameKey("round") == "format.round");
    CHECK(core::formatNameKey("action-learning") == "format.action-learning");
    CHECK(core::formatNameKey("party") == "format.custom");
    for (const std::string format :
         {"round", "team-time", "action-learning", "peer-support", "supervision", "custom"}) {
        INFO(format);
        REQUIRE(test::shippedStrings().has(core::formatNameKey(format)));
        const std::string shown = test::shippedStrings().get(core::formatNameKey(format));
        CHECK(shown != format);
        CHECK(shown.find('-') == std::string::npos);
    }
}
