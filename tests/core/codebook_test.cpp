// The codebook: the shipped file loads, and a bad file names its file, line and field.
#include <catch2/catch.hpp>

#include "core/contribute/codebook.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

TEST_CASE("the shipped codebook loads with about twenty described tags", "[codebook]") {
    auto book = core::loadCodebook(test::assetsDir() / "codebook.toml");
    REQUIRE(book);
    CHECK(book.value().tags.size() >= 18);
    CHECK(book.value().tags.size() <= 30);
    for (const char* key : {"moral-distress", "grief-and-loss", "compassion", "teamwork", "feeling-unsupported",
                            "pride", "boundaries", "hope"}) {
        INFO(key);
        const auto* tag = book.value().find(key);
        REQUIRE(tag);
        CHECK_FALSE(tag->description.empty());
    }
}

TEST_CASE("a bad codebook gives file:line: field: message", "[codebook]") {
    SECTION("missing name") {
        auto r = core::parseCodebook("schema = 1\n\n[[tag]]\nkey = \"hope\"\ndescription = \"d\"\n", "codebook.toml");
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "codebook.toml:3: tag[1].name: is missing");
    }
    SECTION("duplicate key") {
        auto r = core::parseCodebook(
            "schema = 1\n[[tag]]\nkey = \"hope\"\nname = \"Hope\"\ndescription = \"d\"\n"
            "[[tag]]\nkey = \"hope\"\nname = \"Hope again\"\ndescription = \"d\"\n",
            "codebook.toml");
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "codebook.toml:7: tag[2].key: \"hope\" is used twice");
    }
    SECTION("a key with capitals or spaces") {
        auto r = core::parseCodebook(
            "schema = 1\n[[tag]]\nkey = \"Moral Distress\"\nname = \"M\"\ndescription = \"d\"\n", "c.toml");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.rfind("c.toml:3: tag[1].key:", 0) == 0);
    }
    SECTION("an unknown field") {
        auto r = core::parseCodebook(
            "schema = 1\n[[tag]]\nkey = \"a\"\nname = \"A\"\ndescription = \"d\"\ncolour = \"red\"\n", "c.toml");
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "c.toml:6: tag[1].colour: is not a known setting (a typing mistake?)");
    }
    SECTION("wrong schema") {
        auto r = core::parseCodebook("schema = 2\n[[tag]]\nkey = \"a\"\nname = \"A\"\ndescription = \"d\"\n", "c.toml");
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "c.toml:1: schema: must be 1");
    }
    SECTION("TOML syntax") {
        auto r = core::parseCodebook("schema = 1\n[[tag]\n", "c.toml");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.rfind("c.toml:2:", 0) == 0);
    }
}
