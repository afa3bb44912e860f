"""The container credentials fake: the ECS/EKS/CloudShell endpoint, its Authorization check, and control routes."""

import http.client
import json
import re
import threading
import time
from datetime import datetime, timezone

import pytest

from fakeproc import raw_exchange, start

ACCESS_KEY_ID = "ASIACONTAINERFAKE001"
SECRET = "container-secret-7PC5omQ9x"
SESSION_TOKEN = "container-session-AQoDYXdzEJr"
AUTHORIZATION = "Basic container-authorization-abcd"
PATH = "/v2/credentials/4f2c0b1e-task"
ROLE_ARN = "arn:aws:iam::123456789012:role/opsdaily-task"
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
CREDENTIAL_ARGUMENTS = ["--access-key-id", ACCESS_KEY_ID, "--secret-access-key", SECRET,
                        "--session-token", SESSION_TOKEN, "--expires-in", "3600"]
AUTH = {"Authorization": AUTHORIZATION}


def launch(workdir, *extra):
    return start("container_credentials_fake.py", [*CREDENTIAL_ARGUMENTS, "--path", PATH, *extra], workdir,
                 reset_path="/_container/reset")


@pytest.fixture(scope="module")
def container_server(tmp_path_factory):
    with launch(tmp_path_factory.mktemp("container"), "--authorization-token", AUTHORIZATION, "--role-arn",
                ROLE_ARN, "--verbose") as fake:
        yield fake


@pytest.fixture
def container(container_server):
    return container_server.reset()


def fetch(fake, headers=AUTH, path=PATH):
    return fake.request("GET", path, headers=headers)


