#!/usr/bin/env python3
"""`opsdaily inventory` against its baseline over a network's round trip: the fixture estate (one account,
two regions, the whole catalogue) in moto (SigV4 and IAM checked) and the extras fake, each behind
aws_fault_proxy.py --latency-ms, so every AWS request waits as it would across a network. Alternating runs
of the static opsdaily and of scripts/bench/inventory_baseline.py (Python + boto3, the same calls one after
another); wall time and peak RSS from /usr/bin/time, requests counted by the proxies; the ratio of the
medians against the goal.

Usage: inventory_bench.py OPSDAILY [--runs N] [--latency-ms MS]"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "fakes" / "tests"))
import inventory_fixture as fixture  # noqa: E402
from fakeproc import start as start_fake  # noqa: E402
from motokit import moto_server  # noqa: E402

REGIONS = ("ap-northeast-2", "us-east-1")
MONTH = "2025-12"
GOAL = 10
EXTRAS_VARIABLES = ["AWS_ENDPOINT_URL_DIRECT_CONNECT", "AWS_ENDPOINT_URL_RAM", "AWS_ENDPOINT_URL_CODECOMMIT",
                    "AWS_ENDPOINT_URL_CODEARTIFACT", "AWS_ENDPOINT_URL_BACKUP", "AWS_ENDPOINT_URL_NETWORK_FIREWALL"]


def proxy_call(proxy, path, method="GET"):
    request = urllib.request.Request(f"http://127.0.0.1:{proxy.port}{path}", method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def timed(command, environment, work):
    """(seconds, peak RSS in MB, stdout) of one run under /usr/bin/time."""
    report = work / "time.txt"
    run = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", str(report), *command], env=environment,
                         capture_output=True, text=True, timeout=3600)
    if run.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({run.returncode}): {run.stderr[-3000:]}")
    seconds, kilobytes = report.read_text().split()[-2:]
    return float(seconds), int(kilobytes) / 1024, run.stdout


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("opsdaily")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--no-signature-checking", action="store_true",
                        help="moto takes any key (without its SigV4 and IAM policy checks, its own cost per request is lower)")
    parser.add_argument("--opsdaily-option", action="append", default=[], metavar="OPTION",
                        help="another option for opsdaily inventory, e.g. --opsdaily-option=--calls-per-service=8")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="inventory-bench-"))
    with moto_server(work, checking=not args.no_signature_checking) as (endpoint, key, secret):
        made = fixture.seed(endpoint, key, secret, REGIONS)
        main_account = next(iter(made["accounts"]))
        with start_fake("aws_extras_fake.py", ["--key", f"{key}={secret}@{main_account}", "--trust-sts", endpoint], work,
                        reset_path="/_extras/reset") as extras:
            fixture.seed_extras(f"http://127.0.0.1:{extras.port}", {main_account: {}}, REGIONS, MONTH)
            latency = ["--latency-ms", str(args.latency_ms)]
            # Each proxy in a folder of its own: a fake's port file is named after its script.
            (work / "moto-proxy").mkdir()
            (work / "extras-proxy").mkdir()
            with start_fake("aws_fault_proxy.py", ["--upstream", endpoint, *latency], work / "moto-proxy", reset_path="/_proxy/reset") as moto_proxy, \
                    start_fake("aws_fault_proxy.py", ["--upstream", f"http://127.0.0.1:{extras.port}", *latency], work / "extras-proxy",
                               reset_path="/_proxy/reset") as extras_proxy:
                (work / "credentials").write_text(f"[bench]\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n")
                (work / "config").write_text("[profile bench]\nregion = ap-northeast-2\n")
                environment = {
                    "PATH": "/usr/bin:/bin", "HOME": str(work), "AWS_CONFIG_FILE": str(work / "config"),
                    "AWS_SHARED_CREDENTIALS_FILE": str(work / "credentials"), "AWS_EC2_METADATA_DISABLED": "true",
                    "AWS_ENDPOINT_URL": f"http://127.0.0.1:{moto_proxy.port}",
                    **{name: f"http://127.0.0.1:{extras_proxy.port}" for name in EXTRAS_VARIABLES},
                }
                ours = [args.opsdaily, "inventory", "--profile", "bench", "--region", REGIONS[0], "--region", REGIONS[1], "--month", MONTH,
                        "--no-cost", "--format", "json", "--out", str(work / "out"), "--label", "bench", "--quiet", *args.opsdaily_option]
                theirs = [sys.executable, str(HERE / "inventory_baseline.py"), "--profile", "bench", "--region", REGIONS[0],
                          "--region", REGIONS[1], "--month", MONTH]
                python_path = ":".join(str(p) for p in (HERE.parent / "tests",))
                baseline_environment = {**environment, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "PYTHONPATH": python_path}
                results = {"opsdaily": [], "baseline": []}
                counts = {}
                for _ in range(args.runs):
                    for name, command, env in (("opsdaily", ours, environment), ("baseline", theirs, baseline_environment)):
                        proxy_call(moto_proxy, "/_proxy/reset", "POST")
                        proxy_call(extras_proxy, "/_proxy/reset", "POST")
                        seconds, megabytes, output = timed(command, env, work)
                        requests = len(proxy_call(moto_proxy, "/_proxy/log")) + len(proxy_call(extras_proxy, "/_proxy/log"))
                        results[name].append((seconds, megabytes, requests))
                        if name == "baseline":
                            counts["baseline"] = json.loads(output)
                        else:
                            document = json.loads((work / "out" / f"inventory-bench-{MONTH}.json").read_text())
                            counts["opsdaily"] = {kind["id"]: len(kind["rows"]) for kind in document["kinds"]}
                            slowest = sorted(document["coverage"], key=lambda e: -e["seconds"])[:5]
                            failed = [e for e in document["coverage"] if e["state"] != "ok"]
                            if failed:
                                raise SystemExit(f"opsdaily did not list everything: {failed[:3]}")
    differ = {k: (counts["opsdaily"].get(k), counts["baseline"].get(k)) for k in counts["baseline"]
              if counts["opsdaily"].get(k) != counts["baseline"].get(k)}
    print(f"inventory of one account, {len(REGIONS)} regions, {len(counts['opsdaily'])} kinds, "
          f"{sum(counts['opsdaily'].values())} rows; {args.latency_ms} ms added to every AWS request; "
          f"{args.runs} alternating runs each (median)")
    print(f"  {'tool':<44} {'seconds':>9} {'peak RSS':>10} {'requests':>9}")
    for name, label in (("opsdaily", "opsdaily inventory (static release)"), ("baseline", "Python + boto3, one call after another")):
        runs = results[name]
        print(f"  {label:<44} {statistics.median(r[0] for r in runs):>8.2f}s {statistics.median(r[1] for r in runs):>7.1f} MB "
              f"{statistics.median(r[2] for r in runs):>9.0f}")
    ratio = statistics.median(r[0] for r in results["baseline"]) / statistics.median(r[0] for r in results["opsdaily"])
    print(f"  rows per kind: {'the same' if not differ else f'differ for {differ}'}")
    print("  opsdaily's slowest listings (last run): " + ", ".join(f"{e['kind']} {e['region']} {e['seconds']:.1f}s/{e['calls']} calls" for e in slowest))
    print(f"  ratio {ratio:.1f}x  {'PASS' if ratio >= GOAL and not differ else 'FAIL'} (goal >= {GOAL}x)")
    return 0 if ratio >= GOAL and not differ else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
