"""Block Kit limits, through the function and the CLI the Swift tests may call."""

import json
import subprocess
import sys

import pytest

import blockkit
from fakeproc import DATA, FAKES

VALID = json.loads((DATA / "slack-daily-check.json").read_text())


def plain(text):
    return {"type": "plain_text", "text": text}


def mrkdwn(text):
    return {"type": "mrkdwn", "text": text}


def with_blocks(*blocks):
    return {"text": "fallback", "blocks": list(blocks)}


@pytest.mark.parametrize("payload", [
    VALID,
    json.loads((DATA / "slack-legacy-attachment.json").read_text()),
    {"text": "only text"},
    with_blocks({"type": "section", "text": mrkdwn("s" * 3000),
                 "fields": [mrkdwn("f" * 2000)] * 10,
                 "accessory": {"type": "button", "text": plain("b" * 75), "url": "https://x"}}),
    with_blocks({"type": "header", "text": plain("h" * 150)}),
    with_blocks({"type": "context", "elements": [mrkdwn("c")] * 9 + [{"type": "image", "image_url": "https://i",
                                                                    "alt_text": "a"}]}),
    with_blocks({"type": "markdown", "text": "m" * 12000}),
    with_blocks({"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": []}]}),
])
def test_valid_payloads_have_no_violations(payload):
    assert blockkit.violations(payload) == []


@pytest.mark.parametrize("payload, fragment", [
    (with_blocks(*[{"type": "divider"}] * 51), "51 blocks, max 50"),
    (with_blocks({"type": "section", "text": mrkdwn("s" * 3001)}), "3001 characters, max 3000"),
    (with_blocks({"type": "section", "fields": [mrkdwn("f" * 2001)]}), "2001 characters, max 2000"),
    (with_blocks({"type": "section", "fields": [mrkdwn("f")] * 11}), "11 fields, max 10"),
    (with_blocks({"type": "section"}), "needs text or fields"),
    (with_blocks({"type": "section", "text": mrkdwn("")}), "non-empty"),
    (with_blocks({"type": "header", "text": plain("h" * 151)}), "151 characters, max 150"),
    (with_blocks({"type": "header", "text": mrkdwn("h")}), "must be plain_text"),
    (with_blocks({"type": "context", "elements": [mrkdwn("c")] * 11}), "11 elements, max 10"),
    (with_blocks({"type": "context", "elements": [{"type": "button", "text": plain("b")}]}), "text object or an image"),
    (with_blocks({"type": "actions", "elements": [{"type": "button", "text": plain("b" * 76)}]}), "76 characters, max 75"),
    (with_blocks({"type": "image", "image_url": "https://i"}), "alt_text: missing"),
    (with_blocks({"type": "carousel"}), "unknown block type 'carousel'"),
    (with_blocks("divider"), "expected an object"),
    (with_blocks({"type": "divider", "block_id": "a"}, {"type": "divider", "block_id": "a"}), "duplicate block_id"),
    (with_blocks({"type": "divider", "block_id": "b" * 256}), "256 characters, max 255"),
    ({"text": "t", "blocks": "not a list"}, "must be an array"),
    ({"text": "t", "attachments": [{"blocks": [{"type": "nope"}]}]}, "attachments[0].blocks[0]"),
])
def test_each_documented_limit(payload, fragment):
    found = blockkit.violations(payload)
    assert found, fragment
    assert all(code == "invalid_blocks" for code, _ in found)
    assert any(fragment in text for _, text in found), found


def test_message_level_codes():
    assert blockkit.violations([]) == [("invalid_payload", "payload: must be a JSON object")]
    assert [code for code, _ in blockkit.violations({})] == ["no_text"]
    assert [code for code, _ in blockkit.violations({"text": "t", "attachments": [{}] * 101})] == [
        "too_many_attachments"]


def run_cli(data):
    return subprocess.run([sys.executable, str(FAKES / "blockkit.py")], input=data,
                          capture_output=True, timeout=30)


def test_cli_accepts_a_valid_payload():
    result = run_cli(json.dumps(VALID).encode())
    assert (result.returncode, result.stdout) == (0, b"ok\n")


def test_cli_lists_violations_and_exits_1():
    payload = with_blocks(*[{"type": "divider"}] * 50, {"type": "section", "text": mrkdwn("s" * 3001)})
    result = run_cli(json.dumps(payload).encode())
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        "invalid_blocks: blocks: 51 blocks, max 50",
        "invalid_blocks: blocks[50] (section).text: text is 3001 characters, max 3000",
    ]


def test_cli_exits_2_on_non_json():
    result = run_cli(b"{oops")
    assert result.returncode == 2
    assert result.stdout.startswith(b"invalid_payload: not JSON")
