"""Fixtures: one fake of each kind per test module, reset before every test."""

import pytest

from fakeproc import SINK_PATH, start, start_datadog


@pytest.fixture(scope="module")
def datadog_server(tmp_path_factory):
    fake = start_datadog(tmp_path_factory.mktemp("datadog"))
    yield fake
    fake.stop()


@pytest.fixture
def dd(datadog_server):
    """The shared fake Datadog, back in its start-up state."""
    assert datadog_server.request("POST", "/_fake/reset").status == 200
    return datadog_server


@pytest.fixture(scope="module")
def sink_server(tmp_path_factory):
    fake = start("slack_sink.py", ["--path", SINK_PATH], tmp_path_factory.mktemp("sink"))
    yield fake
    fake.stop()


@pytest.fixture
def sink(sink_server):
    assert sink_server.request("POST", "/_sink/reset").status == 200
    return sink_server
