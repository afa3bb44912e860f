"""Fixtures: one fake of each kind per test module, reset before every test."""

import pytest

from fakeproc import SINK_PATH, start, start_datadog


@pytest.fixture(scope="module")
def datadog_server(tmp_path_factory):
    with start_datadog(tmp_path_factory.mktemp("datadog")) as fake:
        yield fake


@pytest.fixture
def dd(datadog_server):
    """The shared fake Datadog, back in its start-up state."""
    return datadog_server.reset()


@pytest.fixture(scope="module")
def sink_server(tmp_path_factory):
    with start("slack_sink.py", ["--path", SINK_PATH], tmp_path_factory.mktemp("sink")) as fake:
        yield fake


@pytest.fixture
def sink(sink_server):
    """The shared Slack sink, empty and with nothing queued."""
    return sink_server.reset()
