#!/usr/bin/env bash
# The main job, run locally: the functions as real `bootstrap` processes under the Runtime API emulator,
# AWS played by moto. For now (the realistic day of SPEC §12 comes with daily-check and notification) it
# sends the webhook fixtures through collection into moto, with a redelivery, a wrong token and a malformed
# body, and invokes the probe function and the two placeholders.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$REPO_ROOT"

ensure_apt_packages zlib1g-dev binutils curl
log "building (debug)"
swift build >&2
bin="$(swift build --show-bin-path)"
start_work

# Starts an emulator around one function and sets BASE_URL to it. Not run in a command substitution: the
# emulator must be this shell's child, or the cleanup above could not stop it.
start_function() {
    local name="$1"
    shift
    "$bin/lambda-emulator" serve --port-file "$WORK/$name.port" --function-name "$name" \
        --function-output "$WORK/$name.log" "$@" > "$WORK/$name.emulator.log" &
    WORK_PIDS+=($!)
    for _ in $(seq 200); do [ -s "$WORK/$name.port" ] && break; sleep 0.05; done
    [ -s "$WORK/$name.port" ] || die "the emulator for $name did not start"
    BASE_URL="http://127.0.0.1:$(cat "$WORK/$name.port")"
}

invoke() {
    local base="$1" name="$2" payload="$3"
    curl -s -D "$WORK/headers" -X POST "$base/2015-03-31/functions/$name/invocations" -d "$payload"
    echo
    grep -i '^x-amz-function-error' "$WORK/headers" | tr -d '\r' || true
}

failures=0
token="emulation-webhook-token"
start_moto
endpoint="$MOTO_ENDPOINT"
provisioned="$(python3 scripts/lib/provision_local.py --endpoint "$endpoint" --prefix opsdaily-local --webhook-token "$token")"
echo "local AWS (moto) on $endpoint: $provisioned"
export AWS_ENDPOINT_URL="$endpoint" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=ap-northeast-2 \
    AWS_DEFAULT_REGION=ap-northeast-2

start_function collection --env OPS_ALERTS_TABLE=opsdaily-local-alerts \
    --env OPS_WEBHOOK_SECRET_ID=opsdaily-local/webhook -- "$bin/collection"
collection_url="$BASE_URL"
# Posts a body to collection in the Function URL event shape; prints "<status> <reply>".
post_webhook() {
    local body_file="$1" header_token="$2"
    python3 - "$body_file" "$header_token" <<'PY' > "$WORK/event.json"
import json, sys
print(json.dumps({"version": "2.0", "headers": {"content-type": "application/json", "x-ops-webhook-token": sys.argv[2]},
                  "requestContext": {"http": {"method": "POST", "path": "/"}}, "body": open(sys.argv[1]).read(),
                  "isBase64Encoded": False}))
PY
    curl -s -X POST "$collection_url/2015-03-31/functions/collection/invocations" -d @"$WORK/event.json" |
        python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("statusCode"), r.get("body"))'
}
echo "--- collection: webhooks"
expect_status() {
    local expected="$1" label="$2" answer="$3"
    printf '  %-22s %s\n' "$label" "$answer"
    [ "${answer%% *}" = "$expected" ] || failures=$((failures + 1))
}
sent=0
for fixture in Tests/CollectionTests/Fixtures/*.json; do
    expect_status 200 "$(basename "$fixture" .json)" "$(post_webhook "$fixture" "$token")"
    sent=$((sent + 1))
done
expect_status 200 "redelivery" "$(post_webhook Tests/CollectionTests/Fixtures/triggered.json "$token")"
expect_status 401 "wrong token" "$(post_webhook Tests/CollectionTests/Fixtures/triggered.json "not-the-token")"
echo '<html>not json</html>' > "$WORK/malformed.txt"
expect_status 400 "malformed body" "$(post_webhook "$WORK/malformed.txt" "$token")"
stored="$(python3 - <<'PY'
import boto3
table = boto3.client("dynamodb")
print(sum(page["Count"] for page in table.get_paginator("scan").paginate(TableName="opsdaily-local-alerts", Select="COUNT")))
PY
)"
echo "  stored in opsdaily-local-alerts: $stored items for $sent distinct events (+1 redelivery, 2 refused)"
[ "$stored" -eq "$sent" ] || failures=$((failures + 1))

start_function probe --env PROBE_MODE=typed -- "$bin/runtime-probe"
echo "--- probe: echo"
answer="$(invoke "$BASE_URL" probe '{"action":"echo","message":"hello from the emulator"}')"
echo "$answer"
case "$answer" in *'"message":"hello from the emulator"'*) ;; *) failures=$((failures + 1)) ;; esac

for function in daily-check notification; do
    start_function "$function" -- "$bin/$function"
    echo "--- $function"
    answer="$(invoke "$BASE_URL" "$function" '{}')"
    echo "$answer"
    case "$answer" in *Function.NotImplemented*) ;; *) failures=$((failures + 1)) ;; esac
done

echo
echo "function logs:"
cat "$WORK"/*.log | grep -v '^$' | sed 's/^/  /'
[ "$failures" -eq 0 ] || die "$failures invocation(s) did not answer as expected"
echo "emulation finished: every invocation answered as expected"
