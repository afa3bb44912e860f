"""The monitor catalogue: the Terraform catalogue file turned into monitor definitions.

Catalogue schema (terraform/datadog/monitors.json):
  {"monitors": [{"key", "priority", "tower", "title", "type", "query", "message",
                 "thresholds", "tags", "multi", "options"}]}
The fake also takes "team" per entry (not in the Terraform file): another team's monitor, or with
null one without a team: tag, as an org holds monitors made in the UI.
"""

import hashlib
import json
from dataclasses import dataclass, field

MONITOR_TYPES = {
    "composite", "event alert", "log alert", "metric alert", "process alert", "query alert",
    "rum alert", "service check", "synthetics alert", "trace-analytics alert", "slo alert",
    "event-v2 alert", "audit alert", "ci-pipelines alert", "ci-tests alert",
    "error-tracking alert", "database-monitoring alert", "network-performance alert",
    "cost alert", "data-quality alert", "network-path alert", "data-jobs alert",
    "llm-observability alert",
}


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True)
class MonitorDef:
    """One monitor as the fake org holds it; `key` is its `monitor:` label or internal name."""

    key: str
    id: int
    name: str
    type: str
    query: str
    message: str
    tags: tuple
    priority: object  # int 1..5 or None, as the API's nullable `priority`
    multi: bool
    thresholds: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)


def monitor_id(key, taken):
    """A 9-digit id derived from the key, stable across runs; probes past collisions.

    The real catalogue repeats one key (DB-MariaDB-CPU-TooHigh-01 twice), so the
    occurrence number is part of the hash input.
    """
    occurrence = 0
    while True:
        digest = hashlib.sha256(f"{key}#{occurrence}".encode()).digest()
        candidate = 100_000_000 + int.from_bytes(digest[:8], "big") % 900_000_000
        if candidate not in taken:
            taken.add(candidate)
            return candidate
        occurrence += 1


def load_catalogue_file(path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as exc:
        raise CatalogueError(f"cannot read catalogue {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"catalogue {path} is not JSON: {exc}") from None
    return catalogue_entries(document)


def catalogue_entries(document):
    if not isinstance(document, dict) or not isinstance(document.get("monitors"), list):
        raise CatalogueError('a catalogue is an object with a "monitors" array')
    return document["monitors"]


def _require(entry, index, name, kind, optional=False):
    value = entry.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise CatalogueError(f"monitors[{index}].{name}: expected {kind.__name__}, got {value!r}")
    return value


def build_definitions(entries, team, taken):
    """Catalogue entries → MonitorDefs carrying the module's conventions (name prefix, tags)."""
    definitions = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise CatalogueError(f"monitors[{index}]: expected an object")
        key = _require(entry, index, "key", str)
        priority = _require(entry, index, "priority", int, optional=True)
        if priority is not None and not 1 <= priority <= 5:
            raise CatalogueError(f"monitors[{index}].priority: {priority} is not 1..5")
        monitor_type = _require(entry, index, "type", str)
        if monitor_type not in MONITOR_TYPES:
            raise CatalogueError(f"monitors[{index}].type: unknown monitor type {monitor_type!r}")
        query = _require(entry, index, "query", str)
        tower = _require(entry, index, "tower", str)
        title = _require(entry, index, "title", str)
        extra_tags = _require(entry, index, "tags", list, optional=True) or []
        multi = _require(entry, index, "multi", bool, optional=True)
        prefix = f"[P{priority}]" if priority is not None else ""
        owner = entry["team"] if "team" in entry else team
        if owner is not None and not isinstance(owner, str):
            raise CatalogueError(f"monitors[{index}].team: expected str or null, got {owner!r}")
        tags = ([f"team:{owner}"] if owner is not None else []) + [f"monitor:{key}"]
        tags += [tag for tag in extra_tags if isinstance(tag, str) and tag not in tags]
        definitions.append(MonitorDef(
            key=key,
            id=monitor_id(key, taken),
            name=f"{prefix}[{tower}] {title}",
            type=monitor_type,
            query=query,
            message=_require(entry, index, "message", str, optional=True) or "",
            tags=tuple(tags),
            priority=priority,
            multi=multi if multi is not None else " by " in query,
            thresholds=_require(entry, index, "thresholds", dict, optional=True) or {},
            options=_require(entry, index, "options", dict, optional=True) or {},
        ))
    return definitions
