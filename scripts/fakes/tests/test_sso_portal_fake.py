"""The IAM Identity Center portal fake: GetRoleCredentials, its REST-JSON errors, tokens, grants, control routes."""

import http.client
import json
import threading
import time

import pytest

from fakeproc import raw_exchange, start

ACCESS_KEY_ID = "ASIASSOPORTALFAKE001"
SECRET = "sso-secret-ZXhhbXBsZS1zZWNyZXQ"
SESSION_TOKEN = "sso-session-IQoJb3JpZ2luX2Vj"
TOKEN, OTHER_TOKEN = "aoaAAAAAGTokenOne-fake-access-token", "aoaAAAAAGTokenTwo-fake-access-token"
ACCOUNT, ROLE = "123456789012", "OpsDailyReadOnly"
OPERATION = "/federation/credentials"
HEADER = "x-amz-sso_bearer_token"
ARGUMENTS = ["--access-key-id", ACCESS_KEY_ID, "--secret-access-key", SECRET, "--session-token", SESSION_TOKEN,
             "--expires-in", "3600", "--token", TOKEN, "--token", OTHER_TOKEN,
             "--grant", f"{ACCOUNT}:{ROLE}", "--grant", "210987654321:OpsDailyAdmin"]


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory):
    with start("sso_portal_fake.py", [*ARGUMENTS, "--verbose"], tmp_path_factory.mktemp("sso"),
               reset_path="/_sso/reset") as fake:
        yield fake


@pytest.fixture
def sso(sso_server):
    return sso_server.reset()


def get_credentials(fake, token=TOKEN, role=ROLE, account=ACCOUNT, query=None, method="GET"):
    headers = {HEADER: token} if token is not None else {}
    if query is None:
        query = {name: value for name, value in (("role_name", role), ("account_id", account)) if value is not None}
    return fake.request(method, OPERATION, headers=headers, query=query)


def assert_error(reply, status, error_type, message=None):
    assert reply.status == status
    assert reply.headers["x-amzn-ErrorType"] == error_type
    assert reply.headers["Content-Type"] == "application/json"
    assert reply.headers["x-amzn-RequestId"]
    assert list(reply.json()) == ["message"]
    if message is not None:
        assert reply.json()["message"] == message
    for secret in (SECRET, SESSION_TOKEN, TOKEN):
        assert secret not in reply.text


# --- GetRoleCredentials ------------------------------------------------------------------------

def test_role_credentials_for_a_granted_pair(sso):
    before = time.time()
    reply = get_credentials(sso)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json" and reply.headers["x-amzn-RequestId"]
    credentials = reply.json()["roleCredentials"]
    assert list(reply.json()) == ["roleCredentials"]
    assert (credentials["accessKeyId"], credentials["secretAccessKey"], credentials["sessionToken"]) == (
        ACCESS_KEY_ID, SECRET, SESSION_TOKEN)
    assert type(credentials["expiration"]) is int  # epoch milliseconds
    assert (before + 3600 - 5) * 1000 <= credentials["expiration"] <= (time.time() + 3600 + 1) * 1000
    assert get_credentials(sso, OTHER_TOKEN, "OpsDailyAdmin", "210987654321").status == 200


def test_the_bearer_header_name_is_case_insensitive(sso):
    reply = sso.request("GET", OPERATION, headers={"X-Amz-SSO_Bearer_Token": TOKEN},
                        query={"role_name": ROLE, "account_id": ACCOUNT})
    assert reply.status == 200


@pytest.mark.parametrize("token", [None, "", "unknown-token", TOKEN + "x", TOKEN.upper(), "t" * 9000])
def test_an_unknown_or_missing_token_is_unauthorized(sso, token):
    assert_error(get_credentials(sso, token), 401, "UnauthorizedException", "Session token not found or invalid")


@pytest.mark.parametrize("role, account", [("OpsDailyAdmin", ACCOUNT), (ROLE, "210987654321"),
                                           (ROLE, "000000000000"), ("opsdailyreadonly", ACCOUNT)])
def test_a_pair_not_granted_is_forbidden(sso, role, account):
    assert_error(get_credentials(sso, role=role, account=account), 403, "ForbiddenException", "No access")


@pytest.mark.parametrize("query", [{"account_id": ACCOUNT}, {"role_name": ROLE}, {}, {"role_name": "", "account_id": ACCOUNT},
                                   {"role_name": "r" * 257, "account_id": ACCOUNT},
                                   {f"p{i}": "x" for i in range(40)}])
