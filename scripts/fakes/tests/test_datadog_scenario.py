"""Scenario states: the default mix, muting, deleted monitors, errors, runtime replacement."""

import json
from collections import Counter
from pathlib import Path

import pytest

from fakeproc import DATA, FAKES, by_key, start_datadog

DEFAULT_SCENARIO = json.loads((FAKES / "datadog-scenario.json").read_text())
REAL_CATALOGUE = FAKES.parents[1] / "terraform/datadog/monitors.json"


def team_monitors(dd, **query):
    reply = dd.api("/api/v1/monitor", query={"monitor_tags": "team:argos", **query})
    assert reply.status == 200
    return by_key(reply.json())


def only(monitors, key):
    [monitor] = monitors[key]
    return monitor


def test_default_scenario_gives_a_realistic_mix(dd):
    monitors = [m for ms in team_monitors(dd).values() for m in ms if m["priority"] in (1, 2)]
    states = Counter(m["overall_state"] for m in monitors)
    assert states == {"OK": 7, "Alert": 3, "No Data": 3, "Warn": 1}
    assert dd.stderr().count("warning") == 0


def test_default_scenario_keys_exist_in_the_test_catalogue():
    catalogue = {m["key"] for m in json.loads((DATA / "catalogue-small.json").read_text())["monitors"]}
    assert set(DEFAULT_SCENARIO["monitors"]) <= catalogue


@pytest.mark.skipif(not REAL_CATALOGUE.exists(), reason="terraform/datadog/monitors.json not merged yet")
def test_default_scenario_keys_exist_in_the_real_catalogue():
    catalogue = json.loads(REAL_CATALOGUE.read_text())["monitors"]
    keys = {m["key"] for m in catalogue}
    assert set(DEFAULT_SCENARIO["monitors"]) <= keys
    assert {m["key"] for m in catalogue if m["priority"] in (1, 2)} >= set(DEFAULT_SCENARIO["monitors"])


def test_deleted_between_listing_and_detail(dd):
    monitor = only(team_monitors(dd), "Service-EKS-FullGC-01")
    reply = dd.api(f"/api/v1/monitor/{monitor['id']}")
    assert (reply.status, reply.json()) == (404, {"errors": ["Monitor not found"]})


def test_detail_matches_the_listing(dd):
    listed = only(team_monitors(dd, group_states="all"), "SYSTEM-EC2-CPU-High-01")
    reply = dd.api(f"/api/v1/monitor/{listed['id']}", query={"group_states": "all"})
    assert reply.status == 200
    assert reply.json() == listed
    assert "state" not in dd.api(f"/api/v1/monitor/{listed['id']}").json()


@pytest.mark.parametrize("monitor_id, status", [("999999999", 404), ("0", 404), ("abc", 400),
                                                 ("12.5", 400), ("-5", 400)])
def test_unknown_and_malformed_ids(dd, monitor_id, status):
    reply = dd.api(f"/api/v1/monitor/{monitor_id}")
    assert reply.status == status
    assert len(reply.json()["errors"]) == 1


def test_muted_monitor_keeps_its_underlying_state(dd):
    monitor = only(team_monitors(dd, with_downtimes="true"), "Network-DX-Down-01")
    assert monitor["overall_state"] == "Alert"
    [(scope, end)] = monitor["options"]["silenced"].items()
    assert scope == "*" and isinstance(end, int)
    [downtime] = monitor["matching_downtimes"]
    assert downtime["active"] is True
    assert downtime["scope"] == ["*"]
    assert downtime["start"] < end == downtime["end"]
    others = team_monitors(dd, with_downtimes="true")
    assert only(others, "SYSTEM-EC2-MEM-High-01")["matching_downtimes"] == []
    assert only(others, "SYSTEM-EC2-MEM-High-01")["options"]["silenced"] == {}


