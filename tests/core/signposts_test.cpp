// Signposts at their shipped placeholder are hidden from staff, and their names are given to the admin.
#include <catch2/catch.hpp>

#include "core/support/signposts.hpp"
#include "support/fixtures.hpp"

using namespace reflect;

TEST_CASE("signposts still at the shipped placeholder are hidden and named for the admin", "[signposts]") {
    core::SignpostList list = core::loadSignposts(test::assetsDir() / "signposts.toml").value();
    const std::size_t shipped = list.entries.size();
    const auto hidden = core::hidePlaceholders(list);
    CHECK_FALSE(hidden.empty());
    CHECK(list.entries.size() + hidden.size() == shipped);
    CHECK(std::find(hidden.begin(), hidden.end(), "Occupational health") != hidden.end());
    for (const auto& s : list.entries) {
        INFO(s.name);
        CHECK_FALSE(core::isPlaceholder(s));
    }
    // National services with a real number stay.
    CHECK(std::any_of(list.entries.begin(), list.entries.end(), [](const auto& s) { return s.name == "Samaritans"; }));

    // A site's own details replace the placeholder and the signpost shows again.
    core::Signpost local{"Occupational health", "Help with health at work.", "Extension 4321, Monday to Friday"};
    CHECK_FALSE(core::isPlaceholder(local));
    core::Signpost stillPlaceholder{"Chaplaincy", "A listening ear.", "see your INTRANET or ask"};
    CHECK(core::isPlaceholder(stillPlaceholder));
}
