# shellcheck shell=bash
# What ./intranet needs before it starts anything: the tools, a JDK, and a build of the reactor
# when a part's output is missing or older than the sources. Sourced by ./intranet.

JAVA=""   # set by need_jdk

need_jdk() {
    find_jdk || exit 1
    JAVA=$JAVA_HOME/bin/java
}

# Linux (setsid, /proc) and curl; bash 4+ is checked by ./intranet itself.
need_tools() {
    local tool
    [ -r /proc/self/cmdline ] || die "needs Linux: /proc is missing (macOS and the BSDs are not supported)"
    for tool in curl setsid ps; do
        command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` is needed (apt-get install curl util-linux procps)"
    done
}

# A <property> of the root pom, e.g. keycloak.version: one source of truth for versions.
pom_property() {
    sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

# The reactor's version (the first <version> of the root pom is the project's own).
project_version() {
    sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1
}

# The reactor module a service part is built in: profile → profile-service; the web app is module web.
module_of() { if [ "$1" = web ]; then echo web; else echo "$1-service"; fi; }

# The build outputs that parts "$@" run from, relative to ROOT.
build_outputs() {
    local version part
    version=$(project_version)
    for part in "$@"; do
        case $part in
            postgres | kafka | smtp)
                echo "test-support/target/classpath.txt"
                echo "test-support/target/test-support-$version.jar" ;;
            opensearch)
                echo "deploy/opensearch-node/target/classpath.txt"
                echo "deploy/opensearch-node/target/opensearch-node-$version.jar" ;;
            keycloak) ;;   # fetched, not built
            *) echo "$(module_of "$part")/target/quarkus-app/quarkus-run.jar" ;;
        esac
    done
}

# True when parts "$@" need a build: an output is missing, or a pom or a main source file
# changed since the last build this script made or saw (.intranet/build.stamp).
build_needed() {
    local output outputs
    outputs=$(build_outputs "$@")
    [ -n "$outputs" ] || return 1
    for output in $outputs; do
        [ -f "$ROOT/$output" ] || return 0
    done
    [ -f "$BUILD_STAMP" ] || return 0
    [ -n "$(find "$ROOT" \( -name .git -o -name .intranet -o -name .mvn -o -name target -o -name node_modules \) -prune \
        -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$BUILD_STAMP" -print -quit)" ]
}

mark_built() { mkdir -p "$STATE_DIR" && touch "$BUILD_STAMP"; }

# Builds the whole reactor (no tests) when parts "$@" need it.
ensure_built() {
    build_needed "$@" || return 0
    local t0
    t0=$(now_ms)
    say_part build
    echo "building the reactor (./mvnw -B -q install -DskipTests) ..."
    # stamp first: a source edited during the build makes the next `up` build again
    mkdir -p "$STATE_DIR"
    touch "$BUILD_STAMP.next"
    if ! (cd "$ROOT" && ./mvnw -B -q install -DskipTests); then
        rm -f "$BUILD_STAMP.next"
        die "the build failed (see above)"
    fi
    mv -f "$BUILD_STAMP.next" "$BUILD_STAMP"
    say_part build
    echo "done   ($(seconds_since "$t0") s)"
}
