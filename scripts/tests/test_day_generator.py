"""The emulation's day (scripts/lib/day_generator.py) and the figures it expects notification to report."""

import json
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
import day_generator  # noqa: E402
from day_generator import FLAP_KEY, digest, expectations, generate  # noqa: E402

SLOT = datetime(2026, 11, 25, 0, 0, tzinfo=timezone.utc)  # 09:00 in Asia/Seoul
TEMPLATE = json.loads((day_generator.REPO / "terraform/datadog/webhook-payload.json").read_text())


def ms(moment):
    return int(moment.timestamp() * 1000)


@pytest.fixture(scope="module")
def day():
    return generate(170, 1, SLOT)


@pytest.fixture(scope="module")
def events(day):
    return day[0]


def bodies(events, kinds=None):
    return [json.loads(e["body"]) for e in events
            if e["kind"] != "malformed" and (kinds is None or e["kind"] in kinds)]


def test_same_seed_same_day_and_another_seed_another():
    first, _ = generate(60, 7, SLOT)
    again, _ = generate(60, 7, SLOT)
    other, _ = generate(60, 8, SLOT)
    assert first == again
    assert [e["body"] for e in first] != [e["body"] for e in other]


@pytest.mark.parametrize("total", [20, 40, 170, 500])
def test_exactly_the_deliveries_asked_for(total):
    events, _ = generate(total, 3, SLOT)
    outcomes = Counter(e["outcome"] for e in events)
    assert len(events) == total
    assert outcomes["rejected-401"] == 1 and outcomes["rejected-400"] == 1
    assert outcomes["duplicate"] >= 3
    assert sum(e["kind"] == "test" for e in events) == 2
    assert [e["seq"] for e in events] == list(range(1, total + 1))


def test_too_few_deliveries_to_hold_every_kind():
    with pytest.raises(ValueError):
        generate(19, 1, SLOT)


def test_every_delivery_falls_in_the_24_hours_before_the_slot_in_sending_order(events):
    assert all(ms(SLOT - timedelta(hours=24)) <= e["at"] < ms(SLOT) for e in events)
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)
    dates = [int(b["date"]) for b in bodies(events)]
    assert all(ms(SLOT - timedelta(hours=24)) <= d < ms(SLOT) for d in dates)


def test_the_day_crosses_local_midnight_and_the_previous_slot(events):
    midnight = ms(SLOT - timedelta(hours=9))  # 00:00 in Seoul is 15:00 UTC
    previous_slot = ms(SLOT - timedelta(hours=13))  # 20:00 the evening before
    dates = [int(b["date"]) for b in bodies(events)]
    for boundary in (midnight, previous_slot):
        assert any(boundary - 600_000 <= d < boundary for d in dates)
        assert any(boundary <= d < boundary + 600_000 for d in dates)
    assert any(d < previous_slot for d in dates) and any(d >= midnight for d in dates)


def test_bodies_carry_exactly_the_template_fields_as_strings(events):
    for body in bodies(events):
        assert list(body) == list(TEMPLATE)
        assert all(isinstance(value, str) for value in body.values())
        assert len(body["id"]) == 19 and body["id"].isdigit()
        assert not any(value.startswith("$") for value in body.values())


def test_stored_ids_are_unique_and_redeliveries_repeat_one(events):
    stored = [json.loads(e["body"])["id"] for e in events if e["outcome"] == "stored"]
    assert len(stored) == len(set(stored))
    for event in events:
        if event["outcome"] in ("duplicate", "rejected-401"):
            assert json.loads(event["body"])["id"] in stored


def test_one_monitor_flaps_every_five_minutes(events):
    flaps = [e for e in events if e["kind"] == "flapping"]
    assert len(flaps) >= 0.25 * len(events)
    assert {json.loads(e["body"])["tags"].split("monitor:")[1].split(",")[0] for e in flaps} == {FLAP_KEY}
    assert [e["transition"] for e in flaps[:4]] == ["Triggered", "Recovered", "Triggered", "Recovered"]
    assert {b["at"] - a["at"] for a, b in zip(flaps, flaps[1:])} == {300_000}


