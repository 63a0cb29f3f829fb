#!/usr/bin/env bash
# The kiosk's own Wi-Fi for the phone page: a NetworkManager hotspot with client isolation, WPA3-SAE where the
# adapter can, WPA2 with a daily password otherwise; DNS that answers the kiosk's name; no route onwards.
set -euo pipefail

PROFILE=reflect-kiosk-ap
STATE_DIR=/var/lib/reflect-kiosk-ap
SHARE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
AP_ADDRESS=10.42.0.1
IFNAME=""
SSID="Reflect-Room"
PORT=8080
NAME="reflect.lan"
SECURITY=auto
MODE=setup

say() { printf 'reflect-kiosk ap: %s\n' "$*"; }
die() { printf 'reflect-kiosk ap: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'USAGE'
Usage: companion-ap.sh --ifname WLAN [--ssid NAME] [--port 8080] [--name reflect.lan] [--security auto|wpa3|wpa2]
       companion-ap.sh --rotate      (new WPA2 password; the daily timer runs this)
       companion-ap.sh --remove

Creates the access point phones join to reach the kiosk's phone page at http://NAME:PORT/. Phones on it can reach
only the kiosk's page and its DNS and DHCP: not each other, not the kiosk's other ports, not the internet.
USAGE
}

parse_args() {
    while [[ $# -gt 0 ]]; do
        case $1 in
            --ifname) IFNAME=${2:?--ifname needs a Wi-Fi interface such as wlan0}; shift 2 ;;
            --ssid) SSID=${2:?--ssid needs a name}; shift 2 ;;
            --port) PORT=${2:?--port needs a number}; shift 2 ;;
            --name) NAME=${2:?--name needs a host name}; shift 2 ;;
            --security) SECURITY=${2:?--security needs auto, wpa3 or wpa2}; shift 2 ;;
            --rotate) MODE=rotate; shift ;;
            --remove) MODE=remove; shift ;;
            -h|--help) usage; exit 0 ;;
            *) usage >&2; exit 2 ;;
        esac
    done
    [[ $PORT =~ ^[0-9]+$ && $PORT -ge 1 && $PORT -le 65535 ]] || die "--port must be a number from 1 to 65535"
    [[ $SECURITY =~ ^(auto|wpa3|wpa2)$ ]] || die "--security must be auto, wpa3 or wpa2"
    [[ $NAME =~ ^[A-Za-z0-9.-]+$ ]] || die "--name must be a plain host name such as reflect.lan"
}