def test_missing_or_out_of_range_parameters_are_invalid_requests(sso, query):
    assert_error(get_credentials(sso, query=query), 400, "InvalidRequestException")


def test_parameters_are_checked_before_the_token(sso):
    assert_error(get_credentials(sso, token="unknown", role=None), 400, "InvalidRequestException")


def test_other_operations_and_methods(sso):
    assert_error(sso.request("GET", "/assignment/accounts", headers={HEADER: TOKEN}), 404,
                 "UnknownOperationException")
    assert_error(get_credentials(sso, method="POST"), 405, "MethodNotAllowedException")
    assert get_credentials(sso, method="HEAD").status == 200


# --- tokens, rotation, faults ------------------------------------------------------------------

def test_tokens_expire_and_can_be_added(sso):
    assert sso.request("POST", "/_sso/tokens", body={"token": "short-lived-token", "expires_in": 1}).json() == {
        "tokens": 3}
    assert sso.request("POST", "/_sso/tokens", body={"token": TOKEN, "expires_in": 0}).status == 200
    assert get_credentials(sso, "short-lived-token").status == 200
    assert_error(get_credentials(sso, TOKEN), 401, "UnauthorizedException")  # expired at once
    time.sleep(1.2)  # the only sleep in this file
    assert_error(get_credentials(sso, "short-lived-token"), 401, "UnauthorizedException")
    assert sso.request("POST", "/_sso/tokens", body={"token": TOKEN, "expires_in": None}).status == 200
    assert get_credentials(sso, TOKEN).status == 200


def test_reset_restores_the_start_up_tokens(sso):
    sso.request("POST", "/_sso/tokens", body={"token": TOKEN, "expires_in": 0})
    sso.request("POST", "/_sso/tokens", body={"token": "extra-token"})
    sso.reset()
    assert get_credentials(sso, TOKEN).status == 200
    assert get_credentials(sso, "extra-token").status == 401


def test_start_up_tokens_can_expire(tmp_path):
    with start("sso_portal_fake.py", [*ARGUMENTS, "--token-expires-in", "3600"], tmp_path,
               reset_path="/_sso/reset") as fake:
        assert get_credentials(fake).status == 200


@pytest.mark.parametrize("body", [b"{", b"[]", b"{}", b'{"token": ""}', b'{"token": 5}', b'{"token": "a\\nb"}',
                                  b'{"token": "t", "expires_in": -1}', b'{"token": "t", "expires_in": "1"}',
                                  b'{"token": "t", "other": 1}', ("{\"token\": \"" + "t" * 9000 + "\"}").encode()])
def test_malformed_token_bodies_are_400(sso, body):
    assert sso.request("POST", "/_sso/tokens", body=body).status == 400


def test_rotate_changes_what_the_portal_hands_out(sso):
    reply = sso.request("POST", "/_sso/rotate", body={"access_key_id": "ASIAROTATED000000003",
                                                      "secret_access_key": "rotated-secret",
                                                      "session_token": "rotated-token", "expires_in": 60})
    assert reply.status == 200 and "rotated-secret" not in reply.text
    credentials = get_credentials(sso).json()["roleCredentials"]
    assert (credentials["accessKeyId"], credentials["secretAccessKey"], credentials["sessionToken"]) == (
        "ASIAROTATED000000003", "rotated-secret", "rotated-token")
    assert abs(credentials["expiration"] / 1000 - time.time() - 60) <= 3
    assert sso.request("POST", "/_sso/rotate", body={"role_arn": "x"}).status == 400


def test_a_throttling_fault_is_too_many_requests(sso):
    sso.request("POST", "/_sso/faults", body={"status": 429, "count": 2, "path_prefix": OPERATION})
    assert_error(get_credentials(sso), 429, "TooManyRequestsException")
    assert_error(get_credentials(sso, "unknown"), 429, "TooManyRequestsException")  # before the token check
    assert get_credentials(sso).status == 200
    log = sso.request("GET", "/_sso/requests").json()
    assert [(entry["status"], entry["fault"]) for entry in log] == [(429, True), (429, True), (200, False)]


@pytest.mark.parametrize("status, error_type", [(500, "InternalFailure"), (503, "ServiceUnavailable"),
                                                (404, "ResourceNotFoundException"), (401, "UnauthorizedException")])
def test_other_faults_carry_their_error_type(sso, status, error_type):
    sso.request("POST", "/_sso/faults", body={"status": status})
    assert_error(get_credentials(sso), status, error_type)


