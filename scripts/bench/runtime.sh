#!/usr/bin/env bash
# Runtime benchmark (SPEC §3): our static runtime with a no-op handler against the reference Python runtime
# interface client (awslambdaric) with a handler module importing boto3, both under the same emulator.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"

COLD_STARTS="${COLD_STARTS:-30}"
INVOCATIONS="${INVOCATIONS:-2000}"

build_release lambda-emulator runtime-probe
bin="$(release_bin_dir)"
venv="$(ensure_venv bench awslambdaric boto3)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

log "timing the Swift runtime ($COLD_STARTS cold starts, $INVOCATIONS invocations)"
"$bin/lambda-emulator" bench --label swift --cold-starts "$COLD_STARTS" --invocations "$INVOCATIONS" \
    --env PROBE_MODE=raw -- "$bin/runtime-probe" > "$out/swift.json"

log "timing awslambdaric + boto3 ($COLD_STARTS cold starts, $INVOCATIONS invocations)"
"$bin/lambda-emulator" bench --label python --cold-starts "$COLD_STARTS" --invocations "$INVOCATIONS" \
    --payload '{}' --env "PYTHONPATH=$REPO_ROOT/scripts/bench/python" \
    -- "$venv/bin/python" -m awslambdaric baseline_handler.handler > "$out/python.json"

python3 - "$out/swift.json" "$out/python.json" <<'PY'
import json, sys
swift, python = (json.load(open(path)) for path in sys.argv[1:])
for report in (swift, python):
    if report["failedInvocations"]:
        sys.exit(f"{report['label']}: {report['failedInvocations']} invocations failed")
rows = [
    ("cold start to first /next, median", "coldStartMedianMs", "ms"),
    ("cold start to first /next, p90", "coldStartP90Ms", "ms"),
    ("loop overhead per invocation, median", "loopMedianUs", "µs"),
    ("loop overhead per invocation, p99", "loopP99Us", "µs"),
    ("max RSS", "maxRSSMB", "MB"),
]
print(f"\nruntime benchmark: {swift['coldStarts']} cold starts, {swift['invocations']} invocations each")
print(f"{'measure':40} {'swift':>12} {'python':>12} {'python/swift':>13}")
for title, key, unit in rows:
    print(f"{title:40} {swift[key]:9.3f} {unit:2} {python[key]:9.3f} {unit:2} {python[key] / swift[key]:12.1f}x")
targets = [
    ("cold start median <= 10 ms", swift["coldStartMedianMs"] <= 10),
    ("cold start >= 10x faster than python", python["coldStartMedianMs"] / swift["coldStartMedianMs"] >= 10),
    ("loop overhead median <= 150 µs", swift["loopMedianUs"] <= 150),
    ("max RSS <= 20 MB", swift["maxRSSMB"] <= 20),
]
print()
for text, ok in targets:
    print(f"{'PASS' if ok else 'FAIL'}  {text}")
sys.exit(0 if all(ok for _, ok in targets) else 1)
PY
