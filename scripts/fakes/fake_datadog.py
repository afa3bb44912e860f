#!/usr/bin/env python3
"""A fake Datadog API v1 (monitors, dashboards) for local runs and tests; see README.md."""

import argparse
import hmac
import json
import re
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ddfake.catalogue import CatalogueError, catalogue_entries, load_catalogue_file
from ddfake.dashboards import DEFAULT_COUNT, Dashboards, InvalidDashboard, load_directory
from ddfake.faults import FaultError, FaultQueue, RateLimit, parse_fault
from ddfake.generate import generated_catalogue
from ddfake.listing import BadRequest, boolean, parse_list_params, select
from ddfake.org import Org
from ddfake.render import parse_group_states
from ddfake.scenario import ScenarioError
from httpkit import FakeHandler, add_server_arguments, serve

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ERROR_TEXT = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
              405: "Method Not Allowed", 413: "Payload Too Large", 429: "Rate limit exceeded"}
# Deprecated query-string auth; never echoed into the request log.
SECRET_PARAMS = {"api_key", "application_key"}
UNIMPLEMENTED = {"search", "groups", "can_delete", "validate"}
MONITOR_ID = re.compile(r"[0-9]{1,18}")
DASHBOARDS = "/api/v1/dashboard"
# Dashboard routes of the spec the fake does not play: bulk delete and restore, public sharing.
UNIMPLEMENTED_DASHBOARD = {("DELETE", ""), ("PATCH", "")}


def error_body(status, message=None):
    text = message or ERROR_TEXT.get(status) or ("Internal Server Error" if status >= 500 else "Error")
    return {"errors": [text]}