def test_a_mix_like_the_2023_days(events):
    real = [b for b in bodies(events, {"episode", "flapping", "open"})]
    transitions = Counter(b["transition"] for b in real)
    recovered = transitions["Recovered"] / len(real)
    assert 0.35 <= recovered <= 0.6
    assert transitions["Warn"] and transitions["No Data"] and transitions["Re-Triggered"]
    priorities = Counter(b["priority"] for b in real)
    assert priorities.most_common(1)[0][0] == "P2"
    assert all(b["alert_title"].startswith("[TEST] ") for b in bodies(events, {"test"}))
    malformed = [e for e in events if e["kind"] == "malformed"]
    with pytest.raises(json.JSONDecodeError):
        json.loads(malformed[0]["body"])


def test_expectations_of_the_default_day(day):
    events, built = day
    expected = expectations(events, built)
    assert expected["sent"] == 170
    assert expected["stored"] == expected["byOutcome"]["stored"] == 170 - 2 - expected["byOutcome"]["duplicate"]
    assert expected["windowStart"] == "2026-11-24T11:00:00Z" and expected["windowEnd"] == "2026-11-25T00:00:00Z"
    assert expected["testNotifications"] == 2
    assert expected["openEpisodes"] >= 6 and expected["flapping"] >= 1
    assert expected["dayAlerts"] < expected["alerts"] < expected["stored"]


def alert(at, transition, monitor="1", cycle="", title="[P2][DB] x", scope="db:a", event_id=None):
    return {"_at": at, "transition": transition, "monitor_id": monitor, "alert_cycle_key": cycle,
            "alert_title": title, "scope": scope, "id": event_id or f"{at:019d}"}


def test_digest_counts_as_opscore_does():
    alerts = [
        alert(5, "Recovered", cycle="c0"),  # its trigger was before the window: no episode
        alert(10, "Triggered", cycle="c1"), alert(20, "Re-Triggered", cycle="c1"), alert(30, "Recovered", cycle="c1"),
        alert(40, "Warn", monitor="2", scope="h:1"), alert(45, "Triggered", monitor="2", scope="h:1"),
        alert(50, "Triggered", monitor="3", title="[TEST] [P1] y"),
        alert(60, "Triggered", cycle="c2"),  # monitor 1's fourth change: recovered, triggered, recovered, triggered
        alert(1000, "Triggered", cycle="c9"),  # after the window
    ]
    figures = digest(alerts, 0, 1000)
    assert figures == {"alerts": 7, "testNotifications": 1, "episodes": 3, "openEpisodes": 2, "flapping": 1}


def test_the_trouble_open_at_the_slot_is_the_fake_datadogs(day):
    events, built = day
    opened = {(b["tags"].split("monitor:")[1].split(",")[0], b["scope"], int(b["date"]))
              for b in bodies(events, {"open"}) if not b["transition"].startswith("Re-")}
    scenario = built.scenario["monitors"]
    cpu = scenario["SYSTEM-EC2-CPU-High-01"]
    assert cpu["since"] == "2026-11-24T21:50:00Z"  # "-2h10m" counted back from the slot, not from now
    assert cpu["groups"]["host:ip-10-0-2-40"]["since"] == "2026-11-24T23:25:00Z"
    assert scenario["Network-DX-Down-01"]["muted"]["end"] == "+3h"  # the downtime must cover the check
    assert ("SYSTEM-EC2-CPU-High-01", "host:ip-10-0-1-12", ms(SLOT - timedelta(hours=2, minutes=10))) in opened
    assert ("SYSTEM-EC2-CPU-High-01", "host:ip-10-0-2-40", ms(SLOT - timedelta(minutes=35))) in opened
    for key in ("DB-MySQL-CPU-TooHigh-01", "CSP-MSK-ConsumerLag-01", "Network-DX-Down-01"):
        [group] = scenario[key]["groups"]
        assert any(k == key and s == group for k, s, _ in opened)
    # No Data for days: it started before the day, so no opening delivery belongs to it.
    assert not any(k == "Network-TGW-PacketDrop-01" for k, _, _ in opened)
