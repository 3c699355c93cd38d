# shellcheck shell=bash
# ./intranet down, status, logs, token and clean: the commands that look at or stop the stack.
# Sourced by ./intranet.

cmd_down() {
    local part i any=0
    local -a services=()
    select_parts "$@"
    for part in "${PARTS[@]}"; do
        if is_alive "$part"; then any=1; fi
        if is_service "$part"; then services+=("$part"); fi
    done
    # the services first and together, then the infrastructure one by one in reverse start order
    [ ${#services[@]} -eq 0 ] || STOP_WAIT=20 stop_parts "${services[@]}"
    for ((i = ${#PARTS[@]} - 1; i >= 0; i--)); do
        part=${PARTS[$i]}
        is_service "$part" || STOP_WAIT=${STOP_TIMEOUT[$part]} stop_parts "$part"
    done
    if [[ " ${PARTS[*]} " == *" postgres "* ]] && postmaster_pid >/dev/null; then
        say_part postgres; echo "stopping a left-over PostgreSQL server (pid $(postmaster_pid))"
        stop_orphan_postgres
        any=1
    fi
    [ "$any" = 1 ] || echo "nothing was running"
}

cmd_status() {
    local part pid port state mem total_mib=0 mib
    printf '%-13s %-9s %-8s %-6s %s\n' PART STATE PID PORT RSS
    for part in "${ALL_PARTS[@]}"; do
        port=${PORT[$part]}
        if is_alive "$part"; then
            pid=$(read_pid "$part")
            # shellcheck disable=SC2046  # one pid per word
            if [ "$part" = postgres ]; then
                mib=$(rss_mib $(part_pids "$part" $(postmaster_pid)))
            else
                mib=$(rss_mib $(part_pids "$part"))
            fi
            mem="$mib MiB" total_mib=$((total_mib + mib))
            if is_ready "$part"; then state=running; else state=starting; fi
        else
            pid=- mem=-
            if [ "$part" = postgres ] && postmaster_pid >/dev/null; then
                state=left-over pid=$(postmaster_pid)   # its JVM is gone; up or down stops it
            elif port_open "$port"; then
                state=other
            else
                state=stopped
            fi
        fi
        printf '%-13s %-9s %-8s %-6s %s\n' "$part" "$state" "$pid" "$port" "$mem"
    done
    [ "$total_mib" = 0 ] || printf '%-13s %-9s %-8s %-6s %s\n' total '' '' '' "$total_mib MiB"
}

cmd_logs() {
    [ $# -eq 1 ] || die "usage: ./intranet logs <part>   (${ALL_PARTS[*]})"
    local part file
    part=$(part_of "$1") || die "unknown part '$1'; one of: ${ALL_PARTS[*]}"
    file=$LOG_DIR/$part.log
    [ -f "$file" ] || die "no log yet for $part ($file)"
    if [ -t 1 ]; then exec tail -n 200 -F "$file"; else exec tail -n 200 "$file"; fi
}

cmd_clean() {
    cmd_down
    rm -rf "$STATE_DIR"
    echo "removed $STATE_DIR"
}

# Prints only the access token (password grant on the public client intranet-web), so that
# $(./intranet token alice) can go straight into an Authorization header.
cmd_token() {
    if [ $# -lt 1 ] || [ $# -gt 2 ]; then
        die "usage: ./intranet token <user> [password]   (demo users: alice, bob, hannah, admin)"
    fi
    local user=$1 password=${2:-$1} response token
    command -v curl >/dev/null 2>&1 || die "\`curl\` is needed"
    http_ok "$REALM_URL/.well-known/openid-configuration" \
        || die "Keycloak does not answer on $KEYCLOAK_URL (realm intranet); start the stack with ./intranet up"
    response=$(curl -s -m 10 "$REALM_URL/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=intranet-web \
        --data-urlencode "username=$user" --data-urlencode "password=$password") \
        || die "the token request to $KEYCLOAK_URL failed"
    # a JWT is base64url and dots only, so a plain match is exact (no jq needed)
    token=$(printf '%s' "$response" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
    if [ -z "$token" ]; then
        die "no token for '$user': $(printf '%s' "$response" | sed -n 's/.*"error_description" *: *"\([^"]*\)".*/\1/p')"
    fi
    printf '%s\n' "$token"
}
