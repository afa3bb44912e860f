#!/usr/bin/env bash
# The main job, run locally (SPEC §12): the three functions as the static `bootstrap` binaries that ship,
# each under the Runtime API emulator; AWS played by moto, Datadog and Slack by scripts/fakes. It provisions
# what production has (tables, bucket, secrets), then plays a day: a generated 24 hours of webhook
# deliveries through collection's Function URL event, daily-check for the 09:00 slot, notification for
# 09:05. It prints the Slack messages as text, the reports' keys and links (copies in build/reports/), and
# a table of expected against actual figures; it exits 0 only if every expectation held.
#
#   scripts/emulate.sh [--alerts N] [--seed S] [--keep-running]
#
#   --alerts N      webhook deliveries in the day (default 170, at least 20)
#   --seed S        the day's randomness (default 1): the same seed plays the same day
#   --keep-running  leave the stack up afterwards and print how to invoke each function; Ctrl-C stops it
#
# Every process it starts is stopped when it ends, however it ends.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"
cd "$REPO_ROOT"

alerts=170
seed=1
keep_running=false
while [ $# -gt 0 ]; do
    case "$1" in
        --alerts) alerts="${2:?--alerts needs a number}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --keep-running) keep_running=true; shift ;;
        -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$alerts" =~ ^[0-9]+$ && "$seed" =~ ^[0-9]+$ ]] || die "--alerts and --seed take whole numbers"

PREFIX=opsdaily-local
TOKEN=emulation-webhook-token
ZONE=Asia/Seoul

# Reports of an earlier run must not pass for this one's.
mkdir -p build/reports
rm -f build/reports/check.html build/reports/alerts.html
ensure_apt_packages zlib1g-dev binutils curl
ensure_local_aws_python
log "building the functions and the emulator"
build_release collection daily-check notification
release="$(release_bin_dir)"
quiet_build "lambda-emulator (debug)" swift build --product lambda-emulator
emulator="$(swift build --show-bin-path)/lambda-emulator"
if $keep_running; then
    quiet_build "opsdaily (debug)" swift build --product opsdaily
fi

start_work

# Each function signs with its own access key, so moto's recording tells whose calls are whose.
access_key() { printf 'ASIAEMULATED%s' "$(tr -d '-' <<< "${1^^}")"; }

# Starts an emulator around one release function and sets BASE_URL to it; like Lambda, it hands the
# function temporary credentials (a session token of unknown lifetime). Not run in a command
# substitution: the emulator must be this shell's child, or the cleanup could not stop it.
start_function() {
    local name="$1"
    shift
    "$emulator" serve --port-file "$WORK/$name.port" --function-name "$name" --timeout 120 \
        --function-output "$WORK/$name.log" --env OPS_SYSTEM_NAME=Argos --env OPS_TIMEZONE="$ZONE" \
        --env AWS_ACCESS_KEY_ID="$(access_key "$name")" --env AWS_SESSION_TOKEN=emulated-role-session "$@" \
        -- "$release/$name" > "$WORK/$name.emulator.log" &
    WORK_PIDS+=($!)
    local _
    for _ in $(seq 200); do [ -s "$WORK/$name.port" ] && break; sleep 0.05; done
    [ -s "$WORK/$name.port" ] || die "the emulator for $name did not start: $(cat "$WORK/$name.emulator.log")"
    BASE_URL="http://127.0.0.1:$(cat "$WORK/$name.port")"
}

# Invokes a function with a JSON event and keeps its answer in $WORK/<name>.answer.json.
invoke() {
    local base="$1" name="$2" event="$3" answer="${4:-$WORK/$2.answer.json}"
    echo "  event:  $event"
    curl -s -X POST "$base/2015-03-31/functions/$name/invocations" -d "$event" > "$answer"
    echo "  answer: $(cat "$answer")"
}

