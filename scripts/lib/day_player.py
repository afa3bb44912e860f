#!/usr/bin/env python3
"""Plays a generated day (day_generator.py) through collection and judges the emulation's results.

  send     posts every delivery to collection's Invoke API in the Function URL event shape (payload
           format 2.0, as Lambda hands a Function URL request to the function), checks each answer
           against the delivery's intended outcome, counts the alerts table, writes the results as JSON.
  summary  prints the final table (expected against actual) from the results of every step and exits 1,
           naming each expectation that did not hold.
"""
import argparse
import html
import http.client
import json
import re
import sys
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

REPO = Path(__file__).resolve().parents[2]
OUTCOME_REASONS = {
    "stored": "stored",
    "duplicate": "duplicates (a redelivered $ID)",
    "rejected-401": "rejected 401 (wrong token)",
    "rejected-400": "rejected 400 (body not JSON)",
}
CLASSES = ["OK", "Warn", "Alert", "No Data", "Muted", "Unknown", "Error"]


def function_url_event(body, token, token_header, sequence):
    """The event Lambda builds for a Function URL request from Datadog's webhook sender."""
    request_id = str(uuid.UUID(int=sequence))
    headers = {"content-type": "application/json", "user-agent": "Datadog/Webhooks",
               "host": "abcdefghijklmnopqrstuvwxyz012345.lambda-url.ap-northeast-2.on.aws",
               "x-forwarded-proto": "https", "x-forwarded-for": "3.233.144.1",
               token_header.lower(): token}
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": "/", "rawQueryString": "", "headers": headers,
        "requestContext": {
            "accountId": "anonymous", "apiId": "abcdefghijklmnopqrstuvwxyz012345", "requestId": request_id,
            "domainName": headers["host"], "domainPrefix": "abcdefghijklmnopqrstuvwxyz012345",
            "http": {"method": "POST", "path": "/", "protocol": "HTTP/1.1", "sourceIp": "3.233.144.1",
                     "userAgent": "Datadog/Webhooks"},
            "routeKey": "$default", "stage": "$default",
        },
        "body": body, "isBase64Encoded": False,
    }


def invoke(connection, path, payload):
    connection.request("POST", path, json.dumps(payload).encode(), {"Content-Type": "application/json"})
    response = connection.getresponse()
    return json.loads(response.read())


def table_count(table):
    import boto3  # only here: the summary runs without AWS

    pages = boto3.client("dynamodb").get_paginator("scan").paginate(TableName=table, Select="COUNT")
    return sum(page["Count"] for page in pages)


def send(args):
    events = [json.loads(line) for line in Path(args.events).read_text().splitlines()]
    url = urlsplit(args.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    path = f"/2015-03-31/functions/{args.function}/invocations"
    answers, mismatches = Counter(), []
    for event in events:
        token = args.token if event["token_ok"] else "not-the-token"
        answer = invoke(connection, path, function_url_event(event["body"], token, args.token_header, event["seq"]))
        status = answer.get("statusCode")
        reply = json.loads(answer.get("body") or "{}")
        actual = {200: reply.get("status"), 401: "rejected-401", 400: "rejected-400"}.get(status, f"status-{status}")
        answers[actual] += 1
        if status != event["status"] or actual != event["outcome"]:
            mismatches.append(f"delivery {event['seq']} ({event['kind']}): expected {event['status']} "
                              f"{event['outcome']}, got {status} {reply}")
    connection.close()
    results = {"sent": len(events), "answers": dict(answers), "mismatches": mismatches,
               "tableItems": table_count(args.table)}
    Path(args.results).write_text(json.dumps(results, indent=1))
    print(f"  sent {len(events)} deliveries: " + ", ".join(f"{n} {k}" for k, n in sorted(answers.items())))
    for line in mismatches:
        print("  MISMATCH " + line)
    print(f"  {args.table}: {results['tableItems']} items")


def expected_classes(catalogue, scenario, priorities=(1, 2)):
    """The class daily-check must give each checked monitor under the fake's scenario (its README)."""
    checked = [m["key"] for m in json.loads(Path(catalogue).read_text())["monitors"] if m["priority"] in priorities]
    rank = {"OK": 0, "No Data": 1, "Warn": 2, "Alert": 3}
    counts = Counter()
    overrides = json.loads(Path(scenario).read_text())["monitors"]
    for key in checked:
        override = overrides.get(key, {})
        groups = [g if isinstance(g, str) else g["status"] for g in override.get("groups", {}).values()]
        state = override.get("state") or max(groups or ["OK"], key=rank.get)
        if override.get("deleted_after_listing") or override.get("error_status"):
            state = "Error"
        elif override.get("muted"):
            state = "Muted"
        counts[state] += 1
    return counts


def load(path):
    try:
        return json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError):
        return None


class Table:
    def __init__(self):
        self.rows, self.failures = [], []

    def row(self, label, expected, actual, check=None):
        """One line; `check(expected, actual)` (default: equal) decides whether it held."""
        held = check(expected, actual) if check else expected == actual
        self.rows.append((label, "" if expected is None else str(expected), "-" if actual is None else str(actual),
                          "" if held else "FAILED"))
        if not held:
            self.failures.append(f"{label.strip()}: expected {expected}, got {actual}")

    def note(self, label, actual):
        self.rows.append((label, "", str(actual), ""))

    def print(self):
        label, expected, actual = (max(len(row[column]) for row in self.rows + [("", "expected", "actual")])
                                   for column in range(3))
        print(f"{'':{label}}  {'expected':>{expected}}  {'actual':>{actual}}")
        for name, wanted, got, verdict in self.rows:
            print(f"{name:{label}}  {wanted:>{expected}}  {got:>{actual}}  {verdict}".rstrip())


