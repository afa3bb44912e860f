"""What `terraform apply` of terraform/environments/local created, listed with
the aws CLI against the local AWS endpoint (moto).

scripts/terraform-check.sh runs it between the apply and the second plan, with
OPSDAILY_LOCAL_AWS_ENDPOINT (the moto URL) and OPSDAILY_TF_OUTPUTS (a file with
`terraform output -json`). Without them the tests are skipped.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
# What each function's code calls, by resource: a missing action fails in production only (emulate.sh
# checks the functions' real calls against it); an extra one is privilege nobody uses.
from function_calls import CALLS  # noqa: E402

ENDPOINT = os.environ.get("OPSDAILY_LOCAL_AWS_ENDPOINT")
OUTPUTS = os.environ.get("OPSDAILY_TF_OUTPUTS")

pytestmark = pytest.mark.skipif(
    not (ENDPOINT and OUTPUTS), reason="needs a local apply (scripts/terraform-check.sh)"
)

FUNCTIONS = ("collection", "daily-check", "notification")


def aws(*args: str):
    result = subprocess.run(
        ["aws", "--endpoint-url", ENDPOINT, "--output", "json", *args],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, f"aws {' '.join(args)}: {result.stderr}"
    return json.loads(result.stdout) if result.stdout.strip() else {}


@pytest.fixture(scope="module")
def app():
    with open(OUTPUTS) as fh:
        return json.load(fh)["app"]["value"]


def test_tables(app):
    names = aws("dynamodb", "list-tables")["TableNames"]
    assert {app["alerts_table"], app["checks_table"]} <= set(names)
    for table in (app["alerts_table"], app["checks_table"]):
        desc = aws("dynamodb", "describe-table", "--table-name", table)["Table"]
        assert desc["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
        assert [(k["AttributeName"], k["KeyType"]) for k in desc["KeySchema"]] == [("pk", "HASH"), ("sk", "RANGE")]
        assert desc["SSEDescription"]["Status"] == "ENABLED"
        ttl = aws("dynamodb", "describe-time-to-live", "--table-name", table)["TimeToLiveDescription"]
        assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at"}
        backups = aws("dynamodb", "describe-continuous-backups", "--table-name", table)
        pitr = backups["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
        assert pitr["PointInTimeRecoveryStatus"] == "ENABLED"
    alerts = aws("dynamodb", "describe-table", "--table-name", app["alerts_table"])["Table"]
    [index] = alerts["GlobalSecondaryIndexes"]
    assert index["IndexName"] == "by_day"
    assert index["KeySchema"] == [{"AttributeName": "day", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}]
    assert index["Projection"]["ProjectionType"] == "ALL"


def test_report_bucket(app):
    bucket = app["report_bucket"]
    assert bucket in [b["Name"] for b in aws("s3api", "list-buckets")["Buckets"]]
    block = aws("s3api", "get-public-access-block", "--bucket", bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values()) and len(block) == 4
    sse = aws("s3api", "get-bucket-encryption", "--bucket", bucket)
    rule = sse["ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]
    assert rule["SSEAlgorithm"] == "aws:kms"
    policy = json.loads(aws("s3api", "get-bucket-policy", "--bucket", bucket)["Policy"])
    assert any(s["Effect"] == "Deny" and "aws:SecureTransport" in json.dumps(s) for s in policy["Statement"])
    rules = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", bucket)["Rules"]
    assert any(r.get("Expiration", {}).get("Days") for r in rules)


def test_functions(app):
    listed = {f["FunctionName"]: f for f in aws("lambda", "list-functions")["Functions"]}
    for name, env in ((app["function_names"][f], app["function_environments"][f]) for f in FUNCTIONS):
        fn = listed[name]
        assert fn["Runtime"] == "provided.al2023" and fn["Handler"] == "bootstrap"
        assert fn["Environment"]["Variables"] == env
        role = fn["Role"].rsplit("/", 1)[1]
        assert role.startswith(name), "each function has its own role"


def test_collection_url(app):
    url = aws("lambda", "get-function-url-config", "--function-name", app["function_names"]["collection"])
    assert url["FunctionUrl"] == app["webhook_url"]
    assert url["AuthType"] == "NONE"


def test_schedules(app):
    group = app["function_names"]["collection"].rsplit("-", 1)[0]
    listed = aws("scheduler", "list-schedules", "--group-name", group)["Schedules"]
    assert {s["Name"] for s in listed} == set(app["schedules"])
    # The local environment applies as a first apply does: schedules present but off.
    assert app["schedules_enabled"] is False
    for summary in listed:
        sched = aws("scheduler", "get-schedule", "--group-name", group, "--name", summary["Name"])
        assert sched["State"] == "DISABLED", summary["Name"]
        assert sched["ScheduleExpressionTimezone"] == "Asia/Seoul"
        assert f'{sched["ScheduleExpression"]} Asia/Seoul' == app["schedules"][summary["Name"]]
        target = sched["Target"]
        assert json.loads(target["Input"]) == {"scheduled_time": "<aws.scheduler.scheduled-time>"}
        assert target["RetryPolicy"]["MaximumRetryAttempts"] >= 1
        assert target["DeadLetterConfig"]["Arn"].endswith("scheduled-dlq")
    expressions = sorted(app["schedules"].values())
    assert expressions == sorted([
        "cron(0 9 * * ? *) Asia/Seoul", "cron(0 20 * * ? *) Asia/Seoul",
        "cron(5 9 * * ? *) Asia/Seoul", "cron(5 20 * * ? *) Asia/Seoul",
    ])


def test_secrets_created_empty(app):
    listed = {s["ARN"]: s for s in aws("secretsmanager", "list-secrets")["SecretList"]}
    for arn in app["secret_arns"].values():
        assert arn in listed
        versions = aws("secretsmanager", "list-secret-version-ids", "--secret-id", arn)["Versions"]
        assert versions == [], "secrets are created without a value"


def test_dead_letter_queue(app):
    urls = aws("sqs", "list-queues").get("QueueUrls", [])
    assert app["dead_letter_queue_url"] in urls


def test_reserved_concurrency(app):
    """Scheduled runs never overlap (1 each); collection is unreserved, so Lambda never answers Datadog 429
    because of a cap of its own (issue 15)."""
    for f, reserved in (("collection", None), ("daily-check", 1), ("notification", 1)):
        got = aws("lambda", "get-function-concurrency", "--function-name", app["function_names"][f])
        assert got.get("ReservedConcurrentExecutions") == reserved, f


def test_alarm_topic(app):
    """Alarms page someone: one topic, encrypted with the module's key, which CloudWatch may use; only the
    module's alarms may publish; the e-mail addresses are subscribed."""
    topic = app["alarm_topic_arn"]
    assert topic in [t["TopicArn"] for t in aws("sns", "list-topics")["Topics"]]
    attributes = aws("sns", "get-topic-attributes", "--topic-arn", topic)["Attributes"]
    assert attributes["KmsMasterKeyId"] == app["kms_key_arn"]
    [statement] = json.loads(attributes["Policy"])["Statement"]
    assert statement["Effect"] == "Allow" and statement["Principal"] == {"Service": "cloudwatch.amazonaws.com"}
    assert statement["Action"] == "sns:Publish" and statement["Resource"] == topic
    prefix = app["function_names"]["collection"].rsplit("-", 1)[0]
    assert statement["Condition"]["ArnLike"]["aws:SourceArn"].endswith(f":alarm:{prefix}-*")
    subscriptions = aws("sns", "list-subscriptions-by-topic", "--topic-arn", topic)["Subscriptions"]
    assert [(s["Protocol"], s["Endpoint"]) for s in subscriptions] == [("email", "oncall@example.com")]

    key_id = app["kms_key_arn"].rsplit("/", 1)[1]
    policy = json.loads(aws("kms", "get-key-policy", "--key-id", key_id, "--policy-name", "default")["Policy"])
    cloudwatch = [st for st in policy["Statement"] if st.get("Principal") == {"Service": "cloudwatch.amazonaws.com"}]
    assert [set(st["Action"]) for st in cloudwatch] == [{"kms:Decrypt", "kms:GenerateDataKey*"}]


