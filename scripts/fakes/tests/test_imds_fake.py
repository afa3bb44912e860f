"""The IMDSv2 fake: session tokens, the role's credentials, the documented refusals, and its control routes."""

import http.client
import json
import re
import threading
import time
from datetime import datetime, timezone

import pytest

from fakeproc import raw_exchange, start

ACCESS_KEY_ID = "ASIAIMDSFAKE00000001"
SECRET = "imds-secret-wJalrXUtnFEMI/K7MDENG"
SESSION_TOKEN = "imds-session-IQoJb3JpZ2luX2VjEPr"
ROLE = "opsdaily-instance"
CREDENTIALS = "/latest/meta-data/iam/security-credentials/"
TTL = "X-aws-ec2-metadata-token-ttl-seconds"
TOKEN = "X-aws-ec2-metadata-token"
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
ARGUMENTS = ["--access-key-id", ACCESS_KEY_ID, "--secret-access-key", SECRET, "--session-token", SESSION_TOKEN,
             "--role", ROLE, "--region", "eu-west-1", "--expires-in", "3600"]


@pytest.fixture(scope="module")
def imds_server(tmp_path_factory):
    with start("imds_fake.py", [*ARGUMENTS, "--verbose"], tmp_path_factory.mktemp("imds"),
               reset_path="/_imds/reset") as fake:
        yield fake


@pytest.fixture
def imds(imds_server):
    return imds_server.reset()


def get_token(fake, ttl="60"):
    reply = fake.request("PUT", "/latest/api/token", headers={TTL: ttl})
    assert reply.status == 200, reply.text
    return reply.text


def get(fake, path, token=None, headers=None):
    return fake.request("GET", path, headers={**({TOKEN: token} if token else {}), **(headers or {})})


