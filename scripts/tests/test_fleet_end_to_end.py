"""`opsdaily tags` and `opsdaily autorecovery`, the real binary, against the fleet fixture
(scripts/tests/fleet_fixture.py): a moto_server with SigV4 checking on, behind aws_fleet_proxy.py for what moto
lacks (maintenance options, DescribeAlarms paging, an injected refusal). What opsdaily finds is compared with
what the fixture computed in Python from the same policy; dry runs are proven to make no write call by moto's own
request recording and by the proxy's log; what apply wrote is read back with the aws CLI.

The binary is OPSDAILY (default .build/debug/opsdaily); the workbook is read back with openpyxl and audited by
openxml-audit in .venv-workbook (scripts/test.sh makes it); the pages are copied to build/reports/tags-audit.html and
autorecovery-audit.html, which scripts/screenshot-reports.sh opens in headless Chromium."""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fakes" / "tests"))
import fleet_fixture as fixture  # noqa: E402
from fakeproc import start as start_fake  # noqa: E402
from motokit import moto_server  # noqa: E402

OPSDAILY = Path(os.environ.get("OPSDAILY", REPO / ".build" / "debug" / "opsdaily"))
WORKBOOK_PYTHON = REPO / ".venv-workbook" / "bin" / "python"
POLICY_YAML = REPO / "policies" / "tags-cloud-z.yaml"
POLICY_JSON = REPO / "policies" / "tags-cloud-z.json"
TOPIC_NAME = "oncall"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    if not OPSDAILY.exists():
        pytest.fail(f"{OPSDAILY} is missing: run `swift build` first (or set OPSDAILY)")
    home = tmp_path_factory.mktemp("fleet")
    previous = os.environ.get("MOTO_RECORDER_FILEPATH")
    os.environ["MOTO_RECORDER_FILEPATH"] = str(home / "recording.jsonl")
    try:
        with moto_server(home) as (endpoint, key, secret):
            expected = fixture.build(endpoint, key, secret, policy=json.loads(POLICY_JSON.read_text()))
            print("\n" + expected.summary())
            arguments = ["--upstream", endpoint, "--alarm-page-size", str(fixture.ALARM_PAGE_SIZE)]
            with start_fake("aws_fleet_proxy.py", arguments, home, reset_path="/_fake/reset") as proxy:
                proxy_url = f"http://127.0.0.1:{proxy.port}"
                fixture.configure_proxy(proxy_url, expected)
                (home / "credentials").write_text(f"[fleet]\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n")
                (home / "config").write_text(f"[profile fleet]\nregion = {fixture.MAIN_REGION}\n")
                environment = {
                    "PATH": os.environ.get("PATH", ""), "HOME": str(home), "AWS_CONFIG_FILE": str(home / "config"),
                    "AWS_SHARED_CREDENTIALS_FILE": str(home / "credentials"), "AWS_ENDPOINT_URL": proxy_url,
                    "AWS_EC2_METADATA_DISABLED": "true",
                }
                cli = {**os.environ, "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret,
                       "AWS_DEFAULT_REGION": fixture.MAIN_REGION}
                yield {"endpoint": endpoint, "proxy": proxy, "expected": expected, "environment": environment,
                       "home": home, "cli": cli, "account": expected.account}
    finally:
        if previous is None:
            os.environ.pop("MOTO_RECORDER_FILEPATH", None)
        else:
            os.environ["MOTO_RECORDER_FILEPATH"] = previous


