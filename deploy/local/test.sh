# shellcheck shell=bash
# ./intranet test: what CI runs, as timed phases, then the phase table and the test count.
# Sourced by ./intranet.
#
# A phase is one line in cmd_test: run_phase "title" function. The function runs in a subshell
# with `set -e`; the first phase that fails ends the run with its exit code (later phases do not
# run). The stack goes down however the run ends, but only the parts this run started: parts
# that were running before it (the developer's stack) are restarted on the new jars by `up`
# and left running.

PHASES=()
UP_BEFORE=()   # the parts that were running when the test began

# Runs phase "$1" (a title) as "${@:2}", records its time and result, returns its exit code.
# Call it as a plain command: under `if`, `&&` or `||` bash ignores the phase's `set -e`.
run_phase() {
    local title=$1 t0 rc
    shift
    echo
    echo "==== $title"
    t0=$(now_ms)
    set +e
    (set -e; "$@")
    rc=$?
    set -e
    add_phase_line "$title" "$t0" "$rc"
    return "$rc"
}

add_phase_line() {
    PHASES+=("$(printf '%-40s %8s s   %s' "$1" "$(seconds_since "$2")" "$([ "$3" = 0 ] && echo ok || echo "FAILED (exit $3)")")")
}

print_phases() {
    echo
    echo "==== phases"
    local line
    for line in "${PHASES[@]}"; do echo "$line"; done
}

# After a failure on the stack, the end of each service's log tells most of the story.
show_service_logs() {
    local svc
    for svc in "${SERVICE_PARTS[@]}"; do show_log_tail "$svc" 60 2>&1; done
}

# The phases. Each one that runs Maven or the stack is a process of its own, as a person would
# type it.
mvnw_verify() { (cd "$ROOT" && ./mvnw -B verify) && mark_built; }
# Each service's OpenAPI document (written to <service>/target/openapi/ by the build) against Redocly's
# recommended rules, every warning an error (redocly.yaml). The CLI version is pinned: it comes from the npm
# registry through npx, so the same rules judge every run.
REDOCLY_CLI=@redocly/cli@2.77.0
openapi_lint() {
    command -v npx >/dev/null 2>&1 || { echo "intranet: npx is needed for the OpenAPI lint (apt-get install npm)" >&2; return 1; }
    (cd "$ROOT" && npx --yes "$REDOCLY_CLI" lint --format=stylish ./*-service/target/openapi/openapi.yaml)
}
# The event contract (docs/asyncapi.yaml) against the AsyncAPI schema, pinned the same way.
ASYNCAPI_CLI=@asyncapi/cli@6.2.0
asyncapi_validate() {
    command -v npx >/dev/null 2>&1 || { echo "intranet: npx is needed for the AsyncAPI check (apt-get install npm)" >&2; return 1; }
    (cd "$ROOT" && npx --yes "$ASYNCAPI_CLI" validate docs/asyncapi.yaml --fail-severity=warn)
}
stack_up() { "$ROOT/intranet" up; }
e2e_verify() {
    (cd "$ROOT" && ./mvnw -B -pl e2e-tests verify -De2e) || { local rc=$?; show_service_logs; return $rc; }
}
# Stops the parts this run started; says which ones it leaves running.
stack_down() {
    local part
    local -a started=()
    for part in "${ALL_PARTS[@]}"; do
        if [[ " ${UP_BEFORE[*]-} " != *" $part "* ]]; then started+=("$part"); fi
    done
    if [ ${#UP_BEFORE[@]} -gt 0 ]; then echo "left running (they were up before the test): ${UP_BEFORE[*]}"; fi
    if [ ${#started[@]} -gt 0 ]; then "$ROOT/intranet" down "${started[@]}" || true; fi
}

# The EXIT trap of cmd_test: stack down, the phase table, the test count.
finish_test() {
    local rc=$?
    trap - EXIT
    run_phase "stack down" stack_down || true
    add_phase_line total "$TEST_T0" "$rc"
    print_phases
    print_test_count
    exit $rc
}

cmd_test() {
    local part
    TEST_T0=$(now_ms)
    mkdir -p "$STATE_DIR" && touch "$STATE_DIR/test.started"
    need_tools
    need_jdk
    echo "JDK: $JAVA_HOME"
    for part in "${ALL_PARTS[@]}"; do
        if is_alive "$part"; then UP_BEFORE+=("$part"); fi
    done
    # the parts this run starts go down however it ends (failure, Ctrl-C, CI timeout)
    trap finish_test EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    run_phase "build, unit and @QuarkusTest tests" mvnw_verify
    run_phase "OpenAPI lint (Redocly recommended-strict)" openapi_lint
    run_phase "AsyncAPI validation (the event contract)" asyncapi_validate
    run_phase "stack up" stack_up
    run_phase "end-to-end tests" e2e_verify
}
