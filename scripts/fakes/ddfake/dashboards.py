"""The fake org's dashboards: /api/v1/dashboard and /api/v1/dashboard/{id} of the v1 spec.

A dashboard is kept as Datadog answers it: the body as sent, plus the computed fields
(id, author_handle, author_name, created_at, modified_at, url, an id on every widget,
group members included) and the defaults Datadog fills in for optional fields left out.

Bodies are checked with the standard library only (the fakes need no jsonschema): what the
spec requires of a dashboard and of each widget definition (WIDGET_REQUIRED is the spec's
`required` per widget type; scripts/fakes/tests compares it with the spec) and the layout
rules of the `Widget` schema. The full schema is scripts/tools/dashboards.py's job.
"""

import copy
import hashlib
import json
import re
import threading
from datetime import datetime, timezone
from pathlib import Path

# type -> the fields the v1 spec requires of its definition besides `type`.
WIDGET_REQUIRED = {
    "alert_graph": ("alert_id", "viz_type"), "alert_value": ("alert_id",), "bar_chart": ("requests",),
    "change": ("requests",), "check_status": ("check", "grouping"), "cohort": ("requests",),
    "distribution": ("requests",), "event_stream": ("query",), "event_timeline": ("query",),
    "free_text": ("text",), "funnel": ("requests",), "geomap": ("requests", "style", "view"),
    "group": ("layout_type", "widgets"), "heatmap": ("requests",), "hostmap": ("requests",),
    "iframe": ("url",), "image": ("url",), "list_stream": ("requests",), "log_stream": (),
    "manage_status": ("query",), "note": ("content",), "point_plot": ("requests",),
    "powerpack": ("powerpack_id",), "query_table": ("requests",), "query_value": ("requests",),
    "retention_curve": ("requests",), "run_workflow": ("workflow_id",), "sankey": ("requests",),
    "scatterplot": ("requests",), "servicemap": ("filters", "service"), "slo": ("view_type",),
    "slo_list": ("requests",), "split_group": ("size", "source_widget_definition", "split_config"),
    "sunburst": ("requests",), "timeseries": ("requests",), "toplist": ("requests",),
    "topology_map": ("requests",), "trace_service": ("env", "service", "span_name"),
    "treemap": ("requests",), "wildcard": ("requests", "specification"),
}
LAYOUT_TYPES = ("ordered", "free")
REFLOW_TYPES = ("auto", "fixed")
COMPUTED_FIELDS = ("id", "author_handle", "author_name", "created_at", "modified_at", "url")
AUTHOR_HANDLE = "fake-datadog@example.com"
AUTHOR_NAME = "fake_datadog"
DEFAULT_COUNT = 100
ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
DASHBOARD_ID = re.compile(r"[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3}")
# Widget ids stay below 2**53 so that every JSON reader keeps them exact.
WIDGET_ID_LIMIT = 1 << 53


class InvalidDashboard(ValueError):
    """The one message of a 400, as Datadog words its own where the fake knows them."""


def _property_problem(document):
    for name in ("title", "layout_type", "widgets"):
        if name not in document:
            return f"'{name}' is a required property"
    if not isinstance(document["title"], str):
        return f"{document['title']!r} is not of type 'string'"
    if document["layout_type"] not in LAYOUT_TYPES:
        return f"{document['layout_type']!r} is not one of {list(LAYOUT_TYPES)}"
    if not isinstance(document["widgets"], list):
        return f"{document['widgets']!r} is not of type 'array'"
    reflow = document.get("reflow_type")
    if reflow is not None and reflow not in REFLOW_TYPES:
        return f"{reflow!r} is not one of {list(REFLOW_TYPES)}"
    if reflow is not None and document["layout_type"] != "ordered":
        return "reflow_type is only allowed with layout_type ordered"
    for name in ("description",):
        if document.get(name) is not None and not isinstance(document[name], str):
            return f"{document[name]!r} is not of type 'string'"
    for name in ("notify_list", "restricted_roles", "tags"):
        value = document.get(name)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            return f"{name}: expected a list of strings"
    if len(document.get("tags") or ()) > 5:
        return "tags: at most 5 team tags"
    variables = document.get("template_variables")
    if variables is not None:
        if not isinstance(variables, list):
            return f"{variables!r} is not of type 'array'"
        names = []
        for variable in variables:
            if not isinstance(variable, dict) or not isinstance(variable.get("name"), str):
                return "template_variables: every variable needs a string 'name'"
            names.append(variable["name"])
        if len(set(names)) != len(names):
            return "template_variables: names must be unique"
    return None


