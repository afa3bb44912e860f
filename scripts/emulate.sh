#!/usr/bin/env bash
# The main job, run locally: the functions as real `bootstrap` processes under the Runtime API emulator,
# AWS played by moto, Datadog and Slack by the fakes in scripts/fakes. For now (the realistic day of SPEC §12
# comes with notification) it sends the webhook fixtures through collection into moto, with a redelivery, a
# wrong token and a malformed body; runs daily-check for today's 09:00 slot against the fake Datadog and
# prints the Slack message and the report; and invokes the probe function and the notification placeholder.
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

start_fake fake_datadog.py --catalogue terraform/datadog/monitors.json --api-key local-api-key --app-key local-app-key
datadog_url="$FAKE_URL"
start_fake slack_sink.py
slack_url="$FAKE_URL"
echo "fake Datadog on $datadog_url (79 catalogue monitors + 185 of another team), Slack sink on $slack_url"

start_function daily-check --env OPS_SYSTEM_NAME=Argos --env OPS_CHECKS_TABLE=opsdaily-local-checks \
    --env OPS_REPORT_BUCKET=opsdaily-local-reports --env OPS_DATADOG_API_URL="$datadog_url" \
    --env OPS_DATADOG_SECRET_ID=opsdaily-local/datadog --env OPS_MONITOR_TAGS=team:argos \
    --env OPS_SLACK_WEBHOOK_URL="$slack_url/services/T000/B000/XXXX" -- "$bin/daily-check"
echo "--- daily-check: the 09:00 slot of today"
answer="$(invoke "$BASE_URL" daily-check "{\"scheduled_time\": \"$(date -u +%Y-%m-%d)T00:00:00Z\"}")"
echo "$answer"
case "$answer" in *'"total":44'*'"posted":true'*|*'"posted":true'*'"total":44'*) ;; *) failures=$((failures + 1)) ;; esac
echo "--- Slack, as the channel would read it"
curl -s "$slack_url/_sink/text" | sed 's/^/  /'
mkdir -p build/reports
report_key="$(echo "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("reportKey") or "")')"
if [ -n "$report_key" ]; then
    python3 -c 'import boto3,sys; open(sys.argv[2],"wb").write(boto3.client("s3").get_object(Bucket="opsdaily-local-reports",Key=sys.argv[1])["Body"].read())' \
        "$report_key" build/reports/check.html
    echo "  report s3://opsdaily-local-reports/$report_key copied to build/reports/check.html"
else
    failures=$((failures + 1))
fi

start_function notification -- "$bin/notification"
echo "--- notification"
answer="$(invoke "$BASE_URL" notification '{}')"
echo "$answer"
case "$answer" in *Function.NotImplemented*) ;; *) failures=$((failures + 1)) ;; esac

echo
echo "function logs:"
cat "$WORK"/*.log | grep -v '^$' | sed 's/^/  /'
[ "$failures" -eq 0 ] || die "$failures invocation(s) did not answer as expected"
echo "emulation finished: every invocation answered as expected"
