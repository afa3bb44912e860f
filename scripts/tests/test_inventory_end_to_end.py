"""`opsdaily inventory`, the real binary, against the fixture estate (scripts/tests/inventory_fixture.py): a
moto_server with SigV4 checking and IAM on, two accounts (the second through an AssumeRole profile into
111111111111) in two regions, the extras fake (trusting moto's STS) for the six services moto lacks, and Cost
Explorer answers queued in moto. What opsdaily lists is compared with what boto3's own paginators list.

The binary is OPSDAILY (default .build/debug/opsdaily, which `swift build` makes); the workbook is read back
with openpyxl and audited by openxml-audit in .venv-workbook (scripts/test.sh makes it); the page is copied to
build/reports/inventory.html, which scripts/screenshot-reports.sh opens in headless Chromium."""

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fakes" / "tests"))
import inventory_fixture as fixture  # noqa: E402
from fakeproc import start as start_fake  # noqa: E402
from motokit import moto_server  # noqa: E402

OPSDAILY = Path(os.environ.get("OPSDAILY", REPO / ".build" / "debug" / "opsdaily"))
WORKBOOK_PYTHON = REPO / ".venv-workbook" / "bin" / "python"
REGIONS = ("ap-northeast-2", "us-east-1")
# December: the cost request's End is 1 January of the next year.
MONTH = "2025-12"
EXTRAS_VARIABLES = ["AWS_ENDPOINT_URL_DIRECT_CONNECT", "AWS_ENDPOINT_URL_RAM", "AWS_ENDPOINT_URL_CODECOMMIT",
                    "AWS_ENDPOINT_URL_CODEARTIFACT", "AWS_ENDPOINT_URL_BACKUP", "AWS_ENDPOINT_URL_NETWORK_FIREWALL"]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    if not OPSDAILY.exists():
        pytest.fail(f"{OPSDAILY} is missing: run `swift build` first (or set OPSDAILY)")
    home = tmp_path_factory.mktemp("inventory")
    with moto_server(home) as (endpoint, key, secret):
        started = time.monotonic()
        made = fixture.seed(endpoint, key, secret, REGIONS)
        main, second = list(made["accounts"])
        with start_fake("aws_extras_fake.py", ["--key", f"{key}={secret}@{main}", "--trust-sts", endpoint], home,
                        reset_path="/_extras/reset") as fake:
            extras = f"http://127.0.0.1:{fake.port}"
            fixture.seed_extras(extras, made["accounts"], REGIONS, MONTH)
            credentials = {account: details["credentials"] for account, details in made["accounts"].items()}
            expected = fixture.survey(endpoint, credentials, REGIONS, extras, page_size=2, extra_params=fixture.run_params(MONTH))
            (home / "credentials").write_text(f"[main]\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n")
            (home / "config").write_text(
                "[profile main]\nregion = ap-northeast-2\n"
                f"[profile second]\nrole_arn = {made['accounts'][second]['role_arn']}\nsource_profile = main\n"
                f"[profile noec2]\nrole_arn = {made['no_ec2_role_arn']}\nsource_profile = main\n")
            environment = {
                "PATH": os.environ.get("PATH", ""), "HOME": str(home), "AWS_CONFIG_FILE": str(home / "config"),
                "AWS_SHARED_CREDENTIALS_FILE": str(home / "credentials"), "AWS_ENDPOINT_URL": endpoint,
                "AWS_EC2_METADATA_DISABLED": "true", **{name: extras for name in EXTRAS_VARIABLES},
            }
            print(f"\nestate seeded and surveyed in {time.monotonic() - started:.1f} s")
            yield {"endpoint": endpoint, "made": made, "main": main, "second": second, "expected": expected,
                   "environment": environment, "home": home}