def parse_iso(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


# --- the endpoint -----------------------------------------------------------------------------

def test_the_credentials_document(container):
    before = time.time()
    reply = fetch(container)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    document = reply.json()
    assert sorted(document) == ["AccessKeyId", "Expiration", "RoleArn", "SecretAccessKey", "Token"]
    assert (document["AccessKeyId"], document["SecretAccessKey"], document["Token"], document["RoleArn"]) == (
        ACCESS_KEY_ID, SECRET, SESSION_TOKEN, ROLE_ARN)
    assert ISO.fullmatch(document["Expiration"])
    assert before - 5 <= parse_iso(document["Expiration"]) - 3600 <= before + 1


def test_head_is_allowed_and_other_methods_are_405(container):
    assert container.request("HEAD", PATH, headers=AUTH).status == 200
    reply = container.request("POST", PATH, headers=AUTH, body=b"{}")
    assert reply.status == 405 and reply.headers["Allow"] == "GET, HEAD"
    assert reply.json()["code"] == "MethodNotAllowed"


@pytest.mark.parametrize("path", ["/", "/v2/credentials", PATH + "/", PATH + "x", "/v1/credentials"])
def test_other_paths_are_404(container, path):
    reply = fetch(container, path=path)
    assert reply.status == 404 and set(reply.json()) == {"code", "message"}


def test_a_query_on_the_path_is_ignored_unless_configured(container, tmp_path):
    assert fetch(container, path=PATH + "?a=1").status == 200
    with start("container_credentials_fake.py", [*CREDENTIAL_ARGUMENTS, "--path", "/get-credentials?a=1"],
               tmp_path, reset_path="/_container/reset") as fake:
        assert fake.request("GET", "/get-credentials?a=1").status == 200
        assert fake.request("GET", "/get-credentials?a=2").status == 404
        assert fake.request("GET", "/get-credentials").status == 404


def test_without_a_configured_token_no_authorization_is_needed(tmp_path):
    with launch(tmp_path) as fake:
        assert fetch(fake, headers={}).status == 200
        assert fetch(fake, headers={"Authorization": "anything"}).status == 200
        assert fetch(fake, headers={}).json()["RoleArn"] == "arn:aws:iam::123456789012:role/opsdaily-task"


# --- the Authorization check ------------------------------------------------------------------

def test_a_missing_authorization_is_401(container):
    reply = fetch(container, headers={})
    assert reply.status == 401
    assert reply.json() == {"code": "Unauthorized", "message": "Authorization header is missing"}
    assert fetch(container, headers={"Authorization": ""}).status == 401


@pytest.mark.parametrize("value", ["Basic container-authorization-abc", "basic container-authorization-abcd",
                                   AUTHORIZATION + " ", "Bearer x", "x" * 20_000, "é"])
def test_a_wrong_authorization_is_403(container, value):
    reply = fetch(container, headers={"Authorization": value})
    assert reply.status == 403 and reply.json()["code"] == "AccessDenied"
    assert SECRET not in reply.text and AUTHORIZATION not in reply.text


def test_the_missing_status_can_be_the_eks_agents_400(tmp_path):
    with launch(tmp_path, "--authorization-token", "t", "--missing-authorization-status", "400") as fake:
        assert fetch(fake, headers={}).status == 400
        assert fetch(fake, headers={"Authorization": "u"}).status == 403
        assert fetch(fake, headers={"Authorization": "t"}).status == 200


def test_a_token_file_is_reread_on_every_request(tmp_path):
    token_file = tmp_path / "eks-pod-identity-token"
    token_file.write_text("first-token")
    with launch(tmp_path, "--authorization-token-file", str(token_file)) as fake:
        assert fetch(fake, headers={"Authorization": "first-token"}).status == 200
        token_file.write_text("second-token")
        assert fetch(fake, headers={"Authorization": "first-token"}).status == 403
        assert fetch(fake, headers={"Authorization": "second-token"}).status == 200
        token_file.unlink()
        reply = fetch(fake, headers={"Authorization": "second-token"})
        assert reply.status == 500 and "token file" in reply.json()["message"]
        assert fetch(fake, headers={}).status == 401


# --- control routes ---------------------------------------------------------------------------

def test_rotate_issues_new_values_role_and_expiry(container):
    body = {"access_key_id": "ASIAROTATED000000002", "secret_access_key": "rotated-secret",
            "session_token": "rotated-token", "role_arn": "arn:aws:iam::123456789012:role/other", "expires_in": 900}
    reply = container.request("POST", "/_container/rotate", body=body)
    assert reply.status == 200 and "rotated-secret" not in reply.text
    document = fetch(container).json()
    assert (document["AccessKeyId"], document["SecretAccessKey"], document["Token"], document["RoleArn"]) == (
        "ASIAROTATED000000002", "rotated-secret", "rotated-token", "arn:aws:iam::123456789012:role/other")
    assert abs(parse_iso(document["Expiration"]) - time.time() - 900) <= 3


def test_rotate_without_values_generates_keys_and_keeps_the_role(container):
    assert container.request("POST", "/_container/rotate", body={"expires_in": 60}).status == 200
    document = fetch(container).json()
    assert document["AccessKeyId"] != ACCESS_KEY_ID and document["SecretAccessKey"] != SECRET
    assert document["RoleArn"] == ROLE_ARN


@pytest.mark.parametrize("body", [b"{", b"[1]", b'{"role": "x"}', b'{"expires_in": 1.5}', b'{"role_arn": null}',
                                  b"\xc3\x28", b"{" * 30_000])
def test_malformed_rotate_bodies_are_400(container, body):
    assert container.request("POST", "/_container/rotate", body=body).status == 400
    assert fetch(container).json()["SecretAccessKey"] == SECRET


def test_reset_restores_the_start_up_state(container):
    container.request("POST", "/_container/rotate", body={"secret_access_key": "other"})
    container.request("POST", "/_container/faults", body={"status": 500, "count": 5})
    container.reset()
    assert fetch(container).json()["SecretAccessKey"] == SECRET
    assert [entry["status"] for entry in container.request("GET", "/_container/requests").json()] == [200]


@pytest.mark.parametrize("status", [500, 503, 429, 404, 401])
def test_a_fault_answers_its_status_count_times(container, status):
    container.request("POST", "/_container/faults", body={"status": status, "count": 2, "path_prefix": "/v2/"})
    replies = [fetch(container) for _ in range(3)]
    assert [reply.status for reply in replies] == [status, status, 200]
    assert set(replies[0].json()) == {"code", "message"}


def test_faults_filter_by_method_and_path(container):
    container.request("POST", "/_container/faults",
                      body=[{"status": 500, "method": "HEAD"}, {"status": 503, "path_prefix": "/elsewhere"}])
    assert fetch(container).status == 200
    assert container.request("HEAD", PATH, headers=AUTH).status == 500
    assert container.request("GET", "/elsewhere/x").status == 503
    assert container.request("GET", "/_container/faults").json() == {"pending": 0, "waiting": 0}


def test_a_delay_fault_and_reset_releasing_it(container):
    container.request("POST", "/_container/faults", body={"delay_ms": 300})
    began = time.monotonic()
    assert fetch(container).status == 200
    assert time.monotonic() - began >= 0.25
    container.request("POST", "/_container/faults", body={"delay_ms": 60_000, "status": 503})
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("status", fetch(container).status))
    thread.start()
    deadline = time.monotonic() + 10
    while container.request("GET", "/_container/faults").json()["waiting"] != 1:
        assert time.monotonic() < deadline
    container.reset()
    thread.join(10)
    assert outcome.get("status") == 503


