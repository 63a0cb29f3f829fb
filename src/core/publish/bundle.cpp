// Bundle files: writing and signing on the kiosk, splitting, verifying and reading on the trust.
#include "core/publish/bundle.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include <fmt/format.h>

namespace reflect::core {

namespace {

constexpr std::string_view kMagic = "reflect-bundle 1\n";

std::string toHex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

bool fromHex(std::string_view hex, unsigned char* out, std::size_t size) {
    if (hex.size() != size * 2) return false;
    for (char c : hex)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    std::size_t written = 0;
    return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &written, nullptr) == 0 && written == size;
}

/// Reads a "<name> <value>\n" line starting at `pos`; advances `pos` past it.
bool headerLine(std::string_view text, std::size_t& pos, std::string_view name, std::string& value) {
    const std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return false;
    const std::string_view line = text.substr(pos, end - pos);
    if (line.size() <= name.size() + 1 || line.substr(0, name.size()) != name || line[name.size()] != ' ') return false;
    value = std::string(line.substr(name.size() + 1));
    pos = end + 1;
    return true;
}

/// RAII file descriptor for the key file.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (m_fd >= 0) close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

}  // namespace

SigningKey::SigningKey() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    crypto_sign_keypair(m_public.data(), m_secret.data());
}

SigningKey::SigningKey(SigningKey&& other) noexcept : m_secret(other.m_secret), m_public(other.m_public) {
    sodium_memzero(other.m_secret.data(), other.m_secret.size());
}

SigningKey::~SigningKey() {
    sodium_memzero(m_secret.data(), m_secret.size());
}

Result<SigningKey> SigningKey::loadOrCreate(const std::filesystem::path& file) {
    SigningKey key;
    {
        Fd existing(open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        if (existing.get() >= 0) {
            struct stat info {};
            if (fstat(existing.get(), &info) != 0 || (info.st_mode & 077) != 0)
                return fail(
                    fmt::format("{} can be read by other users; make it private (chmod 600) or remove it and "
                                "register the new key",
                                file.string()));
            const auto got = read(existing.get(), key.m_secret.data(), key.m_secret.size());
            if (got != static_cast<ssize_t>(key.m_secret.size()))
                return fail(fmt::format("{} is not a signing key; remove it to make a new one", file.string()));
            crypto_sign_ed25519_sk_to_pk(key.m_public.data(), key.m_secret.data());
            return key;
        }
    }
    Fd created(open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (created.get() < 0)
        return fail(fmt::format("cannot create the signing key {} (is the data folder writable?)", file.string()));
    const auto wrote = write(created.get(), key.m_secret.data(), key.m_secret.size());
    if (wrote != static_cast<ssize_t>(key.m_secret.size()) || fsync(created.get()) != 0)
        return fail(fmt::format("cannot write the signing key {} (is the disk full?)", file.string()));
    return key;
}

std::string SigningKey::publicHex() const {
    return toHex(m_public.data(), m_public.size());
}

std::string SigningKey::sign(std::string_view message) const {
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), m_secret.data());
    return toHex(signature.data(), signature.size());
}

std::string writeBundle(const Bundle& bundle, const SigningKey& key) {
    nlohmann::json units = nlohmann::json::array();
    for (const auto& u : bundle.units) units.push_back(toJson(u));
    const nlohmann::json payload{
        {"kiosk", bundle.kiosk}, {"revision", bundle.revision}, {"since", bundle.since}, {"units", std::move(units)}};
    const std::string text = payload.dump() + "\n";
    return fmt::format("{}kiosk {}\nsignature {}\n\n{}", kMagic, bundle.kiosk, key.sign(text), text);
}

Result<SignedBundle> splitBundle(std::string_view text) {
    if (text.substr(0, kMagic.size()) != kMagic) return fail("not a reflect bundle (the first line is wrong)");
    std::size_t pos = kMagic.size();
    SignedBundle out;
    if (!headerLine(text, pos, "kiosk", out.kiosk) || !isPublicKeyHex(out.kiosk))
        return fail("the bundle's kiosk line is damaged");
    if (!headerLine(text, pos, "signature", out.signature)) return fail("the bundle's signature line is damaged");
    if (pos >= text.size() || text[pos] != '\n') return fail("the bundle's header does not end with a blank line");
    out.payload = std::string(text.substr(pos + 1));
    return out;
}

bool signatureMatches(std::string_view publicHex, std::string_view signatureHex, std::string_view payload) {
    if (sodium_init() < 0) return false;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    if (!fromHex(publicHex, pk.data(), pk.size()) || !fromHex(signatureHex, signature.data(), signature.size()))
        return false;
    return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(payload.data()),
                                       payload.size(), pk.data()) == 0;
}

Result<Bundle> readPayload(const SignedBundle& signedBundle) {
    const auto json = nlohmann::json::parse(signedBundle.payload, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return fail("the bundle's payload is not JSON");
    if (!json.contains("kiosk") || !json["kiosk"].is_string() || json["kiosk"].get<std::string>() != signedBundle.kiosk)
        return fail("the bundle's payload names a different kiosk from its header");
    for (const char* field : {"revision", "since"})
        if (!json.contains(field) || !json[field].is_number_integer() || json[field].get<std::int64_t>() < 0)
            return fail(fmt::format("the bundle has no valid \"{}\"", field));
    Bundle bundle;
    bundle.kiosk = signedBundle.kiosk;
    bundle.revision = json["revision"].get<std::int64_t>();
    bundle.since = json["since"].get<std::int64_t>();
    if (bundle.revision < 1 || bundle.since >= bundle.revision)
        return fail("the bundle's revision must be above the revision it follows");
    if (!json.contains("units") || !json["units"].is_array()) return fail("the bundle has no list of units");
    for (const auto& unit : json["units"]) {
        auto read = unitFromJson(unit);
        if (!read) return read.error();
        bundle.units.push_back(std::move(*read));
    }
    return bundle;
}

std::string payloadDigest(std::string_view payload) {
    if (sodium_init() < 0) return {};
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    return toHex(digest.data(), digest.size());
}

bool isPublicKeyHex(std::string_view text) {
    std::array<unsigned char, 32> bytes{};
    return fromHex(text, bytes.data(), bytes.size());
}

}  // namespace reflect::core
