#!/usr/bin/env bash
# What every request pays: throughput of four requests on profile-service, from "refused before any
# work" to "a valid bearer token plus one primary-key read", measured with wrk on 127.0.0.1.
#
#   bench/token-cost.sh                    3 runs of 15 s per request, results in bench/results/token-cost.md
#   RUNS=5 DURATION=20s bench/token-cost.sh
#   LABEL="after: verified-token cache" bench/token-cost.sh
#   JFR=1 bench/token-cost.sh              also records a 20 s JFR profile of the authenticated read
#
# The four requests (one wrk run each, 16 connections, 2 threads):
#   unauth   GET /api/profiles/me without a token            -> 401, no token work, no database
#   health   GET /q/health/ready                             -> 200, one database round trip
#   token    GET /api/profiles/nonexistent with a valid token -> 404, token work, no database
#   read     GET /api/profiles/me with a valid token         -> 200, token work + one primary-key read
#
# Needs the stack up (./intranet up); when profile-service does not answer, it starts the stack
# under the build lock, says so, and stops it again at the end (KEEP_UP=1 keeps it running).
# bench/README.md explains the numbers.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1                              # never anything else: this load stays on this machine
PORT=${PORT:-8081}
BASE=http://$HOST:$PORT
RUNS=${RUNS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=16
THREADS=2
USER_NAME=${BENCH_USER:-alice}
OUT=${OUT:-$ROOT/bench/results/token-cost.md}
LABEL=${LABEL:-}
LOCK=${LOCK:-/tmp/intranet-build.lock}
JFR=${JFR:-0}

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

case $RUNS in '' | *[!0-9]* | 0) die "RUNS must be a positive number (got '$RUNS')" ;; esac
case $DURATION in *[0-9]s | *[0-9]m) ;; *) die "DURATION must look like 15s or 1m (got '$DURATION')" ;; esac
case $WARMUP in *[0-9]s | *[0-9]m) ;; *) die "WARMUP must look like 10s or 1m (got '$WARMUP')" ;; esac

# Seconds in a wrk duration (15s, 1m).
seconds_of() {
    case $1 in
        *m) echo $((${1%m} * 60)) ;;
        *s) echo "${1%s}" ;;
    esac
}

# --- tools ------------------------------------------------------------------------------------

need_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "wrk is missing: apt-get install -y wrk"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; then
            say "apt-get install failed: apt-get update, then again"
            DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
        fi
        command -v wrk >/dev/null 2>&1 && return 0
    fi
    die "wrk is needed: install it with your package manager (Debian/Ubuntu: sudo apt-get install wrk; macOS: brew install wrk)"
}

