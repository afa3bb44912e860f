#!/usr/bin/env bash
# Builds the three functions as fully static release executables and zips each alone as `bootstrap`:
#   build/lambda/<function>.zip
# and the operators' command line as one static file: build/cli/opsdaily (copy it anywhere, CloudShell too).
# Fails unless every binary is static (or needs only glibc <= 2.34), as provided.al2023 requires.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"
cd "$REPO_ROOT"

FUNCTIONS=(collection daily-check notification)
OUT=build/lambda

mkdir -p "$OUT" build/bin build/cli
build_release "${FUNCTIONS[@]}" opsdaily
bin_dir="$(release_bin_dir)"
printf '\n%-13s %12s %12s  %-64s  %s\n' function binary zip sha256 linkage
status=0
for function in "${FUNCTIONS[@]}"; do
    binary="build/bin/$function"
    cp "$bin_dir/$function" "$binary"
    strip --strip-all "$binary"
    chmod 755 "$binary"
    if ! linkage="$(python3 scripts/lib/linkage.py "$binary")"; then
        status=1
    fi
    python3 scripts/lib/zip_bootstrap.py "$binary" "$OUT/$function.zip"
    printf '%-13s %10.2f MB %10.2f MB  %-64s  %s\n' "$function" \
        "$(megabytes "$binary")" "$(megabytes "$OUT/$function.zip")" \
        "$(sha256sum "$OUT/$function.zip" | cut -d' ' -f1)" "$linkage"
done
cli=build/cli/opsdaily
cp "$bin_dir/opsdaily" "$cli"
strip --strip-all "$cli"
chmod 755 "$cli"
if ! linkage="$(python3 scripts/lib/linkage.py "$cli")"; then
    status=1
fi
printf '%-13s %10.2f MB %12s  %-64s  %s
' opsdaily "$(megabytes "$cli")" "-" "$(sha256sum "$cli" | cut -d' ' -f1)" "$linkage"
[ $status -eq 0 ] || die "a binary is not static enough for provided.al2023 or CloudShell (see linkage above)"
