#!/usr/bin/env bash
# Check benchmark (issue 5): a daily-check run of the catalogue's 44 P1/P2 monitors with 100 ms injected
# Datadog latency, through the real static bootstrap under the emulator with moto and the Slack sink,
# against the 2023 way (one request after another) on the same fake in the same run; and the peak RSS of a
# run over 1,000 monitors.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"

build_release lambda-emulator daily-check
bin="$(release_bin_dir)"
start_work
ensure_local_aws_python
start_moto
python3 "$REPO_ROOT/scripts/lib/provision_local.py" --endpoint "$MOTO_ENDPOINT" --prefix bench --webhook-token t > /dev/null

start_fake fake_datadog.py --catalogue "$REPO_ROOT/terraform/datadog/monitors.json" --api-key k --app-key a --latency-ms 100
datadog="$FAKE_URL"
start_fake slack_sink.py
slack="$FAKE_URL/services/T000/B000/XXXX"

"$bin/lambda-emulator" serve --port-file "$WORK/emulator.port" --function-name daily-check --timeout 300 \
    --function-output "$WORK/daily-check.log" \
    --env AWS_ENDPOINT_URL="$MOTO_ENDPOINT" --env AWS_ACCESS_KEY_ID=testing --env AWS_SECRET_ACCESS_KEY=testing \
    --env AWS_REGION=ap-northeast-2 --env OPS_CHECKS_TABLE=bench-checks --env OPS_REPORT_BUCKET=bench-reports \
    --env OPS_DATADOG_API_URL="$datadog" --env OPS_DATADOG_API_KEY=k --env OPS_DATADOG_APP_KEY=a \
    --env OPS_SLACK_WEBHOOK_URL="$slack" --env OPS_MONITOR_TAGS=team:argos \
    -- "$bin/daily-check" > "$WORK/emulator.log" &
emulator=$!
WORK_PIDS+=($emulator)
for _ in $(seq 200); do [ -s "$WORK/emulator.port" ] && break; sleep 0.05; done
invoke_url="http://127.0.0.1:$(cat "$WORK/emulator.port")/2015-03-31/functions/daily-check/invocations"

# Times one manual run; prints seconds and the outcome.
timed_run() {
    python3 - "$invoke_url" "$1" <<'PY'
import json, sys, time, urllib.request
started = time.perf_counter()
answer = urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST"), timeout=300).read()
print(json.dumps({"seconds": time.perf_counter() - started, "outcome": json.loads(answer)}))
PY
}

log "warm-up run (cold start, secrets)"
timed_run '{"slot": "2026-11-25T09:00"}' > /dev/null
log "44 P1/P2 monitors, 100 ms per Datadog request"
swift_run="$(timed_run '{"slot": "2026-11-25T20:00"}')"
log "the 2023 way: one request after another"
python_run="$(python3 "$REPO_ROOT/scripts/bench/python/baseline_check.py" "$datadog" k a)"

log "1,000 P1/P2 monitors, no latency: peak RSS"
curl -sf -X POST "$datadog/_fake/monitors" -H 'content-type: application/json' \
    -d '{"generate": 1000, "priority_mix": {"1": 200, "2": 800}, "seed": 7}' > /dev/null
large_run="$(timed_run '{"slot": "2026-11-26T09:00"}')"
kill "$emulator"
wait "$emulator" || true
rss_kb="$(grep -o 'max RSS [0-9]* KB' "$WORK/emulator.log" | tail -1 | grep -o '[0-9]*')"

python3 - "$swift_run" "$python_run" "$large_run" "${rss_kb:-0}" <<'PY'
import json, sys
swift, python, large = (json.loads(text) for text in sys.argv[1:4])
rss_mb = int(sys.argv[4]) / 1024
print(f"\ncheck benchmark: {swift['outcome']['total']} monitors, 100 ms per Datadog request")
print(f"{'measure':46} {'swift':>10} {'2023 way':>10} {'ratio':>8}")
print(f"{'run time (check + store + report + Slack)':46} {swift['seconds']:8.2f} s {python['seconds']:8.2f} s {python['seconds'] / swift['seconds']:7.1f}x")
print(f"1,000-monitor run: {large['outcome']['total']} monitors in {large['seconds']:.2f} s, peak RSS {rss_mb:.1f} MB")
checks = [
    (f"44-monitor run <= 1.5 s ({swift['seconds']:.2f} s)", swift["seconds"] <= 1.5 and swift["outcome"]["total"] == 44),
    (f"peak RSS with 1,000 monitors <= 40 MB ({rss_mb:.1f} MB)", 0 < rss_mb <= 40 and large["outcome"]["total"] == 1000),
]
print()
for text, ok in checks:
    print(f"{'PASS' if ok else 'FAIL'}  {text}")
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
