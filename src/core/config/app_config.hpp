// Kiosk settings from /etc/reflect-kiosk/config.toml: each bad field gets one clear line, the rest still apply.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/support/signposts.hpp"

namespace reflect::core {

enum class ThemeChoice { Calm, HighContrast };

/// Every setting an admin can change. The defaults are what the kiosk runs with when the file says nothing.
struct AppConfig {
    std::string organisationName;     ///< "" = none shown
    std::vector<Signpost> signposts;  ///< local signposts, shown before the built-in ones
    int revealMinimum = 3;            ///< 3..50: fewer than 3 would let a room guess who wrote what
    int suppressionThreshold = 7;     ///< 7..100: report cells backed by 1..N show '*'; may be raised, never lowered
    int draftIdleSeconds = 90;        ///< 30..600: an unsent draft is wiped after this long untouched
    int lockIdleSeconds = 180;        ///< 30..3600: facilitator and lead screens lock after this long untouched
    int retentionDays = 0;            ///< 0 = keep everything; otherwise 30..3650
    std::string templatesDir;         ///< "" = the built-in templates; otherwise a full path
    std::string backupDir;            ///< "" = <data folder>/backups; otherwise a full path (a USB mount)
    int backupKeep = 14;              ///< 1..365 backups kept, oldest removed first
    double scale = 0.0;               ///< 0 = automatic from the screen; otherwise 0.5..4.0
    ThemeChoice theme = ThemeChoice::Calm;  ///< "calm" | "high-contrast"
    /// [companion]: the phone page. listen "" = off; otherwise "ADDR:PORT". tls_cert and tls_key: both or neither,
    /// full paths to PEM files. host: the name phones open (the access point's DNS answers it); "" = the address.
    std::string companionListen;
    std::string companionTlsCert;
    std::string companionTlsKey;
    std::string companionHost;
    bool publishThemeNames = false;  ///< publish_theme_names: scrubbed theme names go in trust bundles
};

/// One problem with one setting, formatted as "file:line: field: message".
struct ConfigIssue {
    std::string file;
    int line = 0;       ///< 0 when the problem is with the whole file (cannot be read)
    std::string field;  ///< "" for a problem with the whole file (a TOML syntax error)
    std::string message;
    [[nodiscard]] std::string toString() const;
};

struct ConfigLoad {
    AppConfig config;
    std::vector<ConfigIssue> issues;
};

/// Each bad field gives one issue and keeps its default; every good field still applies.
/// A TOML syntax error gives one issue with its line, and then every setting keeps its default.
[[nodiscard]] ConfigLoad parseConfig(std::string_view text, std::string_view sourceName);

/// A missing file means "all defaults" and is not an issue (a fresh kiosk has no config yet);
/// a file that exists but cannot be read, or is unreasonably large, gives one issue.
[[nodiscard]] ConfigLoad loadConfig(const std::filesystem::path& file);

}  // namespace reflect::core
