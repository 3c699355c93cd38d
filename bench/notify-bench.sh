#!/usr/bin/env bash
# The notification benchmark (issue "notification-service", "Performance"), through the running stack with real
# Keycloak tokens, next to the raw engine in the same run.
#
#   bench/notify-bench.sh                      3 runs; seeds 100k read-copy employees when missing
#   RUNS=5 STREAMS=2000 LABEL="…" bench/notify-bench.sh
#
# Per run (medians over the runs are reported):
#   streams   STREAMS live streams (GET /api/notifications/stream) over USERS people, held by a separate JVM
#             (bench/notify/NotifyBench.java): notification-service's resident memory before and with them open
#   mention   MENTIONS posts through feed-service, one every INTERVAL ms, each naming one of those people: from the
#             201 to the notification on each of that person's open streams, p50/p90/p99/max
#   burst     EVENTS reaction.set events at RATE/s produced straight to intranet.feed (as feed-service publishes
#             them) on POSTS posts: how fast notification-service consumes them (de-dup, visibility, preference,
#             grouped write, actor, signal) and how many rows that leaves, against the same statements in pgbench
#   reach     an HR must-read announcement to a department of AUDIENCE people through feed-service: the time until
#             each of SAMPLE members' own list shows it, and the rows written for it (one broadcast, one row per
#             person who looked)
# Needs the stack (started and stopped again when it is not up), a JDK 21+ (found like ./mvnw finds it), psql and
# pgbench; holds the build lock. Leaves its Keycloak users (nb1…, nbhr) and read-copy employees; deletes its
# announcements. Results: a dated section in bench/results/notifications.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1
NOTIFY=http://$HOST:8084
FEED=http://$HOST:8082
PROFILE=http://$HOST:8081
REALM_URL=http://$HOST:8180/realms/intranet
USERS=${USERS:-100}
STREAMS=${STREAMS:-1000}
MENTIONS=${MENTIONS:-200}
INTERVAL=${INTERVAL:-50}
EVENTS=${EVENTS:-20000}
RATE=${RATE:-2000}
POSTS=${POSTS:-200}
AUDIENCE=${AUDIENCE:-100000}
SAMPLE=${SAMPLE:-20}
RUNS=${RUNS:-3}
PG_SECONDS=${PG_SECONDS:-10}
PG_CLIENTS=${PG_CLIENTS:-$(nproc)}
OUT=${OUT:-$ROOT/bench/results/notifications.md}
LABEL=${LABEL:-}
LOCK=${LOCK:-/tmp/intranet-build.lock}
DEPT="Bench Wide"

export PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-intranet}
export PGOPTIONS="-c search_path=notification"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
# shellcheck source=.mvn/wrapper/find-jdk.sh
. "$ROOT/.mvn/wrapper/find-jdk.sh"

T_BENCH=$(date +%s)
for n in USERS STREAMS MENTIONS INTERVAL EVENTS RATE POSTS AUDIENCE SAMPLE RUNS PG_SECONDS PG_CLIENTS; do
    case ${!n} in '' | *[!0-9]* | 0) die "$n must be a positive number (got '${!n}')" ;; esac
