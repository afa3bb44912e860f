#!/usr/bin/env python3
"""A proxy in front of the local AWS (moto) that adds what `opsdaily tags` and `opsdaily autorecovery` need
and moto 5.2.1 lacks, so the real binary can be tested against moto with signature checking on.

    aws_fleet_proxy.py --upstream http://127.0.0.1:5000 --port 0 --port-file FILE [--alarm-page-size 10]

Every request goes to moto first, byte for byte and with its own Host header, so moto checks the signature
and the caller's IAM policy as usual (the client signed the proxy's host:port, and that is the Host moto
sees). Only then is the answer touched, in the public API's shape:
- EC2 DescribeInstances: moto sends no `maintenanceOptions`. Each instance the proxy has a setting for gets
  `<maintenanceOptions><autoRecovery>default|disabled</autoRecovery></maintenanceOptions>`; the others are
  left without one, which AWS documents as `default`.
- EC2 ModifyInstanceMaintenanceOptions: moto answers 500 once the request passed its checks (it has no such
  action); the proxy then records the setting and answers as EC2 does. A refused signature stays refused.
- CloudWatch DescribeAlarms (query and JSON protocols): moto ignores MaxRecords and NextToken and returns
  every alarm. The proxy slices moto's answer into pages sorted by name, min(MaxRecords or 50,
  --alarm-page-size) long, with a NextToken of its own. Every page request is the client's own signed
  request forwarded again, so a page is cut from moto's current list: the token holds an offset and a
  fingerprint of the filters, and the proxy keeps no state between pages.
- EC2 DescribeInstanceTypes is left alone: moto 5.2.1 already returns `autoRecoverySupported` (false for
  i3.*, i3en.*; true for t3, m5, c5, r5).

Control routes (no auth):
  POST /_fake/maintenance  {"i-…": "default" | "disabled" | null}: set (null: forget) instances' AutoRecovery;
                           answers the whole table
  GET  /_fake/maintenance  the table
  POST /_fake/faults       a fault or a list: {"action": "PutMetricAlarm", "match": "i-…", "service":
                           "monitoring", "status": 400, "code": "ValidationError", "message": "…", "count": 1};
                           matching requests (`match`: a substring of the URL-decoded body or query) are
                           answered with that error in the caller's protocol and never reach moto.
                           Without `count`, every match until reset.
  GET  /_fake/faults       the faults still armed
  GET  /_fake/requests     every AWS request: time, method, path, service, region, action, write,
                           access_key_id, status, answered ("moto", "proxy" or "fault")
  GET  /_fake/writes       the same, write calls only (any action but Describe*/List*/Get*/…; for REST
                           calls any method but GET/HEAD), whatever their status
  POST /_fake/reset        empty log, no faults; the maintenance table stays (it is AWS state, like moto's),
                           unless the body is {"maintenance": true}

Which log proves "no write call": both can. This proxy's /_fake/writes sees every request the client sent,
faulted ones included. moto's own recording (MOTO_RECORDER_FILEPATH, /moto-api/recorder/…, as
scripts/emulate.sh uses it) sees what reached moto; scripts/tests/fleet_fixture.py `write_calls` reads it.
"""

import argparse
import base64
import hashlib
import http.client
import json
import re
import sys
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, unquote_plus, urlsplit

import httpkit

CREDENTIAL_SCOPE = re.compile(r"Credential=([^/,\s]+)/\d{8}/([^/]+)/([^/]+)/aws4_request")
# Actions that read; everything else a client sends is counted as a write. Erring towards "write" is the
# safe side for a test that proves a dry run wrote nothing.
READ_PREFIXES = ("Describe", "List", "Get", "BatchGet", "Lookup", "Search", "Query", "Scan", "Simulate")
READ_ACTIONS = {"AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"}
AUTO_RECOVERY = ("default", "disabled")
ALARM_PAGE_DEFAULT, ALARM_PAGE_MAX = 50, 100
DEFAULT_CODES = {400: "ValidationError", 403: "AccessDenied", 429: "Throttling", 500: "InternalFailure",
                 503: "ServiceUnavailable"}
