"""What the three credential fakes share: credentials that rotate and expire, injected faults, a request log
that never holds a secret, a log redactor, and the control routes built on them.

The fakes (imds_fake.py, container_credentials_fake.py, sso_portal_fake.py) subclass `CredentialHandler`,
which answers `<prefix>requests`, `<prefix>faults`, `<prefix>rotate` and `<prefix>reset` and applies the
faults before the fake's own `api()` runs.
"""

import json
import re
import secrets
import string
import sys
import threading
import time
from collections import deque
from datetime import datetime, timezone
from urllib.parse import quote

from httpkit import FakeHandler

ISO_8601 = "%Y-%m-%dT%H:%M:%SZ"
# Requests kept in the log; the oldest go first.
LOG_LIMIT = 10_000
# Longest path (and logged query value) kept in the log.
LOGGED_TEXT_LIMIT = 1024
# A delay fault waits at most this long, and `reset` cuts it short.
MAX_DELAY_MS = 60_000
# Faults waiting to be used, all routes together.
MAX_FAULTS = 1000
# Credential values given to `rotate` (an STS session token is ~1 KiB; this leaves room).
MAX_VALUE_LENGTH = 8192
# Lifetimes accepted from the command line and from `rotate`, seconds: up to a week.
MAX_LIFETIME = 7 * 24 * 3600
FAULT_FIELDS = {"status", "count", "path_prefix", "method", "delay_ms", "close"}
QUERY = re.compile(r"\?[^\s\"']*")


class ControlError(ValueError):
    pass


def iso(epoch):
    """Seconds since the epoch as AWS writes them in credential documents: 2017-05-17T15:09:54Z."""
    return datetime.fromtimestamp(epoch, timezone.utc).strftime(ISO_8601)


def clip(text, limit=LOGGED_TEXT_LIMIT):
    return text if len(text) <= limit else text[:limit] + "…"


def random_access_key_id():
    return "ASIA" + "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(16))


def random_secret():
    return secrets.token_urlsafe(30)[:40]


def random_session_token():
    return "FQoGZXIvYXdzE" + secrets.token_urlsafe(180)


def lifetime(value, name="expires_in"):
    """A credential lifetime in whole seconds, 0..MAX_LIFETIME; raises ControlError otherwise."""
    if type(value) is not int or not 0 <= value <= MAX_LIFETIME:
        raise ControlError(f"{name}: expected whole seconds 0..{MAX_LIFETIME}")
    return value


class Credentials:
    """The role credentials a fake hands out, and when they expire.

    `fields` maps the names used by `rotate` to start-up values, e.g. access_key_id, secret_access_key,
    session_token (and role_arn for the container fake). `secret_fields` are never logged.
    """

    secret_fields = ("secret_access_key", "session_token")

    def __init__(self, fields, expires_in, clock=time.time):
        self._initial = dict(fields)
        self._initial_lifetime = expires_in
        self._clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        """Back to the start-up values, with a fresh lifetime from now."""
        with self._lock:
            now = self._clock()
            self._values = dict(self._initial)
            self._updated = now
            self._expiration = now + self._initial_lifetime

    def current(self):
        """(values, last_updated, expiration) as one consistent snapshot; times are epoch seconds."""
        with self._lock:
            return dict(self._values), self._updated, self._expiration

    def rotate(self, document):
        """New values from a control body; a value not given is generated, as STS would issue a new one."""
        if document is None:
            document = {}
        if not isinstance(document, dict):
            raise ControlError("expected an object")
        known = set(self._initial) | {"expires_in"}
        unknown = set(document) - known
        if unknown:
            raise ControlError(f"unknown field(s): {', '.join(sorted(unknown))}; expected {', '.join(sorted(known))}")
        for name in set(document) - {"expires_in"}:
            value = document[name]
            if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
                raise ControlError(f"{name}: expected a string of at most {MAX_VALUE_LENGTH} characters")
        expires_in = lifetime(document.get("expires_in", self._initial_lifetime))
        generated = {"access_key_id": random_access_key_id(), "secret_access_key": random_secret(),
                     "session_token": random_session_token()}
        with self._lock:
            now = self._clock()
            for name in self._initial:
                if name in document:
                    self._values[name] = document[name]
                elif name in generated:
                    self._values[name] = generated[name]
            self._updated = now
            self._expiration = now + expires_in
            return {"access_key_id": self._values.get("access_key_id"), "expiration": iso(self._expiration)}

    def secrets(self):
        with self._lock:
            return {self._values.get(name) for name in self.secret_fields} - {None, ""}


