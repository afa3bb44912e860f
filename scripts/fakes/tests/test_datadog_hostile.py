"""Whatever a client sends, the fake answers and keeps serving."""

import pytest

from fakeproc import KEYS, raw_exchange


@pytest.fixture
def dd_alive(dd):
    yield dd
    assert dd.api("/api/v1/validate").status == 200
    assert dd.process.poll() is None


@pytest.mark.parametrize("route", ["/_fake/scenario", "/_fake/monitors", "/_fake/faults"])
@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe\x00garbage", b"[" * 100_000, b""])
def test_malformed_control_bodies(dd_alive, route, body):
    reply = dd_alive.request("POST", route, body=body)
    assert reply.status == 400
    assert reply.json()["errors"][0]


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/", 404), ("GET", "/api/v2/monitor", 404), ("GET", "/api/v1/monitor/1/downtimes", 404),
    ("GET", "/api/v1/monitor/search", 501), ("POST", "/api/v1/monitor", 405),
    ("DELETE", "/api/v1/monitor/123456789", 405), ("GET", "/_fake/nothing", 404),
    ("PUT", "/_fake/scenario", 405), ("GET", "/_fake/scenario", 404),
])
def test_unknown_routes_and_methods(dd_alive, method, path, status):
    reply = dd_alive.request(method, path, headers=KEYS, body=b"{}" if method != "GET" else None)
    assert reply.status == status
    assert "errors" in reply.json()


def test_an_announced_huge_body_is_refused_without_reading_it(dd_alive):
    answer = raw_exchange(dd_alive.port, b"POST /_fake/scenario HTTP/1.1\r\nHost: x\r\n"
                                         b"Content-Length: 10000000000\r\n\r\n{")
    assert answer.startswith(b"HTTP/1.1 413")


def test_a_huge_body_sent_whole_is_refused(dd_alive):
    reply = dd_alive.request("POST", "/_fake/monitors", body=b" " * (17 << 20))
    assert reply.status == 413


def test_chunked_bodies_are_understood(dd_alive):
    body = b'{"monitors": {"SYSTEM-EC2-MEM-High-01": {"state": "Warn"}}}'
    request = (b"POST /_fake/scenario HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
               b"Content-Type: application/json\r\n\r\n"
               + f"{len(body[:10]):x}\r\n".encode() + body[:10] + b"\r\n"
               + f"{len(body[10:]):x};ext=1\r\n".encode() + body[10:] + b"\r\n0\r\n\r\n")
    assert raw_exchange(dd_alive.port, request).startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("request_bytes", [
    b"POST /_fake/scenario HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"POST /_fake/scenario HTTP/1.1\r\nContent-Length: -4\r\n\r\n",
    b"POST /_fake/scenario HTTP/1.1\r\nContent-Length: lots\r\n\r\n",
    b"BREW /pot HTTP/1.1\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64,
    b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n",
])
def test_broken_requests(dd_alive, request_bytes):
    answer = raw_exchange(dd_alive.port, request_bytes)
    assert b" 200 " not in answer


def test_keep_alive_survives_an_ignored_body(dd_alive):
    # A GET with a body: the body must not be read as the next request.
    smuggled = b"GET /evil HTTP/1.1\r\n\r\n"
    validate = b"GET /api/v1/validate HTTP/1.1\r\nHost: x\r\nDD-API-KEY: " + KEYS["DD-API-KEY"].encode()
    request = (validate + f"\r\nContent-Length: {len(smuggled)}\r\n\r\n".encode() + smuggled
               + validate + b"\r\n\r\n")
    answer = raw_exchange(dd_alive.port, request)
    assert answer.count(b"HTTP/1.1 200") == 2
    assert b"404" not in answer
