#!/usr/bin/env bash
# Deployment test: shellcheck, systemd-analyze, the .deb's contents and Depends, a staged install, and a screenshot from it.
# Usage: deploy_test.sh BUILD_DIR SOURCE_DIR [DEB]   (builds the .deb with cpack in BUILD_DIR when it is missing or stale)
set -Eeuo pipefail

readonly KIOSK_USER=reflect-kiosk
readonly EXPECTED_EXEC='/usr/bin/cage -- /usr/bin/reflect-kiosk --kiosk --db /var/lib/reflect-kiosk/reflect.db --config /etc/reflect-kiosk/config.toml'

FAILURES=0
CHECKS=0

ok() {
    CHECKS=$((CHECKS + 1))
    printf 'ok   - %s\n' "$*"
}
bad() {
    CHECKS=$((CHECKS + 1))
    FAILURES=$((FAILURES + 1))
    printf 'FAIL - %s\n' "$*"
}
# A missing prerequisite makes every later result meaningless, so it stops the test at once.
abort() {
    printf 'deploy test: cannot run: %s\n' "$*" >&2
    exit 1
}
trap 'printf "deploy test: unexpected failure at line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2; exit 1' ERR

check() {
    local description=$1
    shift
    if "$@"; then ok "$description"; else bad "$description"; fi
}