def parse_iso(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


# --- tokens ---------------------------------------------------------------------------------

def test_a_token_comes_with_its_ttl(imds):
    reply = imds.request("PUT", "/latest/api/token", headers={TTL: "21600"})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/plain"
    assert reply.headers[TTL] == "21600"
    assert reply.headers["Server"] == "EC2ws"
    assert 20 <= len(reply.text) <= 100 and reply.text.isprintable()
    assert get_token(imds) != get_token(imds)


@pytest.mark.parametrize("ttl", ["1", "21600", " 300 "])
def test_ttl_bounds_accepted(imds, ttl):
    assert imds.request("PUT", "/latest/api/token", headers={TTL: ttl}).status == 200


@pytest.mark.parametrize("ttl", ["0", "21601", "-1", "1.5", "abc", "", "1e3", "9" * 40, "６0"])
def test_ttl_out_of_bounds_or_not_a_number_is_400(imds, ttl):
    reply = imds.request("PUT", "/latest/api/token", headers={TTL: ttl.encode().decode("latin-1")})
    assert reply.status == 400
    assert "400 - Bad Request" in reply.text


def test_a_token_request_without_ttl_is_400(imds):
    assert imds.request("PUT", "/latest/api/token").status == 400


def test_a_token_request_with_x_forwarded_for_is_403(imds):
    reply = imds.request("PUT", "/latest/api/token", headers={TTL: "60", "X-Forwarded-For": "203.0.113.9"})
    assert reply.status == 403


def test_a_token_on_a_versioned_path_is_403_and_other_methods_405(imds):
    assert imds.request("PUT", "/2021-03-23/api/token", headers={TTL: "60"}).status == 403
    assert imds.request("PUT", "/latest/meta-data/", headers={TTL: "60"}).status == 405
    assert imds.request("GET", "/latest/api/token", headers={TTL: "60"}).status == 405
    assert imds.request("POST", "/latest/api/token", body=b"", headers={TTL: "60"}).status == 405
    assert imds.request("DELETE", CREDENTIALS, headers={TOKEN: get_token(imds)}).status == 405


def test_tokens_expire_after_their_ttl(imds):
    short, long = get_token(imds, "1"), get_token(imds, "60")
    assert get(imds, CREDENTIALS, short).status == 200
    time.sleep(1.2)  # the only sleep in this file
    assert get(imds, CREDENTIALS, short).status == 401
    assert get(imds, CREDENTIALS, long).status == 200


# --- metadata ---------------------------------------------------------------------------------

def test_the_role_is_listed(imds):
    token = get_token(imds)
    for path in (CREDENTIALS, CREDENTIALS.rstrip("/")):
        reply = get(imds, path, token)
        assert (reply.status, reply.text) == (200, ROLE)
        assert reply.headers["Content-Type"] == "text/plain"


def test_the_credentials_document(imds):
    before = time.time()
    reply = get(imds, CREDENTIALS + ROLE, get_token(imds))
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/plain"
    document = json.loads(reply.text)
    assert list(document) == ["Code", "LastUpdated", "Type", "AccessKeyId", "SecretAccessKey", "Token",
                              "Expiration"]
    assert document["Code"] == "Success" and document["Type"] == "AWS-HMAC"
    assert (document["AccessKeyId"], document["SecretAccessKey"], document["Token"]) == (
        ACCESS_KEY_ID, SECRET, SESSION_TOKEN)
    assert ISO.fullmatch(document["LastUpdated"]) and ISO.fullmatch(document["Expiration"])
    # reset() just before: a fresh hour from then
    assert before - 5 <= parse_iso(document["Expiration"]) - 3600 <= before + 1
    assert parse_iso(document["LastUpdated"]) <= parse_iso(document["Expiration"])


def test_region_and_listings(imds):
    token = get_token(imds)
    assert get(imds, "/latest/meta-data/placement/region", token).text == "eu-west-1"
    assert get(imds, "/latest/meta-data/", token).text == "iam/\nplacement/"
    assert get(imds, "/latest/meta-data/iam/", token).text == "security-credentials/"
    assert get(imds, "/latest/meta-data/placement/", token).text == "region"


def test_head_is_allowed(imds):
    reply = imds.request("HEAD", CREDENTIALS + ROLE, headers={TOKEN: get_token(imds)})
    assert (reply.status, reply.body) == (200, b"")


@pytest.mark.parametrize("path", [CREDENTIALS + "other-role", "/latest/meta-data/ami-id", "/", "/latest/user-data",
                                  CREDENTIALS + ROLE + "/x"])
def test_unknown_items_are_404(imds, path):
    assert get(imds, path, get_token(imds)).status == 404


def test_a_get_without_token_is_401_by_default(imds):
    reply = get(imds, CREDENTIALS + ROLE)
    assert reply.status == 401
    assert "401 - Unauthorized" in reply.text and SECRET not in reply.text


@pytest.mark.parametrize("token", ["not-a-token", "x" * 5000, ""])
def test_an_unknown_token_is_401(imds, token):
    assert imds.request("GET", CREDENTIALS + ROLE, headers={TOKEN: token}).status == 401


def test_x_forwarded_for_on_a_get_is_not_refused(imds):
    # The documented refusal covers the PUT for a token, not GETs that carry a valid token.
    reply = get(imds, CREDENTIALS, get_token(imds), headers={"X-Forwarded-For": "203.0.113.9"})
    assert reply.status == 200


def test_allow_v1_serves_tokenless_gets_but_not_wrong_tokens(tmp_path):
    with start("imds_fake.py", [*ARGUMENTS, "--allow-v1"], tmp_path, reset_path="/_imds/reset") as fake:
        assert get(fake, CREDENTIALS).text == ROLE
        assert json.loads(get(fake, CREDENTIALS + ROLE).text)["SecretAccessKey"] == SECRET
        assert get(fake, CREDENTIALS, "wrong").status == 401
        assert get(fake, CREDENTIALS, get_token(fake)).status == 200


def test_an_empty_session_token_is_served_as_given(tmp_path):
    arguments = [*ARGUMENTS]
    arguments[arguments.index(SESSION_TOKEN)] = ""
    with start("imds_fake.py", arguments, tmp_path, reset_path="/_imds/reset") as fake:
        document = json.loads(get(fake, CREDENTIALS + ROLE, get_token(fake)).text)
        assert document["Token"] == ""


# --- control routes ---------------------------------------------------------------------------

def credentials(fake):
    return json.loads(get(fake, CREDENTIALS + ROLE, get_token(fake)).text)


def test_rotate_issues_new_values_and_expiry(imds):
    reply = imds.request("POST", "/_imds/rotate", body={"access_key_id": "ASIAROTATED0000000001",
                                                        "secret_access_key": "rotated-secret",
                                                        "session_token": "rotated-token", "expires_in": 120})
    assert reply.status == 200
    assert reply.json()["access_key_id"] == "ASIAROTATED0000000001"
    assert "rotated-secret" not in reply.text and "rotated-token" not in reply.text
    document = credentials(imds)
    assert (document["AccessKeyId"], document["SecretAccessKey"], document["Token"]) == (
        "ASIAROTATED0000000001", "rotated-secret", "rotated-token")
    assert abs(parse_iso(document["Expiration"]) - time.time() - 120) <= 3
    assert document["Expiration"] == reply.json()["expiration"]


def test_rotate_without_values_generates_them(imds):
    assert imds.request("POST", "/_imds/rotate", body=b"").status == 200
    document = credentials(imds)
    assert document["AccessKeyId"].startswith("ASIA") and len(document["AccessKeyId"]) == 20
    assert SECRET != document["SecretAccessKey"] and SESSION_TOKEN != document["Token"]


def test_rotate_to_zero_lifetime_serves_expired_credentials(imds):
    assert imds.request("POST", "/_imds/rotate", body={"expires_in": 0}).status == 200
    assert parse_iso(credentials(imds)["Expiration"]) <= time.time() + 1


@pytest.mark.parametrize("body", [b"{nope", b"[]", b'"text"', b'{"AccessKeyId": "x"}', b'{"expires_in": -1}',
                                  b'{"expires_in": 604801}', b'{"expires_in": "60"}', b'{"session_token": 5}',
                                  b'{"secret_access_key": "' + b"s" * 9000 + b'"}', b"\xff\xfe", b"[" * 50_000])
def test_malformed_rotate_bodies_are_400(imds, body):
    reply = imds.request("POST", "/_imds/rotate", body=body)
    assert reply.status == 400 and reply.json()["error"]
    assert credentials(imds)["SecretAccessKey"] == SECRET


def test_reset_restores_credentials_and_forgets_tokens(imds):
    token = get_token(imds)
    imds.request("POST", "/_imds/rotate", body={"secret_access_key": "other"})
    imds.reset()
    assert get(imds, CREDENTIALS, token).status == 401
    assert credentials(imds)["SecretAccessKey"] == SECRET
    assert [(entry["path"], entry["status"]) for entry in imds.request("GET", "/_imds/requests").json()] == [
        (CREDENTIALS, 401), ("/latest/api/token", 200), (CREDENTIALS + ROLE, 200)]


@pytest.mark.parametrize("status", [500, 503, 429, 404])
def test_a_fault_answers_its_status_count_times(imds, status):
    token = get_token(imds)
    fault = {"status": status, "count": 2, "path_prefix": CREDENTIALS}
    assert imds.request("POST", "/_imds/faults", body=fault).json() == {"added": 1}
    assert [get(imds, CREDENTIALS + ROLE, token).status for _ in range(3)] == [status, status, 200]
    assert get_token(imds)  # other paths untouched
    log = imds.request("GET", "/_imds/requests").json()
    assert [entry["fault"] for entry in log if entry["path"] == CREDENTIALS + ROLE] == [True, True, False]


def test_a_fault_applies_whatever_the_request_carries(imds):
    imds.request("POST", "/_imds/faults", body=[{"status": 500, "path_prefix": "/latest/api/token", "method": "put"}])
    assert imds.request("PUT", "/latest/api/token", headers={TTL: "60"}).status == 500
    assert imds.request("PUT", "/latest/api/token", headers={TTL: "60"}).status == 200


def test_a_delay_fault_slows_the_request_then_answers(imds):
    token = get_token(imds)
    imds.request("POST", "/_imds/faults", body={"delay_ms": 400, "path_prefix": CREDENTIALS})
    began = time.monotonic()
    assert get(imds, CREDENTIALS, token).status == 200
    assert time.monotonic() - began >= 0.35


def wait_until_waiting(fake, prefix, count=1):
    deadline = time.monotonic() + 10
    while fake.request("GET", f"{prefix}faults").json()["waiting"] != count:
        assert time.monotonic() < deadline, "the delayed request never arrived"


def test_reset_releases_a_hanging_request(imds):
    token = get_token(imds)
    imds.request("POST", "/_imds/faults", body={"delay_ms": 60_000, "status": 500, "path_prefix": CREDENTIALS})
    assert imds.request("GET", "/_imds/faults").json() == {"pending": 1, "waiting": 0}
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("status", get(imds, CREDENTIALS, token).status))
    began = time.monotonic()
    thread.start()
    wait_until_waiting(imds, "/_imds/")
    imds.reset()
    thread.join(10)
    assert outcome.get("status") == 500 and time.monotonic() - began < 5
    assert imds.request("GET", "/_imds/faults").json() == {"pending": 0, "waiting": 0}


