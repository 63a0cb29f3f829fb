// Volume check: finds the mount and block device under the data folder and whether dm-crypt sits below it.
#include "core/support/volume_check.hpp"

#include <cstddef>
#include <fstream>
#include <string_view>
#include <system_error>
#include <vector>

namespace reflect::core {
namespace fs = std::filesystem;

namespace {

// Device-mapper stacks are a handful of layers deep; the cap only guards against a looped fake tree.
constexpr int kMaxChainDepth = 16;

struct MountEntry {
    std::string majorMinor;
    fs::path mountPoint;
    std::string fsType;
    std::string source;
};

std::optional<std::string> readFirstLine(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

std::vector<std::string_view> splitSpaces(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t at = 0;
    while (at < line.size()) {
        const std::size_t end = line.find(' ', at);
        const std::size_t stop = end == std::string_view::npos ? line.size() : end;
        if (stop > at) fields.push_back(line.substr(at, stop - at));
        at = stop + 1;
    }
    return fields;
}

bool isOctal(char c) {
    return c >= '0' && c <= '7';
}

// The kernel writes space, tab, newline and backslash in mount points as \ooo.
std::string unescapeOctal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 3 < text.size() && isOctal(text[i + 1]) && isOctal(text[i + 2]) &&
            isOctal(text[i + 3])) {
            out.push_back(static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 + (text[i + 3] - '0')));
            i += 3;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// Fields: id parent MAJ:MIN root mountpoint options [optional...] - fstype source superoptions
std::optional<MountEntry> parseMountLine(std::string_view line) {
    const auto fields = splitSpaces(line);
    if (fields.size() < 7) return std::nullopt;
    for (std::size_t i = 6; i < fields.size(); ++i) {
        if (fields[i] != "-") continue;
        if (i + 1 >= fields.size()) return std::nullopt;
        MountEntry entry;
        entry.majorMinor = std::string(fields[2]);
        entry.mountPoint = fs::path(unescapeOctal(fields[4])).lexically_normal();
        entry.fsType = std::string(fields[i + 1]);
        entry.source = i + 2 < fields.size() ? unescapeOctal(fields[i + 2]) : std::string();
        return entry;
    }
    return std::nullopt;
}

// Length of the mount point in components when it holds `folder`, or -1 ("/home" holds "/home/a", not "/homes").
int prefixDepth(const fs::path& mountPoint, const fs::path& folder) {
    auto m = mountPoint.begin();
    auto f = folder.begin();
    int depth = 0;
    for (; m != mountPoint.end(); ++m, ++f) {
        if (m->empty()) continue;  // a trailing "/" leaves an empty last component
        if (f == folder.end() || *m != *f) return -1;
        ++depth;
    }
    return depth;
}

fs::path resolveFolder(const fs::path& folder) {
    std::error_code ec;
    fs::path absolute = fs::absolute(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return folder.lexically_normal();
    // weakly_canonical follows the symlinks along the part that exists: the data folder may not be made yet.
    fs::path resolved = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : resolved;
}

struct ChainWalk {
    const fs::path& sysRoot;
    std::string cryptLayer;   // the block device name that carries dm-crypt, once found
    bool unreadable = false;  // a device-mapper layer whose uuid could not be read

    bool visit(const fs::path& node, const std::string& name, int depth) {
        if (depth > kMaxChainDepth) return false;
        std::error_code ec;
        if (fs::exists(node / "dm", ec)) {
            const auto uuid = readFirstLine(node / "dm" / "uuid");
            if (!uuid) {
                unreadable = true;
            } else if (uuid->rfind("CRYPT-", 0) == 0 && uuid->rfind("CRYPT-VERITY", 0) != 0 &&
                       uuid->rfind("CRYPT-INTEGRITY", 0) != 0) {
                cryptLayer = name;
                return true;
            }
        }
        // Slaves are the devices this one is built on (LVM on LUKS: dm-1 -> dm-0 -> sda3).
        for (fs::directory_iterator it(node / "slaves", ec), end; !ec && it != end; it.increment(ec)) {
            const std::string below = it->path().filename().string();
            if (visit(sysRoot / "block" / below, below, depth + 1)) return true;
        }
        return false;
    }
};

// btrfs and a few others report an anonymous 0:N device; the source names the real one instead.
std::optional<fs::path> nodeFromSource(const fs::path& sysRoot, const std::string& source, std::string& name) {
    constexpr std::string_view mapper = "/dev/mapper/";
    if (source.rfind(mapper, 0) == 0) {
        const std::string wanted = source.substr(mapper.size());
        std::error_code ec;
        for (fs::directory_iterator it(sysRoot / "block", ec), end; !ec && it != end; it.increment(ec)) {
            if (readFirstLine(it->path() / "dm" / "name") == wanted) {
                name = it->path().filename().string();
                return it->path();
            }
        }
        return std::nullopt;
    }
    if (source.rfind("/dev/", 0) != 0) return std::nullopt;
    name = fs::path(source).filename().string();
    std::error_code ec;
    const fs::path node = sysRoot / "class" / "block" / name;
    return fs::exists(node, ec) ? std::optional<fs::path>(node) : std::nullopt;
}

VolumeReport judgeDevice(const MountEntry& mount, const VolumeSources& sources) {
    VolumeReport report;
    report.device = mount.source.empty() ? mount.fsType : mount.source;
    report.mountPoint = mount.mountPoint;
    const std::string where = report.device + " (" + mount.fsType + ") mounted at " + mount.mountPoint.string();
    if (mount.fsType == "tmpfs" || mount.fsType == "ramfs") {
        report.encrypted = Encryption::no;
        report.device = mount.fsType;
        report.message = "in memory (" + mount.fsType + ") at " + mount.mountPoint.string() +
                         ": it is lost at power-off, and nothing encrypts it if it is swapped out";
        return report;
    }
    std::error_code ec;
    std::string name = mount.majorMinor;
    std::optional<fs::path> node = sources.sysRoot / "dev" / "block" / mount.majorMinor;
    if (!fs::exists(*node, ec)) node = nodeFromSource(sources.sysRoot, mount.source, name);
    if (!node) {
        report.message = "on " + where + ", which is not a block device this check can follow";
        return report;
    }
    ChainWalk walk{sources.sysRoot, {}, false};
    if (walk.visit(*node, name, 0)) {
        report.encrypted = Encryption::yes;
        report.message = "on " + where + ", encrypted by dm-crypt (" + walk.cryptLayer + ")";
    } else if (walk.unreadable) {
        report.message = "on " + where + ", but a device-mapper layer under it could not be read";
    } else {
        report.encrypted = Encryption::no;
        report.message = "on " + where + ", with no dm-crypt layer under it";
    }
    return report;
}

}  // namespace

VolumeReport checkDataVolume(const fs::path& folder, const VolumeSources& sources) {
    std::ifstream in(sources.mountInfo);
    if (!in) {
        VolumeReport report;
        report.message = "cannot read " + sources.mountInfo.string() + " to find the mount";
        return report;
    }
    const fs::path resolved = resolveFolder(folder);
    std::optional<MountEntry> best;
    int bestDepth = -1;
    for (std::string line; std::getline(in, line);) {
        const auto entry = parseMountLine(line);
        if (!entry) continue;
        // ">=": a later mount on the same point hides the earlier one.
        if (const int depth = prefixDepth(entry->mountPoint, resolved); depth >= 0 && depth >= bestDepth) {
            best = entry;
            bestDepth = depth;
        }
    }
    if (!best) {
        VolumeReport report;
        report.message = "no mount in " + sources.mountInfo.string() + " holds " + resolved.string();
        return report;
    }
    return judgeDevice(*best, sources);
}

std::optional<std::string> volumeWarning(const fs::path& folder, const VolumeReport& report) {
    const std::string see = "see kiosk-setup/README.md, 'Full-disk encryption'";
    // A bare "--db reflect.db" has an empty parent: name the working folder rather than print nothing.
    const std::string shown = folder.empty() ? std::string(".") : folder.string();
    switch (report.encrypted) {
        case Encryption::yes:
            return std::nullopt;
        case Encryption::no:
            return "reflect-kiosk: the data folder " + shown + " is not on an encrypted volume (" + report.device +
                   "): " + see;
        case Encryption::unknown:
            break;
    }
    return "reflect-kiosk: could not tell whether the data folder " + shown + " is on an encrypted volume (" +
           report.message + "): " + see;
}

}  // namespace reflect::core
