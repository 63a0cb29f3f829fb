// Fuzz target: restoring a backup file. Arbitrary bytes as the backup: the check refuses it or the restore
// succeeds and the restored database opens and passes integrity_check. Never a crash, never a half-replaced file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/storage/backup.hpp"
#include "core/storage/database.hpp"

namespace {

/// A private scratch folder for one input, removed afterwards.
class Scratch {
public:
    Scratch() {
        std::string pattern = "/tmp/reflect-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) std::abort();
        m_path = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Scratch dir;
    const auto backup = dir.path() / "reflect-20260101-000000.db";
    {
        std::ofstream out(backup, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const auto target = dir.path() / "live.db";
    {
        reflect::core::Database live(target.string());
        live.exec("CREATE TABLE marker(x); INSERT INTO marker VALUES (42)");
    }
    const auto restored = reflect::core::restoreBackup(backup, target);
    try {
        reflect::core::Database db(target.string());
        if (!restored) {
            // Refused: the old database is untouched.
            if (db.queryInt("SELECT x FROM marker") != 42) std::abort();
        } else if (db.integrityCheck() != "ok") {
            std::abort();
        }
    } catch (const reflect::core::SqliteError&) {
        std::abort();
    }
    return 0;
}
