#!/usr/bin/env bash
# Seeds feed-service's database with a company's worth of data for bench/feed-bench.sh, straight in SQL
# (INSERT ... SELECT over generate_series, no service involved): at SCALE=1, 10,000 employees, 100 follows each
# (skewed), 200 groups of 20-2,000 members, 1,000,000 posts over 90 days, 3,000,000 reactions and every
# employee's materialised home timeline (the newest 800 entries). One progress line per step.
#
#   bench/feed-seed.sh              SCALE=1, ~3.5 min on 2 cores
#   SCALE=0.1 bench/feed-seed.sh    a tenth of everything (but 100 follows each), ~30 s: to try things out
#
# IT WIPES feed-service's data: posts, comments, reactions, groups, follows and timelines of the local stack's
# `feed` schema are truncated (employees are kept, but for the bench's own). The local stack's feed database is a
# bench database once this has run; `./intranet clean` gives an empty one back.
#
# Needs PostgreSQL up with feed-service's schema (Flyway creates it when feed-service starts: ./intranet up) and
# psql. Connection: PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, by default the local stack's
# 127.0.0.1:5432, postgres/postgres, database intranet. bench/README.md explains the data.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SQL_DIR=$ROOT/bench/feed/seed
SCALE=${SCALE:-1}

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-postgres} PGDATABASE=${PGDATABASE:-intranet}
# foreign-key triggers off for the load (the data is consistent by construction; needs a superuser, which the
# local stack's postgres is); statements may run for minutes
export PGOPTIONS="${PGOPTIONS:-} -c session_replication_role=replica -c statement_timeout=0 -c client_min_messages=notice"

say() { printf '[seed %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'feed-seed: %s\n' "$*" >&2; exit 1; }

command -v psql >/dev/null 2>&1 || die "psql is needed (Debian/Ubuntu: apt-get install postgresql-client)"
awk -v s="$SCALE" 'BEGIN { exit !(s + 0 > 0 && s + 0 <= 10) }' || die "SCALE must be a number in (0, 10] (got '$SCALE')"
[ "$PGHOST" = 127.0.0.1 ] || [ "$PGHOST" = localhost ] || die "PGHOST must be this machine (got $PGHOST)"

psql_value() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

psql_value 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL does not answer on $PGHOST:$PGPORT (database $PGDATABASE): ./intranet up"
[ "$(psql_value "SELECT to_regclass('feed.timelines') IS NOT NULL")" = t ] \
    || die "no feed.timelines table: start feed-service once (./intranet up) so that Flyway creates its schema"

# sizes from the scale
read -r N P R G F < <(awk -v s="$SCALE" 'BEGIN {
    n = int(10000 * s + 0.5); f = (n - 1 < 100 ? n - 1 : 100); g = int(200 * s + 0.5); if (g < 5) g = 5
    printf "%d %d %d %d %d\n", n, int(1000000 * s + 0.5), int(3000000 * s + 0.5), g, f }')
TL=${TIMELINE_SIZE:-800}            # FeedConfig intranet.feed.timeline.size
BIG=${FAN_OUT_GROUP_LIMIT:-1000}    # FeedConfig intranet.feed.timeline.fan-out-group-limit
DAYS=${DAYS:-90}

# 1234567 -> 1,234,567
fmt() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s }'; }

say "SCALE=$SCALE: $(fmt "$N") employees x $F follows, $G groups, $(fmt "$P") posts over $DAYS days, $(fmt "$R") reactions, timelines of <= $TL"
say "into $PGUSER@$PGHOST:$PGPORT/$PGDATABASE, schema feed (wiped: it is a bench database from now on)"

T_ALL=$(date +%s%N)
# step file, what its count counts
STEPS=(
    "00-prepare.sql|secondary indexes dropped for the load"
    "01-employees.sql|employees"
    "02-follows.sql|follows"
    "03-groups.sql|group memberships"
    "04-posts.sql|posts"
    "05-reactions.sql|reactions"
    "06-timelines.sql|timeline entries"
    "07-finish.sql|timeline entries, indexes rebuilt, vacuumed"
)
i=0
for step in "${STEPS[@]}"; do
    i=$((i + 1))
    file=${step%%|*} what=${step#*|}
    t0=$(date +%s%N)
    # the step's last statement prints its count; notices (progress inside a step) go to stderr as they come
    count=$(LC_ALL=C.UTF-8 LANG=C.UTF-8 psql -X -q -At -v ON_ERROR_STOP=1 \
        -v SCALE="$SCALE" -v N="$N" -v P="$P" -v R="$R" -v G="$G" -v F="$F" -v TL="$TL" -v BIG="$BIG" \
        -v DAYS="$DAYS" -f "$SQL_DIR/$file" 2> >(sed -u 's/^psql:[^ ]* NOTICE: */    /' >&2) | tail -n 1) \
        || die "step $file failed (see above)"
    ms=$((($(date +%s%N) - t0) / 1000000))
    rate=$(awk -v c="$count" -v ms="$ms" 'BEGIN { printf "%d", (ms > 0 ? c * 1000 / ms : c) }')
    say "step $i/${#STEPS[@]} ${file%.sql}: $(fmt "$count") $what in $(awk -v ms="$ms" 'BEGIN { printf "%.1f", ms / 1000 }') s ($(fmt "$rate") rows/s)"
done
ms=$((($(date +%s%N) - T_ALL) / 1000000))
size=$(psql_value "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'feed' AND c.relkind = 'r'")
say "seeded in $(awk -v ms="$ms" 'BEGIN { printf "%.0f", ms / 1000 }') s; feed schema now $size on disk"