def _widget_problem(widget, layout_type, reflow):
    if not isinstance(widget, dict):
        return f"{widget!r} is not of type 'object'"
    definition = widget.get("definition")
    if definition is None:
        return "'definition' is a required property"
    if not isinstance(definition, dict):
        return f"{definition!r} is not of type 'object'"
    layout = widget.get("layout")
    if layout is None and (layout_type == "free" or reflow == "fixed"):
        return "'layout' is a required property"
    if layout is not None:
        if not isinstance(layout, dict):
            return f"{layout!r} is not of type 'object'"
        for name in ("x", "y", "width", "height"):
            value = layout.get(name)
            if type(value) is not int or value < 0:
                return f"layout: '{name}' must be an integer >= 0"
    return None


def _definition_problem(definition):
    kind = definition.get("type")
    if kind not in WIDGET_REQUIRED:
        return f"{kind!r} is not a valid widget type"
    for name in WIDGET_REQUIRED[kind]:
        if name not in definition:
            return f"'{name}' is a required property"
    return None


def _check_widgets(widgets, layout_type, reflow, inner=False):
    word = "inner widget" if inner else "widget"
    for position, widget in enumerate(widgets):
        problem = _widget_problem(widget, layout_type if not inner else "ordered", reflow)
        if problem:
            raise InvalidDashboard(f"Invalid {word} at position {position}. Error: {problem}")
        definition = widget["definition"]
        kind = definition.get("type")
        prefix = f"Invalid {word} definition at position {position} of type {kind}. Error: "
        problem = _definition_problem(definition)
        if problem is None and kind == "group":
            if definition["layout_type"] != "ordered":
                problem = f"{definition['layout_type']!r} is not one of ['ordered']"
            elif not isinstance(definition["widgets"], list):
                problem = f"{definition['widgets']!r} is not of type 'array'"
            else:
                try:
                    _check_widgets(definition["widgets"], "ordered", reflow, inner=True)
                except InvalidDashboard as exc:
                    problem = str(exc)
        if problem:
            raise InvalidDashboard(prefix + problem)


def validate(document):
    """Raise InvalidDashboard with Datadog's kind of message when `document` would get a 400."""
    if not isinstance(document, dict):
        raise InvalidDashboard("Invalid dashboard: expected a JSON object")
    problem = _property_problem(document)
    if problem:
        raise InvalidDashboard(problem)
    _check_widgets(document["widgets"], document["layout_type"], document.get("reflow_type"))


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "dashboard"


def _derived_id(seed):
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    letters = "".join(ID_CHARACTERS[b % len(ID_CHARACTERS)] for b in digest[:9])
    return f"{letters[:3]}-{letters[3:6]}-{letters[6:]}"


def _summary(dashboard):
    return {name: dashboard.get(name) for name in
            ("author_handle", "created_at", "description", "id", "is_read_only", "layout_type",
             "modified_at", "title", "url")}


