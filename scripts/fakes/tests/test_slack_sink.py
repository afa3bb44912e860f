"""The Slack sink answers like an incoming webhook and records what it got."""

import json
from urllib.parse import urlencode

import pytest

from fakeproc import DATA, SINK_PATH, raw_exchange

DAILY_CHECK = json.loads((DATA / "slack-daily-check.json").read_text())
LEGACY = json.loads((DATA / "slack-legacy-attachment.json").read_text())


def section(text):
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def post(sink, payload, path=SINK_PATH):
    return sink.request("POST", path, body=payload)


def queue(sink, *replies):
    reply = sink.request("POST", "/_sink/responses", body=list(replies))
    assert reply.status == 200, reply.text
    assert reply.json() == {"queued": len(replies)}


@pytest.mark.parametrize("payload", [DAILY_CHECK, LEGACY, {"text": "hello"},
                                     {"blocks": [section("x" * 3000)] * 1 + [{"type": "divider"}] * 49}])
def test_valid_messages_get_ok(sink, payload):
    reply = post(sink, payload)
    assert (reply.status, reply.text) == (200, "ok")
    assert reply.headers["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("payload, body", [
    (b"{not json", "invalid_payload"),
    (b"\xff\xfe", "invalid_payload"),
    (b"[1, 2]", "invalid_payload"),
    ({"text": 5}, "invalid_payload"),
    ({}, "no_text"),
    ({"text": "", "blocks": []}, "no_text"),
    ({"text": "t", "blocks": [{"type": "divider"}] * 51}, "invalid_blocks"),
    ({"text": "t", "blocks": [section("x" * 3001)]}, "invalid_blocks"),
    ({"text": "t", "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}]},
     "invalid_blocks"),
    ({"text": "t", "attachments": [{"text": "a"}] * 101}, "too_many_attachments"),
])
def test_invalid_messages_get_400(sink, payload, body):
    reply = post(sink, payload)
    assert (reply.status, reply.text) == (400, body)


