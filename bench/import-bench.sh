#!/usr/bin/env bash
# The profile import benchmark (issue "profile-service: the employee directory", "10k rows in under a minute"):
# POST /api/profiles/import of a generated HR file through HTTP with a real Keycloak token (hr), timed from the
# upload to the job's DONE, next to the raw engine loading the same rows (COPY into a scratch table, then one
# INSERT … SELECT into a copy of the employees table), in the same run.
#
#   bench/import-bench.sh                  3 runs of 10,000 new people each (~2 min with a warm stack)
#   ROWS=50000 RUNS=1 bench/import-bench.sh
#
# Each run imports new people (fresh ids and handles: the heavier path, every row a creation with its event), in
# 20 departments and 10 locations, as a management tree (row i reports to row i/8, listed after them or not: the
# file is shuffled), then imports the same file again (every row found, nothing to change). Needs the stack
# (started and stopped again when it is not up) and holds the build lock. Results: a dated section in
# bench/results/profile-import.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1
BASE=http://$HOST:${PROFILE_PORT:-8081}
ROWS=${ROWS:-10000}
RUNS=${RUNS:-3}
OUT=${OUT:-$ROOT/bench/results/profile-import.md}
LABEL=${LABEL:-}
LOCK=${LOCK:-/tmp/intranet-build.lock}
export PGHOST=$HOST PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-intranet} PGOPTIONS="-c search_path=profile"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

for n in ROWS RUNS; do
    case ${!n} in '' | *[!0-9]* | 0) die "$n must be a positive number (got '${!n}')" ;; esac
done
needs curl psql awk sed sort shuf flock
T_BENCH=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/import-bench.XXXXXX")
finish() {
    local rc=$?
    stop_started_stack
    rm -rf "$WORK"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM
hold_lock
ensure_stack "$BASE/q/health/ready" "http://$HOST:8180/realms/intranet/.well-known/openid-configuration"
PROFILE_PID=$(tr -dc '0-9' <"$ROOT/.intranet/run/profile.pid" 2>/dev/null || true)

HR=$(token_of hannah)
[ -n "$HR" ] || die "no token for hannah (hr) from the local realm"

# A file of ROWS new people for run $1: id,username,displayName,givenName,familyName,email,title,department,
# location,manager,skills,startDate,employeeNumber (row 1 tops the tree; row i reports to row i/8).
make_file() {
    local tag=$1
    {
        echo "id,username,displayName,givenName,familyName,email,title,department,location,manager,skills,startDate,employeeNumber"
        awk -v n="$ROWS" -v tag="$tag" 'BEGIN {
            srand(42);
            split("Ava Ben Chloe David Emma Felix Grace Hugo Iris Jack Lea Max Nina Omar Paul Rosa Sam Tara Ugo Vera", given, " ");
            split("Martin Bernard Dubois Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Andre Mercier", family, " ");
            for (i = 1; i <= n; i++) {
                g = given[(i % 20) + 1]; f = family[(int(i / 20) % 20) + 1];
                manager = (i == 1) ? "" : "imp" tag "-" int(i / 8 < 1 ? 1 : i / 8);
                printf "imp%s-%08d-0000-4000-8000-%012d,imp%s-%d,%s %s %d,%s,%s,imp%s-%d@bench.intranet.local,Engineer %d,Bench Dept %02d,Bench Site %d,%s,java;sql,2020-%02d-%02d,IMP%s-%d\n",
                    tag, 0, i, tag, i, g, f, i, g, f, tag, i, i % 7, i % 20, i % 10, manager, (i % 12) + 1, (i % 28) + 1, tag, i;
            }
        }' | shuf --random-source=<(yes)
    } >"$WORK/people.csv"
}

# Uploads the file; prints "seconds created updated unchanged errors" once the job is done.
import_file() {
    local t0 location state body url
    t0=$(date +%s.%N)
    location=$(curl -s -m 300 -D - -o "$WORK/job.json" -H "Authorization: Bearer $HR" -H 'Content-Type: text/csv' \
        --data-binary "@$WORK/people.csv" "$BASE/api/profiles/import" | tr -d '\r' | sed -n 's/^[Ll]ocation: *//p')
    [ -n "$location" ] || die "the import was not accepted: $(head -c 300 "$WORK/job.json")"
    case $location in http*) url=$location ;; *) url=$BASE$location ;; esac
    while :; do
        body=$(curl -s -m 10 -H "Authorization: Bearer $HR" "$url")
        state=$(printf '%s' "$body" | sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p')
        [ "$state" = RUNNING ] || break
        sleep 0.2
    done
    [ "$state" = DONE ] || die "the import ended $state: $(printf '%s' "$body" | head -c 300)"
    awk -v a="$t0" -v b="$(date +%s.%N)" -v j="$body" 'BEGIN {
        n = split("created updated unchanged", k, " ");
        out = sprintf("%.2f", b - a);
        for (i = 1; i <= n; i++) { m = j; sub(".*\"" k[i] "\":", "", m); sub("[,}].*", "", m); out = out " " m }
        e = gsub(/"line":/, "", j); print out " " e }'
}

