"""`opsdaily monitors export|drift` and `opsdaily dashboards pull|check`, the real binary, against the fake
Datadog (scripts/fakes/fake_datadog.py) through OPS_DATADOG_API_URL, as an operator runs them.

- export: an org of 276 monitors (the catalogue's 79, 185 of service-red-team, 12 more of other teams or
  none, some without a priority, one titled with 2 KB of SQL, names that look like HTML or formulas): every
  page, one row each, per-team counts equal to a count by hand over the fake's own listing; the workbook
  read back by openpyxl and audited by openxml-audit (scripts/lib/check_workbook.py, in .venv-workbook);
  the CSV and JSON too; filters; 429s waited out.
- drift: an org as the catalogue and the monitor-catalogue module make it (no drift, exit 0), then one
  missing, two unmanaged, a threshold and a priority changed, one without the webhook handle: exactly those
  six, exit 3.
- dashboards: pull of a dashboard posted with computed fields gives the committed file byte for byte (and
  what scripts/tools/dashboards.py makes of the same answer); check over the repository's dashboards: 0
  errors and the widgets the Python tool counts.

The binary is OPSDAILY (default .build/debug/opsdaily)."""

import csv
import copy
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "fakes" / "tests"))
sys.path.insert(0, str(REPO / "scripts" / "tools"))
import dashboards as oracle  # noqa: E402
from fakeproc import API_KEY, APP_KEY, KEYS, start_datadog  # noqa: E402

OPSDAILY = Path(os.environ.get("OPSDAILY", REPO / ".build" / "debug" / "opsdaily"))
WORKBOOK_PYTHON = REPO / ".venv-workbook" / "bin" / "python"
CATALOGUE_FILE = REPO / "terraform" / "datadog" / "monitors.json"
DASHBOARDS = REPO / "terraform" / "datadog" / "dashboards"
CATALOGUE = json.loads(CATALOGUE_FILE.read_text())["monitors"]
WEBHOOK = "@webhook-opsdaily-collection"
NOISE = 185
HEADER = ["No.", "Id", "Team", "Name", "Priority", "Created", "Modified", "Creator", "Query", "Options", "Tags", "Type", "Message"]
SQL_TITLE = ("Slow query: INSERT INTO audit_log (id, actor, action, payload, created_at) VALUES "
             + ", ".join(f"({i}, 'user{i}@example.com', 'UPDATE', '{{\"k\": \"v{i}\"}}', NOW())" for i in range(40)))[:2048]


def other_teams():
    """12 monitors beside the catalogue and the noise: other teams, none, no priority, hostile names."""
    def entry(key, team, priority, title, **extra):
        return {"key": key, "team": team, "priority": priority, "tower": "CSP", "title": title, "type": "query alert",
                "query": f"avg(last_5m):avg:custom.{key.lower().replace('-', '_')}{{*}} > 1", "message": "@slack-elsewhere",
                "thresholds": {"critical": 1}, **extra}
    # Names start with [Pn][Tower]: the messages are what a spreadsheet could take for formulas.
    return [
        entry("PAY-01", "payments", 1, "Card authorisations failing"),
        entry("PAY-02", "payments", 2, "<img src=x onerror=alert(1)> refunds slow"),
        entry("PAY-03", "payments", None, "=HYPERLINK(\"http://evil.example\",\"click\")",
              message="=HYPERLINK(\"http://evil.example\",\"click\")"),
        entry("PAY-04", "payments", 3, "@SUM(1+1) settlement lag", message="@SUM(1+1)"),
        entry("DATA-01", "data-platform", 2, "Airflow DAG late"),
        entry("DATA-02", "data-platform", 4, "Kafka lag on ingest"),
        entry("DATA-03", "data-platform", None, "-2+3 warehouse credits", message="-2+3 warehouse credits"),
        entry("DBA-01", "dba", 5, SQL_TITLE),
        entry("LOOSE-01", None, 3, "Made in the UI without a team"),
        entry("LOOSE-02", None, None, "Nobody's, no priority"),
        entry("LOOSE-03", None, 1, "team missing, tags say myteam", tags=["myteam:argos", "teams:x"]),
        entry("LOOSE-04", None, None, "\u0007 bell and 한글 \"quotes\""),
    ]