for tool in curl timeout flock awk sort; do
    command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` is needed (apt-get install curl coreutils util-linux gawk)"
done
need_wrk

# --- the stack --------------------------------------------------------------------------------

http_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$@" 2>/dev/null || true; }

STARTED_STACK=0
stop_stack() {
    if [ "$STARTED_STACK" = 1 ] && [ "${KEEP_UP:-0}" != 1 ]; then
        say "stopping the stack this script started (flock -o $LOCK ./intranet down)"
        (cd "$ROOT" && flock -o "$LOCK" ./intranet down >/dev/null) || say "./intranet down failed; run it yourself"
    fi
}
trap stop_stack EXIT

if [ "$(http_code "$BASE/q/health/ready")" != 200 ]; then
    say "profile-service does not answer on $BASE: starting the stack (flock -o $LOCK ./intranet up)"
    STARTED_STACK=1
    (cd "$ROOT" && flock -o "$LOCK" ./intranet up) || die "./intranet up failed"
    [ "$(http_code "$BASE/q/health/ready")" = 200 ] || die "profile-service still does not answer on $BASE/q/health/ready"
else
    say "the stack is up ($BASE/q/health/ready answers 200)"
fi

# A fresh access token (Keycloak's realm gives them 15 minutes: deploy/local/realm/intranet-realm.json,
# accessTokenLifespan 900). One per wrk run, so no run outlives its token.
token() {
    local t
    t=$(cd "$ROOT" && ./intranet token "$USER_NAME") || die "./intranet token $USER_NAME failed (is Keycloak up?)"
    [ -n "$t" ] || die "./intranet token $USER_NAME printed nothing"
    echo "$t"
}

# Seconds until the token's exp (decoded from its payload, no extra tools).
token_ttl() {
    local payload exp
    payload=$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')
    while [ $((${#payload} % 4)) -ne 0 ]; do payload="$payload="; done
    exp=$(printf '%s' "$payload" | base64 -d 2>/dev/null | sed -n 's/.*"exp":\([0-9]*\).*/\1/p')
    [ -n "$exp" ] && echo $((exp - $(date +%s)))
}

# --- the requests -----------------------------------------------------------------------------

KEYS=(unauth health token read)
declare -A PATH_OF=([unauth]=/api/profiles/me [health]=/q/health/ready [token]=/api/profiles/nonexistent [read]=/api/profiles/me)
declare -A AUTH_OF=([unauth]=0 [health]=0 [token]=1 [read]=1)
declare -A STATUS_OF=([unauth]=401 [health]=200 [token]=404 [read]=200)
# shellcheck disable=SC2016  # backquotes are Markdown here
declare -A TITLE_OF=(
    [unauth]='`GET /api/profiles/me` without a token (401)'
    [health]='`GET /q/health/ready` (one database round trip)'
    [token]='`GET /api/profiles/nonexistent` with a valid token (no database)'
    [read]='`GET /api/profiles/me` with a valid token (one primary-key read)'
)

# Checks that a request answers what it should before it is measured (a 401 where a 200 is
# expected would otherwise be measured as a fast request).
check_status() {
    local key=$1 tok=$2 code
    if [ "${AUTH_OF[$key]}" = 1 ]; then
        code=$(http_code -H "Authorization: Bearer $tok" "$BASE${PATH_OF[$key]}")
    else
        code=$(http_code "$BASE${PATH_OF[$key]}")
    fi
    [ "$code" = "${STATUS_OF[$key]}" ] || die "$key: GET ${PATH_OF[$key]} answered $code, expected ${STATUS_OF[$key]}"
}

# Runs wrk for one request; prints wrk's output. $3: duration.
run_wrk() {
    local key=$1 tok=$2 duration=$3 limit
    limit=$(($(seconds_of "$duration") + 60))
    local -a args=(-t "$THREADS" -c "$CONNECTIONS" -d "$duration" --timeout 10s --latency)
    if [ "${AUTH_OF[$key]}" = 1 ]; then
        args+=(-H "Authorization: Bearer $tok")
    fi
    timeout "$limit" wrk "${args[@]}" "$BASE${PATH_OF[$key]}"
}

# Milliseconds from a wrk latency (850.00us, 1.23ms, 1.50s, 2.00m).
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n }'
}

# Median of the numbers on stdin (mean of the two middle ones for an even count).
median() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.2f", m }'
}

# --- where the service runs -------------------------------------------------------------------

SERVICE_PID=$(tr -dc '0-9' <"$ROOT/.intranet/run/profile.pid" 2>/dev/null || true)
SERVICE_JAVA=""
if [ -n "$SERVICE_PID" ] && [ -e "/proc/$SERVICE_PID/exe" ]; then
    SERVICE_JAVA=$(readlink -f "/proc/$SERVICE_PID/exe" 2>/dev/null || true)
fi
if [ -n "$SERVICE_JAVA" ]; then
    JDK=$("$SERVICE_JAVA" -version 2>&1 | sed -n '2p')
else
    JDK="unknown (profile-service's pid not found in .intranet/run/profile.pid)"
fi

# --- warm-up ----------------------------------------------------------------------------------

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "machine: $(nproc) cores, load $LOAD_START; service JDK: $JDK"
TOKEN=$(token)
say "token for $USER_NAME: $(token_ttl "$TOKEN") s to live"
# the first authenticated GET /me creates the profile: do it before anything is measured
code=$(http_code -H "Authorization: Bearer $TOKEN" "$BASE/api/profiles/me")
[ "$code" = 200 ] || die "GET /api/profiles/me as $USER_NAME answered $code (expected 200)"
say "warm-up: $USER_NAME's profile exists; $WARMUP of wrk per request (not recorded)"
for key in "${KEYS[@]}"; do
    check_status "$key" "$TOKEN"
    say "warm-up $key: GET ${PATH_OF[$key]}"
    run_wrk "$key" "$TOKEN" "$WARMUP" >/dev/null
done

# --- measure ----------------------------------------------------------------------------------

declare -A RPS P50 P99 ERRS
for run in $(seq 1 "$RUNS"); do
    for key in "${KEYS[@]}"; do
        TOKEN=$(token)
        ttl=$(token_ttl "$TOKEN" || echo 0)
        [ "${ttl:-0}" -gt $(($(seconds_of "$DURATION") + 5)) ] || die "a fresh token lives ${ttl:-?} s, less than a run"
        check_status "$key" "$TOKEN"
        out=$(run_wrk "$key" "$TOKEN" "$DURATION") || die "wrk failed or timed out for $key"
        rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
        p50=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }')")
        p99=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }')")
        errs=$(printf '%s\n' "$out" | awk '/Socket errors/ { print }')
        non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ { print $NF }')
        total=$(printf '%s\n' "$out" | awk '/requests in/ { print $1 }')
        # a 200 request must not answer anything else; a 401/404 request must answer nothing else
        if [ "${STATUS_OF[$key]}" = 200 ] && [ -n "$non2xx" ] && [ "$non2xx" != 0 ]; then
            die "$key: $non2xx of $total responses were not 2xx"
        fi
        if [ "${STATUS_OF[$key]}" != 200 ] && [ "${non2xx:-0}" != "$total" ]; then
            die "$key: only ${non2xx:-0} of $total responses were ${STATUS_OF[$key]}"
        fi
        RPS[$key,$run]=$rps P50[$key,$run]=$p50 P99[$key,$run]=$p99
        [ -z "$errs" ] || ERRS[$key]="${ERRS[$key]:-}${errs# *} (run $run); "
        say "run $run/$RUNS $key: $rps req/s, p50 $p50 ms, p99 $p99 ms"
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- optional JFR profile of the authenticated read -------------------------------------------

JFR_NOTE=""
if [ "$JFR" = 1 ]; then
    [ -n "$SERVICE_JAVA" ] || die "JFR=1: profile-service's JVM was not found"
    jcmd=$(dirname "$SERVICE_JAVA")/jcmd
    jfrtool=$(dirname "$SERVICE_JAVA")/jfr
    jfr_file=$ROOT/bench/results/jfr/token-cost-$(date +%Y%m%d-%H%M%S).jfr
    mkdir -p "$(dirname "$jfr_file")"
    TOKEN=$(token)
    say "JFR: recording 20 s of GET /api/profiles/me with a token into $jfr_file"
    "$jcmd" "$SERVICE_PID" JFR.start name=token-cost duration=20s settings=profile filename="$jfr_file" >/dev/null
    run_wrk read "$TOKEN" 22s >/dev/null
    sleep 2
    if [ -s "$jfr_file" ]; then
        "$jfrtool" view --width 160 hot-methods "$jfr_file" | head -n 40
        JFR_NOTE="JFR recording of the authenticated read: \`${jfr_file#"$ROOT"/}\` (\`jfr view hot-methods\` reads it)."
    else
        say "JFR: no recording was written"
    fi
fi

# --- report -----------------------------------------------------------------------------------

mkdir -p "$(dirname "$OUT")"
# the space-separated lists below (ratios, rs, p5, p9) are split on purpose
# shellcheck disable=SC2086
ratios=""
for run in $(seq 1 "$RUNS"); do
    ratios+=$(awk -v a="${RPS[read,$run]}" -v b="${RPS[health,$run]}" 'BEGIN { printf "%.2f ", (b > 0 ? a / b : 0) }')
done
# shellcheck disable=SC2086
median_ratio=$(printf '%s\n' $ratios | median)

# shellcheck disable=SC2086
section() {
    local key run dirty=""
    [ -z "$(cd "$ROOT" && git status --porcelain 2>/dev/null)" ] || dirty=" (with uncommitted changes)"
    echo
    echo "### $(date -u '+%Y-%m-%d %H:%M UTC')${LABEL:+ — $LABEL}"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $LOAD_START before the warm-up (other work on the machine), $LOAD_AFTER after the last run (wrk and the service count too)"
    echo "- service JDK: $JDK"
    echo "- commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout')$dirty"
    echo "- wrk $THREADS threads, $CONNECTIONS connections, $DURATION per run, $RUNS runs per request after a $WARMUP warm-up; a fresh token per run"
    echo
    echo "| request | req/s (median) | p50 ms | p99 ms | req/s per run |"
    echo "|---|---:|---:|---:|---|"
    for key in "${KEYS[@]}"; do
        local rs="" p5="" p9=""
        for run in $(seq 1 "$RUNS"); do
            rs+="${RPS[$key,$run]} " p5+="${P50[$key,$run]} " p9+="${P99[$key,$run]} "
        done
        printf '| %s | %s | %s | %s | %s |\n' "${TITLE_OF[$key]}" \
            "$(printf '%s\n' $rs | median | awk '{ printf "%.0f", $1 }')" \
            "$(printf '%s\n' $p5 | median)" "$(printf '%s\n' $p9 | median)" \
            "$(printf '%s\n' $rs | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')"
    done
    echo
    echo "Authenticated single-row read / \`/q/health/ready\`, same run: $(printf '%s\n' $ratios | awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 }') (median **$median_ratio**; target ≥ 0.50)."
    if [ -n "${ERRS[*]:-}" ]; then
        echo
        echo "wrk socket errors: ${ERRS[*]}"
    fi
    [ -z "$JFR_NOTE" ] || { echo; echo "$JFR_NOTE"; }
}

if [ ! -s "$OUT" ]; then
    {
        echo "# What every request pays: token cost on profile-service"
        echo
        echo "Written by \`bench/token-cost.sh\` (see bench/README.md); each run adds a section at the end."
        echo
        echo "## Runs"
    } >"$OUT"
fi
section >>"$OUT"
say "ratio read/health per run: $ratios(median $median_ratio)"
say "results appended to ${OUT#"$ROOT"/}"
