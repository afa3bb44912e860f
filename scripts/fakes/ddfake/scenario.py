"""Scenarios: per monitor key, the state the fake org shows instead of `OK`.

  {"monitors": {
     "SYSTEM-EC2-CPU-High-01": {
        "state": "Alert",                      # optional when groups are given (worst group wins)
        "since": "2026-11-24T21:14:00Z",       # or relative to load time: "-90m", "-2h", "-1d6h"
        "groups": {"host:ip-10-0-1-12": "Alert",
                   "host:ip-10-0-1-13": {"status": "OK", "since": "-3h"}},
        "muted": true,                         # or {"scope": "host:ip-10-0-1-12", "end": "+2h"}
        "deleted_after_listing": true,         # listed, but GET /monitor/{id} answers 404
        "error_status": 500                    # GET /monitor/{id} answers this status
     }}}
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

STATES = ("OK", "Alert", "Warn", "No Data", "Ignored", "Skipped", "Unknown")
# Worst first: the overall state of a multi-alert monitor is its worst group's.
SEVERITY = ("Alert", "Warn", "No Data", "Unknown", "Skipped", "Ignored", "OK")
FIELDS = {"state", "since", "groups", "muted", "deleted_after_listing", "error_status"}
RELATIVE = re.compile(r"([+-])((?:\d+[dhms])+)")
UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


class ScenarioError(ValueError):
    pass


@dataclass(frozen=True)
class Mute:
    scope: str
    start: int
    end: object  # epoch seconds, or None for "until unmuted"


@dataclass(frozen=True)
class Override:
    state: str
    since: object  # epoch seconds, or None to let the renderer pick a stable past time
    groups: dict = field(default_factory=dict)  # name -> (status, since)
    mute: object = None
    deleted_after_listing: bool = False
    error_status: object = None


def parse_time(value, now, where):
    """ISO 8601 (with zone) or a signed duration from `now`, to epoch seconds."""
    if not isinstance(value, str):
        raise ScenarioError(f"{where}: expected a time string, got {value!r}")
    relative = RELATIVE.fullmatch(value)
    if relative:
        sign, body = relative.groups()
        seconds = sum(int(n) * UNITS[u] for n, u in re.findall(r"(\d+)([dhms])", body))
        return now + seconds if sign == "+" else now - seconds
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ScenarioError(f"{where}: {value!r} is neither ISO 8601 nor like -90m") from None
    if parsed.tzinfo is None:
        raise ScenarioError(f"{where}: {value!r} has no time zone")
    return int(parsed.astimezone(timezone.utc).timestamp())


def _state(value, where):
    if value not in STATES:
        raise ScenarioError(f"{where}: {value!r} is not one of {', '.join(STATES)}")
    return value


def _groups(raw, since, now, where):
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: expected an object of group name -> state")
    groups = {}
    for name, value in raw.items():
        spot = f"{where}[{name!r}]"
        if isinstance(value, str):
            groups[name] = (_state(value, spot), since)
        elif isinstance(value, dict) and set(value) <= {"status", "since"}:
            group_since = parse_time(value["since"], now, f"{spot}.since") if "since" in value else since
            groups[name] = (_state(value.get("status"), f"{spot}.status"), group_since)
        else:
            raise ScenarioError(f"{spot}: expected a state or {{status, since}}")
    return groups


def _mute(raw, since, now, where):
    if raw is False or raw is None:
        return None
    if raw is True:
        return Mute(scope="*", start=since if since is not None else now - 3600, end=None)
    if isinstance(raw, dict) and set(raw) <= {"scope", "start", "end"}:
        scope = raw.get("scope", "*")
        if not isinstance(scope, str) or not scope:
            raise ScenarioError(f"{where}.scope: expected a non-empty string")
        start = parse_time(raw["start"], now, f"{where}.start") if "start" in raw else now - 3600
        end = parse_time(raw["end"], now, f"{where}.end") if raw.get("end") is not None else None
        return Mute(scope=scope, start=start, end=end)
    raise ScenarioError(f"{where}: expected true, false or {{scope, start, end}}")


def parse_override(raw, now, where):
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: expected an object")
    unknown = set(raw) - FIELDS
    if unknown:
        raise ScenarioError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    since = parse_time(raw["since"], now, f"{where}.since") if "since" in raw else None
    groups = _groups(raw.get("groups", {}), since, now, f"{where}.groups")
    if "state" in raw:
        state = _state(raw["state"], f"{where}.state")
    elif groups:
        state = min((status for status, _ in groups.values()), key=SEVERITY.index)
    else:
        state = "OK"
    error_status = raw.get("error_status")
    if error_status is not None and (type(error_status) is not int or not 400 <= error_status <= 599):
        raise ScenarioError(f"{where}.error_status: expected an HTTP error status 400..599")
    deleted = raw.get("deleted_after_listing", False)
    if not isinstance(deleted, bool):
        raise ScenarioError(f"{where}.deleted_after_listing: expected true or false")
    return Override(
        state=state,
        since=since,
        groups=groups,
        mute=_mute(raw.get("muted"), since, now, f"{where}.muted"),
        deleted_after_listing=deleted,
        error_status=error_status,
    )


def parse_scenario(document, now):
    """A scenario document → {monitor key: Override}."""
    if not isinstance(document, dict) or not isinstance(document.get("monitors", {}), dict):
        raise ScenarioError('a scenario is an object with a "monitors" object keyed by monitor key')
    unknown = set(document) - {"description", "monitors"}
    if unknown:
        raise ScenarioError(f"unknown scenario field(s) {', '.join(sorted(unknown))}")
    return {key: parse_override(raw, now, f"monitors[{key!r}]")
            for key, raw in document.get("monitors", {}).items()}
