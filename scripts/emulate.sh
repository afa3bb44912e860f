#!/usr/bin/env bash
# The main job, run locally: the functions as real `bootstrap` processes under the Runtime API emulator.
# For now (SPEC §12 comes with the functions) it demonstrates the runtime: it invokes the probe function
# and each of the three functions, and prints what Lambda's Invoke API would answer.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$REPO_ROOT"

ensure_apt_packages zlib1g-dev binutils curl
log "building (debug)"
swift build >&2
bin="$(swift build --show-bin-path)"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Starts an emulator around one function and sets BASE_URL to it. Not run in a command substitution: the
# emulator must be this shell's child, or the cleanup above could not stop it.
start_function() {
    local name="$1"
    shift
    "$bin/lambda-emulator" serve --port-file "$work/$name.port" --function-name "$name" \
        --function-output "$work/$name.log" "$@" > "$work/$name.emulator.log" &
    pids+=($!)
    for _ in $(seq 200); do [ -s "$work/$name.port" ] && break; sleep 0.05; done
    [ -s "$work/$name.port" ] || die "the emulator for $name did not start"
    BASE_URL="http://127.0.0.1:$(cat "$work/$name.port")"
}

invoke() {
    local base="$1" name="$2" payload="$3"
    curl -s -D "$work/headers" -X POST "$base/2015-03-31/functions/$name/invocations" -d "$payload"
    echo
    grep -i '^x-amz-function-error' "$work/headers" | tr -d '\r' || true
}

failures=0
start_function probe --env PROBE_MODE=typed -- "$bin/runtime-probe"
echo "--- probe: echo"
answer="$(invoke "$BASE_URL" probe '{"action":"echo","message":"hello from the emulator"}')"
echo "$answer"
case "$answer" in *'"message":"hello from the emulator"'*) ;; *) failures=$((failures + 1)) ;; esac

for function in collection daily-check notification; do
    start_function "$function" -- "$bin/$function"
    echo "--- $function"
    answer="$(invoke "$BASE_URL" "$function" '{}')"
    echo "$answer"
    case "$answer" in *Function.NotImplemented*) ;; *) failures=$((failures + 1)) ;; esac
done

echo
echo "function logs:"
cat "$work"/*.log | grep -v '^$' | sed 's/^/  /'
[ "$failures" -eq 0 ] || die "$failures invocation(s) did not answer as expected"
echo "emulation finished: every invocation answered as expected"