def as_terraform_makes_it(entries):
    """The catalogue with what the monitor-catalogue module adds that the fake does not: the notify line."""
    made = copy.deepcopy(entries)
    for entry in made:
        entry["title"] = entry["title"].strip()
        entry["message"] = f"{entry['message'].strip()}\n\nNotify: {WEBHOOK}"
    return made


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    if not OPSDAILY.exists():
        pytest.fail(f"{OPSDAILY} is missing: run `swift build` first (or set OPSDAILY)")
    home = tmp_path_factory.mktemp("monitors")
    with start_datadog(home, "--extra-monitors", str(NOISE), catalogue=CATALOGUE_FILE) as fake:
        environment = {
            "PATH": os.environ.get("PATH", ""), "HOME": str(home), "OPS_DATADOG_API_URL": f"http://127.0.0.1:{fake.port}",
            "OPS_DATADOG_API_KEY": API_KEY, "OPS_DATADOG_APP_KEY": APP_KEY, "AWS_EC2_METADATA_DISABLED": "true",
        }
        yield {"fake": fake, "home": home, "environment": environment}


def opsdaily(org, *arguments, environment=None):
    return subprocess.run([str(OPSDAILY), *arguments], env=environment or org["environment"], capture_output=True, text=True,
                          timeout=300, cwd=REPO, stdin=subprocess.DEVNULL)


def load_org(org, entries, extra=NOISE):
    reply = org["fake"].request("POST", "/_fake/monitors", body={"monitors": entries, "extra_monitors": extra})
    assert reply.status == 200, reply.body


def fake_listing(org):
    """Every monitor of the fake org, read page by page with the API's own numbered pages."""
    monitors, page = [], 0
    while True:
        reply = org["fake"].api("/api/v1/monitor", query={"page": page, "page_size": 100})
        assert reply.status == 200
        if not reply.json():
            return monitors
        monitors += reply.json()
        page += 1


def team_of(monitor):
    teams = [tag.split(":", 1)[1] for tag in monitor["tags"] if tag.split(":", 1)[0] == "team" and ":" in tag]
    return teams[0] if teams else None


def read_workbook(path):
    script = (
        "import json, sys\n"
        "import openpyxl\n"
        "sheet = openpyxl.load_workbook(sys.argv[1])['Datadog Alert']\n"
        "rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]\n"
        "print(json.dumps({'title': sheet['A1'].value, 'header': [c.value for c in sheet[2]],\n"
        "                  'rows': [[r[1], r[2], r[3], r[4]] for r in rows]}, default=str))\n")
    read = subprocess.run([str(WORKBOOK_PYTHON), "-c", script, str(path)], capture_output=True, text=True, timeout=300)
    assert read.returncode == 0, read.stderr
    return json.loads(read.stdout)


def check_workbook(path, title, rows, tmp_path):
    """scripts/lib/check_workbook.py: the 2023 look through openpyxl, then openxml-audit (0 findings)."""
    if not WORKBOOK_PYTHON.exists():
        pytest.fail(f"{WORKBOOK_PYTHON} is missing: scripts/test.sh makes it (ensure_venv workbook …)")
    last = rows + 2
    description = {"sheets": [{
        "name": "Datadog Alert",
        "rows": {"2": HEADER},
        "cells": {
            "A1": {"value": title, "bold": True},
            "A2": {"bold": True, "font_color": "FFFFFF", "fill": "1E4E79"},
            "M2": {"bold": True, "font_color": "FFFFFF", "fill": "1E4E79"},
            "I3": {"wrap": True}, "J3": {"wrap": True}, "M3": {"wrap": True},
            "F3": {"number_format": "yyyy/mm/dd hh:mm"},
        },
        "frozen": "A3", "autofilter": f"A2:M{last}",
        "column_widths": {"D": 72, "I": 82, "M": 102},
    }]}
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps(description))
    check = subprocess.run([str(WORKBOOK_PYTHON), str(REPO / "scripts" / "lib" / "check_workbook.py"), str(path), str(expected)],
                           capture_output=True, text=True, timeout=600)
    print(check.stdout)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 findings" in check.stdout


