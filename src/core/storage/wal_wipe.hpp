// wipeWal: moves every committed page into the main file and overwrites the WAL's old frames with zeros, so
// the history of past commits (and the order they came in) cannot be replayed from the -wal file.
#pragma once

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// Checkpoints the WAL (RESTART), then, holding the write lock, writes zeros over the whole -wal file and syncs
/// them, then truncates it (checkpoint TRUNCATE). Unlinking or truncating alone would leave the frames' bytes
/// in blocks the filesystem still holds. A crash part-way is safe: every page is already in the main file
/// and a WAL that starts with zeros is read as empty. Fails (and changes nothing) while another connection
/// is reading or writing; the caller may carry on, as the next wipe will clear the same frames.
/// A database in memory, or not in WAL mode, has nothing to wipe.
[[nodiscard]] Result<void> wipeWal(Database& db);

}  // namespace reflect::core
