"""The AWS fault proxy: transparent until told to lose an answer, and then the request still arrives."""

import http.client
import time

import pytest

from fakeproc import SINK_PATH, raw_exchange, start


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("proxy")
    with start("slack_sink.py", ["--path", SINK_PATH], workdir) as upstream:
        with start("aws_fault_proxy.py", ["--upstream", f"http://127.0.0.1:{upstream.port}"], workdir,
                   reset_path="/_proxy/reset") as proxy:
            yield proxy, upstream


@pytest.fixture
def proxy(servers):
    proxy, upstream = servers
    proxy.reset()
    upstream.reset()
    return proxy, upstream


def post(fake, body, target="DynamoDB_20120810.PutItem"):
    return fake.request("POST", SINK_PATH, body=body, headers={"Content-Type": "application/json", "X-Amz-Target": target})


def test_forwards_requests_and_answers_unchanged(proxy):
    fake, upstream = proxy
    reply = post(fake, b'{"text": "hello"}')
    assert (reply.status, reply.text) == (200, "ok")
    assert len(upstream.request("GET", "/_sink/messages").json()) == 1
    assert fake.request("GET", "/_proxy/log").json() == [
        {"method": "POST", "path": SINK_PATH, "target": "DynamoDB_20120810.PutItem", "status": 200, "dropped": False}]


def test_a_fault_drops_the_answer_after_the_request_arrived(proxy):
    fake, upstream = proxy
    fault = {"target": "DynamoDB_20120810.PutItem", "body_contains": "POST#notification", "count": 1}
    assert fake.request("POST", "/_proxy/faults", body=fault).status == 200
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        post(fake, b'{"text": "claim POST#notification"}')
    assert len(upstream.request("GET", "/_sink/messages").json()) == 1, "applied upstream"
    # Used up, and other bodies or targets were never affected.
    assert post(fake, b'{"text": "claim POST#notification"}').status == 200
    assert post(fake, b'{"text": "POST#notification"}', target="DynamoDB_20120810.GetItem").status == 200
    assert [entry["dropped"] for entry in fake.request("GET", "/_proxy/log").json()] == [True, False, False]


@pytest.mark.parametrize("body", [b"not json", b'{"count": "many"}', b"[1, 2]", b"null"])
def test_malformed_faults_are_refused(proxy, body):
    fake, _ = proxy
    reply = fake.request("POST", "/_proxy/faults", body=body, headers={"Content-Type": "application/json"})
    assert reply.status == 400
    assert post(fake, b'{"text": "after"}').status == 200


def test_an_oversized_body_is_refused_without_reaching_upstream(proxy):
    fake, upstream = proxy
    answer = raw_exchange(fake.port, b"POST " + SINK_PATH.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413")
    assert upstream.request("GET", "/_sink/messages").json() == []


def test_an_unreachable_upstream_is_a_502(tmp_path):
    with start("aws_fault_proxy.py", ["--upstream", "http://127.0.0.1:9"], tmp_path, reset_path="/_proxy/reset") as fake:
        assert post(fake, b"{}").status == 502


def test_latency_delays_every_forwarded_request(servers, tmp_path):
    _, upstream = servers
    upstream.reset()
    arguments = ["--upstream", f"http://127.0.0.1:{upstream.port}", "--latency-ms", "120"]
    with start("aws_fault_proxy.py", arguments, tmp_path, reset_path="/_proxy/reset") as fake:
        def timed_post():
            began = time.monotonic()
            reply = post(fake, b'{"text": "slow"}')
            return reply.status, (time.monotonic() - began) * 1000

        status, elapsed_ms = timed_post()
        assert status == 200 and elapsed_ms >= 120
        assert fake.request("POST", "/_proxy/latency", body={"latency_ms": 180}).json() == {"latency_ms": 180}
        status, elapsed_ms = timed_post()
        assert status == 200 and elapsed_ms >= 180
        for bad in (b'{"latency_ms": -1}', b'{"latency_ms": 60001}', b'{"latency_ms": "1"}', b"[", b"null"):
            assert fake.request("POST", "/_proxy/latency", body=bad).status == 400
        assert fake.request("GET", "/_proxy/latency").json() == {"latency_ms": 180}
        fake.reset()
        assert fake.request("GET", "/_proxy/latency").json() == {"latency_ms": 120}, "reset restores --latency-ms"
    assert len(upstream.request("GET", "/_sink/messages").json()) == 2
