// The data-folder encryption check, against fake /proc/self/mountinfo and /sys trees built per test.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "core/support/volume_check.hpp"
#include "support/temp_dir.hpp"

using namespace reflect;
namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

// One mountinfo line as the kernel writes it, with an optional field before the "-" separator.
std::string mountLine(int id, const std::string& majMin, const std::string& point, const std::string& type,
                      const std::string& source) {
    return std::to_string(id) + " 1 " + majMin + " / " + point + " rw,relatime shared:" + std::to_string(id) + " - " +
           type + " " + source + " rw\n";
}

// A /sys tree: /sys/dev/block/MAJ:MIN stands for the kernel's symlink, /sys/block/NAME for the slaves' targets.
struct FakeSystem {
    test::TempDir dir;
    core::VolumeSources sources{dir / "mountinfo", dir / "sys"};

    void mounts(const std::string& text) const { writeFile(sources.mountInfo, text); }
    void dmDevice(const std::string& majMin, const std::string& name, const std::string& uuid,
                  const std::string& slave) const {
        for (const fs::path& node : {sources.sysRoot / "dev" / "block" / majMin, sources.sysRoot / "block" / name}) {
            writeFile(node / "dm" / "uuid", uuid + "\n");
            writeFile(node / "dm" / "name", name + "\n");
            fs::create_directories(node / "slaves" / slave);
        }
    }
    void plainDevice(const std::string& majMin) const {
        fs::create_directories(sources.sysRoot / "dev" / "block" / majMin);
    }
};

}  // namespace

TEST_CASE("a data folder on a LUKS root is reported encrypted and the admin is not warned", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(21, "0:21", "/proc", "proc", "proc") +
               mountLine(26, "253:0", "/", "ext4", "/dev/mapper/root"));
    sys.dmDevice("253:0", "dm-0", "CRYPT-LUKS2-3f2a9c1e0b7d4e5f8a6b2c3d4e5f6a7b-root", "nvme0n1p3");
    const auto report = core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources);
    CHECK(report.encrypted == core::Encryption::yes);
    CHECK(report.device == "/dev/mapper/root");
    CHECK(report.mountPoint == fs::path("/"));
    CHECK_FALSE(core::volumeWarning("/var/lib/reflect-kiosk", report).has_value());
}

TEST_CASE("LVM on top of LUKS counts as encrypted through the slaves chain", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "253:1", "/", "ext4", "/dev/mapper/vg-root"));
    sys.dmDevice("253:1", "dm-1", "LVM-Qw3rTy8uIo9pAs2dFg4hJk6lZx7cVb1nM0qW3eR5tY7uI9oP1aS3dF5gH7jK9lZ1", "dm-0");
    sys.dmDevice("253:0", "dm-0", "CRYPT-LUKS2-0011223344556677889900aabbccddee-sda3_crypt", "sda3");
    const auto report = core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources);
    CHECK(report.encrypted == core::Encryption::yes);
    CHECK(report.message.find("dm-0") != std::string::npos);
}

TEST_CASE("a plain ext4 root gives the admin the exact warning line", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "8:2", "/", "ext4", "/dev/sda2"));
    sys.plainDevice("8:2");
    const auto report = core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources);
    CHECK(report.encrypted == core::Encryption::no);
    CHECK(report.device == "/dev/sda2");
    CHECK(core::volumeWarning("/var/lib/reflect-kiosk", report) ==
          "reflect-kiosk: the data folder /var/lib/reflect-kiosk is not on an encrypted volume (/dev/sda2): "
          "see kiosk-setup/README.md, 'Full-disk encryption'");
    CHECK(core::volumeWarning("", report)->find("the data folder . is not") != std::string::npos);
}

TEST_CASE("dm-verity and dm-integrity layers are not mistaken for encryption", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "253:2", "/", "ext4", "/dev/mapper/usr"));
    sys.dmDevice("253:2", "dm-2", "CRYPT-VERITY-5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b-usr", "dm-3");
    sys.dmDevice("253:3", "dm-3", "CRYPT-INTEGRITY-aabbccddeeff00112233445566778899-int", "sdb1");
    CHECK(core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources).encrypted == core::Encryption::no);
}

TEST_CASE("a data folder on tmpfs is not encrypted and the line names tmpfs", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "8:2", "/", "ext4", "/dev/sda2") + mountLine(30, "0:31", "/var/lib", "tmpfs", "tmpfs"));
    sys.plainDevice("8:2");
    const auto report = core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources);
    CHECK(report.encrypted == core::Encryption::no);
    CHECK(report.device == "tmpfs");
    CHECK(report.mountPoint == fs::path("/var/lib"));
    CHECK(core::volumeWarning("/var/lib/reflect-kiosk", report)->find("(tmpfs)") != std::string::npos);
}

