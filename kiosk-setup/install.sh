#!/usr/bin/env bash
# Turns a Debian 12 / Raspberry Pi OS bookworm box into a Reflect Kiosk (or stages the same files in a folder for tests).
set -Eeuo pipefail

readonly PACKAGE=reflect-kiosk
readonly KIOSK_USER=reflect-kiosk
readonly SERVICE=reflect-kiosk.service
readonly DATA_DIR=/var/lib/reflect-kiosk
readonly CACHE_DIR=/var/cache/reflect-kiosk
readonly CONFIG_DIR=/etc/reflect-kiosk
readonly CONFIG_FILE=$CONFIG_DIR/config.toml
readonly SHARE_DIR=/usr/share/reflect-kiosk
readonly SETUP_DIR=$SHARE_DIR/kiosk-setup
readonly UNIT_FILE=/etc/systemd/system/$SERVICE
readonly DROPIN_DIR=/etc/systemd/system/$SERVICE.d
readonly BACKUP_DROPIN=$DROPIN_DIR/backup-folder.conf
readonly LOGIND_FILE=/etc/systemd/logind.conf.d/reflect-kiosk.conf
readonly SYSCTL_FILE=/etc/sysctl.d/90-reflect-kiosk.conf
readonly DM_RECORD=$CONFIG_DIR/display-manager.disabled
readonly STAGE_NOTES=.reflect-kiosk-staging
# xwayland: GLFW built for X11 (Debian's libglfw3) reaches cage through it. dbus and libpam-systemd:
# the logind session that hands cage the screen and input devices.
readonly SYSTEM_PACKAGES=(cage xwayland dbus libpam-systemd)

ROOT=""
DEB=""
REBOOT_NEEDED=no
MODE=install
PURGE=no
ASSUME_YES=no
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)

say() { printf 'reflect-kiosk setup: %s\n' "$*"; }
warn() { printf 'reflect-kiosk setup: warning: %s\n' "$*" >&2; }
die() {
    printf 'reflect-kiosk setup: error: %s\n' "$*" >&2
    exit 1
}
usage_error() {
    printf 'reflect-kiosk setup: %s (see --help)\n' "$*" >&2
    exit 2
}
# Anything not caught by an explicit check still ends with one line saying what failed, never silently.
on_unexpected_error() {
    local status=$1 line=$2 command=$3
    printf 'reflect-kiosk setup: error: "%s" failed (exit %s, install.sh line %s)\n' "$command" "$status" "$line" >&2
    exit 1
}
trap 'on_unexpected_error $? $LINENO "$BASH_COMMAND"' ERR

usage() {
    cat <<EOF
Usage: install.sh [--deb FILE] [--root DIR]
       install.sh --uninstall [--purge [--yes]] [--root DIR]

Turns this machine into a Reflect Kiosk: installs the package and cage; creates the locked-down
user "$KIOSK_USER", the data folder $DATA_DIR (0700) and the settings
$CONFIG_FILE (kept if present); adds a systemd service that runs the kiosk
full screen on tty1 and restarts it within seconds; switches off login prompts on other consoles,
the SysRq keys and core dumps. Safe to run again, for example after an update.

Options:
  --deb FILE    the reflect-kiosk .deb to install (default: the newest reflect-kiosk_*.deb
                next to this script or in ./build; if there is none, the installed one is kept)
  --root DIR    stage everything under DIR, for tests: the package is unpacked there, nothing is
                installed with apt, no user is created and no service is started; the owners
                it would set go to DIR/$STAGE_NOTES/owners, the commands
                it would run to DIR/$STAGE_NOTES/actions
  --uninstall   stop and remove the service, the system settings and the package; keeps the
                data and the settings
  --purge       with --uninstall: also delete the data, the settings and the user (asks first)
  --yes         with --purge: do not ask (for scripts)
  -h, --help    show this help

Exit status: 0 done, 1 failed (the last line says why), 2 wrong options.
EOF
}

