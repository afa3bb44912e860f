#!/usr/bin/env python3
"""Reads an HTML report on stdin and prints what the Swift tests assert on, as JSON.

Well-formedness here means: every non-void element closed in order, nothing after </html>, no
unknown entity. Also reported: the CSP meta content, elements that could run or fetch something,
the monitor rows (data-monitor-id) with their text, and <details> blocks.
"""

import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ACTIVE = {"script", "iframe", "object", "embed", "link", "img", "form", "base", "svg"}


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.active, self.rows, self.details = [], [], [], [], 0
        self.csp, self.title, self.closed_html, self.handlers = None, "", False, []
        self.row, self.in_title = None, False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.closed_html:
            self.errors.append(f"<{tag}> after </html>")
        if tag in ACTIVE:
            self.active.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = attributes.get("content")
        if tag == "title" and "head" in self.stack:
            self.in_title = True
        if tag == "details":
            self.details += 1
        if tag == "tr" and "data-monitor-id" in attributes:
            self.row = {"id": attributes["data-monitor-id"], "class": attributes.get("class", ""), "text": "", "href": None}
            self.rows.append(self.row)
        if tag == "a" and self.row is not None and self.row["href"] is None:
            self.row["href"] = attributes.get("href")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
            return
        self.stack.pop()
        if tag == "tr":
            self.row = None
        if tag == "title":
            self.in_title = False
        if tag == "html":
            self.closed_html = True

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.row is not None:
            self.row["text"] += data


inspector = Inspector()
inspector.feed(sys.stdin.read())
inspector.close()
if inspector.stack:
    inspector.errors.append(f"unclosed {inspector.stack}")
print(json.dumps({
    "errors": inspector.errors, "csp": inspector.csp, "title": inspector.title, "active": inspector.active,
    "handlers": inspector.handlers, "rows": inspector.rows, "details": inspector.details,
}))