def inventory(world, *arguments, month=MONTH, name="run"):
    out = world["home"] / name
    started = time.monotonic()
    run = subprocess.run([str(OPSDAILY), "inventory", "--month", month, "--out", str(out), "--label", name, *arguments],
                         env=world["environment"], capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - started
    files = {path.suffix: path for path in out.glob(f"inventory-{name}-{month}.*")}
    document = json.loads(files[".json"].read_text()) if ".json" in files else None
    return run, document, files, seconds


@pytest.fixture(scope="module")
def full_run(world):
    for account in (world["main"], world["second"]):
        world.setdefault("cost", {})[account] = fixture.queue_cost(world["endpoint"], account, MONTH)
    run, document, files, seconds = inventory(
        world, "--profile", "main", "--profile", "second", "--region", REGIONS[0], "--region", REGIONS[1], "--page-size", "2",
        "--format", "xlsx,html,csv,json", "--exchange-rate", "KRW=1385.20", name="fixture")
    print(f"\nopsdaily inventory, 2 accounts × 2 regions × every kind: {seconds:.1f} s, exit {run.returncode}")
    return run, document, files


def test_the_run_completes_and_writes_every_output(full_run):
    run, document, files = full_run
    assert run.returncode == 0, run.stderr[-3000:]
    assert set(files) == {".xlsx", ".html", ".json"}
    csv = sorted(path.name for path in files[".json"].parent.joinpath("csv").glob("*.csv"))
    assert len(csv) == len(document["kinds"]) + 3
    assert files[".json"].parent.joinpath("csv", "EC2 Instances.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "[" in run.stderr, "progress lines on stderr"


def test_every_kind_lists_what_boto3_lists(world, full_run):
    _, document, _ = full_run
    catalogue = {kind["id"] for kind in document["kinds"]}
    assert catalogue == {kind.id for kind in fixture.KINDS}, "the fixture covers every kind of the catalogue"
    coverage = {(e["account"], e["region"], e["kind"]): e for e in document["coverage"] if e["kind"] in catalogue}
    expected = world["expected"]
    assert set(coverage) == set(expected)
    table = []
    for key, listing in sorted(expected.items()):
        entry = coverage[key]
        if listing.error:
            # Something moto cannot do answers the same error to boto3 and to opsdaily.
            assert entry["state"] != "ok", (key, entry)
            continue
        assert entry["state"] == "ok", (key, entry)
        assert entry["rows"] == listing.count, (key, entry, listing)
        assert entry["calls"] >= listing.pages, (key, entry, listing)
        table.append((key[2], listing.count, entry["rows"], listing.pages, entry["calls"]))
    by_kind = Counter()
    for kind, expected_rows, rows, _, _ in table:
        assert expected_rows == rows
        by_kind[kind] += rows
    print("\nrows per kind (2 accounts × 2 regions, expected = listed): " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    paged = sorted({kind for kind, _, _, pages, _ in table if pages >= 2})
    print(f"kinds listed in ≥ 2 pages at --page-size 2: {len(paged)}: {', '.join(paged)}")
    rows = {kind["id"]: len(kind["rows"]) for kind in document["kinds"]}
    assert all(rows[kind] == n for kind, n in by_kind.items())


def test_cost_rows_add_up_and_december_ends_in_january(world, full_run):
    _, document, _ = full_run
    cost = document["cost"]
    assert [request["end"] for request in cost["requests"]] == ["2026-01-01", "2026-01-01"]
    assert [request["start"] for request in cost["requests"]] == ["2025-11-01", "2025-11-01"]
    assert all(request["pages"] == 2 for request in cost["requests"])
    assert cost["estimated"] is True
    for account, queued in world["cost"].items():
        rows = [row for row in cost["rows"] if row["account"] == account]
        total = next(t for t in cost["accounts"] if t["account"] == account)["total"]
        assert sum(Decimal(row["amount"]) for row in rows) == Decimal(total), "the total is the sum of the rows, to the cent"
        exact = Decimal(queued["totals"]["UnblendedCost"][MONTH])
        assert abs(Decimal(total) - exact) <= Decimal("0.01") * len(rows), (total, exact)
        types = {row["type"] for row in rows}
        assert {"service", "other", "tax", "credit", "refund"} <= types
        assert any(row["label"] == "Amazon Registrar" and row["type"] == "other" for row in rows)
        tax = next(row for row in rows if row["type"] == "tax")
        wanted_tax = next(r for r in queued["rows"] if r["record_type"] == "Tax")["amounts"]["UnblendedCost"][MONTH]
        assert Decimal(tax["amount"]) == Decimal(wanted_tax).quantize(Decimal("0.01"))
    assert Decimal(cost["total"]) == sum(Decimal(t["total"]) for t in cost["accounts"])
    print(f"\ncost {MONTH}: total {cost['total']} = sum of {len(cost['rows'])} rows; request End {cost['requests'][0]['end']}")


def test_the_workbook_reads_back_and_audits_clean(full_run):
    _, _, files = full_run
    if not WORKBOOK_PYTHON.exists():
        pytest.fail(f"{WORKBOOK_PYTHON} is missing: scripts/test.sh makes it (ensure_venv workbook …)")
    check = subprocess.run([str(WORKBOOK_PYTHON), str(HERE / "check_inventory_workbook.py"), str(files[".xlsx"]), str(files[".json"])],
                           capture_output=True, text=True, timeout=300)
    print("\n" + check.stdout.strip().splitlines()[-1])
    assert check.returncode == 0, check.stdout[-4000:] + check.stderr[-2000:]
    assert "0 findings" in check.stdout


def test_the_page_is_kept_for_chromium(full_run):
    _, _, files = full_run
    page = files[".html"].read_text()
    assert "Content-Security-Policy" in page and "<svg class=\"chart\"" in page
    assert "<script" not in page
    reports = REPO / "build" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    shutil.copy(files[".html"], reports / "inventory.html")


def test_a_role_without_ec2_describe_is_denied_ec2_and_the_run_completes(world):
    run, document, _, _ = inventory(
        world, "--profile", "noec2", "--region", REGIONS[0], "--only", "ec2-instances,vpcs,security-group-rules,sqs-queues",
        "--no-cost", "--format", "json", name="noec2")
    assert run.returncode == 0, run.stderr[-2000:]
    states = {entry["kind"]: entry["state"] for entry in document["coverage"]}
    assert states == {"ec2-instances": "denied", "vpcs": "denied", "security-group-rules": "denied", "sqs-queues": "ok"}
    print(f"\nno-ec2 role: {states}")


@pytest.mark.parametrize("month, end", [("2025-01", "2025-02-01"), ("2025-08", "2025-09-01")])
def test_cost_of_other_months(world, month, end):
    queued = fixture.queue_cost(world["endpoint"], world["main"], month)
    run, document, _, _ = inventory(world, "--profile", "main", "--region", REGIONS[0], "--only", "vpcs", "--format", "json",
                                    month=month, name=f"cost-{month}")
    assert run.returncode == 0, run.stderr[-2000:]
    cost = document["cost"]
    assert cost["requests"][0]["end"] == end and cost["requests"][0]["start"] == queued["start"]
    assert sum(Decimal(row["amount"]) for row in cost["rows"]) == Decimal(cost["total"])
    assert abs(Decimal(cost["total"]) - Decimal(queued["totals"]["UnblendedCost"][month])) <= Decimal("0.10")
