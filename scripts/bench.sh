#!/usr/bin/env bash
# Every benchmark of the project, each comparing against its baseline in the same run. Figures, not verdicts
# from timed tests: see the individual scripts in scripts/bench/.
set -euo pipefail
cd "$(dirname "$0")/bench"
status=0
for part in runtime.sh coldstart.sh signing.sh ingest.sh check.sh digest.sh whoami.sh inventory.sh; do
    [ -x "$part" ] || continue
    echo "=== ${part%.sh} ==="
    "./$part" || status=1
    echo
done
exit $status
