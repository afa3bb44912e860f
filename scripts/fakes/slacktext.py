"""Slack messages as plain text, roughly as a reader sees them in the channel.

Blocks win over `text` (Slack only uses `text` as the notification fallback when
blocks are present); attachments follow, indented behind a bar like their colour strip.
"""

import re

SPECIAL = re.compile(r"<([^<>]*)>")
# Formatting markers only count at word edges, so `Not_Ready` or `a*b` stay as they are.
EMPHASIS = [re.compile(rf"(?<![\w{m}]){re.escape(m)}(?=\S)([^{m}\n]+?)(?<=\S){re.escape(m)}(?![\w{m}])")
            for m in "*_~"]
CODE_BLOCK = re.compile(r"```(.*?)```", re.S)
CODE = re.compile(r"`([^`\n]+)`")


def _special(match):
    inner = match.group(1)
    target, _, label = inner.partition("|")
    if target.startswith("!"):
        name = target[1:].split("^")[0]
        return label or f"@{name}"
    if target.startswith("@"):
        return f"@{label or target[1:]}"
    if target.startswith("#"):
        return f"#{label or target[1:]}"
    return f"{label} ({target})" if label and label != target else target


def mrkdwn(text):
    text = SPECIAL.sub(_special, text)
    text = CODE_BLOCK.sub(lambda m: m.group(1).strip("\n"), text)
    text = CODE.sub(r"\1", text)
    for pattern in EMPHASIS:
        text = pattern.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def text_object(obj):
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return ""
    return mrkdwn(obj["text"]) if obj.get("type") == "mrkdwn" else obj["text"]


def element(obj):
    if not isinstance(obj, dict):
        return ""
    kind = obj.get("type")
    if kind in ("plain_text", "mrkdwn"):
        return text_object(obj)
    if kind == "image":
        return f"[image: {obj.get('alt_text', '')}]"
    if "text" in obj:
        return f"[{text_object(obj['text'])}]"
    return f"[{kind}]"


def rich_text(obj):
    """Flatten rich_text elements; styles are dropped, structure kept as lines."""
    if isinstance(obj, list):
        return "".join(rich_text(item) for item in obj)
    if not isinstance(obj, dict):
        return ""
    kind = obj.get("type")
    if kind == "text":
        return obj.get("text", "")
    if kind == "link":
        return obj.get("text") or obj.get("url", "")
    if kind == "emoji":
        return f":{obj.get('name', '')}:"
    if kind in ("user", "usergroup"):
        return f"@{obj.get('user_id') or obj.get('usergroup_id', '')}"
    if kind == "channel":
        return f"#{obj.get('channel_id', '')}"
    if kind == "broadcast":
        return f"@{obj.get('range', '')}"
    inner = rich_text(obj.get("elements", []))
    if kind == "rich_text_list":
        return "".join(f"- {rich_text(item)}\n" for item in obj.get("elements", []))
    if kind == "rich_text_quote":
        return "".join(f"> {line}\n" for line in inner.splitlines())
    return inner if kind == "rich_text_section" else inner + "\n"


def block(obj):
    """One block as lines of text."""
    if not isinstance(obj, dict):
        return []
    kind = obj.get("type")
    if kind == "header":
        return [f"== {text_object(obj.get('text'))} =="]
    if kind == "divider":
        return ["-" * 40]
    if kind == "section":
        lines = text_object(obj.get("text")).splitlines()
        lines += [f"  {line}" for field in obj.get("fields") or [] for line in text_object(field).splitlines()]
        if obj.get("accessory"):
            lines.append(f"  {element(obj['accessory'])}")
        return lines
    if kind == "context":
        return ["  ·  ".join(element(item) for item in obj.get("elements") or [])]
    if kind == "actions":
        return [" ".join(element(item) for item in obj.get("elements") or [])]
    if kind == "image":
        return [f"[image: {obj.get('alt_text', '')}] {obj.get('image_url', '')}".rstrip()]
    if kind == "markdown":
        return str(obj.get("text", "")).splitlines()
    if kind == "rich_text":
        return rich_text(obj.get("elements", [])).rstrip("\n").splitlines()
    return [f"[{kind} block]"]


def blocks(items):
    if not isinstance(items, list):
        return []
    return [line for item in items for line in block(item)]


def attachment(obj):
    if not isinstance(obj, dict):
        return []
    # The pretext stands above the colour bar; the rest sits behind it.
    above = mrkdwn(obj["pretext"]).splitlines() if isinstance(obj.get("pretext"), str) else []
    lines = []
    for name in ("author_name", "title", "text"):
        if isinstance(obj.get(name), str):
            lines += mrkdwn(obj[name]).splitlines()
    for field in obj.get("fields") or []:
        if isinstance(field, dict):
            title, value = field.get("title") or "", mrkdwn(str(field.get("value", "")))
            lines.append(f"{title}: {value}" if title else value)
    lines += blocks(obj.get("blocks") or [])
    if isinstance(obj.get("footer"), str):
        lines.append(mrkdwn(obj["footer"]))
    return above + [f"| {line}" for line in lines]


def message(payload):
    """A payload (a dict) as plain text lines."""
    if isinstance(payload.get("blocks"), list) and payload["blocks"]:
        lines = blocks(payload["blocks"])
    elif isinstance(payload.get("text"), str):
        lines = mrkdwn(payload["text"]).splitlines()
    else:
        lines = []
    for item in payload.get("attachments") or []:
        lines += attachment(item)
    return lines