MAX_LOG = 100_000
NAMESPACES = {"monitoring": "http://monitoring.amazonaws.com/doc/2010-08-01/"}


class BadRequest(Exception):
    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.code, self.status = code, status


class Call:
    """What one AWS request is: service and region from its credential scope, action by its protocol."""

    def __init__(self, method, target, headers, body):
        parts = urlsplit(target)
        self.method, self.path, self.query = method, parts.path, parts.query
        self.headers, self.body = headers, body
        scope = CREDENTIAL_SCOPE.search(headers.get("Authorization", "") or unquote_plus(parts.query))
        self.access_key_id, self.region, self.service = scope.groups() if scope else (None, None, None)
        self.params = {}
        amz_target = headers.get("X-Amz-Target")
        if amz_target:
            self.protocol, self.action = "json", amz_target.rsplit(".", 1)[-1]
            try:
                self.params = json.loads(body or b"{}")
            except ValueError:
                self.params = {}
        elif self.path.startswith("/service/") and "/operation/" in self.path:
            self.protocol, self.action = "cbor", self.path.rsplit("/", 1)[-1]
        else:
            form = dict(parse_qsl(parts.query, keep_blank_values=True))
            if method == "POST" and "x-www-form-urlencoded" in headers.get("Content-Type", ""):
                form.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
            if "Action" in form:
                self.protocol = "ec2" if self.service == "ec2" else "query"
                self.action, self.params = form["Action"], form
            else:
                self.protocol, self.action = "rest", None
        if self.path.startswith("/moto-api/"):
            self.service, self.write = "moto-api", False
        elif self.action:
            self.write = not (self.action.startswith(READ_PREFIXES) or self.action in READ_ACTIONS)
        else:
            self.write = method not in ("GET", "HEAD", "OPTIONS")

    def text(self):
        """The request as a fault's `match` sees it: the query and the body, URL-decoded."""
        return unquote_plus(self.query) + "\n" + unquote_plus(self.body.decode("utf-8", "replace"))

    def is_(self, service, action):
        return self.service == service and self.action == action


class State:
    def __init__(self, upstream, alarm_page_size):
        parts = urlsplit(upstream)
        self.host, self.port = parts.hostname, parts.port or 80
        self.alarm_page_size = alarm_page_size
        self.lock = threading.Lock()
        self.maintenance = {}
        self.faults = []
        self.log = []

    def take_fault(self, call):
        text = None
        with self.lock:
            for fault in self.faults:
                if fault["action"] != call.action or fault.get("service", call.service) != call.service:
                    continue
                if fault.get("match"):
                    text = call.text() if text is None else text
                    if fault["match"] not in text:
                        continue
                if "count" in fault:
                    if fault["count"] <= 0:
                        continue
                    fault["count"] -= 1
                return fault
        return None

    def record(self, call, status, answered):
        entry = {"time": time.time(), "method": call.method, "path": call.path, "service": call.service,
                 "region": call.region, "action": call.action or f"{call.method} {call.path}", "write": call.write,
                 "access_key_id": call.access_key_id, "status": status, "answered": answered}
        with self.lock:
            self.log.append(entry)
            del self.log[:-MAX_LOG]


def checked_fault(fault):
    if not isinstance(fault, dict) or not isinstance(fault.get("action"), str) or not fault["action"]:
        raise ValueError("a fault is an object with an action")
    status = fault.get("status", 400)
    if type(status) is not int or not 400 <= status <= 599:
        raise ValueError("status must be 400..599")
    if "count" in fault and (type(fault["count"]) is not int or fault["count"] < 1):
        raise ValueError("count must be a positive integer")
    for key in ("match", "service", "code", "message"):
        if key in fault and not isinstance(fault[key], str):
            raise ValueError(f"{key} must be a string")
    return {**fault, "status": status, "code": fault.get("code") or DEFAULT_CODES.get(status, "ServiceError"),
            "message": fault.get("message", "The request was refused (fault injected by aws_fleet_proxy).")}


# --- answers in the services' shapes ----------------------------------------------------------------------

def request_id():
    return str(uuid.uuid4())


