"""function_calls.py: recorded requests are attributed to the function whose key signed them, named as
IAM names them, and any call outside the function's row fails the check."""

import json
import subprocess
import sys
from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib"
sys.path.insert(0, str(LIB))
from function_calls import CALLS, call_of  # noqa: E402

PREFIX = "opsdaily-local"


def request(target, body, key="ASIAEMULATEDDAILYCHECK", url="http://127.0.0.1:1/", method="POST"):
    authorization = f"AWS4-HMAC-SHA256 Credential={key}/20261202/ap-northeast-2/dynamodb/aws4_request, Signature=x"
    headers = {"Authorization": authorization}
    if target:
        headers["X-Amz-Target"] = target
    return {"headers": headers, "method": method, "url": url, "body": json.dumps(body), "body_encoded": False}


def check(tmp_path, entries):
    recording = tmp_path / "calls.jsonl"
    recording.write_text("".join(json.dumps(entry) + "\n" for entry in entries))
    return subprocess.run(
        [sys.executable, str(LIB / "function_calls.py"), "check", "--recording", str(recording), "--prefix", PREFIX,
         "--key", "ASIAEMULATEDDAILYCHECK=daily-check", "--key", "ASIAEMULATEDCOLLECTION=collection"],
        capture_output=True, text=True)


def test_calls_are_named_as_iam_names_them():
    assert call_of(request("DynamoDB_20120810.Query", {"TableName": f"{PREFIX}-alerts", "IndexName": "by_day"}), PREFIX) \
        == ("alerts/index/by_day", "dynamodb:Query")
    assert call_of(request("DynamoDB_20120810.BatchWriteItem", {"RequestItems": {f"{PREFIX}-checks": []}}), PREFIX) \
        == ("checks", "dynamodb:BatchWriteItem")
    arn = f"arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:{PREFIX}/report-signing-AbCdEf"
    assert call_of(request("secretsmanager.GetSecretValue", {"SecretId": arn}), PREFIX) \
        == ("secret:report-signing", "secretsmanager:GetSecretValue")
    put = request(None, {}, url=f"http://127.0.0.1:1/{PREFIX}-reports/reports/check/2026/12/02/0900.html", method="PUT")
    assert call_of(put, PREFIX) == ("reports/check", "s3:PutObject")


def report(kind_path, method, key="ASIAEMULATEDDAILYCHECK", bucket=f"{PREFIX}-reports"):
    return request(None, {}, key=key, url=f"http://127.0.0.1:1/{bucket}/{kind_path}", method=method)


def test_report_objects_are_named_by_kind():
    """A report key maps to the resource its role grants: <prefix>check/* or <prefix>alerts/*, in the local bucket
    and in the module's bucket name alike; a key of neither kind is named by itself, so no row allows it."""
    assert call_of(report("reports/alerts/2026/12/02/0905.html", "PUT"), PREFIX) == ("reports/alerts", "s3:PutObject")
    assert call_of(report("reports/check/2026/12/02/0900.html", "HEAD"), PREFIX) == ("reports/check", "s3:GetObject")
    module_bucket = f"{PREFIX}-reports-123456789012-ap-northeast-2"
    assert call_of(report("reports/check/2026/12/02/0900.html", "GET", bucket=module_bucket), PREFIX) \
        == ("reports/check", "s3:GetObject")
    assert call_of(report("reports/checks/2026/12/02/0900.html", "PUT"), PREFIX)[0] == "s3-object:reports/checks/2026/12/02/0900.html"
    assert call_of(report("reports/check", "PUT"), PREFIX)[0] == "s3-object:reports/check"
    assert call_of(report("other/check/2026/12/02/0900.html", "PUT"), PREFIX)[0] == "s3-object:other/check/2026/12/02/0900.html"
    assert call_of(report("daily/alerts/2026/12/02/0905.html", "PUT"), PREFIX, "daily/") == ("reports/alerts", "s3:PutObject")


def test_each_scheduled_function_writes_only_its_own_report_kind():
    assert CALLS["daily-check"]["reports/check"] == {"s3:PutObject", "s3:GetObject"}
    assert "reports/alerts" not in CALLS["daily-check"]
    assert CALLS["notification"]["reports/alerts"] == {"s3:PutObject", "s3:GetObject"}
    assert CALLS["notification"]["reports/check"] == {"s3:GetObject"}, "notification links to the check report, never writes it"
    assert not any(kind.startswith("reports") for kind in CALLS["collection"])


def test_a_report_written_by_the_other_function_fails(tmp_path):
    recording = tmp_path / "calls.jsonl"
    entries = [report("reports/check/2026/12/02/0900.html", "PUT"),                       # daily-check, its own: allowed
               report("reports/alerts/2026/12/02/0905.html", "PUT"),                      # daily-check, notification's: outside
               report("reports/check/2026/12/02/0900.html", "GET", key="ASIAEMULATEDNOTIFICATN"),  # notification reads: allowed
               report("reports/check/2026/12/02/0900.html", "PUT", key="ASIAEMULATEDNOTIFICATN")]  # notification writes: outside
    recording.write_text("".join(json.dumps(entry) + "\n" for entry in entries))
    result = subprocess.run(
        [sys.executable, str(LIB / "function_calls.py"), "check", "--recording", str(recording), "--prefix", PREFIX,
         "--key", "ASIAEMULATEDDAILYCHECK=daily-check", "--key", "ASIAEMULATEDNOTIFICATN=notification"],
        capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "outside the function's role: 2" in result.stdout
    assert "daily-check   reports/alerts         s3:PutObject" in result.stdout
    assert "notification  reports/check          s3:PutObject" in result.stdout


def test_a_call_outside_the_role_fails_and_is_named(tmp_path):
    allowed = request("DynamoDB_20120810.GetItem", {"TableName": f"{PREFIX}-checks"})
    assert "dynamodb:GetItem" in CALLS["daily-check"]["checks"]
    passed = check(tmp_path, [allowed])
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "outside the function's role: 0" in passed.stdout

    # collection may only PutItem into alerts: a GetItem there, or any access to checks, is outside its role.
    outside = [request("DynamoDB_20120810.GetItem", {"TableName": f"{PREFIX}-alerts"}, key="ASIAEMULATEDCOLLECTION"),
               request("DynamoDB_20120810.PutItem", {"TableName": f"{PREFIX}-checks"}, key="ASIAEMULATEDCOLLECTION")]
    failed = check(tmp_path, [allowed, *outside])
    assert failed.returncode == 1
    assert "outside the function's role: 2" in failed.stdout
    assert "collection    alerts                 dynamodb:GetItem" in failed.stdout


def test_calls_signed_by_others_are_not_counted(tmp_path):
    """The scripts' own calls (provisioning, reading the table) and pre-signed GETs by the report signer."""
    script = request("DynamoDB_20120810.Scan", {"TableName": f"{PREFIX}-alerts"}, key="testing".upper())
    result = check(tmp_path, [script])
    assert result.returncode == 0
    assert "collection    (no call recorded)" in result.stdout
