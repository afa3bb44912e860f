"""HTTP plumbing shared by the fakes: bounded body reads, replies, start-up.

The fakes face clients under test, which may be buggy or hostile on purpose, so
nothing a client sends may crash the server or make it buffer without bound.
"""

import argparse
import json
import os
import signal
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A body this much larger than the cap is not drained: the connection is closed
# instead, so a client announcing gigabytes cannot keep a thread busy.
DRAIN_FACTOR = 16


class BodyTooLarge(Exception):
    pass


class BadFraming(Exception):
    pass


class FakeHandler(BaseHTTPRequestHandler):
    """Base handler: subclasses implement `route(method)` and `reply_error`."""

    # Keep-alive like the real services; every reply therefore sets Content-Length.
    protocol_version = "HTTP/1.1"
    # Idle or trickling connections are dropped rather than holding a thread.
    timeout = 30
    max_body = 1 << 20

    def route(self, method):
        """Answer the request; its body, already read, is in `self.body`."""
        raise NotImplementedError

    def reply_error(self, status, message):
        raise NotImplementedError

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_PUT(self):
        self._dispatch("PUT")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def do_PATCH(self):
        self._dispatch("PATCH")

    def do_HEAD(self):
        self._dispatch("HEAD")

    def _dispatch(self, method):
        try:
            # Read up front, whatever the route: an unread body would be parsed as
            # the next request on this keep-alive connection.
            self.body = self.read_body()
            self.route(method)
        except BodyTooLarge:
            self.close_connection = True
            self.reply_error(413, "request body too large")
        except BadFraming as exc:
            self.close_connection = True
            self.reply_error(400, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # a bug in the fake must show, not take the server down
            traceback.print_exc(file=sys.stderr)
            self.close_connection = True
            try:
                self.reply_error(500, "fake server error")
            except OSError:
                pass

    def read_body(self):
        """The request body, at most `max_body` bytes, de-chunked if needed."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        raw = self.headers.get("Content-Length")
        if raw is None:
            return b""
        try:
            length = int(raw)
        except ValueError:
            raise BadFraming("invalid Content-Length") from None
        if length < 0:
            raise BadFraming("invalid Content-Length")
        if length > self.max_body:
            self._drain(length)
            raise BodyTooLarge()
        return self.rfile.read(length)

    def _drain(self, length):
        # Reading what was announced lets the client see the 413 instead of a reset.
        if length > self.max_body * DRAIN_FACTOR:
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 65536))
            if not chunk:
                return
            length -= len(chunk)

    def _read_chunked(self):
        body = bytearray()
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise BadFraming("invalid chunk size") from None
            if size == 0:
                break
            if size < 0 or len(body) + size > self.max_body:
                raise BodyTooLarge()
            body += self.rfile.read(size)
            self.rfile.readline(1024)
        while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
            pass  # trailers carry nothing the fakes use
        return bytes(body)

    def reply(self, status, body, content_type, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, str(value))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def reply_json(self, status, document, headers=None):
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        self.reply(status, body, "application/json", headers)

    def reply_text(self, status, text, headers=None):
        self.reply(status, text.encode("utf-8"), "text/plain; charset=utf-8", headers)

    def log_message(self, format, *args):
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


def add_server_arguments(parser: argparse.ArgumentParser):
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--port-file", help="write the bound port here once listening")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")


def serve(handler_class, args, attach):
    """Bind, announce the port, serve until SIGTERM/SIGINT.

    `attach(server)` hangs the fake's shared state on the server before the first request.
    """
    # Installed first, so a supervisor's SIGTERM right after the announcement still exits 0.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = ThreadingHTTPServer((args.host, args.port), handler_class)
    server.daemon_threads = True
    server.verbose = args.verbose
    attach(server)
    try:
        announce(args, server.server_address[1])
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()


def announce(args, port):
    if args.port_file:
        # Written whole then renamed, so a poller never reads a half-written port.
        temporary = f"{args.port_file}.tmp{os.getpid()}"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(f"{port}\n")
        os.replace(temporary, args.port_file)
    print(f"listening on http://{args.host}:{port}", flush=True)
