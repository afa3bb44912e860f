#!/usr/bin/env bash
# Signing throughput, AWSCore against botocore on the same inputs in the same run: header signatures/s
# and pre-signed S3 GET URLs/s, side by side, with the ratio and the >= 10x verdict.
# Usage: scripts/bench/signing.sh [swift-iterations] [botocore-iterations]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"
inputs="$here/signing-inputs.json"
swift_iterations="${1:-200000}"
botocore_iterations="${2:-20000}"

build_release signing-bench
bench="$(release_bin_dir)/signing-bench"

swift_json="$("$bench" "$inputs" "$swift_iterations")"
botocore_json="$(python3 "$here/botocore_signing_bench.py" "$inputs" "$botocore_iterations")"

python3 "$here/signing_table.py" "$swift_json" "$botocore_json"