class Fault:
    __slots__ = ("status", "count", "path_prefix", "method", "delay_ms", "close")

    def __init__(self, status, count, path_prefix, method, delay_ms, close):
        self.status, self.count, self.path_prefix = status, count, path_prefix
        self.method, self.delay_ms, self.close = method, delay_ms, close


def parse_fault(raw):
    if not isinstance(raw, dict):
        raise ControlError("a fault is an object")
    unknown = set(raw) - FAULT_FIELDS
    if unknown:
        raise ControlError(f"unknown fault field(s): {', '.join(sorted(unknown))}")
    status = raw.get("status")
    if status is not None and (type(status) is not int or not 400 <= status <= 599):
        raise ControlError("status: expected an HTTP error status 400..599")
    count, delay_ms = raw.get("count", 1), raw.get("delay_ms", 0)
    if type(count) is not int or not 1 <= count <= 1_000_000:
        raise ControlError("count: expected an integer 1..1000000")
    if type(delay_ms) is not int or not 0 <= delay_ms <= MAX_DELAY_MS:
        raise ControlError(f"delay_ms: expected an integer 0..{MAX_DELAY_MS}")
    close = raw.get("close", False)
    if not isinstance(close, bool):
        raise ControlError("close: expected true or false")
    if status is None and not close and delay_ms == 0:
        raise ControlError("a fault needs a status, delay_ms or close")
    path_prefix, method = raw.get("path_prefix", "/"), raw.get("method")
    if not isinstance(path_prefix, str) or not path_prefix.startswith("/") or len(path_prefix) > 1024:
        raise ControlError("path_prefix: expected a path starting with /")
    if method is not None and (not isinstance(method, str) or not method.isalpha() or len(method) > 16):
        raise ControlError("method: expected an HTTP method such as GET")
    return Fault(status, count, path_prefix, method and method.upper(), delay_ms, close)


