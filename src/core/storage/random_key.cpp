// randomKey implementation over libsodium.
#include "core/storage/random_key.hpp"

#include <stdexcept>

#include <sodium.h>

namespace reflect::core {

namespace {
void ensureSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}
}  // namespace

std::int64_t randomKey() {
    ensureSodium();
    std::uint64_t value = 0;
    do {
        randombytes_buf(&value, sizeof value);
        value &= 0x7fff'ffff'ffff'ffffULL;
    } while (value == 0);
    return static_cast<std::int64_t>(value);
}

std::uint32_t randomBelow(std::uint32_t bound) {
    ensureSodium();
    return randombytes_uniform(bound);
}

}  // namespace reflect::core
