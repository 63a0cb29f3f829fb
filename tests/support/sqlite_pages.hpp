// An attacker's view of a SQLite file: reads b-tree leaf pages, WAL frames and the freelist from raw bytes,
// without SQLite, so tests can look for order that the file keeps below the SQL level.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reflect::test {

/// A decoded record value: NULL, an integer or text (reals and blobs are kept as their raw bytes' text).
using PageValue = std::variant<std::monostate, std::int64_t, std::string>;

/// One cell of a leaf page, where an attacker finds it.
struct LeafCell {
    std::uint32_t page = 0;    ///< page number in the file the image came from
    std::int64_t frame = -1;   ///< index of the WAL frame that held the page (-1: the main file)
    std::uint32_t offset = 0;  ///< where the cell's bytes start within the page
    bool tableLeaf = false;    ///< table leaf (has a rowid) or index leaf (a WITHOUT ROWID table or an index)
    std::int64_t rowid = 0;    ///< table leaves only
    std::vector<PageValue> values;
};

/// The page size from a database file's header (0 when the bytes are not a SQLite database).
[[nodiscard]] std::uint32_t databasePageSize(std::string_view file);

/// Every cell of every leaf page (table or index) of a database file, page by page; pages that do not parse
/// as leaves (interior pages, overflow, zeroed free pages) are skipped.
[[nodiscard]] std::vector<LeafCell> databaseLeafCells(std::string_view file);

/// The cells of one page image; `headerOffset` is 100 on page 1 and 0 elsewhere.
[[nodiscard]] std::vector<LeafCell> pageLeafCells(std::string_view page, std::uint32_t pageNumber, std::int64_t frame,
                                                  std::size_t headerOffset);

/// One WAL frame: the page number it carries and the page image.
struct WalFrame {
    std::uint32_t page = 0;
    std::uint32_t commitSize = 0;  ///< non-zero on the last frame of a commit
    std::string_view image;
};

/// Every frame in a -wal file in file order, checksums ignored (an attacker reads stale frames as well).
[[nodiscard]] std::vector<WalFrame> walFrames(std::string_view wal);

/// Every cell of every leaf page in the WAL, in frame order.
[[nodiscard]] std::vector<LeafCell> walLeafCells(std::string_view wal);

/// Page numbers on the freelist (trunk and leaf pages), in freelist order.
[[nodiscard]] std::vector<std::uint32_t> freelistPages(std::string_view file);

/// Spearman's rank correlation between two equally long rankings (each a permutation of 0..n-1).
[[nodiscard]] double spearmanRho(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace reflect::test