def error_reply(call, status, code, message):
    """(status, headers, body) of an AWS error as the caller's protocol carries it."""
    rid = request_id()
    sender = "Sender" if status < 500 else "Receiver"
    if call.protocol == "json" or call.protocol == "rest":
        headers = {"Content-Type": call.headers.get("Content-Type") or "application/x-amz-json-1.0",
                   "x-amzn-RequestId": rid, "x-amzn-ErrorType": code}
        if call.headers.get("x-amzn-query-mode", "").lower() == "true":
            headers["x-amzn-query-error"] = f"{code};{sender}"
        return status, headers, json.dumps({"__type": code, "message": message}).encode()
    if call.protocol == "ec2":
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>{escape(code)}</Code>'
                f"<Message>{escape(message)}</Message></Error></Errors><RequestID>{rid}</RequestID></Response>")
    else:
        namespace = NAMESPACES.get(call.service)
        xmlns = f' xmlns="{namespace}"' if namespace else ""
        body = (f"<ErrorResponse{xmlns}><Error><Type>{sender}</Type><Code>{escape(code)}</Code>"
                f"<Message>{escape(message)}</Message></Error><RequestId>{rid}</RequestId></ErrorResponse>")
    return status, {"Content-Type": "text/xml", "x-amzn-RequestId": rid}, body.encode()


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def namespace_of(root):
    return root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""


def serialize(root):
    namespace = namespace_of(root)
    # The default namespace must stay the default: an `ns0:` prefix would hide every element from a client
    # that matches element names without namespace processing.
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True, default_namespace=namespace or None)


def with_maintenance(payload, table):
    if not table:
        return payload
    root = ET.fromstring(payload)
    ns = "{" + namespace_of(root) + "}"
    changed = False
    for instance in root.iterfind(f"{ns}reservationSet/{ns}item/{ns}instancesSet/{ns}item"):
        setting = table.get(instance.findtext(f"{ns}instanceId"))
        if setting is None:
            continue
        options = instance.find(f"{ns}maintenanceOptions")
        if options is None:
            options = ET.SubElement(instance, f"{ns}maintenanceOptions")
        recovery = options.find(f"{ns}autoRecovery")
        if recovery is None:
            recovery = ET.SubElement(options, f"{ns}autoRecovery")
        recovery.text = setting
        changed = True
    return serialize(root) if changed else payload


def maintenance_answer(call, state):
    instance = call.params.get("InstanceId", "")
    if not instance:
        raise BadRequest("MissingParameter", "The request must contain the parameter InstanceId")
    if not re.fullmatch(r"i-[0-9a-f]{8,17}", instance):
        raise BadRequest("InvalidInstanceID.Malformed", f'Invalid id: "{instance}"')
    wanted = call.params.get("AutoRecovery")
    if wanted is not None and wanted not in AUTO_RECOVERY:
        raise BadRequest("InvalidParameterValue", f"Value ({wanted}) for parameter autoRecovery is invalid.")
    with state.lock:
        if wanted is not None:
            state.maintenance[instance] = wanted
        current = state.maintenance.get(instance, "default")
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<ModifyInstanceMaintenanceOptionsResponse '
            'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
            f"<requestId>{request_id()}</requestId><instanceId>{instance}</instanceId>"
            f"<autoRecovery>{current}</autoRecovery><rebootMigration>default</rebootMigration>"
            "</ModifyInstanceMaintenanceOptionsResponse>")
    return 200, {"Content-Type": "text/xml;charset=UTF-8"}, body.encode()


# --- DescribeAlarms pages ---------------------------------------------------------------------------------

PAGING_PARAMS = {"Action", "Version", "MaxRecords", "NextToken"}


