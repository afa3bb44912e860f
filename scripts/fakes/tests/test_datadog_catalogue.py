"""Replacing and generating the catalogue at runtime (scale tests)."""

import json
from collections import Counter

import pytest

from fakeproc import SMALL_CATALOGUE


def all_pages(dd, page_size, **query):
    monitors, page = [], 0
    while True:
        reply = dd.api("/api/v1/monitor", query={"page": page, "page_size": page_size, **query})
        assert reply.status == 200
        if not reply.json():
            return monitors, page
        monitors += reply.json()
        page += 1


def test_a_thousand_generated_monitors(dd):
    reply = dd.request("POST", "/_fake/monitors", body={"generate": 1000, "extra_monitors": 0})
    assert reply.status == 200
    assert reply.json()["monitors"] == 1000
    monitors, pages = all_pages(dd, 300, monitor_tags="team:argos", group_states="all")
    assert pages == 4
    ids = [m["id"] for m in monitors]
    assert len(ids) == len(set(ids)) == 1000
    priorities = Counter(m["priority"] for m in monitors)
    assert set(priorities) == {1, 2, 3, 4, 5}
    # The default mix follows the real catalogue: P2 the largest share, P4 the smallest.
    assert priorities.most_common(1)[0][0] == 2
    assert min(priorities, key=priorities.get) == 4
    assert all(m["state"]["groups"] for m in monitors)


def test_generation_is_deterministic_and_takes_a_priority_mix(dd):
    body = {"generate": 200, "priority_mix": {"1": 1, "2": 1}, "extra_monitors": 0}
    dd.request("POST", "/_fake/monitors", body=body)
    first = dd.api("/api/v1/monitor").json()
    dd.request("POST", "/_fake/monitors", body=body)
    assert dd.api("/api/v1/monitor").json() == first
    assert {m["priority"] for m in first} == {1, 2}


def test_noise_count_can_change(dd):
    dd.request("POST", "/_fake/monitors", body={"generate": 10, "extra_monitors": 1000})
    assert len(dd.api("/api/v1/monitor").json()) == 1010
    assert len(dd.api("/api/v1/monitor", query={"monitor_tags": "team:argos"}).json()) == 10


def test_an_explicit_catalogue_replaces_the_old_one(dd):
    catalogue = json.loads(SMALL_CATALOGUE.read_text())
    catalogue["monitors"] = catalogue["monitors"][:2]
    reply = dd.request("POST", "/_fake/monitors", body=catalogue)
    assert reply.status == 200
    # The scenario stays; its keys no longer in the catalogue are reported, not fatal.
    assert reply.json()["catalogue"] == 2
    assert any("Network-DX-Down-01" in w for w in reply.json()["warnings"])
    monitors = dd.api("/api/v1/monitor", query={"monitor_tags": "team:argos"}).json()
    assert [m["overall_state"] for m in monitors if "monitor:SYSTEM-EC2-CPU-High-01" in m["tags"]] == ["Alert"]
    assert len(monitors) == 2


def test_an_entry_may_name_another_team_or_none(dd):
    entry = {"priority": 3, "tower": "DB", "title": "t", "type": "query alert", "query": "q"}
    body = {"monitors": [{**entry, "key": "MINE"}, {**entry, "key": "THEIRS", "team": "payments"},
                         {**entry, "key": "NOBODYS", "team": None}], "extra_monitors": 0}
    assert dd.request("POST", "/_fake/monitors", body=body).status == 200
    tags = {m["tags"][-1]: m["tags"] for m in dd.api("/api/v1/monitor").json()}
    assert tags == {"monitor:MINE": ["team:argos", "monitor:MINE"], "monitor:THEIRS": ["team:payments", "monitor:THEIRS"],
                    "monitor:NOBODYS": ["monitor:NOBODYS"]}
    bad = {"monitors": [{**entry, "key": "X", "team": 7}]}
    assert dd.request("POST", "/_fake/monitors", body=bad).status == 400


def test_reset_restores_the_start_up_catalogue(dd):
    before = dd.api("/api/v1/monitor").json()
    dd.request("POST", "/_fake/monitors", body={"generate": 5, "extra_monitors": 0})
    dd.request("POST", "/_fake/reset")
    assert dd.api("/api/v1/monitor").json() == before


@pytest.mark.parametrize("body", [
    {"generate": -1}, {"generate": "many"}, {"generate": 10, "priority_mix": {"7": 1}},
    {"generate": 10, "priority_mix": {"1": 0}}, {"generate": 10, "priority_mix": {"1": [2]}},
    {"generate": 10, "priority_mix": [1, 2]}, {"generate": 10, "seed": "s"}, {"monitors": [{"key": "X"}]},
    {"monitors": [{"key": "X", "priority": 9, "tower": "DB", "title": "t", "type": "query alert", "query": "q"}]},
    {"monitors": [{"key": "X", "priority": 1, "tower": "DB", "title": "t", "type": "bogus", "query": "q"}]},
    {"monitors": "none"}, {"extra_monitors": -3, "generate": 1}, [],
])
def test_a_bad_catalogue_is_refused_and_the_old_one_stays(dd, body):
    before = dd.api("/api/v1/monitor").json()
    reply = dd.request("POST", "/_fake/monitors", body=body)
    assert reply.status == 400
    assert reply.json()["errors"][0]
    assert dd.api("/api/v1/monitor").json() == before


def test_a_catalogue_generated_again_a_second_later_lists_the_same(monkeypatch):
    # In process, with the clock moved on between the two posts: the race the HTTP test above can only hit by chance.
    import ddfake.org as org_module
    from ddfake.generate import generated_catalogue

    org = org_module.Org("argos", [], {"monitors": {}}, 0)
    entries = generated_catalogue(20)
    first = org.replace_catalogue(entries, 0)
    later = org_module.time.time() + 5
    monkeypatch.setattr(org_module.time, "time", lambda: later)
    second = org.replace_catalogue(entries, 0)
    listing = lambda snapshot: [snapshot.renderer.monitor(d) for d in snapshot.definitions]
    assert listing(second) == listing(first)
    assert listing(first)[0]["created"]
