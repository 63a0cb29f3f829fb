// Volume check: tells whether the kiosk's data folder sits on an encrypted (dm-crypt/LUKS) block device.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace reflect::core {

/// Where the facts come from. The defaults read the running system; tests point both at a fake tree.
struct VolumeSources {
    std::filesystem::path mountInfo = "/proc/self/mountinfo";
    std::filesystem::path sysRoot = "/sys";
};

enum class Encryption { yes, no, unknown };

struct VolumeReport {
    Encryption encrypted = Encryption::unknown;
    std::string device;                ///< as mountinfo names it: "/dev/mapper/root", "tmpfs", ...
    std::filesystem::path mountPoint;  ///< the mount that holds the folder; empty when none was found
    std::string message;               ///< one plain sentence on how the answer was reached
};

/// Finds the mount holding `folder` (symlinks followed; the folder need not exist yet) and walks its
/// device-mapper chain: any layer whose dm uuid starts "CRYPT-" (but not the integrity-only VERITY or
/// INTEGRITY kinds) makes it encrypted. Never throws; whatever cannot be read gives Encryption::unknown.
[[nodiscard]] VolumeReport checkDataVolume(const std::filesystem::path& folder, const VolumeSources& sources);

/// The one stderr line for the admin, or nothing when the folder is on an encrypted volume.
[[nodiscard]] std::optional<std::string> volumeWarning(const std::filesystem::path& folder, const VolumeReport& report);

}  // namespace reflect::core