# --- export -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(org):
    load_org(org, CATALOGUE + other_teams())
    listing = fake_listing(org)
    return {"listing": listing, "teams": Counter(team_of(m) for m in listing)}


def test_the_export_has_every_monitor_and_the_teams_counted_by_hand(org, exported, tmp_path):
    listing, by_hand = exported["listing"], exported["teams"]
    assert len(listing) == 276
    assert by_hand["argos"] == 79 and sum(n for team, n in by_hand.items() if team != "argos") == 197
    assert by_hand[None] == 4 and sum(1 for m in listing if m["priority"] is None) > 4
    before = len(org["fake"].request("GET", "/_fake/requests").json())
    out = tmp_path / "monitors.xlsx"
    run = opsdaily(org, "monitors", "export", "--out", str(out), "--output", "json")
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["total"] == 276
    assert {entry["team"]: entry["monitors"] for entry in summary["teams"]} == dict(by_hand)
    pages = [r for r in org["fake"].request("GET", "/_fake/requests").json()[before:] if r["path"] == "/api/v1/monitor"]
    assert len(pages) == 2, "200 a page: two pages for 276"

    book = read_workbook(out)
    assert book["header"] == HEADER
    assert len(book["rows"]) == 276
    assert sorted(int(row[0]) for row in book["rows"]) == sorted(m["id"] for m in listing)
    assert Counter(row[1] for row in book["rows"]) == Counter(team_of(m) for m in listing)
    by_id = {int(row[0]): row for row in book["rows"]}
    sql = next(m for m in listing if m["name"].endswith(SQL_TITLE))
    assert by_id[sql["id"]][2] == sql["name"] and len(sql["name"]) > 2048
    formula = next(m for m in listing if "HYPERLINK" in m["name"])
    assert by_id[formula["id"]][2] == formula["name"] and by_id[formula["id"]][3] is None
    parts = ["Total[276]"] + [f'"{team or "-"}":[{count}]' for team, count in
                              sorted(((t, n) for t, n in by_hand.items() if t), key=lambda item: (-item[1], item[0]))
                              + [(None, by_hand[None])]]
    title = f"Datadog Alert List({', '.join(parts)})"
    assert book["title"] == title
    print(f"\nexport: {len(book['rows'])} rows; per team {dict(by_hand)}")
    check_workbook(out, title, 276, tmp_path)


def test_the_csv_and_json_hold_the_same_rows(org, exported, tmp_path):
    listing = exported["listing"]
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "m.csv"), "--quiet")
    assert run.returncode == 0, run.stderr
    records = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert records[0] == HEADER and len(records) == 277
    by_id = {int(r[1]): r for r in records[1:]}
    for monitor in listing:
        name, message = by_id[monitor["id"]][3], by_id[monitor["id"]][12]
        assert name == monitor["name"], "names start with [Pn][Tower], never with a formula character"
        risky = monitor["message"][:1] in ("=", "+", "-", "@")
        assert message == ("'" if risky else "") + monitor["message"]
    assert sum(1 for m in listing if m["message"][:1] in ("=", "-", "@")) >= 3

    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "m.json"), "--quiet")
    assert run.returncode == 0, run.stderr
    document = json.loads((tmp_path / "m.json").read_text())
    assert document["total"] == 276 and len(document["monitors"]) == 276
    fake = {m["id"]: m for m in listing}
    for row in document["monitors"]:
        monitor = fake[row["id"]]
        assert (row["name"], row["query"], row["tags"], row["priority"], row["message"]) == \
               (monitor["name"], monitor["query"], monitor["tags"], monitor["priority"], monitor["message"])
        assert row["options"] == monitor["options"]


def test_filters_keep_what_was_asked_for(org, exported, tmp_path):
    listing = exported["listing"]
    run = opsdaily(org, "monitors", "export", "--tag", "team:argos", "--priority", "1", "--priority", "2",
                   "--out", str(tmp_path / "f.json"), "--quiet")
    assert run.returncode == 0, run.stderr
    ids = [row["id"] for row in json.loads((tmp_path / "f.json").read_text())["monitors"]]
    wanted = sorted(m["id"] for m in listing if "team:argos" in m["tags"] and m["priority"] in (1, 2))
    assert ids == wanted and len(ids) == 44