def texts(value):
    """Every string in a Slack payload (blocks, fields, the fallback text)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def report_links(payload):
    """The distinct pre-signed links in a message (each appears in its blocks and its fallback text)."""
    links = {match for text in texts(payload) for match in re.findall(r"<(https?://[^|>]+)\|", text)}
    return sorted(html.unescape(link) for link in links if "X-Amz-Signature=" in link)


def signer_of(link):
    """The access key id in a pre-signed link's X-Amz-Credential (key/date/region/s3/aws4_request)."""
    credential = parse_qs(urlsplit(link).query).get("X-Amz-Credential", [""])[0]
    return credential.split("/", 1)[0]


def summary(args):
    expect, sent = load(args.expect), load(args.sent) or {}
    check, notification = load(args.check) or {}, load(args.notification) or {}
    messages = load(args.messages) or []
    table = Table()

    table.row("webhook deliveries sent", expect["sent"], sent.get("sent"))
    answers = sent.get("answers", {})
    for outcome, label in OUTCOME_REASONS.items():
        table.row(f"  {label}", expect["byOutcome"].get(outcome, 0), answers.get(outcome, 0))
    for outcome in sorted(set(answers) - set(OUTCOME_REASONS)):
        table.row(f"  answered {outcome}", 0, answers[outcome])
    table.row("  answers other than intended", 0, len(sent.get("mismatches", [None])))
    table.row("alerts table items (distinct $ID)", expect["stored"], sent.get("tableItems"))

    classes = expected_classes(args.catalogue, args.scenario)
    counts = check.get("counts") or {}
    table.row("daily-check monitors checked", sum(classes.values()), check.get("total"))
    for name in CLASSES:
        if classes.get(name) or counts.get(name):
            table.row(f"  {name}", classes.get(name, 0), counts.get(name, 0))
    table.row("  run status", "finished", check.get("status"))

    if notification.get("errorType"):
        table.row("notification", "answered", f"{notification['errorType']}", lambda e, a: False)
    else:
        table.row("notification window alerts (no [TEST])", expect["alerts"], notification.get("alerts"))
        for key, label in [("testNotifications", "  [TEST] notifications"), ("episodes", "  episodes"),
                           ("openEpisodes", "  open at the slot"), ("flapping", "  flapping monitors"),
                           ("alertsDayEarlier", "  same window a day earlier"),
                           ("dayAlerts", "local day so far (no [TEST])")]:
            table.row(label, expect[key], notification.get(key))
        for key, label in [("windowStart", "  window from"), ("windowEnd", "  window to")]:
            table.row(label, expect[key], notification.get(key), lambda e, a: str(a).replace(".000Z", "Z") == e)
        table.row("  check run of the slot", "finished", notification.get("checkRun"))
        table.row("  its non-OK monitors", check.get("notOK"), notification.get("checkNotOK"))

    retries = [load(path) or {} for path in args.retry]
    if retries:
        table.row("retried scheduled invocations", len(retries), sum("posted" in answer for answer in retries))
        table.row("  that posted again", 0, sum(answer.get("posted") is not False for answer in retries))
    posted = [m for m in messages if m.get("reply", {}).get("status") == 200]
    table.row("Slack messages posted", 2, len(posted))
    if args.signer_key_id:
        links = [link for m in posted for link in report_links(m.get("payload", {}))]
        signed = [link for link in links if signer_of(link) == args.signer_key_id]
        table.row("report links in Slack (check 1, digest 2)", 3, len(links))
        table.row("  signed by the report signer", len(links), len(signed))
        lines = [text for m in posted for text in texts(m.get("payload", {})) if "link valid until" in text]
        table.row("  said to end sooner than asked", 0, sum("at the latest" in line for line in lines))
    reports = [line for line in Path(args.reports).read_text().splitlines() if line] if args.reports else []
    table.row("reports written", 2, len(reports))
    print()
    table.print()
    for line in sent.get("mismatches", []):
        table.failures.append(line)
    if table.failures:
        print("\nexpectations that did not hold:")
        for line in table.failures:
            print(f"  - {line}")
        sys.exit(1)
    print("\nevery expectation held")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    post = commands.add_parser("send")
    post.add_argument("--events", required=True, help="day_generator.py output")
    post.add_argument("--url", required=True, help="the emulator's base URL")
    post.add_argument("--function", default="collection")
    post.add_argument("--token", required=True)
    post.add_argument("--token-header", default="X-Ops-Webhook-Token")
    post.add_argument("--table", required=True)
    post.add_argument("--results", required=True)
    post.set_defaults(run=send)
    judge = commands.add_parser("summary")
    judge.add_argument("--expect", required=True, help="day_generator.py --expect output")
    judge.add_argument("--sent", required=True, help="send --results output")
    judge.add_argument("--check", required=True, help="daily-check's answer")
    judge.add_argument("--notification", required=True, help="notification's answer")
    judge.add_argument("--messages", required=True, help="the Slack sink's /_sink/messages")
    judge.add_argument("--reports", help="file listing the reports written, one a line")
    judge.add_argument("--retry", action="append", default=[], help="the answer of a retried scheduled invocation")
    judge.add_argument("--catalogue", default=str(REPO / "terraform/datadog/monitors.json"))
    judge.add_argument("--scenario", default=str(REPO / "scripts/fakes/datadog-scenario.json"))
    judge.add_argument("--signer-key-id", help="the report signer's access key id: every report link must carry it")
    judge.set_defaults(run=summary)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
