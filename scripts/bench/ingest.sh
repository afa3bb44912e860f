#!/usr/bin/env bash
# Ingest benchmark (issue 4): 1,000 webhook events through the real static collection bootstrap under the
# emulator into moto, against the 2023 way (Python, json + boto3 put_item, awslambdaric) under the same
# emulator and the same moto, in the same run. Also the function process's CPU time per event, and the
# handler's own CPU time per event without network (ingest-bench).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"

COUNT="${COUNT:-1000}"
TOKEN="bench-webhook-token"
build_release lambda-emulator collection ingest-bench
bin="$(release_bin_dir)"
venv="$(ensure_venv bench awslambdaric boto3)"
start_work

ensure_local_aws_python
start_moto
endpoint="$MOTO_ENDPOINT"
provisioned="$(python3 "$REPO_ROOT/scripts/lib/provision_local.py" --endpoint "$endpoint" --prefix bench --webhook-token "$TOKEN")"
table="$(echo "$provisioned" | python3 -c 'import json,sys; print(json.load(sys.stdin)["alerts_table"])')"
export AWS_ENDPOINT_URL="$endpoint" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=ap-northeast-2 \
    AWS_DEFAULT_REGION=ap-northeast-2 OPS_ALERTS_TABLE="$table"

# Runs one emulator around a function, drives COUNT events through it, stops it; prints the driver's JSON
# with the process's CPU time per event added.
measure() {
    local name="$1" run="$2"
    shift 2
    "$bin/lambda-emulator" serve --port-file "$WORK/$name.port" --function-name "$name" \
        --function-output "$WORK/$name.log" "$@" > "$WORK/$name.emulator.log" &
    local emulator=$!
    for _ in $(seq 200); do [ -s "$WORK/$name.port" ] && break; sleep 0.05; done
    python3 "$REPO_ROOT/scripts/bench/ingest_driver.py" --port "$(cat "$WORK/$name.port")" --function "$name" \
        --count "$COUNT" --token "$TOKEN" --run "$run" > "$WORK/$name.json"
    kill "$emulator"
    wait "$emulator" || true
    local cpu
    cpu="$(grep -o 'cpu [0-9]* µs' "$WORK/$name.emulator.log" | tail -1 | grep -o '[0-9]*')"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); r["cpuUsPerEvent"]=int(sys.argv[2])/(r["events"]+20); print(json.dumps(r))' \
        "$WORK/$name.json" "${cpu:-0}"
}

log "timing collection (Swift, static bootstrap): $COUNT events"
swift_json="$(measure collection 1 --env OPS_WEBHOOK_TOKEN="$TOKEN" -- "$bin/collection")"
log "timing the 2023 way (Python, json + boto3 put_item): $COUNT events"
python_json="$(measure python-collection 2 --env "PYTHONPATH=$REPO_ROOT/scripts/bench/python" \
    -- "$venv/bin/python" -m awslambdaric baseline_collection.handler)"

log "timing the handler's own work without network (ingest-bench)"
handler_json="$("$bin/ingest-bench" 20000)"

python3 - "$swift_json" "$python_json" "$handler_json" <<'PY'
import json, sys
swift, python, handler = (json.loads(text) for text in sys.argv[1:])
for label, report in (("swift", swift), ("python", python)):
    if report["failures"]:
        sys.exit(f"{label}: {report['failures']} events failed")
print(f"\ningest benchmark: {swift['events']} events each, one at a time, into moto")
print(f"{'measure':44} {'swift':>12} {'python':>12} {'ratio':>8}")
rows = [
    ("events per second", "eventsPerSecond", "/s", swift["eventsPerSecond"] / python["eventsPerSecond"]),
    ("latency per event, p50", "p50Ms", "ms", python["p50Ms"] / swift["p50Ms"]),
    ("latency per event, p99", "p99Ms", "ms", python["p99Ms"] / swift["p99Ms"]),
    ("function process CPU per event (incl. HTTP)", "cpuUsPerEvent", "µs", python["cpuUsPerEvent"] / swift["cpuUsPerEvent"]),
]
for title, key, unit, ratio in rows:
    print(f"{title:44} {swift[key]:9.1f} {unit:2} {python[key]:9.1f} {unit:2} {ratio:7.1f}x")
print(f"\nhandler alone, no network ({handler['events']} events: event JSON, token, parse, DynamoDB item, reply): "
      f"{handler['cpuUsPerEvent']:.1f} µs CPU per event")
ok = handler["cpuUsPerEvent"] <= 200
print(f"{'PASS' if ok else 'FAIL'}  handler CPU per event <= 200 µs")
sys.exit(0 if ok else 1)
PY