class Dashboards:
    """Thread-safe store; `preload` is [(name, body)] kept across resets with stable ids."""

    def __init__(self, preload=()):
        self._lock = threading.Lock()
        self._preload = [(name, copy.deepcopy(body)) for name, body in preload]
        # Reset brings the preloaded dashboards back as they were at start-up, times included.
        self._started = _now()
        for name, body in self._preload:
            try:
                validate(body)
            except InvalidDashboard as exc:
                raise InvalidDashboard(f"{name}: {exc}") from None
        self.reset()

    def reset(self):
        with self._lock:
            self._items = {}  # id -> stored answer, in creation order
            self._deleted = set()
            self._created = 0
            for name, body in self._preload:
                self._store(body, self._free_id(f"file:{name}"), now=self._started)

    # --- the API's operations -----------------------------------------------------------------

    def listing(self, count=DEFAULT_COUNT, start=0, deleted=False, shared=False):
        with self._lock:
            if shared:
                return []  # nothing in the fake org is shared
            chosen = [d for i, d in self._items.items() if (i in self._deleted) == deleted]
            return [_summary(d) for d in chosen[start:start + count]]

    def get(self, dashboard_id):
        with self._lock:
            found = self._live(dashboard_id)
            return copy.deepcopy(found) if found else None

    def create(self, body):
        validate(body)
        with self._lock:
            self._created += 1
            return copy.deepcopy(self._store(body, self._new_id()))

    def update(self, dashboard_id, body):
        validate(body)
        with self._lock:
            current = self._live(dashboard_id)
            if current is None:
                return None
            updated = self._store(body, dashboard_id, current)
            return copy.deepcopy(updated)

    def delete(self, dashboard_id):
        with self._lock:
            if self._live(dashboard_id) is None:
                return False
            self._deleted.add(dashboard_id)
            return True

    # --- internals ------------------------------------------------------------------------------

    def _live(self, dashboard_id):
        if dashboard_id in self._deleted:
            return None
        return self._items.get(dashboard_id)

    def _new_id(self):
        return self._free_id(f"created:{self._created}")

    def _free_id(self, seed):
        # Derived, not random: the same requests give the same ids on every run.
        attempt = 0
        while True:
            candidate = _derived_id(f"{seed}:{attempt}")
            if candidate not in self._items:
                return candidate
            attempt += 1

    def _store(self, body, dashboard_id, current=None, now=None):
        dashboard = {k: copy.deepcopy(v) for k, v in body.items() if k not in COMPUTED_FIELDS}
        now = now or _now()
        dashboard.setdefault("description", None)
        dashboard.setdefault("notify_list", None)
        dashboard.setdefault("restricted_roles", [])
        dashboard.setdefault("template_variables", None)
        dashboard.update({
            "id": dashboard_id,
            "author_handle": current["author_handle"] if current else AUTHOR_HANDLE,
            "author_name": current["author_name"] if current else AUTHOR_NAME,
            "created_at": current["created_at"] if current else now,
            "modified_at": now,
            "url": f"/dashboard/{dashboard_id}/{_slug(dashboard['title'])}",
            "is_read_only": bool(dashboard.get("is_read_only", False)),
        })
        self._number_widgets(dashboard_id, dashboard["widgets"])
        self._items[dashboard_id] = dashboard
        return dashboard

    @staticmethod
    def _number_widgets(dashboard_id, widgets):
        """A widget id for every widget: one the client kept is kept, others are derived."""
        flat = []

        def walk(items):
            for widget in items:
                flat.append(widget)
                inner = widget["definition"].get("widgets")
                if widget["definition"].get("type") == "group" and isinstance(inner, list):
                    walk(inner)

        walk(widgets)
        taken = set()
        for widget in flat:
            given = widget.get("id")
            if type(given) is int and 0 < given < WIDGET_ID_LIMIT and given not in taken:
                taken.add(given)
            else:
                widget.pop("id", None)
        for index, widget in enumerate(flat):
            if "id" in widget:
                continue
            attempt = 0
            while True:
                seed = f"{dashboard_id}:{index}:{attempt}".encode()
                candidate = int.from_bytes(hashlib.sha256(seed).digest()[:8], "big") % WIDGET_ID_LIMIT
                if candidate and candidate not in taken:
                    break
                attempt += 1
            widget["id"] = candidate
            taken.add(candidate)


def load_directory(directory):
    """[(file stem, body)] of every *.json in `directory`, sorted by name."""
    loaded = []
    for path in sorted(Path(directory).glob("*.json")):
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvalidDashboard(f"{path.name}: {exc}") from None
        loaded.append((path.stem, body))
    if not loaded and not Path(directory).is_dir():
        raise InvalidDashboard(f"{directory} is not a directory")
    return loaded
