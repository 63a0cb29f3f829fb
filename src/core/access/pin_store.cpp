// PinStore implementation over libsodium's crypto_pwhash_str (Argon2id).
#include "core/access/pin_store.hpp"
#include "core/storage/write_transaction.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <sodium.h>
#include <nlohmann/json.hpp>

namespace reflect::core {

namespace {
std::string pinKey(Role role) {
    return fmt::format("pin.{}", roleName(role));
}

std::string readSetting(Database& db, std::string_view key) {
    auto stmt = db.prepare("SELECT value FROM settings WHERE key = ?");
    stmt.bind(1, key);
    return stmt.step() ? stmt.columnText(0) : std::string();
}

void writeSetting(Database& db, std::string_view key, std::string_view value) {
    db.prepare("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

/// Wall times of recent failures, oldest first, kept for the hourly cap.
std::vector<WallMs> failures(Database& db) {
    const std::string raw = readSetting(db, "pin.failures");
    if (raw.empty()) return {};
    try {
        return nlohmann::json::parse(raw).get<std::vector<WallMs>>();
    } catch (const nlohmann::json::exception&) {
        // A damaged counter must not unlock guessing: treat it as a full hour of failures.
        return std::vector<WallMs>(PinStore::kMaxPerHour, 0);
    }
}
}  // namespace

std::string_view roleName(Role role) {
    return role == Role::Lead ? "lead" : "facilitator";
}

bool isAcceptablePin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {
// OWASP's Argon2id configuration (19 MiB, 2 passes, 1 lane). A PIN of a few digits is protected by the durable
// guess throttle, not by the hash's cost; 64 MiB (libsodium's INTERACTIVE) would add 45 MB to the kiosk's peak
// memory at every unlock for no real gain.
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19U * 1024U * 1024U;
}  // namespace

Result<void> PinStore::setPin(Role role, std::string_view pin) {
    if (!isAcceptablePin(pin)) return fail("A PIN must be 4 to 12 digits.");
    if (sodium_init() < 0) return fail("the cryptography library could not start");
    std::string hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hash.data(), pin.data(), pin.size(), kOpsLimit, kMemLimit) != 0)
        return fail("not enough memory to protect the PIN");
    hash.resize(std::char_traits<char>::length(hash.c_str()));
    return writeTransaction(m_db, [&] { writeSetting(m_db, pinKey(role), hash); });
}

bool PinStore::isSet(Role role) const {
    return !readSetting(m_db, pinKey(role)).empty();
}

WallMs PinStore::nextAllowedWall() const {
    const auto list = failures(m_db);
    const WallMs now = m_clock.wallNow();
    std::vector<WallMs> lastHour;
    std::copy_if(list.begin(), list.end(), std::back_inserter(lastHour), [&](WallMs t) { return now - t < 3'600'000; });
    WallMs next = 0;
    if (static_cast<int>(lastHour.size()) >= kMaxPerHour) next = lastHour[lastHour.size() - kMaxPerHour] + 3'600'000;
    const std::string consecutive = readSetting(m_db, "pin.consecutive");
    const int streak = consecutive.empty() ? 0 : std::stoi(consecutive);
    if (streak >= kFreeFailures && !list.empty()) {
        const int doublings = std::min(streak - kFreeFailures, 20);
        next = std::max(next, list.back() + (WallMs{1000} << doublings));
    }
    return next;
}

std::int64_t PinStore::waitSeconds() const {
    const WallMs wait = nextAllowedWall() - m_clock.wallNow();
    return wait <= 0 ? 0 : (wait + 999) / 1000;
}

PinCheck PinStore::verify(Role role, std::string_view pin) {
    const std::string hash = readSetting(m_db, pinKey(role));
    if (hash.empty()) return {PinCheck::Outcome::NotSet, 0};
    const WallMs now = m_clock.wallNow();
    if (const WallMs next = nextAllowedWall(); next > now) return {PinCheck::Outcome::Throttled, next};
    if (sodium_init() < 0) return {PinCheck::Outcome::Wrong, 0};
    const bool good = crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
    // A PIN hashed with other settings (an older build) is hashed again with today's once it is known to be right.
    if (good && crypto_pwhash_str_needs_rehash(hash.c_str(), kOpsLimit, kMemLimit) != 0) {
        // If that cannot be saved now, the old hash still verifies next time.
        [[maybe_unused]] const auto rehashed = setPin(role, pin);
    }
    try {
        Transaction tx(m_db);
        if (good) {
            writeSetting(m_db, "pin.consecutive", "0");
        } else {
            auto list = failures(m_db);
            list.push_back(now);
            // Only the last hour matters for the cap; older entries are dropped to keep the row small.
            list.erase(std::remove_if(list.begin(), list.end(), [&](WallMs t) { return now - t >= 3'600'000; }),
                       list.end());
            writeSetting(m_db, "pin.failures", nlohmann::json(list).dump());
            const std::string consecutive = readSetting(m_db, "pin.consecutive");
            writeSetting(m_db, "pin.consecutive",
                         std::to_string((consecutive.empty() ? 0 : std::stoi(consecutive)) + 1));
        }
        tx.commit();
    } catch (const SqliteError&) {
        // If the failure cannot be counted, refuse: an uncounted guess is a free guess.
        return {PinCheck::Outcome::Throttled, now + 1000};
    }
    if (good) return {PinCheck::Outcome::Accepted, 0};
    return {PinCheck::Outcome::Wrong, nextAllowedWall()};
}

}  // namespace reflect::core
