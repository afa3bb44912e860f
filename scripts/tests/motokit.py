"""A moto_server of a test's own, through the repository's launcher (scripts/tests/moto_server.py), with
signature checking switched on as Tests/TestSupport/MotoServer.swift does: an IAM user allowed everything
and its key while checking is off, then POST /moto-api/reset-auth."""

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3

LAUNCHER = Path(__file__).with_name("moto_server.py")
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answering(endpoint, process, log, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(endpoint + "/moto-api/", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto_server did not answer: {log.read_text()}")


def moto_auth(endpoint: str, unchecked_requests: str) -> str:
    """Sets how many requests moto lets through before checking signatures again ("0": check all,
    "inf": none); returns the previous setting."""
    request = urllib.request.Request(endpoint + "/moto-api/reset-auth", data=unchecked_requests.encode(),
                                     method="POST", headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT"]


def switch_auth_on(endpoint):
    """The admin key (allowed everything), then checking on: from here every call is signed and authorised."""
    iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="AKIDSETUP", aws_secret_access_key="setup")
    iam.create_user(UserName="opsdaily-test")
    iam.put_user_policy(UserName="opsdaily-test", PolicyName="everything", PolicyDocument=json.dumps(ALLOW_ALL))
    key = iam.create_access_key(UserName="opsdaily-test")["AccessKey"]
    moto_auth(endpoint, "0")
    return key["AccessKeyId"], key["SecretAccessKey"]


@contextlib.contextmanager
def moto_server(log_dir, checking=True):
    """(endpoint, admin key id, admin secret) of a fresh moto_server, with checking on unless `checking` is
    False (moto then takes any key: a benchmark's client time without moto's policy evaluation); stopped on
    exit."""
    port = free_port()
    log = Path(log_dir) / "moto.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, str(LAUNCHER), "-H", "127.0.0.1", "-p", str(port)], stdout=out, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        answering(endpoint, process, log)
        yield (endpoint, *switch_auth_on(endpoint)) if checking else (endpoint, "AKIDBENCH", "bench-secret")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
