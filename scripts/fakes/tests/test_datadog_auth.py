"""Auth per the spec's security schemes: apiKeyAuth everywhere, appKeyAuth for monitor reads."""

import pytest

from fakeproc import API_KEY, APP_KEY

FORBIDDEN = {"errors": ["Forbidden"]}


def test_validate_needs_only_the_api_key(dd):
    reply = dd.api("/api/v1/validate", headers={"DD-API-KEY": API_KEY})
    assert (reply.status, reply.json()) == (200, {"valid": True})
    wrong = dd.api("/api/v1/validate", headers={"DD-API-KEY": "nope"})
    assert (wrong.status, wrong.json()) == (403, FORBIDDEN)


@pytest.mark.parametrize("headers", [
    {},
    {"DD-API-KEY": API_KEY},
    {"DD-APPLICATION-KEY": APP_KEY},
    {"DD-API-KEY": API_KEY, "DD-APPLICATION-KEY": "wrong"},
    {"DD-API-KEY": "wrong", "DD-APPLICATION-KEY": APP_KEY},
    {"DD-API-KEY": API_KEY[:-1], "DD-APPLICATION-KEY": APP_KEY},
])
@pytest.mark.parametrize("path", ["/api/v1/monitor", "/api/v1/monitor/123456789"])
def test_monitor_reads_need_both_keys(dd, path, headers):
    reply = dd.api(path, headers=headers)
    assert reply.status == 403
    assert reply.json() == FORBIDDEN
    assert reply.headers["Content-Type"] == "application/json"


def test_query_string_keys_are_not_accepted(dd):
    # The deprecated apiKeyAuthQuery scheme is not part of the monitor routes' security.
    reply = dd.api("/api/v1/monitor", query={"api_key": API_KEY, "application_key": APP_KEY}, headers={})
    assert reply.status == 403


def test_request_log_never_holds_key_values(dd):
    dd.api("/api/v1/monitor", query={"api_key": API_KEY, "application_key": APP_KEY, "page": "0"})
    dd.api("/api/v1/validate", headers={"DD-API-KEY": "a-wrong-key"})
    log = dd.request("GET", "/_fake/requests")
    assert log.status == 200
    entries = log.json()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/api/v1/monitor", 200), ("GET", "/api/v1/validate", 403)]
    assert entries[0]["query"] == {"page": "0"}
    assert isinstance(entries[0]["time"], float)
    for secret in (API_KEY, APP_KEY, "a-wrong-key"):
        assert secret not in log.text


def test_every_api_reply_carries_rate_limit_headers(dd):
    for reply in (dd.api("/api/v1/monitor"), dd.api("/api/v1/monitor/1"), dd.api("/api/v1/validate", headers={})):
        for name in ("X-RateLimit-Limit", "X-RateLimit-Period", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
            assert reply.headers[name].isdigit(), (name, reply.status)
