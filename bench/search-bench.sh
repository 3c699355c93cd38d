#!/usr/bin/env bash
# The search benchmark (issue "search-service", "Performance"), through the running stack with real Keycloak
# tokens, next to the raw engine on the same data in the same run.
#
#   bench/search-bench.sh                    seeds 10k people and 1M posts when missing, then 3 runs
#   RUNS=5 POSTS=200000 LABEL="…" bench/search-bench.sh
#
# Once per bench (the data set stays in the stack for the next bench):
#   seed      PEOPLE employee.created and POSTS post.published events, as profile- and feed-service publish them,
#             produced straight to the topics (bench/search/SearchBench.java): realistic text, tags, audiences;
#             search-service indexes them live: documents/s from the first event to the last searchable one
#   raw       RAW_POSTS of the same documents _bulk'ed by one client in batches of 500 into a scratch index with
#             search-service's mapping: the engine's own rate on this machine
#   reindex   POST /api/admin/search/reindex (admin): the whole index rebuilt from the topics; documents/s and
#             total time from the job's own report
# Per run (medians over the runs are reported):
#   query     QUERY as bob through GET /api/search (wrk, WRK_SECONDS) and the same body sent raw to OpenSearch's
#             _search (wrk); by default a typical query, a common word and a specific one (the vocabulary's words
#             of rank 30 and 1,000: about 0.03% of the posts); requests/s of each and the ratio; then
#             search-service asked for 200 req/s (hey): what it achieved, p50/p99
#   suggest   GET /api/search/suggest?q=SUGGEST at 50 req/s (hey): p50/p99
#   fresh     posts produced at RATE/s for LAT_SECONDS: produce → searchable (seen by a _search), p50/p99
# Needs the stack (started and stopped again when it is not up), a JDK 21+, wrk, hey, curl and psql; holds the
# build lock. Results: a dated section in bench/results/search.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1
SEARCH=http://$HOST:8083
PROFILE=http://$HOST:8081
OPENSEARCH=${OPENSEARCH:-http://$HOST:9200}
KAFKA=${KAFKA:-$HOST:9092}
REALM_URL=http://$HOST:8180/realms/intranet
PEOPLE=${PEOPLE:-10000}
POSTS=${POSTS:-1000000}
RAW_POSTS=${RAW_POSTS:-200000}
RUNS=${RUNS:-3}
REINDEX=${REINDEX:-1}
QUERY=${QUERY:-}
SUGGEST=${SUGGEST:-ali}
RATE=${RATE:-200}
LAT_SECONDS=${LAT_SECONDS:-20}
WRK_SECONDS=${WRK_SECONDS:-15}
WARM_SECONDS=${WARM_SECONDS:-10}
OUT=${OUT:-$ROOT/bench/results/search.md}
LABEL=${LABEL:-}
LOCK=${LOCK:-/tmp/intranet-build.lock}

export PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-intranet}
export PGOPTIONS="-c search_path=search"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
# shellcheck source=.mvn/wrapper/find-jdk.sh
. "$ROOT/.mvn/wrapper/find-jdk.sh"

T_BENCH=$(date +%s)
positive_numbers PEOPLE POSTS RAW_POSTS RUNS RATE LAT_SECONDS WRK_SECONDS WARM_SECONDS
needs curl psql wrk hey awk sed sort flock
find_jdk >/dev/null || die "a JDK 21+ is needed (see .mvn/wrapper/find-jdk.sh)"
JAVA=$JAVA_HOME/bin/java
CP="$(cat "$ROOT/test-support/target/classpath.txt" 2>/dev/null)" || die "build first (./mvnw install): test-support's classpath is missing"
bench_java() { "$JAVA" -Xmx512m --class-path "$CP" "$ROOT/bench/search/SearchBench.java" "$@"; }
[ -n "$QUERY" ] || QUERY="$(bench_java word 30) $(bench_java word 1000)"

work_dir search-bench
hold_lock
ensure_stack "$SEARCH/q/health/ready" "$PROFILE/q/health/ready" "$REALM_URL/.well-known/openid-configuration"

