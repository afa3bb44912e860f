"""Monitor definitions + scenario → Monitor objects shaped like the v1 API's.

Timestamps follow what the real API sends: `created`/`modified` with microseconds,
`overall_state_modified` without, both with a `+00:00` offset; group timestamps in
epoch seconds (0 = never).
"""

import re
from datetime import datetime, timezone

from .scenario import Override

ORG_ID = 321813
CREATOR = {"name": "Terraform", "handle": "terraform@ops.example", "email": "terraform@ops.example",
           "id": 2417393}
DEFAULT_OPTIONS = {
    "notify_audit": False,
    "require_full_window": False,
    "notify_no_data": False,
    "include_tags": True,
    "new_group_delay": 60,
    "new_host_delay": 300,
    "renotify_interval": 0,
    "timeout_h": 0,
    "notification_preset_name": "hide_query",
    "escalation_message": "",
}
GROUP_STATE_PARAMS = {"alert": "Alert", "warn": "Warn", "no data": "No Data"}
OK = Override(state="OK", since=None)


def iso(epoch, micro=False):
    moment = datetime.fromtimestamp(epoch, timezone.utc)
    return moment.isoformat(timespec="microseconds" if micro else "seconds")


def group_keys(query):
    """The group-by tags of a query (`by {host,device}` or `.by('host')`)."""
    braces = re.search(r"\bby\s*\{([^}]*)\}", query)
    if braces:
        return [key.strip() for key in braces.group(1).split(",") if key.strip()]
    return re.findall(r"\.by\('([^']+)'\)", query)


def scope_tags(query):
    """`key:value` tags a query is scoped to, e.g. `{env:prd,service:x}` → both."""
    return {tag.strip() for scope in re.findall(r"\{([^}]*)\}", query)
            for tag in scope.split(",") if ":" in tag}


class Renderer:
    """Turns a definition into the API's JSON; `now` fixes the clock so replies are stable."""

    def __init__(self, now):
        self.now = now

    def groups(self, definition, override):
        """Group name → (status, since) for every group the monitor is broken down on."""
        since = self.since(definition, override)
        if override.groups:
            return {name: (status, group_since if group_since is not None else since)
                    for name, (status, group_since) in override.groups.items()}
        keys = group_keys(definition.query) if definition.multi else []
        if not keys:
            return {"*": (override.state, since)}
        names = [",".join(f"{key}:{self._group_value(key, definition.id, n)}" for key in sorted(keys))
                 for n in range(2)]
        # An unscripted non-OK monitor gets one group in that state, the other OK.
        return {names[0]: (override.state, since), names[1]: ("OK", since)}

    @staticmethod
    def _group_value(key, monitor_id, n):
        if key == "host":
            return f"ip-10-0-{monitor_id % 8}-{(monitor_id // 8 + n) % 250 + 4}"
        return f"{key.replace('_', '-')}-{n + 1:02d}"

    def since(self, definition, override):
        if override.since is not None:
            return override.since
        # Stable per monitor: some hours to weeks ago.
        return self.now - 3600 * (6 + definition.id % 500)

    def monitor(self, definition, override=OK, group_filter=None, with_downtimes=False):
        created = self.now - 86400 * (120 + definition.id % 200)
        options = dict(DEFAULT_OPTIONS)
        options.update(definition.options)
        options["thresholds"] = dict(definition.thresholds)
        options["silenced"] = self._silenced(override)
        document = {
            "id": definition.id,
            "org_id": ORG_ID,
            "type": definition.type,
            "name": definition.name,
            "message": definition.message,
            "tags": list(definition.tags),
            "query": definition.query,
            "options": options,
            "multi": definition.multi,
            "created_at": created * 1000,
            "created": iso(created + (definition.id % 997) / 1000, micro=True),
            "modified": iso(created + 86400 * (definition.id % 90) + 0.5, micro=True),
            "deleted": None,
            "restricted_roles": None,
            "priority": definition.priority,
            "overall_state_modified": iso(self.since(definition, override)),
            "overall_state": override.state,
            "creator": dict(CREATOR),
        }
        if with_downtimes:
            document["matching_downtimes"] = self._downtimes(definition, override)
        if group_filter is not None:
            document["state"] = {"groups": {
                name: self._group(name, status, since)
                for name, (status, since) in self.groups(definition, override).items()
                if group_filter == "all" or status in group_filter
            }}
        return document

    @staticmethod
    def _silenced(override):
        return {override.mute.scope: override.mute.end} if override.mute else {}

    @staticmethod
    def _downtimes(definition, override):
        mute = override.mute
        if mute is None:
            return []
        return [{"id": 4_000_000_000 + definition.id, "monitor_id": definition.id,
                 "scope": [mute.scope], "start": mute.start, "end": mute.end, "active": True}]

    @staticmethod
    def _group(name, status, since):
        triggered = since if status in ("Alert", "Warn") else 0
        return {
            "name": name,
            "status": status,
            "last_triggered_ts": triggered,
            "last_notified_ts": triggered,
            "last_nodata_ts": since if status == "No Data" else 0,
            "last_resolved_ts": since if status == "OK" else 0,
        }


def parse_group_states(raw):
    """`group_states` → "all", a set of statuses, or None when not asked."""
    if raw is None or not raw.strip():
        return None
    wanted = {part.strip().lower() for part in raw.split(",")}
    if "all" in wanted:
        return "all"
    return {GROUP_STATE_PARAMS[part] for part in wanted if part in GROUP_STATE_PARAMS}
