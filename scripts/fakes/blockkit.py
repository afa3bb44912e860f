#!/usr/bin/env python3
"""Checks a Slack message payload against Block Kit's documented limits.

Usage: python3 blockkit.py < payload.json   (exit 0: valid, 1: violations, 2: not JSON)

`violations(payload)` returns (code, text) pairs; the code is the error Slack's
incoming webhook answers with: invalid_payload, no_text, too_many_attachments,
invalid_blocks. The total size of all blocks (msg_blocks_too_long) is not modelled:
Slack does not document the number.
"""

import json
import sys

MAX_BLOCKS = 50
MAX_ATTACHMENTS = 100
MAX_BLOCK_ID = 255
KNOWN_BLOCKS = {"actions", "context", "divider", "file", "header", "image", "input",
                "markdown", "rich_text", "section", "video"}
TEXT_TYPES = {"plain_text", "mrkdwn"}


class Checker:
    def __init__(self):
        self.found = []
        self.block_ids = set()

    def fail(self, where, text, code="invalid_blocks"):
        self.found.append((code, f"{where}: {text}"))

    def text_object(self, obj, where, limit, plain_only=False, required=True):
        if obj is None:
            if required:
                self.fail(where, "missing text object")
            return
        if not isinstance(obj, dict):
            self.fail(where, "expected a text object")
            return
        kinds = {"plain_text"} if plain_only else TEXT_TYPES
        if obj.get("type") not in kinds:
            self.fail(where, f"type must be {' or '.join(sorted(kinds))}, got {obj.get('type')!r}")
        text = obj.get("text")
        if not isinstance(text, str) or not text:
            self.fail(where, "text must be a non-empty string")
        elif len(text) > limit:
            self.fail(where, f"text is {len(text)} characters, max {limit}")

    def string(self, value, where, limit, required=False):
        if value is None:
            if required:
                self.fail(where, "missing")
        elif not isinstance(value, str):
            self.fail(where, "expected a string")
        elif len(value) > limit:
            self.fail(where, f"{len(value)} characters, max {limit}")

    def element(self, element, where):
        """Interactive and image elements as used in section accessories, context and actions."""
        if not isinstance(element, dict):
            self.fail(where, "expected an object")
            return
        kind = element.get("type")
        if kind in TEXT_TYPES:
            self.text_object(element, where, 3000)
        elif kind == "image":
            self.string(element.get("alt_text"), f"{where}.alt_text", 2000, required=True)
            if "slack_file" not in element:
                self.string(element.get("image_url"), f"{where}.image_url", 3000, required=True)
        elif kind == "button":
            self.text_object(element.get("text"), f"{where}.text", 75, plain_only=True)
            self.string(element.get("action_id"), f"{where}.action_id", 255)
            self.string(element.get("url"), f"{where}.url", 3000)
            self.string(element.get("value"), f"{where}.value", 2000)
            if element.get("style") not in (None, "primary", "danger"):
                self.fail(f"{where}.style", "must be primary or danger")
        elif not isinstance(kind, str):
            self.fail(where, "element without a type")

    def elements(self, block, where, limit=None):
        items = block.get("elements")
        if not isinstance(items, list) or not items:
            self.fail(f"{where}.elements", "must be a non-empty array")
            return []
        if limit is not None and len(items) > limit:
            self.fail(f"{where}.elements", f"{len(items)} elements, max {limit}")
        return items

    def block(self, block, where):
        if not isinstance(block, dict):
            self.fail(where, "expected an object")
            return
        kind = block.get("type")
        if kind not in KNOWN_BLOCKS:
            self.fail(where, f"unknown block type {kind!r}")
            return
        where = f"{where} ({kind})"
        block_id = block.get("block_id")
        if block_id is not None:
            self.string(block_id, f"{where}.block_id", MAX_BLOCK_ID)
            if block_id in self.block_ids:
                self.fail(f"{where}.block_id", f"duplicate block_id {block_id!r}")
            self.block_ids.add(block_id)
        check = getattr(self, f"block_{kind}", None)
        if check:
            check(block, where)

    def block_section(self, block, where):
        fields = block.get("fields")
        if block.get("text") is None and fields is None:
            self.fail(where, "needs text or fields")
        self.text_object(block.get("text"), f"{where}.text", 3000, required=False)
        if fields is not None:
            if not isinstance(fields, list) or not fields:
                self.fail(f"{where}.fields", "must be a non-empty array")
                fields = []
            elif len(fields) > 10:
                self.fail(f"{where}.fields", f"{len(fields)} fields, max 10")
            for index, field in enumerate(fields):
                self.text_object(field, f"{where}.fields[{index}]", 2000)
        if block.get("accessory") is not None:
            self.element(block["accessory"], f"{where}.accessory")

    def block_header(self, block, where):
        self.text_object(block.get("text"), f"{where}.text", 150, plain_only=True)

    def block_context(self, block, where):
        for index, element in enumerate(self.elements(block, where, 10)):
            if not isinstance(element, dict) or element.get("type") not in TEXT_TYPES | {"image"}:
                self.fail(f"{where}.elements[{index}]", "must be a text object or an image")
            else:
                self.element(element, f"{where}.elements[{index}]")

    def block_actions(self, block, where):
        for index, element in enumerate(self.elements(block, where, 25)):
            self.element(element, f"{where}.elements[{index}]")

    def block_image(self, block, where):
        self.string(block.get("alt_text"), f"{where}.alt_text", 2000, required=True)
        if "slack_file" not in block:
            self.string(block.get("image_url"), f"{where}.image_url", 3000, required=True)
        if block.get("title") is not None:
            self.text_object(block["title"], f"{where}.title", 2000, plain_only=True)

    def block_markdown(self, block, where):
        self.string(block.get("text"), f"{where}.text", 12000, required=True)

    def block_rich_text(self, block, where):
        self.elements(block, where)

    def blocks(self, blocks, where):
        if not isinstance(blocks, list):
            self.fail(where, "must be an array")
            return
        if len(blocks) > MAX_BLOCKS:
            self.fail(where, f"{len(blocks)} blocks, max {MAX_BLOCKS}")
        for index, block in enumerate(blocks):
            self.block(block, f"{where}[{index}]")


def has_content(payload):
    """Whether Slack has anything to post: text, blocks, or attachments."""
    return any(payload.get(name) for name in ("text", "blocks", "attachments"))


def violations(payload):
    checker = Checker()
    if not isinstance(payload, dict):
        checker.fail("payload", "must be a JSON object", "invalid_payload")
        return checker.found
    if "text" in payload and not isinstance(payload["text"], str):
        checker.fail("text", "must be a string", "invalid_payload")
    if not has_content(payload):
        checker.fail("payload", "no text, blocks or attachments", "no_text")
    if "blocks" in payload:
        checker.blocks(payload["blocks"], "blocks")
    attachments = payload.get("attachments")
    if attachments is not None:
        if not isinstance(attachments, list):
            checker.fail("attachments", "must be an array", "invalid_payload")
        else:
            if len(attachments) > MAX_ATTACHMENTS:
                checker.fail("attachments", f"{len(attachments)} attachments, max {MAX_ATTACHMENTS}",
                             "too_many_attachments")
            for index, attachment in enumerate(attachments):
                if isinstance(attachment, dict) and "blocks" in attachment:
                    checker.blocks(attachment["blocks"], f"attachments[{index}].blocks")
    return checker.found


def main():
    try:
        payload = json.load(sys.stdin)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"invalid_payload: not JSON: {exc}")
        return 2
    found = violations(payload)
    for code, text in found:
        print(f"{code}: {text}")
    if not found:
        print("ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