def test_a_close_fault_drops_the_connection(imds):
    imds.request("POST", "/_imds/faults", body={"close": True, "path_prefix": "/latest/api/token"})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        imds.request("PUT", "/latest/api/token", headers={TTL: "60"})
    assert imds.request("GET", "/_imds/requests").json()[0]["status"] is None


@pytest.mark.parametrize("fault", [{}, {"status": 200}, {"status": 600}, {"status": "500"}, {"status": 500, "count": 0},
                                   {"delay_ms": 60_001}, {"delay_ms": -1}, {"close": "yes"}, {"status": 500, "x": 1},
                                   {"status": 500, "path_prefix": "latest"}, {"status": 500, "method": "G E T"},
                                   [1], "text"])
def test_malformed_faults_are_400(imds, fault):
    reply = imds.request("POST", "/_imds/faults", body=json.dumps(fault).encode())
    assert reply.status == 400 and reply.json()["error"]


def test_control_routes_unknown_or_wrong_method(imds):
    assert imds.request("GET", "/_imds/nothing").status == 404
    assert imds.request("GET", "/_imds/reset").status == 405
    assert imds.request("POST", "/_imds/requests", body=b"").status == 405


def test_the_request_log_says_whether_a_token_came_never_which(imds):
    token = get_token(imds, "120")
    get(imds, CREDENTIALS + ROLE, token)
    get(imds, CREDENTIALS + ROLE)
    log = imds.request("GET", "/_imds/requests")
    entries = log.json()
    assert [(e["method"], e["path"], e["token_presented"], e["status"]) for e in entries] == [
        ("PUT", "/latest/api/token", False, 200), ("GET", CREDENTIALS + ROLE, True, 200),
        ("GET", CREDENTIALS + ROLE, False, 401)]
    assert entries[0]["ttl"] == "120"
    for secret in (token, SECRET, SESSION_TOKEN):
        assert secret not in log.text