done
[ "$SAMPLE" -le "$USERS" ] || die "need SAMPLE <= USERS"
needs curl psql pgbench awk sed sort flock
find_jdk >/dev/null || die "a JDK 21+ is needed (see .mvn/wrapper/find-jdk.sh)"
JAVA=$JAVA_HOME/bin/java
CP="$(cat "$ROOT/test-support/target/classpath.txt" 2>/dev/null)" || die "build first (./mvnw install): test-support's classpath is missing"
bench_java() { "$JAVA" -Xmx512m --class-path "$CP" "$ROOT/bench/notify/NotifyBench.java" "$@"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/notify-bench.XXXXXX")
finish() {
    local rc=$?
    stop_started_stack
    rm -rf "$WORK"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM
hold_lock
ensure_stack "$NOTIFY/q/health/ready" "$FEED/q/health/ready" "$PROFILE/q/health/ready" "$REALM_URL/.well-known/openid-configuration"
NOTIFY_PID=$(tr -dc '0-9' <"$ROOT/.intranet/run/notification.pid" 2>/dev/null || true)
[ -n "$NOTIFY_PID" ] || die "no pid for notification-service in .intranet/run"

# --- people ----------------------------------------------------------------------------------

psql -X -q -At -F' ' -c "SELECT 'nb' || i, CAST(md5('notify-bench-' || i) AS uuid) FROM generate_series(1, $USERS) i
                         UNION ALL SELECT 'nbhr', CAST(md5('notify-bench-hr') AS uuid)" >"$WORK/people"
sep=""
while read -r name id; do
    roles='"employee"'; [ "$name" = nbhr ] && roles='"employee","hr"'
    printf '%s' "$sep"; keycloak_user_json "$id" "$name" "$name" "$DEPT" "Bench Site" "$roles"; sep=","
done <"$WORK/people" >"$WORK/users.json"
keycloak_import_users "$WORK/users.json"

# "username id token" per line, the poster (nbhr) first; tokens live 15 minutes: fetched again for each run
fetch_tokens() {
    local name id t
    : >"$WORK/tokens"
    { grep '^nbhr ' "$WORK/people"; grep -v '^nbhr ' "$WORK/people"; } | while read -r name id; do
        t=$(token_of "$name")
        [ -n "$t" ] || die "no token for $name"
        printf '%s %s %s\n' "$name" "$id" "$t" >>"$WORK/tokens"
    done
    HR=$(sed -n '1s/^[^ ]* [^ ]* //p' "$WORK/tokens")
}
t0=$(date +%s)
fetch_tokens
say "tokens: $((USERS + 1)) people in $(($(date +%s) - t0)) s"

# their profiles (just-in-time, from the token), which profile-service publishes: feed-service then resolves
# @nb17, and notification-service knows their department
t0=$(date +%s)
while read -r name _ t; do
    [ "$(http_code -H "Authorization: Bearer $t" "$PROFILE/api/profiles/me")" = 200 ] || die "no profile for $name"
done <"$WORK/tokens"
for i in $(seq 1 120); do
    in_feed=$(PGOPTIONS="-c search_path=feed" psql_value "SELECT count(*) FROM employees WHERE username ~ '^nb([0-9]+|hr)$'")
    in_notify=$(psql_value "SELECT count(*) FROM employees WHERE username ~ '^nb([0-9]+|hr)$'")
    [ "$in_feed" -ge $((USERS + 1)) ] && [ "$in_notify" -ge $((USERS + 1)) ] && break
    [ $((i % 10)) = 0 ] && say "profiles: $in_feed of $((USERS + 1)) in feed-service's read-copy, $in_notify in notification-service's"
    sleep 1
done
[ "$in_feed" -ge $((USERS + 1)) ] && [ "$in_notify" -ge $((USERS + 1)) ] || die "profiles did not reach feed ($in_feed) and notification ($in_notify)"
say "profiles: $((USERS + 1)) people in both read-copies in $(($(date +%s) - t0)) s"
# their department as the token says (a profile made just in time may not carry it)
psql_value "UPDATE employees SET department = '$DEPT' WHERE username ~ '^nb([0-9]+|hr)$'
            AND department IS DISTINCT FROM '$DEPT'" >/dev/null

# the rest of the department, in notification-service's read-copy only (nobody looks on their behalf)
t0=$(date +%s.%N)
before=$(psql_value "SELECT count(*) FROM employees WHERE id LIKE 'nbwide-%'")
psql_value "INSERT INTO employees (id, username, display_name, email, department, location, status, version)
            SELECT 'nbwide-' || g, 'nbwide' || g, 'Wide ' || g, NULL, '$DEPT', 'Bench Site', 'ACTIVE', 1
            FROM generate_series(1, $AUDIENCE - $USERS - 1) g ON CONFLICT DO NOTHING" >/dev/null
after=$(psql_value "SELECT count(*) FROM employees WHERE id LIKE 'nbwide-%'")
secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
AUD=$(psql_value "SELECT count(*) FROM employees WHERE department = '$DEPT' AND status = 'ACTIVE'")
say "audience: $AUD people in '$DEPT' ($((after - before)) added in $secs s, $(awk -v n=$((after - before)) -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')/s)"

# pgbench's recipients and their own 200 posts' notifications start empty
psql_value "DELETE FROM notifications WHERE recipient_id LIKE 'pgb-author-%'; DELETE FROM processed_events WHERE consumer = 'pgbench'" >/dev/null

metric() { # the REACTION notifications written (created or updated) so far
    curl -s -m 10 "$NOTIFY/q/metrics" | awk -F' ' '/^intranet_notifications_created_total\{.*type="REACTION"/ { printf "%.0f\n", $2 }'
}
kv() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

# --- warm-up ---------------------------------------------------------------------------------

bench_java latency --notify "$NOTIFY" --feed "$FEED" --tokens "$WORK/tokens" --streams 200 --mentions 100 \
    --interval 20 --pid "$NOTIFY_PID" >"$WORK/warm.out" || die "warm-up failed"
WARM_ID="w$(date +%s)"
bench_java burst --bootstrap "$HOST:9092" --tokens "$WORK/tokens" --events 5000 --rate "$RATE" --posts "$POSTS" \
    --run "$WARM_ID" >/dev/null || die "warm-up burst failed"
for _ in $(seq 1 300); do # drained before anything is measured
    [ "$(psql_value "SELECT count(*) FROM processed_events WHERE consumer = 'notification.feed' AND event_id LIKE 'nbench-$WARM_ID-%'")" -ge 5000 ] && break
    sleep 1
done
say "warm-up: 100 mentions on 200 streams, 5,000 reactions consumed (not recorded)"

# --- runs ------------------------------------------------------------------------------------

for f in rss_before rss_open open_s lat_p50 lat_p90 lat_p99 lat_max missing burst_rate burst_writes burst_rows raw_tps raw_tps1 \
         reach_max reach_p50 reach_rows; do : >"$WORK/$f"; done
for run in $(seq 1 "$RUNS"); do
    fetch_tokens
    bench_java latency --notify "$NOTIFY" --feed "$FEED" --tokens "$WORK/tokens" --streams "$STREAMS" \
        --mentions "$MENTIONS" --interval "$INTERVAL" --pid "$NOTIFY_PID" >"$WORK/lat.out"
    kv rss_before_mb "$WORK/lat.out" >>"$WORK/rss_before"; kv rss_open_mb "$WORK/lat.out" >>"$WORK/rss_open"
    kv open_seconds "$WORK/lat.out" >>"$WORK/open_s"; kv missing "$WORK/lat.out" >>"$WORK/missing"
    for q in p50 p90 p99 max; do kv "${q}_ms" "$WORK/lat.out" >>"$WORK/lat_$q"; done

    # the burst: produced at RATE/s, consumed as fast as notification-service goes
    RUN_ID="r$(date +%s)"
    writes_before=$(metric)
    t0=$(date +%s.%N)
    bench_java burst --bootstrap "$HOST:9092" --tokens "$WORK/tokens" --events "$EVENTS" --rate "$RATE" \
        --posts "$POSTS" --run "$RUN_ID" >"$WORK/burst.out"
    last=0
    for i in $(seq 1 600); do
        done_n=$(psql_value "SELECT count(*) FROM processed_events WHERE consumer = 'notification.feed' AND event_id LIKE 'nbench-$RUN_ID-%'")
        [ "$done_n" -ge "$EVENTS" ] && break
        if [ $((i % 5)) = 0 ]; then say "burst: $done_n of $EVENTS consumed ($(( (done_n - last) / 5 ))/s)"; last=$done_n; fi
        sleep 1
    done
    [ "$done_n" -ge "$EVENTS" ] || die "only $done_n of $EVENTS reactions consumed in 10 minutes"
    secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    awk -v n="$EVENTS" -v s="$secs" 'BEGIN { printf "%.0f\n", n / s }' >>"$WORK/burst_rate"
    echo $(( $(metric) - writes_before )) >>"$WORK/burst_writes"
    psql_value "SELECT count(*) FROM notifications WHERE group_key LIKE 'reaction:post:nbench-$RUN_ID-%'" >>"$WORK/burst_rows"
    # raw: one client (one event at a time), and as many clients as cores
    pgbench -n -M prepared -c 1 -T "$PG_SECONDS" -f "$ROOT/bench/notify/reaction.sql" \
        >"$WORK/pgb.out" 2>&1 || die "pgbench failed: $(tail -n 3 "$WORK/pgb.out")"
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgb.out" | awk '{ printf "%.0f\n", $1 }' >>"$WORK/raw_tps1"
    pgbench -n -M prepared -c "$PG_CLIENTS" -j "$PG_CLIENTS" -T "$PG_SECONDS" -f "$ROOT/bench/notify/reaction.sql" \
        >"$WORK/pgb.out" 2>&1 || die "pgbench failed: $(tail -n 3 "$WORK/pgb.out")"
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgb.out" | awk '{ printf "%.0f\n", $1 }' >>"$WORK/raw_tps"

    # the announcement to the whole department
    bench_java reach --feed "$FEED" --notify "$NOTIFY" --hr "$HR" --tokens "$WORK/tokens" --sample "$SAMPLE" \
        --dept "$DEPT" >"$WORK/reach.out"
    [ "$(kv seen "$WORK/reach.out")" = "$SAMPLE" ] || die "only $(kv seen "$WORK/reach.out") of $SAMPLE members saw the announcement within 30 s"
    kv seen_max_ms "$WORK/reach.out" >>"$WORK/reach_max"; kv seen_p50_ms "$WORK/reach.out" >>"$WORK/reach_p50"
    POST=$(kv post "$WORK/reach.out")
    psql_value "SELECT (SELECT count(*) FROM notifications WHERE post_id = '$POST') + (SELECT count(*) FROM broadcasts WHERE post_id = '$POST')" >>"$WORK/reach_rows"
    [ "$(http_code -X DELETE -H "Authorization: Bearer $HR" "$FEED/api/posts/$POST")" = 204 ] || die "could not delete announcement $POST"

    say "run $run/$RUNS: $STREAMS streams (RSS $(tail -n 1 "$WORK/rss_before") -> $(tail -n 1 "$WORK/rss_open") MB); mention -> stream p50 $(tail -n 1 "$WORK/lat_p50") ms, p99 $(tail -n 1 "$WORK/lat_p99") ms ($(tail -n 1 "$WORK/missing") missing); burst consumed at $(tail -n 1 "$WORK/burst_rate")/s ($(tail -n 1 "$WORK/burst_writes") writes, $(tail -n 1 "$WORK/burst_rows") rows), raw $(tail -n 1 "$WORK/raw_tps1")/s (1 client), $(tail -n 1 "$WORK/raw_tps")/s ($PG_CLIENTS); announcement to $AUD seen by $SAMPLE within $(tail -n 1 "$WORK/reach_max") ms, $(tail -n 1 "$WORK/reach_rows") rows"
done
psql_value "DELETE FROM notifications WHERE recipient_id LIKE 'pgb-author-%'; DELETE FROM processed_events WHERE consumer = 'pgbench'" >/dev/null

# --- results ---------------------------------------------------------------------------------

COMMIT="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$ROOT" && git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
m() { median <"$WORK/$1"; }
ratio() { awk -v a="$(m "$1")" -v b="$(m "$2")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
{
    [ -s "$OUT" ] || printf '# The notification benchmark\n\nWritten by `bench/notify-bench.sh` (bench/README.md); each run adds a section.\n'
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC${LABEL:+ — $LABEL}"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; the load process shares it"
    echo "- commit: $COMMIT"
    echo "- data: $USERS Keycloak users holding the streams, $AUD people in the announcement's department (notification-service's read-copy), $(psql_value "SELECT count(*) FROM notifications") notifications in the table at the end"
    echo "- load: $RUNS runs after a warm-up; $STREAMS streams, $MENTIONS mentions one every $INTERVAL ms; $EVENTS reactions at $RATE/s on $POSTS posts; pgbench -M prepared, $PG_CLIENTS clients, $PG_SECONDS s; whole bench $(($(date +%s) - T_BENCH)) s"
    echo
    echo "| measurement | median | per run | target |"
    echo "|---|---:|---|---|"
    echo "| mention posted (201 from feed-service) → notification on each of the person's open streams, p50 / p90 / p99, ms | $(m lat_p50) / $(m lat_p90) / **$(m lat_p99)** | $(list_of "$WORK/lat_p99") (p99) | p99 ≤ 250 |"
    echo "| … slowest, ms; deliveries missing | $(m lat_max); $(m missing) | $(list_of "$WORK/missing") | 0 missing |"
    echo "| notification-service resident memory: before / with $STREAMS streams open, MB | $(m rss_before) / **$(m rss_open)** | $(list_of "$WORK/rss_open") | ≤ 300 |"
    echo "| … time to open them all, s | $(m open_s) | $(list_of "$WORK/open_s") | |"
    echo "| $EVENTS reactions produced at $RATE/s: consumed per second (from the first sent to the last applied) | **$(m burst_rate)** | $(list_of "$WORK/burst_rate") | |"
    echo "| … notification writes (created or updated, grouping included) / rows left | $(m burst_writes) / $(m burst_rows) | $(list_of "$WORK/burst_rows") (rows) | one row per post |"
    echo "| the same statements per reaction raw in pgbench, 1 client, TPS | $(m raw_tps1) | $(list_of "$WORK/raw_tps1") | |"
    echo "| … $PG_CLIENTS clients, TPS | $(m raw_tps) | $(list_of "$WORK/raw_tps") | |"
    echo "| service ÷ raw, 1 client / $PG_CLIENTS clients | **$(ratio burst_rate raw_tps1)** / $(ratio burst_rate raw_tps) | | |"
    echo "| must-read announcement to $AUD people: until each of $SAMPLE members' list shows it, last / median, ms | **$(m reach_max)** / $(m reach_p50) | $(list_of "$WORK/reach_max") | |"
    echo "| … rows written for it (broadcast + one per person who looked) | $(m reach_rows) | $(list_of "$WORK/reach_rows") | $((SAMPLE + 1)), not $AUD |"
} >>"$OUT"
say "whole bench: $(($(date +%s) - T_BENCH)) s; results appended to ${OUT#"$ROOT"/}"
