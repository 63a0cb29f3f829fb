// Kiosks for the trust tests: a database with demo history, and publishing it through the CLI's publish command.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/publish_command.hpp"
#include "core/contribute/codebook.hpp"
#include "core/review/demo_data.hpp"
#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"

namespace reflect::test {

inline const core::Codebook& trustCodebook() {
    static const core::Codebook book =
        core::loadCodebook(std::filesystem::path(REFLECT_TEST_ASSETS_DIR) / "codebook.toml").value();
    return book;
}

/// A kiosk: its own data folder with a database holding `sessions` demo sessions made from `seed`.
struct TestKiosk {
    std::filesystem::path folder;
    std::unique_ptr<core::Database> db;

    TestKiosk(const std::filesystem::path& dir, int sessions, std::uint64_t seed) : folder(dir) {
        std::filesystem::create_directories(folder);
        db = std::make_unique<core::Database>((folder / "reflect.db").string());
        core::migrate(*db);
        addSessions(sessions, seed);
    }
    /// Seeds step through one sequence, so a second batch in one database needs a seed far from the first.
    void addSessions(int sessions, std::uint64_t seed, std::int64_t endWallMs = 1'793'448'000'000) {
        core::DemoOptions options;
        options.sessions = sessions;
        options.seed = seed;
        options.endWallMs = endWallMs;
        options.evaluationStatements = {"I felt safe to speak", "It helped me reflect", "I would come again"};
        auto made = core::generateDemoData(*db, trustCodebook(), options);
        if (!made) throw std::runtime_error("demo data failed: " + made.error().message);
    }
    /// Runs publish; returns the exit code and fills `output` with what it printed (the bundle's path).
    int publish(const std::filesystem::path& to, std::string& output, bool themeNames = false, bool all = false) {
        cli::PublishArgs args;
        args.to = to.string();
        args.all = all;
        core::AppConfig config;
        config.publishThemeNames = themeNames;
        std::ostringstream out, err;
        const int code = cli::publish(*db, folder, args, config, out, err);
        output = out.str() + err.str();
        while (!output.empty() && output.back() == '\n') output.pop_back();
        return code;
    }
    [[nodiscard]] std::string publicKey() {
        cli::PublishArgs args;
        args.showKey = true;
        std::ostringstream out, err;
        if (cli::publish(*db, folder, args, core::AppConfig{}, out, err) != 0) throw std::runtime_error(err.str());
        std::string key = out.str();
        key.pop_back();
        return key;
    }
};

inline std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void writeText(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace reflect::test