def test_no_secret_reaches_stderr_even_verbose(imds):
    token = get_token(imds)
    get(imds, CREDENTIALS + ROLE, token)
    get(imds, f"{CREDENTIALS}{ROLE}?token={token}", token)  # a client that leaks it into the URL
    raw_exchange(imds.port, f"GET /{token} HTTP/1.1 junk\r\n\r\n".encode())  # a malformed request line
    raw_exchange(imds.port, f"GET /{SECRET} HTTP/1.1 junk\r\n\r\n".encode())
    imds.request("POST", "/_imds/rotate", body={"secret_access_key": "rotated-secret-value"})
    get(imds, CREDENTIALS + ROLE, get_token(imds))
    stderr = imds.stderr()
    assert "GET /latest/meta-data/iam/security-credentials/opsdaily-instance 200" in stderr
    for secret in (token, SECRET, SESSION_TOKEN, "rotated-secret-value"):
        assert secret not in stderr


# --- hostile input ----------------------------------------------------------------------------

@pytest.fixture
def imds_alive(imds):
    yield imds
    assert imds.process.poll() is None
    assert get(imds, CREDENTIALS, get_token(imds)).status == 200


def test_an_oversized_body_is_413(imds_alive):
    answer = raw_exchange(imds_alive.port, b"PUT /latest/api/token HTTP/1.1\r\nHost: x\r\n"
                                           b"X-aws-ec2-metadata-token-ttl-seconds: 60\r\nContent-Length: 9999999999\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413")
    assert imds_alive.request("POST", "/_imds/rotate", body=b" " * (65 << 10)).status == 413


@pytest.mark.parametrize("request_bytes", [
    b"GET /latest/meta-data/ HTTP/1.1\r\nX-aws-ec2-metadata-token: " + b"t" * 70_000 + b"\r\n\r\n",
    b"GET /latest/meta-data/ HTTP/1.1\r\n" + b"X-A: b\r\n" * 200 + b"\r\n",
    b"PUT /latest/api/token HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"PUT /latest/api/token HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
    b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64,
    b"GET /latest/meta-data/ HTTP/1.1\r\nX-aws-ec2-metadata-token: \xff\xfe\r\n\r\n",
])
def test_broken_requests_are_refused(imds_alive, request_bytes):
    assert b" 200 " not in raw_exchange(imds_alive.port, request_bytes)


def test_keep_alive_serves_several_requests_on_one_connection(imds):
    request = b"PUT /latest/api/token HTTP/1.1\r\nHost: x\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\n\r\n"
    answer = raw_exchange(imds.port, request * 3)
    assert answer.count(b"HTTP/1.1 200") == 3
