#!/usr/bin/env python3
"""Reference answers for the OpsCore time layer, computed with Python's zoneinfo (which reads the same
system tzdata as the TZif path under test, through an independent implementation).

Prints one line per case, deterministic for a given seed:
  # tzpath <directory zoneinfo reads>
  O <zone> <epoch seconds> <UTC offset seconds> <abbreviation>     instant -> offset
  L <zone> <YYYY-MM-DDTHH:MM:SS> <epoch seconds>                   wall time -> instant (fold=0)

fold=0 is PEP 495's reading: in an overlap the earlier instant, in a gap the offset from before the
transition (the wall time shifts forward by the gap). That is the policy of ZoneRules.instant(for:).
Cases: every transition between 1970 and 2100 (one second before, at, after; wall times around each
change, inside gaps and overlaps), plus uniformly random instants and wall times.

Usage: zone_oracle.py [--seed N] [--random N] [zone ...]
"""
import argparse
import random
from datetime import datetime, timedelta, timezone
import zoneinfo

ZONES = ["Asia/Seoul", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"]
START = int(datetime(1970, 1, 1, tzinfo=timezone.utc).timestamp())
END = int(datetime(2101, 1, 1, tzinfo=timezone.utc).timestamp())
EPOCH = datetime(1970, 1, 1)
DAY = 86400


def offset(zone, seconds):
    return int(datetime.fromtimestamp(seconds, zone).utcoffset().total_seconds())


def abbreviation(zone, seconds):
    return datetime.fromtimestamp(seconds, zone).tzname()


def transitions(zone):
    """Instants where the offset changes, found by a daily scan and bisection (changes are months apart)."""
    found = []
    previous = offset(zone, START)
    t = START
    while t < END:
        nxt = min(t + DAY, END)
        current = offset(zone, nxt)
        if current != previous:
            low, high = t, nxt  # offset(low) == previous, offset(high) != previous
            while high - low > 1:
                middle = (low + high) // 2
                if offset(zone, middle) == previous:
                    low = middle
                else:
                    high = middle
            found.append((high, previous, offset(zone, high)))
            previous = current
        t = nxt
    return found


def wall_instant(zone, wall):
    local = (EPOCH + timedelta(seconds=wall)).replace(tzinfo=zone)
    return int(local.timestamp())


def wall_text(wall):
    return (EPOCH + timedelta(seconds=wall)).strftime("%Y-%m-%dT%H:%M:%S")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--random", type=int, default=1000, help="random instants and wall times per zone")
    parser.add_argument("zones", nargs="*", default=ZONES)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("# tzpath", zoneinfo.TZPATH[0])
    for name in args.zones:
        zone = zoneinfo.ZoneInfo(name)
        instants = set()
        walls = set()
        for at, before, after in transitions(zone):
            instants.update((at - 1, at, at + 1))
            jump = after - before
            for delta in (-3601, -1, 0, 1, jump // 2, jump - 1, jump, jump + 1, abs(jump) + 3600):
                walls.add(at + before + delta)
        instants.update(rng.randrange(START, END) for _ in range(args.random))
        walls.update(rng.randrange(START, END) for _ in range(args.random // 2))
        for seconds in sorted(instants):
            print("O", name, seconds, offset(zone, seconds), abbreviation(zone, seconds))
        for wall in sorted(walls):
            print("L", name, wall_text(wall), wall_instant(zone, wall))


if __name__ == "__main__":
    main()