def test_scenario_replacement_at_runtime(dd):
    scenario = {"monitors": {
        "SYSTEM-EC2-MEM-High-01": {"state": "Alert", "since": "2026-11-24T21:14:00Z",
                                   "groups": {"host:ip-10-0-1-12": "Alert", "host:ip-10-0-1-13": "OK"}},
        "CSP-SQS-QUEUE-Congestion-01": {"state": "OK", "muted": True},
        "Container-EKS-JOB-Fail-01": {"error_status": 500},
    }}
    reply = dd.request("POST", "/_fake/scenario", body=scenario)
    assert (reply.status, reply.json()) == (200, {"overrides": 3, "warnings": []})
    monitors = team_monitors(dd, group_states="all", with_downtimes="true")
    memory = only(monitors, "SYSTEM-EC2-MEM-High-01")
    assert memory["overall_state"] == "Alert"
    assert memory["overall_state_modified"] == "2026-11-24T21:14:00+00:00"
    groups = memory["state"]["groups"]
    assert groups["host:ip-10-0-1-12"]["last_triggered_ts"] == 1795554840
    assert groups["host:ip-10-0-1-13"]["status"] == "OK"
    assert only(monitors, "CSP-SQS-QUEUE-Congestion-01")["options"]["silenced"] == {"*": None}
    # What the old scenario set is gone.
    assert only(monitors, "SYSTEM-EC2-CPU-High-01")["overall_state"] == "OK"
    job = only(monitors, "Container-EKS-JOB-Fail-01")
    failing = dd.api(f"/api/v1/monitor/{job['id']}")
    assert (failing.status, failing.json()) == (500, {"errors": ["Internal Server Error"]})


def test_overall_state_follows_the_worst_group(dd):
    scenario = {"monitors": {"SYSTEM-EC2-MEM-High-01": {"groups": {"host:a": "OK", "host:b": "No Data",
                                                                   "host:c": "Warn"}}}}
    assert dd.request("POST", "/_fake/scenario", body=scenario).status == 200
    assert only(team_monitors(dd), "SYSTEM-EC2-MEM-High-01")["overall_state"] == "Warn"


@pytest.mark.parametrize("scenario", [
    {"monitors": {"SYSTEM-EC2-MEM-High-01": {"state": "Broken"}}},
    {"monitors": {"SYSTEM-EC2-MEM-High-01": {"since": "yesterday"}}},
    {"monitors": {"SYSTEM-EC2-MEM-High-01": {"since": "2026-11-24T21:14:00"}}},
    {"monitors": {"SYSTEM-EC2-MEM-High-01": {"stat": "Alert"}}},
    {"monitors": {"SYSTEM-EC2-MEM-High-01": {"error_status": 200}}},
    {"monitors": {"SYSTEM-EC2-MEM-High-01": {"muted": "yes"}}},
    {"monitors": []},
    {"monitor": {}},
    [],
])
def test_a_bad_scenario_is_refused_and_the_old_one_stays(dd, scenario):
    reply = dd.request("POST", "/_fake/scenario", body=scenario)
    assert reply.status == 400
    assert reply.json()["errors"][0]
    assert only(team_monitors(dd), "SYSTEM-EC2-CPU-High-01")["overall_state"] == "Alert"


def test_unknown_scenario_keys_are_warned_about_and_ignored(dd):
    scenario = {"monitors": {"NOT-IN-CATALOGUE-01": {"state": "Alert"},
                             "SYSTEM-EC2-MEM-High-01": {"state": "Warn"}}}
    reply = dd.request("POST", "/_fake/scenario", body=scenario)
    assert reply.status == 200
    assert reply.json()["warnings"] == ["scenario key 'NOT-IN-CATALOGUE-01' is not in the catalogue; ignored"]
    assert "NOT-IN-CATALOGUE-01" in dd.stderr()
    assert only(team_monitors(dd), "SYSTEM-EC2-MEM-High-01")["overall_state"] == "Warn"


def test_start_up_with_unknown_keys_warns_and_serves(tmp_path: Path):
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps({"monitors": {"GONE-01": {"state": "Alert"}}}))
    with start_datadog(tmp_path, "--scenario", str(scenario), "--extra-monitors", "0") as fake:
        assert "GONE-01" in fake.stderr()
        reply = fake.api("/api/v1/monitor")
        assert reply.status == 200
        assert {m["overall_state"] for m in reply.json()} == {"OK"}


def test_start_up_refuses_a_missing_catalogue(tmp_path: Path):
    with pytest.raises(RuntimeError, match="cannot read catalogue"):
        start_datadog(tmp_path, catalogue=tmp_path / "absent.json")
