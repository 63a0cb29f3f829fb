// Per-form tokens for the phone page: HMAC of a scope and a nonce under a per-process random key, single use.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

namespace reflect::companion {

/// A token is "<nonce>.<mac>", both base64url. The MAC binds it to a scope such as "draft|<join token>", so a
/// token from one session, one form or one phone's remote is useless for another. It is accepted once: the
/// server keeps the nonces it handed out and not yet redeemed (at most `capacity`; the oldest expire first).
/// Nothing else is kept: no address, no time, nothing about who asked for it.
class FormTokens {
public:
    explicit FormTokens(std::size_t capacity = 4096);
    FormTokens(const FormTokens&) = delete;
    FormTokens& operator=(const FormTokens&) = delete;
    ~FormTokens();

    [[nodiscard]] std::string issue(std::string_view scope);
    /// True once per issued token and only for the scope it was issued for.
    [[nodiscard]] bool redeem(std::string_view scope, std::string_view token);
    /// A keyed digest of `text`, so the page can prove the text sent is the text that was previewed.
    [[nodiscard]] std::string digest(std::string_view text) const;
    /// A fresh random value for a cookie or a nonce: 32 bytes, base64url.
    [[nodiscard]] static std::string randomToken();
    [[nodiscard]] std::size_t outstanding() const;

private:
    [[nodiscard]] std::string mac(std::string_view scope, std::string_view nonce) const;

    std::array<unsigned char, 32> m_key{};
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_set<std::string> m_open;
    std::deque<std::string> m_order;  ///< issue order of open nonces, only to expire the oldest; never exposed
};

}  // namespace reflect::companion