(($# >= 2)) || abort "usage: deploy_test.sh BUILD_DIR SOURCE_DIR [DEB]"
BUILD_DIR=$(realpath -- "$1")
SOURCE_DIR=$(realpath -- "$2")
DEB=${3:-}
INSTALL_SH=$SOURCE_DIR/kiosk-setup/install.sh
[[ -f $INSTALL_SH ]] || abort "$INSTALL_SH not found: is $SOURCE_DIR the source folder?"

for tool in shellcheck dpkg-deb xvfb-run cpack; do
    command -v "$tool" >/dev/null 2>&1 || abort "'$tool' is not installed (scripts/setup installs shellcheck, dpkg-dev, xvfb, xauth, cmake)"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/reflect-deploy-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

mode_of() { stat -c '%a' "$1"; }
# Small predicates, so each check below reads as one sentence.
has_lines() {
    local file=$1 line
    shift
    for line in "$@"; do grep -qxF -- "$line" "$file" || return 1; done
}
only_under_usr() { awk '$6 !~ /^\.\/(usr(\/|$)|$)/ { bad = 1 } END { exit bad }' "$1"; }
all_owned_by_root() { awk '$2 != "root/root" { bad = 1 } END { exit bad }' "$1"; }
lacks() { ! grep -Eq -- "$1" "$2"; }
no_files_under() { [[ -z $(cd "$1" && find . -path ./.reflect-kiosk-staging -prune -o -type f -print) ]]; }
is_png() { [[ $(head -c 8 "$1" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; }

# ---------------------------------------------------------------- (a) shellcheck
echo "# shellcheck"
check "shellcheck: install.sh, companion-ap.sh and the deploy tests are clean" \
    shellcheck -x "$INSTALL_SH" "$SOURCE_DIR"/kiosk-setup/companion/companion-ap.sh "$SOURCE_DIR"/tests/deploy/*.sh

# ---------------------------------------------------------------- the .deb
echo "# package"
newest_deb() {
    local candidate newest=""
    for candidate in "$BUILD_DIR"/reflect-kiosk_*.deb; do
        [[ -f $candidate ]] || continue
        if [[ -z $newest || $candidate -nt $newest ]]; then newest=$candidate; fi
    done
    printf '%s' "$newest"
}
built_binary() {
    find "$BUILD_DIR" -path '*/_CPack_Packages' -prune -o -type f -name reflect-kiosk -perm -u+x -print | head -n 1
}
if [[ -z $DEB ]]; then
    DEB=$(newest_deb)
    BINARY=$(built_binary)
    [[ -n $BINARY ]] || abort "no built reflect-kiosk binary in $BUILD_DIR: build the project first"
    # A .deb older than the binary would test yesterday's kiosk.
    if [[ -z $DEB || $BINARY -nt $DEB ]]; then
        echo "building the .deb: (cd $BUILD_DIR && cpack -G DEB)"
        (cd "$BUILD_DIR" && cpack -G DEB >"$WORK/cpack.log" 2>&1) || {
            cat "$WORK/cpack.log" >&2
            abort "cpack -G DEB failed in $BUILD_DIR"
        }
        DEB=$(newest_deb)
    fi
fi
[[ -f $DEB ]] || abort "no reflect-kiosk_*.deb in $BUILD_DIR after cpack"
echo "package under test: $DEB"

# ---------------------------------------------------------------- (d) dpkg-deb inspection
CONTENTS=$WORK/contents.txt
dpkg-deb -c "$DEB" >"$CONTENTS"
field() { dpkg-deb -f "$DEB" "$1"; }
DEPENDS=$(field Depends)
echo "Depends: $DEPENDS"
# Package names alone, one a line: "libglfw3 | libglfw3-wayland, libc6 (>= 2.34)" gives three names.
DEPENDS_NAMES=$(awk -v RS='[,|]' '{ sub(/\(.*/, ""); gsub(/[[:space:]]/, ""); if ($0 != "") print }' <<<"$DEPENDS")
depends_on() { grep -qxF -- "$1" <<<"$DEPENDS_NAMES"; }

check "control: Package is reflect-kiosk" test "$(field Package)" = reflect-kiosk
if command -v dpkg >/dev/null 2>&1; then
    check "control: Architecture matches this machine ($(dpkg --print-architecture))" \
        test "$(field Architecture)" = "$(dpkg --print-architecture)"
fi
check "control: Maintainer and Description are filled in" test -n "$(field Maintainer)" -a -n "$(field Description)"
for package in libglfw3 libsqlite3-0 libsodium23 libfmt9 libgl1 fonts-noto-core fonts-dejavu-core; do
    check "Depends lists $package" depends_on "$package"
done
check "Recommends lists cage" grep -q cage <<<"$(field Recommends)"

in_deb() { grep -Eq "$1" "$CONTENTS"; }
check "contents: usr/bin/reflect-kiosk, executable, owned by root" in_deb '^-rwxr-xr-x root/root .* \./usr/bin/reflect-kiosk$'
check "contents: templates in usr/share/reflect-kiosk/templates/*.toml" in_deb ' \./usr/share/reflect-kiosk/templates/[^/]+\.toml$'
check "contents: signposts and codebook" in_deb ' \./usr/share/reflect-kiosk/signposts\.toml$'
check "contents: the default config" in_deb ' \./usr/share/reflect-kiosk/config\.example\.toml$'
check "contents: install.sh, executable" in_deb '^-rwxr-xr-x .* \./usr/share/reflect-kiosk/kiosk-setup/install\.sh$'
for file in reflect-kiosk.service logind-reflect-kiosk.conf sysctl-reflect-kiosk.conf README.md; do
    check "contents: kiosk-setup/$file" in_deb " \./usr/share/reflect-kiosk/kiosk-setup/$file$"
done
check "contents: companion/companion-ap.sh, executable" \
    in_deb '^-rwxr-xr-x .* \./usr/share/reflect-kiosk/kiosk-setup/companion/companion-ap\.sh$'
for file in companion-network.conf reflect-kiosk-ap-firewall.service reflect-kiosk-ap-rotate.service \
    reflect-kiosk-ap-rotate.timer; do
    check "contents: kiosk-setup/companion/$file" in_deb " \./usr/share/reflect-kiosk/kiosk-setup/companion/$file$"
done
check "contents: the man page" in_deb ' \./usr/share/man/man1/reflect-kiosk\.1(\.gz)?$'
# Files outside /usr would be dpkg-owned system configuration, which install.sh manages instead.
check "contents: nothing outside /usr" only_under_usr "$CONTENTS"
check "contents: everything owned by root" all_owned_by_root "$CONTENTS"

# ---------------------------------------------------------------- lintian
echo "# lintian"
if command -v lintian >/dev/null 2>&1; then
    # Errors are policy violations Debian would reject the package for; warnings are printed, not fatal.
    lintian --tag-display-limit 0 "$DEB" >"$WORK/lintian.out" 2>&1 || true
    cat "$WORK/lintian.out"
    lintian_errors=$(grep -c '^E: ' "$WORK/lintian.out" || true)
    check "lintian: no errors ($lintian_errors found)" test "$lintian_errors" -eq 0
    check "contents: a machine-readable copyright file" \
        in_deb ' \./usr/share/doc/reflect-kiosk/copyright$'
    check "contents: changelog.Debian.gz" in_deb ' \./usr/share/doc/reflect-kiosk/changelog\.Debian\.gz$'
    check "contents: the man page is gzipped" in_deb ' \./usr/share/man/man1/reflect-kiosk\.1\.gz$'
else
    bad "lintian is not installed (scripts/setup installs it)"
fi

# ---------------------------------------------------------------- (c) staged install
echo "# staged install"
STAGE=$WORK/stage
run_install() { bash "$INSTALL_SH" "$@" >"$WORK/install.out" 2>"$WORK/install.err"; }
USER_BEFORE=$(getent passwd "$KIOSK_USER" || true)
if run_install --root "$STAGE" --deb "$DEB"; then
    ok "install.sh --root STAGE --deb DEB succeeds"
else
    bad "install.sh --root STAGE --deb DEB succeeds"
    cat "$WORK/install.out" "$WORK/install.err" >&2
    abort "the staged install failed; later checks need it"
fi

UNIT=$STAGE/etc/systemd/system/reflect-kiosk.service
CONFIG=$STAGE/etc/reflect-kiosk/config.toml
LOGIND=$STAGE/etc/systemd/logind.conf.d/reflect-kiosk.conf
SYSCTL=$STAGE/etc/sysctl.d/90-reflect-kiosk.conf
OWNERS=$STAGE/.reflect-kiosk-staging/owners
ACTIONS=$STAGE/.reflect-kiosk-staging/actions

check "staged: binary is executable" test -x "$STAGE/usr/bin/reflect-kiosk"
check "staged: data folder is 0700" test "$(mode_of "$STAGE/var/lib/reflect-kiosk")" = 700
check "staged: backups folder is 0700" test "$(mode_of "$STAGE/var/lib/reflect-kiosk/backups")" = 700
check "staged: settings folder is 0750" test "$(mode_of "$STAGE/etc/reflect-kiosk")" = 750
check "staged: config.toml is 0640" test "$(mode_of "$CONFIG")" = 640
check "staged: config.toml is the shipped default" cmp -s "$CONFIG" "$STAGE/usr/share/reflect-kiosk/config.example.toml"
check "staged: unit is 0644" test "$(mode_of "$UNIT")" = 644
check "staged: logind drop-in is 0644" test "$(mode_of "$LOGIND")" = 644
check "staged: sysctl drop-in is 0644" test "$(mode_of "$SYSCTL")" = 644

owner_is() { grep -qx "$1 $2 $3" "$OWNERS"; }
check "owners: data folder 0700 $KIOSK_USER:$KIOSK_USER" owner_is 700 "$KIOSK_USER:$KIOSK_USER" /var/lib/reflect-kiosk
check "owners: backups folder 0700 $KIOSK_USER:$KIOSK_USER" owner_is 700 "$KIOSK_USER:$KIOSK_USER" /var/lib/reflect-kiosk/backups
check "owners: settings folder 0750 root:$KIOSK_USER" owner_is 750 "root:$KIOSK_USER" /etc/reflect-kiosk
check "owners: config.toml 0640 root:$KIOSK_USER" owner_is 640 "root:$KIOSK_USER" /etc/reflect-kiosk/config.toml
check "owners: unit 0644 root:root" owner_is 644 root:root /etc/systemd/system/reflect-kiosk.service

unit_has() { grep -qxF "$1" "$UNIT"; }
check "unit: ExecStart runs the kiosk in cage with the installed paths" unit_has "ExecStart=$EXPECTED_EXEC"
for line in Restart=always RestartSec=1 StartLimitIntervalSec=0 "User=$KIOSK_USER" PAMName=login TTYPath=/dev/tty1 \
    StandardInput=tty-fail StandardOutput=journal Conflicts=getty@tty1.service LimitCORE=0 NoNewPrivileges=yes \
    ProtectSystem=strict "InaccessiblePaths=-/home -/root" ReadWritePaths=-/run/user PrivateTmp=yes \
    IPAddressDeny=any; do
    check "unit: $line" unit_has "$line"
done
check "logind: NAutoVTs=0 and ReserveVT=0" has_lines "$LOGIND" NAutoVTs=0 ReserveVT=0
check "sysctl: kernel.sysrq = 0 and core dumps discarded" \
    has_lines "$SYSCTL" "kernel.sysrq = 0" "kernel.core_pattern = |/bin/false"

action_was() { grep -qF -- "$1" "$ACTIONS"; }
check "would install cage and the .deb with apt-get" action_was "apt-get install -y --no-install-recommends cage xwayland"
check "would create a system user with no login shell" action_was "useradd --system --user-group --home-dir /var/lib/reflect-kiosk --no-create-home --shell /usr/sbin/nologin $KIOSK_USER"
check "would mask getty@tty1" action_was "systemctl mask getty@tty1.service"
check "would enable the service" action_was "systemctl enable reflect-kiosk.service"
check "staging created no user on this machine" test "$(getent passwd "$KIOSK_USER" || true)" = "$USER_BEFORE"

# ---------------------------------------------------------------- (b) systemd-analyze verify
echo "# systemd-analyze verify"
if command -v systemd-analyze >/dev/null 2>&1; then
    UNITS=$WORK/units
    mkdir -p "$UNITS"
    cp "$UNIT" "$UNITS/"
    # verify checks that ExecStart's program exists on this machine: a stand-in keeps the check
    # meaningful for every other line where cage is not installed.
    if [[ ! -x /usr/bin/cage ]]; then
        echo "note: /usr/bin/cage is not installed here; verifying with a stand-in for it"
        printf '#!/bin/sh\nexit 0\n' >"$WORK/cage"
        chmod +x "$WORK/cage"
        sed -i "s|^ExecStart=/usr/bin/cage |ExecStart=$WORK/cage |" "$UNITS/reflect-kiosk.service"
    fi
    # Documentation=man:reflect-kiosk(1) is checked with man, so point it at the staged page.
    VERIFY_OPTIONS=()
    if ! command -v man >/dev/null 2>&1; then
        echo "note: man is not installed here; verifying without the Documentation= check"
        VERIFY_OPTIONS=(--man=no)
    fi
    verify_unit() { MANPATH=$STAGE/usr/share/man systemd-analyze verify "${VERIFY_OPTIONS[@]}" "$UNITS/reflect-kiosk.service"; }
    if verify_unit >"$WORK/verify.out" 2>&1 &&
        [[ ! -s $WORK/verify.out ]]; then
        ok "systemd-analyze verify: the unit loads with no warnings"
    else
        bad "systemd-analyze verify: the unit loads with no warnings"
        cat "$WORK/verify.out" >&2
    fi
else
    echo "skip - systemd-analyze verify: systemd-analyze is not installed (apt-get install systemd)"
fi

# ---------------------------------------------------------------- (e) the staged binary under Xvfb
echo "# screenshot from the staged layout"
SHOT=$WORK/s.png
# A sanitizer build would otherwise fail on leaks inside Mesa and Xlib, which are not the kiosk's.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
if timeout 180 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$STAGE/usr/bin/reflect-kiosk" --assets "$STAGE/usr/share/reflect-kiosk" --config "$CONFIG" \
    --db "$WORK/r.db" --windowed --screenshot "$SHOT" --screen home >"$WORK/run.out" 2>"$WORK/run.err"; then
    ok "staged binary runs under Xvfb with --screenshot"
else
    bad "staged binary runs under Xvfb with --screenshot (exit $?)"
    cat "$WORK/run.out" "$WORK/run.err" >&2
fi
check "screenshot is a PNG" is_png "$SHOT"
SIZE=$(stat -c '%s' "$SHOT" 2>/dev/null || echo 0)
check "screenshot is bigger than 10 kB ($SIZE bytes)" test "$SIZE" -gt 10240
check "the shipped config.toml gives no issues in the real binary" lacks 'config\.toml:[0-9]+:' "$WORK/run.err"

# The libraries the binary really loads must all come from packages named in Depends.
if command -v objdump >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
    missing=""
    arch=$(dpkg --print-architecture)
    while read -r library; do
        # Only this architecture's copy: libm.so.6 is also in libc6-i386, which the kiosk never loads.
        owner=$(dpkg -S "*/$library" 2>/dev/null | grep -F ":$arch: " | head -n 1 | cut -d: -f1) || true
        [[ -n $owner ]] || continue
        depends_on "$owner" || missing+=" $library($owner)"
    done < <(objdump -p "$STAGE/usr/bin/reflect-kiosk" | awk '/NEEDED/ { print $2 }')
    check "Depends covers every library the binary links${missing:+: missing$missing}" test -z "$missing"
fi

# ---------------------------------------------------------------- install.sh: idempotence, backup folder, failures
echo "# install.sh behaviour"
snapshot() {
    (cd "$STAGE" && find . -path ./.reflect-kiosk-staging -prune -o -printf '%p %m %y\n' | sort &&
        find . -path ./.reflect-kiosk-staging -prune -o -type f -print0 | sort -z | xargs -0 md5sum)
}
printf '\n# a note an admin wrote\n' >>"$CONFIG"
snapshot >"$WORK/before.txt"
if run_install --root "$STAGE" --deb "$DEB"; then ok "a second install succeeds"; else bad "a second install succeeds"; fi
snapshot >"$WORK/after.txt"
check "a second install changes nothing, and keeps the edited config.toml" cmp -s "$WORK/before.txt" "$WORK/after.txt"
check "a second install says it kept the settings" grep -q "keeping your settings" "$WORK/install.out"

DROPIN=$STAGE/etc/systemd/system/reflect-kiosk.service.d/backup-folder.conf
# The way an admin does it: switch on the commented line at the top level of the file.
sed -i 's|^#backup_dir = ""|backup_dir = "/media/reflect-backup"|' "$CONFIG"
run_install --root "$STAGE" --deb "$DEB" || true
check "backup_dir outside the data folder gets a ReadWritePaths drop-in" grep -qx 'ReadWritePaths=-/media/reflect-backup' "$DROPIN"
if command -v systemd-analyze >/dev/null 2>&1; then
    mkdir -p "$UNITS/reflect-kiosk.service.d"
    cp "$DROPIN" "$UNITS/reflect-kiosk.service.d/" 2>/dev/null || true
    verify_unit >"$WORK/verify.out" 2>&1 || true
    check "systemd-analyze verify: the unit with the backup drop-in loads with no warnings" test ! -s "$WORK/verify.out"
fi
sed -i 's|^backup_dir = .*|backup_dir = "/media/usb stick"|' "$CONFIG"
if run_install --root "$STAGE" --deb "$DEB"; then
    bad "a backup_dir with a space is refused"
else
    check "a backup_dir with a space is refused with one error line naming backup_dir" \
        test "$(grep -c 'error:.*backup_dir' "$WORK/install.err")" = 1
fi
sed -i '/^backup_dir = /d' "$CONFIG"
run_install --root "$STAGE" --deb "$DEB" || true
check "removing backup_dir removes the drop-in" test ! -e "$DROPIN"

expect_exit() {
    local want=$1
    shift
    local got=0
    bash "$INSTALL_SH" "$@" >"$WORK/fail.out" 2>"$WORK/fail.err" || got=$?
    [[ $got == "$want" ]] && [[ $(wc -l <"$WORK/fail.err") == 1 ]]
}
expect_exit_quietly() {
    local want=$1 got=0
    shift
    bash "$INSTALL_SH" "$@" >"$WORK/quiet.out" 2>&1 || got=$?
    [[ $got == "$want" ]] && grep -q '^Usage: install.sh' "$WORK/quiet.out"
}
echo "not a package" >"$WORK/fake.deb"
check "a missing .deb: exit 1 with one line" expect_exit 1 --root "$WORK/other" --deb "$WORK/none.deb"
check "a file that is not a .deb: exit 1 with one line" expect_exit 1 --root "$WORK/other" --deb "$WORK/fake.deb"
check "an unknown option: exit 2 with one line" expect_exit 2 --frobnicate
check "--purge without --uninstall: exit 2 with one line" expect_exit 2 --purge
check "--help exits 0 and shows the usage" expect_exit_quietly 0 --help

# ---------------------------------------------------------------- uninstall keeps data unless --purge
echo "# uninstall"
printf 'not really a database\n' >"$STAGE/var/lib/reflect-kiosk/reflect.db"
if run_install --root "$STAGE" --uninstall; then ok "--uninstall succeeds"; else bad "--uninstall succeeds"; fi
check "--uninstall removes the unit, logind and sysctl files" test ! -e "$UNIT" -a ! -e "$LOGIND" -a ! -e "$SYSCTL"
check "--uninstall removes the package files" test ! -e "$STAGE/usr/bin/reflect-kiosk" -a ! -e "$STAGE/usr/share/reflect-kiosk"
check "--uninstall keeps the database" test -f "$STAGE/var/lib/reflect-kiosk/reflect.db"
check "--uninstall keeps config.toml" test -f "$CONFIG"
check "--uninstall would unmask getty@tty1" action_was "systemctl unmask getty@tty1.service"
if run_install --root "$STAGE" --uninstall --purge; then ok "--uninstall --purge succeeds"; else bad "--uninstall --purge succeeds"; fi
check "--purge deletes the data and the settings" test ! -e "$STAGE/var/lib/reflect-kiosk" -a ! -e "$STAGE/etc/reflect-kiosk"
check "--purge leaves nothing of the kiosk behind" no_files_under "$STAGE"

echo
if ((FAILURES > 0)); then
    echo "deploy test: $FAILURES of $CHECKS checks failed"
    exit 1
fi
echo "deploy test: all $CHECKS checks passed"
