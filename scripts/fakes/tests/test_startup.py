"""The start-up contract the emulation script relies on: port file, stdout line, clean SIGTERM."""

import subprocess
import sys

import pytest

from fakeproc import FAKES, SINK_PATH, start, start_datadog


@pytest.mark.parametrize("launch", [
    lambda workdir: start_datadog(workdir),
    lambda workdir: start("slack_sink.py", ["--path", SINK_PATH], workdir),
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
])
def test_bad_start_up_arguments_fail_fast(script, arguments):
    result = subprocess.run([sys.executable, str(FAKES / script), "--port", "0", *arguments],
                            capture_output=True, timeout=30)
    assert result.returncode != 0
    assert result.stderr
    assert b"listening" not in result.stdout