def test_a_close_fault_drops_the_connection(container):
    container.request("POST", "/_container/faults", body={"close": True})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        fetch(container)
    assert fetch(container).status == 200


@pytest.mark.parametrize("fault", [{}, {"status": 302}, {"count": 2}, {"status": 500, "count": -1},
                                   {"status": 500, "method": 1}, {"status": 500, "path_prefix": ""}, None])
def test_malformed_faults_are_400(container, fault):
    reply = container.request("POST", "/_container/faults", body=json.dumps(fault).encode())
    assert reply.status == 400 and reply.json()["error"]


def test_too_many_faults_are_refused(container):
    assert container.request("POST", "/_container/faults", body=[{"status": 500}] * 1000).status == 200
    assert container.request("POST", "/_container/faults", body=[{"status": 500}]).status == 400


def test_control_routes_unknown_or_wrong_method(container):
    assert container.request("GET", "/_container/tokens").status == 404
    assert container.request("PUT", "/_container/faults", body=b"{}").status == 405


def test_the_request_log_says_whether_authorization_came_never_which(container):
    fetch(container)
    fetch(container, headers={})
    fetch(container, headers={"Authorization": "Bearer wrong-one"}, path=PATH + "?id=task-credential-id")
    log = container.request("GET", "/_container/requests")
    assert [(e["method"], e["path"], e["token_presented"], e["status"]) for e in log.json()] == [
        ("GET", PATH, True, 200), ("GET", PATH, False, 401), ("GET", PATH, True, 403)]
    for secret in (AUTHORIZATION, "wrong-one", "task-credential-id", SECRET, SESSION_TOKEN):
        assert secret not in log.text


def test_no_secret_reaches_stderr_even_verbose(container):
    fetch(container)
    fetch(container, path=f"{PATH}?auth={AUTHORIZATION.replace(' ', '+')}")
    raw_exchange(container.port, f"GET /{SECRET} HTTP/1.1 x\r\n\r\n".encode())
    raw_exchange(container.port, f"GET /{AUTHORIZATION}\r\n\r\n".encode())
    fetch(container, path="/" + AUTHORIZATION.replace(" ", "%20"))
    stderr = container.stderr()
    assert f"GET {PATH} 200" in stderr
    for secret in (AUTHORIZATION.split()[1], SECRET, SESSION_TOKEN):
        assert secret not in stderr


# --- hostile input ----------------------------------------------------------------------------

@pytest.fixture
def container_alive(container):
    yield container
    assert container.process.poll() is None
    assert fetch(container).status == 200


def test_an_oversized_body_is_413(container_alive):
    answer = raw_exchange(container_alive.port, f"GET {PATH} HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 413")
    assert container_alive.request("POST", "/_container/faults", body=b"[" + b"{}," * 40_000 + b"{}]").status == 413


@pytest.mark.parametrize("request_bytes", [
    f"GET {PATH} HTTP/1.1\r\nAuthorization: ".encode() + b"a" * 70_000 + b"\r\n\r\n",
    f"GET {PATH} HTTP/1.1\r\nAuthorization: \xff\xfe\x00\r\n\r\n".encode("latin-1"),
    f"GET {PATH} HTTP/1.1\r\n".encode() + b"X: y\r\n" * 150 + b"\r\n",
    f"GET {PATH} HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n".encode(),
    b"GET /\x00\x01 HTTP/1.1\r\n\r\n",
    b"\x00" * 1000,
])
def test_broken_requests_are_refused(container_alive, request_bytes):
    assert b" 200 " not in raw_exchange(container_alive.port, request_bytes)


def test_keep_alive_serves_several_requests_on_one_connection(container):
    request = f"GET {PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTHORIZATION}\r\n\r\n".encode()
    assert raw_exchange(container.port, request * 3).count(b"HTTP/1.1 200") == 3
