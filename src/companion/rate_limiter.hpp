// RateLimiter: a token bucket per client address, held only in memory and only to keep one phone from starving others.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace reflect::companion {

/// The address is a map key and nothing else: it is never logged, never stored with anything a person wrote,
/// and a bucket that has refilled is forgotten the next time the map is swept.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    /// `perMinute` requests per minute on average, bursts up to `burst`, at most `maxAddresses` buckets.
    RateLimiter(double perMinute, double burst, std::size_t maxAddresses = 4096);

    /// True when the address may make one more request now.
    [[nodiscard]] bool allow(std::string_view address, Clock::time_point now);
    [[nodiscard]] std::size_t tracked() const;

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point last;
    };
    void sweep(Clock::time_point now);

    double m_perSecond;
    double m_burst;
    std::size_t m_maxAddresses;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

}  // namespace reflect::companion
