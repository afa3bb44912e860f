#!/usr/bin/env bash
# `opsdaily inventory` (the static release binary) against a Python + boto3 baseline making the same calls
# one after another, over the fixture estate in moto and the extras fake, 100 ms added to every AWS request
# by a latency proxy: seconds, peak RSS, requests, the ratio and the >= 10x verdict.
# Usage: scripts/bench/inventory.sh [runs] [latency-ms]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"

ensure_local_aws_python
[ -x /usr/bin/time ] || ensure_apt_packages time
build_release opsdaily
python3 "$REPO_ROOT/scripts/bench/inventory_bench.py" "$(release_bin_dir)/opsdaily" --runs "${1:-3}" --latency-ms "${2:-100}"
