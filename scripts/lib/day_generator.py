#!/usr/bin/env python3
"""A realistic day of Datadog webhook deliveries for the emulation (SPEC §12), deterministic per seed.

The 24 hours before a morning check slot, as the 2023 system saw them (seed-system §10): about 170
notifications, roughly half triggers and half recoveries, dominated by P2/P3; one monitor flapping
Triggered/Recovered every 5 minutes for hours; trouble still open at the slot on the monitors the fake
Datadog's default scenario shows as not OK (so the alerts and the check tell one story); warn and no-data
transitions; `[TEST]` notifications; redeliveries of a `$ID` already sent; one delivery with a wrong
token; one body that is not JSON. Monitors, ids, names and priorities come from the Terraform catalogue
with the ids the fake Datadog gives them; bodies carry exactly the fields of the webhook payload template.

Writes one JSON object per delivery, in sending order:
  {"seq", "at" (epoch ms of $DATE), "kind", "outcome": stored|duplicate|rejected-401|rejected-400,
   "status" (HTTP), "token_ok", "body" (the request body as sent)}
and, with --expect, the figures notification must report for the slot (see `expectations`).
"""
import argparse
import hashlib
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts/fakes"))
from ddfake.catalogue import build_definitions, load_catalogue_file  # noqa: E402
from ddfake.scenario import parse_time  # noqa: E402

FLAP_KEY = "Container-EKS-ALB-2XX-01"
FLAP_PERIOD = timedelta(minutes=5)
# Realistic values of the group-by tags the catalogue's queries use; other tags get `<tag>-argos-prd`.
TAG_VALUES = {
    "host": ["ip-10-0-1-12", "ip-10-0-1-13", "ip-10-0-2-40", "ip-10-0-3-7", "ip-10-0-4-21"],
    "dbinstanceidentifier": ["argos-prd-1", "argos-prd-2", "mariadb01", "mariadb02", "icp-prd-1"],
    "kube_cluster_name": ["argos-prd-eks"],
    "kube_namespace": ["argos-api", "argos-batch", "argos-web"],
    "pod_name": ["api-7d9f8-x2kqp", "web-5c6b4-q8zt1", "batch-4f1a2-m3nw9", "gateway-66d9c-p0d7r"],
    "loadbalancer": ["app/argos-prd-alb/6d1e2f3a4b5c6d7e", "net/argos-prd-nlb/1a2b3c4d5e6f7a8b"],
    "cluster_name": ["argos-prd-msk"],
    "broker_id": ["1", "2", "3"],
    "queuename": ["argos-settlement", "argos-settlement-dlq", "argos-notify"],
    "cacheclusterid": ["argos-prd-redis-001", "argos-prd-redis-002"],
    "natgatewayid": ["nat-0a1b2c3d4e5f60718"],
    "device": ["/dev/nvme0n1p1", "/dev/nvme1n1"],
    "kube_job": ["settlement-close-29384710", "report-export-29384655"],
    "consumer_group": ["settlement", "notify-sender"],
    "topic": ["payments", "notifications"],
    "transitgateway": ["tgw-0f3c2a9d81e4b5c67"],
    "connectionid": ["dxcon-fgk3ab12"],
    "bucketname": ["argos-prd-logs", "argos-prd-backup"],
    "functionname": ["argos-prd-thumbnailer", "argos-prd-mailer"],
}
TRANSITIONS = {  # transition → ($ALERT_TYPE, event title prefix)
    "Triggered": ("error", "Triggered"), "Re-Triggered": ("error", "Re-Triggered"),
    "Warn": ("warning", "Warn"), "Re-Warn": ("warning", "Re-Warn"),
    "No Data": ("error", "No Data"), "Re-No Data": ("error", "Re-No Data"),
    "Recovered": ("success", "Recovered"),
}
# The scenario's state of a monitor (group) still in trouble → the transition that opened it.
OPENING = {"Alert": "Triggered", "Warn": "Warn", "No Data": "No Data"}
CATEGORY = {"Triggered": "triggered", "Re-Triggered": "triggered", "Warn": "warn", "Re-Warn": "warn",
            "No Data": "no-data", "Re-No Data": "no-data", "Recovered": "recovered"}
EVENT_TYPES = {"query alert": "query_alert_monitor", "metric alert": "metric_alert_monitor",
               "event alert": "event_alert", "event-v2 alert": "event_v2_alert", "log alert": "log_alert",
               "service check": "service_check", "process alert": "process_alert"}
