# shellcheck shell=bash
# Helpers for scripts/bench: reading CPU time and memory of a process from /proc, and stopping the
# processes the bench started. Sourced, never run on its own.

# Prints utime+stime of PID (all its threads) in clock ticks.
proc_cpu_ticks() {
    local stat rest
    read -r stat <"/proc/$1/stat" || return 1
    # The command name (field 2) may hold spaces or parentheses: cut at the last ')'.
    rest=${stat##*) }
    local -a f
    read -r -a f <<<"$rest"
    # f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) is f[12].
    echo $((f[11] + f[12]))
}

# Prints the one-letter state of PID (R, S, Z, ...), or nothing if it is gone.
proc_state() {
    local stat rest
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
    rest=${stat##*) }
    echo "${rest%% *}"
}

# True while PID exists and is not a zombie.
proc_alive() {
    local s
    s=$(proc_state "$1")
    [[ -n $s && $s != Z ]]
}

# Prints the peak resident set size (VmHWM) of PID in kB.
proc_hwm_kb() {
    awk '/^VmHWM:/ { print $2; found = 1 } END { if (!found) print 0 }' "/proc/$1/status"
}

# Prints the wall clock in microseconds.
now_us() {
    local t=${EPOCHREALTIME/./}
    echo "$((10#$t))"
}

# Stops PID (a child of this shell): TERM, up to 5 s to go, then KILL; reaps it.
stop_pid() {
    local pid=$1
    [[ -n $pid ]] || return 0
    if proc_alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        # Bounded wait for it to exit (a zombie counts as gone: wait below reaps it).
        timeout 5 bash -c "while [[ -e /proc/$pid ]] && ! grep -q '^State:[[:space:]]*Z' /proc/$pid/status 2>/dev/null; do sleep 0.05; done" || true
        if proc_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    wait "$pid" 2>/dev/null || true
}
