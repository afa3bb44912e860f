"""GET /api/v1/monitor: paging, filters, group states, and the shape of each monitor."""

import json
import re

import pytest

from fakeproc import SMALL_CATALOGUE, by_key

CATALOGUE = json.loads(SMALL_CATALOGUE.read_text())["monitors"]
NOISE = 185


def listing(dd, **query):
    reply = dd.api("/api/v1/monitor", query=query)
    assert reply.status == 200, reply.text
    return reply.json()


def test_without_page_every_monitor_comes_at_once(dd):
    monitors = listing(dd)
    assert len(monitors) == len(CATALOGUE) + NOISE
    ids = [m["id"] for m in monitors]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[1-9][0-9]{8}", str(i)) for i in ids)


def test_pages_cover_every_monitor_exactly_once(dd):
    everything = {m["id"] for m in listing(dd)}
    seen, page = [], 0
    while True:
        batch = listing(dd, page=page, page_size=50)
        if not batch:
            break
        assert len(batch) <= 50
        seen += [m["id"] for m in batch]
        page += 1
    assert page >= 3
    assert len(seen) == len(set(seen))
    assert set(seen) == everything


def test_page_size_defaults_to_100_when_page_is_given(dd):
    assert len(listing(dd, page=0)) == 100
    assert len(listing(dd, page=2)) == len(CATALOGUE) + NOISE - 200
    # Without `page`, `page_size` alone does not paginate.
    assert len(listing(dd, page_size=10)) == len(CATALOGUE) + NOISE


def test_id_offset_pages_by_last_id(dd):
    everything = [m["id"] for m in listing(dd)]
    seen, offset = [], 0
    while batch := listing(dd, id_offset=offset, page=0, page_size=64):
        seen += [m["id"] for m in batch]
        offset = batch[-1]["id"]
    assert seen == everything


@pytest.mark.parametrize("query", [
    {"page": "-1"}, {"page": "one"}, {"page": "0", "page_size": "1001"}, {"page": "0", "page_size": "0"},
    {"id_offset": "x"}, {"with_downtimes": "maybe"},
])
def test_bad_parameters_are_400(dd, query):
    reply = dd.api("/api/v1/monitor", query=query)
    assert reply.status == 400
    assert isinstance(reply.json()["errors"][0], str)


def test_page_size_1000_is_allowed(dd):
    assert len(listing(dd, page=0, page_size=1000)) == len(CATALOGUE) + NOISE


def test_monitor_tags_must_all_match(dd):
    team = listing(dd, monitor_tags="team:argos")
    assert len(team) == len(CATALOGUE)
    rds = listing(dd, monitor_tags="team:argos,service:rds")
    assert sorted(by_key(rds)) == ["DB-MariaDB-CPU-TooHigh-01", "DB-MySQL-CPU-TooHigh-01"]
    assert len(rds) == 3
    assert listing(dd, monitor_tags="team:argos,service:nope") == []
    noise = listing(dd, monitor_tags="team:service-red-team")
    assert len(noise) == NOISE
    assert sum(m["priority"] == 1 for m in noise) > NOISE * 0.7
    assert {m["type"] for m in noise} == {"process alert"}


def test_name_filter_is_a_case_insensitive_substring(dd):
    found = listing(dd, name="direct connect")
    assert [m["name"] for m in found] == ["[P1][Network] Direct Connect connection down"]


def test_scope_tags_match_query_scope_and_groups(dd):
    by_group = by_key(listing(dd, tags="host:ip-10-0-1-12"))
    assert "SYSTEM-EC2-CPU-High-01" in by_group
    by_query = by_key(listing(dd, tags="dbinstanceidentifier:argos-maria-02"))
    assert list(by_query) == ["DB-MariaDB-CPU-TooHigh-01"]


def test_names_priorities_and_tags_follow_the_catalogue(dd):
    monitors = by_key(listing(dd, monitor_tags="team:argos"))
    for entry in CATALOGUE:
        candidates = monitors[entry["key"]]
        monitor = next(m for m in candidates if m["query"] == entry["query"])
        assert monitor["name"] == f"[P{entry['priority']}][{entry['tower']}] {entry['title']}"
        assert monitor["priority"] == entry["priority"]
        assert monitor["type"] == entry["type"]
        assert monitor["tags"][:2] == ["team:argos", f"monitor:{entry['key']}"]
        assert set(entry["tags"]) <= set(monitor["tags"])
        assert monitor["options"]["thresholds"] == entry["thresholds"]
        assert monitor["multi"] == entry["multi"]
    # One key stands twice in the real catalogue: two monitors, two ids.
    assert len({m["id"] for m in monitors["DB-MariaDB-CPU-TooHigh-01"]}) == 2


def test_ids_are_stable_across_reloads(dd):
    before = {m["id"]: m["name"] for m in listing(dd)}
    assert dd.request("POST", "/_fake/scenario", body={"monitors": {}}).status == 200
    assert {m["id"]: m["name"] for m in listing(dd)} == before


def test_state_groups_only_when_asked(dd):
    plain = by_key(listing(dd, monitor_tags="team:argos"))
    assert all("state" not in m for ms in plain.values() for m in ms)
    assert all("matching_downtimes" not in m for ms in plain.values() for m in ms)
    everything = by_key(listing(dd, monitor_tags="team:argos", group_states="all"))
    pods = everything["Container-EKS-Pods-Abnormal-01"][0]["state"]["groups"]
    assert {name: g["status"] for name, g in pods.items()} == {
        "kube_namespace:argos-batch": "Alert", "kube_namespace:argos-api": "OK",
        "kube_namespace:argos-web": "Warn"}
    for name, group in pods.items():
        assert group["name"] == name
        assert set(group) == {"name", "status", "last_triggered_ts", "last_nodata_ts",
                              "last_notified_ts", "last_resolved_ts"}
    simple = everything["DB-MySQL-CPU-TooHigh-01"][0]["state"]["groups"]
    assert list(simple) == ["*"]


def test_group_states_filter_the_groups_shown(dd):
    alerting = by_key(listing(dd, monitor_tags="team:argos", group_states="alert"))
    pods = alerting["Container-EKS-Pods-Abnormal-01"][0]["state"]["groups"]
    assert list(pods) == ["kube_namespace:argos-batch"]
    bad = by_key(listing(dd, monitor_tags="team:argos", group_states="alert,warn,no data"))
    pods = bad["Container-EKS-Pods-Abnormal-01"][0]["state"]["groups"]
    assert sorted(g["status"] for g in pods.values()) == ["Alert", "Warn"]
    job = bad["Container-EKS-JOB-Fail-01"][0]["state"]["groups"]
    assert [g["status"] for g in job.values()] == ["No Data"]
    assert bad["SYSTEM-EC2-MEM-High-01"][0]["state"]["groups"] == {}


def test_timestamps_look_like_the_real_api(dd):
    monitor = listing(dd, monitor_tags="monitor:SYSTEM-EC2-CPU-High-01")[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", monitor["overall_state_modified"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00", monitor["created"])
    assert monitor["created"] <= monitor["modified"]
    assert isinstance(monitor["created_at"], int)
