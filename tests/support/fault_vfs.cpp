// FaultVfs implementation: sqlite3_vfs and sqlite3_io_methods callbacks over in-memory images.
#include "support/fault_vfs.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace reflect::test {

namespace {

struct FaultFile {
    sqlite3_file base;  // must be first: SQLite treats a FaultFile* as a sqlite3_file*
    FaultVfs* owner;
    std::string* name;  // owned: sqlite3_file must stay a standard-layout C struct
    bool deleteOnClose;
};

FaultVfs& ownerOf(sqlite3_vfs* vfs) {
    return *static_cast<FaultVfs*>(vfs->pAppData);
}
FaultFile& fileOf(sqlite3_file* f) {
    return *reinterpret_cast<FaultFile*>(f);
}
FaultVfs::FileData& dataOf(sqlite3_file* f) {
    return fileOf(f).owner->files()[*fileOf(f).name];
}

void applyWrite(std::string& image, std::int64_t offset, const std::string& bytes) {
    const auto end = static_cast<std::size_t>(offset) + bytes.size();
    if (image.size() < end) image.resize(end, '\0');
    std::memcpy(image.data() + offset, bytes.data(), bytes.size());
}

void applyPending(std::string& image, const FaultVfs::Pending& p) {
    if (p.truncate)
        image.resize(static_cast<std::size_t>(p.offset), '\0');
    else
        applyWrite(image, p.offset, p.bytes);
}

int xClose(sqlite3_file* f) {
    FaultFile& file = fileOf(f);
    if (file.deleteOnClose && !file.owner->dead()) file.owner->files().erase(*file.name);
    delete file.name;
    file.name = nullptr;
    return SQLITE_OK;
}

int xRead(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
    const std::string& image = dataOf(f).current;
    const auto want = static_cast<std::size_t>(amount);
    const auto from = static_cast<std::size_t>(offset);
    const std::size_t have = from >= image.size() ? 0 : std::min(want, image.size() - from);
    if (have > 0) std::memcpy(out, image.data() + from, have);
    if (have < want) {
        std::memset(static_cast<char*>(out) + have, 0, want - have);
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

int xWrite(sqlite3_file* f, const void* in, int amount, sqlite3_int64 offset) {
    FaultFile& file = fileOf(f);
    if (const int rc = file.owner->countOperation(false); rc != SQLITE_OK) return rc;
    auto& data = dataOf(f);
    FaultVfs::Pending p{false, offset, std::string(static_cast<const char*>(in), static_cast<std::size_t>(amount))};
    applyWrite(data.current, offset, p.bytes);
    data.pending.push_back(std::move(p));
    return SQLITE_OK;
}

int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    FaultFile& file = fileOf(f);
    if (const int rc = file.owner->countOperation(false); rc != SQLITE_OK) return rc;
    auto& data = dataOf(f);
    FaultVfs::Pending p{true, size, {}};
    applyPending(data.current, p);
    data.pending.push_back(std::move(p));
    return SQLITE_OK;
}

int xSync(sqlite3_file* f, int) {
    FaultFile& file = fileOf(f);
    if (const int rc = file.owner->countOperation(true); rc != SQLITE_OK) return rc;
    auto& data = dataOf(f);
    data.durable = data.current;
    data.pending.clear();
    return SQLITE_OK;
}

int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    *size = static_cast<sqlite3_int64>(dataOf(f).current.size());
    return SQLITE_OK;
}

int xLock(sqlite3_file*, int) {
    return SQLITE_OK;
}
int xUnlock(sqlite3_file*, int) {
    return SQLITE_OK;
}
int xCheckReservedLock(sqlite3_file*, int* out) {
    *out = 0;
    return SQLITE_OK;
}
int xFileControl(sqlite3_file*, int, void*) {
    return SQLITE_NOTFOUND;
}
int xSectorSize(sqlite3_file*) {
    return 512;
}
// No promises at all (no atomic or sequential writes): SQLite then takes its most careful path.
int xDeviceCharacteristics(sqlite3_file*) {
    return 0;
}

int xShmMap(sqlite3_file* f, int region, int regionSize, int extend, void volatile** out) {
    auto& shm = dataOf(f).shm;
    const auto index = static_cast<std::size_t>(region);
    if (shm.size() <= index) {
        if (!extend) {
            *out = nullptr;
            return SQLITE_OK;
        }
        while (shm.size() <= index) {
            auto block = std::make_unique<char[]>(static_cast<std::size_t>(regionSize));
            std::memset(block.get(), 0, static_cast<std::size_t>(regionSize));
            shm.push_back(std::move(block));
        }
    }
    *out = shm[index].get();
    return SQLITE_OK;
}
int xShmLock(sqlite3_file*, int, int, int) {
    return SQLITE_OK;
}
void xShmBarrier(sqlite3_file*) {}
int xShmUnmap(sqlite3_file*, int) {
    return SQLITE_OK;
}

const sqlite3_io_methods kIoMethods = {2,
                                       xClose,
                                       xRead,
                                       xWrite,
                                       xTruncate,
                                       xSync,
                                       xFileSize,
                                       xLock,
                                       xUnlock,
                                       xCheckReservedLock,
                                       xFileControl,
                                       xSectorSize,
                                       xDeviceCharacteristics,
                                       xShmMap,
                                       xShmLock,
                                       xShmBarrier,
                                       xShmUnmap,
                                       nullptr,
                                       nullptr};

int xOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    FaultVfs& owner = ownerOf(vfs);
    FaultFile& file = fileOf(f);
    file.base.pMethods = nullptr;
    std::string path = name ? std::string(name) : "/temp/" + std::to_string(owner.nextTempId());
    auto it = owner.files().find(path);
    if (it == owner.files().end() || !it->second.exists) {
        if (!(flags & SQLITE_OPEN_CREATE)) return SQLITE_CANTOPEN;
        owner.files()[path] = FaultVfs::FileData{};
    }
    file.owner = &owner;
    file.name = new std::string(std::move(path));
    file.deleteOnClose = (flags & SQLITE_OPEN_DELETEONCLOSE) != 0;
    file.base.pMethods = &kIoMethods;
    if (outFlags) *outFlags = flags;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs* vfs, const char* name, int) {
    FaultVfs& owner = ownerOf(vfs);
    if (owner.dead()) return SQLITE_IOERR_DELETE;
    owner.files().erase(name);
    return SQLITE_OK;
}

