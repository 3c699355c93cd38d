# Helpers shared by the benchmark scripts (sourced, not run). Set ROOT, HOST and LOCK before sourcing.
# shellcheck shell=bash

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
psql_value() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
http_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$@" 2>/dev/null || true; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
list_of() { tr '\n' ' ' <"$1" | sed 's/ $//; s/ /, /g'; }

# positive_numbers NAME...: dies unless each variable named holds a whole number above 0
positive_numbers() {
    local n
    for n in "$@"; do
        case ${!n} in '' | *[!0-9]* | 0) die "$n must be a positive number (got '${!n}')" ;; esac
    done
}

# work_dir NAME: a scratch directory in WORK, removed on exit, which also stops a stack this script started
work_dir() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    trap 'rc=$?; stop_started_stack; rm -rf "$WORK"; exit "$rc"' EXIT
    trap 'exit 130' INT TERM
}

# needs TOOL...: dies naming the Debian packages when one is missing
needs() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` is needed (Debian/Ubuntu: apt-get install curl wrk postgresql-client gawk util-linux)"
    done
}

# hold_lock: waits for the build lock (no Maven build or other bench runs meanwhile)
hold_lock() {
    exec 9>>"$LOCK"
    flock -n 9 || { say "waiting for the build lock ($LOCK)"; flock 9; }
    say "holding the build lock while seeding and measuring"
}

# ensure_stack URL...: starts the stack when one of the URLs does not answer 200; STARTED_STACK=1 then
STARTED_STACK=0
ensure_stack() {
    local url
    for url in "$@"; do
        if [ "$(http_code "$url")" != 200 ]; then
            say "$url does not answer: starting the stack (./intranet up)"
            STARTED_STACK=1
            (cd "$ROOT" && ./intranet up) || die "./intranet up failed"
            return
        fi
    done
}

# stop_started_stack: on exit, stops the stack this script started (unless KEEP_UP=1)
stop_started_stack() {
    if [ "$STARTED_STACK" = 1 ] && [ "${KEEP_UP:-0}" != 1 ]; then
        say "stopping the stack this script started (./intranet down)"
        (cd "$ROOT" && ./intranet down >/dev/null) || say "./intranet down failed; run it yourself"
    fi
}

# token_of USER [PASSWORD]: an access token from the local realm (password grant of the public web client)
token_of() {
    curl -s -m 20 "http://$HOST:8180/realms/intranet/protocol/openid-connect/token" --data-urlencode grant_type=password \
        --data-urlencode client_id=intranet-web --data-urlencode "username=$1" --data-urlencode "password=${2:-$1}" \
        | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

# keycloak_user_json ID USERNAME LASTNAME DEPARTMENT LOCATION ROLES: one user of a partial import (password = user
# name; ROLES a JSON list's inside, e.g. '"employee","hr"')
keycloak_user_json() {
    printf '{"id":"%s","username":"%s","enabled":true,"email":"%s@bench.intranet.local","emailVerified":true,' "$1" "$2" "$2"
    printf '"firstName":"Bench","lastName":"%s","attributes":{"department":["%s"],"location":["%s"]},' "$3" "$4" "$5"
    printf '"credentials":[{"type":"password","value":"%s","temporary":false}],"realmRoles":[%s],"requiredActions":[]}' "$2" "$6"
}

# keycloak_import_users FILE: makes the users of FILE (keycloak_user_json objects, comma-separated) users of realm
# intranet with their ids (a partial import keeps ids; users already there are skipped), and says how many
keycloak_import_users() {
    local admin response
    admin=$(curl -s -m 20 "http://$HOST:8180/realms/master/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
        --data-urlencode username=admin --data-urlencode password=admin | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
    [ -n "$admin" ] || die "no Keycloak admin token (master realm, admin/admin as ./intranet starts it)"
    { printf '{"ifResourceExists":"SKIP","users":['; cat "$1"; printf ']}'; } >"$1.request"
    response=$(curl -s -m 300 -X POST "http://$HOST:8180/admin/realms/intranet/partialImport" \
        -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary "@$1.request")
    case $response in
        *'"added"'*) say "Keycloak users: $(printf '%s' "$response" | sed -n 's/.*"added" *: *\([0-9]*\).*/\1/p') added, $(printf '%s' "$response" | sed -n 's/.*"skipped" *: *\([0-9]*\).*/\1/p') already there" ;;
        *) die "Keycloak's partial import failed: $response" ;;
    esac
}