def test_alarms(app):
    """Every alarm notifies the topic when it fires and when it recovers. Beside errors, throttles and the DLQ:
    collection's function URL 4XX and 5XX (AWS/Lambda, dimension FunctionName), and the dead man's switch, which
    fires when no delivery reached collection for webhook_silence_hours (missing data breaches)."""
    prefix = app["function_names"]["collection"].rsplit("-", 1)[0]
    alarms = {a["AlarmName"]: a for a in aws("cloudwatch", "describe-alarms", "--alarm-name-prefix", f"{prefix}-")["MetricAlarms"]}
    expected = {f"{prefix}-{f}-{kind}" for f in FUNCTIONS for kind in ("errors", "throttles")} | {
        f"{prefix}-scheduled-dlq-not-empty", f"{prefix}-collection-url-4xx", f"{prefix}-collection-url-5xx",
        f"{prefix}-collection-webhook-silence"}
    assert set(alarms) == expected == set(app["alarm_names"].values())
    for alarm in alarms.values():
        assert alarm["AlarmActions"] == [app["alarm_topic_arn"]], alarm["AlarmName"]
        assert alarm["OKActions"] == [app["alarm_topic_arn"]], alarm["AlarmName"]
    collection = [{"Name": "FunctionName", "Value": app["function_names"]["collection"]}]
    for name, metric in (("collection-url-4xx", "Url4xxCount"), ("collection-url-5xx", "Url5xxCount")):
        alarm = alarms[f"{prefix}-{name}"]
        assert (alarm["Namespace"], alarm["MetricName"], alarm["Statistic"]) == ("AWS/Lambda", metric, "Sum")
        assert alarm["Dimensions"] == collection
        assert (alarm["Period"], alarm["EvaluationPeriods"], alarm["Threshold"]) == (300, 1, 1.0)
        assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    silence = alarms[f"{prefix}-collection-webhook-silence"]
    assert (silence["Namespace"], silence["MetricName"], silence["Statistic"]) == ("AWS/Lambda", "Invocations", "Sum")
    assert silence["Dimensions"] == collection
    assert (silence["Period"], silence["EvaluationPeriods"]) == (3600, 6), "webhook_silence_hours = 6, one-hour periods"
    assert (silence["ComparisonOperator"], silence["Threshold"]) == ("LessThanThreshold", 1.0)
    assert silence["TreatMissingData"] == "breaching"
    assert silence["Period"] * silence["EvaluationPeriods"] <= 604800, "CloudWatch evaluates at most 7 days"


