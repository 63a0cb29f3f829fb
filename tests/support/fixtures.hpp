// Fixtures shared by the tests: the shipped assets, a migrated in-memory database, a Round to run.
#pragma once

#include <filesystem>
#include <memory>

#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"
#include "core/templates/template_loader.hpp"
#include "core/text/string_table.hpp"

#ifndef REFLECT_TEST_ASSETS_DIR
#error "the build defines REFLECT_TEST_ASSETS_DIR"
#endif

namespace reflect::test {

inline std::filesystem::path assetsDir() {
    return REFLECT_TEST_ASSETS_DIR;
}

/// An in-memory database with the current schema; each call is a new, empty one.
inline std::unique_ptr<core::Database> memoryDatabase() {
    auto db = std::make_unique<core::Database>(":memory:");
    core::migrate(*db);
    return db;
}

inline const core::TemplateSet& shippedTemplates() {
    static const core::TemplateSet set = core::loadTemplates(assetsDir() / "templates");
    return set;
}

/// The shipped formats plus the test-only ones in tests/data/templates (a walk-up kiosk's on-screen evaluation).
inline const core::TemplateSet& testTemplates() {
    static const core::TemplateSet set = [] {
        core::TemplateSet all = shippedTemplates();
        const core::TemplateSet extra = core::loadTemplates(std::filesystem::path(REFLECT_TEST_DATA_DIR) / "templates");
        all.templates.insert(all.templates.end(), extra.templates.begin(), extra.templates.end());
        all.issues.insert(all.issues.end(), extra.issues.begin(), extra.issues.end());
        return all;
    }();
    return set;
}

inline const core::SessionTemplate& roundTemplate() {
    const auto* t = shippedTemplates().find("round");
    if (!t) throw std::runtime_error("the shipped templates have no Round");
    return *t;
}

inline const core::StringTable& shippedStrings() {
    static const core::StringTable strings = core::StringTable::loadLocale(assetsDir() / "strings" / "en-GB").value();
    return strings;
}

}  // namespace reflect::test
