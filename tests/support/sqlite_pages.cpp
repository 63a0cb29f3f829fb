// Raw SQLite page, WAL and freelist reader for the order-recovery tests (file format: sqlite.org/fileformat.html).
#include "support/sqlite_pages.hpp"

#include <algorithm>
#include <optional>

namespace reflect::test {

namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8U) |
           static_cast<unsigned char>(b[at + 1]);
}

std::uint32_t be32(std::string_view b, std::size_t at) {
    return (be16(b, at) << 16U) | be16(b, at + 2);
}

/// A SQLite varint at `at`; nullopt when it would run past the end.
std::optional<std::int64_t> varint(std::string_view b, std::size_t& at) {
    std::uint64_t v = 0;
    for (int i = 0; i < 9; ++i) {
        if (at >= b.size()) return std::nullopt;
        const auto byte = static_cast<unsigned char>(b[at++]);
        if (i == 8) return static_cast<std::int64_t>((v << 8U) | byte);
        v = (v << 7U) | (byte & 0x7FU);
        if ((byte & 0x80U) == 0) return static_cast<std::int64_t>(v);
    }
    return static_cast<std::int64_t>(v);
}

/// Decodes a record's local bytes; values that run past the local part (overflow) are cut short.
std::vector<PageValue> decodeRecord(std::string_view payload) {
    std::vector<PageValue> values;
    std::size_t at = 0;
    const auto headerSize = varint(payload, at);
    if (!headerSize || *headerSize < 1 || static_cast<std::size_t>(*headerSize) > payload.size()) return values;
    std::vector<std::int64_t> types;
    while (at < static_cast<std::size_t>(*headerSize)) {
        const auto type = varint(payload, at);
        if (!type) return {};
        types.push_back(*type);
    }
    std::size_t body = static_cast<std::size_t>(*headerSize);
    for (const auto type : types) {
        static constexpr std::size_t kIntBytes[] = {0, 1, 2, 3, 4, 6, 8};
        if (type == 0) {
            values.emplace_back(std::monostate{});
        } else if (type >= 1 && type <= 6) {
            const std::size_t n = kIntBytes[static_cast<std::size_t>(type)];
            if (body + n > payload.size()) break;
            std::int64_t v = static_cast<signed char>(payload[body]);
            for (std::size_t i = 1; i < n; ++i) v = v * 256 + static_cast<unsigned char>(payload[body + i]);
            values.emplace_back(v);
            body += n;
        } else if (type == 7) {
            values.emplace_back(std::string(payload.substr(std::min(body, payload.size()), 8)));
            body += 8;
        } else if (type == 8 || type == 9) {
            values.emplace_back(static_cast<std::int64_t>(type - 8));
        } else if (type >= 12) {
            const auto n = static_cast<std::size_t>((type - (type % 2 == 0 ? 12 : 13)) / 2);
            values.emplace_back(std::string(payload.substr(std::min(body, payload.size()), n)));
            body += n;
        } else {
            break;
        }
    }
    return values;
}

}  // namespace

std::uint32_t databasePageSize(std::string_view file) {
    if (file.size() < 100 || file.substr(0, 16) != std::string_view("SQLite format 3\0", 16)) return 0;
    const auto size = be16(file, 16);
    return size == 1 ? 65536 : size;
}

std::vector<LeafCell> pageLeafCells(std::string_view page, std::uint32_t pageNumber, std::int64_t frame,
                                    std::size_t headerOffset) {
    std::vector<LeafCell> cells;
    if (page.size() < headerOffset + 8) return cells;
    const auto type = static_cast<unsigned char>(page[headerOffset]);
    if (type != 0x0D && type != 0x0A) return cells;
    const auto count = be16(page, headerOffset + 3);
    const std::size_t pointers = headerOffset + 8;
    if (pointers + 2 * static_cast<std::size_t>(count) > page.size()) return cells;
    // The largest payload kept on the page (the rest overflows); the usable size is the page size here.
    const std::size_t usable = page.size();
    const std::size_t maxLocal = type == 0x0D ? usable - 35 : (usable - 12) * 64 / 255 - 23;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t offset = be16(page, pointers + 2 * i);
        if (offset < pointers || offset >= page.size()) continue;
        std::size_t at = offset;
        const auto payloadSize = varint(page, at);
        if (!payloadSize || *payloadSize < 0) continue;
        LeafCell cell;
        cell.page = pageNumber;
        cell.frame = frame;
        cell.offset = static_cast<std::uint32_t>(offset);
        cell.tableLeaf = type == 0x0D;
        if (cell.tableLeaf) {
            const auto rowid = varint(page, at);
            if (!rowid) continue;
            cell.rowid = *rowid;
        }
        const std::size_t local = std::min<std::size_t>(static_cast<std::size_t>(*payloadSize), maxLocal);
        if (at + local > page.size()) continue;
        cell.values = decodeRecord(page.substr(at, local));
        cells.push_back(std::move(cell));
    }
    return cells;
}

std::vector<LeafCell> databaseLeafCells(std::string_view file) {
    std::vector<LeafCell> cells;
    const auto pageSize = databasePageSize(file);
    if (pageSize == 0) return cells;
    for (std::size_t start = 0, number = 1; start + pageSize <= file.size(); start += pageSize, ++number) {
        auto found =
            pageLeafCells(file.substr(start, pageSize), static_cast<std::uint32_t>(number), -1, number == 1 ? 100 : 0);
        cells.insert(cells.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return cells;
}

std::vector<WalFrame> walFrames(std::string_view wal) {
    std::vector<WalFrame> frames;
    if (wal.size() < 32) return frames;
    const auto pageSize = be32(wal, 8);
    if (pageSize < 512 || pageSize > 65536) return frames;
    for (std::size_t at = 32; at + 24 + pageSize <= wal.size(); at += 24 + pageSize)
        frames.push_back({be32(wal, at), be32(wal, at + 4), wal.substr(at + 24, pageSize)});
    return frames;
}

std::vector<LeafCell> walLeafCells(std::string_view wal) {
    std::vector<LeafCell> cells;
    const auto frames = walFrames(wal);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        auto found =
            pageLeafCells(frames[i].image, frames[i].page, static_cast<std::int64_t>(i), frames[i].page == 1 ? 100 : 0);
        cells.insert(cells.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return cells;
}

std::vector<std::uint32_t> freelistPages(std::string_view file) {
    std::vector<std::uint32_t> pages;
    const auto pageSize = databasePageSize(file);
    if (pageSize == 0) return pages;
    std::uint32_t trunk = be32(file, 32);
    for (int guard = 0; trunk != 0 && guard < 100000; ++guard) {
        const std::size_t start = static_cast<std::size_t>(trunk - 1) * pageSize;
        if (start + pageSize > file.size()) break;
        pages.push_back(trunk);
        const auto leaves = be32(file, start + 4);
        for (std::uint32_t i = 0; i < leaves && 8 + 4 * static_cast<std::size_t>(i) + 4 <= pageSize; ++i)
            pages.push_back(be32(file, start + 8 + 4 * i));
        trunk = be32(file, start);
    }
    return pages;
}

double spearmanRho(const std::vector<int>& a, const std::vector<int>& b) {
    const double n = static_cast<double>(a.size());
    if (a.size() < 2 || a.size() != b.size()) return 0.0;
    double sumSquares = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = static_cast<double>(a[i]) - static_cast<double>(b[i]);
        sumSquares += d * d;
    }
    return 1.0 - 6.0 * sumSquares / (n * (n * n - 1.0));
}

}  // namespace reflect::test