def test_delay_close_and_reset_releasing_a_hanging_request(sso):
    sso.request("POST", "/_sso/faults", body={"delay_ms": 300, "method": "GET"})
    began = time.monotonic()
    assert get_credentials(sso).status == 200 and time.monotonic() - began >= 0.25
    sso.request("POST", "/_sso/faults", body={"close": True})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        get_credentials(sso)
    sso.request("POST", "/_sso/faults", body={"delay_ms": 60_000})
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("status", get_credentials(sso).status))
    thread.start()
    deadline = time.monotonic() + 10
    while sso.request("GET", "/_sso/faults").json()["waiting"] != 1:
        assert time.monotonic() < deadline
    sso.reset()
    thread.join(10)
    assert outcome.get("status") == 200


@pytest.mark.parametrize("fault", [{"status": 429, "count": "2"}, {"status": 429, "delay_ms": 1.5}, {"status": None},
                                   {"status": 429, "reset": 1}, 5])
def test_malformed_faults_are_400(sso, fault):
    assert sso.request("POST", "/_sso/faults", body=json.dumps(fault).encode()).status == 400


def test_control_routes_unknown_or_wrong_method(sso):
    assert sso.request("GET", "/_sso/tokens").status == 405
    assert sso.request("GET", "/_sso/grants").status == 404
    assert sso.request("DELETE", "/_sso/requests").status == 405


def test_the_request_log_keeps_role_and_account_never_the_token(sso):
    get_credentials(sso)
    get_credentials(sso, None)
    get_credentials(sso, "not-granted", role="OpsDailyAdmin")
    log = sso.request("GET", "/_sso/requests")
    assert [(e["path"], e["token_presented"], e.get("role_name"), e.get("account_id"), e["status"])
            for e in log.json()] == [
        (OPERATION, True, ROLE, ACCOUNT, 200), (OPERATION, False, ROLE, ACCOUNT, 401),
        (OPERATION, True, "OpsDailyAdmin", ACCOUNT, 401)]
    for secret in (TOKEN, "not-granted", SECRET, SESSION_TOKEN):
        assert secret not in log.text


def test_no_secret_reaches_stderr_even_verbose(sso):
    get_credentials(sso)
    sso.request("GET", f"/{TOKEN}", query={"t": TOKEN})
    sso.request("POST", "/_sso/tokens", body={"token": "token-added-later-1234"})
    raw_exchange(sso.port, b"GET /token-added-later-1234 HTTP/1.1 junk\r\n\r\n")
    raw_exchange(sso.port, f"GET /federation/credentials?x={SECRET} HTTP/1.1 {SESSION_TOKEN}\r\n\r\n".encode())
    stderr = sso.stderr()
    assert f"GET {OPERATION} 200" in stderr
    for secret in (TOKEN, OTHER_TOKEN, "token-added-later-1234", SECRET, SESSION_TOKEN):
        assert secret not in stderr


# --- hostile input ----------------------------------------------------------------------------

@pytest.fixture
def sso_alive(sso):
    yield sso
    assert sso.process.poll() is None
    assert get_credentials(sso).status == 200


def test_an_oversized_body_is_413(sso_alive):
    answer = raw_exchange(sso_alive.port, b"POST /_sso/tokens HTTP/1.1\r\nContent-Length: 123456789012\r\n\r\n{")
    assert answer.startswith(b"HTTP/1.1 413") and b"x-amzn-ErrorType" in answer


@pytest.mark.parametrize("request_bytes", [
    b"GET /federation/credentials?role_name=" + b"r" * 70_000 + b" HTTP/1.1\r\n\r\n",
    b"GET /federation/credentials?" + b"&".join(b"a%d=1" % i for i in range(5000)) + b" HTTP/1.1\r\n\r\n",
    b"GET /federation/credentials?role_name=%ff%fe&account_id=%00 HTTP/1.1\r\nx-amz-sso_bearer_token: \xff\r\n\r\n",
    b"GET /federation/credentials HTTP/1.1\r\nx-amz-sso_bearer_token: " + b"t" * 70_000 + b"\r\n\r\n",
    b"GET /federation/credentials HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nab",
    b"OPTIONS * HTTP/1.1\r\n\r\n",
])
def test_broken_requests_are_refused(sso_alive, request_bytes):
    assert b" 200 " not in raw_exchange(sso_alive.port, request_bytes)


def test_keep_alive_serves_several_requests_on_one_connection(sso):
    request = (f"GET {OPERATION}?role_name={ROLE}&account_id={ACCOUNT} HTTP/1.1\r\nHost: x\r\n"
               f"{HEADER}: {TOKEN}\r\n\r\n").encode()
    assert raw_exchange(sso.port, request * 3).count(b"HTTP/1.1 200") == 3
