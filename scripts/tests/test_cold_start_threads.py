"""Each function reaches its first /next with no more threads than the bare runtime (the runtime probe): the
connection pool, its event loops and TLS start with the first request an event makes, never at init.

Uses the cold-start bench's driver (scripts/bench/coldstart_driver.py) on the debug binaries `swift build`
makes (BIN, default .build/debug): a thread started at init shows in any build."""

import os
import socket
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts" / "bench"))
import coldstart_driver as driver  # noqa: E402

BIN = Path(os.environ.get("BIN", REPO / ".build" / "debug"))
FUNCTIONS = ["collection", "daily-check", "notification"]


def first_next(listener, binary, preset):
    endpoint = f"127.0.0.1:{listener.getsockname()[1]}"
    environment = dict(driver.LAMBDA_ENVIRONMENT, **driver.PRESETS[preset], AWS_LAMBDA_RUNTIME_API=endpoint,
                       AWS_ENDPOINT_URL=f"http://{endpoint}")
    with tempfile.TemporaryFile() as log:
        try:
            return driver.one_start(listener, str(BIN / binary), environment, log)
        except RuntimeError as error:
            log.seek(0)
            pytest.fail(f"{binary}: {error}\n{log.read().decode(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def listener():
    for binary in ["runtime-probe", *FUNCTIONS]:
        if not (BIN / binary).exists():
            pytest.fail(f"{BIN / binary} is missing: run `swift build` first (or set BIN)")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield sock
    sock.close()


def event_loops(figures):
    return [name for name in figures["threadNames"] if name.startswith(("NIO-ELT", "NIO-SGLTN"))]


def test_the_probe_shows_what_an_event_loop_thread_is_called(listener):
    # The runtime's own loop runs on the main thread: the bare runtime has none. A transport made before the
    # first event would start NIO's shared ones (NIO-SGLTN-…) or a group of its own (NIO-ELT-…): the names
    # the test below looks for, as swift-nio gives them.
    assert event_loops(first_next(listener, "runtime-probe", "probe")) == []
    sources = REPO / ".build" / "checkouts" / "swift-nio" / "Sources" / "NIOPosix"
    assert '"NIO-SGLTN-"' in (sources / "PosixSingletons.swift").read_text()
    assert '"NIO-ELT-"' in (sources / "MultiThreadedEventLoopGroup.swift").read_text()


@pytest.mark.parametrize("function", FUNCTIONS)
def test_a_function_starts_no_event_loop_before_its_first_event(listener, function):
    figures = first_next(listener, function, function)
    assert event_loops(figures) == [], (function, figures["threadNames"])
