#!/usr/bin/env bash
# The announcement benchmark (issue "feed-service, part 2", "Performance"): HR announcements to 100k employees
# through HTTP with real Keycloak tokens, next to the same statements raw in pgbench, in the same run.
#
#   bench/announce-bench.sh                    seeds 100k read-copy employees when missing (~10 s), then 3 runs
#   AUDIENCE=20000 bench/announce-bench.sh     a smaller company
#   RUNS=5 DURATION=20s LABEL="…" bench/announce-bench.sh
#
# Per run (medians over the runs are reported):
#   publish     POST /api/posts (kind ANNOUNCEMENT) by an HR user to all 20 bench departments (the whole AUDIENCE)
#               and to one (a twentieth): response time, and the rows written for it in every table it touches
#               (posts, revisions, tags, timelines, receipts, outbox) - which must not grow with the audience
#   visible     right after the 201, SAMPLE audience members ask GET /api/announcements at once, each until their
#               list shows it: the time from the 201 to the last of them
#   ack         wrk, CONNECTIONS connections: POST /api/announcements/{id}/ack by USERS people on ANNOUNCEMENTS fresh
#               announcements (every pair once), against the same INSERT ... ON CONFLICT raw in pgbench
#   reach       wrk, 1 connection: GET /api/announcements/{id}/reach of the whole-audience announcement, p50/p99, against the
#               same aggregate raw in pgbench
# Needs the stack (./intranet up; started and stopped again when it is not up) and holds the build lock meanwhile.
# It adds employees to feed-service's read-copy and Keycloak users (annb1…, annhr) and leaves its announcements in
# place (they are visible to the bench departments only). Results: a dated section in bench/results/announcements.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1
BASE=http://$HOST:${FEED_PORT:-8082}
REALM_URL=http://$HOST:8180/realms/intranet
AUDIENCE=${AUDIENCE:-100000}
USERS=${USERS:-200}
ANNOUNCEMENTS=${ANNOUNCEMENTS:-100}
SAMPLE=${SAMPLE:-50}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-16}
PG_CLIENTS=${PG_CLIENTS:-$(nproc)}
OUT=${OUT:-$ROOT/bench/results/announcements.md}
LABEL=${LABEL:-}
LOCK=${LOCK:-/tmp/intranet-build.lock}
SQL=$ROOT/bench/announce

export PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-intranet}
export PGOPTIONS="-c search_path=feed"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

T_BENCH=$(date +%s)
for n in AUDIENCE USERS ANNOUNCEMENTS SAMPLE RUNS CONNECTIONS PG_CLIENTS; do
    case ${!n} in '' | *[!0-9]* | 0) die "$n must be a positive number (got '${!n}')" ;; esac
