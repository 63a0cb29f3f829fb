// Form tokens over libsodium: HMAC-SHA-256 with a key drawn at start, compared in constant time.
#include "companion/form_tokens.hpp"

#include <stdexcept>

#include <sodium.h>

namespace reflect::companion {

namespace {

std::string toBase64(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

}  // namespace

FormTokens::FormTokens(std::size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start (no random source?)");
    randombytes_buf(m_key.data(), m_key.size());
}

FormTokens::~FormTokens() {
    sodium_memzero(m_key.data(), m_key.size());
}

std::string FormTokens::randomToken() {
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return toBase64(bytes.data(), bytes.size());
}

std::string FormTokens::mac(std::string_view scope, std::string_view nonce) const {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, m_key.data(), m_key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(scope.data()), scope.size());
    const unsigned char separator = 0;  // "a|b" + "c" must never equal "a" + "|bc"
    crypto_auth_hmacsha256_update(&state, &separator, 1);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size());
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> out{};
    crypto_auth_hmacsha256_final(&state, out.data());
    return toBase64(out.data(), out.size());
}

std::string FormTokens::issue(std::string_view scope) {
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string nonce = toBase64(bytes.data(), bytes.size());
    std::string token = nonce + "." + mac(scope, nonce);
    const std::lock_guard lock(m_mutex);
    while (m_open.size() >= m_capacity && !m_order.empty()) {
        m_open.erase(m_order.front());
        m_order.pop_front();
    }
    if (m_order.size() > 2 * m_capacity) {  // drop the stale copies of redeemed nonces
        std::deque<std::string> kept;
        for (std::string& n : m_order)
            if (m_open.count(n) != 0) kept.push_back(std::move(n));
        m_order.swap(kept);
    }
    m_open.insert(nonce);
    m_order.push_back(std::move(nonce));
    return token;
}

bool FormTokens::redeem(std::string_view scope, std::string_view token) {
    const std::size_t dot = token.find('.');
    if (dot == std::string_view::npos || token.size() > 128) return false;
    const std::string nonce(token.substr(0, dot));
    const std::string_view given = token.substr(dot + 1);
    const std::string expected = mac(scope, nonce);
    if (given.size() != expected.size() || sodium_memcmp(given.data(), expected.data(), expected.size()) != 0)
        return false;
    const std::lock_guard lock(m_mutex);
    if (m_open.erase(nonce) == 0) return false;
    // The deque keeps a stale copy until it reaches the front; erase() there is then a harmless no-op.
    return true;
}

std::string FormTokens::digest(std::string_view text) const {
    std::array<unsigned char, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       m_key.data(), m_key.size());
    return toBase64(out.data(), out.size());
}

std::size_t FormTokens::outstanding() const {
    const std::lock_guard lock(m_mutex);
    return m_open.size();
}

}  // namespace reflect::companion