def _statements(role: str):
    names = aws("iam", "list-role-policies", "--role-name", role)["PolicyNames"]
    assert aws("iam", "list-attached-role-policies", "--role-name", role)["AttachedPolicies"] == []
    for name in names:
        document = aws("iam", "get-role-policy", "--role-name", role, "--policy-name", name)["PolicyDocument"]
        document = json.loads(document) if isinstance(document, str) else document
        for statement in document["Statement"]:
            resources = statement["Resource"]
            yield statement, resources if isinstance(resources, list) else [resources]


def test_roles_are_least_privilege(app):
    prefix = app["function_environments"]["daily-check"]["OPS_REPORT_PREFIX"]
    for f in FUNCTIONS:
        role = f'{app["function_names"][f]}-fn'
        for statement, resources in _statements(role):
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert statement["Effect"] == "Allow"
            assert not any(a.endswith(":*") or a == "*" for a in actions), f"{role}: {actions}"
            for arn in resources:
                assert arn != "*", f"{role}: Resource * in {statement.get('Sid')}"
                if "*" in arn:
                    # The only wildcards: log streams of the function's own log
                    # group, and report objects of one kind under the prefix.
                    own_streams = f':log-group:/aws/lambda/{app["function_names"][f]}:log-stream:*'
                    reports = [f':::{app["report_bucket"]}/{prefix}{kind}/*' for kind in ("check", "alerts")]
                    assert arn.endswith(own_streams) or any(arn.endswith(r) for r in reports), f"{role}: {arn}"


def _resource_kind(app, arn: str) -> str:
    """The resource an ARN of a role policy grants, named as function_calls.CALLS names it."""
    for table in ("alerts", "checks"):
        name = app[f"{table}_table"]
        if arn.endswith(f":table/{name}"):
            return table
        if f":table/{name}/index/" in arn:
            return f"{table}/index/" + arn.rsplit("/", 1)[1]
    for secret, secret_arn in app["secret_arns"].items():
        if arn == secret_arn:
            return f"secret:{secret}"
    prefix = app["function_environments"]["daily-check"]["OPS_REPORT_PREFIX"]
    for kind in ("check", "alerts"):
        if arn == f'arn:aws:s3:::{app["report_bucket"]}/{prefix}{kind}/*':
            return f"reports/{kind}"
    if ":log-group:" in arn:
        return "logs"
    return {"kms": "kms", "sqs": "dlq"}.get(arn.split(":")[2], arn)


def test_each_role_allows_exactly_what_its_function_calls(app):
    for f in FUNCTIONS:
        allowed = {}
        for statement, resources in _statements(f'{app["function_names"][f]}-fn'):
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            for arn in resources:
                allowed.setdefault(_resource_kind(app, arn), set()).update(actions)
        assert allowed == CALLS[f], f


