#!/usr/bin/env bash
# Checks what scripts/package.sh produced the way Lambda will use it: each zip holds exactly one executable
# `bootstrap` with mode 755, packaging twice gives byte-identical zips, and the unzipped binary runs under
# the Runtime API emulator and answers an invocation.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$REPO_ROOT"

FUNCTIONS=(collection daily-check notification)
# Lambda refuses a directly uploaded zip over 50 MB.
MAX_ZIP_BYTES=$((50 * 1024 * 1024))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

scripts/package.sh > "$work/first.txt"
cat "$work/first.txt"
for function in "${FUNCTIONS[@]}"; do sha256sum "build/lambda/$function.zip"; done > "$work/first.sha"
log "packaging a second time to check the zips are reproducible"
scripts/package.sh > /dev/null
for function in "${FUNCTIONS[@]}"; do sha256sum "build/lambda/$function.zip"; done > "$work/second.sha"
diff "$work/first.sha" "$work/second.sha" || die "packaging is not deterministic"
echo "reproducible: 3 of 3 zips byte-identical across two runs"

emulator="$(swift build --show-bin-path)/lambda-emulator"
[ -x "$emulator" ] || die "build the debug products first (swift build --build-tests)"

# Runs a packaged bootstrap under the emulator with the given extra emulator options, invokes it once
# with `{}`, stops it, and prints the answer.
invoke_packaged() {
    local function="$1" bootstrap="$2"
    shift 2
    rm -f "$work/$function.port"
    "$emulator" serve --port-file "$work/$function.port" --function-name "$function" \
        --function-output "$work/$function.log" "$@" -- "$bootstrap" > /dev/null &
    local emulator_pid=$!
    for _ in $(seq 100); do [ -s "$work/$function.port" ] && break; sleep 0.05; done
    curl -s -X POST "http://127.0.0.1:$(cat "$work/$function.port")/2015-03-31/functions/$function/invocations" -d '{}'
    kill "$emulator_pid"
    wait "$emulator_pid" || true
}
for function in "${FUNCTIONS[@]}"; do
    zip="build/lambda/$function.zip"
    [ "$(stat -c %s "$zip")" -le $MAX_ZIP_BYTES ] || die "$zip is over 50 MB"
    python3 - "$zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    entries = archive.infolist()
    assert [entry.filename for entry in entries] == ["bootstrap"], f"{sys.argv[1]}: {[e.filename for e in entries]}"
    mode = entries[0].external_attr >> 16
    assert mode == 0o100755, f"{sys.argv[1]}: mode {oct(mode)}"
PY
    # SPEC §2 and issue 20: a function carries no Foundation (nor the regex engine it brings); their module
    # names survive stripping in the Swift type metadata, so one reference anywhere shows here.
    linked="$(strings -n 8 "build/bin/$function" | grep -oE '10Foundation|Foundation(Essentials|Internationalization|Networking|XML)|_FoundationCollections|_StringProcessing|_RegexParser' | sort | uniq -c | tr -s ' ' || true)"
    [ -z "$linked" ] || die "$function links what a function must not carry:$linked"
    echo "$function: no Foundation, _StringProcessing or _RegexParser in the binary"
    mkdir -p "$work/$function"
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$work/$function"
    chmod 755 "$work/$function/bootstrap"
    # Without configuration a function must fail its init with an error naming what is missing; with it,
    # collection answers a malformed event with an HTTP 400, and the scheduled functions refuse an event of
    # no schedule shape.
    case "$function" in
        collection)
            unconfigured='OPS_ALERTS_TABLE is not set'
            configured=(--env OPS_ALERTS_TABLE=alerts --env OPS_WEBHOOK_TOKEN=t --env AWS_ACCESS_KEY_ID=x
                --env AWS_SECRET_ACCESS_KEY=y --env AWS_REGION=ap-northeast-2)
            expected='"statusCode":400' ;;
        daily-check)
            unconfigured='OPS_CHECKS_TABLE is not set'
            configured=(--env OPS_CHECKS_TABLE=checks --env OPS_REPORT_BUCKET=reports --env OPS_DATADOG_API_KEY=k
                --env OPS_DATADOG_APP_KEY=a --env OPS_SLACK_WEBHOOK_URL=http://127.0.0.1:9/services/T/B/X
                --env AWS_ACCESS_KEY_ID=x --env AWS_SECRET_ACCESS_KEY=y --env AWS_REGION=ap-northeast-2)
            expected='scheduled_time' ;;
        notification)
            unconfigured='OPS_CHECKS_TABLE is not set'
            configured=(--env OPS_ALERTS_TABLE=alerts --env OPS_CHECKS_TABLE=checks --env OPS_REPORT_BUCKET=reports
                --env OPS_SLACK_WEBHOOK_URL=http://127.0.0.1:9/services/T/B/X
                --env AWS_ACCESS_KEY_ID=x --env AWS_SECRET_ACCESS_KEY=y --env AWS_REGION=ap-northeast-2)
            expected='scheduled_time' ;;
    esac
    answer="$(invoke_packaged "$function" "$work/$function/bootstrap")"
    case "$answer" in
        *"$unconfigured"*) echo "$function: unconfigured, the packaged bootstrap answers: $answer" ;;
        *) die "$function: unexpected answer without configuration: $answer" ;;
    esac
    answer="$(invoke_packaged "$function" "$work/$function/bootstrap" "${configured[@]}")"
    case "$answer" in
        *"$expected"*) echo "$function: configured, the packaged bootstrap answers: $answer" ;;
        *) die "$function: unexpected answer: $answer" ;;
    esac
done

# The command line: one static file that runs with nothing around it (no config files, no network).
cli=build/cli/opsdaily
env -i "$cli" --version > "$work/cli-version.txt" || die "$cli --version failed"
env -i "$cli" whoami --help > /dev/null || die "$cli whoami --help failed"
status=0
env -i HOME=/nonexistent AWS_EC2_METADATA_DISABLED=true "$cli" whoami --region eu-west-1 > /dev/null 2> "$work/cli-whoami.txt" || status=$?
[ "$status" -eq 1 ] || die "$cli whoami without credentials exited $status, not 1"
grep -q "no AWS credentials found" "$work/cli-whoami.txt" || die "$cli whoami without credentials said: $(cat "$work/cli-whoami.txt")"
echo "opsdaily: $(cat "$work/cli-version.txt"), $(megabytes "$cli") MB, runs alone; without credentials: $(cat "$work/cli-whoami.txt")"
