"""scripts/tests/fleet_fixture.py and scripts/fakes/aws_fleet_proxy.py against a moto_server of their own with
signature checking on: the fleet has the 2023 shape and every status and rule the tools must tell apart; boto3
signed for the proxy's address is accepted by moto through it; the proxy adds maintenance options, pages
DescribeAlarms in both protocols a client may speak, refuses what a fault says, and logs writes as moto's
recorder does."""

import json
import math
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import boto3
import pytest
import xml.etree.ElementTree as ET
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fakes" / "tests"))
import fleet_fixture as fixture  # noqa: E402
from fakeproc import start as start_fake  # noqa: E402
from motokit import moto_server  # noqa: E402

MAIN = fixture.MAIN_REGION
ONCE = Config(retries={"total_max_attempts": 1})
CW = "{http://monitoring.amazonaws.com/doc/2010-08-01/}"


@pytest.fixture(scope="module")
def moto(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("moto")
    # moto's recorder writes here (its default is ./moto_recording in moto's working directory).
    previous = os.environ.get("MOTO_RECORDER_FILEPATH")
    os.environ["MOTO_RECORDER_FILEPATH"] = str(workdir / "recording.jsonl")
    try:
        with moto_server(workdir) as server:
            yield server
    finally:
        if previous is None:
            os.environ.pop("MOTO_RECORDER_FILEPATH")
        else:
            os.environ["MOTO_RECORDER_FILEPATH"] = previous


@pytest.fixture(scope="module")
def fleet(moto):
    expected = fixture.build(*moto)
    print("\n" + expected.summary())
    return expected


@pytest.fixture(scope="module")
def proxy_server(moto, fleet, tmp_path_factory):
    arguments = ["--upstream", moto[0], "--alarm-page-size", str(fixture.ALARM_PAGE_SIZE)]
    with start_fake("aws_fleet_proxy.py", arguments, tmp_path_factory.mktemp("proxy"), reset_path="/_fake/reset") as fake:
        fixture.configure_proxy(f"http://127.0.0.1:{fake.port}", fleet)
        yield fake


@pytest.fixture
def proxy(proxy_server):
    return proxy_server.reset()


def url(fake):
    return f"http://127.0.0.1:{fake.port}"


def client(fake, moto, service, region=MAIN, secret=None):
    return boto3.client(service, region_name=region, endpoint_url=url(fake), config=ONCE,
                        aws_access_key_id=moto[1], aws_secret_access_key=secret or moto[2])


def direct(moto, service, region=MAIN):
    return boto3.client(service, region_name=region, endpoint_url=moto[0], config=ONCE,
                        aws_access_key_id=moto[1], aws_secret_access_key=moto[2])


def query(fake, moto, service, params, region=MAIN):
    """A query-protocol request (as the Swift client sends it), signed for the proxy's address."""
    body = urlencode(params)
    request = AWSRequest(method="POST", url=url(fake) + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials(moto[1], moto[2]), service, region).add_auth(request)
    prepared = request.prepare()
    sent = urllib.request.Request(prepared.url, data=body.encode(), headers=dict(prepared.headers), method="POST")
    try:
        with urllib.request.urlopen(sent, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def log(fake, route):
    return fake.request("GET", route).json()


# --- the fleet ------------------------------------------------------------------------------------------------

def test_the_fleet_has_the_2023_shape(fleet):
    main = [i for i in fleet.instances if i["region"] == MAIN]
    statuses = Counter(i["status"] for i in main)
    assert statuses["recover-alarm"] == 34
    assert Counter(i["reason"] for i in main if i["status"] == "excluded") == {"eks": 22, "asg": 1, "karpenter": 1}
    assert set(fleet.by_status) == set(fixture.STATUSES), "every status is exercised"
    assert all(i["state"] in fixture.LIVE_STATES for i in fleet.instances), "terminated instances are never listed"
    assert {i["state"] for i in main} == {"running", "stopped"}
    by_name = {i["name"]: i for i in fleet.instances}
    assert by_name["argos-prd-sol-search-01"]["status"] == "unsupported-type"
    assert by_name["argos-prd-sol-dr-search-01"]["type"] == "i3en.large"
    assert by_name[fixture.ASG_NAME]["reason"] == "asg"
    assert {by_name[n]["status"] for n in ("argos-prd-sol-legacy-01", "argos-prd-infra-ftp-01")} == {"alarm-without-recover"}
    # Both readings of "default" are there: said explicitly, and absent.
    simplified = [i["instance"] for i in fleet.instances if i["status"] == "simplified"]
    assert {fleet.maintenance.get(i) for i in simplified} == {"default", None}
    assert fleet.fault_instance in simplified and fleet.fault_instance not in fleet.maintenance
    assert [fleet.maintenance[i["instance"]] for i in fleet.instances if i["status"] == "disabled"] == ["disabled"]
    assert {o["instance"] for o in fleet.orphans} >= {fixture.GONE_INSTANCE}
    assert len(fleet.orphans) == 2 and all(o["region"] == MAIN for o in fleet.orphans)
    assert fleet.describe_instances_pages[MAIN] >= 10 and fleet.alarm_pages(MAIN) >= 3


def test_the_autorecovery_plans_follow_the_statuses(fleet):
    assert Counter(p["action"] for p in fleet.recovery_plan) == {
        "create": fleet.by_status["simplified"], "add-recover": fleet.by_status["alarm-without-recover"]}
    created = {p["instance"]: p["alarm"] for p in fleet.recovery_plan if p["action"] == "create"}
    assert all(alarm == f"opsdaily-recover-{instance}" for instance, alarm in created.items())
    assert [(p["alarm"], p["instance"]) for p in fleet.recovery_prune] == [(o["alarm"], o["instance"]) for o in fleet.orphans]


def test_the_tag_findings_cover_every_rule(fleet):
    assert set(fleet.by_rule) == set(fixture.RULES)
    found = {(f["rule"], f["key"], f["value"]) for f in fleet.findings}
    assert {("wrong-case", "CZ-Owner", "mobile"), ("invalid-value", "cz-project", "Argos PRD"),
            ("invalid-value", "cz-appl", "-bad"), ("invalid-value", "cz-stage", "production"),
            ("derived-differs", "EC2Type", "Solution")} <= found
    # `Environment` is no policy key in any case, so it is no finding under this policy.
    assert not any(f["key"] == "Environment" for f in fleet.findings)
    by_name = {i["name"]: i["instance"] for i in fleet.instances}
    console = [f for f in fleet.findings if f["resource"] == by_name["admin-console"]]
    assert {f["rule"] for f in console} == {"missing-required"}, "nothing is derived from admin-console"
    korean = [f for f in fleet.findings if f["owner"] == fixture.INFRA]
    assert korean and not any(f["rule"] == "invalid-value" and f["value"] == fixture.INFRA for f in fleet.findings)
    assert {f["type"] for f in fleet.findings} == {"instance", "volume", "rds:db", "lambda:function"}


def test_the_tag_plan_is_what_the_findings_allow(fleet):
    limited = {f["resource"] for f in fleet.findings if f["rule"] == "aws-limit"}
    fillable = [f for f in fleet.findings if f["rule"] == "missing-required" and f["key"] in fixture.POLICY["fill"]]
    derived = [f for f in fleet.findings if f["rule"] == "derived-missing"]
    assert len(fleet.tag_plan) == sum(1 for f in fillable + derived if f["resource"] not in limited)
    assert all(p["old"] is None for p in fleet.tag_plan), "no overwrite without --overwrite"
    assert not limited & {p["resource"] for p in fleet.tag_plan}
    assert not any(p["key"].startswith("aws:") for p in fleet.tag_plan_overwrite)
    extra = [p for p in fleet.tag_plan_overwrite if p["old"] is not None]
    assert len(extra) == fleet.by_rule["derived-differs"] + 1  # the invalid cz-stage, replaced by its fill value
    arns = {p["resource"] for p in fleet.tag_plan if p["resource"].startswith("arn:")}
    assert {a.split(":")[2] for a in arns} == {"rds", "lambda"}


# --- the proxy ------------------------------------------------------------------------------------------------

def test_describe_instances_through_the_proxy_reports_maintenance_options(proxy, moto, fleet):
    ec2 = client(proxy, moto, "ec2")
    pages = list(ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": fixture.PAGE_SIZE}))
    assert len(pages) == fleet.describe_instances_pages[MAIN]
    instances = {i["InstanceId"]: i for p in pages for r in p["Reservations"] for i in r["Instances"]}
    live = {i["instance"] for i in fleet.instances if i["region"] == MAIN}
    assert live <= set(instances)
    reported = {iid: i["MaintenanceOptions"]["AutoRecovery"] for iid, i in instances.items() if "MaintenanceOptions" in i}
    assert reported == {iid: v for iid, v in fleet.maintenance.items() if iid in instances}
    assert all(entry["answered"] == "moto" and entry["status"] == 200 for entry in log(proxy, "/_fake/requests"))


def test_modify_instance_maintenance_options_is_answered_after_moto_checked_the_signature(proxy, moto, fleet):
    target = next(i["instance"] for i in fleet.instances if i["status"] == "recover-alarm" and i["region"] == MAIN)
    ec2 = client(proxy, moto, "ec2")
    fixture.start_recording(moto[0])
    try:
        answer = ec2.modify_instance_maintenance_options(InstanceId=target, AutoRecovery="disabled")
        assert (answer["InstanceId"], answer["AutoRecovery"]) == (target, "disabled")
        seen = ec2.describe_instances(InstanceIds=[target])["Reservations"][0]["Instances"][0]
        assert seen["MaintenanceOptions"] == {"AutoRecovery": "disabled"}
        with pytest.raises(ClientError) as refused:
            client(proxy, moto, "ec2", secret="not-the-secret").modify_instance_maintenance_options(
                InstanceId=target, AutoRecovery="default")
        assert refused.value.response["Error"]["Code"] == "AuthFailure"
        with pytest.raises(ClientError) as invalid:
            ec2.modify_instance_maintenance_options(InstanceId=target, AutoRecovery="sometimes")
        assert invalid.value.response["Error"]["Code"] == "InvalidParameterValue"
        assert proxy.request("GET", "/_fake/maintenance").json()[target] == "disabled"
        writes = [(w["action"], w["status"], w["answered"]) for w in log(proxy, "/_fake/writes")]
        assert writes == [("ModifyInstanceMaintenanceOptions", 200, "proxy"),
                          ("ModifyInstanceMaintenanceOptions", 401, "moto"),
                          ("ModifyInstanceMaintenanceOptions", 400, "proxy")]
        assert [w["action"] for w in fixture.write_calls(moto[0])] == ["ModifyInstanceMaintenanceOptions"] * 3
    finally:
        assert proxy.request("POST", "/_fake/maintenance", body={target: None}).status == 200
    assert target not in proxy.request("GET", "/_fake/maintenance").json()


def test_describe_instance_types_already_says_which_types_recover(proxy, moto):
    types = client(proxy, moto, "ec2").describe_instance_types(
        InstanceTypes=["i3.large", "i3en.large", "t3.medium", "m5.large", "c5.large", "r5.large"])["InstanceTypes"]
    assert {t["InstanceType"]: t["AutoRecoverySupported"] for t in types} == {
        "i3.large": False, "i3en.large": False, "t3.medium": True, "m5.large": True, "c5.large": True, "r5.large": True}


@pytest.mark.parametrize("page_size, expected_size", [(7, 7), (None, fixture.ALARM_PAGE_SIZE), (100, fixture.ALARM_PAGE_SIZE)])
def test_describe_alarms_comes_in_pages_over_json(proxy, moto, fleet, page_size, expected_size):
    everything = sorted(a["AlarmName"] for a in direct(moto, "cloudwatch").describe_alarms()["MetricAlarms"])
    assert len(everything) == fleet.alarms[MAIN]
    config = {"PageSize": page_size} if page_size else {}
    pages = list(client(proxy, moto, "cloudwatch").get_paginator("describe_alarms").paginate(PaginationConfig=config))
    names = [a["AlarmName"] for p in pages for a in p["MetricAlarms"]]
    assert names == everything, "every alarm once, in name order"
    assert len(pages) == math.ceil(len(everything) / expected_size) > 1
    assert all(len(p["MetricAlarms"]) == expected_size for p in pages[:-1])


def query_pages(proxy, moto, extra):
    pages, token = [], None
    while True:
        status, body = query(proxy, moto, "monitoring", {"Action": "DescribeAlarms", "Version": "2010-08-01", **extra,
                                                         **({"NextToken": token} if token else {})})
        assert status == 200, body
        root = ET.fromstring(body)
        assert root.tag == f"{CW}DescribeAlarmsResponse", "the default namespace is kept"
        pages.append([m.findtext(f"{CW}AlarmName") for m in root.iterfind(f"{CW}DescribeAlarmsResult/{CW}MetricAlarms/{CW}member")])
        token = root.findtext(f"{CW}DescribeAlarmsResult/{CW}NextToken")
        if not token:
            return pages


def test_describe_alarms_comes_in_pages_over_the_query_protocol(proxy, moto, fleet):
    pages = query_pages(proxy, moto, {"MaxRecords": "4"})
    names = [n for p in pages for n in p]
    assert len(pages) == math.ceil(fleet.alarms[MAIN] / 4) and len(names) == len(set(names)) == fleet.alarms[MAIN]
    pages = query_pages(proxy, moto, {})
    assert len(pages) == fleet.alarm_pages(MAIN)
    # A filter moto applies stays applied on every page.
    prefix = [n for p in query_pages(proxy, moto, {"AlarmNamePrefix": "argos-prd-sol", "MaxRecords": "3"}) for n in p]
    assert prefix == sorted(n for n in names if n.startswith("argos-prd-sol")) and len(prefix) > 3


def test_a_foreign_or_forged_next_token_is_refused(proxy, moto):
    status, body = query(proxy, moto, "monitoring", {"Action": "DescribeAlarms", "Version": "2010-08-01", "MaxRecords": "3"})
    token = ET.fromstring(body).findtext(f"{CW}DescribeAlarmsResult/{CW}NextToken")
    for forged in (token, "not-a-token"):
        status, body = query(proxy, moto, "monitoring", {"Action": "DescribeAlarms", "Version": "2010-08-01",
                                                         "AlarmNamePrefix": "argos", "NextToken": forged})
        assert status == 400 and ET.fromstring(body).findtext(f"{CW}Error/{CW}Code") == "InvalidNextToken"
    with pytest.raises(ClientError) as refused:
        client(proxy, moto, "cloudwatch").describe_alarms(NextToken="not-a-token")
    assert refused.value.response["Error"]["Code"] == "InvalidNextToken"


def recover_alarm(cloudwatch, instance):
    cloudwatch.put_metric_alarm(
        AlarmName=f"opsdaily-recover-{instance}", Namespace="AWS/EC2", MetricName="StatusCheckFailed_System",
        Statistic="Maximum", Period=60, EvaluationPeriods=2, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold",
        TreatMissingData="missing", Dimensions=[{"Name": "InstanceId", "Value": instance}],
        AlarmActions=[fixture.recover_action(MAIN)])


def test_a_fault_refuses_one_instance_alarm_and_lets_the_others_through(proxy, moto, fleet):
    message = "The recover action is not supported for this instance."
    fault = {"action": "PutMetricAlarm", "match": fleet.fault_instance, "status": 400, "code": "ValidationError", "message": message}
    assert proxy.request("POST", "/_fake/faults", body=fault).status == 200
    cloudwatch = client(proxy, moto, "cloudwatch")
    other = next(i["instance"] for i in fleet.instances if i["status"] == "simplified" and i["region"] == MAIN
                 and i["instance"] != fleet.fault_instance)
    try:
        with pytest.raises(ClientError) as refused:
            recover_alarm(cloudwatch, fleet.fault_instance)
        error = refused.value.response["Error"]
        assert (error["Code"], error["Message"], error["Type"]) == ("ValidationError", message, "Sender")
        status, body = query(proxy, moto, "monitoring", {
            "Action": "PutMetricAlarm", "Version": "2010-08-01", "AlarmName": f"opsdaily-recover-{fleet.fault_instance}",
            "Namespace": "AWS/EC2", "MetricName": "StatusCheckFailed_System", "Dimensions.member.1.Name": "InstanceId",
            "Dimensions.member.1.Value": fleet.fault_instance})
        assert status == 400 and ET.fromstring(body).findtext(f"{CW}Error/{CW}Code") == "ValidationError"
        recover_alarm(cloudwatch, other)
        names = {a["AlarmName"] for a in direct(moto, "cloudwatch").describe_alarms()["MetricAlarms"]}
        assert f"opsdaily-recover-{other}" in names and f"opsdaily-recover-{fleet.fault_instance}" not in names
        assert [(w["action"], w["status"], w["answered"]) for w in log(proxy, "/_fake/writes")] == [
            ("PutMetricAlarm", 400, "fault"), ("PutMetricAlarm", 400, "fault"), ("PutMetricAlarm", 200, "moto")]
    finally:
        direct(moto, "cloudwatch").delete_alarms(AlarmNames=[f"opsdaily-recover-{other}"])
    assert proxy.request("POST", "/_fake/reset").status == 200
    assert proxy.request("GET", "/_fake/faults").json() == []


def test_reads_are_no_writes_and_writes_are_seen_by_both_logs(proxy, moto, fleet):
    fixture.start_recording(moto[0])
    ec2, tagging = client(proxy, moto, "ec2"), client(proxy, moto, "resourcegroupstaggingapi")
    ec2.describe_instances(MaxResults=5)
    ec2.describe_volumes()
    client(proxy, moto, "cloudwatch").describe_alarms()
    rds = tagging.get_resources(ResourceTypeFilters=["rds:db"])["ResourceTagMappingList"][0]["ResourceARN"]
    client(proxy, moto, "sts").get_caller_identity()
    assert log(proxy, "/_fake/writes") == [] and fixture.write_calls(moto[0]) == []
    assert [(e["service"], e["action"]) for e in log(proxy, "/_fake/requests")] == [
        ("ec2", "DescribeInstances"), ("ec2", "DescribeVolumes"), ("monitoring", "DescribeAlarms"),
        ("tagging", "GetResources"), ("sts", "GetCallerIdentity")]

    console = next(i["instance"] for i in fleet.instances if i["name"] == "admin-console")
    ec2.create_tags(Resources=[console], Tags=[{"Key": "opsdaily-probe", "Value": "1"}])
    ec2.delete_tags(Resources=[console], Tags=[{"Key": "opsdaily-probe"}])
    tagging.tag_resources(ResourceARNList=[rds], Tags={"opsdaily-probe": "1"})
    tagging.untag_resources(ResourceARNList=[rds], TagKeys=["opsdaily-probe"])
    actions = ["CreateTags", "DeleteTags", "TagResources", "UntagResources"]
    assert [w["action"] for w in log(proxy, "/_fake/writes")] == actions
    assert [w["action"] for w in fixture.write_calls(moto[0])] == actions
    assert {w["access_key_id"] for w in fixture.write_calls(moto[0])} == {moto[1]}
    assert len(log(proxy, "/_fake/requests")) == 9
    assert proxy.request("POST", "/_fake/reset").status == 200 and log(proxy, "/_fake/requests") == []


@pytest.mark.parametrize("route, body", [
    ("/_fake/maintenance", {"i-0123": "sometimes"}), ("/_fake/maintenance", ["i-0123"]),
    ("/_fake/faults", {"match": "i-0123"}), ("/_fake/faults", {"action": "PutMetricAlarm", "status": 200}),
    ("/_fake/faults", {"action": "PutMetricAlarm", "count": 0}), ("/_fake/reset", [1])])
def test_malformed_control_requests_are_refused(proxy, route, body):
    assert proxy.request("POST", route, body=body).status == 400


def test_the_proxy_stops_cleanly_on_sigterm(moto, tmp_path):
    fake = start_fake("aws_fleet_proxy.py", ["--upstream", moto[0]], tmp_path, reset_path="/_fake/reset")
    assert fake.request("GET", "/_fake/maintenance").json() == {}
    assert fake.stop() == 0


def test_the_fleet_is_as_the_tests_found_it(moto, fleet):
    """The tests above put back what they changed, and reading the fleet again gives the same answers."""
    session = boto3.Session(aws_access_key_id=moto[1], aws_secret_access_key=moto[2])
    found = fixture.survey(session, moto[0])
    assert fixture.recovery(found, fleet.account, fleet.maintenance) == (fleet.instances, fleet.orphans)
    resources, findings, plan, overwrite = fixture.tag_audit(found, fleet.account, fixture.POLICY)
    assert (resources, findings, plan, overwrite) == (fleet.tag_resources, fleet.findings, fleet.tag_plan, fleet.tag_plan_overwrite)


def test_the_command_line_prints_the_expectations(tmp_path):
    with moto_server(tmp_path) as (endpoint, key, secret):
        run = subprocess.run([sys.executable, str(HERE / "fleet_fixture.py"), "build", "--endpoint", endpoint,
                              "--key", key, "--secret", secret], capture_output=True, text=True, timeout=90)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["byStatus"]["recover-alarm"] == 35 and answer["excludedByReason"]["eks"] == 22
    assert "ap-northeast-2: 64 instances: 34 recover-alarm" in run.stderr