def test_rate_limits_are_waited_out(org, exported, tmp_path):
    fault = {"status": 429, "count": 2, "path_prefix": "/api/v1/monitor", "method": "GET", "reset": 1}
    assert org["fake"].request("POST", "/_fake/faults", body=fault).status == 200
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "r.json"), "--quiet")
    assert run.returncode == 0, run.stderr
    assert json.loads((tmp_path / "r.json").read_text())["total"] == 276


def test_datadogs_own_key_variables_are_the_last_fallback(org, tmp_path):
    no_keys = {k: v for k, v in org["environment"].items() if not k.endswith("_KEY")}
    datadogs = {**no_keys, "DD_API_KEY": API_KEY, "DD_APP_KEY": APP_KEY}
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "dd.json"), "--quiet", environment=datadogs)
    assert run.returncode == 0, run.stderr
    assert json.loads((tmp_path / "dd.json").read_text())["total"] == 276
    # Ours win as a pair: a wrong key of ours is used (and refused by Datadog), never completed from DD_*.
    mixed = {**datadogs, "OPS_DATADOG_APP_KEY": "wrong", "OPS_DATADOG_API_KEY": API_KEY}
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "mixed.json"), environment=mixed)
    assert run.returncode == 1 and "403" in run.stderr


def test_usage_errors_and_refusals(org, tmp_path):
    assert opsdaily(org, "monitors", "export", "--priority", "9").returncode == 2
    assert opsdaily(org, "monitors", "export", "--out", str(tmp_path / "m.txt")).returncode == 2
    assert opsdaily(org, "monitors", "export", "--tag", "a b").returncode == 2
    no_keys = {k: v for k, v in org["environment"].items() if not k.endswith("_KEY")}
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "x.json"), environment=no_keys)
    assert run.returncode == 2 and "no Datadog keys" in run.stderr
    half = {**no_keys, "DD_API_KEY": API_KEY}
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "x.json"), environment=half)
    assert run.returncode == 2 and "no Datadog keys" in run.stderr
    wrong = {**org["environment"], "OPS_DATADOG_APP_KEY": "wrong"}
    run = opsdaily(org, "monitors", "export", "--out", str(tmp_path / "x.json"), environment=wrong)
    assert run.returncode == 1 and "403" in run.stderr
    assert not (tmp_path / "x.json").exists()


# --- drift ------------------------------------------------------------------------------------------

def drift(org):
    run = opsdaily(org, "monitors", "drift", "--output", "json")
    assert run.stdout.strip(), run.stderr
    return run.returncode, json.loads(run.stdout)


def test_an_org_as_the_catalogue_makes_it_has_no_drift(org):
    load_org(org, as_terraform_makes_it(CATALOGUE))
    status, report = drift(org)
    assert (status, report["drift"], report["findings"]) == (0, False, [])
    assert (report["catalogue_monitors"], report["team_monitors"]) == (79, 79)
    text = opsdaily(org, "monitors", "drift")
    assert text.returncode == 0 and "no drift" in text.stdout


