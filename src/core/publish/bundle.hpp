// Signed bundles: the one file a kiosk publishes (format in src/trust/BUNDLE.md), its signing key, and checks.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/publish/unit_figures.hpp"
#include "core/result.hpp"

namespace reflect::core {

/// The kiosk's Ed25519 key pair. The secret half is wiped from memory when this goes.
class SigningKey {
public:
    SigningKey();  ///< a fresh random key pair
    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;
    SigningKey(SigningKey&& other) noexcept;
    SigningKey& operator=(SigningKey&&) = delete;
    ~SigningKey();

    /// Reads the key file, or makes one (mode 0600) when there is none.
    [[nodiscard]] static Result<SigningKey> loadOrCreate(const std::filesystem::path& file);
    [[nodiscard]] std::string publicHex() const;
    [[nodiscard]] std::string sign(std::string_view message) const;  ///< the detached signature, 128 hex digits

private:
    std::array<unsigned char, 64> m_secret{};
    std::array<unsigned char, 32> m_public{};
};

/// What a bundle says: which kiosk, which revision, the revision it follows, and the units that changed.
struct Bundle {
    std::string kiosk;          ///< the kiosk's public key, 64 hex digits
    std::int64_t revision = 0;  ///< counts up by one with every publish
    std::int64_t since = 0;     ///< the units changed after this revision (0: every unit the kiosk has)
    std::vector<UnitFigures> units;
};

/// The file text of a bundle signed with `key` (whose public half must be bundle.kiosk).
[[nodiscard]] std::string writeBundle(const Bundle& bundle, const SigningKey& key);

/// A bundle file split into its parts; the payload is the exact bytes that were signed.
struct SignedBundle {
    std::string kiosk;
    std::string signature;
    std::string payload;
};
[[nodiscard]] Result<SignedBundle> splitBundle(std::string_view fileText);
/// True when `signature` is the Ed25519 signature of `payload` by the key `publicHex`.
[[nodiscard]] bool signatureMatches(std::string_view publicHex, std::string_view signatureHex,
                                    std::string_view payload);
/// Reads the signed payload; its kiosk must be the one the file's header names.
[[nodiscard]] Result<Bundle> readPayload(const SignedBundle& signedBundle);
/// SHA-256 of the payload in hex: how an importer tells the same bundle from a different one.
[[nodiscard]] std::string payloadDigest(std::string_view payload);
/// True for exactly 64 lower-case hex digits (an Ed25519 public key as printed by publish --show-key).
[[nodiscard]] bool isPublicKeyHex(std::string_view text);

}  // namespace reflect::core
