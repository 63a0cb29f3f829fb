// The resolver: runs every scanner over one text and settles overlapping candidates into findings, the most
// structured kind first (see Scrubber in scrubber.hpp for the order and why).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/privacy/scrubber.hpp"

namespace reflect::core::scan {

/// One pass: every candidate from every scanner, overlaps resolved, offsets mapped back to the original bytes.
/// Sorted by begin, never overlapping.
std::vector<Finding> findOnce(std::string_view utf8, std::span<const names::Entry> nameList);

}  // namespace reflect::core::scan