def alarm_page(call, state):
    """(offset, size, fingerprint) the request asks for."""
    params = call.params
    raw_size = params.get("MaxRecords")
    if raw_size in (None, ""):
        size = ALARM_PAGE_DEFAULT
    else:
        try:
            size = int(raw_size)
        except (TypeError, ValueError):
            size = 0
        if not 1 <= size <= ALARM_PAGE_MAX:
            raise BadRequest("ValidationError", f"1 validation error detected: Value '{raw_size}' at 'maxRecords' "
                                                f"failed to satisfy constraint: Member must have value less than or "
                                                f"equal to {ALARM_PAGE_MAX}")
    if state.alarm_page_size:
        size = min(size, state.alarm_page_size)
    filters = {k: v for k, v in params.items() if k not in PAGING_PARAMS}
    fingerprint = hashlib.sha256(json.dumps([call.protocol, filters], sort_keys=True).encode()).hexdigest()[:16]
    offset = 0
    token = params.get("NextToken")
    if token:
        try:
            decoded = json.loads(base64.urlsafe_b64decode(token.encode() + b"=" * (-len(token) % 4)))
            offset = decoded["o"]
            if decoded["f"] != fingerprint or type(offset) is not int or offset < 0:
                raise ValueError
        except (ValueError, KeyError, TypeError):
            raise BadRequest("InvalidNextToken", "The service returned an error with Error Code InvalidNextToken.") from None
    return offset, size, fingerprint


