#!/usr/bin/env python3
"""A fake Slack incoming webhook that records what it is sent; see README.md."""

import argparse
import json
import sys
import threading
from collections import deque
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import blockkit
import slacktext
from httpkit import FakeHandler, add_server_arguments, serve

MESSAGE_LIMIT = 10_000
RAW_PREVIEW = 2000
# The body Slack answers with, per status, when a queued response names none.
DEFAULT_BODIES = {400: "invalid_payload", 403: "action_prohibited", 404: "channel_not_found",
                  410: "channel_is_archived", 429: "rate_limited", 500: "rollup_error"}
# When several things are wrong, the first in this order is what Slack reports.
CODE_ORDER = ["invalid_payload", "no_text", "too_many_attachments", "invalid_blocks"]


class Sink:
    """Recorded messages and queued replies, shared by all request threads."""

    def __init__(self, path):
        self.path = path
        self.service, _, self.token = path.rpartition("/")
        self._lock = threading.Lock()
        self._messages = deque(maxlen=MESSAGE_LIMIT)
        self._queued = deque()
        self._count = 0

    def queue(self, replies):
        with self._lock:
            self._queued.extend(replies)

    def next_queued(self):
        with self._lock:
            return self._queued.popleft() if self._queued else None

    def record(self, entry):
        with self._lock:
            self._count += 1
            self._messages.append({"index": self._count, **entry})

    def messages(self):
        with self._lock:
            return list(self._messages)

    def reset(self):
        with self._lock:
            self._messages.clear()
            self._queued.clear()
            self._count = 0


def parse_reply(raw):
    if not isinstance(raw, dict) or set(raw) - {"status", "body", "retry_after"}:
        raise ValueError("a queued response is {status, body?, retry_after?}")
    status, body, retry_after = raw.get("status"), raw.get("body"), raw.get("retry_after")
    if type(status) is not int or not 200 <= status <= 599:
        raise ValueError("status: expected an HTTP status 200..599")
    if body is not None and not isinstance(body, str):
        raise ValueError("body: expected a string")
    if retry_after is not None and (type(retry_after) is not int or retry_after < 0):
        raise ValueError("retry_after: expected whole seconds >= 0")
    if status == 429 and retry_after is None:
        retry_after = 1
    default = "ok" if status == 200 else DEFAULT_BODIES.get(status, "error")
    return {"status": status, "body": body or default, "retry_after": retry_after}


def decode_payload(body, content_type):
    """The posted JSON payload, or None; Slack also takes a form field `payload`."""
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/x-www-form-urlencoded"):
            text = parse_qs(text).get("payload", [""])[-1]
        return json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None


def judge(payload):
    """(status, body) Slack would answer for this payload."""
    if payload is None:
        return 400, "invalid_payload"
    codes = {code for code, _ in blockkit.violations(payload)}
    for code in CODE_ORDER:
        if code in codes:
            return 400, code
    return 200, "ok"


class SinkHandler(FakeHandler):
    server_version = "fake-slack/1"
    max_body = 1 << 20  # the fake's own cap: Slack documents no body limit for webhooks

    def reply_error(self, status, message):
        self.reply_text(status, message.lower().replace(" ", "_"))

    def route(self, method):
        url = urlsplit(self.path)
        if url.path.startswith("/_sink/"):
            self.control(method, url.path, parse_qs(url.query))
        else:
            self.webhook(method, url.path)

    def webhook(self, method, path):
        sink = self.server.sink
        service, _, token = path.rpartition("/")
        if service != sink.service:
            self.reply_text(404, "no_service")
            return
        if token != sink.token:
            self.reply_text(403, "invalid_token")
            return
        if method != "POST":
            self.reply_text(405, "invalid_method")
            return
        payload = decode_payload(self.body, self.headers.get("Content-Type", ""))
        queued = sink.next_queued()
        if queued:
            status, answer = queued["status"], queued["body"]
            headers = {"Retry-After": queued["retry_after"]} if queued["retry_after"] is not None else {}
        else:
            (status, answer), headers = judge(payload), {}
        entry = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                 "payload": payload, "reply": {"status": status, "body": answer}}
        if payload is None:
            entry["raw"] = self.body[:RAW_PREVIEW].decode("utf-8", "replace")
        sink.record(entry)
        self.reply_text(status, answer, headers)

    def control(self, method, path, query):
        sink = self.server.sink
        if (method, path) == ("GET", "/_sink/messages"):
            self.reply_json(200, sink.messages())
        elif (method, path) == ("GET", "/_sink/text"):
            everything = query.get("all", ["0"])[-1] in ("1", "true")
            self.reply_text(200, render(sink.messages(), everything))
        elif (method, path) == ("POST", "/_sink/reset"):
            sink.reset()
            self.reply_json(200, {"reset": True})
        elif (method, path) == ("POST", "/_sink/responses"):
            try:
                document = json.loads(self.body)
                replies = [parse_reply(raw) for raw in (document if isinstance(document, list) else [document])]
            except (ValueError, RecursionError) as exc:
                self.reply_json(400, {"error": str(exc)})
                return
            sink.queue(replies)
            self.reply_json(200, {"queued": len(replies)})
        else:
            self.reply_json(404, {"error": "unknown control route"})


def render(messages, everything=False):
    """Recorded messages as readable text; only delivered ones unless `everything`."""
    out = []
    for message in messages:
        reply = message["reply"]
        if reply["status"] != 200 and not everything:
            continue
        outcome = "" if reply["status"] == 200 else f" -> {reply['status']} {reply['body']}"
        out.append(f"--- message {message['index']} at {message['time']}{outcome}")
        payload = message["payload"]
        try:
            lines = slacktext.message(payload) if isinstance(payload, dict) else [message.get("raw", "")]
        except RecursionError:  # absurdly nested rich text posted on purpose
            lines = ["[message too deeply nested to render]"]
        out.extend(lines)
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    add_server_arguments(parser)
    parser.add_argument("--path", default="/services/T000/B000/XXXX",
                        help="the webhook path accepted; its last segment is the token")
    args = parser.parse_args(argv)
    if not args.path.startswith("/") or args.path.startswith("/_sink/") or args.path.count("/") < 2:
        sys.exit("slack_sink: --path looks like /services/T000/B000/XXXX")

    def attach(server):
        server.sink = Sink(args.path)

    serve(SinkHandler, args, attach)


if __name__ == "__main__":
    main()
