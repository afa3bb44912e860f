#!/usr/bin/env python3
"""Cold starts side by side (issue 20): each binary is spawned again and again under a minimal Runtime API
that notes when its first `GET /runtime/invocation/next` arrives and holds it unanswered. At that moment
the process is blocked waiting for an event, so its /proc/<pid>/stat shows what start-up cost: page faults
(minor + major) and resident pages. The same server plays Secrets Manager (GetSecretValue), so a function
that reads its secrets before its first /next is measured doing so, as it would on Lambda.

Starts are interleaved (start i of every binary, then start i+1, the order rotated each round) so that
whatever else the machine does falls on all binaries alike. Prints a table of medians and p90s with ratios
against the baseline binary, then the goals of issue 20; --json writes every sample.

    coldstart_driver.py --binary LABEL PRESET PATH [--binary ...] --baseline LABEL [--rounds 5] [--starts 12]

Every binary gets what Lambda gives any function; PRESET adds that function's own environment: hello, probe,
collection, daily-check or notification."""
import argparse
import json
import os
import selectors
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

NEXT_PATH = b"/2018-06-01/runtime/invocation/next"
START_TIMEOUT_SECONDS = 10
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
ZIP_BOOTSTRAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib", "zip_bootstrap.py")

# What Lambda gives every function (credentials of its role, region, its name and memory), then what each
# function's Terraform environment holds (terraform/modules/opsdaily/environment.tf), secrets by id.
# Decimal megabytes: the table gives the official hello's 19,925,648-byte file as 19.9 MB.
MB = 1_000_000

LAMBDA_ENVIRONMENT = {
    "AWS_REGION": "ap-northeast-2", "AWS_DEFAULT_REGION": "ap-northeast-2",
    "AWS_ACCESS_KEY_ID": "ASIABENCHCOLDSTART01", "AWS_SECRET_ACCESS_KEY": "bench-secret-access-key",
    "AWS_SESSION_TOKEN": "bench-session-token", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
    "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST", "TZ": ":UTC", "LANG": "en_US.UTF-8",
}
SCHEDULED = {
    "OPS_SYSTEM_NAME": "Argos", "OPS_TIMEZONE": "Asia/Seoul", "OPS_CHECK_SLOTS": "09:00,20:00",
    "OPS_CHECKS_TABLE": "opsdaily-checks", "OPS_REPORT_BUCKET": "opsdaily-reports", "OPS_REPORT_PREFIX": "reports/",
    "OPS_REPORT_URL_TTL": "43200", "OPS_RETENTION_DAYS": "400", "OPS_SLACK_SECRET_ID": "opsdaily/slack",
}
PRESETS = {
    "hello": {"AWS_LAMBDA_FUNCTION_NAME": "hello"},
    "probe": {"AWS_LAMBDA_FUNCTION_NAME": "runtime-probe"},
    "collection": {
        "AWS_LAMBDA_FUNCTION_NAME": "collection", "OPS_TIMEZONE": "Asia/Seoul", "OPS_ALERTS_TABLE": "opsdaily-alerts",
        "OPS_RETENTION_DAYS": "400", "OPS_WEBHOOK_SECRET_ID": "opsdaily/webhook",
        "OPS_WEBHOOK_TOKEN_HEADER": "X-Ops-Webhook-Token",
    },
    "daily-check": dict(
        SCHEDULED, AWS_LAMBDA_FUNCTION_NAME="daily-check", OPS_DATADOG_SITE="datadoghq.com",
        OPS_MONITOR_TAGS="team:argos", OPS_MONITOR_PRIORITIES="1,2", OPS_DATADOG_SECRET_ID="opsdaily/datadog"),
    "notification": dict(SCHEDULED, AWS_LAMBDA_FUNCTION_NAME="notification", OPS_ALERTS_TABLE="opsdaily-alerts"),
}
SECRETS = {
    "opsdaily/webhook": {"token": "bench-webhook-token"},
    "opsdaily/datadog": {"api_key": "bench-api-key", "app_key": "bench-application-key"},
    "opsdaily/slack": {"webhook_url": "https://hooks.slack.com/services/T0000/B0000/XXXXXXXX"},
}


class Connection:
    """One client connection: bytes in until a whole request (head and Content-Length body) is there."""

    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def requests(self):
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = self.buffer[:head_end].decode("latin-1")
            lines = head.split("\r\n")
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if len(self.buffer) < head_end + 4 + length:
                return
            body = self.buffer[head_end + 4:head_end + 4 + length]
            self.buffer = self.buffer[head_end + 4 + length:]
            method, path, _ = lines[0].split(" ", 2)
            yield method, path.encode(), headers, body