parse_args() {
    while (($# > 0)); do
        case $1 in
            --deb)
                (($# >= 2)) || usage_error "--deb needs a FILE"
                DEB=$2
                shift 2
                ;;
            --root)
                if (($# < 2)) || [[ -z $2 ]]; then usage_error "--root needs a DIR"; fi
                ROOT=$2
                shift 2
                ;;
            --uninstall) MODE=uninstall; shift ;;
            --purge) PURGE=yes; shift ;;
            --yes) ASSUME_YES=yes; shift ;;
            -h | --help) usage; exit 0 ;;
            *) usage_error "unknown option: $1" ;;
        esac
    done
    if [[ $PURGE == yes && $MODE != uninstall ]]; then usage_error "--purge only goes with --uninstall"; fi
    if [[ $MODE == uninstall && -n $DEB ]]; then usage_error "--deb does not go with --uninstall"; fi
    if [[ -n $ROOT ]]; then
        ROOT=$(realpath -m -- "$ROOT")
        # Staging over the live system would do a real install without the real install's steps.
        [[ $ROOT != / ]] || usage_error "--root / is this machine: leave --root out for a real install"
    fi
}

staging() { [[ -n $ROOT ]]; }
at() { printf '%s%s' "$ROOT" "$1"; }

# A system-changing command: run for real, or written down in staging so tests can see what would happen.
system() {
    if staging; then
        printf '%s\n' "$*" >>"$(at "/$STAGE_NOTES/actions")"
        return 0
    fi
    "$@"
}

# Ownership for real, or written down in staging, where the kiosk user does not exist.
own() {
    local owner=$1 path=$2
    if staging; then
        printf '%s %s %s\n' "$(stat -c '%a' "$(at "$path")")" "$owner" "$path" >>"$(at "/$STAGE_NOTES/owners")"
    else
        chown "$owner" "$path"
    fi
}

make_dir() {
    local path=$1 mode=$2 owner=$3
    mkdir -p "$(at "$path")" || die "cannot create $(at "$path")"
    chmod "$mode" "$(at "$path")"
    own "$owner" "$path"
}

# Copies a file from the installed package, so the unit always matches the binary it starts.
place() {
    local source=$1 dest=$2 mode=$3
    [[ -f $(at "$source") ]] || die "$(at "$source") is missing: the installed package is incomplete or too old"
    install -D -m "$mode" "$(at "$source")" "$(at "$dest")" || die "cannot write $(at "$dest")"
    own root:root "$dest"
}

check_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not available; this script needs Debian 12 or Raspberry Pi OS bookworm"
    done
}

preflight() {
    if staging; then
        check_tools dpkg-deb tar install stat
        mkdir -p "$ROOT/$STAGE_NOTES" || die "cannot create the staging folder $ROOT"
        # The actions file tells what the latest run would have done on a real machine.
        : >"$ROOT/$STAGE_NOTES/actions"
        return
    fi
    ((EUID == 0)) || die "run as root: sudo $0${*:+ $*}"
    check_tools dpkg dpkg-deb dpkg-query apt-get systemctl useradd usermod userdel passwd getent sysctl install stat
}

newest_deb() {
    local candidate newest=""
    for candidate in "$SCRIPT_DIR"/"$PACKAGE"_*.deb "$PWD"/build/"$PACKAGE"_*.deb; do
        [[ -f $candidate ]] || continue
        if [[ -z $newest || $candidate -nt $newest ]]; then newest=$candidate; fi
    done
    printf '%s' "$newest"
}

