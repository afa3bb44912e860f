#!/usr/bin/env bash
# Digest benchmark (issue 6): the notification's work on a 20,000-alert storm. The computation alone (digest
# of window and day, alert report, Slack message; digest-bench) against the same digest and table in plain
# Python; and end to end, the real static notification bootstrap under the emulator reading the storm from
# moto and publishing, against Python + boto3 reading and digesting the same window from the same moto.
# Target: peak RSS of the function process <= 64 MB.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"

COUNT="${COUNT:-20000}"
ensure_local_aws_python
build_release lambda-emulator notification digest-bench
bin="$(release_bin_dir)"
start_work

log "computation alone: $COUNT alerts"
swift_compute="$("$bin/digest-bench" compute "$COUNT")"
python_compute="$(python3 "$REPO_ROOT/scripts/bench/python/baseline_digest.py" compute "$COUNT")"

start_moto
python3 "$REPO_ROOT/scripts/lib/provision_local.py" --endpoint "$MOTO_ENDPOINT" --prefix bench --webhook-token t > /dev/null
export AWS_ENDPOINT_URL="$MOTO_ENDPOINT" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=ap-northeast-2 \
    AWS_DEFAULT_REGION=ap-northeast-2
log "storing the storm in moto as collection stores it"
"$bin/digest-bench" seed "$COUNT" bench-alerts > /dev/null
start_fake slack_sink.py

"$bin/lambda-emulator" serve --port-file "$WORK/emulator.port" --function-name notification --timeout 900 \
    --function-output "$WORK/notification.log" \
    --env AWS_ENDPOINT_URL="$MOTO_ENDPOINT" --env AWS_ACCESS_KEY_ID=testing --env AWS_SECRET_ACCESS_KEY=testing \
    --env AWS_REGION=ap-northeast-2 --env OPS_ALERTS_TABLE=bench-alerts --env OPS_CHECKS_TABLE=bench-checks \
    --env OPS_REPORT_BUCKET=bench-reports --env OPS_SLACK_WEBHOOK_URL="$FAKE_URL/services/T000/B000/XXXX" \
    -- "$bin/notification" > "$WORK/emulator.log" &
emulator=$!
WORK_PIDS+=($emulator)
for _ in $(seq 200); do [ -s "$WORK/emulator.port" ] && break; sleep 0.05; done

log "end to end: notification for the 09:00 slot (moto's Query is the slow part: ~0.5 s per 1 MB page)"
swift_run="$(python3 - "http://127.0.0.1:$(cat "$WORK/emulator.port")/2015-03-31/functions/notification/invocations" <<'PY'
import json, sys, time, urllib.request
started = time.perf_counter()
answer = urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b'{"slot": "2026-11-25T09:00"}', method="POST"), timeout=900).read()
print(json.dumps({"seconds": time.perf_counter() - started, "outcome": json.loads(answer)}))
PY
)"
log "end to end, the Python way"
python_run="$(python3 "$REPO_ROOT/scripts/bench/python/baseline_digest.py" read "$MOTO_ENDPOINT" bench-alerts)"
kill "$emulator" 2>/dev/null || true
wait "$emulator" || true
rss_kb="$(grep -o 'max RSS [0-9]* KB' "$WORK/emulator.log" | tail -1 | grep -o '[0-9]*')"
cpu_us="$(grep -o 'cpu [0-9]* µs' "$WORK/emulator.log" | tail -1 | grep -o '[0-9]*')"

python3 - "$swift_compute" "$python_compute" "$swift_run" "$python_run" "${rss_kb:-0}" "${cpu_us:-0}" <<'PY'
import json, sys
swift_compute, python_compute, swift_run, python_run = (json.loads(text) for text in sys.argv[1:5])
rss_mb = int(sys.argv[5]) / 1024
cpu_s = int(sys.argv[6]) / 1e6
outcome = swift_run["outcome"]
swift_ms, python_ms = swift_compute["totalMs"], python_compute["seconds"] * 1000
print(f"\ndigest benchmark: {int(swift_compute['alerts'])} alerts in the window")
print(f"{'measure':52} {'swift':>11} {'python':>11} {'ratio':>7}")
print(f"{'computation alone (digest + report + message)':52} {swift_ms:8.1f} ms {python_ms:8.1f} ms {python_ms / swift_ms:6.1f}x")
print(f"{'  of which digest / report / message':52} {swift_compute['digestMs']:.1f} / {swift_compute['reportMs']:.1f} / {swift_compute['messageMs']:.1f} ms")
print(f"{'end to end against moto (read, digest, S3, Slack)':52} {swift_run['seconds']:8.2f} s  {python_run['seconds']:8.2f} s  "
      f"{python_run['seconds'] / swift_run['seconds']:6.1f}x")
print(f"{'  CPU time of the function / Python process':52} {cpu_s:8.2f} s  {python_run['cpuSeconds']:8.2f} s  "
      f"{python_run['cpuSeconds'] / cpu_s:6.1f}x")
print(f"{'peak RSS':52} {rss_mb:8.1f} MB {python_run['maxRSSKB'] / 1024:8.1f} MB")
print(f"report {swift_compute['reportBytes'] / 1e6:.1f} MB; outcome: alerts {outcome['alerts']}, episodes {outcome['episodes']}, "
      f"flapping {outcome['flapping']}, posted {outcome['posted']}")
checks = [
    (f"every alert counted ({outcome['alerts']})", outcome["alerts"] == swift_compute["alerts"] == python_run["alerts"]),
    (f"peak RSS <= 64 MB ({rss_mb:.1f} MB)", 0 < rss_mb <= 64),
]
print()
for text, ok in checks:
    print(f"{'PASS' if ok else 'FAIL'}  {text}")
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