def respond(sock, status, body, content_type="application/x-amz-json-1.1"):
    sock.sendall(
        f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {len(body)}\r\n\r\n".encode() + body)


def secrets_manager_answer(headers, body):
    if headers.get("x-amz-target") != "secretsmanager.GetSecretValue":
        return "400 Bad Request", json.dumps({"__type": "UnknownOperationException"}).encode()
    secret_id = json.loads(body or b"{}").get("SecretId", "")
    if secret_id not in SECRETS:
        return "400 Bad Request", json.dumps(
            {"__type": "ResourceNotFoundException", "message": "Secrets Manager can't find the specified secret."}).encode()
    return "200 OK", json.dumps({
        "ARN": f"arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:{secret_id}-AbCdEf", "Name": secret_id,
        "SecretString": json.dumps(SECRETS[secret_id]), "VersionId": "00000000-0000-0000-0000-000000000001",
        "CreatedDate": 1.7e9}).encode()


def process_figures(pid):
    """Faults, resident set and threads of the whole process, from /proc/<pid>/stat (proc(5) field numbers),
    and the threads' names (NIO names its event loops NIO-ELT-… and NIO-SGLTN-…)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state): field n is fields[n - 3].
    names = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as comm:
                names.append(comm.read().strip())
        except FileNotFoundError:
            pass  # a thread that ended since the listing
    return {"minorFaults": int(fields[7]), "majorFaults": int(fields[9]), "threads": int(fields[17]),
            "rssBytes": int(fields[21]) * PAGE_SIZE, "threadNames": sorted(names)}


def one_start(listener, path, environment, log):
    """Spawns the binary and serves it until its first /next; returns that moment's figures, or raises."""
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    connections = []
    log.seek(0)
    log.truncate()
    actions = [(os.POSIX_SPAWN_DUP2, log.fileno(), 1), (os.POSIX_SPAWN_DUP2, log.fileno(), 2)]
    started = time.perf_counter_ns()
    pid = os.posix_spawn(path, [path], environment, file_actions=actions)
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            for key, _ in selector.select(timeout=0.5):
                if key.fileobj is listener:
                    sock, _ = listener.accept()
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    connection = Connection(sock)
                    connections.append(connection)
                    selector.register(sock, selectors.EVENT_READ, connection)
                    continue
                connection = key.data
                chunk = connection.sock.recv(1 << 20)
                arrived = time.perf_counter_ns()
                if not chunk:
                    selector.unregister(connection.sock)
                    continue
                connection.buffer += chunk
                for method, request_path, headers, body in connection.requests():
                    if method == "GET" and request_path == NEXT_PATH:
                        figures = process_figures(pid)
                        figures["firstNextMs"] = (arrived - started) / 1e6
                        return figures
                    if request_path.startswith(b"/2018-06-01/runtime/init/error"):
                        raise RuntimeError(f"init error: {body.decode(errors='replace')}")
                    status, answer = secrets_manager_answer(headers, body)
                    respond(connection.sock, status, answer)
            finished, _ = os.waitpid(pid, os.WNOHANG)
            if finished:
                pid = 0
                raise RuntimeError("the process ended before its first /next")
        raise RuntimeError(f"no /next within {START_TIMEOUT_SECONDS} s")
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        for connection in connections:
            connection.sock.close()
        selector.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def zip_size(path, folder):
    archive = os.path.join(folder, os.path.basename(path) + ".zip")
    subprocess.run([sys.executable, ZIP_BOOTSTRAP, path, archive], check=True)
    return os.path.getsize(archive)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", nargs=3, action="append", metavar=("LABEL", "PRESET", "PATH"), required=True)
    parser.add_argument("--baseline", required=True, help="the label the ratios are taken against")
    parser.add_argument("--probe", help="the label of our runtime probe, for its goal against the baseline")
    parser.add_argument("--function", action="append", default=[], help="a label whose goals are the functions'")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--starts", type=int, default=12, help="starts of each binary per round")
    parser.add_argument("--json", help="write every sample here")
    args = parser.parse_args()
    binaries = [(label, preset, os.path.abspath(path)) for label, preset, path in args.binary]
    labels = [label for label, _, _ in binaries]
    for label, preset, path in binaries:
        if preset not in PRESETS:
            parser.error(f"{label}: unknown preset {preset} (one of {', '.join(PRESETS)})")
        if not os.access(path, os.X_OK):
            parser.error(f"{label}: {path} is not an executable file")
    for label in [args.baseline, args.probe, *args.function]:
        if label is not None and label not in labels:
            parser.error(f"{label} is not one of the --binary labels")

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    endpoint = f"127.0.0.1:{listener.getsockname()[1]}"
    environments = {
        label: dict(LAMBDA_ENVIRONMENT, **PRESETS[preset], AWS_LAMBDA_RUNTIME_API=endpoint, AWS_ENDPOINT_URL=f"http://{endpoint}")
        for label, preset, _ in binaries
    }
    samples = {label: [] for label in labels}
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile() as log:
        sizes = {label: (os.path.getsize(path), zip_size(path, folder)) for label, _, path in binaries}
        for round_number in range(args.rounds):
            order = binaries[round_number % len(binaries):] + binaries[:round_number % len(binaries)]
            for _ in range(args.starts):
                for label, _, path in order:
                    try:
                        samples[label].append(one_start(listener, path, environments[label], log))
                    except RuntimeError as error:
                        log.seek(0)
                        output = log.read().decode(errors="replace")[-2000:]
                        sys.exit(f"{label}: {error}\n--- its output:\n{output}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"samples": samples, "sizes": sizes}, out, indent=1)

    def summary(label):
        runs = samples[label]
        columns = {
            "ms": [run["firstNextMs"] for run in runs],
            "rss": [run["rssBytes"] / MB for run in runs],
            "faults": [run["minorFaults"] + run["majorFaults"] for run in runs],
            "threads": [run["threads"] for run in runs],
        }
        figures = {name: (statistics.median(values), percentile(values, 0.9)) for name, values in columns.items()}
        figures["file"], figures["zip"] = (size / MB for size in sizes[label])
        return figures

    table = {label: summary(label) for label in labels}
    base = table[args.baseline]
    width = max(len(label) for label in labels)
    print(f"cold starts: {args.rounds} rounds x {args.starts} starts of each binary, interleaved; "
          f"median (p90) at the first /next; ratios against {args.baseline}; MB = 10^6 bytes, as issue 20 counts")
    print(f"{'binary':{width}}  {'first /next ms':>17} {'x':>5}  {'RSS MB':>13} {'x':>5}  {'page faults':>13} {'x':>5}"
          f"  {'threads':>7}  {'file MB':>7} {'x':>5}  {'zip MB':>6} {'x':>5}")
    for label in labels:
        row = table[label]
        ratio = {name: row[name][0] / base[name][0] for name in ("ms", "rss", "faults")}
        ratio.update({name: row[name] / base[name] for name in ("file", "zip")})
        print(f"{label:{width}}  {row['ms'][0]:7.2f} ({row['ms'][1]:6.2f}) {ratio['ms']:5.2f}"
              f"  {row['rss'][0]:5.1f} ({row['rss'][1]:5.1f}) {ratio['rss']:5.2f}"
              f"  {row['faults'][0]:5.0f} ({row['faults'][1]:5.0f}) {ratio['faults']:5.2f}"
              f"  {row['threads'][0]:7.0f}  {row['file']:7.1f} {ratio['file']:5.2f}  {row['zip']:6.1f} {ratio['zip']:5.2f}")

    goals = []
    if args.probe:
        probe = table[args.probe]
        goals.append((f"{args.probe} reaches /next sooner than {args.baseline} (median)", probe["ms"][0] < base["ms"][0]))
        goals.append((f"{args.probe} takes fewer page faults than {args.baseline} (median)",
                      probe["faults"][0] < base["faults"][0]))
    for label in args.function:
        row = table[label]
        goals.append((f"{label}: page faults within 1.2x of {args.baseline}", row["faults"][0] <= 1.2 * base["faults"][0]))
        goals.append((f"{label}: RSS within 1.2x of {args.baseline}", row["rss"][0] <= 1.2 * base["rss"][0]))
        goals.append((f"{label}: zip {sizes[label][1]:,} bytes <= 8 MB (8,000,000)", sizes[label][1] <= 8 * MB))
    if goals:
        print()
    for text, met in goals:
        print(f"{'PASS' if met else 'FAIL'}  {text}")
    sys.exit(0 if all(met for _, met in goals) else 1)


if __name__ == "__main__":
    main()
