"""Runs the fakes as real subprocesses on free ports, as the emulation does."""

import http.client
import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

FAKES = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SMALL_CATALOGUE = DATA / "catalogue-small.json"
API_KEY = "test-api-key-0123456789"
APP_KEY = "test-app-key-9876543210"
KEYS = {"DD-API-KEY": API_KEY, "DD-APPLICATION-KEY": APP_KEY}
SINK_PATH = "/services/T000/B000/XXXX"

sys.path.insert(0, str(FAKES))


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    @property
    def text(self):
        return self.body.decode("utf-8")


@dataclass
class Fake:
    process: subprocess.Popen
    port: int
    stderr_path: Path
    reset_path: str

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()

    def reset(self):
        """Back to the start-up state; returns the fake for chaining."""
        assert self.request("POST", self.reset_path).status == 200
        return self

    def request(self, method, path, body=None, headers=None, query=None, timeout=30):
        if query:
            path = f"{path}?{urlencode(query)}"
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers = {"Content-Type": "application/json", **(headers or {})}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Reply(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    def api(self, path, query=None, headers=KEYS):
        return self.request("GET", path, headers=headers, query=query)

    def stderr(self):
        return self.stderr_path.read_text()

    def stop(self):
        """SIGTERM, as a supervisor would; returns the exit status."""
        self.process.terminate()
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def start(script, arguments, workdir, reset_path="/_sink/reset"):
    """Run a fake on port 0 and wait for its port file, as the emulation script does."""
    port_file = workdir / f"{script}.port"
    stderr_path = workdir / f"{script}.stderr"
    stdout_path = workdir / f"{script}.stdout"
    with open(stderr_path, "w") as stderr, open(stdout_path, "w") as stdout:
        process = subprocess.Popen(
            [sys.executable, str(FAKES / script), "--port", "0", "--port-file", str(port_file), *arguments],
            stdout=stdout, stderr=stderr)
    deadline = time.monotonic() + 15
    while not port_file.exists():
        if process.poll() is not None:
            raise RuntimeError(f"{script} exited {process.returncode}: {stderr_path.read_text()}")
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"{script} did not write its port file")
        time.sleep(0.02)
    port = int(port_file.read_text())
    return Fake(process, port, stderr_path, reset_path)


def start_datadog(workdir, *extra, catalogue=SMALL_CATALOGUE):
    return start("fake_datadog.py", ["--catalogue", str(catalogue), "--api-key", API_KEY,
                                     "--app-key", APP_KEY, *extra], workdir, "/_fake/reset")


def by_key(monitors):
    """Monitors grouped by their `monitor:` tag."""
    grouped = {}
    for monitor in monitors:
        for tag in monitor["tags"]:
            if tag.startswith("monitor:"):
                grouped.setdefault(tag.removeprefix("monitor:"), []).append(monitor)
    return grouped


def raw_exchange(port, data, timeout=10):
    """Send raw bytes and return all the server answers before closing (or going quiet)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        try:
            connection.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        connection.shutdown(socket.SHUT_WR)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except (ConnectionResetError, socket.timeout):
            pass
        return received
