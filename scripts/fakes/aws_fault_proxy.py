#!/usr/bin/env python3
"""A proxy in front of the local AWS (moto) that can lose answers: the request reaches AWS and is applied,
but the client never hears back, as when a connection drops after DynamoDB wrote an item. What moto cannot
do, so that retries of an applied write can be tested against the real binaries.

    aws_fault_proxy.py --upstream http://127.0.0.1:5000 --port 0 --port-file FILE [--latency-ms 100]

Requests are forwarded byte for byte (the Host header too, so SigV4 signatures stay valid). With --latency-ms N
every request waits N ms before it is forwarded, so a benchmark can put a network's round trip between a client
and moto. Control routes:
  POST /_proxy/faults  {"target": "DynamoDB_20120810.PutItem", "body_contains": "POST#", "count": 1}
                       the next `count` matching requests are forwarded, and their answers dropped (the
                       connection is closed without a reply)
  POST /_proxy/latency {"latency_ms": 100}  the wait before each forwarded request from now on (0..60000)
  GET  /_proxy/latency {"latency_ms": N}
  GET  /_proxy/log     every forwarded request: target, status, dropped
  POST /_proxy/reset   no faults, empty log, the start-up latency
"""

import argparse
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit

import httpkit

MAX_LATENCY_MS = 60_000


class State:
    def __init__(self, upstream, latency_ms=0):
        parts = urlsplit(upstream)
        self.host, self.port = parts.hostname, parts.port or 80
        self.lock = threading.Lock()
        self.faults = []
        self.log = []
        self.initial_latency_ms = self.latency_ms = latency_ms

    def take_fault(self, target, body):
        with self.lock:
            for fault in self.faults:
                if fault["count"] > 0 and fault.get("target", target) == target \
                        and fault.get("body_contains", "").encode() in body:
                    fault["count"] -= 1
                    return True
        return False


class Handler(httpkit.FakeHandler):
    max_body = 16 << 20

    def route(self, method):
        state = self.server.state
        if self.path == "/_proxy/faults" and method == "POST":
            try:
                faults = json.loads(self.body or b"null")
                faults = faults if isinstance(faults, list) else [faults]
                if not all(isinstance(f, dict) and isinstance(f.get("count", 1), int) for f in faults):
                    raise ValueError("a fault is an object with an integer count")
            except ValueError as exc:
                return self.reply_json(400, {"error": str(exc)})
            with state.lock:
                state.faults += [{**f, "count": f.get("count", 1)} for f in faults]
            return self.reply_json(200, {"faults": len(faults)})
        if self.path == "/_proxy/latency" and method in ("GET", "POST"):
            if method == "POST":
                try:
                    latency = json.loads(self.body or b"null")
                    latency = latency.get("latency_ms") if isinstance(latency, dict) else None
                except (ValueError, RecursionError):
                    latency = None
                if type(latency) is not int or not 0 <= latency <= MAX_LATENCY_MS:
                    return self.reply_json(400, {"error": f"expected {{\"latency_ms\": 0..{MAX_LATENCY_MS}}}"})
                with state.lock:
                    state.latency_ms = latency
            with state.lock:
                return self.reply_json(200, {"latency_ms": state.latency_ms})
        if self.path == "/_proxy/reset" and method == "POST":
            with state.lock:
                state.faults, state.log = [], []
                state.latency_ms = state.initial_latency_ms
            return self.reply_json(200, {"reset": True})
        if self.path == "/_proxy/log" and method == "GET":
            with state.lock:
                return self.reply_json(200, list(state.log))
        self.forward(method, state)

    def forward(self, method, state):
        target = self.headers.get("X-Amz-Target", "")
        with state.lock:
            latency_ms = state.latency_ms
        if latency_ms:
            time.sleep(latency_ms / 1000)
        upstream = http.client.HTTPConnection(state.host, state.port, timeout=30)
        try:
            headers = {name: value for name, value in self.headers.items() if name.lower() != "transfer-encoding"}
            headers["Content-Length"] = str(len(self.body))
            upstream.request(method, self.path, body=self.body, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
        except OSError as exc:
            return self.reply_json(502, {"error": f"upstream: {exc}"})
        finally:
            upstream.close()
        dropped = state.take_fault(target, self.body)
        with state.lock:
            state.log.append({"method": method, "path": self.path, "target": target, "status": answer.status, "dropped": dropped})
        if dropped:
            self.close_connection = True
            return
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(payload)

    def reply_error(self, status, message):
        self.reply_json(status, {"error": message})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    httpkit.add_server_arguments(parser)
    parser.add_argument("--upstream", required=True, help="the local AWS, e.g. http://127.0.0.1:5000")
    parser.add_argument("--latency-ms", type=int, default=0,
                        help=f"wait this long before forwarding each request, 0..{MAX_LATENCY_MS} (default 0)")
    args = parser.parse_args(argv)
    if not 0 <= args.latency_ms <= MAX_LATENCY_MS:
        parser.error(f"--latency-ms must be 0..{MAX_LATENCY_MS}")

    def attach(server):
        server.state = State(args.upstream, args.latency_ms)

    httpkit.serve(Handler, args, attach)


if __name__ == "__main__":
    sys.exit(main())
