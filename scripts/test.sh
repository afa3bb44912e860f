#!/usr/bin/env bash
# The project's test command (CI runs exactly this): builds, unit and integration tests with the real
# binaries under the Runtime API emulator, the fakes' and the emulation's Python tests, the packaging check,
# the README's main job (scripts/emulate.sh) with its reports opened in headless Chromium, and the Terraform
# checks (fmt, validate, checkov, the Datadog stack, apply/plan/destroy against moto).
# Every server a test needs is started and stopped by the test itself on a loopback port.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$REPO_ROOT"

# openssl makes the certificates of the TLS tests (HTTP1ClientTests).
ensure_apt_packages zlib1g-dev binutils curl openssl
ensure_local_aws_python
# openpyxl and openxml-audit read back every workbook the tests write (pinned: the audit adds checks between releases).
ensure_venv workbook openpyxl==3.1.5 openxml-audit==0.8.0 >/dev/null

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
passed=0
failed=0
steps=()

# Runs one step, keeps its output and how long it took, and adds its own pass/fail counts to the totals.
step() {
    local name="$1" started=$SECONDS
    shift
    steps+=("$name")
    log "$name"
    if "$@" 2>&1 | tee "$results/$name.log"; then
        echo "ok" > "$results/$name.status"
    else
        echo "failed" > "$results/$name.status"
    fi
    echo $(( SECONDS - started )) > "$results/$name.seconds"
}

# Every module a target imports must be declared in Package.swift, not reached through another target.
step build swift build --build-tests --explicit-target-dependency-import-check error
step swift-tests swift test --skip-build --parallel
step script-tests python3 -m pytest -q -rfE scripts/fakes/tests scripts/tests/test_day_generator.py scripts/tests/test_day_player.py scripts/tests/test_function_calls.py scripts/tests/test_check_catalogue.py scripts/tests/test_inventory_fixture.py scripts/tests/test_inventory_end_to_end.py scripts/tests/test_fleet_fixture.py scripts/tests/test_fleet_end_to_end.py scripts/tests/test_monitors_end_to_end.py scripts/tests/test_cold_start_threads.py
step packages scripts/check-packages.sh
# The whole day: sending it costs about a second, so CI plays the README's default rather than a shorter one.
step emulation scripts/emulate.sh --seed 1
step reports scripts/screenshot-reports.sh
step terraform scripts/terraform-check.sh

printf '\n%-12s %-7s %s\n' step result seconds
for name in "${steps[@]}"; do
    printf '%-12s %-7s %s\n' "$name" "$(cat "$results/$name.status")" "$(cat "$results/$name.seconds")"
done
echo "total: $SECONDS s"

swift_total="$(grep -oE 'Test run with [0-9]+ tests?' "$results/swift-tests.log" | grep -oE '[0-9]+' | head -1 || true)"
swift_failed="$(grep -E '^✘ Test .* failed after' "$results/swift-tests.log" | grep -vc '^✘ Test run with' || true)"
swift_passed=$(( ${swift_total:-0} - ${swift_failed:-0} ))
py_passed="$(grep -oE '[0-9]+ passed' "$results/script-tests.log" | tail -1 | grep -oE '[0-9]+' || true)"
py_failed="$(grep -oE '[0-9]+ failed' "$results/script-tests.log" | tail -1 | grep -oE '[0-9]+' || true)"
passed=$(( ${swift_passed:-0} + ${py_passed:-0} ))
failed=$(( ${swift_failed:-0} + ${py_failed:-0} ))
if grep -q failed "$results"/*.status; then
    [ "$failed" -gt 0 ] || failed=1
fi
# The end of a CI log is what a reader sees first: name what failed there, not only in the step's output.
if [ "$failed" -gt 0 ]; then
    echo "what failed:"
    grep -hE '^✘ Test .* (failed|recorded an issue)' "$results/swift-tests.log" | grep -v '^✘ Test run with' | head -20 || true
    grep -hE '^(FAILED|ERROR) ' "$results/script-tests.log" | head -20 || true
    for name in "${steps[@]}"; do
        if [ "$(cat "$results/$name.status")" = failed ]; then
            echo "step $name failed; its last lines:"
            tail -n 15 "$results/$name.log" | sed 's/^/  /'
        fi
    done
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
