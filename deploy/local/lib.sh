# shellcheck shell=bash
# Process plumbing for ./intranet: start a part in the background, know whether it is ours and
# alive, wait until it is ready, stop it, measure it. Sourced; expects STATE_DIR to be set.
#
# Every part runs in its own session (setsid), so its pid is also its process-group id: stopping
# the group also stops what it spawned (kc.sh's JVM, PostgreSQL's server processes).
# Every JVM gets -Dintranet.part=<part> on its command line, so a stale pid file whose pid was
# reused by an unrelated process is never mistaken for ours.

LOG_DIR=$STATE_DIR/logs
RUN_DIR=$STATE_DIR/run

# --- time -------------------------------------------------------------------------------------

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Seconds since $1 (from now_ms), one decimal: "2.1".
seconds_since() {
    local ms=$(($(now_ms) - $1))
    printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

# --- output -----------------------------------------------------------------------------------

# The first column of every progress line: a part name padded so the rest lines up.
say_part() { printf '%-13s ' "$1"; }

die() { echo "intranet: $*" >&2; exit 1; }

# Shows the end of a part's log, for a part that failed to start.
show_log_tail() {
    local part=$1 lines=${2:-40}
    [ -s "$LOG_DIR/$part.log" ] || return 0
    echo "---- last $lines lines of $LOG_DIR/$part.log ----" >&2
    tail -n "$lines" "$LOG_DIR/$part.log" >&2
    echo "----" >&2
}

# --- probes -----------------------------------------------------------------------------------

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp: no nc needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when $1 answers HTTP 200.
http_ok() { [ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null)" = 200 ]; }

# Names the process listening on port $1, when ss can tell.
port_owner() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\))).*/\1/p' | head -n 1
}

# True when the part's log holds the READY line its main prints once it serves.
log_says_ready() { grep -q 'READY' "$LOG_DIR/$1.log" 2>/dev/null; }

# --- processes --------------------------------------------------------------------------------

pid_file() { echo "$RUN_DIR/$1.pid"; }

# The recorded pid of a part, when there is one.
read_pid() {
    local file
    file=$(pid_file "$1")
    [ -r "$file" ] && tr -dc '0-9' <"$file"
}

# True when the part's recorded process is alive and really is that part.
is_alive() {
    local pid
    pid=$(read_pid "$1") || return 1
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "intranet.part=$1"
}

# Starts "$@" as part $1 in the background, in its own session, logging to logs/<part>.log
# (the previous log is kept as <part>.log.1). Extra environment comes from the caller.
start_process() {
    local part=$1
    shift
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    [ -f "$LOG_DIR/$part.log" ] && mv -f "$LOG_DIR/$part.log" "$LOG_DIR/$part.log.1"
    # A background subshell of a non-interactive shell is no group leader, so setsid does not
    # fork and $! is the part's own pid (and process-group id).
    (cd "$STATE_DIR" && close_inherited_fds && exec setsid "$@" >"$LOG_DIR/$part.log" 2>&1 </dev/null) &
    echo $! >"$(pid_file "$part")"
}

# Closes the (sub)shell's file descriptors above 2, so that a part keeps none of its caller's:
# under `flock LOCK ./intranet up`, the lock would otherwise stay held for as long as the part runs.
close_inherited_fds() {
    local fd
    for fd in "/proc/$BASHPID/fd/"*; do
        fd=${fd##*/}
        # 255 is bash's own script fd; it is close-on-exec anyway
        if [ "$fd" -gt 2 ] && [ "$fd" != 255 ]; then eval "exec $fd>&-"; fi
    done
}

# Waits until "$check" (a command, with args) succeeds for part $1. Returns 0 when ready,
# 1 on timeout, 2 when the process died first.
wait_ready() {
    local part=$1 timeout_s=$2
    shift 2
    local deadline=$(($(now_ms) + timeout_s * 1000))
    while :; do
        "$@" && return 0
        is_alive "$part" || return 2
        [ "$(now_ms)" -lt "$deadline" ] || return 1
        sleep 0.25
    done
}

# The part's pid, the rest of its process group and all their descendants (kc.sh's JVM), one
# per line; more root pids may follow the part (PostgreSQL's server detaches into a session of
# its own, so its postmaster is passed here).
part_pids() {
    local pid
    pid=$(read_pid "$1") || return 0
    shift
    ps -eo pid=,ppid=,pgid= | awk -v roots="$pid $*" '
        BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) root[r[i]] = 1 }
        { parent[$1] = $2; group[$1] = $3 }
        END {
            for (p in parent) if ((p in root) || (group[p] in root)) mine[p] = 1
            do {            # add descendants until nothing changes
                added = 0
                for (p in parent) if (!(p in mine) && (parent[p] in mine)) { mine[p] = 1; added = 1 }
            } while (added)
            for (p in mine) print p
        }'
}

# Stops parts "$@" together: TERM to each one's process group, then KILL to any still there after
# $STOP_WAIT seconds (default 30). Removes their pid files. Prints one line per part.
stop_parts() {
    local timeout_s=${STOP_WAIT:-30} part pid deadline t0
    local -A pids=()
    t0=$(now_ms)
    for part in "$@"; do
        if is_alive "$part"; then
            pids[$part]=$(read_pid "$part")
            kill -TERM -- "-${pids[$part]}" 2>/dev/null || kill -TERM "${pids[$part]}" 2>/dev/null || true
        fi
        rm -f "$(pid_file "$part")"
    done
    deadline=$(($(now_ms) + timeout_s * 1000))
    for part in "$@"; do
        [ -n "${pids[$part]:-}" ] || continue
        pid=${pids[$part]}
        while kill -0 "$pid" 2>/dev/null && [ "$(now_ms)" -lt "$deadline" ]; do sleep 0.2; done
        say_part "$part"
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
            echo "killed (pid $pid did not stop within ${timeout_s} s)"
        else
            echo "stopped (pid $pid)   ($(seconds_since "$t0") s)"
        fi
    done
}

# --- memory -----------------------------------------------------------------------------------

# Resident memory of the given pids, summed, in MiB (VmRSS from /proc; shared memory such as
# PostgreSQL's buffers is counted once per process, so a sum over-states it).
rss_mib() {
    local pid kb total=0
    for pid in "$@"; do
        kb=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null)
        total=$((total + ${kb:-0}))
    done
    echo $((total / 1024))
}
