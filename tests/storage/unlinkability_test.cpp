// Unlinkability: nothing on disk or on screen follows the order in which contributions were written, and no raw
// identifier from a typed sentence reaches the database, its WAL, a backup or the command output.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/commands.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/privacy/scrubber.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/backup.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
namespace fs = std::filesystem;

namespace {

/// Spearman's rank correlation of positions 0..n-1 against `ranks` (a permutation of 0..n-1).
double spearman(const std::vector<int>& ranks) {
    const double n = static_cast<double>(ranks.size());
    double sumSquares = 0;
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        const double d = static_cast<double>(ranks[i]) - static_cast<double>(i);
        sumSquares += d * d;
    }
    return 1.0 - 6.0 * sumSquares / (n * (n * n - 1.0));
}

/// For each text in `order`, its submission index (texts are "s<index>").
std::vector<int> submissionRanks(const std::vector<std::string>& order) {
    std::vector<int> ranks;
    for (const auto& text : order) ranks.push_back(std::stoi(text.substr(1)));
    return ranks;
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("storage order and display order do not follow submission order", "[storage][anonymity][unlinkability]") {
    auto db = test::memoryDatabase();
    core::ManualClock clock;
    double storageSum = 0, displaySum = 0;
    // The mean of n independent Spearman coefficients of 12 random orders has a standard deviation of about
    // 0.30 / sqrt(n): with 400 sessions the 0.1 bound is over 6 of them, so a random order practically never fails,
    // while any order that follows submission (the next test) fails at once.
    constexpr int kSessions = 400;
    for (int s = 0; s < kSessions; ++s) {
        core::SessionService service(*db, clock);
        REQUIRE(service.start(test::roundTemplate(), {}));
        const auto session = service.activeId();
        core::ContributionStore store(*db);
        for (int i = 0; i < 12; ++i) REQUIRE(store.add(session, 2, "s" + std::to_string(i), false));

        std::vector<std::string> storageOrder;
        auto stmt = db->prepare("SELECT text FROM contributions WHERE session_id = ?");  // no ORDER BY on purpose
        stmt.bind(1, session);
        while (stmt.step()) storageOrder.push_back(stmt.columnText(0));
        std::vector<std::string> displayOrder;
        for (const auto& c : store.shuffled(session)) displayOrder.push_back(c.text);
        REQUIRE(storageOrder.size() == 12);
        REQUIRE(displayOrder.size() == 12);
        storageSum += spearman(submissionRanks(storageOrder));
        displaySum += spearman(submissionRanks(displayOrder));
        service.closeActive();
    }
    const double storageMean = storageSum / kSessions;
    const double displayMean = displaySum / kSessions;
    WARN("mean Spearman over " << kSessions << " sessions of 12: storage " << storageMean << ", display "
                               << displayMean);
    CHECK(std::abs(storageMean) <= 0.1);
    CHECK(std::abs(displayMean) <= 0.1);
}

TEST_CASE("the spearman check can fail: insertion order itself correlates perfectly", "[storage][unlinkability]") {
    std::vector<int> inOrder(12);
    for (int i = 0; i < 12; ++i) inOrder[static_cast<std::size_t>(i)] = i;
    CHECK(spearman(inOrder) == Approx(1.0));
    std::reverse(inOrder.begin(), inOrder.end());
    CHECK(spearman(inOrder) == Approx(-1.0));
}

TEST_CASE("no raw identifier reaches the database, WAL, backups or command output", "[storage][anonymity]") {
    const std::vector<std::pair<std::string, std::string>> sentences = {
        {"I sat with Mrs Okonkwo-Baptiste after the call", "Okonkwo-Baptiste"},
        {"Her NHS number 485 777 3456 kept coming up", "485 777 3456"},
        {"The family rang 07700 900461 at night", "07700 900461"},
        {"He was born 14/02/1938 and knew it", "14/02/1938"},
        {"Write to qzxw.family@example.org please", "qzxw.family@example.org"},
        {"They lived at LS1 4AP for forty years", "LS1 4AP"},
        {"Dr Vandersloot-Achterberg stayed late", "Vandersloot-Achterberg"},
    };
    test::TempDir dir;
    const fs::path dbPath = dir / "reflect.db";
    std::ostringstream out, err;
    {
        core::Database db(dbPath.string());
        core::migrate(db);
        core::ManualClock clock;
        core::SessionService service(db, clock);
        REQUIRE(service.start(test::roundTemplate(), {}));
        core::ContributionStore store(db);
        const core::Scrubber scrubber;
        for (const auto& [sentence, identifier] : sentences) {
            const auto scrubbed = scrubber.scrub(sentence);
            INFO(sentence);
            REQUIRE(scrubbed.text.find(identifier) == std::string::npos);
            REQUIRE(store.add(service.activeId(), 2, scrubbed.text, false));
        }
        // Search while the WAL still holds the pages, and again after the backups.
        REQUIRE(core::writeBackup(db, dir / "backups", 1'795'439'100'000));
        REQUIRE(fs::exists(dbPath.string() + "-wal"));
        for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
            if (!entry.is_regular_file()) continue;
            const std::string content = readAll(entry.path());
            for (const auto& [sentence, identifier] : sentences) {
                INFO(entry.path().string() << " must not hold " << identifier);
                CHECK(content.find(identifier) == std::string::npos);
            }
        }
    }
    REQUIRE(cli::backup(dbPath, dir / "usb", 1'795'439'200'000, out, err) == 0);
    REQUIRE(cli::verify(dbPath, out, err) == 0);
    std::string everything = out.str() + err.str();
    for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
        if (entry.is_regular_file()) everything += readAll(entry.path());
    for (const auto& [sentence, identifier] : sentences) {
        INFO(identifier);
        CHECK(everything.find(identifier) == std::string::npos);
        // The scrubbed remainder of the sentence is there, so the search looked at the right bytes.
    }
    CHECK(everything.find("stayed late") != std::string::npos);
}
