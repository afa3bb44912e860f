"""The fake Datadog org: monitors, their scenario, and the request log.

Request threads read a consistent snapshot; control routes swap whole snapshots.
"""

import sys
import threading
import time
from collections import deque
from dataclasses import dataclass

from .catalogue import build_definitions
from .generate import noise_monitors
from .render import OK, Renderer
from .scenario import parse_scenario

REQUEST_LOG_LIMIT = 10_000


@dataclass(frozen=True)
class Snapshot:
    definitions: tuple
    overrides: dict
    renderer: Renderer
    warnings: tuple

    def entries(self):
        """(definition, override) for every monitor of the org."""
        return [(d, self.overrides.get(d.key, OK)) for d in self.definitions]

    def find(self, monitor_id):
        """(definition, override) of one monitor, or None."""
        for definition in self.definitions:
            if definition.id == monitor_id:
                return definition, self.overrides.get(definition.key, OK)
        return None


class Org:
    def __init__(self, team, catalogue_entries, scenario_document, extra_monitors):
        self.team = team
        self._initial = (catalogue_entries, scenario_document, extra_monitors)
        self._lock = threading.Lock()
        self._control = threading.Lock()
        self._requests = deque(maxlen=REQUEST_LOG_LIMIT)
        # Reset restores the org as it started, its times included: relative scenario times are not
        # re-based on the reset (which could shift every one by a second and change the listing).
        self._started = int(time.time())
        self.reset()

    def reset(self):
        self._commit(*self._initial, now=self._started)
        with self._lock:
            self._requests.clear()

    @property
    def snapshot(self):
        return self._snapshot

    def replace_scenario(self, scenario_document):
        return self._commit(self._catalogue, scenario_document, self._extra)

    def replace_catalogue(self, catalogue_entries, extra_monitors=None):
        # The org's clock stays where it is: the same catalogue posted twice gives the same listing, even
        # when the second post lands in the next second (generation is deterministic, timestamps included).
        extra = self._extra if extra_monitors is None else extra_monitors
        return self._commit(catalogue_entries, self._scenario, extra, now=self._snapshot.renderer.now)

    def _commit(self, catalogue_entries, scenario_document, extra_monitors, now=None):
        """Build the whole org first, so a bad control request leaves it unchanged."""
        with self._control:
            return self._build(catalogue_entries, scenario_document, extra_monitors, int(time.time()) if now is None else now)

    def _build(self, catalogue_entries, scenario_document, extra_monitors, now):
        taken = set()
        definitions = build_definitions(catalogue_entries, self.team, taken)
        definitions += noise_monitors(extra_monitors, taken)
        overrides = parse_scenario(scenario_document, now)
        known = {d.key for d in definitions}
        warnings = tuple(f"scenario key {key!r} is not in the catalogue; ignored"
                         for key in overrides if key not in known)
        for warning in warnings:
            print(f"fake_datadog: warning: {warning}", file=sys.stderr, flush=True)
        self._catalogue, self._scenario, self._extra = catalogue_entries, scenario_document, extra_monitors
        self._snapshot = Snapshot(tuple(definitions), overrides, Renderer(now), warnings)
        return self._snapshot

    def log_request(self, method, path, query, status):
        with self._lock:
            self._requests.append({"method": method, "path": path, "query": query,
                                   "status": status, "time": time.time()})

    def requests(self):
        with self._lock:
            return list(self._requests)
