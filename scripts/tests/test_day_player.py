"""The emulation's judge (scripts/lib/day_player.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
from day_player import REPO, expected_classes, function_url_event, report_links, signer_of  # noqa: E402


def test_the_default_scenario_classes_the_44_checked_monitors():
    classes = expected_classes(REPO / "terraform/datadog/monitors.json", REPO / "scripts/fakes/datadog-scenario.json")
    assert dict(classes) == {"OK": 36, "Alert": 2, "Warn": 1, "No Data": 3, "Muted": 1, "Error": 1}


def test_a_delivery_arrives_as_a_function_url_event():
    event = function_url_event('{"id": "1"}', "secret", "X-Ops-Webhook-Token", 7)
    assert event["version"] == "2.0" and event["isBase64Encoded"] is False
    assert event["requestContext"]["http"]["method"] == "POST"
    assert event["headers"]["x-ops-webhook-token"] == "secret"
    assert event["body"] == '{"id": "1"}'


def test_report_links_are_read_from_slack_markup_once_per_message():
    link = ("https://b.s3.test/reports/a.html?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAX%2F20261202%2F"
            "ap-northeast-2%2Fs3%2Faws4_request&amp;X-Amz-Signature=ab")
    payload = {"text": f"<{link}|Alert report> (link valid until …)",
               "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": f"<{link}|Alert report>"}},
                          {"type": "section", "text": {"type": "mrkdwn", "text": "<https://app.datadoghq.com/monitors/1|monitor>"}}]}
    [found] = report_links(payload)
    assert "&amp;" not in found
    assert signer_of(found) == "AKIAX"
    assert signer_of("https://b.s3.test/a.html") == ""
