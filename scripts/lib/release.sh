# Release builds shared by packaging and benchmarks. Source it after common.sh.
# All release products are built with the same flags in one scratch path, so building one product never
# invalidates another's build (different flags would force SwiftPM to rebuild everything).

RELEASE_SCRATCH="$REPO_ROOT/.build-release"
RELEASE_FLAGS=(-c release --scratch-path "$RELEASE_SCRATCH" -Xswiftc -static-executable -Xlinker -s)

# Builds the named products: a line each on stderr, the compiler's output only when a build fails.
build_release() {
    ensure_apt_packages zlib1g-dev binutils
    local product
    for product in "$@"; do
        (cd "$REPO_ROOT" && quiet_build "$product (release, static)" swift build "${RELEASE_FLAGS[@]}" --product "$product")
    done
}

release_bin_dir() {
    (cd "$REPO_ROOT" && swift build "${RELEASE_FLAGS[@]}" --show-bin-path)
}
