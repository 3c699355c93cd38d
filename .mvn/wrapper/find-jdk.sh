# shellcheck shell=bash
# Finds a JDK 21 or newer; sourced by ./mvnw and ./intranet so both pick the same one.
# The build compiles with --release 21 and Keycloak 26 needs 21+, while the machine's
# default `java` may be older (17), so neither script trusts the PATH.

MIN_JAVA_MAJOR=${MIN_JAVA_MAJOR:-21}

# Prints the major version of the JDK at $1 (e.g. 25), or nothing when it is no JDK.
jdk_major() {
    local home=$1 version=""
    [ -x "$home/bin/java" ] || return 1
    # The `release` file answers without starting a JVM; `java -version` is the fallback.
    if [ -r "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}            # 1.8.0 -> 8.0
    version=${version%%[.+-]*}       # 25.0.3 -> 25, 21-ea -> 21
    case $version in ''|*[!0-9]*) return 1 ;; esac
    echo "$version"
}

# Sets JAVA_HOME to a JDK >= MIN_JAVA_MAJOR: the current JAVA_HOME when it qualifies,
# else the newest under /usr/lib/jvm (or the folders in $JDK_SEARCH_DIRS), else the one on the PATH.
# Returns 1 with a message on stderr when there is none.
find_jdk() {
    local major best='' best_major=0 candidate dir
    if [ -n "${JAVA_HOME:-}" ] && major=$(jdk_major "$JAVA_HOME") && [ "$major" -ge "$MIN_JAVA_MAJOR" ]; then
        export JAVA_HOME
        return 0
    fi
    # JDK_SEARCH_DIRS: space-separated folders that hold JDKs
    for dir in ${JDK_SEARCH_DIRS:-/usr/lib/jvm}; do
        for candidate in "$dir"/*/; do
            candidate=${candidate%/}
            major=$(jdk_major "$candidate") || continue
            if [ "$major" -ge "$MIN_JAVA_MAJOR" ] && [ "$major" -gt "$best_major" ]; then
                best=$candidate best_major=$major
            fi
        done
    done
    if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        if major=$(jdk_major "$candidate") && [ "$major" -ge "$MIN_JAVA_MAJOR" ]; then
            best=$candidate
        fi
    fi
    if [ -z "$best" ]; then
        {
            echo "error: no JDK $MIN_JAVA_MAJOR or newer found."
            echo "  looked at: JAVA_HOME=${JAVA_HOME:-<unset>}, ${JDK_SEARCH_DIRS:-/usr/lib/jvm}/*, and \`java\` on the PATH."
            echo "  install a JDK $MIN_JAVA_MAJOR+ (e.g. a Temurin 21 or 25 under /usr/lib/jvm) or point JAVA_HOME at one."
        } >&2
        return 1
    fi
    export JAVA_HOME=$best
}
