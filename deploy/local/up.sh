# shellcheck shell=bash
# ./intranet up: build when needed, start the infrastructure one part at a time, then the services
# side by side; a part that already runs is left alone, except a service whose jar was rebuilt
# since it started, which is restarted. Sourced by ./intranet.

# Refuses to go on when a part's port is held by something that is not that part.
check_port_free() {
    local part=$1 port=${PORT[$1]} owner
    if ! is_alive "$part" && port_open "$port"; then
        owner=$(port_owner "$port")
        echo >&2
        die "port $port (for $part) is already taken${owner:+ by $owner}. Stop that process (if it is the stack of another checkout, run ./intranet down there) and try again."
    fi
}

# Reports how a wait_ready ended; exits on failure.
report_wait() {
    local part=$1 rc=$2 t0=$3
    case $rc in
        0) echo "ready on $HOST:${PORT[$part]}   ($(seconds_since "$t0") s)" ;;
        1) echo "FAILED: not ready after ${START_TIMEOUT[$part]} s"
           show_log_tail "$part"
           die "$part did not become ready; its log: $LOG_DIR/$part.log (the rest of the stack keeps running; ./intranet down stops it)" ;;
        *) echo "FAILED: the process exited"
           show_log_tail "$part"
           die "$part exited while starting; its log: $LOG_DIR/$part.log" ;;
    esac
}

# Starts one infrastructure part unless it already runs, and waits for it.
up_part() {
    local part=$1 t0 rc=0
    say_part "$part"
    if is_alive "$part" && is_ready "$part"; then
        echo "already running (pid $(read_pid "$part")) on $HOST:${PORT[$part]}"
        return 0
    fi
    t0=$(now_ms)
    if ! is_alive "$part"; then
        # a PostgreSQL server whose JVM was killed still holds the port and the data folder
        [ "$part" != postgres ] || stop_orphan_postgres
        check_port_free "$part"
        launch "$part"
    fi
    wait_ready "$part" "${START_TIMEOUT[$part]}" is_ready "$part" || rc=$?
    report_wait "$part" "$rc" "$t0"
}

# Starts services "$@" side by side and prints each one's line as it becomes ready. One that runs
# on an older jar than the one built now is stopped first and started anew.
up_services() {
    local svc t0 deadline
    local -a waiting=() old=()
    for svc in "$@"; do
        if is_alive "$svc" && runs_old_jar "$svc"; then
            say_part "$svc"; echo "restarting: its jar was rebuilt since pid $(read_pid "$svc") started"
            old+=("$svc")
        elif is_alive "$svc" && is_ready "$svc"; then
            say_part "$svc"; echo "already running (pid $(read_pid "$svc")) on $HOST:${PORT[$svc]}"
            continue
        fi
        waiting+=("$svc")
    done
    [ ${#waiting[@]} -gt 0 ] || return 0
    [ ${#old[@]} -eq 0 ] || STOP_WAIT=20 stop_parts "${old[@]}"
    for svc in "${waiting[@]}"; do
        is_alive "$svc" || check_port_free "$svc"
    done
    t0=$(now_ms)
    for svc in "${waiting[@]}"; do
        is_alive "$svc" || launch "$svc"
    done
    deadline=$(($(now_ms) + ${START_TIMEOUT[profile]} * 1000))
    while [ ${#waiting[@]} -gt 0 ]; do
        local -a still=()
        for svc in "${waiting[@]}"; do
            if is_ready "$svc"; then
                say_part "$svc"; report_wait "$svc" 0 "$t0"
            elif ! is_alive "$svc"; then
                say_part "$svc"; report_wait "$svc" 2 "$t0"
            elif [ "$(now_ms)" -ge "$deadline" ]; then
                say_part "$svc"; report_wait "$svc" 1 "$t0"
            else
                still+=("$svc")
            fi
        done
        waiting=("${still[@]+"${still[@]}"}")
        [ ${#waiting[@]} -eq 0 ] || sleep 0.25
    done
}

# One line per part that was asked for, then how to use the stack.
print_summary() {
    local total=$1 part
    shift
    echo
    echo "Up in $total s. Data in $STATE_DIR (./intranet clean wipes it)."
    echo
    for part in "$@"; do
        case $part in
            web) printf '  %-21s http://%s:%s/   (sign in as alice, bob, hannah or admin)\n' \
                    "the web app" "$HOST" "${PORT[web]}" ;;
            profile | feed | search | notification)
                printf '  %-21s http://%s:%s/api   Swagger UI: http://%s:%s/q/swagger-ui\n' \
                    "$part-service" "$HOST" "${PORT[$part]}" "$HOST" "${PORT[$part]}" ;;
            keycloak)   printf '  %-21s %s/admin/   (admin / admin; realm "intranet")\n' Keycloak "$KEYCLOAK_URL" ;;
            opensearch) printf '  %-21s http://%s:%s\n' OpenSearch "$HOST" "${PORT[opensearch]}" ;;
            postgres)   printf '  %-21s jdbc:postgresql://%s:%s/intranet   (postgres / postgres)\n' PostgreSQL "$HOST" "${PORT[postgres]}" ;;
            kafka)      printf '  %-21s %s:%s\n' Kafka "$HOST" "${PORT[kafka]}" ;;
            smtp)       printf '  %-21s %s:%s   (GreenMail; mail stays in memory)\n' SMTP "$HOST" "${PORT[smtp]}" ;;
        esac
    done
    if [[ " $* " == *" web "* ]]; then
        printf '\nOpen the intranet: http://%s:%s/\n' "$HOST" "${PORT[web]}"
    fi
    cat <<EOF

Demo users (password = user name): alice, bob, hannah (hr), admin (admin).
A token:   ./intranet token alice
Try:       curl -H "Authorization: Bearer \$(./intranet token alice)" http://$HOST:${PORT[profile]}/api/profiles/me
Logs:      ./intranet logs <part>     State: ./intranet status     Stop: ./intranet down
EOF
}

cmd_up() {
    local t0 part
    local -a services=()
    select_parts "$@"
    t0=$(now_ms)
    need_tools
    need_jdk
    ensure_built "${PARTS[@]}"
    for part in "${PARTS[@]}"; do
        if is_service "$part"; then services+=("$part"); else up_part "$part"; fi
    done
    [ ${#services[@]} -eq 0 ] || up_services "${services[@]}"
    print_summary "$(seconds_since "$t0")" "${PARTS[@]}"
}
