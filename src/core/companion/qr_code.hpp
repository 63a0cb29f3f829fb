// QR codes for the join and pairing links: libqrencode's symbol as a plain square of dark and light modules.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace reflect::core {

/// A QR symbol without its quiet zone: `size` x `size` modules, row-major, true = dark. A renderer draws a light
/// border of at least kQuietZone modules around it, or phones may not find the code.
struct QrMatrix {
    static constexpr int kQuietZone = 4;
    int size = 0;
    std::vector<bool> modules;
    [[nodiscard]] bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
};

/// Error correction level M (about 15 % of the symbol can be covered or glared and it still scans), byte mode, so
/// a URL with lower-case letters is kept exactly.
[[nodiscard]] Result<QrMatrix> encodeQr(std::string_view text);

}  // namespace reflect::core
