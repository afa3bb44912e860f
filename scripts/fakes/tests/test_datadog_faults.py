"""Injected failures, the real rate limit, and injected latency."""

import http.client
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from fakeproc import start_datadog


def inject(dd, *faults):
    reply = dd.request("POST", "/_fake/faults", body=list(faults))
    assert reply.status == 200, reply.text
    return reply


def test_injected_429s_then_recovery(dd):
    inject(dd, {"status": 429, "count": 2, "path_prefix": "/api/v1/monitor", "reset": 3})
    for _ in range(2):
        reply = dd.api("/api/v1/monitor")
        assert (reply.status, reply.json()) == (429, {"errors": ["Rate limit exceeded"]})
        assert reply.headers["X-RateLimit-Remaining"] == "0"
        assert reply.headers["X-RateLimit-Reset"] == "3"
        assert reply.headers["X-RateLimit-Limit"].isdigit()
        assert reply.headers["X-RateLimit-Period"].isdigit()
    assert dd.api("/api/v1/monitor").status == 200


def test_reset_defaults_to_one_second(dd):
    inject(dd, {"status": 429})
    assert dd.api("/api/v1/monitor").headers["X-RateLimit-Reset"] == "1"


def test_faults_only_hit_their_path_and_method(dd):
    inject(dd, {"status": 503, "count": 1, "path_prefix": "/api/v1/monitor/"},
           {"status": 500, "count": 1, "path_prefix": "/api/v1/validate", "method": "POST"})
    assert dd.api("/api/v1/monitor").status == 200
    assert dd.api("/api/v1/validate").status == 200
    detail = dd.api("/api/v1/monitor/123456789")
    assert (detail.status, detail.json()) == (503, {"errors": ["Internal Server Error"]})
    assert dd.api("/api/v1/monitor/123456789").status == 404


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_injection(dd, status):
    inject(dd, {"status": status})
    reply = dd.api("/api/v1/monitor")
    assert (reply.status, reply.json()) == (status, {"errors": ["Internal Server Error"]})


def test_faults_queue_in_order(dd):
    inject(dd, {"status": 429}, {"status": 500})
    assert [dd.api("/api/v1/monitor").status for _ in range(3)] == [429, 500, 200]


def test_a_dropped_connection(dd):
    inject(dd, {"close": True})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        dd.api("/api/v1/monitor")
    assert dd.api("/api/v1/monitor").status == 200


def test_a_slow_reply(dd):
    inject(dd, {"delay_ms": 300})
    started = time.monotonic()
    assert dd.api("/api/v1/validate").status == 200
    assert time.monotonic() - started >= 0.3


def wait_until_held(dd, count):
    deadline = time.monotonic() + 10
    while dd.request("GET", "/_fake/held").json() != {"held": count}:
        assert time.monotonic() < deadline, f"never {count} request(s) held"
        time.sleep(0.02)


def test_a_held_request_waits_for_its_release(dd):
    inject(dd, {"hold": True, "path_prefix": "/api/v1/monitor"})
    with ThreadPoolExecutor(1) as pool:
        held = pool.submit(dd.api, "/api/v1/monitor")
        wait_until_held(dd, 1)
        time.sleep(0.2)
        assert not held.done(), "a held request answered before its release"
        assert dd.api("/api/v1/validate").status == 200, "only the matching request is held"
        released = dd.request("POST", "/_fake/release").json()
        assert held.result(timeout=10).status == 200
    assert released == {"released": 1}
    assert dd.request("POST", "/_fake/release").json() == {"released": 0}
    assert dd.api("/api/v1/monitor").status == 200, "the fault was used up"


def test_reset_releases_held_requests(dd):
    inject(dd, {"hold": True})
    with ThreadPoolExecutor(1) as pool:
        held = pool.submit(dd.api, "/api/v1/monitor")
        wait_until_held(dd, 1)
        assert dd.request("POST", "/_fake/reset").status == 200
        assert held.result(timeout=10).status == 200


def test_faults_are_logged(dd):
    inject(dd, {"status": 429})
    dd.api("/api/v1/monitor", query={"page": "0"})
    [entry] = dd.request("GET", "/_fake/requests").json()
    assert (entry["path"], entry["status"], entry["query"]) == ("/api/v1/monitor", 429, {"page": "0"})


def test_reset_clears_pending_faults(dd):
    inject(dd, {"status": 500, "count": 5})
    assert dd.request("POST", "/_fake/reset").status == 200
    assert dd.api("/api/v1/monitor").status == 200


@pytest.mark.parametrize("fault", [
    {"status": 200}, {"status": "429"}, {"count": 0, "status": 500}, {"status": 500, "colour": "red"},
    {}, {"status": 429, "reset": -1}, "429", {"hold": "yes"}, {"hold": False},
])
def test_bad_faults_are_refused(dd, fault):
    assert dd.request("POST", "/_fake/faults", body=[fault]).status == 400


def test_the_rate_limit_itself_and_latency(tmp_path):
    with start_datadog(tmp_path, "--rate-limit", "3", "--rate-period", "86400", "--latency-ms", "100") as fake:
        started = time.monotonic()
        replies = [fake.api("/api/v1/monitor/1") for _ in range(4)]
        assert time.monotonic() - started >= 0.4
        assert [r.status for r in replies] == [404, 404, 404, 429]
        assert [r.headers["X-RateLimit-Remaining"] for r in replies] == ["2", "1", "0", "0"]
        assert replies[3].json() == {"errors": ["Rate limit exceeded"]}
        reset = int(replies[3].headers["X-RateLimit-Reset"])
        assert 1 <= reset <= 86400
        assert replies[3].headers["X-RateLimit-Period"] == "86400"