MARGIN = timedelta(minutes=2)


def previous_slot(slot, zone, slots):
    """The latest configured local slot time strictly before `slot` (UTC)."""
    local = slot.astimezone(zone)
    candidates = []
    for days_back in (0, 1):
        day = (local - timedelta(days=days_back)).date()
        for text in slots:
            hour, minute = map(int, text.split(":"))
            candidate = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
            if candidate < local:
                candidates.append(candidate)
    return max(candidates).astimezone(timezone.utc)


def local_midnight(slot, zone):
    local = slot.astimezone(zone)
    return datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(timezone.utc)


def epoch_ms(moment):
    return int(moment.timestamp() * 1000)


def iso(epoch_seconds):
    return datetime.fromtimestamp(epoch_seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def scope(group):
    """`$ALERT_SCOPE` of a group, written as the fake Datadog names groups: tags sorted, comma-separated."""
    return ",".join(f"{tag}:{value}" for tag, value in sorted(group.items()))


def parse_scope(name):
    return dict(part.split(":", 1) for part in name.split(",") if ":" in part)


class Day:
    """Builds the deliveries of one day; every random choice comes from one seeded generator."""

    def __init__(self, seed, slot, zone, slots, catalogue, team, template, scenario):
        self.rng = random.Random(seed)
        self.slot = slot
        self.start = slot - timedelta(hours=24)
        self.window_start = previous_slot(slot, zone, slots)
        self.midnight = local_midnight(slot, zone)
        self.template = template
        self.monitors = {d.key: d for d in build_definitions(load_catalogue_file(catalogue), team, set())}
        self.ids = set()
        self.notifications = []  # (time, transition, monitor key, group, cycle key, kind)
        self.scenario = self.rebase_scenario(scenario)

    def snowflake(self):
        """A fresh 19-digit id like Datadog's `$ID` and `$ALERT_CYCLE_KEY`."""
        while True:
            value = str(self.rng.randrange(10**18, 10**19))
            if value not in self.ids:
                self.ids.add(value)
                return value

    def group(self, monitor):
        by = re.search(r" by \{([^}]*)\}", monitor.query)
        tags = [tag.strip() for tag in by.group(1).split(",")] if by else []
        return {tag: self.rng.choice(TAG_VALUES.get(tag, [f"{tag}-argos-prd"])) for tag in sorted(tags)}

    def add(self, at, transition, key, group, cycle, kind):
        self.notifications.append((at, transition, key, group, cycle, kind))

    def random_time(self, start, end):
        span = (end - start).total_seconds()
        return start + timedelta(seconds=self.rng.uniform(0, span))

    # --- the stories -------------------------------------------------------------------------

    def flapping(self, count):
        """Triggered/Recovered every 5 minutes on one load balancer during the night batch; each cycle is
        its own Datadog alert cycle."""
        group = {"kube_cluster_name": "argos-prd-eks", "loadbalancer": TAG_VALUES["loadbalancer"][0]}
        first = self.midnight + timedelta(hours=2, minutes=self.rng.randrange(0, 60), seconds=self.rng.randrange(60))
        cycle = None
        for index in range(count):
            transition = "Triggered" if index % 2 == 0 else "Recovered"
            if transition == "Triggered":
                cycle = self.snowflake()
            self.add(first + index * FLAP_PERIOD, transition, FLAP_KEY, group, cycle, "flapping")

    def rebase_scenario(self, scenario):
        """The fake Datadog's scenario as of the slot, and the trouble still open then.

        Its times become absolute, counted back from the slot instead of from when the fake starts, and a
        monitor in trouble without named groups gets one, so the check run and the day's alerts describe
        the same trouble at the same times. Downtimes stay relative: they must be active when the check runs.
        """
        slot = int(self.slot.timestamp())
        monitors, self.trouble = {}, []
        for key, override in scenario["monitors"].items():
            override = json.loads(json.dumps(override))
            since = parse_time(override["since"], slot, key) if "since" in override else None
            if since is not None:
                override["since"] = iso(since)
            if "state" in override and "groups" not in override and key in self.monitors:
                override["groups"] = {scope(self.group(self.monitors[key])) or "*": override["state"]}
            for name, group in override.get("groups", {}).items():
                started = since
                if isinstance(group, dict) and "since" in group:
                    started = parse_time(group["since"], slot, key)
                    group["since"] = iso(started)
                status = group if isinstance(group, str) else group["status"]
                if status in OPENING and started is not None and started >= self.start.timestamp():
                    self.trouble.append((started, OPENING[status], key, parse_scope(name)))
            monitors[key] = override
        description = f"{scenario.get('description', '')} Rebased on the slot {iso(slot)} by day_generator.py."
        return {**scenario, "description": description.strip(), "monitors": monitors}

    def open_at_slot(self, count):
        """Trouble that started before the slot and is not over; renotified hourly like the catalogue's
        `renotify_interval: 60` monitors."""
        for started, transition, key, group in self.trouble[:count]:
            cycle = self.snowflake()
            started = datetime.fromtimestamp(started, timezone.utc)
            self.add(started, transition, key, group, cycle, "open")
            renotify = started + timedelta(hours=1)
            while renotify < self.slot - MARGIN:
                self.add(renotify, "Re-" + transition, key, group, cycle, "open")
                renotify += timedelta(hours=1)

    def episode(self, key, start):
        """Trigger (sometimes preceded by a warn, sometimes a no-data) and its recovery minutes to hours later."""
        monitor = self.monitors[key]
        group = self.group(monitor)
        cycle = self.snowflake()
        roll = self.rng.random()
        first = "Warn" if roll < 0.2 else "No Data" if roll < 0.3 else "Triggered"
        self.add(start, first, key, group, cycle, "episode")
        duration = timedelta(minutes=min(240, max(3, self.rng.lognormvariate(3.0, 0.9))))
        end = min(start + duration, self.slot - MARGIN)
        if first == "Warn" and self.rng.random() < 0.5:
            self.add(start + (end - start) / 2, "Triggered", key, group, cycle, "episode")
        self.add(end, "Recovered", key, group, cycle, "episode")

    def episode_keys(self):
        """Monitors that get ordinary episodes, weighted as the 2023 org's alerts were (mostly P2/P3)."""
        weights = {1: 1, 2: 6, 3: 5, 4: 1, 5: 2}
        keys = [key for key in self.monitors if key != FLAP_KEY]
        return keys, [weights.get(self.monitors[key].priority, 1) for key in keys]

    def build(self, total):
        if total < 20:
            raise ValueError("--alerts must be at least 20 to hold every kind of delivery")
        bad = 2
        tests = 2
        redeliveries = max(3, total // 50)
        distinct = total - bad - tests - redeliveries
        self.open_at_slot(distinct // 10)
        flaps = max(6, int(distinct * 0.3)) // 2 * 2
        self.flapping(flaps)
        keys, weights = self.episode_keys()
        # Around both day boundaries the stories must be counted in the right local day and window.
        boundaries = [self.midnight - timedelta(minutes=3), self.midnight + timedelta(minutes=2),
                      self.window_start - timedelta(minutes=4), self.window_start + timedelta(minutes=3)]
        while True:
            room = distinct - len(self.notifications)
            if room < 2:
                break
            if boundaries:
                self.episode_within(self.rng.choices(keys, weights)[0], boundaries.pop(0), room)
            else:
                self.episode_within(self.rng.choices(keys, weights)[0],
                                    self.random_time(self.start + MARGIN, self.slot - timedelta(minutes=10)), room)
        if room == 1:
            key = self.rng.choices(keys, weights)[0]
            self.add(self.slot - timedelta(seconds=30), "Triggered", key, self.group(self.monitors[key]),
                     self.snowflake(), "open")
        if len(self.notifications) != distinct:
            raise ValueError(f"the open trouble alone needs more than {total} deliveries")
        return self.deliveries(tests, redeliveries)

    def episode_within(self, key, start, room):
        """An episode, cut to its trigger and recovery when only `room` notifications are left."""
        before = len(self.notifications)
        self.episode(key, start)
        if len(self.notifications) - before > room:
            del self.notifications[before + room - 1:-1]  # keep the trigger and the recovery

    # --- bodies ------------------------------------------------------------------------------

    def body(self, at, transition, key, group, cycle, title_prefix=""):
        monitor = self.monitors[key]
        alert_type, event_prefix = TRANSITIONS[transition]
        title = re.sub(r"\{\{\s*([\w.-]+)\.name\s*\}\}", lambda m: group.get(m.group(1), m.group(1)), monitor.name)
        title = title_prefix + title
        metric = re.search(r":([a-z_][\w.]*)\{", monitor.query)
        date = epoch_ms(at)
        tags = ["monitor", *monitor.tags, *(f"{tag}:{value}" for tag, value in group.items()), "env:prd"]
        values = {
            "$ID": self.snowflake(),
            "$ALERT_ID": str(monitor.id),
            "$ALERT_CYCLE_KEY": cycle,
            "$AGGREG_KEY": hashlib.md5(f"{monitor.id}|{scope(group)}".encode()).hexdigest(),
            "$ALERT_TRANSITION": transition,
            "$ALERT_TYPE": alert_type,
            "$ALERT_PRIORITY": f"P{monitor.priority}",
            "$ALERT_TITLE": title,
            "$EVENT_TITLE": f"[{event_prefix}] {title}",
            "$ALERT_STATUS": monitor.query,
            "$ALERT_SCOPE": scope(group),
            "$ALERT_METRIC": metric.group(1) if metric else "",
            "$ALERT_QUERY": monitor.query,
            "$EVENT_TYPE": EVENT_TYPES.get(monitor.type, "query_alert_monitor"),
            "$DATE": str(date),
            "$LAST_UPDATED": str(date - self.rng.randrange(1000, 60000)),
            "$HOSTNAME": group.get("host", ""),
            # Datadog writes the list with ", "; some integrations without the space.
            "$TAGS": (", " if self.rng.random() < 0.8 else ",").join(tags),
            "$LINK": f"https://app.datadoghq.com/monitors/{monitor.id}?to_ts={date}&from_ts={date - 3600000}",
            "$ORG_ID": "123456",
            "$ORG_NAME": "Argos Operations",
            "$TEXT_ONLY_MSG": monitor.message.split("\n", 1)[0].lstrip("# "),
        }
        return json.dumps({field: values[placeholder] for field, placeholder in self.template.items()},
                          ensure_ascii=False)

    def deliveries(self, tests, redeliveries):
        events = []
        for at, transition, key, group, cycle, kind in self.notifications:
            events.append({"at": epoch_ms(at), "kind": kind, "outcome": "stored", "transition": transition,
                           "body": self.body(at, transition, key, group, cycle)})
        keys, weights = self.episode_keys()
        for _ in range(tests):  # someone pressing "Test Notifications" in the monitor editor
            key = self.rng.choices(keys, weights)[0]
            at = self.random_time(self.window_start + MARGIN, self.slot - MARGIN)
            events.append({"at": epoch_ms(at), "kind": "test", "outcome": "stored", "transition": "Triggered",
                           "body": self.body(at, "Triggered", key, self.group(self.monitors[key]),
                                             self.snowflake(), "[TEST] ")})
        originals = self.rng.sample([e for e in events if e["kind"] != "test"], redeliveries)
        for original in originals:  # Datadog retrying after a timeout: the same body seconds later
            events.append({**original, "at": original["at"] + self.rng.randrange(15000, 120000),
                           "kind": "redelivery", "outcome": "duplicate"})
        wrong = self.rng.choice([e for e in events if e["outcome"] == "stored"])
        events.append({**wrong, "at": wrong["at"] + 1000, "kind": "wrong-token", "outcome": "rejected-401"})
        at = self.random_time(self.start + MARGIN, self.slot - MARGIN)
        events.append({"at": epoch_ms(at), "kind": "malformed", "outcome": "rejected-400", "transition": None,
                       "body": "<html><body><h1>502 Bad Gateway</h1></body></html>"})
        events.sort(key=lambda e: (e["at"], e["kind"] == "redelivery"))
        for seq, event in enumerate(events, 1):
            event["seq"] = seq
            event["token_ok"] = event["kind"] != "wrong-token"
            event["status"] = {"stored": 200, "duplicate": 200, "rejected-401": 401, "rejected-400": 400}[event["outcome"]]
        return events


def generate(alerts=170, seed=1, slot=None, zone="Asia/Seoul", slots=("09:00", "20:00"),
             catalogue=REPO / "terraform/datadog/monitors.json", team="argos",
             template=REPO / "terraform/datadog/webhook-payload.json",
             scenario=REPO / "scripts/fakes/datadog-scenario.json"):
    """The deliveries of the day before `slot` (UTC) and the Day (its windows and rebased scenario)."""
    day = Day(seed, slot, ZoneInfo(zone), slots, catalogue, team, json.loads(Path(template).read_text()),
              json.loads(Path(scenario).read_text()))
    return day.build(alerts), day


# --- what notification must report: SPEC §7 as OpsCore's AlertDigest computes it -----------------

def stored_alerts(events):
    """The distinct alerts the table holds after the deliveries."""
    return [json.loads(e["body"]) | {"_at": e["at"]} for e in events if e["outcome"] == "stored"]


def real_alerts(alerts, start, end):
    """The non-[TEST] alerts of `[start, end)` in time order, and how many [TEST] ones were left out."""
    in_window = sorted((a for a in alerts if start <= a["_at"] < end), key=lambda a: (a["_at"], a["id"]))
    real = [a for a in in_window if "[TEST]" not in a["alert_title"].upper()]
    return real, len(in_window) - len(real)


def pair(alerts, open_episodes):
    """Pairs time-ordered alerts into `open_episodes` (key -> first alert); returns how many closed."""
    closed = 0
    for alert in alerts:
        key = alert["alert_cycle_key"] or f"{alert['monitor_id']}|{alert['scope']}"
        if CATEGORY[alert["transition"]] == "recovered":
            closed += open_episodes.pop(key, None) is not None
        else:
            open_episodes.setdefault(key, alert)
    return closed


def digest(alerts, start, end):
    """Totals, episodes, open episodes and flapping monitors of `[start, end)` (epoch ms). Troubles still
    open at `start` after the 24 hours before it carry into the window, as notification does."""
    open_episodes = {}
    pair(real_alerts(alerts, start - 86_400_000, start)[0], open_episodes)
    real, tests = real_alerts(alerts, start, end)
    closed = pair(real, open_episodes)
    # Flapping is per group (monitor + scope): a monitor flaps when one of its groups changed state >= 4 times.
    transitions, last = {}, {}
    for alert in real:
        group, category = (alert["monitor_id"], alert["scope"]), CATEGORY[alert["transition"]]
        if last.get(group) != category:
            transitions[group] = transitions.get(group, 0) + 1
        last[group] = category
    flapping = {monitor for (monitor, _), count in transitions.items() if count >= 4}
    return {"alerts": len(real), "testNotifications": tests,
            "episodes": closed + len(open_episodes), "openEpisodes": len(open_episodes), "flapping": len(flapping)}


def expectations(events, day):
    alerts = stored_alerts(events)
    window = digest(alerts, epoch_ms(day.window_start), epoch_ms(day.slot))
    by_outcome = {}
    for event in events:
        by_outcome[event["outcome"]] = by_outcome.get(event["outcome"], 0) + 1
    return {
        "sent": len(events),
        "byOutcome": by_outcome,
        "stored": by_outcome.get("stored", 0),
        "windowStart": day.window_start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "windowEnd": day.slot.strftime("%Y-%m-%dT%H:%M:%SZ"),
        **window,
        "dayAlerts": digest(alerts, epoch_ms(day.midnight), epoch_ms(day.slot))["alerts"],
        "alertsDayEarlier": digest(alerts, epoch_ms(day.window_start - timedelta(hours=24)),
                                   epoch_ms(day.slot - timedelta(hours=24)))["alerts"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alerts", type=int, default=170, help="deliveries in all (at least 20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slot-utc", required=True, help="the morning slot as a UTC instant, e.g. 2026-11-25T00:00:00Z")
    parser.add_argument("--timezone", default="Asia/Seoul")
    parser.add_argument("--slots", default="09:00,20:00")
    parser.add_argument("--catalogue", default=str(REPO / "terraform/datadog/monitors.json"))
    parser.add_argument("--team", default="argos")
    parser.add_argument("--scenario", default=str(REPO / "scripts/fakes/datadog-scenario.json"),
                        help="the fake Datadog's scenario the day leads up to")
    parser.add_argument("--scenario-out", type=argparse.FileType("w"),
                        help="write that scenario as of the slot here, for fake_datadog.py --scenario")
    parser.add_argument("--out", type=argparse.FileType("w"), default=sys.stdout)
    parser.add_argument("--expect", type=argparse.FileType("w"), help="write the expected figures here")
    args = parser.parse_args()
    slot = datetime.fromisoformat(args.slot_utc.replace("Z", "+00:00")).astimezone(timezone.utc)
    try:
        events, day = generate(args.alerts, args.seed, slot, args.timezone, args.slots.split(","),
                               args.catalogue, args.team, scenario=args.scenario)
    except ValueError as exc:
        parser.error(str(exc))
    for event in events:
        args.out.write(json.dumps(event, ensure_ascii=False) + "\n")
    if args.expect:
        json.dump(expectations(events, day), args.expect, indent=1)
    if args.scenario_out:
        json.dump(day.scenario, args.scenario_out, indent=1)


if __name__ == "__main__":
    main()
