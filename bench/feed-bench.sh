#!/usr/bin/env bash
# The feed benchmark (issue 6, "Performance"): feed-service on a company's worth of data, through HTTP with real
# Keycloak tokens, side by side with the same queries raw in pgbench on the same data, in the same run.
#
#   bench/feed-bench.sh                      seeds when needed (SCALE=1: ~3.5 min), then 3 runs of 10 s per
#                                            measurement (~13 min)
#   SCALE=0.1 bench/feed-bench.sh            a tenth of the data (a quick try; the targets are about SCALE=1)
#   RUNS=5 DURATION=20s bench/feed-bench.sh  more, longer runs
#   RESEED=1 bench/feed-bench.sh             seed again even when the seed at this scale is there
#   LABEL="after: ..." bench/feed-bench.sh   a label for the results section
#
# Per run (medians over the runs are reported):
#   home / company / group   GET a page of 20: max throughput with wrk (CONNECTIONS, tokens of READERS users in
#                            turn) and the same query raw in pgbench (PG_CLIENTS clients, one user each), its
#                            parameters bound as feed-service binds them, and once more written in as constants
#                            (planned once); the ratio HTTP / raw (target >= 0.5); then latency at a fixed RATE
#                            (2,000 req/s) with hey; home also against the pure timeline read (newest 20 entries)
#   post                     POST /api/posts by AUTHORS users with ~100 followers each, max rate with wrk, until
#                            the fan-out (feed-service's own consumer) has written every follower's timeline, and
#                            the raw insert + fan-out in pgbench; the ratio of the two (target >= 0.5)
# Once, after the runs: time from post to present in every follower's timeline at PROBE_RATE posts/s (p50/p99),
# and feed-service's resident memory all along (target <= 250 MB).
#
# It WIPES feed-service's data when it seeds (bench/feed-seed.sh: the local stack's feed database is a bench
# database from then on). Needs the stack (./intranet up); when feed-service does not answer, it starts the stack
# under the build lock, says so, and stops it again at the end (KEEP_UP=1 keeps it running). While it seeds and
# measures it holds the build lock, so no build shares the machine (HOLD_LOCK=0 does not).
# Results: a dated section appended to bench/results/feed.md. bench/README.md explains the numbers.
# shellcheck disable=SC2034  # the result arrays are read through namerefs (local -n) when the report is written
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1                              # never anything else: this load stays on this machine
FEED_PORT=${FEED_PORT:-8082}
BASE=http://$HOST:$FEED_PORT
REALM_URL=http://$HOST:8180/realms/intranet
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
# 10 s of each request before measuring; 20 s when this script just started the stack or seeded (cold JIT, and
# the first minutes after a seed)
WARMUP_SET=${WARMUP:+1}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=2
# pgbench clients: on 2 cores PostgreSQL is busiest with about one per core (16 clients insert + fan out ~3x
# slower than 2, contending for the same timeline pages); each client is a process bound to one user's values
PG_CLIENTS=${PG_CLIENTS:-$(nproc)}
RATE=${RATE:-2000}
RATE_WORKERS=${RATE_WORKERS:-50}
READERS=${READERS:-16}
AUTHORS=${AUTHORS:-16}
SCALE=${SCALE:-1}
RESEED=${RESEED:-0}
PROBE_DURATION=${PROBE_DURATION:-15s}
PROBE_RATE=${PROBE_RATE:-20}
PROBE_CONNECTIONS=2
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-180}
OUT=${OUT:-$ROOT/bench/results/feed.md}
LABEL=${LABEL:-}
LOCK=${LOCK:-/tmp/intranet-build.lock}
HOLD_LOCK=${HOLD_LOCK:-1}
SQL=$ROOT/bench/feed

export PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-intranet}
# unqualified names resolve in feed-service's schema, as its own connections do (currentSchema=feed)
export PGOPTIONS="-c search_path=feed"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

T_BENCH=$(date +%s)

case $RUNS in '' | *[!0-9]* | 0) die "RUNS must be a positive number (got '$RUNS')" ;; esac
for d in DURATION WARMUP PROBE_DURATION; do
    case ${!d} in *[0-9]s | *[0-9]m) ;; *) die "$d must look like 15s or 1m (got '${!d}')" ;; esac
done
for n in CONNECTIONS PG_CLIENTS RATE RATE_WORKERS READERS AUTHORS PROBE_RATE DRAIN_TIMEOUT; do
    case ${!n} in '' | *[!0-9]* | 0) die "$n must be a positive number (got '${!n}')" ;; esac
done

# Seconds in a duration (15s, 1m).
seconds_of() {
    case $1 in
        *m) echo $((${1%m} * 60)) ;;
        *s) echo "${1%s}" ;;
    esac
}
DUR_S=$(seconds_of "$DURATION")

# --- tools ------------------------------------------------------------------------------------

# Installs Debian package $2 for command $1 when it is missing and this runs as root; false when still missing.
need_tool() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "$tool is missing: apt-get install -y $package"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null; then
            say "apt-get install failed: apt-get update, then again"
            DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null || true
        fi
    fi
    command -v "$tool" >/dev/null 2>&1
}