# Prints a report's key and the pre-signed link the function answered (the one it posted) and copies it to
# build/reports/<file>; lists it in $WORK/reports.txt.
fetch_report() {
    local answer="$1" file="$2"
    python3 - "$answer" "$PREFIX-reports" "build/reports/$file" "$WORK/reports.txt" <<'PY'
import json, sys
import boto3
import gzip
answer, bucket, copy, listing = sys.argv[1:]
try:
    document = json.load(open(answer))
except json.JSONDecodeError:
    document = {}
key = document.get("reportKey")
if not key:
    print("  no report (the answer names none)")
    sys.exit(0)
s3 = boto3.client("s3")
stored = s3.get_object(Bucket=bucket, Key=key)
body = stored["Body"].read()
# Reports are stored gzip-compressed; a browser fetching the link undoes it, a local copy must too.
open(copy, "wb").write(gzip.decompress(body) if stored.get("ContentEncoding") == "gzip" else body)
print(f"  report  s3://{bucket}/{key}\n  link    {document.get('reportURL', '(the answer names none)')}\n  copy    {copy}")
open(listing, "a").write(key + "\n")
PY
}

# The morning slot: the latest 09:00 in the zone that has passed, as if the scheduler had just fired.
read -r slot_utc notify_utc slot_local < <(python3 - "$ZONE" <<'PY'
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
now = datetime.now(ZoneInfo(sys.argv[1]))
slot = now.replace(hour=9, minute=0, second=0, microsecond=0)
slot -= timedelta(days=1) if slot > now else timedelta()
utc = slot.astimezone(timezone.utc)
print(utc.strftime("%Y-%m-%dT%H:%M:%SZ"), (utc + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
      slot.strftime("%Y-%m-%dT%H:%M"))
PY
)

# The day leads up to the fake Datadog's scenario, so both tell the same story at the slot.
python3 scripts/lib/day_generator.py --alerts "$alerts" --seed "$seed" --slot-utc "$slot_utc" --timezone "$ZONE" \
    --out "$WORK/day.jsonl" --expect "$WORK/expect.json" --scenario-out "$WORK/scenario.json"

log "starting moto, the fake Datadog and the Slack sink"
# moto records every request it receives: the functions' calls are checked against their roles at the end.
export MOTO_ENABLE_RECORDING=True MOTO_RECORDER_FILEPATH="$WORK/moto-calls.jsonl"
start_moto
start_fake fake_datadog.py --catalogue terraform/datadog/monitors.json --scenario "$WORK/scenario.json" \
    --api-key local-api-key --app-key local-app-key
datadog_url="$FAKE_URL"
start_fake slack_sink.py
slack_url="$FAKE_URL"
python3 scripts/lib/provision_local.py --endpoint "$MOTO_ENDPOINT" --prefix "$PREFIX" --webhook-token "$TOKEN" \
    --slack-webhook-url "$slack_url/services/T000/B000/XXXX" > "$WORK/provisioned.json"
export AWS_ENDPOINT_URL="$MOTO_ENDPOINT" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
    AWS_REGION=ap-northeast-2 AWS_DEFAULT_REGION=ap-northeast-2
signer_key_id="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["report_signer_access_key_id"])' "$WORK/provisioned.json")"
echo "local AWS (moto)  $MOTO_ENDPOINT: tables $PREFIX-alerts, $PREFIX-checks; bucket $PREFIX-reports;"
echo "                  secrets $PREFIX/{webhook,datadog,slack,report-signing}; report links signed by $PREFIX-report-signer"
echo "fake Datadog      $datadog_url (79 catalogue monitors of team:argos + 185 of another team)"
echo "Slack sink        $slack_url"

alerts_table=(--env OPS_ALERTS_TABLE="$PREFIX-alerts")
checks_table=(--env OPS_CHECKS_TABLE="$PREFIX-checks")
reports=(--env OPS_REPORT_BUCKET="$PREFIX-reports" --env OPS_SLACK_SECRET_ID="$PREFIX/slack"
    --env OPS_REPORT_SIGNING_SECRET_ID="$PREFIX/report-signing")
start_function collection "${alerts_table[@]}" --env OPS_WEBHOOK_SECRET_ID="$PREFIX/webhook"
collection_url="$BASE_URL"
start_function daily-check "${checks_table[@]}" "${reports[@]}" --env OPS_DATADOG_API_URL="$datadog_url" \
    --env OPS_DATADOG_SECRET_ID="$PREFIX/datadog" --env OPS_MONITOR_TAGS=team:argos
check_url="$BASE_URL"
start_function notification "${alerts_table[@]}" "${checks_table[@]}" "${reports[@]}"
notification_url="$BASE_URL"

echo
echo "--- collection: $alerts webhook deliveries in the 24 hours before $slot_local ($ZONE), seed $seed"
python3 scripts/lib/day_player.py send --events "$WORK/day.jsonl" --url "$collection_url" --token "$TOKEN" \
    --table "$PREFIX-alerts" --results "$WORK/sent.json"

: > "$WORK/reports.txt"
echo
echo "--- daily-check: the $slot_local slot"
invoke "$check_url" daily-check "{\"scheduled_time\": \"$slot_utc\"}"
fetch_report "$WORK/daily-check.answer.json" check.html
echo
echo "--- notification: 5 minutes later"
invoke "$notification_url" notification "{\"scheduled_time\": \"$notify_utc\"}"
fetch_report "$WORK/notification.answer.json" alerts.html
echo
echo "--- Lambda retries both scheduled invocations: their slot has posted, so both stay quiet"
invoke "$check_url" daily-check "{\"scheduled_time\": \"$slot_utc\"}" "$WORK/daily-check.retry.json"
invoke "$notification_url" notification "{\"scheduled_time\": \"$notify_utc\"}" "$WORK/notification.retry.json"

echo
echo "--- Slack, as the channel reads it"
curl -s "$slack_url/_sink/text" | sed 's/^/  /'
curl -s "$slack_url/_sink/messages" > "$WORK/messages.json"

verdict=0
python3 scripts/lib/day_player.py summary --expect "$WORK/expect.json" --sent "$WORK/sent.json" \
    --check "$WORK/daily-check.answer.json" --notification "$WORK/notification.answer.json" \
    --messages "$WORK/messages.json" --reports "$WORK/reports.txt" --scenario "$WORK/scenario.json" \
    --signer-key-id "$signer_key_id" --retry "$WORK/daily-check.retry.json" --retry "$WORK/notification.retry.json" \
    || verdict=$?
echo
echo "--- AWS calls the functions made (moto's recording), against what their roles allow (IAM is not enforced here)"
python3 scripts/lib/function_calls.py check --recording "$WORK/moto-calls.jsonl" --prefix "$PREFIX" \
    --key "$(access_key collection)=collection" --key "$(access_key daily-check)=daily-check" \
    --key "$(access_key notification)=notification" || verdict=1
if [ "$verdict" -ne 0 ]; then
    for name in collection daily-check notification; do
        echo "--- last lines of $name's log"
        tail -n 15 "$WORK/$name.log" 2>/dev/null | sed 's/^/  /'
    done
fi

if $keep_running; then
    cat <<EOF

The stack is up. In another shell:
  export AWS_ENDPOINT_URL=$MOTO_ENDPOINT AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=ap-northeast-2
  # collection (a Function URL event; the body is one webhook delivery)
  curl -s -X POST $collection_url/2015-03-31/functions/collection/invocations -d '{"version":"2.0","headers":{"x-ops-webhook-token":"$TOKEN"},"requestContext":{"http":{"method":"POST"}},"body":"{\"id\":\"1\",\"transition\":\"Triggered\",\"alert_title\":\"[P2][DB] by hand\",\"date\":\"$(date +%s)000\"}","isBase64Encoded":false}'
  # daily-check and notification (a manual slot posts again)
  curl -s -X POST $check_url/2015-03-31/functions/daily-check/invocations -d '{"slot": "$slot_local"}'
  curl -s -X POST $notification_url/2015-03-31/functions/notification/invocations -d '{"slot": "$slot_local"}'
  # collection's Function URL as Datadog reaches it, checked by the operators' tool (401 with a wrong token)
  $(swift build --show-bin-path)/opsdaily webhook test --url $collection_url/_function_url/ --table $PREFIX-alerts --token-secret $PREFIX/webhook
  # what Slack received, what Datadog was asked
  curl -s $slack_url/_sink/text
  curl -s $datadog_url/_fake/requests
  # function logs: $WORK/{collection,daily-check,notification}.log
Ctrl-C stops everything.
EOF
    # `wait` returns at once on Ctrl-C, where a foreground sleep would hold the cleanup back.
    sleep infinity &
    WORK_PIDS+=($!)
    wait $!
fi
exit "$verdict"