class Faults:
    """The next `count` requests matching a fault fail (or wait, or lose their connection)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []
        self._released = threading.Event()
        self._waiting = 0

    def add(self, faults):
        with self._lock:
            if len(self._faults) + len(faults) > MAX_FAULTS:
                raise ControlError(f"at most {MAX_FAULTS} faults may wait")
            self._faults.extend(faults)

    def take(self, method, path):
        with self._lock:
            for fault in self._faults:
                if path.startswith(fault.path_prefix) and fault.method in (None, method):
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def wait(self, delay_ms):
        """Sleep for a delay fault; `clear` wakes every sleeper so a reset never leaves a request hanging."""
        with self._lock:
            released = self._released
            self._waiting += 1
        try:
            released.wait(delay_ms / 1000)
        finally:
            with self._lock:
                self._waiting -= 1

    def status(self):
        with self._lock:
            return {"pending": sum(fault.count for fault in self._faults), "waiting": self._waiting}

    def clear(self):
        with self._lock:
            self._faults.clear()
            released, self._released = self._released, threading.Event()
        released.set()


class RequestLog:
    def __init__(self):
        self._lock = threading.Lock()
        self._entries = deque(maxlen=LOG_LIMIT)

    def add(self, entry):
        with self._lock:
            self._entries.append({"time": round(time.time(), 3), **entry})

    def entries(self):
        with self._lock:
            return list(self._entries)

    def clear(self):
        with self._lock:
            self._entries.clear()


def redact(text, secret_values):
    """A log line without query strings or any secret the fake knows of (whole, URL-encoded, or any long
    word of it), and not too long."""
    text = QUERY.sub("?…", text)
    candidates = set()
    for value in secret_values:
        if value:
            candidates |= {value, quote(value, safe="/")} | {word for word in value.split() if len(word) >= 8}
    for candidate in sorted(candidates, key=len, reverse=True):
        if candidate in text:
            text = text.replace(candidate, "[redacted]")
    return clip(text, 500)


def parse_json_body(body):
    """The decoded control body (None when empty); ControlError when it is not JSON."""
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ControlError(f"body is not JSON: {exc.__class__.__name__}") from None


class CredentialHandler(FakeHandler):
    """Routes control requests under `control_prefix`, applies faults, answers the API, logs the outcome.

    A subclass sets `control_prefix`, implements `api(method, path, query) -> Answer` and
    `fault_answer(status) -> Answer`, and may extend `log_fields` and `extra_control`.
    The server carries `credentials`, `faults`, `request_log` and a `secret_values()` callable.
    """

    control_prefix = "/_fake/"
    # The APIs take no body; control bodies are small JSON documents.
    max_body = 64 << 10

    def version_string(self):
        return self.server_version

    def route(self, method):
        path, _, query = self.path.partition("?")
        if path.startswith(self.control_prefix):
            self.control(method, path)
            return
        entry = {"method": method, "path": clip(path), **self.log_fields(query)}
        fault = self.server.faults.take(method, path)
        if fault:
            if fault.delay_ms:
                self.server.faults.wait(fault.delay_ms)
            if fault.close:
                self.server.request_log.add({**entry, "status": None, "fault": True})
                self.close_connection = True
                return
            if fault.status:
                answer = self.fault_answer(fault.status)
                self.server.request_log.add({**entry, "status": answer.status, "fault": True})
                self.send(answer)
                return
        answer = self.api(method, path, query)
        self.server.request_log.add({**entry, "status": answer.status, "fault": False})
        self.send(answer)

    def send(self, answer):
        self.reply(answer.status, answer.body, answer.content_type, answer.headers)

    def log_fields(self, query):
        return {}

    def api(self, method, path, query):
        raise NotImplementedError

    def fault_answer(self, status):
        raise NotImplementedError

    # --- control routes --------------------------------------------------------------------

    def control(self, method, path):
        name = path[len(self.control_prefix):]
        server = self.server
        try:
            if (method, name) == ("GET", "requests"):
                self.reply_json(200, server.request_log.entries())
            elif (method, name) == ("POST", "reset"):
                self.reset_state()
                self.reply_json(200, {"reset": True})
            elif (method, name) == ("GET", "faults"):
                self.reply_json(200, server.faults.status())
            elif (method, name) == ("POST", "faults"):
                document = parse_json_body(self.body)
                raws = document if isinstance(document, list) else [document]
                added = [parse_fault(raw) for raw in raws]
                server.faults.add(added)
                self.reply_json(200, {"added": len(added)})
            elif (method, name) == ("POST", "rotate"):
                self.reply_json(200, server.credentials.rotate(parse_json_body(self.body)))
            elif not self.extra_control(method, name):
                known = name in ("requests", "reset", "faults", "rotate") or self.knows_control(name)
                self.reply_json(405 if known else 404,
                                {"error": "method not allowed" if known else "unknown control route"})
        except ControlError as exc:
            self.reply_json(400, {"error": str(exc)})

    def reset_state(self):
        server = self.server
        server.faults.clear()
        server.request_log.clear()
        server.credentials.reset()

    def extra_control(self, method, name):
        """Answer a fake-specific control route; False when `name` is not one."""
        return False

    def knows_control(self, name):
        return False

    # --- logging: only with --verbose, and never a secret ----------------------------------

    def log_request(self, code="-", size="-"):
        path = getattr(self, "path", "").partition("?")[0]
        self.log_message("%s %s %s", getattr(self, "command", None) or "-", clip(path, 200), code)

    def log_error(self, format, *args):
        # http.server's messages quote what the client sent (a bad request line, say): log the status only.
        code = args[0] if args and isinstance(args[0], int) else "-"
        self.log_message("refused a malformed request: code %s", code)

    def log_message(self, format, *args):
        if getattr(self.server, "verbose", False):
            text = redact(format % args, self.server.secret_values())
            sys.stderr.write(f"{self.address_string()} - [{self.log_date_time_string()}] {text}\n")


class Answer:
    __slots__ = ("status", "body", "content_type", "headers")

    def __init__(self, status, body, content_type, headers=None):
        self.status = status
        self.body = body if isinstance(body, bytes) else body.encode("utf-8")
        self.content_type = content_type
        self.headers = headers or {}

    @classmethod
    def json(cls, status, document, headers=None, content_type="application/json"):
        return cls(status, json.dumps(document), content_type, headers)


def add_credential_arguments(parser, session_token_help):
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--secret-access-key", required=True)
    parser.add_argument("--session-token", required=True, help=session_token_help)
    parser.add_argument("--expires-in", type=int, default=3600,
                        help=f"credential lifetime in seconds, 0..{MAX_LIFETIME} (default 3600)")


def check_credential_arguments(prog, args):
    if not args.access_key_id or not args.secret_access_key:
        sys.exit(f"{prog}: --access-key-id and --secret-access-key must not be empty")
    if not 0 <= args.expires_in <= MAX_LIFETIME:
        sys.exit(f"{prog}: --expires-in must be 0..{MAX_LIFETIME} seconds")
    for value in (args.access_key_id, args.secret_access_key, args.session_token):
        if len(value) > MAX_VALUE_LENGTH:
            sys.exit(f"{prog}: credential values are at most {MAX_VALUE_LENGTH} characters")


def attach_common(server, credentials, extra_secrets=lambda: set()):
    server.credentials = credentials
    server.faults = Faults()
    server.request_log = RequestLog()
    server.secret_values = lambda: credentials.secrets() | extra_secrets()