def test_report_signer_can_only_read_reports(app):
    """The user whose key signs report links: in one group whose one policy reads report objects (and
    decrypts them only through S3); no access key made by Terraform; the scheduled functions find its secret."""
    user = app["report_signer_user"]
    assert aws("iam", "list-attached-user-policies", "--user-name", user)["AttachedPolicies"] == []
    assert aws("iam", "list-user-policies", "--user-name", user)["PolicyNames"] == []
    assert aws("iam", "list-access-keys", "--user-name", user)["AccessKeyMetadata"] == [], "keys are the operator's"
    [group] = aws("iam", "list-groups-for-user", "--user-name", user)["Groups"]
    assert aws("iam", "list-attached-group-policies", "--group-name", group["GroupName"])["AttachedPolicies"] == []
    [name] = aws("iam", "list-group-policies", "--group-name", group["GroupName"])["PolicyNames"]
    document = aws("iam", "get-group-policy", "--group-name", group["GroupName"], "--policy-name", name)["PolicyDocument"]
    document = json.loads(document) if isinstance(document, str) else document
    prefix = app["function_environments"]["daily-check"]["OPS_REPORT_PREFIX"]
    granted = {}
    for statement in document["Statement"]:
        assert statement["Effect"] == "Allow"
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        resources = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
        for resource in resources:
            granted.setdefault(resource, set()).update(actions)
        if actions == ["kms:Decrypt"]:
            assert statement["Condition"]["StringEquals"]["kms:ViaService"].startswith("s3.")
    assert granted == {f'arn:aws:s3:::{app["report_bucket"]}/{prefix}check/*': {"s3:GetObject"},
                       f'arn:aws:s3:::{app["report_bucket"]}/{prefix}alerts/*': {"s3:GetObject"},
                       app["kms_key_arn"]: {"kms:Decrypt"}}
    for f in ("daily-check", "notification"):
        assert app["function_environments"][f]["OPS_REPORT_SIGNING_SECRET_ID"] == app["secret_arns"]["report-signing"]
    assert "OPS_REPORT_SIGNING_SECRET_ID" not in app["function_environments"]["collection"]


def test_scheduler_role_invokes_only_the_scheduled_functions(app):
    group = app["function_names"]["collection"].rsplit("-", 1)[0]
    invoke = [(s, r) for s, r in _statements(f"{group}-scheduler") if s["Action"] == "lambda:InvokeFunction"]
    [(_, resources)] = invoke
    functions = {fn["FunctionName"]: fn["FunctionArn"] for fn in aws("lambda", "list-functions")["Functions"]}
    expected = {functions[app["function_names"][f]] for f in ("daily-check", "notification")}
    assert set(resources) == expected


def test_scheduler_role_trusts_only_the_schedule_group(app):
    """Confused deputy: Scheduler may assume the role only for schedules of this account and of the module's
    schedule group (AWS documents aws:SourceArn as the group's ARN, not a schedule's)."""
    group = app["function_names"]["collection"].rsplit("-", 1)[0]
    document = aws("iam", "get-role", "--role-name", f"{group}-scheduler")["Role"]["AssumeRolePolicyDocument"]
    document = json.loads(document) if isinstance(document, str) else document
    [statement] = document["Statement"]
    assert statement["Principal"] == {"Service": "scheduler.amazonaws.com"}
    group_arn = aws("scheduler", "get-schedule-group", "--name", group)["Arn"]
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": group_arn.split(":")[4]},
        "ArnLike": {"aws:SourceArn": group_arn},
    }


def test_local_provisioning_matches_the_module(app):
    """The emulation and the integration tests create their tables with scripts/lib/provision_local.py:
    its keys and indexes must be the ones the module creates, or local runs would test another layout."""
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[1] / "lib" / "provision_local.py"
    spec = importlib.util.spec_from_file_location("provision_local", path)
    provision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(provision)
    local = provision.tables("x")

    def shape(description):
        indexes = sorted(
            (index["IndexName"], json.dumps(index["KeySchema"]), index["Projection"]["ProjectionType"])
            for index in description.get("GlobalSecondaryIndexes", [])
        )
        attributes = sorted((a["AttributeName"], a["AttributeType"]) for a in description["AttributeDefinitions"])
        return json.dumps(description["KeySchema"]), indexes, attributes

    for role in ("alerts", "checks"):
        applied = aws("dynamodb", "describe-table", "--table-name", app[f"{role}_table"])["Table"]
        assert shape(applied) == shape(local[f"x-{role}"]), role
