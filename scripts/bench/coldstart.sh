#!/usr/bin/env bash
# Cold start (issue 20, SPEC §3): the official Swift runtime's HelloWorld (../shared/bench, see its README),
# our runtime probe and the three functions, as scripts/package.sh ships them, side by side in one run.
# Each start spawns the binary under a minimal Runtime API (coldstart_driver.py) and takes, at its first
# /next: the time since spawn, RSS and page faults; then file and zip sizes, with ratios to the official
# hello and the goals of issue 20. Figures, not a timed test.
#
#   ROUNDS=5 STARTS=12 scripts/bench/coldstart.sh
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"

ROUNDS="${ROUNDS:-5}"
STARTS="${STARTS:-12}"
OFFICIAL="$(cd "$REPO_ROOT/.." && pwd)/shared/bench/official-swift-runtime-hello"
FUNCTIONS=(collection daily-check notification)

[ -x "$OFFICIAL" ] || die "$OFFICIAL is missing: the official runtime's hello is the baseline of this bench"
build_release runtime-probe "${FUNCTIONS[@]}"
bin="$(release_bin_dir)"
start_work

arguments=(--baseline official-hello --probe runtime-probe --rounds "$ROUNDS" --starts "$STARTS"
    --binary official-hello hello "$OFFICIAL")
for product in runtime-probe "${FUNCTIONS[@]}"; do
    # Stripped as scripts/package.sh strips what it zips.
    cp "$bin/$product" "$WORK/$product"
    strip --strip-all "$WORK/$product"
done
arguments+=(--binary runtime-probe probe "$WORK/runtime-probe")
for function in "${FUNCTIONS[@]}"; do
    arguments+=(--binary "$function" "$function" "$WORK/$function" --function "$function")
done
log "cold starts: $ROUNDS rounds x $STARTS starts of each binary"
python3 "$REPO_ROOT/scripts/bench/coldstart_driver.py" "${arguments[@]}"
