"""The start-up contract the emulation script relies on: port file, stdout line, clean SIGTERM."""

import subprocess
import sys

import pytest

from fakeproc import FAKES, SINK_PATH, start, start_datadog


KEYS = ["--access-key-id", "ASIAEXAMPLE", "--secret-access-key", "s", "--session-token", "t"]


@pytest.mark.parametrize("launch", [
    lambda workdir: start_datadog(workdir),
    lambda workdir: start("slack_sink.py", ["--path", SINK_PATH], workdir),
    lambda workdir: start("imds_fake.py", KEYS, workdir, "/_imds/reset"),
    lambda workdir: start("container_credentials_fake.py", [*KEYS, "--authorization-token", "a"], workdir,
                          "/_container/reset"),
    lambda workdir: start("sso_portal_fake.py", [*KEYS, "--token", "x", "--grant", "123456789012:R"], workdir,
                          "/_sso/reset"),
    lambda workdir: start("aws_extras_fake.py", ["--key", "AKIDEXAMPLE=secret@123456789012"], workdir,
                          "/_extras/reset"),
    lambda workdir: start("aws_fault_proxy.py", ["--upstream", "http://127.0.0.1:9", "--latency-ms", "5"], workdir,
                          "/_proxy/reset"),
])
def test_port_file_stdout_and_sigterm(tmp_path, launch):
    fake = launch(tmp_path)
    assert fake.stop() == 0
    [stdout] = tmp_path.glob("*.stdout")
    assert stdout.read_text() == f"listening on http://127.0.0.1:{fake.port}\n"
    assert fake.stderr() == ""


@pytest.mark.parametrize("script, arguments", [
    ("fake_datadog.py", ["--app-key", "k"]),
    ("fake_datadog.py", ["--api-key", "k", "--app-key", "k", "--catalogue", "/nonexistent.json"]),
    ("fake_datadog.py", ["--api-key", "k", "--app-key", "k", "--extra-monitors", "-1"]),
    ("slack_sink.py", ["--path", "nothing"]),
    ("imds_fake.py", ["--access-key-id", "a", "--secret-access-key", "s"]),
    ("imds_fake.py", [*KEYS, "--expires-in", "-1"]),
    ("imds_fake.py", [*KEYS, "--role", "no/slash"]),
    ("imds_fake.py", [*KEYS, "--region", "Mars"]),
    ("imds_fake.py", ["--access-key-id", "", "--secret-access-key", "s", "--session-token", ""]),
    ("container_credentials_fake.py", [*KEYS, "--path", "/_container/x"]),
    ("container_credentials_fake.py", [*KEYS, "--path", "credentials"]),
    ("container_credentials_fake.py", [*KEYS, "--authorization-token", ""]),
    ("container_credentials_fake.py", [*KEYS, "--authorization-token", "a", "--authorization-token-file", "f"]),
    ("container_credentials_fake.py", [*KEYS, "--missing-authorization-status", "500"]),
    ("sso_portal_fake.py", [*KEYS, "--grant", "123456789012:R"]),
    ("sso_portal_fake.py", [*KEYS, "--token", "x"]),
    ("sso_portal_fake.py", [*KEYS, "--token", "x", "--grant", "12345:R"]),
    ("sso_portal_fake.py", [*KEYS, "--token", "x", "--grant", "123456789012"]),
    ("sso_portal_fake.py", [*KEYS, "--token", "x", "--grant", "123456789012:R", "--token-expires-in", "-5"]),
    ("aws_extras_fake.py", []),
    ("aws_extras_fake.py", ["--key", "AKIDEXAMPLE=secret"]),
    ("aws_extras_fake.py", ["--key", "AKIDEXAMPLE=secret@12345"]),
    ("aws_extras_fake.py", ["--key", "=secret@123456789012"]),
    ("aws_extras_fake.py", ["--key", "AKIDEXAMPLE=@123456789012"]),
    ("aws_extras_fake.py", ["--key", "AKID=a@123456789012", "--key", "AKID=b@210987654321"]),
    ("aws_fault_proxy.py", ["--upstream", "http://127.0.0.1:9", "--latency-ms", "-1"]),
    ("aws_fault_proxy.py", ["--upstream", "http://127.0.0.1:9", "--latency-ms", "60001"]),
])
def test_bad_start_up_arguments_fail_fast(script, arguments):
    result = subprocess.run([sys.executable, str(FAKES / script), "--port", "0", *arguments],
                            capture_output=True, timeout=30)
    assert result.returncode != 0
    assert result.stderr
    assert b"listening" not in result.stdout