def test_form_encoded_payload_is_accepted(sink):
    body = urlencode({"payload": json.dumps({"text": "from a form"})}).encode()
    reply = sink.request("POST", SINK_PATH, body=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (reply.status, reply.text) == (200, "ok")
    assert sink.request("GET", "/_sink/messages").json()[0]["payload"] == {"text": "from a form"}


@pytest.mark.parametrize("path, status, body", [
    ("/services/T000/B000/WRONG", 403, "invalid_token"),
    ("/services/T000/B999/XXXX", 404, "no_service"),
    ("/services/T000/B000", 404, "no_service"),
    ("/", 404, "no_service"),
    ("/hooks/anything", 404, "no_service"),
])
def test_wrong_paths(sink, path, status, body):
    reply = post(sink, {"text": "hi"}, path=path)
    assert (reply.status, reply.text) == (status, body)
    assert sink.request("GET", "/_sink/messages").json() == []


def test_queued_responses_come_in_order_then_normal_service(sink):
    queue(sink, {"status": 429, "retry_after": 2}, {"status": 500}, {"status": 400, "body": "invalid_blocks"},
          {"status": 410}, {"status": 429})
    replies = [post(sink, {"text": f"try {n}"}) for n in range(6)]
    assert [(r.status, r.text) for r in replies] == [
        (429, "rate_limited"), (500, "rollup_error"), (400, "invalid_blocks"), (410, "channel_is_archived"),
        (429, "rate_limited"), (200, "ok")]
    assert replies[0].headers["Retry-After"] == "2"
    assert replies[4].headers["Retry-After"] == "1"
    assert "Retry-After" not in replies[1].headers
    recorded = sink.request("GET", "/_sink/messages").json()
    assert [m["reply"]["status"] for m in recorded] == [429, 500, 400, 410, 429, 200]
    assert [m["payload"]["text"] for m in recorded] == [f"try {n}" for n in range(6)]
    assert [m["index"] for m in recorded] == [1, 2, 3, 4, 5, 6]


def test_a_single_queued_response_object_is_accepted(sink):
    queue_reply = sink.request("POST", "/_sink/responses", body={"status": 503})
    assert queue_reply.json() == {"queued": 1}
    assert post(sink, {"text": "x"}).status == 503


@pytest.mark.parametrize("bad", [{"status": "429"}, {"status": 99}, {"status": 429, "retry_after": -1},
                                 {"status": 500, "body": 3}, {"status": 500, "colour": "red"}, "x"])
def test_bad_queued_responses_are_refused(sink, bad):
    assert sink.request("POST", "/_sink/responses", body=[bad]).status == 400
    assert post(sink, {"text": "x"}).status == 200


def test_messages_record_payload_reply_and_time(sink):
    post(sink, DAILY_CHECK)
    post(sink, b"{broken")
    first, second = sink.request("GET", "/_sink/messages").json()
    assert first["payload"] == DAILY_CHECK
    assert first["reply"] == {"status": 200, "body": "ok"}
    assert first["time"].endswith("+00:00")
    assert second["payload"] is None
    assert second["raw"] == "{broken"
    assert second["reply"] == {"status": 400, "body": "invalid_payload"}


def test_reset_forgets_messages_and_queue(sink):
    queue(sink, {"status": 500})
    post(sink, {"text": "x"})
    assert sink.request("POST", "/_sink/reset").status == 200
    assert sink.request("GET", "/_sink/messages").json() == []
    assert post(sink, {"text": "x"}).status == 200


def test_text_rendering_of_delivered_messages(sink):
    post(sink, DAILY_CHECK)
    post(sink, LEGACY)
    queue(sink, {"status": 429})
    post(sink, {"text": "rate limited one"})
    text = sink.request("GET", "/_sink/text")
    assert text.headers["Content-Type"].startswith("text/plain")
    lines = text.text.splitlines()
    assert lines[0].startswith("--- message 1 at ")
    assert lines[1:4] == ["== Argos daily check · 2026-11-25 09:00 KST ==", "  OK", "  40"]
    assert ":red_circle: [P2][System] EC2 CPU utilization high on {{host.name}} — Alert since 06:50" in lines
    assert "host:ip-10-0-1-12, host:ip-10-0-2-40" in lines
    assert ":black_circle: <!channel> test & co — No Data" in lines
    assert ("Full report (https://reports.example/check/2026112509.html?X-Amz-Expires=43200)"
            " · link valid until 21:00 KST") in lines
    assert "Argos check [OK:41, No Data:3]" in lines
    assert ("| 6. Container-EKS-JOB-Fail-01 No Data "
            "(https://example.invalid/?check_dtm=2026112509&monitor_id=125194487)") in lines
    assert "rate limited one" not in text.text
    everything = sink.request("GET", "/_sink/text", query={"all": "1"}).text
    assert "--- message 3 at " in everything and "-> 429 rate_limited" in everything
    assert "rate limited one" in everything


def test_text_of_nothing_is_empty(sink):
    assert sink.request("GET", "/_sink/text").text == ""


@pytest.fixture
def sink_alive(sink):
    yield sink
    assert post(sink, {"text": "still here"}).status == 200
    assert sink.process.poll() is None


def test_huge_bodies_are_refused(sink_alive):
    assert post(sink_alive, b"x" * (2 << 20)).status == 413
    answer = raw_exchange(sink_alive.port, f"POST {SINK_PATH} HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize("method, path, status", [
    ("GET", SINK_PATH, 405), ("GET", "/_sink/nothing", 404), ("DELETE", "/_sink/messages", 404),
    ("POST", "/_sink/text", 404),
])
def test_unknown_routes_and_methods(sink_alive, method, path, status):
    assert sink_alive.request(method, path).status == status


@pytest.mark.parametrize("body", [b"[" * 100_000, b"\xff", b"{}"])
def test_malformed_control_bodies(sink_alive, body):
    assert sink_alive.request("POST", "/_sink/responses", body=body).status == 400


def test_deeply_nested_payloads(sink_alive):
    deep = b'{"text": "x", "blocks": [{"type": "rich_text", "elements": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]}"
    assert post(sink_alive, deep).text == "invalid_payload"
    nested = {"type": "rich_text_section", "elements": []}
    for _ in range(400):
        nested = {"type": "rich_text_quote", "elements": [nested]}
    assert post(sink_alive, {"text": "x", "blocks": [{"type": "rich_text", "elements": [nested]}]}).status == 200
    assert sink_alive.request("GET", "/_sink/text").status == 200
