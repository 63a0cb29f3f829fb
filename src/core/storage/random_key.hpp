// randomKey: the 63-bit random keys that anonymous rows use instead of an insertion counter.
#pragma once

#include <cstdint>

namespace reflect::core {

/// A uniformly random positive 63-bit integer from libsodium's CSPRNG. Never 0. Rows keyed by it are stored
/// (and, without ORDER BY, read) in key order, which says nothing about when each row arrived.
[[nodiscard]] std::int64_t randomKey();

/// A uniformly random index below `bound` (bound > 0), for shuffles that must not be predictable.
[[nodiscard]] std::uint32_t randomBelow(std::uint32_t bound);

}  // namespace reflect::core