count_posts() { curl -s -m 30 "$OPENSEARCH/posts/_count?q=hashtags:searchbench" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'; }
job_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
BOB=$(token_of bob); [ -n "$BOB" ] || die "no token for bob"
[ "$(http_code -H "Authorization: Bearer $BOB" "$PROFILE/api/profiles/me")" = 200 ] || die "no profile for bob"
for i in $(seq 1 60); do
    read -r BOB_ID BOB_DEPT BOB_LOC < <(psql -X -q -At -F' ' -c "SELECT id, COALESCE(NULLIF(replace(department, ' ', '_'), ''), '-'), COALESCE(NULLIF(replace(location, ' ', '_'), ''), '-') FROM employees WHERE username = 'bob'") || true
    [ -n "${BOB_ID:-}" ] && break
    sleep 1
done
[ -n "${BOB_ID:-}" ] || die "bob's profile did not reach search-service's read-copy"
BOB_DEPT=${BOB_DEPT//_/ }; BOB_LOC=${BOB_LOC//_/ }; [ "$BOB_DEPT" = - ] && BOB_DEPT=""; [ "$BOB_LOC" = - ] && BOB_LOC=""

# --- the data set ------------------------------------------------------------------------------------------------

LIVE_RATE="not measured (the data set was there already)"
have=$(count_posts); have=${have:-0}
if [ "$have" -lt "$POSTS" ]; then
    say "seeding: $PEOPLE people and $POSTS posts as events (the index holds $have bench posts)"
    t0=$(date +%s%N)
    bench_java seed "$KAFKA" "$PEOPLE" "$POSTS" | while read -r line; do say "$line"; done
    last=$have; last_t=$(date +%s); moved_t=$last_t
    while :; do
        now=$(count_posts); now=${now:-0}
        [ "$now" -ge "$POSTS" ] && break
        t=$(date +%s)
        if [ $((t - last_t)) -ge 10 ]; then
            say "indexed: $now of $POSTS posts searchable, $(((now - last) / (t - last_t)))/s over the last $((t - last_t)) s"
            [ "$now" -gt "$last" ] && moved_t=$t
            [ $((t - moved_t)) -lt 180 ] || die "indexing stalled at $now posts for 3 minutes (./intranet logs search)"
            last=$now; last_t=$t
        fi
        sleep 1
    done
    ms=$((($(date +%s%N) - t0) / 1000000))
    LIVE_RATE="$((POSTS * 1000 / ms)) documents/s ($POSTS post events in $((ms / 1000)) s, from the first produced to the last searchable)"
    say "live indexing: $LIVE_RATE"
fi

say "raw: $RAW_POSTS of the same documents _bulk'ed straight into a scratch index"
bench_java raw "$OPENSEARCH" "$ROOT/search-service/src/main/resources/search/posts.json" "$RAW_POSTS" 2>/dev/null \
    | while read -r line; do say "$line"; printf '%s\n' "$line" >>"$WORK/raw"; done
RAW=$(sed -n 's/^raw_docs_per_second //p' "$WORK/raw")
say "raw _bulk: $RAW documents/s"

: >"$WORK/reindex"
for r in $(seq 1 "$REINDEX"); do
    ADMIN=$(token_of admin); [ -n "$ADMIN" ] || die "no token for admin"
    job=$(curl -s -m 30 -X POST -H "Authorization: Bearer $ADMIN" "$SEARCH/api/admin/search/reindex" | job_field id)
    [ -n "$job" ] || die "the reindex did not start"
    say "reindex $r: job $job"
    while :; do
        sleep 5
        ADMIN=$(token_of admin)
        state=$(curl -s -m 30 -H "Authorization: Bearer $ADMIN" "$SEARCH/api/admin/search/reindex/$job")
        s=$(printf '%s' "$state" | job_field state)
        say "reindex $r: $s, $(printf '%s' "$state" | job_field events) of $(printf '%s' "$state" | job_field totalEvents) events, $(printf '%s' "$state" | job_field documents) documents, $(printf '%s' "$state" | job_field docsPerSecond) docs/s"
        [ "$s" = RUNNING ] || break
    done
    [ "$s" = DONE ] || die "reindex $r ended $s: $state"
    started=$(printf '%s' "$state" | job_field startedAt); finished=$(printf '%s' "$state" | job_field finishedAt)
    secs=$(( $(date -d "$finished" +%s) - $(date -d "$started" +%s) ))
    printf '%s %s %s\n' "$(printf '%s' "$state" | job_field docsPerSecond)" "$(printf '%s' "$state" | job_field documents)" "$secs" >>"$WORK/reindex"
done

# --- runs --------------------------------------------------------------------------------------------------------

bench_java query "$BOB_ID" "$BOB_DEPT" "$BOB_LOC" "$QUERY" >"$WORK/query.json"
cat >"$WORK/raw.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$WORK/query.json", "r")
wrk.body = f:read("*a")
f:close()
EOF
Q=$(printf '%s' "$QUERY" | sed 's/ /%20/g')
HITS=$(curl -s -m 60 -H 'Content-Type: application/json' --data-binary "@$WORK/query.json" "$OPENSEARCH/posts,people/_search" \
    | sed -n 's/.*"total":{"value":\([0-9]*\).*/\1/p')
say "query \`$QUERY\`: ${HITS:-?} hits as bob"
wrk_rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }
wrk_pct() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f\n", v }'; }
hey_pct() { awk -v p="$1% in" 'index($0, p) { printf "%.1f\n", $3 * 1000 }'; }
: >"$WORK/runs"
for r in $(seq 1 "$RUNS"); do
    BOB=$(token_of bob)
    [ "$(http_code -H "Authorization: Bearer $BOB" "$SEARCH/api/search?q=$Q")" = 200 ] || die "the query does not answer 200"
    # WARM_SECONDS of each first, not measured: both paths warm (JIT, the engine's caches) before either counts
    wrk -t2 -c8 -d"${WARM_SECONDS}s" -H "Authorization: Bearer $BOB" "$SEARCH/api/search?q=$Q" >/dev/null
    wrk -t2 -c8 -d"${WARM_SECONDS}s" -s "$WORK/raw.lua" "$OPENSEARCH/posts,people/_search" >/dev/null
    svc=$(wrk -t2 -c8 -d"${WRK_SECONDS}s" --latency -H "Authorization: Bearer $BOB" "$SEARCH/api/search?q=$Q")
    raw=$(wrk -t2 -c8 -d"${WRK_SECONDS}s" --latency -s "$WORK/raw.lua" "$OPENSEARCH/posts,people/_search")
    svc_rps=$(printf '%s\n' "$svc" | wrk_rps); raw_rps=$(printf '%s\n' "$raw" | wrk_rps)
    # 20 clients at 10 req/s each: 200 req/s as long as a query answers within 100 ms
    at200=$(hey -z "${WRK_SECONDS}s" -c 20 -q 10 -H "Authorization: Bearer $BOB" "$SEARCH/api/search?q=$Q")
    sug=$(hey -z 10s -c 2 -q 25 -H "Authorization: Bearer $BOB" "$SEARCH/api/search/suggest?q=$SUGGEST")
    lat=$(bench_java latency "$KAFKA" "$OPENSEARCH" "$RATE" "$LAT_SECONDS")
    line="$svc_rps $raw_rps $(awk -v a="$svc_rps" -v b="$raw_rps" 'BEGIN { printf "%.2f", a / b }')"
    line="$line $(printf '%s\n' "$svc" | wrk_pct 99%) $(printf '%s\n' "$raw" | wrk_pct 99%)"
    line="$line $(printf '%s\n' "$at200" | hey_pct 50) $(printf '%s\n' "$at200" | hey_pct 99)"
    line="$line $(printf '%s\n' "$sug" | hey_pct 50) $(printf '%s\n' "$sug" | hey_pct 99)"
    line="$line $(printf '%s\n' "$lat" | awk '{ print $6, $10 }') $(printf '%s\n' "$at200" | sed -n 's/^[[:space:]]*Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p')"
    printf '%s\n' "$line" >>"$WORK/runs"
    say "run $r: search-service $svc_rps req/s, raw $raw_rps req/s; at 200 req/s p99 $(printf '%s\n' "$at200" | hey_pct 99) ms; suggest p99 $(printf '%s\n' "$sug" | hey_pct 99) ms; $lat"