choose_deb() {
    if [[ -z $DEB ]]; then DEB=$(newest_deb); fi
    if [[ -z $DEB ]]; then
        if ! staging && dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q 'ok installed'; then
            say "no .deb given or found: keeping the installed $PACKAGE $(dpkg-query -W -f='${Version}' "$PACKAGE")"
            return
        fi
        die "no $PACKAGE .deb found next to this script or in ./build: give one with --deb FILE"
    fi
    [[ -f $DEB && -r $DEB ]] || die "cannot read the package $DEB"
    [[ $DEB == /* ]] || DEB=$PWD/$DEB
    local name
    name=$(dpkg-deb -f "$DEB" Package 2>/dev/null) || die "$DEB is not a Debian package"
    [[ $name == "$PACKAGE" ]] || die "$DEB holds the package '$name', not $PACKAGE"
    if ! staging; then
        local arch machine
        arch=$(dpkg-deb -f "$DEB" Architecture)
        machine=$(dpkg --print-architecture)
        [[ $arch == "$machine" || $arch == all ]] || die "$DEB is built for $arch but this machine is $machine"
    fi
    say "package: $DEB ($(dpkg-deb -f "$DEB" Version))"
}

install_packages() {
    if staging; then
        [[ -n $DEB ]] || return 0
        dpkg-deb -x "$DEB" "$ROOT" || die "cannot unpack $DEB into $ROOT"
        # The list lets --uninstall remove exactly what was unpacked.
        dpkg-deb --fsys-tarfile "$DEB" | tar -t | sed 's|^\./|/|' >"$ROOT/$STAGE_NOTES/package-files"
        system apt-get install -y --no-install-recommends "${SYSTEM_PACKAGES[@]}" "$DEB"
        say "unpacked $PACKAGE into $ROOT"
        return
    fi
    local targets=("${SYSTEM_PACKAGES[@]}")
    if [[ -n $DEB ]]; then targets+=("$DEB"); fi
    say "installing ${targets[*]} with apt-get"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${targets[@]}"; then
        die "apt-get could not install the kiosk and what it needs (see above); run 'apt-get update' and check the archive is reachable"
    fi
}

create_user() {
    if staging; then
        system useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$KIOSK_USER"
        say "staging: no user created; intended owners are in $ROOT/$STAGE_NOTES/owners"
        return
    fi
    if getent passwd "$KIOSK_USER" >/dev/null; then
        say "user $KIOSK_USER already exists"
    else
        useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin \
            --comment "Reflect Kiosk" "$KIOSK_USER" || die "cannot create the system user $KIOSK_USER"
        say "created the system user $KIOSK_USER (no password, no login shell)"
    fi
    # An existing account may have been made by hand: make sure nobody can log in with it.
    if [[ $(getent passwd "$KIOSK_USER" | cut -d: -f7) != /usr/sbin/nologin ]]; then
        usermod --shell /usr/sbin/nologin "$KIOSK_USER"
    fi
    if [[ $(passwd -S "$KIOSK_USER" | awk '{ print $2 }') != L ]]; then usermod --lock "$KIOSK_USER"; fi
    local group
    # Belt and braces: logind already grants the active session its screen and input devices.
    for group in video render input; do
        if getent group "$group" >/dev/null; then usermod -a -G "$group" "$KIOSK_USER"; fi
    done
}

install_config() {
    make_dir "$CONFIG_DIR" 0750 "root:$KIOSK_USER"
    if [[ -e $(at "$CONFIG_FILE") ]]; then
        say "keeping your settings in $CONFIG_FILE"
    else
        [[ -f $(at "$SHARE_DIR/config.example.toml") ]] || die "$(at "$SHARE_DIR/config.example.toml") is missing: the installed package is incomplete"
        install -m 0640 "$(at "$SHARE_DIR/config.example.toml")" "$(at "$CONFIG_FILE")" || die "cannot write $(at "$CONFIG_FILE")"
        say "wrote default settings to $CONFIG_FILE (edit it, then: systemctl restart reflect-kiosk)"
    fi
    # Readable by the kiosk, writable by root only; kept even if someone loosened it.
    chmod 0640 "$(at "$CONFIG_FILE")"
    own "root:$KIOSK_USER" "$CONFIG_FILE"
}

# The top-level backup_dir value from config.toml, "" when unset; the kiosk itself validates the rest.
configured_backup_dir() {
    sed -n '/^[[:space:]]*\[/q; s/^[[:space:]]*backup_dir[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' \
        "$(at "$CONFIG_FILE")" | tail -n 1
}

# ProtectSystem=strict makes every folder read-only unless the unit names it, so a backup folder
# outside the data folder needs its own line in a drop-in.
install_backup_dropin() {
    local backup
    backup=$(configured_backup_dir)
    if [[ -z $backup || $backup == "$DATA_DIR" || $backup == "$DATA_DIR"/* ]]; then
        rm -f "$(at "$BACKUP_DROPIN")"
        rmdir "$(at "$DROPIN_DIR")" 2>/dev/null || true
        say "backups go to ${backup:-$DATA_DIR/backups}"
        return
    fi
    [[ $backup == /* ]] || die "backup_dir in $CONFIG_FILE must be a full path starting with /, not '$backup'"
    [[ $backup =~ ^[A-Za-z0-9/._@+-]+$ ]] || die "backup_dir '$backup' has spaces or symbols; choose a folder path using letters, digits and / . _ - only"
    mkdir -p "$(at "$DROPIN_DIR")"
    {
        printf '# Written by install.sh from backup_dir in %s: lets the kiosk write its backups there.\n' "$CONFIG_FILE"
        printf '# The "-" keeps the kiosk starting when the drive is not plugged in.\n'
        printf '[Service]\nReadWritePaths=-%s\n' "$backup"
    } >"$(at "$BACKUP_DROPIN")"
    chmod 0644 "$(at "$BACKUP_DROPIN")"
    own root:root "$BACKUP_DROPIN"
    say "backups go to $backup"
    # A mount point that is not there yet would make the kiosk fill the system disk instead.
    if [[ ! -d $(at "$backup") ]]; then
        warn "$backup does not exist yet: mount the backup drive there at boot (see README, Backups)"
    fi
}

install_system_files() {
    make_dir "$DATA_DIR" 0700 "$KIOSK_USER:$KIOSK_USER"
    make_dir "$DATA_DIR/backups" 0700 "$KIOSK_USER:$KIOSK_USER"
    make_dir "$CACHE_DIR" 0700 "$KIOSK_USER:$KIOSK_USER"
    install_config
    place "$SETUP_DIR/reflect-kiosk.service" "$UNIT_FILE" 0644
    install_backup_dropin
    local logind_before=""
    if [[ -f $(at "$LOGIND_FILE") ]]; then logind_before=$(cat "$(at "$LOGIND_FILE")"); fi
    place "$SETUP_DIR/logind-reflect-kiosk.conf" "$LOGIND_FILE" 0644
    place "$SETUP_DIR/sysctl-reflect-kiosk.conf" "$SYSCTL_FILE" 0644
    if [[ $logind_before != "$(cat "$(at "$LOGIND_FILE")")" ]]; then REBOOT_NEEDED=yes; fi
}

# A desktop login screen would take the display from the kiosk; remember which one so --uninstall can bring it back.
disable_display_manager() {
    staging && return 0
    local dm
    dm=$(systemctl show -p Id --value display-manager.service 2>/dev/null || true)
    if [[ -n $dm && $dm != display-manager.service ]] && systemctl is-enabled --quiet "$dm" 2>/dev/null; then
        say "disabling the desktop login screen ($dm) so the kiosk owns the display"
        printf '%s\n' "$dm" >"$DM_RECORD"
        systemctl disable "$dm"
        REBOOT_NEEDED=yes
    fi
}

start_service() {
    system systemctl daemon-reload
    if staging; then
        system sysctl -q -p "$SYSCTL_FILE"
    elif ! sysctl -q -p "$SYSCTL_FILE"; then
        warn "could not apply $SYSCTL_FILE now (a container?); it applies at the next boot"
        REBOOT_NEEDED=yes
    fi
    system systemctl mask getty@tty1.service
    disable_display_manager
    system systemctl enable "$SERVICE"
    if staging; then
        system systemctl restart "$SERVICE"
        return
    fi
    say "starting the kiosk (a session on screen restarts; saved contributions are kept)"
    systemctl restart "$SERVICE" || die "the kiosk service did not start; see: journalctl -u reflect-kiosk -b"
    sleep 3
    systemctl is-active --quiet "$SERVICE" ||
        die "the kiosk service stopped after starting; see: journalctl -u reflect-kiosk -b"
}

# Keeps one line per path (the last one written) and forgets paths that are gone.
tidy_owner_notes() {
    staging || return 0
    local notes=$ROOT/$STAGE_NOTES/owners line path
    [[ -f $notes ]] || return 0
    local -A latest=()
    while read -r line; do
        path=${line#* * }
        latest[$path]=$line
    done <"$notes"
    : >"$notes"
    for path in "${!latest[@]}"; do
        if [[ -e $ROOT$path ]]; then printf '%s\n' "${latest[$path]}" >>"$notes"; fi
    done
    sort -k3 -o "$notes" "$notes"
}

do_install() {
    preflight "$@"
    choose_deb
    install_packages
    create_user
    install_system_files
    start_service
    tidy_owner_notes
    if staging; then
        say "staged into $ROOT"
        return
    fi
    say "done: the kiosk runs on the screen now and after every boot"
    say "data: $DATA_DIR   settings: $CONFIG_FILE   logs: journalctl -u reflect-kiosk"
    say "set the PINs next: see $SETUP_DIR/README.md, 'Setting the PINs'"
    if [[ $REBOOT_NEEDED == yes ]]; then say "reboot once so the console settings take effect: sudo reboot"; fi
}

confirm_purge() {
    [[ $PURGE == yes ]] || return 0
    if staging || [[ $ASSUME_YES == yes ]]; then return 0; fi
    [[ -t 0 ]] || die "--purge deletes every session, theme and action on this kiosk; add --yes to confirm when not at a terminal"
    local answer
    printf 'This deletes every session, theme, action and evaluation in %s, and the settings.\n' "$DATA_DIR"
    printf 'Backups on other drives are not touched. Type PURGE to go on: '
    read -r answer
    [[ $answer == PURGE ]] || die "nothing deleted (you did not type PURGE)"
}

remove_package_files() {
    if staging; then
        local list=$ROOT/$STAGE_NOTES/package-files path
        [[ -f $list ]] || return 0
        while read -r path; do
            if [[ $path != */ && -n $path ]]; then rm -f "$ROOT$path"; fi
        done <"$list"
        # Deepest folders first, and only the ones now empty (usr/ and friends stay if anything else is there).
        sort -r "$list" | while read -r path; do
            if [[ $path == */ && $path != / ]]; then rmdir "$ROOT$path" 2>/dev/null || true; fi
        done
        rm -f "$list"
        system apt-get remove -y "$PACKAGE"
        return
    fi
    if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q 'ok installed'; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y "$PACKAGE" || die "apt-get could not remove $PACKAGE (see above)"
    fi
    say "cage and xwayland stay installed (other software may use them); remove them with: apt-get remove cage xwayland"
}