for tool in curl timeout flock awk sort sed base64; do
    command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` is needed (apt-get install curl coreutils util-linux gawk sed)"
done
need_tool wrk wrk || die "wrk is needed: install it with your package manager (Debian/Ubuntu: sudo apt-get install wrk)"
need_tool psql postgresql-client || die "psql is needed (Debian/Ubuntu: sudo apt-get install postgresql-client)"
need_tool pgbench postgresql-client || die "pgbench is needed (Debian/Ubuntu: sudo apt-get install postgresql-client)"
HEY=1
if ! need_tool hey hey; then
    HEY=0
    say "hey is missing (Debian/Ubuntu: sudo apt-get install hey): no fixed-rate latency, only max-throughput percentiles"
fi

# --- scratch space, and what is undone at exit ------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/feed-bench.XXXXXX")
STARTED_STACK=0
SAMPLER_PID=""
TRIGGER_SET=0


finish() {
    local rc=$?
    [ -z "$SAMPLER_PID" ] || kill "$SAMPLER_PID" 2>/dev/null || true
    if [ "$TRIGGER_SET" = 1 ]; then
        psql_value "DROP TRIGGER IF EXISTS feed_bench_arrivals ON feed.timelines" >/dev/null 2>&1 || true
    fi
    if [ "$STARTED_STACK" = 1 ] && [ "${KEEP_UP:-0}" != 1 ]; then
        say "stopping the stack this script started (./intranet down)"
        if [ "$HOLD_LOCK" = 1 ]; then
            (cd "$ROOT" && ./intranet down >/dev/null) || say "./intranet down failed; run it yourself"
        else
            (cd "$ROOT" && flock -o "$LOCK" ./intranet down >/dev/null) || say "./intranet down failed; run it yourself"
        fi
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

# --- the machine to ourselves -----------------------------------------------------------------

if [ "$HOLD_LOCK" = 1 ]; then
    exec 9>>"$LOCK"
    if ! flock -n 9; then
        say "waiting for the build lock ($LOCK): a build or a stack start is under way"
        flock 9
    fi
    say "holding the build lock while seeding and measuring (HOLD_LOCK=0 does not)"
fi

# --- the stack --------------------------------------------------------------------------------


if [ "$(http_code "$BASE/q/health/ready")" != 200 ] || [ "$(http_code "$REALM_URL/.well-known/openid-configuration")" != 200 ]; then
    say "feed-service or Keycloak does not answer: starting the stack (./intranet up)"
    STARTED_STACK=1
    if [ "$HOLD_LOCK" = 1 ]; then
        (cd "$ROOT" && ./intranet up) || die "./intranet up failed"
    else
        (cd "$ROOT" && flock -o "$LOCK" ./intranet up) || die "./intranet up failed"
    fi
    [ "$(http_code "$BASE/q/health/ready")" = 200 ] || die "feed-service still does not answer on $BASE/q/health/ready"
else
    say "the stack is up ($BASE/q/health/ready answers 200)"
fi
psql_value 'SELECT 1' >/dev/null || die "PostgreSQL does not answer on $PGHOST:$PGPORT"

FEED_PID=$(tr -dc '0-9' <"$ROOT/.intranet/run/feed.pid" 2>/dev/null || true)
{ [ -n "$FEED_PID" ] && [ -r "/proc/$FEED_PID/status" ]; } || die "feed-service's pid is not in .intranet/run/feed.pid"
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$FEED_PID/status" 2>/dev/null || echo 0; }
JDK=$("$(readlink -f "/proc/$FEED_PID/exe")" -version 2>&1 | sed -n '2p' || echo unknown)
FEED_JVM=$(tr '\0' '\n' <"/proc/$FEED_PID/cmdline" | grep -e '^-X' | paste -sd ' ' -)

# --- the data ---------------------------------------------------------------------------------

SEEDED=$(psql_value "SELECT scale FROM feed_bench.seed WHERE finished_at IS NOT NULL" 2>/dev/null || true)
SEED_S=""
if [ "$RESEED" = 1 ] || [ -z "$SEEDED" ] || ! awk -v a="$SEEDED" -v b="$SCALE" 'BEGIN { exit !(a + 0 == b + 0) }'; then
    if [ -n "$SEEDED" ]; then say "seeded at SCALE=$SEEDED; seeding at SCALE=$SCALE"; else say "not seeded yet: seeding"; fi
    t0=$(date +%s)
    SCALE=$SCALE "$ROOT/bench/feed-seed.sh"
    SEED_S=$(($(date +%s) - t0))
else
    say "the seed at SCALE=$SCALE is there (RESEED=1 seeds again)"
fi
LAST_POST_AT=$(psql_value "SELECT last_post_at FROM feed_bench.seed")
# the probe's trigger, should an interrupted run (kill -9) have left it
psql_value "DROP TRIGGER IF EXISTS feed_bench_arrivals ON feed.timelines" >/dev/null 2>&1

# Deletes the posts newer than the seed's (the bench's own, from posting runs) and everything of theirs; with
# $1 = vacuum, vacuums what that left dead (as autovacuum would, given time).
cleanup_posts() {
    psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'EOF'
BEGIN;
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE bench_posts ON COMMIT DROP AS
    SELECT id FROM feed.posts WHERE created_at > (SELECT last_post_at FROM feed_bench.seed);
DELETE FROM feed.timelines WHERE post_id IN (SELECT id FROM bench_posts);
DELETE FROM feed.post_revisions WHERE post_id IN (SELECT id FROM bench_posts);
DELETE FROM feed.post_tags WHERE post_id IN (SELECT id FROM bench_posts);
DELETE FROM feed.pending_mentions WHERE post_id IN (SELECT id FROM bench_posts);
DELETE FROM feed.post_reactions WHERE post_id IN (SELECT id FROM bench_posts);
DELETE FROM feed.posts WHERE id IN (SELECT id FROM bench_posts);
COMMIT;
EOF
    if [ "${1:-}" = vacuum ]; then
        psql_value "VACUUM feed.timelines, feed.posts, feed.post_revisions" >/dev/null
    fi
}

cleanup_posts vacuum
# a timeline nobody read for two weeks is evicted (and rebuilt on the next read): the seed's are read now
psql_value "UPDATE feed.timeline_owners SET read_at = now()" >/dev/null

read -r N_EMP N_FOLLOWS N_GROUPS N_BIG N_POSTS N_REACTIONS N_TL DB_SIZE < <(psql -X -q -At -F' ' -c "
    SELECT (SELECT count(*) FROM feed_bench.emp), (SELECT count(*) FROM feed.follows),
           (SELECT count(*) FROM feed.groups), (SELECT count(*) FROM feed.groups g, feed_bench.seed s
                                                 WHERE g.member_count > s.fan_out_group_limit),
           (SELECT count(*) FROM feed.posts), (SELECT count(*) FROM feed.post_reactions),
           (SELECT count(*) FROM feed.timelines),
           replace(pg_size_pretty(pg_database_size(current_database())), ' ', '')")
say "data: $N_EMP employees, $N_FOLLOWS follows, $N_GROUPS groups ($N_BIG broadcast), $N_POSTS posts, $N_REACTIONS reactions, $N_TL timeline entries; database $DB_SIZE"

# --- the users: seeded employees who are Keycloak users with the same id ----------------------

psql -X -q -At -v ON_ERROR_STOP=1 -v READERS="$READERS" -v AUTHORS="$AUTHORS" -c 'SET client_min_messages = warning' \
    -f "$SQL/users.sql" >/dev/null
GROUP=$(psql_value "SELECT id FROM feed.groups WHERE visibility = 'PUBLIC' ORDER BY member_count DESC, id LIMIT 1")
GROUP_POSTS=$(psql_value "SELECT count(*) FROM feed.posts WHERE group_id = '$GROUP'")

declare -a R_ID R_NAME R_PRINC R_GROUPS A_ID A_NAME A_FOLLOWERS
while IFS='|' read -r k id name princ groups; do
    R_ID[k]=$id R_NAME[k]=$name R_PRINC[k]=$princ R_GROUPS[k]=$groups
done < <(psql -X -q -At -F'|' -c "
    SELECT k, id, username,
           CAST(principals AS text), CAST(groups AS text)
    FROM feed_bench.readers ORDER BY k")
while IFS='|' read -r k id name followers; do
    A_ID[k]=$id A_NAME[k]=$name A_FOLLOWERS[k]=$followers
done < <(psql -X -q -At -F'|' -c "SELECT k, id, username, followers FROM feed_bench.authors ORDER BY k")
{ [ "${#R_ID[@]}" = "$READERS" ] && [ "${#A_ID[@]}" = "$AUTHORS" ]; } || die "could not pick $READERS readers and $AUTHORS authors"
AUTHOR_FOLLOWERS=$(printf '%s\n' "${A_FOLLOWERS[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%d-%d", v[1], v[NR] }')

# Makes the bench users Keycloak users of realm intranet with their seeded ids (partial import keeps ids; users
# already there are skipped), password = user name, role employee.
provision_users() {
    local sep=""
    while IFS='|' read -r id name dept loc; do
        printf '%s' "$sep"; keycloak_user_json "$id" "$name" "${name#bench}" "$dept" "$loc" '"employee"'; sep=,
    done < <(psql -X -q -At -F'|' -c "SELECT id, username, department, location FROM feed_bench.readers
                                      UNION ALL SELECT id, username, department, location FROM feed_bench.authors") \
        >"$WORK/users.json"
    keycloak_import_users "$WORK/users.json"
}

# A JWT's payload claim $2 (a string or a number), decoded without extra tools.
jwt_claim() {
    local payload
    payload=$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')
    while [ $((${#payload} % 4)) -ne 0 ]; do payload="$payload="; done
    printf '%s' "$payload" | base64 -d 2>/dev/null | sed -n "s/.*\"$2\":\"\{0,1\}\([^\",}]*\).*/\1/p"
}

token_of() {
    curl -s -m 20 "$REALM_URL/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=intranet-web \
        --data-urlencode "username=$1" --data-urlencode "password=$1" \
        | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

# Fetches tokens for group $1 (readers, authors) into $WORK/$1.tokens unless those there live $2 more seconds.
declare -A TOKENS_EXP=()
ensure_tokens() {
    local group=$1 need=$2 k t sub ids_of=R_ID names_of=R_NAME
    if [ "$group" = authors ]; then ids_of=A_ID names_of=A_NAME; fi
    local -n ids=$ids_of names=$names_of
    if [ -n "${TOKENS_EXP[$group]:-}" ] && [ $((${TOKENS_EXP[$group]} - $(date +%s))) -gt "$need" ]; then
        return 0
    fi
    : >"$WORK/$group.tokens"
    for k in $(seq 1 "${#ids[@]}"); do
        t=$(token_of "${names[k]}")
        [ -n "$t" ] || die "no token for ${names[k]} (Keycloak realm intranet)"
        sub=$(jwt_claim "$t" sub)
        [ "$sub" = "${ids[k]}" ] || die "${names[k]}'s token has sub $sub, not the seeded id ${ids[k]}"
        printf '%s\n' "$t" >>"$WORK/$group.tokens"
    done
    TOKENS_EXP[$group]=$(jwt_claim "$(head -n 1 "$WORK/$group.tokens")" exp)
    [ $((${TOKENS_EXP[$group]} - $(date +%s))) -gt "$need" ] \
        || die "fresh tokens live $((${TOKENS_EXP[$group]} - $(date +%s))) s, less than the $need s they are needed for"
}

provision_users
ensure_tokens readers 60
ensure_tokens authors 60
say "users: $READERS readers (${R_NAME[1]}, ...), $AUTHORS authors with $AUTHOR_FOLLOWERS followers; tokens' sub = seeded ids"

# --- pgbench: one process per user, their values bound as parameters or written in ---------------

mkdir -p "$WORK/pgb"
# The -D definitions of user k for query $1 (pgbench binds them as parameters, as feed-service's JDBC does).
declare -a PGB_DEFS
pgb_defs() {
    local name=$1 k=$2
    if [ "$name" = post ]; then
        PGB_DEFS=(-D "author=${A_ID[k]}")
    else
        PGB_DEFS=(-D "owner=${R_ID[k]}" -D "principals=${R_PRINC[k]}" -D "groups=${R_GROUPS[k]}" -D "group=$GROUP"
                  -D top_at=9999-12-31T00:00:00Z -D top_id=ffffffff-ffff-ffff-ffff-ffffffffffff -D lim=21)
    fi
}
# Query $1 for user k with the same values written in as constants: $WORK/pgb/<name>-<k>.sql. pgbench (and psql)
# read every :name as a variable, even inside quotes, so no colon is left: the top position is '9999-12-31 UTC'
# and a colon in the principals is E'\x3a'.
pgb_constants() {
    local name=$1 k=$2 f=$WORK/pgb/$1-$2.sql princ
    # written once per run (the values do not change), so clients sharing a user never see it half written
    if [ -s "$f" ]; then
        echo "$f"
        return 0
    fi
    if [ "$name" = post ]; then
        sed -e "s#:author#'${A_ID[k]}'#g" "$SQL/$name.sql" >"$f"
    else
        princ="CAST(E'${R_PRINC[k]//:/\\\\x3a}' AS text[])"
        sed -e "s#:owner#'${R_ID[k]}'#g" -e "s#:principals#$princ#g" -e "s#:groups#'${R_GROUPS[k]}'#g" \
            -e "s#:group#'$GROUP'#g" -e "s#:top_at#CAST('9999-12-31 UTC' AS timestamptz)#g" \
            -e "s#:top_id#CAST('ffffffff-ffff-ffff-ffff-ffffffffffff' AS uuid)#g" -e "s#:lim#21#g" "$SQL/$name.sql" >"$f"
    fi
    echo "$f"
}

# --- measuring --------------------------------------------------------------------------------

# Milliseconds from a wrk latency (850.00us, 1.23ms, 1.50s, 2.00m).
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n }'
}

# Median of the numbers on stdin (mean of the two middle ones for an even count); n/a for none.
median() {
    grep -E '^-?[0-9.]+$' | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.2f", m }'
}

# p50 p90 p99 max of the numbers on stdin (nearest rank).
percentiles() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a n/a n/a n/a"; exit }
        split("50 90 99", q, " ")
        for (i = 1; i <= 3; i++) { r = int(NR * q[i] / 100 + 0.999999); if (r < 1) r = 1; printf "%.2f ", v[r] }
        printf "%.2f\n", v[NR] }'
}

echo idle >"$WORK/phase"
phase() { echo "$1" >"$WORK/phase"; }
# feed-service's RSS once a second, with the phase it was in
(
    while :; do
        printf '%s %s\n' "$(cat "$WORK/phase" 2>/dev/null)" "$(rss_mb)"
        sleep 1
    done
) >"$WORK/rss.log" 2>/dev/null &
SAMPLER_PID=$!
RSS_START=$(rss_mb)

# wrk against the feed-service: $1 tokens file, $2 method, $3 path, $4 body, $5 duration, $6 connections.
# Prints wrk's output; fails when a response was not 2xx.
run_wrk() {
    local tokens=$1 method=$2 path=$3 body=$4 duration=$5 connections=${6:-$CONNECTIONS} out non2xx
    out=$(timeout $(($(seconds_of "$duration") + 60)) wrk -t "$THREADS" -c "$connections" -d "$duration" \
        --timeout 10s --latency -s "$SQL/requests.lua" "$BASE$path" -- "$tokens" "$method" "$path" "$body") \
        || die "wrk failed or timed out on $method $path"
    non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ { print $NF }')
    [ -z "$non2xx" ] || [ "$non2xx" = 0 ] || die "$method $path: $non2xx responses were not 2xx"
    printf '%s\n' "$out"
}
wrk_rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }'; }
wrk_pct() { local p; p=$(awk -v q="$1%" '$1 == q { print $2 }'); to_ms "$p"; }

# Query $1 raw in pgbench for duration $3, PG_CLIENTS processes of one client at once, process k with the values
# of user k (readers, or authors for post; cycling when there are more clients than users), bound as parameters
# ($2 = params) or written in as constants ($2 = constants: each process plans the query once); writes
# "tps latency" (the sum of the processes' TPS; the mean latency in ms over all transactions) to $WORK/result.
# (No percentiles: pgbench 15's per-transaction log records many sub-millisecond transactions as 0 µs.)
run_pgbench() {
    local name=$1 mode=$2 duration=$3 users=$READERS k u f out tps=0 one lat weighted=0
    local -a pids=()
    [ "$name" != post ] || users=$AUTHORS
    rm -f "$WORK"/pgbout*
    for k in $(seq 1 "$PG_CLIENTS"); do
        u=$(((k - 1) % users + 1))
        if [ "$mode" = params ]; then
            pgb_defs "$name" "$u"
            f=$SQL/$name.sql
        else
            PGB_DEFS=()
            f=$(pgb_constants "$name" "$u")
        fi
        # feed reads run as feed-service runs them, on sessions that plan once (its "reads" pool)
        (cd "$WORK" || exit 1
            [ "$name" = post ] || export PGOPTIONS="$PGOPTIONS -c plan_cache_mode=force_generic_plan"
            exec timeout $(($(seconds_of "$duration") + 60)) pgbench -n -M prepared -c 1 -j 1 \
            -T "$(seconds_of "$duration")" "${PGB_DEFS[@]}" -f "$f" \
            >"$WORK/pgbout$k" 2>&1) &
        pids+=($!)
    done
    for k in "${!pids[@]}"; do
        wait "${pids[k]}" || die "pgbench $name ($mode) failed: $(tail -n 3 "$WORK/pgbout$((k + 1))")"
    done
    for k in $(seq 1 "$PG_CLIENTS"); do
        out=$(cat "$WORK/pgbout$k")
        if printf '%s\n' "$out" | grep -q -e '^number of failed transactions: [1-9]' -e 'aborted' -e 'error:'; then
            die "pgbench $name ($mode): $(printf '%s\n' "$out" | grep -e 'failed' -e 'aborted' -e 'error:' | head -n 3)"
        fi
        one=$(printf '%s\n' "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
        [ -n "$one" ] || die "pgbench $name ($mode) printed no tps: $(printf '%s\n' "$out" | tail -n 3)"
        lat=$(printf '%s\n' "$out" | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' | head -n 1)
        tps=$(awk -v a="$tps" -v b="$one" 'BEGIN { print a + b }')
        weighted=$(awk -v a="$weighted" -v b="$one" -v l="${lat:-0}" 'BEGIN { print a + b * l }')
    done
    awk -v t="$tps" -v w="$weighted" 'BEGIN { printf "%.0f %.2f\n", t, (t > 0 ? w / t : 0) }' >"$WORK/result"
}

# hey at a fixed rate: $1 token, $2 path, $3 duration; writes "rps p50 p90 p99 non200" to $WORK/result.
run_hey() {
    local token=$1 path=$2 duration=$3 out rps ok total
    out=$(timeout $(($(seconds_of "$duration") + 60)) hey -z "$duration" -c "$RATE_WORKERS" \
        -q $((RATE / RATE_WORKERS)) -t 10 -H "Authorization: Bearer $token" "$BASE$path") || die "hey failed on $path"
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec:/ { printf "%.0f", $2 }')
    ok=$(printf '%s\n' "$out" | awk '/\[200\]/ { print $2 }')
    total=$(printf '%s\n' "$out" | awk '/\[[0-9]+\]/ { s += $2 } END { print s + 0 }')
    printf '%s %s %s %s %s\n' "$rps" \
        "$(printf '%s\n' "$out" | awk '$1 == "50%" { printf "%.2f", $3 * 1000 }')" \
        "$(printf '%s\n' "$out" | awk '$1 == "90%" { printf "%.2f", $3 * 1000 }')" \
        "$(printf '%s\n' "$out" | awk '$1 == "99%" { printf "%.2f", $3 * 1000 }')" \
        $((total - ${ok:-0})) >"$WORK/result"
}

# Waits until every post newer than server time $1 is in the timeline of its author and each of their followers.
# Writes "posts seconds-from-$1-until-complete entries expected" to $WORK/result (seconds "-" when it timed out).
wait_fanned_out() {
    local since=$1 deadline=$(($(date +%s) + DRAIN_TIMEOUT)) posts secs entries expected
    while :; do
        read -r posts secs entries expected < <(psql -X -q -At -F' ' -c "
            WITH mine AS (SELECT p.id, p.author_id FROM feed.posts p WHERE p.created_at > '$since')
            SELECT (SELECT count(*) FROM mine),
                   extract(epoch FROM clock_timestamp() - '$since'::timestamptz),
                   (SELECT count(*) FROM feed.timelines t WHERE t.post_id IN (SELECT id FROM mine)),
                   (SELECT coalesce(sum(1 + coalesce(c.followers, 0)), 0) FROM mine
                    LEFT JOIN feed.follow_counts c ON c.employee_id = mine.author_id)")
        [ -n "$expected" ] || die "could not count the fan-out's timeline entries"
        if [ "$entries" -ge "$expected" ]; then
            echo "$posts $secs $entries $expected" >"$WORK/result"
            return 0
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "$posts - $entries $expected" >"$WORK/result"
            return 0
        fi
        sleep 0.25
    done
}

POST_BODY='{"kind":"UPDATE","body":"Bench load post: the weekly update from the team, details inside.","groupId":null}'

declare -A PATH_OF=([home]="/api/feed/home?limit=20" [company]="/api/feed/company?limit=20"
                    [group]="/api/groups/$GROUP/feed?limit=20")

# --- correctness first: the service answers what the raw query answers -------------------------

ids_http() {
    curl -s -m 20 -H "Authorization: Bearer $(sed -n "${1}p" "$WORK/readers.tokens")" "$BASE$2" \
        | grep -o '"id":"[0-9a-f-]*"' | sed 's/"id":"\(.*\)"/\1/' | head -n 20
}
ids_raw() {
    psql -X -q -At -F'|' -f "$(pgb_constants "$2" "$1")" | cut -d'|' -f1 | head -n 20
}
for key in home company group; do
    code=$(http_code -H "Authorization: Bearer $(head -n 1 "$WORK/readers.tokens")" "$BASE${PATH_OF[$key]}")
    [ "$code" = 200 ] || die "GET ${PATH_OF[$key]} as ${R_NAME[1]} answered $code (expected 200)"
    http=$(ids_http 1 "${PATH_OF[$key]}")
    raw=$(ids_raw 1 "$key")
    [ "$(printf '%s\n' "$http" | grep -c .)" = 20 ] || die "GET ${PATH_OF[$key]} did not answer 20 items"
    [ "$http" = "$raw" ] || die "GET ${PATH_OF[$key]} and the raw $key query disagree for ${R_NAME[1]}:
$(paste <(printf '%s\n' "$http") <(printf '%s\n' "$raw") | head -n 5)"
done
say "checked: home, company and group feed pages through HTTP are the raw queries' 20 posts, in order"

# --- warm-up ----------------------------------------------------------------------------------

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -z "$WARMUP_SET" ] && { [ "$STARTED_STACK" = 1 ] || [ -n "$SEED_S" ]; }; then
    WARMUP=20s
fi
say "warm-up: $WARMUP of wrk per request and of pgbench per query (not recorded)"
phase warmup
for key in home company group; do
    run_wrk "$WORK/readers.tokens" GET "${PATH_OF[$key]}" "" "$WARMUP" >/dev/null
    run_pgbench "$key" params "$WARMUP"
done
run_wrk "$WORK/authors.tokens" POST /api/posts "$POST_BODY" "$WARMUP" >/dev/null
wait_fanned_out "$LAST_POST_AT"
run_pgbench post params "$WARMUP"
cleanup_posts vacuum

# --- the runs ---------------------------------------------------------------------------------

declare -A HTTP_RPS HTTP_P50 HTTP_P90 HTTP_P99 RAW_TPS RAW_LAT RAWC_TPS RAWC_LAT FIX_RPS FIX_P50 FIX_P90 FIX_P99 FIX_BAD
declare -A POST_ACCEPTED POST_SUSTAINED POST_DRAIN POST_RAW POST_RAW_LAT POST_COUNT
for run in $(seq 1 "$RUNS"); do
    ensure_tokens readers $((DUR_S * 10 + 120))
    for key in home company group; do
        phase "read-$key"
        out=$(run_wrk "$WORK/readers.tokens" GET "${PATH_OF[$key]}" "" "$DURATION")
        HTTP_RPS[$key,$run]=$(printf '%s\n' "$out" | wrk_rps)
        HTTP_P50[$key,$run]=$(printf '%s\n' "$out" | wrk_pct 50)
        HTTP_P90[$key,$run]=$(printf '%s\n' "$out" | wrk_pct 90)
        HTTP_P99[$key,$run]=$(printf '%s\n' "$out" | wrk_pct 99)
        phase "raw-$key"
        run_pgbench "$key" params "$DURATION"
        read -r tps lat <"$WORK/result"
        RAW_TPS[$key,$run]=$tps RAW_LAT[$key,$run]=$lat
        run_pgbench "$key" constants "$DURATION"
        read -r tps lat <"$WORK/result"
        RAWC_TPS[$key,$run]=$tps RAWC_LAT[$key,$run]=$lat
        say "run $run/$RUNS $key: HTTP ${HTTP_RPS[$key,$run]} req/s (p50 ${HTTP_P50[$key,$run]} ms, p99 ${HTTP_P99[$key,$run]} ms), raw ${RAW_TPS[$key,$run]} TPS (mean ${RAW_LAT[$key,$run]} ms), raw planned once ${RAWC_TPS[$key,$run]} TPS"
        if [ "$key" = home ]; then
            run_pgbench timeline params "$DURATION"
            read -r tps lat <"$WORK/result"
            RAW_TPS[timeline,$run]=$tps RAW_LAT[timeline,$run]=$lat
            say "run $run/$RUNS timeline (pure read): raw ${RAW_TPS[timeline,$run]} TPS (mean ${RAW_LAT[timeline,$run]} ms)"
        fi
        if [ "$HEY" = 1 ]; then
            phase "fixed-$key"
            k=$(((run - 1) % READERS + 1))
            run_hey "$(sed -n "${k}p" "$WORK/readers.tokens")" "${PATH_OF[$key]}" "$DURATION"
            read -r rps p50 p90 p99 bad <"$WORK/result"
            FIX_RPS[$key,$run]=$rps FIX_P50[$key,$run]=$p50 FIX_P90[$key,$run]=$p90 FIX_P99[$key,$run]=$p99 FIX_BAD[$key,$run]=$bad
            [ "${FIX_BAD[$key,$run]}" = 0 ] || die "$key at $RATE req/s: ${FIX_BAD[$key,$run]} responses were not 200"
            say "run $run/$RUNS $key at $RATE req/s: ${FIX_RPS[$key,$run]} req/s, p50 ${FIX_P50[$key,$run]} ms, p90 ${FIX_P90[$key,$run]} ms, p99 ${FIX_P99[$key,$run]} ms"
        fi
    done

    # posting: the HTTP max rate until fanned out, then raw insert + fan-out
    ensure_tokens authors $((DUR_S * 3 + DRAIN_TIMEOUT + 60))
    phase post
    since=$(psql_value "SELECT clock_timestamp()")
    out=$(run_wrk "$WORK/authors.tokens" POST /api/posts "$POST_BODY" "$DURATION")
    POST_ACCEPTED[$run]=$(printf '%s\n' "$out" | wrk_rps)
    phase fan-out
    wait_fanned_out "$since"
    read -r posts secs entries expected <"$WORK/result"
    POST_COUNT[$run]=$posts
    if [ "$secs" = - ]; then
        # not done within DRAIN_TIMEOUT: what was written by then, as a rate
        secs=$((DRAIN_TIMEOUT + DUR_S))
        posts=$(awk -v n="$posts" -v e="$entries" -v x="$expected" 'BEGIN { printf "%.0f", n * e / x }')
        POST_COUNT[$run]="${POST_COUNT[$run]}, fan-out unfinished after ${secs} s: $entries of $expected entries"
    fi
    POST_DRAIN[$run]=$(awk -v s="$secs" -v d="$DUR_S" 'BEGIN { printf "%.1f", (s > d ? s - d : 0) }')
    POST_SUSTAINED[$run]=$(awk -v n="$posts" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
    phase raw-post
    cleanup_posts
    run_pgbench post params "$DURATION"
    read -r tps lat <"$WORK/result"
    POST_RAW[$run]=$tps POST_RAW_LAT[$run]=$lat
    say "run $run/$RUNS post: HTTP ${POST_ACCEPTED[$run]} posts/s accepted, $posts posts fanned out to every follower in $secs s: ${POST_SUSTAINED[$run]} posts/s sustained; raw insert + fan-out ${POST_RAW[$run]} TPS"
    phase cleanup
    cleanup_posts vacuum
done

# --- post to home feed, at a steady rate --------------------------------------------------------

ensure_tokens authors $(($(seconds_of "$PROBE_DURATION") + DRAIN_TIMEOUT + 60))
phase probe
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'EOF'
SET client_min_messages = warning;
DROP TABLE IF EXISTS feed_bench.arrivals;
CREATE TABLE feed_bench.arrivals (post_id uuid NOT NULL, entries int NOT NULL, at timestamptz NOT NULL);
CREATE OR REPLACE FUNCTION feed_bench.note_arrivals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feed_bench.arrivals SELECT post_id, count(*), clock_timestamp() FROM added GROUP BY post_id;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS feed_bench_arrivals ON feed.timelines;
CREATE TRIGGER feed_bench_arrivals AFTER INSERT ON feed.timelines REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION feed_bench.note_arrivals();
EOF
TRIGGER_SET=1
since=$(psql_value "SELECT clock_timestamp()")
pause_ms=$((PROBE_CONNECTIONS * 1000 / PROBE_RATE))
timeout $(($(seconds_of "$PROBE_DURATION") + 60)) wrk -t 1 -c "$PROBE_CONNECTIONS" -d "$PROBE_DURATION" --timeout 10s \
    -s "$SQL/paced.lua" "$BASE/api/posts" -- "$WORK/authors.tokens" POST /api/posts "$POST_BODY" "$pause_ms" \
    >"$WORK/probe.out" || die "wrk failed on the probe"
wait_fanned_out "$since"
read -r PROBE_N secs _ _ <"$WORK/result"
psql_value "DROP TRIGGER feed_bench_arrivals ON feed.timelines" >/dev/null
TRIGGER_SET=0
PROBE_RPS=$(awk -v n="$PROBE_N" -v d="$(seconds_of "$PROBE_DURATION")" 'BEGIN { printf "%.1f", n / d }')
# per post: from its created_at (the service's clock when it published) to the fan-out statement that wrote it
# into its author's and every follower's timeline; a post fanned out short of them counts as never arrived
read -r PROBE_P50 PROBE_P90 PROBE_P99 PROBE_MAX < <(psql -X -q -At -c "
    SELECT extract(epoch FROM a.at - p.created_at) * 1000 FROM feed.posts p
    JOIN feed_bench.arrivals a ON a.post_id = p.id
    JOIN feed.follow_counts c ON c.employee_id = p.author_id
    WHERE p.created_at > '$since' AND a.entries = 1 + c.followers" | percentiles)
PROBE_OK=$(psql_value "SELECT count(*) FROM feed.posts p JOIN feed_bench.arrivals a ON a.post_id = p.id
                        JOIN feed.follow_counts c ON c.employee_id = p.author_id
                        WHERE p.created_at > '$since' AND a.entries = 1 + c.followers")
say "post to home feed at $PROBE_RPS posts/s: $PROBE_OK of $PROBE_N posts in every follower's timeline; p50 $PROBE_P50 ms, p90 $PROBE_P90 ms, p99 $PROBE_P99 ms, max $PROBE_MAX ms"
phase cleanup
cleanup_posts vacuum
psql_value "DROP TABLE feed_bench.arrivals" >/dev/null

kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_END=$(rss_mb)
rss_max() { awk -v re="$1" '$1 ~ re && $2 > m { m = $2 } END { print m + 0 }' "$WORK/rss.log"; }
RSS_READS=$(rss_max '^(read|fixed)-')
RSS_POSTS=$(rss_max '^(post|fan-out|probe)$')
say "feed-service RSS: $RSS_START MB at the start, max $RSS_READS MB under reads, $RSS_POSTS MB under posting, $RSS_END MB at the end"

# --- report -----------------------------------------------------------------------------------

# medians over the runs of ARRAY[key,run]
med() {
    local -n a=$1
    local run
    for run in $(seq 1 "$RUNS"); do echo "${a[$2,$run]:-}"; done | median
}
list1() {
    local -n a=$1
    local run sep=""
    for run in $(seq 1 "$RUNS"); do printf '%s%s' "$sep" "${a[$run]:-n/a}"; sep=", "; done
}
med1() {
    local -n a=$1
    local run
    for run in $(seq 1 "$RUNS"); do echo "${a[$run]:-}"; done | median
}
per_run() {
    local -n a=$1
    local run sep=""
    for run in $(seq 1 "$RUNS"); do printf '%s%s' "$sep" "${a[$2,$run]:-n/a}"; sep=", "; done
}
ratio_runs() {   # per-run ratios of two keyed arrays, "0.61, 0.58, 0.60"
    local -n a=$1 b=$3
    local run sep=""
    for run in $(seq 1 "$RUNS"); do
        awk -v x="${a[$2,$run]:-0}" -v y="${b[$4,$run]:-0}" -v s="$sep" 'BEGIN { printf "%s%.2f", s, (y > 0 ? x / y : 0) }'
        sep=", "
    done
}
ratio_median() { ratio_runs "$@" | tr ',' '\n' | tr -d ' ' | median; }
TOTAL_S=$(($(date +%s) - T_BENCH))

section() {
    local key dirty="" title
    [ -z "$(cd "$ROOT" && git status --porcelain 2>/dev/null)" ] || dirty=" (with uncommitted changes)"
    echo
    echo "### $(date -u '+%Y-%m-%d %H:%M UTC')${LABEL:+ — $LABEL}"
    echo
    echo "- machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $LOAD_START at the start, $LOAD_AFTER at the end"
    echo "- commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout')$dirty; feed-service JDK: $JDK, ${FEED_JVM:-default JVM options}"
    echo "- data (SCALE=$SCALE$([ -n "$SEED_S" ] && echo ", seeded in $SEED_S s by this run" || echo ", seeded before")): $N_EMP employees, $N_FOLLOWS follows, $N_GROUPS groups ($N_BIG broadcast: more than the fan-out limit of members), $N_POSTS posts over 90 days, $N_REACTIONS reactions, $N_TL timeline entries; database $DB_SIZE"
    echo "- load: wrk $THREADS threads, $CONNECTIONS connections, tokens of $READERS readers (or $AUTHORS authors with $AUTHOR_FOLLOWERS followers) in turn; pgbench -M prepared, $PG_CLIENTS clients (one process each, bound to the first $PG_CLIENTS users); $DURATION per measurement, $RUNS runs after a $WARMUP warm-up; group feed: the largest public group ($GROUP_POSTS posts)"
    echo "- whole bench: $TOTAL_S s"
    echo
    echo "Max throughput, a page of 20 (medians of $RUNS runs; latency in ms). *Raw* is the query as feed-service sends it, its parameters bound (pgbench gives its mean latency, no percentiles); *planned once* the same with the values written in, so each client plans it once:"
    echo
    echo "| feed | HTTP req/s | p50 | p90 | p99 | raw TPS | raw mean | HTTP ÷ raw | per run | planned once TPS | HTTP ÷ that |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    for key in home company group; do
        # shellcheck disable=SC2016  # backquotes are Markdown here
        case $key in
            home) title='home `GET /api/feed/home?limit=20`' ;;
            company) title='company `GET /api/feed/company?limit=20`' ;;
            group) title='group `GET /api/groups/{id}/feed?limit=20`' ;;
        esac
        printf '| %s | %.0f | %s | %s | %s | %.0f | %s | **%s** | %s | %.0f | %s |\n' "$title" \
            "$(med HTTP_RPS "$key")" "$(med HTTP_P50 "$key")" "$(med HTTP_P90 "$key")" "$(med HTTP_P99 "$key")" \
            "$(med RAW_TPS "$key")" "$(med RAW_LAT "$key")" \
            "$(ratio_median HTTP_RPS "$key" RAW_TPS "$key")" "$(ratio_runs HTTP_RPS "$key" RAW_TPS "$key")" \
            "$(med RAWC_TPS "$key")" "$(ratio_median HTTP_RPS "$key" RAWC_TPS "$key")"
    done
    printf '| pure timeline read (raw only: newest 20 of one timeline, no join) | | | | | %.0f | %s | home ÷ this: **%s** | %s | | |\n' \
        "$(med RAW_TPS timeline)" "$(med RAW_LAT timeline)" \
        "$(ratio_median HTTP_RPS home RAW_TPS timeline)" "$(ratio_runs HTTP_RPS home RAW_TPS timeline)"
    echo
    echo "Target: HTTP ÷ raw ≥ 0.5 for each feed."
    echo
    if [ "$HEY" = 1 ]; then
        echo "At a fixed $RATE req/s (hey, $RATE_WORKERS workers × $((RATE / RATE_WORKERS)) req/s, one reader's token per run; a worker waits for its answer, so an overloaded service shows as a lower achieved rate):"
        echo
        echo "| feed | achieved req/s | p50 ms | p90 ms | p99 ms | p99 per run |"
        echo "|---|---:|---:|---:|---:|---|"
        for key in home company group; do
            printf '| %s | %.0f | %s | %s | **%s** | %s |\n' "$key" "$(med FIX_RPS "$key")" "$(med FIX_P50 "$key")" \
                "$(med FIX_P90 "$key")" "$(med FIX_P99 "$key")" "$(per_run FIX_P99 "$key")"
        done
        echo
        echo "Target: p99 ≤ 10 ms at 2,000 req/s (home feed)."
    else
        echo "No fixed-rate measurement: hey is not installed (the max-throughput percentiles above are under saturation)."
    fi
    echo
    echo "Posting (\`POST /api/posts\`, company-wide, by authors with $AUTHOR_FOLLOWERS followers; fan-out by feed-service's consumer of its own events):"
    echo
    echo "| | median | per run |"
    echo "|---|---:|---|"
    local pr="" r s="" counts=""
    for r in $(seq 1 "$RUNS"); do counts+="$s${POST_SUSTAINED[$r]} (${POST_COUNT[$r]} posts)"; s=", "; done
    printf '| HTTP posts/s accepted (%s connections) | %.0f | %s |\n' "$CONNECTIONS" "$(med1 POST_ACCEPTED)" "$(list1 POST_ACCEPTED)"
    printf '| HTTP posts/s sustained: posted and in every follower'"'"'s timeline | %.0f | %s |\n' "$(med1 POST_SUSTAINED)" "$counts"
    printf '| fan-out still running after the last post, s | %s | %s |\n' "$(med1 POST_DRAIN)" "$(list1 POST_DRAIN)"
    printf '| raw insert + fan-out, pgbench TPS (%s clients) | %.0f | %s |\n' "$PG_CLIENTS" "$(med1 POST_RAW)" "$(list1 POST_RAW)"
    printf '| raw insert + fan-out, mean latency ms | %s | %s |\n' "$(med1 POST_RAW_LAT)" "$(list1 POST_RAW_LAT)"
    s=""
    for r in $(seq 1 "$RUNS"); do
        pr+=$(awk -v x="${POST_SUSTAINED[$r]}" -v y="${POST_RAW[$r]}" -v s="$s" 'BEGIN { printf "%s%.2f", s, (y > 0 ? x / y : 0) }')
        s=", "
    done
    printf '| sustained ÷ raw (target ≥ 0.5) | **%s** | %s |\n' "$(printf '%s\n' "$pr" | tr ',' '\n' | tr -d ' ' | median)" "$pr"
    echo
    echo "Post to present in every follower's home timeline, at a steady $PROBE_RATE posts/s requested ($PROBE_RPS achieved, $PROBE_DURATION): $PROBE_OK of $PROBE_N posts arrived complete; p50 **$PROBE_P50 ms**, p90 $PROBE_P90 ms, p99 **$PROBE_P99 ms**, max $PROBE_MAX ms (from the post's created_at to the fan-out statement that wrote all of its timeline entries)."
    echo
    echo "feed-service resident memory (VmRSS, once a second): $RSS_START MB before the load, max $RSS_READS MB under reads, max $RSS_POSTS MB under posting, $RSS_END MB at the end (target ≤ 250 MB)."
}

mkdir -p "$(dirname "$OUT")"
if [ ! -s "$OUT" ]; then
    {
        echo "# The feed benchmark: feed-service through HTTP against the same queries raw"
        echo
        echo "Written by \`bench/feed-bench.sh\` (see bench/README.md, \"The feed benchmark\"); each run adds a section at the end."
        echo
        echo "## Runs"
    } >"$OUT"
fi
section >>"$OUT"
say "whole bench: $TOTAL_S s; results appended to ${OUT#"$ROOT"/}"
