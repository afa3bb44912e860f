#!/usr/bin/env bash
# Builds the three functions as fully static release executables and zips each alone as `bootstrap`:
#   build/lambda/<function>.zip
# Fails unless every binary is static (or needs only glibc <= 2.34), as provided.al2023 requires.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"
cd "$REPO_ROOT"

FUNCTIONS=(collection daily-check notification)
OUT=build/lambda

mkdir -p "$OUT" build/bin
build_release "${FUNCTIONS[@]}"
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
    printf '%-13s %10.1f MB %10.1f MB  %-64s  %s\n' "$function" \
        "$(megabytes "$binary")" "$(megabytes "$OUT/$function.zip")" \
        "$(sha256sum "$OUT/$function.zip" | cut -d' ' -f1)" "$linkage"
done
[ $status -eq 0 ] || die "a function is not deployable on provided.al2023 (see linkage above)"
