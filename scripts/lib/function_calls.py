#!/usr/bin/env python3
"""What each function may call in AWS, by resource, and a check of what the functions really called.

CALLS is the one table behind two checks: scripts/tests/test_local_apply.py asserts that each role the
module creates allows exactly these actions, and scripts/emulate.sh records every request moto receives
during the emulated day and runs `check` here, which fails on any call a function made outside its row.
The first catches privilege nobody uses; the second a call the role would refuse in AWS, which moto
cannot show (it does not enforce IAM on exact resource ARNs).

    function_calls.py check --recording moto-calls.jsonl --prefix opsdaily-local \
        [--report-prefix reports/] --key ASIAEMULATEDCOLLECTN=collection --key ...

Report objects are named by kind, as the roles grant them: "reports/check" for keys under
<report prefix>check/ (daily-check's reports), "reports/alerts" under <report prefix>alerts/ (notification's).
"""

import argparse
import base64
import json
import re
import sys
from collections import Counter
from urllib.parse import unquote, urlsplit

LOGS = {"logs:CreateLogStream", "logs:PutLogEvents"}
KMS = {"kms:Decrypt", "kms:GenerateDataKey"}
# Both scheduled functions read the Slack URL and the report signer's key (the local environment turns the
# signer on), and dead-letter through Lambda. Each puts its own kind of report and pre-signs GETs of it (a
# pre-signed link carries the signer's permissions, so a link works only if its signer may s3:GetObject).
SCHEDULED = {"secret:slack": {"secretsmanager:GetSecretValue"}, "secret:report-signing": {"secretsmanager:GetSecretValue"},
             "dlq": {"sqs:SendMessage"}, "logs": LOGS, "kms": KMS}
REPORT_KINDS = ("check", "alerts")
CALLS = {
    # One conditional PutItem per delivery; the token from its secret.
    "collection": {"alerts": {"dynamodb:PutItem"}, "secret:webhook": {"secretsmanager:GetSecretValue"}, "logs": LOGS, "kms": KMS},
    # Saves a run (PutItem of the running record, Query + BatchWriteItem of monitors, PutItem), claims its
    # post (PutItem, GetItem of the marker when the claim is refused) and finishes it (UpdateItem). Writes
    # the check report only.
    "daily-check": {**SCHEDULED, "checks": {"dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:GetItem",
                                            "dynamodb:UpdateItem"},
                    "secret:datadog": {"secretsmanager:GetSecretValue"},
                    "reports/check": {"s3:PutObject", "s3:GetObject"}},
    # Reads alerts through the index only, gets the run record and queries its monitors, claims/finishes its post.
    # Writes the alert report; may read (and so link to) the slot's check report, never write it.
    "notification": {**SCHEDULED, "alerts/index/by_day": {"dynamodb:Query"},
                     "checks": {"dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"},
                     "reports/alerts": {"s3:PutObject", "s3:GetObject"}, "reports/check": {"s3:GetObject"}},
}

CREDENTIAL = re.compile(r"Credential=([A-Z0-9]+)/")


def access_key(entry):
    """The access key that signed a recorded request, from its Authorization header or its query."""
    headers = {name.lower(): value for name, value in entry["headers"].items()}
    found = CREDENTIAL.search(headers.get("authorization", ""))
    if found:
        return found.group(1)
    query = unquote(urlsplit(entry["url"]).query)
    found = re.search(r"X-Amz-Credential=([A-Z0-9]+)/", query)
    return found.group(1) if found else None


def body_json(entry):
    text = entry.get("body") or ""
    if entry.get("body_encoded"):
        text = base64.b64decode(text).decode("utf-8", "replace")
    try:
        return json.loads(text) if text else {}
    except json.JSONDecodeError:
        return {}


def report_kind(key, report_prefix="reports/"):
    """CALLS's name for a report object key: "reports/check" for <report prefix>check/..., "reports/alerts" for
    <report prefix>alerts/...; any other key is named by itself, so no row allows it."""
    if key.startswith(report_prefix):
        kind = key[len(report_prefix):].split("/", 1)[0]
        if kind in REPORT_KINDS and key[len(report_prefix) + len(kind):].startswith("/"):
            return f"reports/{kind}"
    return f"s3-object:{key}"


def call_of(entry, prefix, report_prefix="reports/"):
    """(resource kind, IAM action) of one recorded request, named as CALLS names them."""
    headers = {name.lower(): value for name, value in entry["headers"].items()}
    target = headers.get("x-amz-target", "")
    if target.startswith("DynamoDB_"):
        body = body_json(entry)
        table = body.get("TableName", "")
        if not table and "RequestItems" in body:
            table = next(iter(body["RequestItems"]), "")
        kind = table.removeprefix(prefix + "-")
        if body.get("IndexName"):
            kind += "/index/" + body["IndexName"]
        return kind, "dynamodb:" + target.split(".", 1)[1]
    if target.startswith("secretsmanager."):
        secret = body_json(entry).get("SecretId", "")
        if secret.startswith("arn:"):  # arn:...:secret:<name>-<6 random characters>
            secret = secret.split(":secret:", 1)[-1][:-7]
        return "secret:" + secret.removeprefix(prefix + "/"), "secretsmanager:" + target.split(".", 1)[1]
    path = urlsplit(entry["url"]).path
    # Path-style requests to the report bucket: <prefix>-reports locally, <prefix>-reports-<account>-<region>
    # as the module names it.
    bucket = re.match(rf"/{re.escape(prefix)}-reports(-[a-z0-9-]+)?/", path)
    if bucket:
        key = unquote(path[bucket.end():])
        action = {"PUT": "s3:PutObject", "GET": "s3:GetObject", "HEAD": "s3:GetObject"}.get(entry["method"], "s3:" + entry["method"])
        return report_kind(key, report_prefix), action
    return path, entry["method"]


def observed(recording, prefix, keys, report_prefix="reports/"):
    """Counter of (function, kind, action) for every recorded request signed by one of the functions' keys."""
    calls = Counter()
    with open(recording) as lines:
        for line in lines:
            entry = json.loads(line)
            function = keys.get(access_key(entry))
            if function:
                calls[(function, *call_of(entry, prefix, report_prefix))] += 1
    return calls


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="fail on any recorded call outside the function's CALLS row")
    check.add_argument("--recording", required=True, help="moto's request recording (MOTO_RECORDER_FILEPATH)")
    check.add_argument("--prefix", required=True, help="resource name prefix (tables <prefix>-alerts, secrets <prefix>/...)")
    check.add_argument("--report-prefix", default="reports/", help="the functions' OPS_REPORT_PREFIX (default reports/)")
    check.add_argument("--key", action="append", default=[], metavar="ACCESS_KEY=FUNCTION", help="whose calls are whose")
    args = parser.parse_args()
    keys = dict(pair.split("=", 1) for pair in args.key)
    unknown = set(keys.values()) - set(CALLS)
    if unknown:
        sys.exit(f"function_calls: no CALLS row for {', '.join(sorted(unknown))}")
    calls = observed(args.recording, args.prefix, keys, args.report_prefix)
    outside = 0
    print(f"  {'function':13} {'resource':22} {'action':32} {'calls':>6}  allowed by its role")
    for (function, kind, action), count in sorted(calls.items()):
        allowed = action in CALLS[function].get(kind, set())
        outside += 0 if allowed else 1
        print(f"  {function:13} {kind:22} {action:32} {count:6}  {'yes' if allowed else 'NO'}")
    for function in sorted(set(keys.values()) - {function for function, _, _ in calls}):
        print(f"  {function:13} (no call recorded)")
    print(f"AWS calls outside the function's role: {outside}")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
