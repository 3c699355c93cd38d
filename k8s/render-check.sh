#!/usr/bin/env bash
# Renders both overlays offline and checks what they must contain. Exits 0 when everything holds,
# non-zero with one line per problem otherwise. Needs kubectl (with its built-in kustomize) or a
# standalone kustomize; no cluster and no CRDs are needed.
#
#   k8s/render-check.sh            check dev and prod
#   k8s/render-check.sh prod       check one overlay
#   KUBECTL=/path/to/kubectl k8s/render-check.sh
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
overlays=("$@")
[ ${#overlays[@]} -eq 0 ] && overlays=(dev prod)

# the four services and the web app: each a Deployment, a Service, a PodDisruptionBudget and, in prod, an HPA
services=(profile-service feed-service search-service notification-service web)
topics=(intranet.profile intranet.feed
        intranet.profile.dlq.feed intranet.profile.dlq.search intranet.profile.dlq.notification
        intranet.feed.dlq.feed intranet.feed.dlq.search intranet.feed.dlq.notification)
config_keys=(KAFKA_BOOTSTRAP_SERVERS QUARKUS_DATASOURCE_JDBC_URL QUARKUS_OIDC_AUTH_SERVER_URL
             QUARKUS_ELASTICSEARCH_HOSTS QUARKUS_MAILER_HOST QUARKUS_MAILER_PORT
             QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT QUARKUS_HTTP_CORS_ORIGINS
             INTRANET_WEB_OIDC_AUTHORITY INTRANET_WEB_PROXY_ENABLED)
# path prefix -> service that must receive it through the Ingress
routes=(/api/profiles=profile-service /scim=profile-service
        /api/posts=feed-service /api/feed=feed-service /api/groups=feed-service
        /api/follows=feed-service /api/announcements=feed-service /api/recognition=feed-service
        /api/search=search-service
        /api/notifications=notification-service /api/notification-preferences=notification-service
        /=web)

render() {
    local dir="$1"
    if [ -n "${KUBECTL:-}" ] || command -v kubectl >/dev/null 2>&1; then
        "${KUBECTL:-kubectl}" kustomize "$dir"
    elif command -v kustomize >/dev/null 2>&1; then
        kustomize build "$dir"
    else
        echo "neither kubectl nor kustomize found on PATH" >&2
        return 127
    fi
}

# One line per object: "<kind> <name>", plus a few fields the checks need:
#   "HPA <name> min=<minReplicas>", "ROUTE <path> <service>", "CONFIGKEY <key>", "CONFIGVAL <key>=<value>",
#   "IMAGE <image>".
# Kustomize prints each object with sorted keys and two-space indentation, so tracking the current
# top-level key is enough to tell metadata.name from, say, spec.name (and "data" comes before "kind",
# hence the ConfigMap keys are buffered until the object ends).
index() {
    awk '
    function flush(   i) {
        if (kind != "") print kind, name
        if (kind == "ConfigMap") for (i = 1; i <= nkeys; i++) { print "CONFIGKEY", keys[i]; print "CONFIGVAL " keys[i] "=" vals[i] }
        kind = ""; name = ""; top = ""; nkeys = 0; want_svc = 0; svc = ""
    }
    /^---$/ { flush(); next }
    /^[A-Za-z]/ { top = $1; sub(":", "", top) }
    /^kind: / { kind = $2 }
    top == "metadata" && /^  name: / { name = $2 }
    top == "data" && /^  [A-Z_][A-Z0-9_]*:/ {
        k = $1; sub(":", "", k); keys[++nkeys] = k
        v = $0; sub(/^  [A-Z0-9_]*: */, "", v); gsub(/^"|"$/, "", v); vals[nkeys] = v
    }
    kind == "HorizontalPodAutoscaler" && /^  minReplicas: / { print "HPA", name, "min=" $2 }
    # Ingress path items render as "- backend: {service: {name: S, port: ...}}, path: P, pathType: T"
    kind == "Ingress" && /^ *service:$/ { want_svc = 1; next }
    kind == "Ingress" && want_svc && /^ *name: / { svc = $2; want_svc = 0 }
    kind == "Ingress" && /^ *path: / { print "ROUTE", $2, svc }
    /^ *image: / { print "IMAGE", $2 }
    END { flush() }
    '
}

# Matches are read from here-strings, not "printf | grep -q": under pipefail, grep -q leaving early can kill
# printf with SIGPIPE and turn a match into a failure (seen on a loaded machine).
failures=0
fail() { echo "render-check: FAIL [$1] $2"; failures=$((failures + 1)); }

for overlay in "${overlays[@]}"; do
    dir="$here/overlays/$overlay"
    if [ ! -d "$dir" ]; then fail "$overlay" "no overlay directory $dir"; continue; fi
    if ! out="$(render "$dir" 2>&1)"; then
        fail "$overlay" "kustomize render failed:"
        printf '%s\n' "$out" | sed 's/^/    /'
        continue
    fi
    idx="$(printf '%s\n' "$out" | index)"

    count() { printf '%s\n' "$idx" | grep -c -x -F "$1"; }

    for s in "${services[@]}"; do
        n="$(count "Deployment $s")"; [ "$n" = 1 ] || fail "$overlay" "expected 1 Deployment $s, found $n"
        n="$(count "Service $s")";    [ "$n" = 1 ] || fail "$overlay" "expected 1 Service $s, found $n"
        n="$(count "PodDisruptionBudget $s")"; [ "$n" = 1 ] || fail "$overlay" "expected 1 PodDisruptionBudget $s, found $n"
    done
    n="$(printf '%s\n' "$idx" | grep -c -E "^Deployment ($(IFS='|'; echo "${services[*]}"))\$")"
    [ "$n" = "${#services[@]}" ] || fail "$overlay" "expected ${#services[@]} Deployments (services and web), found $n"

    for t in "${topics[@]}"; do
        n="$(count "KafkaTopic $t")"; [ "$n" = 1 ] || fail "$overlay" "expected KafkaTopic $t, found $n"
    done
    for k in Kafka KafkaNodePool Cluster OpenSearchCluster Keycloak KeycloakRealmImport Ingress Namespace; do
        grep -q -E "^$k " <<<"$idx" || fail "$overlay" "no $k rendered"
    done
    grep -q -E '^ConfigMap intranet-config(-[a-z0-9]+)?$' <<<"$idx" || fail "$overlay" "no ConfigMap intranet-config"
    for k in "${config_keys[@]}"; do
        n="$(count "CONFIGKEY $k")"; [ "$n" -ge 1 ] || fail "$overlay" "intranet-config lacks $k"
    done
    # the Ingress routes /api itself: the web app only serves its files
    n="$(count "CONFIGVAL INTRANET_WEB_PROXY_ENABLED=false")"
    [ "$n" -ge 1 ] || fail "$overlay" "intranet-config does not set INTRANET_WEB_PROXY_ENABLED=false"
    for r in "${routes[@]}"; do
        p="${r%%=*}"; s="${r##*=}"
        n="$(count "ROUTE $p $s")"; [ "$n" -ge 1 ] || fail "$overlay" "Ingress does not route $p to $s"
    done

    case "$overlay" in
        prod)
            for s in "${services[@]}"; do
                line="$(printf '%s\n' "$idx" | grep -E "^HPA $s min=" || true)"
                if [ -z "$line" ]; then fail prod "no HorizontalPodAutoscaler for $s"
                elif [ "${line##*min=}" -lt 2 ]; then fail prod "HPA $s has minReplicas ${line##*min=} (< 2)"; fi
            done
            grep -q -E '^Secret ' <<<"$idx" && fail prod "prod renders a Secret; prod secrets come from External Secrets"
            grep -E '^IMAGE intranet/' <<<"$idx" | grep -- '-SNAPSHOT' >/dev/null && fail prod "a service image is still tagged -SNAPSHOT"
            ;;
        dev)
            for s in intranet-secrets intranet-keycloak-db intranet-keycloak-realm; do
                n="$(count "Secret $s")"; [ "$n" = 1 ] || fail dev "expected generated Secret $s, found $n"
            done
            ;;
    esac
    [ "$failures" = 0 ] && echo "render-check: OK [$overlay] $(printf '%s\n' "$out" | grep -c '^kind: ') objects"
done

if [ "$failures" -ne 0 ]; then
    echo "render-check: $failures problem(s)"
    exit 1
fi
exit 0