def next_token(offset, fingerprint):
    raw = json.dumps({"o": offset, "f": fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def paged_alarms(call, state, payload):
    offset, size, fingerprint = alarm_page(call, state)
    if call.protocol == "json":
        answer = json.loads(payload)
        alarms = [("MetricAlarms", a) for a in answer.get("MetricAlarms", [])] + \
                 [("CompositeAlarms", a) for a in answer.get("CompositeAlarms", [])]
        alarms.sort(key=lambda kind_alarm: kind_alarm[1].get("AlarmName", ""))
        page = alarms[offset:offset + size]
        for kind in ("MetricAlarms", "CompositeAlarms"):
            answer[kind] = [alarm for k, alarm in page if k == kind]
        answer.pop("NextToken", None)
        if offset + size < len(alarms):
            answer["NextToken"] = next_token(offset + size, fingerprint)
        return json.dumps(answer).encode()
    root = ET.fromstring(payload)
    ns = "{" + namespace_of(root) + "}"
    result = root.find(f"{ns}DescribeAlarmsResult")
    if result is None:
        return payload
    containers = {}
    alarms = []
    for kind in ("MetricAlarms", "CompositeAlarms"):
        container = result.find(ns + kind)
        if container is None:
            container = ET.SubElement(result, ns + kind)
        containers[kind] = container
        alarms += [(kind, member) for member in container]
        for member in list(container):
            container.remove(member)
    alarms.sort(key=lambda kind_alarm: kind_alarm[1].findtext(f"{ns}AlarmName") or "")
    for kind, member in alarms[offset:offset + size]:
        containers[kind].append(member)
    for old in result.findall(f"{ns}NextToken"):
        result.remove(old)
    if offset + size < len(alarms):
        ET.SubElement(result, f"{ns}NextToken").text = next_token(offset + size, fingerprint)
    return serialize(root)


# --- the server -------------------------------------------------------------------------------------------

class Handler(httpkit.FakeHandler):
    max_body = 16 << 20

    def route(self, method):
        path = urlsplit(self.path).path
        if path.startswith("/_fake/"):
            return self.control(method, path)
        self.aws(method)

    def control(self, method, path):
        state = self.server.state
        if path == "/_fake/maintenance" and method in ("GET", "POST"):
            if method == "POST":
                try:
                    update = json.loads(self.body or b"null")
                    if not isinstance(update, dict) or not all(
                            isinstance(k, str) and (v is None or v in AUTO_RECOVERY) for k, v in update.items()):
                        raise ValueError('expected {"i-…": "default" | "disabled" | null}')
                except (ValueError, RecursionError) as exc:
                    return self.reply_json(400, {"error": str(exc)})
                with state.lock:
                    for instance, setting in update.items():
                        if setting is None:
                            state.maintenance.pop(instance, None)
                        else:
                            state.maintenance[instance] = setting
            with state.lock:
                return self.reply_json(200, dict(state.maintenance))
        if path == "/_fake/faults" and method in ("GET", "POST"):
            if method == "POST":
                try:
                    faults = json.loads(self.body or b"null")
                    faults = [checked_fault(f) for f in (faults if isinstance(faults, list) else [faults])]
                except (ValueError, RecursionError) as exc:
                    return self.reply_json(400, {"error": str(exc)})
                with state.lock:
                    state.faults += faults
            with state.lock:
                return self.reply_json(200, [f for f in state.faults if f.get("count", 1) > 0])
        if path in ("/_fake/requests", "/_fake/writes") and method == "GET":
            with state.lock:
                entries = [e for e in state.log if path == "/_fake/requests" or e["write"]]
            return self.reply_json(200, entries)
        if path == "/_fake/reset" and method == "POST":
            try:
                options = json.loads(self.body or b"{}")
            except (ValueError, RecursionError):
                options = None
            if not isinstance(options, dict):
                return self.reply_json(400, {"error": 'expected {} or {"maintenance": true}'})
            with state.lock:
                state.log, state.faults = [], []
                if options.get("maintenance"):
                    state.maintenance = {}
            return self.reply_json(200, {"reset": True})
        return self.reply_json(404, {"error": f"no control route {method} {path}"})

    def aws(self, method):
        state = self.server.state
        call = Call(method, self.path, self.headers, self.body)
        fault = state.take_fault(call)
        if fault:
            status, headers, payload = error_reply(call, fault["status"], fault["code"], fault["message"])
            state.record(call, status, "fault")
            return self.send(status, headers, payload)
        try:
            status, headers, payload = self.upstream(method, state)
        except OSError as exc:
            state.record(call, 502, "proxy")
            return self.reply_json(502, {"error": f"upstream: {exc}"})
        answered = "moto"
        try:
            if call.is_("ec2", "DescribeInstances") and status == 200:
                with state.lock:
                    table = dict(state.maintenance)
                payload = with_maintenance(payload, table)
            elif call.is_("ec2", "ModifyInstanceMaintenanceOptions") and status >= 500:
                # moto checked signature and policy before it failed on the action it does not have.
                status, headers, payload = maintenance_answer(call, state)
                answered = "proxy"
            elif call.is_("monitoring", "DescribeAlarms") and status == 200 and call.protocol in ("json", "query"):
                payload = paged_alarms(call, state, payload)
        except BadRequest as exc:
            status, headers, payload = error_reply(call, exc.status, exc.code, str(exc))
            answered = "proxy"
        state.record(call, status, answered)
        self.send(status, headers, payload)

    def upstream(self, method, state):
        connection = http.client.HTTPConnection(state.host, state.port, timeout=60)
        try:
            # The client's Host header goes as it is (http.client adds none of its own when one is given):
            # it is part of what the client signed.
            headers = {name: value for name, value in self.headers.items() if name.lower() != "transfer-encoding"}
            headers["Content-Length"] = str(len(self.body))
            connection.request(method, self.path, body=self.body, headers=headers)
            answer = connection.getresponse()
            payload = answer.read()
            kept = {name: value for name, value in answer.getheaders()
                    if name.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server")}
            return answer.status, kept, payload
        finally:
            connection.close()

    def send(self, status, headers, payload):
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "text/xml")
        self.reply(status, payload, content_type, {k: v for k, v in headers.items() if k.lower() != "content-type"})

    def reply_error(self, status, message):
        self.reply_json(status, {"error": message})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    httpkit.add_server_arguments(parser)
    parser.add_argument("--upstream", required=True, help="moto, e.g. http://127.0.0.1:5000")
    parser.add_argument("--alarm-page-size", type=int, default=0,
                        help=f"cap DescribeAlarms pages at N (1..{ALARM_PAGE_MAX}) even when the client asks for "
                             "more or nothing; 0 (default): MaxRecords, else 50, as AWS")
    args = parser.parse_args(argv)
    if not 0 <= args.alarm_page_size <= ALARM_PAGE_MAX:
        parser.error(f"--alarm-page-size must be 0..{ALARM_PAGE_MAX}")

    def attach(server):
        server.state = State(args.upstream, args.alarm_page_size)

    httpkit.serve(Handler, args, attach)


if __name__ == "__main__":
    sys.exit(main())
