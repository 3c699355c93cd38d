# shellcheck shell=bash
# The closing line of ./intranet test, which CI reads: "tests: N passed, N failed, N skipped".
# Sourced by ./intranet.

# Adds up the Surefire and Failsafe reports (target/*-reports/TEST-*.xml) written since this test
# run began (.intranet/test.started) and prints the line.
print_test_count() {
    local -a reports=()
    mapfile -t reports < <(find "$ROOT" \( -path "$STATE_DIR" -o -name .git -o -name node_modules \) -prune -o -type f \
        \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) \
        -newer "$STATE_DIR/test.started" -print 2>/dev/null)
    if [ ${#reports[@]} -eq 0 ]; then
        echo "tests: 0 passed, 0 failed, 0 skipped"
        return 0
    fi
    # A report's first <testsuite ...> line holds its totals as attributes: tests="12" errors="0"
    # skipped="1" failures="0". Sum each kind over the files (split at the quotes: kv[1] is
    # `tests=`, kv[2] the number); failed = errors + failures, passed = tests - failed - skipped.
    awk '
        /<testsuite[ >]/ {
            for (i = 1; i <= NF; i++)
                if ($i ~ /^(tests|errors|skipped|failures)="[0-9]+"/) { split($i, kv, "\""); n[kv[1]] += kv[2] }
            nextfile
        }
        END {
            failed = n["errors="] + n["failures="]
            printf "tests: %d passed, %d failed, %d skipped\n", n["tests="] - failed - n["skipped="], failed, n["skipped="]
        }' "${reports[@]}"
}
