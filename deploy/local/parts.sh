# shellcheck shell=bash
# The parts of the stack: their names, how each one is launched and how it is probed.
# Sourced by ./intranet, which sets the part lists, PORT and the URLs.

# --- names ------------------------------------------------------------------------------------

is_service() { [[ " ${SERVICE_PARTS[*]} " == *" $1 "* ]]; }

# The part that name $1 means: "profile" and "profile-service" alike. Fails for any other name.
part_of() {
    local name=${1%-service} part
    for part in "${ALL_PARTS[@]}"; do
        [ "$part" = "$name" ] && { echo "$part"; return 0; }
    done
    return 1
}

# Sets PARTS to the parts named in "$@", in start order ("infra" = all but the services); to all
# of them when none is named. Exits with one line on an unknown name. Call it directly, never in
# $(...): its `die` has to end the script, not a subshell.
PARTS=()
select_parts() {
    local -a wanted=()
    local name part
    for name in "$@"; do
        if [ "$name" = infra ]; then
            wanted+=("${INFRA_PARTS[@]}")
        else
            part=$(part_of "$name") || die "unknown part '$name'; one of: ${ALL_PARTS[*]}, infra"
            wanted+=("$part")
        fi
    done
    [ ${#wanted[@]} -gt 0 ] || wanted=("${ALL_PARTS[@]}")
    PARTS=()
    for part in "${ALL_PARTS[@]}"; do
        if [[ " ${wanted[*]} " == *" $part "* ]]; then PARTS+=("$part"); fi
    done
}

# --- launching --------------------------------------------------------------------------------

# test-support carries jboss-logmanager (through quarkus-junit): name it before anything logs
JUL_MANAGER=-Djava.util.logging.manager=org.jboss.logmanager.LogManager

test_support_cp() {
    echo "$(cat "$ROOT/test-support/target/classpath.txt"):$ROOT/test-support/target/test-support-$(project_version).jar"
}

opensearch_cp() {
    echo "$(cat "$ROOT/deploy/opensearch-node/target/classpath.txt"):$ROOT/deploy/opensearch-node/target/opensearch-node-$(project_version).jar"
}

launch_postgres() {
    start_process postgres "$JAVA" -Dintranet.part=postgres "$JUL_MANAGER" -Xmx256m -cp "$(test_support_cp)" \
        org.intranet.testsupport.local.LocalPostgres --port "${PORT[postgres]}" --data "$STATE_DIR/postgres"
}

launch_kafka() {
    start_process kafka "$JAVA" -Dintranet.part=kafka "$JUL_MANAGER" -Xmx512m -cp "$(test_support_cp)" \
        org.intranet.testsupport.local.LocalKafka --port "${PORT[kafka]}" --data "$STATE_DIR/kafka"
}

launch_opensearch() {
    start_process opensearch "$JAVA" -Dintranet.part=opensearch -Xms512m -Xmx512m -cp "$(opensearch_cp)" \
        org.intranet.opensearch.OpenSearchNode --port "${PORT[opensearch]}" --data "$STATE_DIR/opensearch"
}

launch_smtp() {
    start_process smtp "$JAVA" -Dintranet.part=smtp "$JUL_MANAGER" -Xmx256m -cp "$(test_support_cp)" \
        org.intranet.testsupport.local.LocalSmtp --port "${PORT[smtp]}"
}

# Fetches the Keycloak distribution through Maven (one time) and unpacks it into .intranet/keycloak.
install_keycloak() {
    local version dir=$STATE_DIR/keycloak downloads=$STATE_DIR/downloads tmp zip
    version=$(pom_property keycloak.version)
    [ -n "$version" ] || die "no <keycloak.version> in pom.xml"
    if grep -qs "Version $version\$" "$dir/version.txt"; then
        return 0
    fi
    echo "fetching Keycloak $version (one time) ... " | tr -d '\n'
    mkdir -p "$downloads"
    zip=$downloads/keycloak-quarkus-dist-$version.zip
    if [ ! -s "$zip" ]; then
        # -N: the root pom only (it pins the dependency plugin); no module is built
        (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
            -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$downloads") \
            || die "could not fetch org.keycloak:keycloak-quarkus-dist:$version:zip"
    fi
    tmp=$(mktemp -d "$STATE_DIR/.keycloak.XXXXXX")
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$zip" -d "$tmp"
    else
        (cd "$tmp" && "$JAVA_HOME/bin/jar" xf "$zip")
    fi
    [ -f "$tmp/keycloak-$version/bin/kc.sh" ] || die "the Keycloak zip did not hold keycloak-$version/bin/kc.sh"
    # a new version starts from an empty database: it holds nothing but the imported realm
    rm -rf "$dir"
    mv "$tmp/keycloak-$version" "$dir"
    rm -rf "$tmp" "$zip"
}

# Puts the realm file where --import-realm reads it. Keycloak skips a realm that already exists,
# so when the file changed, its dev database (nothing but that realm) is reset to import it anew.
stage_realm() {
    local import_dir=$STATE_DIR/keycloak/data/import
    if [ -f "$import_dir/intranet-realm.json" ] && ! cmp -s "$REALM_FILE" "$import_dir/intranet-realm.json"; then
        echo "realm file changed: resetting Keycloak's database to import it ... " | tr -d '\n'
        rm -rf "$STATE_DIR/keycloak/data/h2" "$STATE_DIR/keycloak/data/transaction-logs"
    fi
    mkdir -p "$import_dir"
    cp "$REALM_FILE" "$import_dir/intranet-realm.json"
}

launch_keycloak() {
    install_keycloak
    stage_realm
    # JDK 25: jboss-threads needs java.lang opened (harmless on 21). C1 only: starts ~2x faster.
    # --hostname pins the issuer to what the services are configured with, whichever host
    # name a client used to fetch its token.
    JAVA_HOME=$JAVA_HOME \
    JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1 --add-opens=java.base/java.lang=ALL-UNNAMED" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        start_process keycloak sh "$STATE_DIR/keycloak/bin/kc.sh" -Dintranet.part=keycloak \
            start-dev --http-host="$HOST" --http-port="${PORT[keycloak]}" \
            --hostname="$KEYCLOAK_URL" --import-realm
}

service_jar() { echo "$ROOT/$(module_of "$1")/target/quarkus-app/quarkus-run.jar"; }

# The modification time of service $1's jar (nanoseconds), and where launch_service records it.
jar_mtime() { stat -c %y "$(service_jar "$1")" 2>/dev/null || true; }
jar_stamp() { echo "$RUN_DIR/$1.jar-mtime"; }

# Recorded before the JVM opens the jar: a jar rebuilt meanwhile counts as newer.
record_launched_jar() {
    mkdir -p "$RUN_DIR"
    jar_mtime "$1" >"$(jar_stamp "$1")"
}

# True when running service $1 was launched from an older build: its jar's modification time
# differs from the one recorded at launch (or none was recorded). `up` restarts such a service.
runs_old_jar() {
    local launched
    launched=$(cat "$(jar_stamp "$1")" 2>/dev/null) || return 0
    [ "$launched" != "$(jar_mtime "$1")" ]
}

# Each service's JVM: serial GC (what the JVM picks itself in a container of under 2 CPUs or 2 GB) on a heap that
# starts at 96 MB with a 48 MB young generation, capped code cache and smaller thread stacks, and two malloc arenas
# instead of glibc's eight per core. A tighter heap (32 MB, shrinking) saved ~50 MB of RSS but cost a young
# collection every few requests and 100 ms full ones: one connection's p99 went from 100 ms to 8 ms with this one
# (bench/results/announcements.md).
SERVICE_JVM_OPTS=(-Xms96m -Xmx192m -Xmn48m -XX:+UseSerialGC
    -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -Xss512k
    -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000)
# notification-service holds the live streams: its live heap after a full collection is ~34 MB even after bursts
# (NMT, bench/results/notifications.md), so a smaller heap suffices
NOTIFICATION_JVM_OPTS=(-Xms64m -Xmx112m -Xmn32m)
# the web module serves files and streams proxied bytes: it holds almost nothing (after SERVICE_JVM_OPTS, so these win)
WEB_JVM_OPTS=(-Xms32m -Xmx96m -Xmn16m -XX:ReservedCodeCacheSize=48m)

# A random secret of this stack, made once and kept in .intranet (e.g. what signs unsubscribe links).
stack_secret() {
    local file=$STATE_DIR/secrets/$1
    if [ ! -s "$file" ]; then
        mkdir -p "$STATE_DIR/secrets" && chmod 700 "$STATE_DIR/secrets"
        (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n=' >"$file")
    fi
    cat "$file"
}

# The origins the browser calls the API from: the web app (:8080, which forwards the Origin header to the services
# as the Ingress does) and Vite's dev server (:5173) — the services' CORS filter refuses any other.
APP_ORIGINS="http://$HOST:${PORT[web]},http://localhost:${PORT[web]},http://$HOST:5173,http://localhost:5173"

# Health and metrics of the web app (its main port serves only the app and the API routes).
WEB_MANAGEMENT_PORT=8090

# The web app on :8080: it serves the app and routes /api/… to the services (their ports are its defaults) as
# the Ingress does, and tells the app where Keycloak is. It has no database, Kafka or token settings.
launch_web() {
    record_launched_jar web
    QUARKUS_HTTP_HOST="$HOST" QUARKUS_HTTP_PORT="${PORT[web]}" INTRANET_WEB_OIDC_AUTHORITY="$REALM_URL" \
    QUARKUS_MANAGEMENT_HOST="$HOST" QUARKUS_MANAGEMENT_PORT="$WEB_MANAGEMENT_PORT" \
    MALLOC_ARENA_MAX=2 \
        start_process web "$JAVA" -Dintranet.part=web "${SERVICE_JVM_OPTS[@]}" "${WEB_JVM_OPTS[@]}" \
            -jar "$(service_jar web)"
}

launch_service() {
    local svc=$1
    local -a extra=() jvm=()
    # each service gets only the settings it has, so Quarkus warns about no unknown keys
    case $svc in
        search) extra=(QUARKUS_ELASTICSEARCH_HOSTS="$HOST:${PORT[opensearch]}") ;;
        notification) extra=(QUARKUS_MAILER_HOST="$HOST" QUARKUS_MAILER_PORT="${PORT[smtp]}"
            INTRANET_NOTIFICATION_EMAIL_API_URL="http://$HOST:${PORT[notification]}"
            INTRANET_NOTIFICATION_EMAIL_UNSUBSCRIBE_SECRET="$(stack_secret unsubscribe)")
            jvm=("${NOTIFICATION_JVM_OPTS[@]}") ;;
    esac
    record_launched_jar "$svc"
    QUARKUS_HTTP_HOST="$HOST" \
    QUARKUS_HTTP_PORT="${PORT[$svc]}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$HOST:${PORT[postgres]}/intranet" \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres \
    KAFKA_BOOTSTRAP_SERVERS="$HOST:${PORT[kafka]}" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$REALM_URL" \
    INTRANET_PAGING_CURSOR_KEY=local-stack-cursor-key-not-a-secret \
    QUARKUS_HTTP_CORS_ORIGINS="$APP_ORIGINS" \
    MALLOC_ARENA_MAX=2 \
        start_process "$svc" env "${extra[@]+"${extra[@]}"}" "$JAVA" -Dintranet.part="$svc" "${SERVICE_JVM_OPTS[@]}" \
            "${jvm[@]+"${jvm[@]}"}" -jar "$(service_jar "$svc")"
}

# A part with a launcher of its own (launch_keycloak, launch_web, …) uses it; the four services share one.
launch() {
    if declare -F "launch_$1" >/dev/null; then "launch_$1"; else launch_service "$1"; fi
}

# --- probing ----------------------------------------------------------------------------------

# True when the part serves. Each main prints READY once it accepts work; the port or an HTTP
# endpoint is the fallback (and the only sign for Keycloak and the services).
is_ready() {
    local part=$1 port=${PORT[$1]}
    case $part in
        postgres | kafka | smtp) log_says_ready "$part" || port_open "$port" ;;
        opensearch) http_ok "http://$HOST:$port/_cluster/health?wait_for_status=yellow&timeout=1s" ;;
        keycloak) http_ok "$REALM_URL/.well-known/openid-configuration" ;;
        web) http_ok "http://$HOST:$WEB_MANAGEMENT_PORT/q/health/ready" ;;
        *) http_ok "http://$HOST:$port/q/health/ready" ;;
    esac
}

# The pid of the PostgreSQL server on .intranet/postgres, when one runs.
postmaster_pid() {
    local pidfile pid
    for pidfile in "$STATE_DIR"/postgres/postmaster.pid "$STATE_DIR"/postgres/*/postmaster.pid; do
        [ -r "$pidfile" ] || continue
        pid=$(head -n 1 "$pidfile" | tr -dc '0-9')
        [ -n "$pid" ] && grep -qs postgres "/proc/$pid/comm" && { echo "$pid"; return 0; }
    done
    return 1
}

# Embedded PostgreSQL's server runs in a session of its own and outlives its JVM when that was
# killed: stop it through its pid file, with PostgreSQL's "fast" shutdown (SIGINT).
stop_orphan_postgres() {
    local pid i
    pid=$(postmaster_pid) || return 0
    kill -INT "$pid" 2>/dev/null || return 0
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
}