def test_exactly_the_six_differences_are_found(org):
    entries = as_terraform_makes_it(CATALOGUE)
    missing = entries.pop(5)
    threshold = entries[12]
    threshold["thresholds"] = {**threshold["thresholds"], "critical": threshold["thresholds"]["critical"] + 7}
    priority = entries[30]
    priority["priority"] = 5 if priority["priority"] != 5 else 4
    silent = entries[40]
    silent["message"] = silent["message"].replace(WEBHOOK, "@slack-somewhere-else")
    made_in_ui = [{"key": f"UI-MADE-0{n}", "priority": 3, "tower": "DB", "title": f"made in the UI {n}", "type": "query alert",
                   "query": f"avg(last_5m):avg:aws.rds.cpuutilization{{*}} > {80 + n}", "message": f"ui {n} {WEBHOOK}"}
                  for n in (1, 2)]
    load_org(org, entries + made_in_ui)
    status, report = drift(org)
    assert status == 3
    found = sorted((f["kind"], f["key"]) for f in report["findings"])
    assert found == sorted([("missing", missing["key"]), ("unmanaged", "UI-MADE-01"), ("unmanaged", "UI-MADE-02"),
                            ("changed", threshold["key"]), ("changed", priority["key"]), ("not-notifying", silent["key"])])
    changed = {f["key"]: [d["field"] for d in f["differences"]] for f in report["findings"] if f["kind"] == "changed"}
    assert changed[threshold["key"]] == ["thresholds.critical"]
    # The fake names a monitor from its priority, as the module does: the name moves with it.
    assert changed[priority["key"]] == ["name", "priority"]
    assert report["counts"] == {"missing": 1, "unmanaged": 2, "changed": 2, "not-notifying": 1}
    text = opsdaily(org, "monitors", "drift")
    assert text.returncode == 3
    assert "drift: 6 findings (1 missing, 2 unmanaged, 2 changed, 1 not-notifying)" in text.stdout
    print(f"\ndrift: {found}")


# --- dashboards -------------------------------------------------------------------------------------

def test_pull_writes_a_dashboard_as_the_committed_file(org, tmp_path):
    committed = DASHBOARDS / "eks.json"
    body = json.loads(committed.read_text())
    # What a UI export carries and the files do not: computed fields and widget ids.
    body.update(id="zzz-zzz-zzz", author_handle="someone@example.com", created_at="2020-01-01T00:00:00+00:00", url="/x")
    for number, (_, widget) in enumerate(oracle.iter_widgets(body["widgets"])):
        widget["id"] = 4_000_000_000_000 + number
    created = org["fake"].request("POST", "/api/v1/dashboard", body=body, headers=KEYS)
    assert created.status == 200, created.body
    dashboard_id = created.json()["id"]
    answered = org["fake"].api(f"/api/v1/dashboard/{dashboard_id}").body.decode()
    assert '"author_handle"' in answered and '"created_at"' in answered

    out = tmp_path / "eks.json"
    run = opsdaily(org, "dashboards", "pull", dashboard_id, "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == committed.read_bytes()
    assert oracle.normalised_text(answered).encode() == committed.read_bytes()
    run = opsdaily(org, "dashboards", "pull", dashboard_id)
    assert run.returncode == 0 and run.stdout.encode() == committed.read_bytes()
    missing = opsdaily(org, "dashboards", "pull", "abc-abc-abc")
    assert missing.returncode == 1 and "404" in missing.stderr
    assert opsdaily(org, "dashboards", "pull", "../etc").returncode == 2


def test_check_finds_no_error_and_counts_the_widgets_as_python_does(org, tmp_path):
    run = opsdaily(org, "dashboards", "check", "--output", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    reports = json.loads(run.stdout)
    files = sorted(DASHBOARDS.glob("*.json"))
    assert [Path(r["file"]).name for r in reports] == [f.name for f in files]
    for report, path in zip(reports, files):
        document = oracle.parse(path.read_text(encoding="utf-8"))
        assert (report["widgets"], report["groups"]) == oracle.count_widgets(document), path.name
        assert report["template_variables"] == oracle.template_variable_names(document)
        assert report["errors"] == []
    print("\ndashboards: " + ", ".join(f"{Path(r['file']).stem} {r['widgets']}" for r in reports)
          + f"; {sum(r['widgets'] for r in reports)} widgets, 0 errors")
    text = opsdaily(org, "dashboards", "check")
    assert text.returncode == 0 and text.stdout.strip().endswith(f"{len(files)} files, {sum(r['widgets'] for r in reports)} widgets, 0 errors")

    broken = tmp_path / "broken.json"
    document = json.loads((DASHBOARDS / "sqs.json").read_text())
    query = document["widgets"][0]["definition"]["widgets"][0]["definition"]["requests"][0]["queries"][0]
    query["query"] = query["query"].replace("$queuename", "$queuename,$nowhere")
    broken.write_text(oracle.render(document))
    run = opsdaily(org, "dashboards", "check", str(broken))
    assert run.returncode == 1 and "unknown template variable $nowhere" in run.stdout
