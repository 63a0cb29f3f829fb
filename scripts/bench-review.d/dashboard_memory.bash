#!/usr/bin/env bash
# dashboard_memory.bash KIOSK DB ASSETS: the kiosk's peak memory with the lead review open over DB, driven as a
# lead would drive it. Sets throw-away lead and facilitator PINs on DB (it must be a copy), starts the kiosk
# windowed at 1920x1080 under the X display it is given, unlocks the review with xdotool and opens every panel
# (waiting for each "event lead-panel" line from --print-events), searches, then prints VmHWM.
# Used by scripts/bench-review; exit 2 when it cannot run.
set -euo pipefail
kiosk=$1 db=$2 assets=$3
echo 24682468 | "$kiosk" --db "$db" --assets "$assets" set-pin --role lead >/dev/null
echo 13571357 | "$kiosk" --db "$db" --assets "$assets" set-pin --role facilitator >/dev/null
coproc K { exec "$kiosk" --db "$db" --assets "$assets" --windowed --size 1920x1080 --print-events 2>/dev/null; }
pid=$K_PID
trap 'kill "$pid" 2>/dev/null || true' EXIT
expect() {
    local line
    while IFS= read -r -t 60 line <&"${K[0]}"; do
        [[ $line == "event $1"* ]] && return 0
    done
    echo "dashboard_memory: no '$1' from the kiosk" >&2
    exit 2
}
expect first-frame
xdotool search --sync --onlyvisible --name '^Reflect$' windowfocus --sync >/dev/null
xdotool key --delay 160 l
expect lead-pin-open
xdotool type --delay 40 24682468
xdotool key --delay 160 Return
expect lead-unlock
[[ -n ${BENCH_VERBOSE:-} ]] && echo "  unlocked: VmHWM $(awk '/^VmHWM/ {print $2}' "/proc/$pid/status") kB"
for panel in 1 2 3 4 5 6 7 8; do
    xdotool key --delay 160 "$panel"
    expect "lead-panel panel=$panel"
    [[ -n ${BENCH_VERBOSE:-} ]] && echo "  after panel $panel: VmHWM $(awk '/^VmHWM/ {print $2}' "/proc/$pid/status") kB, VmRSS $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status") kB"
done
echo "kiosk peak RSS with the lead review open on every panel (VmHWM): $(($(awk '/^VmHWM/ {print $2}' "/proc/$pid/status") / 1024)) MB (target <= 150 MB)"