# The raw engine on the same rows: COPY into a scratch table, then one INSERT … SELECT into a copy of employees.
raw_load() {
    psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE SCHEMA IF NOT EXISTS import_bench;
DROP TABLE IF EXISTS import_bench.staged, import_bench.employees;
CREATE TABLE import_bench.employees (LIKE profile.employees INCLUDING DEFAULTS INCLUDING INDEXES);
CREATE UNLOGGED TABLE import_bench.staged (id text, username text, display_name text, given_name text,
    family_name text, email text, title text, department text, location text, manager text, skills text,
    start_date date, employee_number text);
SQL
    local t0
    t0=$(date +%s.%N)
    psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
\\copy import_bench.staged FROM '$WORK/people.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO import_bench.employees (id, username, display_name, given_name, family_name, email, title, department,
    location, manager_id, skills, start_date, employee_number, created_at, updated_at)
SELECT s.id, s.username, s.display_name, s.given_name, s.family_name, s.email, s.title, s.department, s.location,
       m.id, string_to_array(s.skills, ';'), s.start_date, s.employee_number, now(), now()
FROM import_bench.staged s LEFT JOIN import_bench.staged m ON m.username = s.manager;
SQL
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f\n", b - a }'
}

# Warm-up (not recorded): a first import through a fresh JVM runs while the JIT compiles its path (measured: 80 s
# for 10,000 rows cold, 17-29 s warm), so a quarter-size file goes through twice first.
FULL=$ROWS
ROWS=$((FULL / 4 > 0 ? FULL / 4 : 1))
make_file "w$(date +%s | tail -c 6)"
import_file >/dev/null
import_file >/dev/null
ROWS=$FULL
say "warm-up: $((FULL / 4)) rows imported twice (not recorded)"

for f in http_s http_rate again_s raw_s created errors; do : >"$WORK/$f"; done
for run in $(seq 1 "$RUNS"); do
    tag="$(date +%s | tail -c 6)$run"
    make_file "$tag"
    say "run $run/$RUNS: $ROWS new people in $(wc -c <"$WORK/people.csv") bytes, shuffled (reports before managers)"
    read -r secs created updated unchanged errors < <(import_file)
    [ "$created" = "$ROWS" ] || die "expected $ROWS created, the job says $created (errors: $errors)"
    echo "$secs" >>"$WORK/http_s"
    echo "$created" >>"$WORK/created"
    echo "$errors" >>"$WORK/errors"
    awk -v n="$ROWS" -v s="$secs" 'BEGIN { printf "%.0f\n", n / s }' >>"$WORK/http_rate"
    say "run $run/$RUNS: imported through HTTP in $secs s ($(tail -n 1 "$WORK/http_rate") rows/s): $created created, $errors refused"
    read -r secs _ _ unchanged _ < <(import_file)
    [ "$unchanged" = "$ROWS" ] || die "the second import of the same file changed something ($unchanged of $ROWS unchanged)"
    echo "$secs" >>"$WORK/again_s"
    say "run $run/$RUNS: the same file again in $secs s ($unchanged unchanged)"
    raw_load >>"$WORK/raw_s"
    say "run $run/$RUNS: raw COPY + INSERT … SELECT of the same rows in $(tail -n 1 "$WORK/raw_s") s"
done
psql_value "DROP SCHEMA import_bench CASCADE" >/dev/null

m() { median <"$WORK/$1"; }
{
    [ -f "$OUT" ] || printf '# The profile import benchmark\n\nWritten by `bench/import-bench.sh` (bench/README.md); each run adds a section.\n'
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC${LABEL:+ — $LABEL}"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (with uncommitted changes)')"
    echo "- data: $RUNS files of $ROWS new people (a management tree, shuffled), next to $(psql_value "SELECT count(*) FROM profile.employees") profiles at the end; profile-service RSS $( [ -n "$PROFILE_PID" ] && awk '/^VmRSS:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$PROFILE_PID/status" 2>/dev/null || echo '?')"
    echo "- after a warm-up of $((ROWS / 4)) rows imported twice; whole bench $(($(date +%s) - T_BENCH)) s"
    echo
    echo "| measurement | median | per run | target |"
    echo "|---|---:|---|---|"
    echo "| import of $ROWS new people through HTTP, upload to DONE, s | $(m http_s) | $(list_of "$WORK/http_s") | < 60 |"
    echo "| … rows/s | $(m http_rate) | $(list_of "$WORK/http_rate") | |"
    echo "| the same file again (every row found, nothing changed), s | $(m again_s) | $(list_of "$WORK/again_s") | |"
    echo "| raw: COPY + one INSERT … SELECT of the same rows, s | $(m raw_s) | $(list_of "$WORK/raw_s") | |"
    echo "| HTTP ÷ raw (time) | **$(awk -v a="$(m http_s)" -v b="$(m raw_s)" 'BEGIN { printf "%.0f×", a / b }')** | | |"
} >>"$OUT"
say "whole bench: $(($(date +%s) - T_BENCH)) s; results appended to ${OUT#"$ROOT"/}"