def opsdaily(world, *arguments, json_output=True):
    command = [str(OPSDAILY), *arguments, "--profile", "fleet", *sum((["--region", r] for r in fixture.REGIONS), []),
               "--page-size", str(fixture.PAGE_SIZE), "--quiet"]
    if json_output:
        command += ["--output", "json"]
    run = subprocess.run(command, env=world["environment"], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    document = json.loads(run.stdout) if json_output and run.stdout.strip().startswith("{") else None
    return run, document


def aws(world, *arguments):
    run = subprocess.run(["aws", "--endpoint-url", world["endpoint"], "--output", "json", *arguments],
                         env=world["cli"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def proxy_writes(world):
    return world["proxy"].request("GET", "/_fake/writes").json()


def dry_run(world, *arguments):
    """Runs a command without --apply with moto recording and the proxy's log cleared; answers the run, its
    JSON and the write calls both saw."""
    world["proxy"].reset()
    fixture.start_recording(world["endpoint"])
    run, document = opsdaily(world, *arguments)
    return run, document, fixture.write_calls(world["endpoint"]), proxy_writes(world)


# --- tags -------------------------------------------------------------------------------------------------------

def test_the_shipped_policy_is_the_one_the_fixture_checks():
    assert json.loads(POLICY_JSON.read_text()) == fixture.POLICY
    assert POLICY_YAML.exists()


def test_tags_audit_finds_every_finding_per_rule(world, tmp_path):
    expected = world["expected"]
    out = tmp_path / "audit"
    run, document = opsdaily(world, "tags", "audit", "--policy", str(POLICY_YAML), "--out", str(out))
    assert run.returncode == 3, run.stderr
    assert document["resources"] == expected.tag_resources
    assert document["byRule"] == expected.by_rule
    found = Counter((f["resource"], f["rule"], f["key"] or None) for f in document["findings"])
    wanted = Counter((f["resource"], f["rule"], f["key"]) for f in expected.findings)
    assert found == wanted
    owners = Counter(f["owner"] for f in document["findings"])
    assert owners == Counter(f["owner"] for f in expected.findings)
    print(f"\ntags audit: {document['resources']} resources, {len(document['findings'])} findings {document['byRule']}")
    console = [i for i in expected.instances if i["name"] == "admin-console"]
    assert console, "the fixture has admin-console"
    assert not [f for f in document["findings"] if f["resource"] == console[0]["instance"] and f["key"] == "EC2Type"]
    assert sorted(p.name for p in out.iterdir()) == ["csv", "tags-audit.html", "tags-audit.xlsx"]
    page = (out / "tags-audit.html").read_text()
    assert "<script" not in page
    publish(out / "tags-audit.html")
    check_workbook(out / "tags-audit.xlsx", {"Findings": len(document["findings"])})
    text, _ = opsdaily(world, "tags", "audit", "--policy", str(POLICY_YAML), json_output=False)
    assert text.returncode == 3
    summary = text.stdout.splitlines()[:3]
    assert summary[0].startswith(f"{expected.tag_resources} resources in scope (")
    assert summary[0].endswith(f"{len(expected.findings)} findings")
    print("\n".join(summary))


def test_tags_apply_dry_run_plans_and_makes_no_write_call(world):
    run, document, moto_writes, writes = dry_run(world, "tags", "apply", "--policy", str(POLICY_YAML))
    assert run.returncode == 0, run.stderr
    expected = world["expected"].tag_plan
    assert Counter((p["resource"], p["key"], p["new"]) for p in document["plan"]) == \
        Counter((p["resource"], p["key"], p["new"]) for p in expected)
    assert document["applied"] is False and document["writeCalls"] == 0
    assert moto_writes == [] and writes == []
    print(f"\ntags apply dry run: plan {len(document['plan'])} changes, write calls: opsdaily 0, moto {len(moto_writes)}, proxy {len(writes)}")


def test_apply_without_yes_off_a_terminal_is_refused(world):
    world["proxy"].reset()
    run, _ = opsdaily(world, "tags", "apply", "--policy", str(POLICY_YAML), "--apply", json_output=False)
    assert run.returncode == 2
    assert "without --yes" in run.stderr
    assert proxy_writes(world) == []


def test_tags_apply_writes_the_plan_and_a_second_plan_is_empty(world):
    world["proxy"].reset()
    run, document = opsdaily(world, "tags", "apply", "--policy", str(POLICY_YAML), "--apply", "--yes")
    assert run.returncode == 0, run.stderr
    planned = document["plan"]
    assert document["applied"] is True and document["failures"] == []
    writes = proxy_writes(world)
    assert len(writes) == document["writeCalls"]
    assert {w["action"] for w in writes} <= {"CreateTags", "TagResources"}
    batches = len({(p["region"], p["key"]) for p in planned})
    assert document["writeCalls"] <= len({p["resource"] for p in planned})
    print(f"\ntags apply: {len(planned)} changes in {document['writeCalls']} write calls ({batches} region/key pairs)")
    for region in fixture.REGIONS:
        mine = [p for p in planned if p["region"] == region and not p["resource"].startswith("arn:")]
        if not mine:
            continue
        described = aws(world, "ec2", "describe-tags", "--region", region)["Tags"]
        have = {(t["ResourceId"], t["Key"]): t["Value"] for t in described}
        assert all(have.get((p["resource"], p["key"])) == p["new"] for p in mine)
    rds = [p for p in planned if p["resource"].startswith("arn:aws:rds:")]
    for change in rds:
        tags = aws(world, "rds", "list-tags-for-resource", "--region", change["region"], "--resource-name", change["resource"])["TagList"]
        assert {"Key": change["key"], "Value": change["new"]} in tags
    again, second, moto_writes, proxy_after = dry_run(world, "tags", "apply", "--policy", str(POLICY_YAML))
    assert again.returncode == 0, again.stderr
    assert second["plan"] == [] and moto_writes == [] and proxy_after == []
    print("tags apply again: plan 0 changes")


# --- autorecovery -----------------------------------------------------------------------------------------------

def test_autorecovery_audit_gives_every_instance_its_status(world, tmp_path):
    expected = world["expected"]
    out = tmp_path / "recovery"
    run, document = opsdaily(world, "autorecovery", "audit", "--out", str(out))
    assert run.returncode == 3, run.stderr
    assert document["total"] == len(expected.instances)
    assert document["byStatus"] == expected.by_status
    statuses = {i["instance"]: i["status"] for i in document["instances"]}
    assert statuses == {i["instance"]: i["status"] for i in expected.instances}
    assert sorted((o["alarm"], o["instance"]) for o in document["orphans"]) == \
        sorted((o["alarm"], o["instance"]) for o in expected.orphans)
    print(f"\nautorecovery audit: {document['total']} instances {document['byStatus']}, {len(document['orphans'])} orphans")
    text, _ = opsdaily(world, "autorecovery", "audit", json_output=False)
    first = text.stdout.splitlines()[0]
    assert first.startswith(f"{len(expected.instances)} instances: {expected.by_status['recover-alarm']} recover-alarm, ")
    print(first)
    publish(out / "autorecovery-audit.html")
    check_workbook(out / "autorecovery-audit.xlsx", {"Instances": len(expected.instances), "Orphan alarms": len(expected.orphans)})


def test_an_instance_the_policy_excludes_is_excluded(world, tmp_path):
    simplified = [i for i in world["expected"].instances if i["status"] == "simplified" and i["name"]]
    target = simplified[0]
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_YAML.read_text() + f"\nautorecovery:\n  exclude: [\"Name={target['name']}\"]\n")
    run, document = opsdaily(world, "autorecovery", "audit", "--policy", str(policy))
    assert run.returncode == 3, run.stderr
    entry = next(i for i in document["instances"] if i["instance"] == target["instance"])
    assert (entry["status"], entry["detail"]) == ("excluded", f"excluded by the tag Name={target['name']}")
    assert document["byStatus"]["simplified"] == world["expected"].by_status["simplified"] - 1


def test_autorecovery_apply_dry_run_makes_no_write_call(world):
    run, document, moto_writes, writes = dry_run(world, "autorecovery", "apply", "--prune")
    assert run.returncode == 0, run.stderr
    expected = world["expected"]
    planned = sorted((a["action"], a["alarm"], a["instance"]) for a in document["plan"])
    assert planned == sorted((a["action"], a["alarm"], a["instance"]) for a in expected.recovery_plan + expected.recovery_prune)
    assert document["writeCalls"] == 0 and moto_writes == [] and writes == []


def test_autorecovery_apply_creates_fixes_prunes_and_reports_a_refusal(world):
    expected = world["expected"]
    account, region = world["account"], fixture.MAIN_REGION
    topic = f"arn:aws:sns:{region}:{account}:{TOPIC_NAME}"
    world["proxy"].reset()
    world["proxy"].request("POST", "/_fake/faults", {
        "action": "PutMetricAlarm", "match": expected.fault_instance, "status": 400, "code": "ValidationError",
        "message": "The recover action is not valid for this instance"})
    run, document = opsdaily(world, "autorecovery", "apply", "--apply", "--yes", "--prune", "--sns-topic", topic)
    assert run.returncode == 1, run.stderr
    assert [f["target"] for f in document["failures"]] == [expected.fault_instance], [(f["target"], f["region"], f["reason"][:200]) for f in document["failures"]]
    actions = Counter(a["action"] for a in document["plan"])
    puts = [w for w in proxy_writes(world) if w["action"] == "PutMetricAlarm"]
    assert len(puts) == actions["create"] + actions["add-recover"]
    print(f"\nautorecovery apply: {dict(actions)}; PutMetricAlarm {len(puts)}, 1 refused ({expected.fault_instance})")
    alarms = {a["AlarmName"]: a for r in fixture.REGIONS
              for a in aws(world, "cloudwatch", "describe-alarms", "--region", r)["MetricAlarms"]}
    for action in document["plan"]:
        if action["instance"] == expected.fault_instance:
            assert action["alarm"] not in alarms
        elif action["action"] == "delete":
            assert action["alarm"] not in alarms
        else:
            recover = f"arn:aws:automate:{action['region']}:ec2:recover"
            assert recover in alarms[action["alarm"]]["AlarmActions"]
    created = [a for a in document["plan"] if a["action"] == "create" and a["instance"] != expected.fault_instance]
    for action in created:
        alarm = alarms[action["alarm"]]
        assert (alarm["Statistic"], alarm["Period"], alarm["EvaluationPeriods"], alarm["Threshold"],
                alarm["ComparisonOperator"]) == ("Maximum", 60, 2, 1.0, "GreaterThanOrEqualToThreshold")
        if action["region"] == region:
            assert topic in alarm["AlarmActions"]
    # The refusal gone, the next run creates only the refused alarm; the one after writes nothing.
    world["proxy"].reset()
    run, document = opsdaily(world, "autorecovery", "apply", "--apply", "--yes", "--prune", "--sns-topic", topic)
    assert run.returncode == 0, run.stderr
    assert [(a["action"], a["instance"]) for a in document["plan"]] == [("create", expected.fault_instance)]
    world["proxy"].reset()
    fixture.start_recording(world["endpoint"])
    run, document = opsdaily(world, "autorecovery", "apply", "--apply", "--yes", "--prune", "--sns-topic", topic)
    assert run.returncode == 0, run.stderr
    assert document["plan"] == [] and document["writeCalls"] == 0
    assert fixture.write_calls(world["endpoint"]) == [] and proxy_writes(world) == []
    print("autorecovery apply again: 0 PutMetricAlarm calls")


# --- bad input --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("arguments, message", [
    (["tags", "audit"], "--policy"),
    (["tags", "audit", "--policy", "/nonexistent.yaml"], "cannot read"),
    (["tags", "apply", "--policy", str(POLICY_YAML), "--yes"], "--yes only goes with --apply"),
    (["autorecovery", "apply", "--sns-topic", "arn:aws:sqs:ap-northeast-2:123456789012:q"], "not an SNS topic ARN"),
    (["autorecovery", "audit", "--exclude-tag", "=x"], "--exclude-tag"),
    (["autorecovery", "audit", "--format", "pdf"], "--format"),
])
def test_usage_errors_exit_2_before_any_call(world, arguments, message):
    world["proxy"].reset()
    run = subprocess.run([str(OPSDAILY), *arguments], env=world["environment"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert message in run.stderr
    assert world["proxy"].request("GET", "/_fake/requests").json() == []


def test_a_hostile_policy_file_is_a_usage_error(world, tmp_path):
    for name, text in [("deep.json", "[" * 10_000), ("dup.yaml", "version: 1\nversion: 1\n"),
                       ("lookbehind.yaml", POLICY_YAML.read_text().replace("valuePattern:", "valuePattern: '(?<!x)a'\nx:", 1)),
                       ("big.yaml", "# " + "x" * (2 << 20))]:
        path = tmp_path / name
        path.write_text(text)
        run = subprocess.run([str(OPSDAILY), "tags", "audit", "--policy", str(path)], env=world["environment"],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 2, (name, run.stderr)


def publish(page):
    reports = REPO / "build" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    shutil.copy(page, reports / page.name)


def check_workbook(path, rows_per_sheet):
    """openpyxl reads it back (rows below the title and header, the frozen header, the filter) and openxml-audit
    (strict, then its security scan: scripts/lib/check_workbook.py) finds nothing."""
    if not WORKBOOK_PYTHON.exists():
        pytest.fail(f"{WORKBOOK_PYTHON} is missing: scripts/test.sh makes it (ensure_venv workbook …)")
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(REPO / 'scripts' / 'lib')!r})\n"
        "import openpyxl\n"
        "from check_workbook import audit\n"
        "book = openpyxl.load_workbook(sys.argv[1])\n"
        "failures = []\n"
        "line = audit(sys.argv[1], {'sheets': []}, failures)\n"
        "print(json.dumps({'sheets': {s.title: [s.max_row - 2, s.freeze_panes, s.auto_filter.ref] for s in book.worksheets},"
        " 'audit': line, 'failures': failures}))\n")
    read = subprocess.run([str(WORKBOOK_PYTHON), "-c", script, str(path)], capture_output=True, text=True, timeout=300)
    assert read.returncode == 0, read.stderr
    result = json.loads(read.stdout)
    for sheet, rows in rows_per_sheet.items():
        assert result["sheets"][sheet][0] == rows, (sheet, result["sheets"][sheet])
        assert result["sheets"][sheet][1] == "A3"
    print(f"{path.name}: {result['sheets']}; {result['audit']}")
    assert result["failures"] == []