done

col() { awk -v c="$1" '{ print $c }' "$WORK/runs" | median; }
rcol() { awk -v c="$1" '{ print $c }' "$WORK/reindex" | median; }
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
{
    printf '\n## %s%s (commit %s)\n\n' "$(date -u +%Y-%m-%d)" "${LABEL:+ — $LABEL}" "$COMMIT"
    printf 'Data: %s people, %s bench posts in the index (85%% to everyone, 10%% to a department, 5%% in private groups), ' "$PEOPLE" "$(count_posts)"
    printf 'query `%s` (%s hits) as bob (type all: posts and people, facets, highlights); medians of %s runs; 2 cores, the whole stack on the machine.\n\n' "$QUERY" "${HITS:-?}" "$RUNS"
    printf '| measure | search-service | raw OpenSearch | ratio |\n|---|---|---|---|\n'
    printf '| query, requests/s (wrk, 8 connections) | %s | %s | %s (target ≥ 0.7) |\n' "$(col 1)" "$(col 2)" "$(col 3)"
    printf '| query p99 under that load, ms | %s | %s | |\n' "$(col 4)" "$(col 5)"
    printf '| query asked at 200 req/s (hey), achieved req/s; p50 / p99 ms | %s; %s / %s | | |\n' "$(col 12)" "$(col 6)" "$(col 7)"
    printf '| suggest `%s` at 50 req/s, p50 / p99 ms | %s / %s (target p99 < 50) | | |\n' "$SUGGEST" "$(col 8)" "$(col 9)"
    printf '| post → searchable at %s posts/s, p50 / p99 ms | %s / %s (target p99 ≤ 1500) | | |\n' "$RATE" "$(col 10)" "$(col 11)"
    printf '| indexing, documents/s | live: %s | _bulk: %s | |\n' "$LIVE_RATE" "$RAW"
    if [ -s "$WORK/reindex" ]; then
        printf '| reindex from the topics, documents/s | %s (%s documents in %s s) | %s | %s (target ≥ 0.5) |\n' \
            "$(rcol 1)" "$(rcol 2)" "$(rcol 3)" "$RAW" "$(awk -v a="$(rcol 1)" -v b="$RAW" 'BEGIN { printf "%.2f", a / b }')"
    fi
    printf '\nRuns (search rps, raw rps, ratio, search p99, raw p99, 200/s p50, p99, suggest p50, p99, fresh p50, p99, 200/s achieved):\n\n```\n'
    cat "$WORK/runs"
    printf '```\n'
} >>"$OUT"
say "results appended to ${OUT#"$ROOT"/} ($(($(date +%s) - T_BENCH)) s in all)"
