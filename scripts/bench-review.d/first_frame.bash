#!/usr/bin/env bash
# first_frame.bash KIOSK DB ASSETS RUNS: starts the kiosk windowed (1920x1080) on DB RUNS times, under the X
# display it is given, and prints the time from exec to its first frame on screen ("event first-frame" from
# --print-events) and the kiosk's peak RSS (VmHWM) at that moment and 3 s later; and the time to the calm opening
# frame shown while the database is checked ("event opening-frame"; a small file is ready before it is needed, so
# the first frame then counts for both). Used by scripts/bench-review.
set -euo pipefail
kiosk=$1 db=$2 assets=$3 runs=${4:-5}
times=() opening=() rss=() rssLater=()
for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    coproc K { exec "$kiosk" --db "$db" --assets "$assets" --windowed --size 1920x1080 --print-events 2>/dev/null; }
    pid=$K_PID
    got="" openedAt=""
    while IFS= read -r -t 30 line <&"${K[0]}"; do
        if [[ $line == "event opening-frame" ]]; then openedAt=$(date +%s%N); fi
        if [[ $line == "event first-frame" ]]; then got=1; break; fi
    done
    end=$(date +%s%N)
    [[ -n $openedAt ]] || openedAt=$end
    opening+=($(((openedAt - start) / 1000000)))
    if [[ -z $got ]]; then echo "first_frame: the kiosk showed no frame within 30 s" >&2; kill "$pid" 2>/dev/null || true; exit 2; fi
    times+=($(((end - start) / 1000000)))
    rss+=($(awk '/^VmHWM/ {print $2}' "/proc/$pid/status"))
    read -r -t 3 _ <&"${K[0]}" || true  # wait up to 3 s (nothing is printed while idle)
    rssLater+=($(awk '/^VmHWM/ {print $2}' "/proc/$pid/status"))
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$((${#sorted[@]} / 2))]}
worst=${sorted[$((${#sorted[@]} - 1))]}
peak=$(printf '%s\n' "${rssLater[@]}" | sort -n | tail -1)
sortedOpening=($(printf '%s\n' "${opening[@]}" | sort -n))
echo "start to the opening frame (${runs} starts): median ${sortedOpening[$((${#sortedOpening[@]} / 2))]} ms, worst ${sortedOpening[$((${#sortedOpening[@]} - 1))]} ms (target <= 250 ms)"
echo "start to first frame (${runs} starts, 1920x1080 window, this database): median ${median} ms, worst ${worst} ms (target <= 500 ms)"
echo "kiosk peak RSS on the home screen (VmHWM, 3 s after the first frame): $((peak / 1024)) MB (target <= 150 MB)"