do_uninstall() {
    preflight "$@"
    confirm_purge
    if staging; then
        system systemctl disable --now "$SERVICE"
    else
        systemctl disable --now "$SERVICE" 2>/dev/null || true
    fi
    rm -f "$(at "$UNIT_FILE")" "$(at "$BACKUP_DROPIN")" "$(at "$LOGIND_FILE")" "$(at "$SYSCTL_FILE")"
    rmdir "$(at "$DROPIN_DIR")" 2>/dev/null || true
    system systemctl unmask getty@tty1.service
    system systemctl daemon-reload
    if ! staging; then
        if [[ -f $DM_RECORD ]]; then
            local dm
            dm=$(cat "$DM_RECORD")
            say "enabling the desktop login screen again ($dm)"
            systemctl enable "$dm" || warn "could not enable $dm again; do it by hand: systemctl enable $dm"
            rm -f "$DM_RECORD"
        fi
        systemctl start getty@tty1.service || warn "could not start a login prompt on tty1; it comes back at the next boot"
    fi
    say "removed the kiosk service and its system settings (SysRq and console settings return at the next boot)"
    remove_package_files
    if [[ $PURGE == yes ]]; then
        # Overrides made with "systemctl edit" are kept by a plain uninstall, for a reinstall; not by a purge.
        rm -rf "$(at "$DATA_DIR")" "$(at "$CACHE_DIR")" "$(at "$CONFIG_DIR")" "$(at "$DROPIN_DIR")"
        if staging; then
            system userdel "$KIOSK_USER"
        elif getent passwd "$KIOSK_USER" >/dev/null; then
            userdel "$KIOSK_USER" || die "could not remove the user $KIOSK_USER"
        fi
        say "deleted $DATA_DIR, $CONFIG_DIR and the user $KIOSK_USER; backups on other drives were not touched"
    else
        say "kept your data in $DATA_DIR and settings in $CONFIG_DIR (delete them with --uninstall --purge)"
    fi
    tidy_owner_notes
}

main() {
    parse_args "$@"
    if [[ $MODE == install ]]; then do_install "$@"; else do_uninstall "$@"; fi
}

main "$@"
