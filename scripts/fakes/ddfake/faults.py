"""Injected failures and the org's rate limit, both shared by all request threads."""

import math
import threading
import time
from dataclasses import dataclass

FAULT_FIELDS = {"status", "count", "path_prefix", "method", "reset", "delay_ms", "close", "hold"}
# A held request goes on by itself after this long, so a test that forgets to release cannot hang a client.
HOLD_LIMIT_SECONDS = 60


class FaultError(ValueError):
    pass


@dataclass
class Fault:
    """The next `count` requests under `path_prefix` fail this way."""

    status: object  # an HTTP status, or None when the fault only delays or closes
    count: int
    path_prefix: str
    method: object
    reset: int
    delay_ms: int
    close: bool
    hold: bool


def parse_fault(raw):
    if not isinstance(raw, dict):
        raise FaultError("a fault is an object")
    unknown = set(raw) - FAULT_FIELDS
    if unknown:
        raise FaultError(f"unknown fault field(s): {', '.join(sorted(unknown))}")
    status = raw.get("status")
    if status is not None and (type(status) is not int or not 400 <= status <= 599):
        raise FaultError("status: expected an HTTP error status 400..599")
    numbers = {}
    for name, default, minimum in (("count", 1, 1), ("reset", 1, 0), ("delay_ms", 0, 0)):
        value = raw.get(name, default)
        if type(value) is not int or value < minimum:
            raise FaultError(f"{name}: expected an integer >= {minimum}")
        numbers[name] = value
    close, hold = raw.get("close", False), raw.get("hold", False)
    if not isinstance(close, bool) or not isinstance(hold, bool):
        raise FaultError("close and hold: expected true or false")
    if status is None and not close and not hold and numbers["delay_ms"] == 0:
        raise FaultError("a fault needs a status, delay_ms, hold or close")
    path_prefix = raw.get("path_prefix", "/api/")
    method = raw.get("method")
    if not isinstance(path_prefix, str) or not (method is None or isinstance(method, str)):
        raise FaultError("path_prefix and method are strings")
    return Fault(status=status, path_prefix=path_prefix, method=method and method.upper(),
                 close=close, hold=hold, **numbers)


class FaultQueue:
    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []
        self._released = threading.Event()
        self._held = 0

    def add(self, faults):
        with self._lock:
            self._faults.extend(faults)

    def clear(self):
        with self._lock:
            self._faults.clear()
        self.release()

    def hold(self):
        """Keep a request waiting until `release` (or `clear`), so a test can look at what its client did
        meanwhile without racing a timer; at most HOLD_LIMIT_SECONDS."""
        with self._lock:
            released = self._released
            self._held += 1
        try:
            released.wait(HOLD_LIMIT_SECONDS)
        finally:
            with self._lock:
                self._held -= 1

    def held(self):
        with self._lock:
            return self._held

    def release(self):
        """Let every held request go on; answers how many were waiting."""
        with self._lock:
            released, self._released = self._released, threading.Event()
            waiting = self._held
        released.set()
        return waiting

    def take(self, method, path):
        """Consume one use of the first fault matching this request, if any."""
        with self._lock:
            for fault in self._faults:
                if path.startswith(fault.path_prefix) and fault.method in (None, method):
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                    return fault
        return None


class RateLimit:
    """A calendar-aligned window, like Datadog's: `limit` requests per `period` seconds."""

    def __init__(self, limit, period, clock=time.time):
        self.limit = limit
        self.period = period
        self._clock = clock
        self._lock = threading.Lock()
        self._window = None
        self._used = 0

    def reset(self):
        with self._lock:
            self._window = None
            self._used = 0

    def hit(self):
        """Count one request; return (allowed, headers)."""
        with self._lock:
            now = self._clock()
            window = math.floor(now / self.period)
            if window != self._window:
                self._window, self._used = window, 0
            self._used += 1
            remaining = max(0, self.limit - self._used)
            reset = max(1, math.ceil((window + 1) * self.period - now))
            return self._used <= self.limit, self.headers(remaining, reset)

    def headers(self, remaining, reset):
        return {
            "X-RateLimit-Limit": self.limit,
            "X-RateLimit-Period": self.period,
            "X-RateLimit-Remaining": remaining,
            "X-RateLimit-Reset": reset,
            "X-RateLimit-Name": "monitors",
        }
