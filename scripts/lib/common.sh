# Shared helpers for the project's scripts. Source it; do not run it.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs Debian packages that are missing; CI and new machines start without them.
ensure_apt_packages() {
    local missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Creates (once) a virtual environment under the repo and installs the given pip requirements into it;
# prints the venv path. Separate venvs keep tools with conflicting dependencies apart.
ensure_venv() {
    local name="$1"
    shift
    local venv="$REPO_ROOT/.venv-$name"
    local stamp="$venv/.requirements"
    if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$*" ]; then
        log "preparing Python environment .venv-$name ($*)"
        python3 -m venv "$venv" >&2
        "$venv/bin/pip" install -q --disable-pip-version-check "$@" >&2
        echo "$*" > "$stamp"
    fi
    echo "$venv"
}

# moto's server, boto3 and pytest for scripts that run a local AWS or the Python tests: from a venv of our
# own, put first on PATH, when this Python lacks them (Debian's python3 has none of them). Call it from the
# main shell, not a subshell, so that PATH reaches the commands it runs.
ensure_local_aws_python() {
    if ! python3 -c 'import boto3, moto.server, pytest' 2>/dev/null; then
        ensure_apt_packages python3-venv
        PATH="$(ensure_venv local-aws 'moto[server]>=5,<6' 'boto3>=1.34' pytest)/bin:$PATH"
    fi
}

# Runs a build command with its output kept aside: one line with what was built and its seconds when it
# works, the whole compiler output (on stderr) when it fails. Usage: quiet_build WHAT command...
quiet_build() {
    local what="$1" started=$SECONDS output status=0
    shift
    output="$(mktemp)"
    "$@" > "$output" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$output" >&2
        rm -f "$output"
        printf 'error: building %s failed (exit %s)\n' "$what" "$status" >&2
        return "$status"
    fi
    rm -f "$output"
    printf '    built %s in %d s\n' "$what" $((SECONDS - started)) >&2
}

# Size of a file in decimal megabytes (10^6 bytes), as the cold-start bench and issue 20's size goal count them.
megabytes() { awk -v bytes="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", bytes / 1000000 }'; }

# A scratch folder and the background processes a script starts; both go when the script ends, however
# it ends. Call start_work once, then add each background pid to WORK_PIDS from the main shell (not from a
# command substitution, whose children the cleanup could not see).
start_work() {
    WORK="$(mktemp -d)"
    WORK_PIDS=()
    trap stop_work EXIT
    # A signal ends the script (the EXIT trap cleans up) instead of resuming it with its servers gone.
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

stop_work() {
    local pid
    for pid in "${WORK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts moto's server on a free loopback port (auth off) and sets MOTO_ENDPOINT once it answers.
start_moto() {
    local port
    port="$(free_port)"
    moto_server -H 127.0.0.1 -p "$port" > "$WORK/moto.log" 2>&1 &
    WORK_PIDS+=($!)
    MOTO_ENDPOINT="http://127.0.0.1:$port"
    local _
    for _ in $(seq 100); do curl -sf "$MOTO_ENDPOINT/moto-api/" > /dev/null && return 0; sleep 0.1; done
    die "moto_server did not start: $(cat "$WORK/moto.log")"
}

# Starts one of scripts/fakes (fake_datadog.py, slack_sink.py) with the given options on a free loopback
# port and sets FAKE_URL once it listens.
start_fake() {
    local name="$1"
    shift
    python3 "$REPO_ROOT/scripts/fakes/$name" --port 0 --port-file "$WORK/$name.port" "$@" > "$WORK/$name.log" 2>&1 &
    WORK_PIDS+=($!)
    local _
    for _ in $(seq 100); do [ -s "$WORK/$name.port" ] && break; sleep 0.05; done
    [ -s "$WORK/$name.port" ] || die "$name did not start: $(cat "$WORK/$name.log")"
    FAKE_URL="http://127.0.0.1:$(cat "$WORK/$name.port")"
}