int xAccess(sqlite3_vfs* vfs, const char* name, int, int* out) {
    auto& files = ownerOf(vfs).files();
    const auto it = files.find(name);
    *out = it != files.end() && it->second.exists ? 1 : 0;
    return SQLITE_OK;
}

int xFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    const std::size_t n = std::strlen(name);
    if (n + 1 > static_cast<std::size_t>(size)) return SQLITE_CANTOPEN;
    std::memcpy(out, name, n + 1);
    return SQLITE_OK;
}

int xRandomness(sqlite3_vfs* vfs, int n, char* out) {
    sqlite3_vfs* base = ownerOf(vfs).base();
    return base->xRandomness(base, n, out);
}
int xSleep(sqlite3_vfs* vfs, int micro) {
    sqlite3_vfs* base = ownerOf(vfs).base();
    return base->xSleep(base, micro);
}
int xCurrentTime(sqlite3_vfs* vfs, double* out) {
    sqlite3_vfs* base = ownerOf(vfs).base();
    return base->xCurrentTime(base, out);
}
int xGetLastError(sqlite3_vfs*, int, char*) {
    return 0;
}

}  // namespace

FaultVfs::FaultVfs(std::string name) : m_name(std::move(name)), m_base(sqlite3_vfs_find(nullptr)) {
    if (!m_base) throw std::runtime_error("no default SQLite VFS");
    m_vfs.iVersion = 1;
    m_vfs.szOsFile = static_cast<int>(sizeof(FaultFile));
    m_vfs.mxPathname = 512;
    m_vfs.zName = m_name.c_str();
    m_vfs.pAppData = this;
    m_vfs.xOpen = xOpen;
    m_vfs.xDelete = xDelete;
    m_vfs.xAccess = xAccess;
    m_vfs.xFullPathname = xFullPathname;
    m_vfs.xRandomness = xRandomness;
    m_vfs.xSleep = xSleep;
    m_vfs.xCurrentTime = xCurrentTime;
    m_vfs.xGetLastError = xGetLastError;
    if (sqlite3_vfs_register(&m_vfs, 0) != SQLITE_OK) throw std::runtime_error("cannot register the test VFS");
}

FaultVfs::~FaultVfs() {
    sqlite3_vfs_unregister(&m_vfs);
}

void FaultVfs::armFault(Fault fault, std::int64_t n) {
    m_fault = fault;
    m_failAt = n;
    m_ops = 0;
    m_fired = false;
}

void FaultVfs::clearFault() {
    m_fault = Fault::None;
    m_failAt = 0;
}

int FaultVfs::countOperation(bool isSync) {
    if (m_dead) return SQLITE_IOERR_WRITE;
    ++m_ops;
    if (m_fault == Fault::None || m_ops < m_failAt) return SQLITE_OK;
    m_fired = true;
    switch (m_fault) {
        case Fault::DiskFull:
            return SQLITE_FULL;
        case Fault::WriteError:
            return SQLITE_IOERR_WRITE;
        case Fault::SyncError:
            return isSync ? SQLITE_IOERR_FSYNC : SQLITE_OK;
        case Fault::PowerCut:
            powerCut(false, 0);
            return SQLITE_IOERR_WRITE;
        case Fault::None:
            break;
    }
    return SQLITE_OK;
}

void FaultVfs::powerCut(bool keepSomeAtRandom, std::uint32_t seed) {
    std::mt19937 random(seed);
    for (auto& [path, data] : m_files) {
        if (keepSomeAtRandom)
            for (const auto& p : data.pending)
                if (random() % 2 == 0) applyPending(data.durable, p);
        data.current = data.durable;
        data.pending.clear();
    }
    m_dead = true;
}

void FaultVfs::powerOn() {
    for (auto& [path, data] : m_files) data.shm.clear();
    m_dead = false;
    clearFault();
}

std::string FaultVfs::contents(const std::string& path) const {
    const auto it = m_files.find(path);
    return it == m_files.end() ? std::string() : it->second.current;
}

}  // namespace reflect::test