class DatadogHandler(FakeHandler):
    server_version = "fake-datadog/1"
    max_body = 16 << 20  # a generated 1,000-monitor catalogue fits with room to spare

    def reply_error(self, status, message):
        self.reply_json(status, error_body(status, message))

    def route(self, method):
        url = urlsplit(self.path)
        query = {name: values[-1] for name, values in parse_qs(url.query, keep_blank_values=True).items()}
        if url.path.startswith("/_fake/"):
            self.control(method, url.path, query)
        elif url.path.startswith("/api/"):
            self.api(method, url.path, query)
        else:
            self.reply_error(404, None)

    # --- the API ---------------------------------------------------------------------------

    def api(self, method, path, query):
        server = self.server
        if server.latency_ms:
            time.sleep(server.latency_ms / 1000)
        allowed, limit_headers = server.rate_limit.hit()
        status, document, headers = self.api_response(method, path, query, allowed)
        logged = {name: value for name, value in query.items() if name not in SECRET_PARAMS}
        server.org.log_request(method, path, logged, status)
        if status is None:  # an injected dropped connection
            self.close_connection = True
            return
        self.reply_json(status, document, {**limit_headers, **headers})

    def api_response(self, method, path, query, allowed):
        """(status, JSON document, extra headers) of one API request."""
        needs_app_key = path != "/api/v1/validate"
        if not self.authorised(needs_app_key):
            return 403, error_body(403), {}
        fault = self.server.faults.take(method, path)
        if fault:
            if fault.hold:
                self.server.faults.hold()
            if fault.delay_ms:
                time.sleep(fault.delay_ms / 1000)
            if fault.close:
                return None, None, {}
            if fault.status == 429:
                return 429, error_body(429), self.server.rate_limit.headers(0, fault.reset)
            if fault.status:
                return fault.status, error_body(fault.status), {}
        if not allowed:
            return 429, error_body(429), {}
        try:
            if path == DASHBOARDS or path.startswith(DASHBOARDS + "/"):
                return self.dashboard_api(method, path.removeprefix(DASHBOARDS).removeprefix("/"), query)
            if method not in ("GET", "HEAD"):
                return 405, error_body(405), {}
            return self.read_api(path, query)
        except BadRequest as exc:
            return 400, error_body(400, str(exc)), {}

    def authorised(self, needs_app_key):
        keys = self.server.keys
        supplied_api = self.headers.get("DD-API-KEY", "")
        supplied_app = self.headers.get("DD-APPLICATION-KEY", "")
        api_ok = hmac.compare_digest(supplied_api.encode(), keys["api"].encode())
        app_ok = hmac.compare_digest(supplied_app.encode(), keys["app"].encode())
        return api_ok and (app_ok or not needs_app_key)

    def read_api(self, path, query):
        snapshot = self.server.org.snapshot
        if path == "/api/v1/validate":
            return 200, {"valid": True}, {}
        if path == "/api/v1/monitor":
            params = parse_list_params(query)
            renderer = snapshot.renderer
            chosen = select(snapshot.entries(), params, lambda entry: renderer.groups(*entry))
            return 200, [renderer.monitor(d, o, params.group_filter, params.with_downtimes)
                         for d, o in chosen], {}
        tail = path.removeprefix("/api/v1/monitor/")
        if tail == path or "/" in tail:
            return 404, error_body(404), {}
        if tail in UNIMPLEMENTED:
            return 501, error_body(501, "Not implemented by fake_datadog"), {}
        if not MONITOR_ID.fullmatch(tail):
            return 400, error_body(400, "Invalid monitor_id: expected an integer"), {}
        found = snapshot.find(int(tail))
        if found is None or found[1].deleted_after_listing:
            return 404, error_body(404, "Monitor not found"), {}
        definition, override = found
        if override.error_status:
            return override.error_status, error_body(override.error_status), {}
        monitor = snapshot.renderer.monitor(definition, override,
                                            parse_group_states(query.get("group_states")),
                                            boolean(query, "with_downtimes"))
        return 200, monitor, {}

    def dashboard_api(self, method, tail, query):
        """/api/v1/dashboard (`tail` empty) and /api/v1/dashboard/{dashboard_id}."""
        store = self.server.dashboards
        if (method, tail) in UNIMPLEMENTED_DASHBOARD or tail == "public" or tail.startswith("public/"):
            return 501, error_body(501, "Not implemented by fake_datadog"), {}
        if "/" in tail:
            return 404, error_body(404), {}
        if tail == "":
            if method in ("GET", "HEAD"):
                return 200, {"dashboards": store.listing(**dashboard_list_params(query))}, {}
            if method == "POST":
                return self.dashboard_write(lambda body: store.create(body))
            return 405, error_body(405), {}
        if method not in ("GET", "HEAD", "PUT", "DELETE"):
            return 405, error_body(405), {}
        if store.get(tail) is None:
            return 404, error_body(404, f"Dashboard with ID {tail} not found"), {}
        if method == "PUT":
            return self.dashboard_write(lambda body: store.update(tail, body))
        if method == "DELETE":
            store.delete(tail)
            return 200, {"deleted_dashboard_id": tail}, {}
        return 200, store.get(tail), {}

    def dashboard_write(self, write):
        try:
            body = json.loads(self.body or b"")
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            return 400, error_body(400, f"Invalid JSON: {exc}"), {}
        try:
            written = write(body)
        except InvalidDashboard as exc:
            return 400, error_body(400, str(exc)), {}
        if written is None:  # deleted between the existence check and the write
            return 404, error_body(404), {}
        return 200, written, {}

    # --- control routes (no auth: they exist only on the fake) ------------------------------

    def control(self, method, path, query):
        org, faults = self.server.org, self.server.faults
        if (method, path) == ("GET", "/_fake/requests"):
            self.reply_json(200, org.requests())
            return
        if (method, path) == ("POST", "/_fake/reset"):
            org.reset()
            self.server.dashboards.reset()
            faults.clear()
            self.server.rate_limit.reset()
            self.reply_json(200, {"reset": True})
            return
        if (method, path) == ("GET", "/_fake/held"):
            self.reply_json(200, {"held": faults.held()})
            return
        if (method, path) == ("POST", "/_fake/release"):
            self.reply_json(200, {"released": faults.release()})
            return
        if method != "POST" or path not in ("/_fake/faults", "/_fake/scenario", "/_fake/monitors"):
            self.reply_error(404 if method in ("GET", "POST") else 405, None)
            return
        try:
            document = json.loads(self.body or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            self.reply_error(400, f"body is not JSON: {exc}")
            return
        try:
            self.reply_json(200, self.apply_control(path, document))
        except (FaultError, ScenarioError, CatalogueError, ValueError) as exc:
            self.reply_error(400, str(exc))

    def apply_control(self, path, document):
        org = self.server.org
        if path == "/_fake/faults":
            raws = document if isinstance(document, list) else [document]
            added = [parse_fault(raw) for raw in raws]
            self.server.faults.add(added)
            return {"added": len(added)}
        if path == "/_fake/scenario":
            snapshot = org.replace_scenario(document)
            return {"overrides": len(snapshot.overrides), "warnings": list(snapshot.warnings)}
        if not isinstance(document, dict):
            raise ValueError("expected an object")
        extra = document.get("extra_monitors")
        if extra is not None and (type(extra) is not int or extra < 0):
            raise ValueError("extra_monitors: expected an integer >= 0")
        if "generate" in document:
            count = document["generate"]
            if type(count) is not int or not 0 <= count <= 20_000:
                raise ValueError("generate: expected an integer 0..20000")
            entries = generated_catalogue(count, document.get("priority_mix"), document.get("seed", 1000))
        else:
            entries = catalogue_entries(document)
        snapshot = org.replace_catalogue(entries, extra)
        return {"monitors": len(snapshot.definitions), "catalogue": len(entries),
                "warnings": list(snapshot.warnings)}


def dashboard_list_params(query):
    """GET /api/v1/dashboard's filter[shared], filter[deleted], count and start."""
    shared, deleted = boolean(query, "filter[shared]"), boolean(query, "filter[deleted]")
    if shared and deleted:
        raise BadRequest("filter[shared] and filter[deleted] cannot be used together")
    numbers = {}
    for name, default in (("count", DEFAULT_COUNT), ("start", 0)):
        raw = query.get(name)
        try:
            numbers[name] = default if raw is None else int(raw)
        except ValueError:
            raise BadRequest(f"Invalid {name}: {raw!r} is not an integer") from None
        if numbers[name] < 0:
            raise BadRequest(f"Invalid {name}: must be >= 0")
    return {"shared": shared, "deleted": deleted, **numbers}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    add_server_arguments(parser)
    parser.add_argument("--catalogue", default=str(REPO / "terraform/datadog/monitors.json"))
    parser.add_argument("--scenario", default=str(HERE / "datadog-scenario.json"),
                        help="scenario JSON; an empty string means every monitor is OK")
    parser.add_argument("--team", default="argos", help="team tag of the catalogue's monitors")
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--app-key", required=True)
    parser.add_argument("--extra-monitors", type=int, default=185,
                        help="other-team monitors (team:service-red-team) in the org")
    parser.add_argument("--latency-ms", type=int, default=0, help="added to every API request")
    parser.add_argument("--rate-limit", type=int, default=1000, help="API requests per period")
    parser.add_argument("--rate-period", type=int, default=10, help="rate-limit period, seconds")
    parser.add_argument("--dashboards", metavar="DIR",
                        help="preload every DIR/*.json as a dashboard (e.g. terraform/datadog/dashboards)")
    return parser.parse_args(argv)


def load_scenario(path):
    if not path:
        return {"monitors": {}}
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise ScenarioError(f"cannot load scenario {path}: {exc}") from None


def main(argv=None):
    args = parse_arguments(argv)
    if args.extra_monitors < 0 or args.latency_ms < 0 or args.rate_limit < 1 or args.rate_period < 1:
        sys.exit("fake_datadog: counts, latency and rate limits must not be negative")
    try:
        org = Org(args.team, load_catalogue_file(args.catalogue), load_scenario(args.scenario),
                  args.extra_monitors)
        dashboards = Dashboards(load_directory(args.dashboards) if args.dashboards else ())
    except (CatalogueError, ScenarioError, InvalidDashboard) as exc:
        sys.exit(f"fake_datadog: {exc}")

    def attach(server):
        server.org = org
        server.dashboards = dashboards
        server.faults = FaultQueue()
        server.rate_limit = RateLimit(args.rate_limit, args.rate_period)
        server.keys = {"api": args.api_key, "app": args.app_key}
        server.latency_ms = args.latency_ms

    serve(DatadogHandler, args, attach)


if __name__ == "__main__":
    main()
