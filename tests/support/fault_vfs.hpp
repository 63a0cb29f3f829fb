// FaultVfs: an in-memory SQLite VFS for tests that models what a disk promises and what it does not.
// Every file has a durable image (what survives a power cut) and the writes made since its last xSync.
// powerCut() throws the unsynced writes away (all of them, or a random subset, as a disk cache may have
// written some), exactly as a cut between two instructions would. Faults (disk full, write error, fsync
// failure) can be injected at the Nth write/sync/truncate and stay until cleared.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace reflect::test {

enum class Fault { None, DiskFull, WriteError, SyncError, PowerCut };

class FaultVfs {
public:
    /// Registers a VFS called `name` (not the default). Unregistered in the destructor, after which no
    /// connection may still use it.
    explicit FaultVfs(std::string name);
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;
    ~FaultVfs();

    [[nodiscard]] const std::string& name() const noexcept { return m_name; }

    /// Counts write, sync and truncate calls from now on; the `n`th (1-based) and every later one fails with
    /// `fault` until clearFault(). PowerCut makes them fail and also cuts the power at the `n`th.
    void armFault(Fault fault, std::int64_t n);
    void clearFault();
    /// Write/sync/truncate calls since the last armFault (or since construction).
    [[nodiscard]] std::int64_t operations() const noexcept { return m_ops; }
    /// True once an armed fault has fired.
    [[nodiscard]] bool faultFired() const noexcept { return m_fired; }

    /// Discards unsynced writes. keepSomeAtRandom: a random subset of them (in order) reaches the disk first.
    /// Close every connection before reopening; writes from a connection opened before the cut are ignored.
    void powerCut(bool keepSomeAtRandom, std::uint32_t seed);

    /// After powerCut() and closing the old connections: lets new connections write again.
    void powerOn();

    /// The current bytes of a file ("" when it does not exist).
    [[nodiscard]] std::string contents(const std::string& path) const;

    // --- used by the C callbacks ---
    struct Pending {
        bool truncate = false;
        std::int64_t offset = 0;  ///< or the new size for a truncate
        std::string bytes;
    };
    struct FileData {
        std::string durable;
        std::string current;
        std::vector<Pending> pending;
        std::vector<std::unique_ptr<char[]>> shm;
        bool exists = true;
    };
    /// Returns SQLITE_OK or the error the armed fault wants for this kind of call.
    int countOperation(bool isSync);
    [[nodiscard]] bool dead() const noexcept { return m_dead; }
    std::map<std::string, FileData>& files() noexcept { return m_files; }
    sqlite3_vfs* base() const noexcept { return m_base; }
    int nextTempId() noexcept { return ++m_tempCounter; }

private:
    std::string m_name;
    sqlite3_vfs m_vfs{};
    sqlite3_vfs* m_base = nullptr;
    std::map<std::string, FileData> m_files;
    Fault m_fault = Fault::None;
    std::int64_t m_failAt = 0;
    std::int64_t m_ops = 0;
    bool m_fired = false;
    bool m_dead = false;
    int m_tempCounter = 0;
};

}  // namespace reflect::test