# 16 characters from a 32-letter alphabet without look-alikes (80 bits): typed once per day from the console.
new_password() {
    local alphabet=abcdefghjkmnpqrstuvwxyz23456789 password="" byte
    while [[ ${#password} -lt 16 ]]; do
        byte=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
        [[ $byte -lt 248 ]] || continue  # 248 = 31 * 8: keeps every letter equally likely
        password+=${alphabet:$((byte % 31)):1}
    done
    printf '%s' "$password"
}

# The Wi-Fi QR the console shows (WIFI:T:WPA;S:...;P:...;;), with \ ; , " : escaped as the format asks.
wifi_escape() { printf '%s' "$1" | sed -e 's/[\\;,":]/\\&/g'; }

publish_password() {
    local password=$1
    install -d -m 0750 -g reflect-kiosk "$STATE_DIR" 2>/dev/null || install -d -m 0700 "$STATE_DIR"
    umask 0027
    printf 'WIFI:T:WPA;S:%s;P:%s;;\n' "$(wifi_escape "$SSID")" "$(wifi_escape "$password")" >"$STATE_DIR/wifi.tmp"
    chgrp reflect-kiosk "$STATE_DIR/wifi.tmp" 2>/dev/null || true
    mv "$STATE_DIR/wifi.tmp" "$STATE_DIR/wifi"
}

supports_sae() {
    command -v iw >/dev/null 2>&1 || return 1
    # Drivers that can run an SAE access point list it among their extended features.
    iw phy 2>/dev/null | grep -qE 'SAE_OFFLOAD_AP|\* SAE'
}

write_dns() {
    install -d -m 0755 /etc/NetworkManager/dnsmasq-shared.d
    cat >/etc/NetworkManager/dnsmasq-shared.d/reflect-kiosk.conf <<CONF
# Written by companion-ap.sh. Every name answers with the kiosk, so a phone's captive-portal check opens the page.
address=/$NAME/$AP_ADDRESS
address=/#/$AP_ADDRESS
no-resolv
# No gateway is handed out: phones have no route beyond the kiosk.
dhcp-option=3
dhcp-option=6,$AP_ADDRESS
log-queries=off
CONF
}

write_firewall() {
    install -d -m 0755 /etc/reflect-kiosk
    cat >/etc/reflect-kiosk/ap.nft <<NFT
# Written by companion-ap.sh: phones on $IFNAME reach the page, DNS and DHCP on the kiosk, and nothing else.
table inet reflect_kiosk_ap
delete table inet reflect_kiosk_ap
table inet reflect_kiosk_ap {
    chain input {
        type filter hook input priority -10; policy accept;
        iifname "$IFNAME" ct state established,related accept
        iifname "$IFNAME" tcp dport { $PORT, 53 } accept
        iifname "$IFNAME" udp dport { 53, 67 } accept
        iifname "$IFNAME" drop
    }
    chain forward {
        type filter hook forward priority -10; policy accept;
        iifname "$IFNAME" drop
        oifname "$IFNAME" drop
    }
}
NFT
    install -m 0644 "$SHARE_DIR/reflect-kiosk-ap-firewall.service" /etc/systemd/system/
    sed "s/@IFNAME@/$IFNAME/g; s/@PORT@/$PORT/g" "$SHARE_DIR/companion-network.conf" \
        | install -D -m 0644 /dev/stdin /etc/systemd/system/reflect-kiosk.service.d/companion-network.conf
}

setup() {
    [[ -n $IFNAME ]] || die "--ifname is required (see 'nmcli device' for the Wi-Fi interface)"
    command -v nmcli >/dev/null 2>&1 || die "NetworkManager (nmcli) is not installed: apt-get install network-manager"
    command -v nft >/dev/null 2>&1 || die "nftables is not installed: apt-get install nftables"
    local keymgmt=wpa-psk
    if [[ $SECURITY == wpa3 ]] || { [[ $SECURITY == auto ]] && supports_sae; }; then keymgmt=sae; fi
    local password
    password=$(new_password)
    nmcli connection delete "$PROFILE" >/dev/null 2>&1 || true
    local security=(wifi-sec.key-mgmt "$keymgmt" wifi-sec.psk "$password" wifi-sec.proto rsn
                    wifi-sec.pairwise ccmp wifi-sec.group ccmp)
    # SAE needs protected management frames; WPA2 gets them where the phone can.
    if [[ $keymgmt == sae ]]; then security+=(wifi-sec.pmf required); else security+=(wifi-sec.pmf optional); fi
    nmcli connection add type wifi ifname "$IFNAME" con-name "$PROFILE" autoconnect yes ssid "$SSID" \
        802-11-wireless.mode ap 802-11-wireless.band bg 802-11-wireless.ap-isolation 1 \
        ipv4.method shared ipv4.addresses "$AP_ADDRESS/24" ipv4.never-default yes ipv6.method disabled \
        "${security[@]}" >/dev/null
    write_dns
    write_firewall
    publish_password "$password"
    systemctl daemon-reload
    systemctl enable --now reflect-kiosk-ap-firewall.service
    if [[ $keymgmt == wpa-psk ]]; then
        install -m 0644 "$SHARE_DIR/reflect-kiosk-ap-rotate.service" "$SHARE_DIR/reflect-kiosk-ap-rotate.timer" \
            /etc/systemd/system/
        systemctl daemon-reload
        systemctl enable --now reflect-kiosk-ap-rotate.timer
    fi
    nmcli connection up "$PROFILE" >/dev/null
    say "access point $SSID is up on $IFNAME ($keymgmt); phones open http://$NAME:$PORT/"
    say "set [companion] listen = \"$AP_ADDRESS:$PORT\" and host = \"$NAME\" in /etc/reflect-kiosk/config.toml"
}

rotate() {
    nmcli -t -f NAME connection show | grep -qx "$PROFILE" || die "no $PROFILE profile: run companion-ap.sh --ifname WLAN first"
    SSID=$(nmcli -g 802-11-wireless.ssid connection show "$PROFILE")
    local password
    password=$(new_password)
    nmcli connection modify "$PROFILE" wifi-sec.psk "$password"
    nmcli connection up "$PROFILE" >/dev/null
    publish_password "$password"
    say "the Wi-Fi password of $SSID was changed; the console shows the new one"
}

remove() {
    systemctl disable --now reflect-kiosk-ap-rotate.timer reflect-kiosk-ap-firewall.service 2>/dev/null || true
    nft delete table inet reflect_kiosk_ap 2>/dev/null || true
    nmcli connection delete "$PROFILE" >/dev/null 2>&1 || true
    rm -f /etc/NetworkManager/dnsmasq-shared.d/reflect-kiosk.conf /etc/reflect-kiosk/ap.nft \
        /etc/systemd/system/reflect-kiosk.service.d/companion-network.conf \
        /etc/systemd/system/reflect-kiosk-ap-{firewall.service,rotate.service,rotate.timer}
    rm -rf "$STATE_DIR"
    systemctl daemon-reload
    say "access point removed; the kiosk is back to no network at all"
}

main() {
    parse_args "$@"
    [[ $EUID -eq 0 ]] || die "run as root (sudo)"
    case $MODE in
        setup) setup ;;
        rotate) rotate ;;
        remove) remove ;;
    esac
}

main "$@"
