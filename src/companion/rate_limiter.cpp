// Token buckets per address; full buckets are forgotten so the map only ever holds addresses that are busy now.
#include "companion/rate_limiter.hpp"

#include <algorithm>

namespace reflect::companion {

RateLimiter::RateLimiter(double perMinute, double burst, std::size_t maxAddresses)
    : m_perSecond(perMinute / 60.0),
      m_burst(std::max(1.0, burst)),
      m_maxAddresses(std::max<std::size_t>(1, maxAddresses)) {}

void RateLimiter::sweep(Clock::time_point now) {
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double elapsed = std::chrono::duration<double>(now - it->second.last).count();
        if (it->second.tokens + elapsed * m_perSecond >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

bool RateLimiter::allow(std::string_view address, Clock::time_point now) {
    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(std::string(address));
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxAddresses) sweep(now);
        // Still full: every tracked address is busy right now, which on a room's Wi-Fi means a flood.
        if (m_buckets.size() >= m_maxAddresses) return false;
        it = m_buckets.emplace(std::string(address), Bucket{m_burst, now}).first;
    }
    Bucket& bucket = it->second;
    const double elapsed = std::max(0.0, std::chrono::duration<double>(now - bucket.last).count());
    bucket.tokens = std::min(m_burst, bucket.tokens + elapsed * m_perSecond);
    bucket.last = now;
    if (bucket.tokens < 1.0) return false;
    bucket.tokens -= 1.0;
    return true;
}

std::size_t RateLimiter::tracked() const {
    const std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace reflect::companion