TEST_CASE("a folder on an encrypted /home is encrypted while a plain root is not", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "8:2", "/", "ext4", "/dev/sda2") +
               mountLine(27, "253:0", "/home", "ext4", "/dev/mapper/home"));
    sys.plainDevice("8:2");
    sys.dmDevice("253:0", "dm-0", "CRYPT-LUKS2-99887766554433221100ffeeddccbbaa-home", "sda3");
    CHECK(core::checkDataVolume("/home/kiosk/reflect", sys.sources).encrypted == core::Encryption::yes);
    CHECK(core::checkDataVolume("/home", sys.sources).encrypted == core::Encryption::yes);
    // "/homes" shares the letters of "/home" but is not under it.
    CHECK(core::checkDataVolume("/homes/kiosk", sys.sources).encrypted == core::Encryption::no);
    CHECK(core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources).encrypted == core::Encryption::no);
}

TEST_CASE("symlinks of the data folder are followed to the mount that really holds it", "[volume]") {
    FakeSystem sys;
    const fs::path real = fs::canonical(sys.dir.path()) / "encrypted-disk";
    fs::create_directories(real / "reflect");
    fs::create_directory_symlink(real / "reflect", sys.dir / "data-link");
    sys.mounts(mountLine(26, "8:2", "/", "ext4", "/dev/sda2") +
               mountLine(40, "253:0", real.string(), "ext4", "/dev/mapper/data"));
    sys.plainDevice("8:2");
    sys.dmDevice("253:0", "dm-0", "CRYPT-LUKS2-0123456789abcdef0123456789abcdef-data", "sdb1");
    const auto report = core::checkDataVolume(sys.dir / "data-link", sys.sources);
    CHECK(report.encrypted == core::Encryption::yes);
    CHECK(report.mountPoint == real);
}

TEST_CASE("mount points with escaped spaces and later mounts over earlier ones are read right", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "8:2", "/", "ext4", "/dev/sda2") +
               mountLine(41, "253:0", "/srv/kiosk\\040data", "ext4", "/dev/mapper/srv") +
               mountLine(50, "8:2", "/mnt", "ext4", "/dev/sda2") +
               mountLine(51, "253:0", "/mnt", "ext4", "/dev/mapper/srv"));
    sys.plainDevice("8:2");
    sys.dmDevice("253:0", "dm-0", "CRYPT-LUKS1-00112233445566778899aabbccddeeff-srv", "sdc1");
    CHECK(core::checkDataVolume("/srv/kiosk data/reflect", sys.sources).encrypted == core::Encryption::yes);
    CHECK(core::checkDataVolume("/srv/kiosk/reflect", sys.sources).encrypted == core::Encryption::no);
    CHECK(core::checkDataVolume("/mnt/reflect", sys.sources).encrypted == core::Encryption::yes);
}

TEST_CASE("btrfs on LUKS is followed from its /dev/mapper source despite the anonymous device number", "[volume]") {
    FakeSystem sys;
    sys.mounts(mountLine(26, "0:25", "/", "btrfs", "/dev/mapper/luks-root"));
    sys.dmDevice("253:0", "dm-0", "CRYPT-LUKS2-ffeeddccbbaa99887766554433221100-luks-root", "nvme0n1p2");
    fs::remove_all(sys.sources.sysRoot / "dev");
    writeFile(sys.sources.sysRoot / "block" / "dm-0" / "dm" / "name", "luks-root\n");
    CHECK(core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources).encrypted == core::Encryption::yes);
}

TEST_CASE("what cannot be read gives unknown and a softer line, never a false all-clear", "[volume]") {
    FakeSystem sys;
    SECTION("no mountinfo") {
        const auto report = core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources);
        CHECK(report.encrypted == core::Encryption::unknown);
        const auto line = core::volumeWarning("/var/lib/reflect-kiosk", report);
        REQUIRE(line.has_value());
        CHECK(line->rfind("reflect-kiosk: could not tell whether the data folder /var/lib/reflect-kiosk", 0) == 0);
        CHECK(line->find("'Full-disk encryption'") != std::string::npos);
    }
    SECTION("an overlay root, as in a container") {
        sys.mounts(mountLine(26, "0:52", "/", "overlay", "overlay"));
        CHECK(core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources).encrypted == core::Encryption::unknown);
    }
    SECTION("a device-mapper layer whose uuid is unreadable") {
        sys.mounts(mountLine(26, "253:0", "/", "ext4", "/dev/mapper/root"));
        fs::create_directories(sys.sources.sysRoot / "dev" / "block" / "253:0" / "dm");
        CHECK(core::checkDataVolume("/var/lib/reflect-kiosk", sys.sources).encrypted == core::Encryption::unknown);
    }
}

TEST_CASE("the real system gives an answer without throwing", "[volume]") {
    const auto report = core::checkDataVolume(fs::temp_directory_path(), core::VolumeSources{});
    CHECK_FALSE(report.message.empty());
}
