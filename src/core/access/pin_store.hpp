// PinStore: facilitator and lead PINs hashed with Argon2id, with a guess throttle that survives power cuts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

enum class Role { Facilitator, Lead };
[[nodiscard]] std::string_view roleName(Role role);

struct PinCheck {
    enum class Outcome { Accepted, Wrong, Throttled, NotSet } outcome = Outcome::Wrong;
    WallMs retryAtWall = 0;  ///< when Throttled (or after a Wrong that starts a delay): earliest next try
};

/// Failed attempts are counted in the database in the same transaction discipline as everything else, so
/// pulling the plug or kill -9 never resets the throttle. After 3 failures each further failure doubles
/// the wait (1 s, 2 s, 4 s...), and no more than 20 guesses are accepted in any hour.
class PinStore {
public:
    PinStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    /// 4 to 12 digits, hashed with Argon2id at OWASP's configuration (19 MiB, 2 passes): about 30 ms.
    [[nodiscard]] Result<void> setPin(Role role, std::string_view pin);
    [[nodiscard]] bool isSet(Role role) const;
    [[nodiscard]] PinCheck verify(Role role, std::string_view pin);
    /// Seconds until a guess is allowed again, 0 when one is allowed now.
    [[nodiscard]] std::int64_t waitSeconds() const;

    static constexpr int kFreeFailures = 3;
    static constexpr int kMaxPerHour = 20;

private:
    [[nodiscard]] WallMs nextAllowedWall() const;
    Database& m_db;
    const Clock& m_clock;
};

/// True for 4 to 12 ASCII digits.
[[nodiscard]] bool isAcceptablePin(std::string_view pin);

}  // namespace reflect::core