done
[ "$AUDIENCE" -ge 20 ] || die "AUDIENCE must be at least 20 (one per department)"
[ "$USERS" -le "$AUDIENCE" ] && [ "$SAMPLE" -le "$USERS" ] || die "need SAMPLE <= USERS <= AUDIENCE"
for d in DURATION WARMUP; do case ${!d} in *[0-9]s) ;; *) die "$d must look like 10s (got '${!d}')" ;; esac; done
DUR_S=${DURATION%s}
WARM_S=${WARMUP%s}
for tool in curl wrk psql pgbench awk sed sort flock; do
    command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` is needed (Debian/Ubuntu: apt-get install curl wrk postgresql-client gawk util-linux)"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/announce-bench.XXXXXX")
STARTED_STACK=0
finish() {
    local rc=$?
    if [ "$STARTED_STACK" = 1 ] && [ "${KEEP_UP:-0}" != 1 ]; then
        say "stopping the stack this script started (./intranet down)"
        (cd "$ROOT" && ./intranet down >/dev/null) || say "./intranet down failed; run it yourself"
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

exec 9>>"$LOCK"
flock -n 9 || { say "waiting for the build lock ($LOCK)"; flock 9; }
say "holding the build lock while seeding and measuring"

if [ "$(http_code "$BASE/q/health/ready")" != 200 ] || [ "$(http_code "$REALM_URL/.well-known/openid-configuration")" != 200 ]; then
    say "feed-service or Keycloak does not answer: starting the stack (./intranet up)"
    STARTED_STACK=1
    (cd "$ROOT" && ./intranet up) || die "./intranet up failed"
fi
FEED_PID=$(tr -dc '0-9' <"$ROOT/.intranet/run/feed.pid" 2>/dev/null || true)

# --- the people -------------------------------------------------------------------------------

t0=$(date +%s.%N)
before=$(psql_value "SELECT count(*) FROM employees WHERE username LIKE 'annb%'")
psql -X -q -v ON_ERROR_STOP=1 -v n="$AUDIENCE" -f "$SQL/seed.sql" >/dev/null
after=$(psql_value "SELECT count(*) FROM employees WHERE username LIKE 'annb%'")
secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
say "read-copy: $after bench employees ($((after - before)) added in $secs s, $(awk -v n=$((after - before)) -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')/s) in 20 departments and 10 locations"
[ "$after" -ge "$AUDIENCE" ] || die "expected $AUDIENCE bench employees, found $after"

# Keycloak users with the seeded ids (partial import keeps ids; those there already are skipped).
{
    keycloak_user_json "$(psql_value "SELECT CAST(md5('announce-bench-hr') AS uuid)")" annhr annhr "Bench HR" \
        "Bench Site 0" '"employee","hr"'
    while IFS='|' read -r id name dept loc; do
        printf ','
        keycloak_user_json "$id" "$name" "$name" "$dept" "$loc" '"employee"'
    done < <(psql -X -q -At -F'|' -c "SELECT id, username, department, location FROM employees
                                      WHERE username LIKE 'annb%' ORDER BY substr(username, 5)::int LIMIT $USERS")
} >"$WORK/users.json"
keycloak_import_users "$WORK/users.json"

# Tokens live 15 minutes (the realm's access token lifespan): fetched again before each run.
fetch_tokens() {
    local i t
    HR=$(token_of annhr)
    [ -n "$HR" ] || die "no token for annhr"
    : >"$WORK/users.tokens"
    for i in $(seq 1 "$USERS"); do
        t=$(token_of "annb$i")
        [ -n "$t" ] || die "no token for annb$i"
        printf '%s\n' "$t" >>"$WORK/users.tokens"
    done
}
t0=$(date +%s)
fetch_tokens
say "tokens: annhr (hr) and $USERS audience members in $(($(date +%s) - t0)) s"

DEPTS=$(seq 0 19 | awk '{ printf "%s\"Bench Dept %02d\"", (NR > 1 ? "," : ""), $1 }')
DEPT_ARRAY="{$DEPTS}"

# POSTs an announcement as HR to departments $1 (a JSON list's inside); prints "id seconds".
announce() {
    curl -s -m 30 -o "$WORK/announce.json" -w '%{http_code} %{time_total}\n' -X POST "$BASE/api/posts" \
        -H "Authorization: Bearer $HR" -H 'Content-Type: application/json' \
        -d "{\"kind\":\"ANNOUNCEMENT\",\"body\":\"<p>Bench announcement $(date +%s%N)</p>\",\"mustRead\":true,\"audience\":{\"departments\":[$1]}}" \
        >"$WORK/announce.status"
    read -r code secs <"$WORK/announce.status"
    [ "$code" = 201 ] || die "announcing answered $code: $(head -c 300 "$WORK/announce.json")"
    printf '%s %s\n' "$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$WORK/announce.json")" "$secs"
}
# Rows written for post $1, in every table publishing may write.
rows_of() {
    psql_value "SELECT (SELECT count(*) FROM posts WHERE id = '$1') + (SELECT count(*) FROM post_revisions WHERE post_id = '$1')
                + (SELECT count(*) FROM post_tags WHERE post_id = '$1') + (SELECT count(*) FROM timelines WHERE post_id = '$1')
                + (SELECT count(*) FROM announcement_receipts WHERE post_id = '$1')
                + (SELECT count(*) FROM outbox WHERE aggregateid = '$1')"
}
audience_of() { psql_value "SELECT count(*) FROM employees WHERE status <> 'LEFT' AND department = ANY (CAST('$1' AS text[]))"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /s$/) printf "%.2f", v * 1000; else print v }'; }
wrk_pct() { to_ms "$(awk -v q="$1%" '$1 == q { print $2 }' "$2")"; }

# --- warm-up ----------------------------------------------------------------------------------

# announcements of an interrupted run stay live; the runs below delete their own
psql_value "UPDATE posts SET deleted_at = now(), deleted_by = author_id WHERE kind = 'ANNOUNCEMENT' AND deleted_at IS NULL
            AND author_id = CAST(md5('announce-bench-hr') AS uuid)::text" >/dev/null
# First acknowledgements (a receipt, an outbox row, a relay) warm a different path from repeated ones, and the JIT
# needs about a minute of them before it settles (measured: 290 -> 1,000 req/s over six 15 s runs from a cold start).
# So the warm-up acknowledges fresh announcements (three times a run's, so it does not run out), then deletes them.
: >"$WORK/warm.ids"
for _ in $(seq 1 $((3 * ANNOUNCEMENTS))); do announce "$DEPTS" | cut -d' ' -f1 >>"$WORK/warm.ids"; done
WARM_ID=$(head -n 1 "$WORK/warm.ids")
timeout $((WARM_S + 60)) wrk -t 2 -c "$CONNECTIONS" -d "$WARMUP" -s "$SQL/ack.lua" "$BASE" -- "$WORK/users.tokens" "$WORK/warm.ids" >/dev/null
timeout 60 wrk -t 1 -c 1 -d 10s -H "Authorization: Bearer $HR" "$BASE/api/announcements/$WARM_ID/reach" >/dev/null
for id in $(cat "$WORK/warm.ids"); do
    [ "$(http_code -X DELETE -H "Authorization: Bearer $HR" "$BASE/api/posts/$id")" = 204 ] || die "could not delete $id"
done
say "warm-up: $WARMUP of first acknowledgements on $((3 * ANNOUNCEMENTS)) fresh announcements, 10s of reach (not recorded)"

# --- runs -------------------------------------------------------------------------------------

for f in pub_all_ms pub_one_ms rows_all rows_one aud_all aud_one vis_max vis_p50 vis_first ack_rps ack_p50 ack_p99 ack_new raw_ack \
         reach_rps reach_p50 reach_p99 raw_reach raw_reach_ms; do : >"$WORK/$f"; done
for run in $(seq 1 "$RUNS"); do
    fetch_tokens
    read -r ALL_ID secs < <(announce "$DEPTS")
    t_published=$(date +%s%N)
    awk -v s="$secs" 'BEGIN { printf "%.2f\n", s * 1000 }' >>"$WORK/pub_all_ms"
    # how long until each sampled audience member's list shows it: all of them ask at once, each until it does
    : >"$WORK/vis"
    for i in $(seq 1 "$SAMPLE"); do
        (
            t=$(sed -n "${i}p" "$WORK/users.tokens")
            tries=1
            until curl -s -m 10 -H "Authorization: Bearer $t" "$BASE/api/announcements?limit=5" | grep -q "$ALL_ID"; do
                [ $(( ($(date +%s%N) - t_published) / 1000000000 )) -lt 30 ] || exit 1
                tries=$((tries + 1))
                sleep 0.05
            done
            echo "$(( ($(date +%s%N) - t_published) / 1000 )) $tries" >>"$WORK/vis"
        ) &
    done
    wait || true
    [ "$(wc -l <"$WORK/vis")" = "$SAMPLE" ] || die "only $(wc -l <"$WORK/vis") of $SAMPLE members saw announcement $ALL_ID within 30 s"
    awk '{ printf "%.2f\n", $1 / 1000 }' "$WORK/vis" | sort -n | tail -n 1 >>"$WORK/vis_max"
    awk '$2 == 1 { n++ } END { print n + 0 }' "$WORK/vis" >>"$WORK/vis_first"
    awk '{ printf "%.2f\n", $1 / 1000 }' "$WORK/vis" | median >>"$WORK/vis_p50"
    read -r ONE_ID secs < <(announce '"Bench Dept 00"')
    awk -v s="$secs" 'BEGIN { printf "%.2f\n", s * 1000 }' >>"$WORK/pub_one_ms"
    rows_of "$ALL_ID" >>"$WORK/rows_all"
    rows_of "$ONE_ID" >>"$WORK/rows_one"
    audience_of "{$DEPTS}" >>"$WORK/aud_all"
    audience_of '{"Bench Dept 00"}' >>"$WORK/aud_one"

    # fresh announcements for this run's acknowledgements
    : >"$WORK/ack.ids"
    for _ in $(seq 1 "$ANNOUNCEMENTS"); do announce "$DEPTS" | cut -d' ' -f1 >>"$WORK/ack.ids"; done
    ids_sql=$(awk '{ printf "%s\x27%s\x27", (NR > 1 ? "," : ""), $1 }' "$WORK/ack.ids")
    receipts_before=$(psql_value "SELECT count(*) FROM announcement_receipts WHERE post_id IN ($ids_sql)")
    timeout $((DUR_S + 60)) wrk -t 2 -c "$CONNECTIONS" -d "$DURATION" --latency -s "$SQL/ack.lua" "$BASE" \
        -- "$WORK/users.tokens" "$WORK/ack.ids" >"$WORK/wrk.out"
    grep -q 'Non-2xx' "$WORK/wrk.out" && die "acknowledgements answered other than 200: $(grep 'Non-2xx' "$WORK/wrk.out")"
    awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$WORK/wrk.out" >>"$WORK/ack_rps"
    wrk_pct 50 "$WORK/wrk.out" >>"$WORK/ack_p50"; echo >>"$WORK/ack_p50"
    wrk_pct 99 "$WORK/wrk.out" >>"$WORK/ack_p99"; echo >>"$WORK/ack_p99"
    echo $(( $(psql_value "SELECT count(*) FROM announcement_receipts WHERE post_id IN ($ids_sql)") - receipts_before )) >>"$WORK/ack_new"

    # the same statement raw, on the same announcements, for the whole audience
    psql_value "DROP TABLE IF EXISTS announce_bench.acked; CREATE TABLE announce_bench.acked AS
                SELECT row_number() OVER () AS k, CAST(id AS uuid) AS post_id
                FROM unnest(CAST('{$(paste -sd, "$WORK/ack.ids")}' AS text[])) AS id;
                CREATE UNIQUE INDEX ON announce_bench.acked (k)" >/dev/null
    pgbench -n -M prepared -c "$PG_CLIENTS" -j "$PG_CLIENTS" -T "$DUR_S" -D people="$AUDIENCE" \
        -D announcements="$ANNOUNCEMENTS" -f "$SQL/ack.sql" >"$WORK/pgb.out" 2>&1 || die "pgbench ack failed: $(tail -n 3 "$WORK/pgb.out")"
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgb.out" | awk '{ printf "%.0f\n", $1 }' >>"$WORK/raw_ack"

    # one HR user asking again and again: the report's own latency, not a queue of them
    timeout $((DUR_S + 60)) wrk -t 1 -c 1 -d "$DURATION" --latency -H "Authorization: Bearer $HR" \
        "$BASE/api/announcements/$ALL_ID/reach" >"$WORK/wrk.out"
    grep -q 'Non-2xx' "$WORK/wrk.out" && die "reach answered other than 200"
    awk '/^Requests\/sec:/ { printf "%.1f\n", $2 }' "$WORK/wrk.out" >>"$WORK/reach_rps"
    wrk_pct 50 "$WORK/wrk.out" >>"$WORK/reach_p50"; echo >>"$WORK/reach_p50"
    wrk_pct 99 "$WORK/wrk.out" >>"$WORK/reach_p99"; echo >>"$WORK/reach_p99"
    pgbench -n -M prepared -c 1 -T "$DUR_S" -D post="$ALL_ID" -D everyone=false -D depts="$DEPT_ARRAY" \
        -D locs='{}' -D groups='{}' -f "$SQL/reach.sql" \
        >"$WORK/pgb.out" 2>&1 || die "pgbench reach failed: $(tail -n 3 "$WORK/pgb.out")"
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgb.out" | awk '{ printf "%.1f\n", $1 }' >>"$WORK/raw_reach"
    sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$WORK/pgb.out" >>"$WORK/raw_reach_ms"

    # this run's announcements go (deleted by their author, as HR would), so the next run's lists hold as many
    # live announcements as this one's did
    for id in $ALL_ID $ONE_ID $(cat "$WORK/ack.ids"); do
        [ "$(http_code -X DELETE -H "Authorization: Bearer $HR" "$BASE/api/posts/$id")" = 204 ] || die "could not delete $id"
    done
    say "run $run/$RUNS: publish to $(tail -n 1 "$WORK/aud_all") people $(tail -n 1 "$WORK/pub_all_ms") ms ($(tail -n 1 "$WORK/rows_all") rows), to $(tail -n 1 "$WORK/aud_one") people $(tail -n 1 "$WORK/pub_one_ms") ms ($(tail -n 1 "$WORK/rows_one") rows); visible to $SAMPLE members within $(tail -n 1 "$WORK/vis_max") ms; acks $(tail -n 1 "$WORK/ack_rps")/s (p99 $(tail -n 1 "$WORK/ack_p99") ms, $(tail -n 1 "$WORK/ack_new") first ones), raw $(tail -n 1 "$WORK/raw_ack")/s; reach p99 $(tail -n 1 "$WORK/reach_p99") ms, raw $(tail -n 1 "$WORK/raw_reach_ms") ms"
done

# --- results ----------------------------------------------------------------------------------

m() { median <"$WORK/$1"; }
ratio() { awk -v a="$(m "$1")" -v b="$(m "$2")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
{
    [ -s "$OUT" ] || printf '# The announcement benchmark: HR announcements to a company of %s\n\nWritten by `bench/announce-bench.sh` (bench/README.md); each run adds a section.\n' "$AUDIENCE"
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC${LABEL:+ — $LABEL}"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    echo "- commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$ROOT" && git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- data: $AUDIENCE bench employees in feed-service's read-copy (20 departments, 10 locations), next to what else the stack holds; $USERS of them Keycloak users; feed-service RSS $( [ -n "$FEED_PID" ] && awk '/^VmRSS:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$FEED_PID/status" 2>/dev/null || echo '?') at the end"
    echo "- load: $RUNS runs of $DURATION after a $WARMUP warm-up; wrk 2 threads, $CONNECTIONS connections (acks) or 1 (reach); pgbench -M prepared, $PG_CLIENTS clients (acks) or 1 (reach); whole bench $(($(date +%s) - T_BENCH)) s"
    echo
    echo "| measurement | median | per run | target |"
    echo "|---|---:|---|---|"
    echo "| publish to the whole audience ($(m aud_all) people): response time, ms | $(m pub_all_ms) | $(list_of "$WORK/pub_all_ms") | |"
    echo "| publish to one department ($(m aud_one) people): response time, ms | $(m pub_one_ms) | $(list_of "$WORK/pub_one_ms") | |"
    echo "| rows written for it: whole audience / one department | $(m rows_all) / $(m rows_one) | $(list_of "$WORK/rows_all") / $(list_of "$WORK/rows_one") | independent of the audience |"
    echo "| from the 201 to the announcement in each of $SAMPLE members' \`GET /api/announcements\` (asking at once), last one, ms | $(m vis_max) | $(list_of "$WORK/vis_max") | ≤ 1,000 |"
    echo "| … the median member, ms | $(m vis_p50) | $(list_of "$WORK/vis_p50") | |"
    echo "| … members whose first answer already had it | $(m vis_first) of $SAMPLE | $(list_of "$WORK/vis_first") | |"
    echo "| acknowledgements through HTTP, req/s | $(m ack_rps) | $(list_of "$WORK/ack_rps") | ≥ 5,000, or the ratio |"
    echo "| … p50 / p99 latency, ms | $(m ack_p50) / $(m ack_p99) | $(list_of "$WORK/ack_p99") (p99) | |"
    echo "| … receipts written (first acknowledgements) per run | $(m ack_new) | $(list_of "$WORK/ack_new") | |"
    echo "| the same INSERT … ON CONFLICT raw in pgbench, TPS | $(m raw_ack) | $(list_of "$WORK/raw_ack") | |"
    echo "| HTTP ÷ raw | **$(ratio ack_rps raw_ack)** | | |"
    echo "| reach of the whole-audience announcement through HTTP: p50 / p99, ms | $(m reach_p50) / **$(m reach_p99)** | $(list_of "$WORK/reach_p99") (p99) | p99 ≤ 200 |"
    echo "| … req/s (1 connection); raw aggregate in pgbench: TPS, mean ms | $(m reach_rps); $(m raw_reach), $(m raw_reach_ms) | $(list_of "$WORK/raw_reach_ms") (raw ms) | |"
} >>"$OUT"
say "whole bench: $(($(date +%s) - T_BENCH)) s; results appended to ${OUT#"$ROOT"/}"
