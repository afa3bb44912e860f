#!/usr/bin/env python3
"""The EC2 fleet `opsdaily tags` and `opsdaily autorecovery` are tested against: one account, shaped like the
2023 one in ap-northeast-2 (64 instances that count: 34 with a recover alarm, 22 EKS nodes, an Auto Scaling
group member, a Karpenter node, two alarms without the recover action, two instances left to simplified
recovery, one opted out, one i3), three more in us-east-1, terminated instances, orphan alarms, volumes,
and RDS instances and a Lambda function for the Resource Groups Tagging API.

What the tools should find is never taken from what was meant to be made: `build` reads the fleet back
from moto with boto3 (every page) and applies the rules of /tmp/fleet/contract.md (SPEC §13.2, §13.3)
to it here, in Python, independently of the Swift code. The fleet is also checked to be unambiguous: no
instance matches two autorecovery criteria, so the expected statuses do not depend on their precedence.

moto facts this relies on (moto 5.2.1, read in its source and measured):
- moto has no maintenance options (DescribeInstances sends none; ModifyInstanceMaintenanceOptions is a
  500): scripts/fakes/aws_fleet_proxy.py supplies them. `Expected.maintenance` is what the proxy must be
  told (`configure_proxy`): "disabled" for the opted-out instance, an explicit "default" for one
  simplified instance; every other instance has none, which AWS documents as "default".
- DescribeInstanceTypes returns AutoRecoverySupported (false for i3.*, i3en.*): nothing to add.
- DescribeAlarms ignores MaxRecords and NextToken: the proxy pages it (`ALARM_PAGE_SIZE`).
- DescribeInstances pages by reservation (one here per instance), MaxResults counting reservations.
- CreateTags accepts `aws:` keys (AWS refuses them), but the Auto Scaling member is made the real way, by
  an Auto Scaling group with a launch template: moto then tags it aws:autoscaling:groupName itself.
- Terminating an instance deletes its root volume; terminated instances stay listed.
- The tagging API lists an S3 bucket in every region's GetResources and refuses TagResources on S3 ARNs
  ("Service not yet supported"), so the fleet has no bucket: RDS and Lambda stand for the tagging API.

Usage: python3 scripts/tests/fleet_fixture.py build --endpoint MOTO_URL --key K --secret S [--proxy PROXY_URL]
prints the Expected as JSON on stdout and its summary on stderr; with --proxy, tells the proxy the
maintenance options.

For "a dry run makes no write call": start moto with MOTO_RECORDER_FILEPATH pointing into a temporary
directory (otherwise moto writes ./moto_recording in its working directory), call `start_recording`, run
the tool, then `write_calls`.
"""

from __future__ import annotations

import argparse
import base64
import email.message
import io
import json
import math
import re
import sys
import urllib.request
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import boto3
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fakes"))
from aws_fleet_proxy import Call  # noqa: E402  (one reading of "which action, is it a write" for both logs)

MAIN_REGION, SECOND_REGION = "ap-northeast-2", "us-east-1"
REGIONS = (MAIN_REGION, SECOND_REGION)
# An AMI moto serves in every region.
AMI = "ami-760aaa0f"
# DescribeInstances' smallest MaxResults: the fleet then spans many pages.
PAGE_SIZE = 5
# The proxy's --alarm-page-size the tests use: ap-northeast-2's alarms take several pages.
ALARM_PAGE_SIZE = 10
CLUSTER = "argos-prd-eks"
ASG_NAME = "argos-prd-sol-batch-asg"
# An instance id that never existed: its alarm is an orphan from the start.
GONE_INSTANCE = "i-0d5c0e7a1b2c3d4e5"
LIVE_STATES = ("pending", "running", "stopping", "stopped")
STATUSES = ("recover-alarm", "alarm-without-recover", "simplified", "disabled", "unsupported-type", "excluded")
RULES = ("missing-required", "invalid-value", "wrong-case", "aws-limit", "derived-missing", "derived-differs")

# Seeding fails on moto's first answer: a retried 500 only hides which call moto cannot do.
NO_RETRY = Config(retries={"total_max_attempts": 1})

# The contract's policy (the 2023 corporate standard), as data: the expectations are computed from it.
POLICY = {
    "version": 1,
    "scope": {"ec2": ["instance", "volume"], "taggingApi": ["rds:db", "s3:bucket", "lambda:function"]},
    "keys": {
        "cz-project": {"required": True}, "cz-owner": {"required": True},
        "cz-stage": {"required": True, "values": ["dev", "stg", "prd"]},
        "cz-org": {"required": True}, "cz-appl": {"required": True},
        "cz-ext1": {}, "cz-ext2": {}, "cz-ext3": {},
    },
    # Python's re takes the pattern as the contract writes it (no lookbehind needed).
    "valuePattern": "^[a-z0-9가-힣]([a-z0-9가-힣_-]{0,61}[a-z0-9가-힣])?$",
    "fill": {"cz-stage": "prd"},
    "derived": {"EC2Type": {"from": "Name", "separators": "-_. ", "rules": [
        {"tokens": ["mob"], "value": "Mobile"}, {"tokens": ["gw", "icms"], "value": "GW"},
        {"tokens": ["sol"], "value": "Solution"}, {"tokens": ["infra"], "value": "Infra"},
        {"tokens": ["eks"], "value": "EKSNode"}], "scope": ["instance"]}},
    "groupBy": "cz-owner",
}

# Interpretations the contract leaves open; the Swift side must agree or this list must change.
ASSUMPTIONS = [
    "tags: terminated and shutting-down instances are not audited (as autorecovery never lists them)",
    "tags: a key equal to a policy key ignoring case is wrong-case; the exact policy key is then still missing "
    "(missing-required when required)",
    "tags: one invalid-value finding per key, whether it fails the allowed values, the pattern or both",
    "tags: aws: keys are AWS's: never findings, never written, not counted towards the 50",
    "tags: a resource whose planned writes would take it past 50 tags gets one aws-limit finding (key null) "
    "and no planned write at all (CreateTags is all or nothing)",
    "tags: derived values come from the first rule with a token among the Name's tokens (lowercased); "
    "no rule matching (admin-console) means nothing to derive and no finding",
    "tags: --overwrite adds derived-differs (old -> derived) and invalid values of filled keys (old -> fill)",
    "autorecovery: only AWS/EC2 StatusCheckFailed_System alarms with an InstanceId dimension count, for "
    "statuses and for orphans; the recover action must name the instance's own region",
]


# --- the fleet ------------------------------------------------------------------------------------------------

@dataclass
class Node:
    name: str
    type: str
    tags: dict
    region: str = MAIN_REGION
    alarm: str | None = None        # recover | recover+sns | sns | cpu
    console_alarm: bool = False     # the name the EC2 console gives an alarm it makes
    maintenance: str | None = None  # what the proxy is told; None: nothing, AWS's default
    state: str = "running"          # running | stopped | terminated
    volume_tags: bool = False       # the root volume gets the instance's cz- tags


def cz(owner, appl, **changes):
    """The five required tags, valid, with `changes` applied (None removes a key)."""
    tags = {"cz-project": "argos", "cz-owner": owner, "cz-stage": "prd", "cz-org": "cloudz", "cz-appl": appl}
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value is None:
            tags.pop(key, None)
        else:
            tags[key] = value
    return tags


INFRA = "인프라팀"  # a Korean owner: the pattern allows Hangul


def fleet() -> list[Node]:
    nodes = [
        Node("argos-prd-gw-01", "t3.medium", {**cz("platform", "gw"), "EC2Type": "GW"}, alarm="recover+sns", volume_tags=True),
        Node("argos-prd-gw-02", "t3.medium", {**cz("platform", "gw"), "EC2Type": "Solution"}, alarm="recover", console_alarm=True),
        Node("argos-prd-mob-api-01", "c5.large", {**cz("mobile", "mob-api"), "EC2Type": "Mobile"}, alarm="recover+sns",
             volume_tags=True),
        Node("argos-prd-mob-api-02", "c5.large",
             {**cz("mobile", "mob-api", cz_owner=None), "CZ-Owner": "mobile", "Environment": "prd"}, alarm="recover"),
        Node("argos-prd-mob-api-03", "c5.large", cz("mobile", "mob-api", cz_stage=None, cz_appl=None), alarm="recover"),
        Node("argos-prd-mob-api-04", "c5.large", cz("mobile", "mob-api", cz_project="Argos PRD"), alarm="recover"),
        Node("argos-prd-mob-web-01", "c5.large", cz("mobile", "-bad"), alarm="recover", console_alarm=True),
        Node("argos-prd-mob-web-02", "c5.large", {**cz("mobile", "mob-web"), "EC2Type": "Mobile"}, alarm="recover"),
        Node("argos-prd-mob-push-01", "t3.medium", cz("mobile", "mob-push"), alarm="recover+sns"),
        Node("argos-prd-mob-push-02", "t3.medium", {}, alarm="recover"),
    ]
    for i in range(1, 7):
        derived = {"EC2Type": "Solution"} if i <= 3 else {}
        nodes.append(Node(f"argos-prd-sol-api-{i:02}", "m5.large", {**cz("solution", "sol-api"), **derived},
                          alarm="recover+sns" if i % 3 == 0 else "recover", console_alarm=i % 2 == 0, volume_tags=i == 1))
    nodes += [
        Node("argos-prd-sol-batch-01", "m5.large", cz("solution", "sol-batch", cz_stage="production"), alarm="recover"),
        Node("argos-prd-sol-batch-02", "m5.large", cz("solution", "sol-batch"), alarm="recover"),
    ]
    for i in range(1, 5):
        # 64 characters: one more than the pattern allows.
        owner = "solution-" + "w" * 55 if i == 2 else "solution"
        nodes.append(Node(f"argos-prd-sol-web-{i:02}", "m5.large", cz(owner, "sol-web"), alarm="recover", console_alarm=i == 3))
    crowded = {**cz(INFRA, "log"), **{f"log-attr-{i:02}": f"v{i}" for i in range(44)}}  # 49 + Name = 50
    nodes += [
        Node("argos-prd-infra-bastion-01", "t3.small", {**cz(INFRA, "bastion"), "EC2Type": "infra"}, alarm="recover"),
        Node("argos-prd-infra-jenkins-01", "m5.large", {**cz(INFRA, "jenkins"), "EC2Type": "Infra"}, alarm="recover+sns"),
        Node("argos-prd-infra-nexus-01", "m5.large", cz(INFRA, "nexus"), alarm="recover", state="stopped"),
        Node("argos-prd-infra-monitor-01", "r5.large", {**cz(INFRA, "monitor"), "cz-ext1": "모니터링", "CZ-Ext2": "grafana"},
             alarm="recover"),
        Node("argos-prd-infra-monitor-02", "r5.large", cz(INFRA, "monitor"), alarm="recover", console_alarm=True),
        Node("argos-prd-infra-vpn-01", "t3.small", cz(INFRA, "vpn"), alarm="recover"),
        Node("argos-prd-infra-log-01", "r5.large", crowded, alarm="recover"),
        Node("argos-prd-infra-log-02", "r5.large", cz(INFRA, "log"), alarm="recover+sns"),
        Node("argos-prd-infra-log-03", "r5.large", {"cz-project": "argos", "cz-owner": INFRA}, alarm="recover"),
        Node("argos-prd-icms-01", "c5.large", {**cz("platform", "icms"), "EC2Type": "GW"}, alarm="recover", volume_tags=True),
        Node("argos-prd-icms-02", "c5.large", cz("platform", "icms"), alarm="recover"),
        # `sol` must not match inside `console`: nothing is derived from this name.
        Node("admin-console", "t3.small", {"cz-owner": "platform"}, alarm="recover"),
        # An alarm that only notifies.
        Node("argos-prd-sol-legacy-01", "m5.large", cz("solution", "sol-legacy"), alarm="sns"),
        Node("argos-prd-infra-ftp-01", "t3.medium", cz(INFRA, "ftp"), alarm="sns"),
        # Simplified recovery: a CPU alarm is no recover alarm; one instance says "default" explicitly.
        Node("argos-prd-sol-tools-01", "t3.medium", cz("solution", "sol-tools"), alarm="cpu"),
        Node("argos-prd-infra-proxy-01", "t3.medium", cz(INFRA, "proxy"), maintenance="default"),
        Node("argos-prd-sol-license-01", "m5.large", cz("solution", "license"), maintenance="disabled", state="stopped"),
        Node("argos-prd-sol-search-01", "i3.large", cz("solution", "sol-search")),
    ]
    for i in range(1, 23):
        group = "argos-prd-ng-app" if i <= 14 else "argos-prd-ng-sys"
        eks = {"eks:cluster-name": CLUSTER, "eks:nodegroup-name": group, f"kubernetes.io/cluster/{CLUSTER}": "owned"}
        if i <= 14:
            tags = {**eks, **cz("platform", "eks"), "EC2Type": "EKS" if i == 14 else "EKSNode"}
        else:
            tags = {**eks, "cz-project": "argos", "cz-stage": "prd"}
        nodes.append(Node(f"argos-prd-eks-node-{i:02}", "m5.xlarge", tags, volume_tags=i <= 14))
    nodes += [
        Node("argos-prd-eks-karpenter-01", "m5.xlarge",
             {"karpenter.sh/nodepool": "default", "karpenter.sh/nodeclaim": "default-x7k2p", **cz("platform", "eks")}),
        Node("argos-prd-sol-old-01", "m5.large", cz("solution", "sol-api"), alarm="recover", state="terminated"),
        Node("argos-prd-gw-old-01", "t3.medium", cz("platform", "gw"), state="terminated"),
        Node("argos-prd-gw-dr-01", "t3.medium", {**cz("platform", "gw"), "EC2Type": "GW"}, region=SECOND_REGION, alarm="recover"),
        Node("argos-prd-sol-dr-01", "m5.large", cz("solution", "sol-api", cz_stage=None), region=SECOND_REGION),
        Node("argos-prd-sol-dr-search-01", "i3en.large", cz("solution", "sol-search"), region=SECOND_REGION),
    ]
    return nodes


def sns_topic(account, region):
    return f"arn:aws:sns:{region}:{account}:argos-prd-ops-alert"


def recover_action(region, partition="aws"):
    return f"arn:{partition}:automate:{region}:ec2:recover"


def status_alarm(cloudwatch, name, instance, actions):
    cloudwatch.put_metric_alarm(
        AlarmName=name, Namespace="AWS/EC2", MetricName="StatusCheckFailed_System", Statistic="Maximum", Period=60,
        EvaluationPeriods=2, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold", TreatMissingData="missing",
        Dimensions=[{"Name": "InstanceId", "Value": instance}], AlarmActions=actions)


def make_alarm(cloudwatch, node, instance, account):
    topic = sns_topic(account, node.region)
    if node.alarm == "cpu":
        cloudwatch.put_metric_alarm(
            AlarmName=f"{node.name}-CPUUtilization-High", Namespace="AWS/EC2", MetricName="CPUUtilization",
            Statistic="Average", Period=300, EvaluationPeriods=3, Threshold=90, ComparisonOperator="GreaterThanThreshold",
            Dimensions=[{"Name": "InstanceId", "Value": instance}], AlarmActions=[topic])
        return
    if node.alarm == "sns":
        status_alarm(cloudwatch, f"{node.name}-StatusCheckFailed-System-Notify", instance, [topic])
        return
    name = (f"awsec2-{instance}-GreaterThanOrEqualToThreshold-StatusCheckFailed_System" if node.console_alarm
            else f"{node.name}-StatusCheckFailed-System-Recover")
    actions = [recover_action(node.region)] + ([topic] if node.alarm == "recover+sns" else [])
    status_alarm(cloudwatch, name, instance, actions)


def lambda_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handle(event, context):\n    return event\n")
    return buffer.getvalue()


def make(session, endpoint) -> dict:
    """Creates the fleet; returns {instance id: Node} (the Auto Scaling member included)."""
    def client(service, region=MAIN_REGION):
        return session.client(service, region_name=region, endpoint_url=endpoint, config=NO_RETRY)

    account = client("sts").get_caller_identity()["Account"]
    for region in REGIONS:
        client("sns", region).create_topic(Name="argos-prd-ops-alert")
    made = {}
    for node in fleet():
        ec2 = client("ec2", node.region)
        specs = [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": node.name}] +
                  [{"Key": k, "Value": v} for k, v in node.tags.items()]}]
        if node.volume_tags:
            specs.append({"ResourceType": "volume", "Tags": [{"Key": k, "Value": v} for k, v in node.tags.items()
                                                             if k.startswith("cz-")]})
        instance = ec2.run_instances(ImageId=AMI, InstanceType=node.type, MinCount=1, MaxCount=1,
                                     TagSpecifications=specs)["Instances"][0]["InstanceId"]
        made[instance] = node
        if node.alarm:
            make_alarm(client("cloudwatch", node.region), node, instance, account)
        if node.state == "stopped":
            ec2.stop_instances(InstanceIds=[instance])
        elif node.state == "terminated":
            ec2.terminate_instances(InstanceIds=[instance])
    status_alarm(client("cloudwatch"), "argos-prd-decommissioned-01-StatusCheckFailed-System-Recover", GONE_INSTANCE,
                 [recover_action(MAIN_REGION), sns_topic(account, MAIN_REGION)])

    ec2 = client("ec2")
    ec2.create_launch_template(LaunchTemplateName=f"{ASG_NAME}-lt", LaunchTemplateData={"ImageId": AMI, "InstanceType": "t3.medium"})
    asg_tags = {"Name": ASG_NAME, **cz("solution", "sol-batch")}
    client("autoscaling").create_auto_scaling_group(
        AutoScalingGroupName=ASG_NAME, LaunchTemplate={"LaunchTemplateName": f"{ASG_NAME}-lt", "Version": "$Latest"},
        MinSize=1, MaxSize=1, DesiredCapacity=1, AvailabilityZones=[f"{MAIN_REGION}a"],
        Tags=[{"Key": k, "Value": v, "PropagateAtLaunch": True} for k, v in asg_tags.items()])
    for reservation in ec2.describe_instances(Filters=[{"Name": "tag:aws:autoscaling:groupName", "Values": [ASG_NAME]}])["Reservations"]:
        for instance in reservation["Instances"]:
            made[instance["InstanceId"]] = Node(ASG_NAME, instance["InstanceType"], asg_tags)

    # Volumes no instance owns: one tagged as the standard wants, one never tagged.
    ec2.create_volume(AvailabilityZone=f"{MAIN_REGION}a", Size=100, VolumeType="gp3", TagSpecifications=[
        {"ResourceType": "volume", "Tags": [{"Key": k, "Value": v} for k, v in cz("solution", "sol-data").items()]}])
    ec2.create_volume(AvailabilityZone=f"{MAIN_REGION}a", Size=50, VolumeType="gp3")

    rds = client("rds")
    for identifier, tags in (("argos-prd-sol-db", cz("solution", "sol-db")),
                             ("argos-prd-mob-db", {"cz-project": "argos", "cz-owner": "mobile", "cz-appl": "Mob DB"})):
        rds.create_db_instance(DBInstanceIdentifier=identifier, Engine="postgres", DBInstanceClass="db.t3.micro",
                               AllocatedStorage=20, MasterUsername="argos", MasterUserPassword="argos-password-1",
                               Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
    iam = client("iam", "us-east-1")
    role = iam.create_role(RoleName="argos-prd-lambda", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    client("lambda").create_function(FunctionName="argos-prd-sol-report", Runtime="python3.12", Role=role,
                                     Handler="handler.handle", Code={"ZipFile": lambda_zip()},
                                     Tags=cz("solution", "sol-report", cz_stage=None))
    return made


# --- reading it back ------------------------------------------------------------------------------------------

def survey(session, endpoint) -> dict:
    """Everything the tools list, per region, as moto answers boto3 (every page)."""
    def client(service, region):
        return session.client(service, region_name=region, endpoint_url=endpoint, config=NO_RETRY)

    found = {}
    for region in REGIONS:
        ec2, cloudwatch = client("ec2", region), client("cloudwatch", region)
        instances, pages, token = [], 0, None
        while True:
            page = ec2.describe_instances(MaxResults=PAGE_SIZE, **({"NextToken": token} if token else {}))
            pages += 1
            instances += [i for r in page["Reservations"] for i in r["Instances"]]
            token = page.get("NextToken")
            if not token:
                break
        volumes = [v for p in ec2.get_paginator("describe_volumes").paginate() for v in p["Volumes"]]
        alarms = [a for p in cloudwatch.get_paginator("describe_alarms").paginate() for a in p["MetricAlarms"]]
        types = sorted({i["InstanceType"] for i in instances})
        supported = {t["InstanceType"]: t.get("AutoRecoverySupported") for t in
                     (ec2.describe_instance_types(InstanceTypes=types)["InstanceTypes"] if types else [])}
        tagging = client("resourcegroupstaggingapi", region)
        tagged = []
        for kind in POLICY["scope"]["taggingApi"]:
            if kind == "s3:bucket":
                continue  # moto lists every bucket in every region (see the module docstring); the fleet has none
            for page in tagging.get_paginator("get_resources").paginate(ResourceTypeFilters=[kind]):
                tagged += [{**r, "Type": kind} for r in page["ResourceTagMappingList"]]
        found[region] = {"instances": instances, "describe_instances_pages": pages, "volumes": volumes,
                         "alarms": alarms, "auto_recovery_supported": supported, "tagged": tagged}
    return found


def tag_dict(tags):
    return {t["Key"]: t["Value"] for t in tags or []}


# --- expectations: autorecovery -------------------------------------------------------------------------------

def exclusion(tags) -> str | None:
    if {"eks:cluster-name", "eks:nodegroup-name"} & tags.keys() or any(k.startswith("kubernetes.io/cluster/") for k in tags):
        return "eks"
    if {"karpenter.sh/nodepool", "karpenter.sh/provisioner-name"} & tags.keys():
        return "karpenter"
    if "aws:autoscaling:groupName" in tags:
        return "asg"
    return None


def status_alarms(alarms):
    """{instance id: [alarm, …]} of the AWS/EC2 StatusCheckFailed_System alarms."""
    by_instance = {}
    for alarm in alarms:
        if alarm.get("Namespace") != "AWS/EC2" or alarm.get("MetricName") != "StatusCheckFailed_System":
            continue
        for dimension in alarm.get("Dimensions", []):
            if dimension["Name"] == "InstanceId":
                by_instance.setdefault(dimension["Value"], []).append(alarm)
    return by_instance


def recovery(found, account, maintenance):
    instances, orphans = [], []
    for region, seen in found.items():
        alarms = status_alarms(seen["alarms"])
        live = [i for i in seen["instances"] if i["State"]["Name"] in LIVE_STATES]
        live_ids = {i["InstanceId"] for i in live}
        for instance in live:
            iid, tags = instance["InstanceId"], tag_dict(instance.get("Tags"))
            mine = sorted(alarms.get(iid, []), key=lambda a: a["AlarmName"])
            recovering = [a for a in mine if recover_action(region) in a.get("AlarmActions", [])]
            reason = exclusion(tags)
            supported = seen["auto_recovery_supported"][instance["InstanceType"]]
            setting = maintenance.get(iid, "default")
            criteria = [c for c, hit in (("excluded", reason), ("alarm", mine), ("unsupported-type", not supported),
                                         ("disabled", setting == "disabled")) if hit]
            if len(criteria) > 1:
                raise AssertionError(f"{iid} ({tags.get('Name')}) is ambiguous: {criteria}")
            if reason:
                status = "excluded"
            elif recovering:
                status = "recover-alarm"
            elif mine:
                status = "alarm-without-recover"
            elif not supported:
                status = "unsupported-type"
            elif setting == "disabled":
                status = "disabled"
            else:
                status = "simplified"
            alarm = (recovering or mine or [{}])[0].get("AlarmName")
            instances.append({"instance": iid, "name": tags.get("Name"), "region": region, "account": account,
                              "type": instance["InstanceType"], "state": instance["State"]["Name"], "status": status,
                              "reason": reason, "alarm": alarm})
        for iid, mine in alarms.items():
            if iid not in live_ids:
                orphans += [{"alarm": a["AlarmName"], "instance": iid, "region": region} for a in mine]
    return instances, sorted(orphans, key=lambda o: (o["region"], o["alarm"]))


# --- expectations: tags ---------------------------------------------------------------------------------------

def derive(policy, name, resource_type):
    """{derived key: value} for a resource with this Name."""
    values = {}
    for key, rule in policy.get("derived", {}).items():
        if resource_type not in rule.get("scope", []) or not name:
            continue
        tokens = {t.lower() for t in re.split("[" + re.escape(rule["separators"]) + "]", name) if t}
        for candidate in rule["rules"]:
            if tokens & set(candidate["tokens"]):
                values[key] = candidate["value"]
                break
    return values


def audit(policy, resource, resource_type, region, account, tags):
    """(findings, plan, overwrite plan) for one resource, by the contract's rules."""
    pattern = re.compile(policy["valuePattern"])
    keys = policy["keys"]
    fill = policy.get("fill", {})
    by_lower = {k.lower(): k for k in keys}
    owner = tags.get(policy["groupBy"]) or "(none)"
    findings, plan, overwrite = [], [], []

    def finding(rule, key, value, detail):
        findings.append({"resource": resource, "type": resource_type, "region": region, "account": account,
                         "owner": owner, "rule": rule, "key": key, "value": value, "detail": detail})

    for key, value in tags.items():
        if key not in keys and key.lower() in by_lower:
            finding("wrong-case", key, value, f"should be {by_lower[key.lower()]}")
    for key, spec in keys.items():
        if key not in tags:
            if spec.get("required"):
                finding("missing-required", key, None, "required")
                if key in fill:
                    plan.append((key, None, fill[key]))
            continue
        value = tags[key]
        allowed = spec.get("values")
        own = re.compile(spec["pattern"]) if spec.get("pattern") else pattern
        if (allowed and value not in allowed) or not own.fullmatch(value):
            finding("invalid-value", key, value, "not allowed" if allowed and value not in allowed else "pattern")
            if key in fill:
                overwrite.append((key, value, fill[key]))
    for key, value in derive(policy, tags.get("Name"), resource_type).items():
        if key not in tags:
            finding("derived-missing", key, None, value)
            plan.append((key, None, value))
        elif tags[key] != value:
            finding("derived-differs", key, tags[key], value)
            overwrite.append((key, tags[key], value))
    key_limit = 127 if resource_type in ("instance", "volume") else 128
    for key, _, value in plan + overwrite:
        if not 1 <= len(key) <= key_limit or len(value) > 256 or key.lower().startswith("aws:"):
            finding("aws-limit", key, value, "beyond AWS's tag limits")
    own_tags = [k for k in tags if not k.startswith("aws:")]
    if len(own_tags) + len(plan) > 50:
        finding("aws-limit", None, None, f"{len(own_tags)} tags + {len(plan)} to write > 50")
        plan = []
    entry = lambda key, old, new: {"resource": resource, "region": region, "key": key, "old": old, "new": new}  # noqa: E731
    plan = [entry(*p) for p in plan]
    return findings, plan, plan + [entry(*p) for p in overwrite]


def tag_audit(found, account, policy):
    findings, plan, overwrite, resources = [], [], [], 0
    ec2_scope = policy["scope"].get("ec2", [])
    for region, seen in found.items():
        subjects = []
        if "instance" in ec2_scope:
            subjects += [(i["InstanceId"], "instance", tag_dict(i.get("Tags"))) for i in seen["instances"]
                         if i["State"]["Name"] in LIVE_STATES]
        if "volume" in ec2_scope:
            subjects += [(v["VolumeId"], "volume", tag_dict(v.get("Tags"))) for v in seen["volumes"]]
        subjects += [(r["ResourceARN"], r["Type"], tag_dict(r.get("Tags"))) for r in seen["tagged"]]
        for resource, kind, tags in subjects:
            resources += 1
            f, p, o = audit(policy, resource, kind, region, account, tags)
            findings += f
            plan += p
            overwrite += o
    return resources, findings, plan, overwrite


# --- the answer -----------------------------------------------------------------------------------------------

@dataclass
class Expected:
    account: str
    regions: list
    page_size: int
    alarm_page_size: int
    instances: list                # {instance, name, region, account, type, state, status, reason, alarm}
    orphans: list                  # {alarm, instance, region}
    maintenance: dict              # instance id -> AutoRecovery the proxy must report
    fault_instance: str            # a simplified instance: fail its PutMetricAlarm to test one refusal
    describe_instances_pages: dict  # region -> pages at MaxResults=page_size, as moto answers
    alarms: dict                   # region -> metric alarms DescribeAlarms lists
    tag_resources: int
    findings: list                 # the contract's audit findings
    tag_plan: list                 # apply without --overwrite: {resource, region, key, old, new}
    tag_plan_overwrite: list
    recovery_plan: list            # apply: {action, alarm, instance, region}
    recovery_prune: list           # added by --prune
    assumptions: list = field(default_factory=lambda: list(ASSUMPTIONS))

    @property
    def by_status(self):
        return dict(Counter(i["status"] for i in self.instances))

    @property
    def excluded_by_reason(self):
        return dict(Counter(i["reason"] for i in self.instances if i["status"] == "excluded"))

    @property
    def by_rule(self):
        return dict(Counter(f["rule"] for f in self.findings))

    def alarm_pages(self, region, page_size=None):
        return max(1, math.ceil(self.alarms[region] / (page_size or self.alarm_page_size)))

    def to_json(self):
        return {**asdict(self), "byStatus": self.by_status, "excludedByReason": self.excluded_by_reason,
                "byRule": self.by_rule, "alarmPages": {r: self.alarm_pages(r) for r in self.regions}}

    def summary(self):
        lines = []
        for region in self.regions:
            mine = [i for i in self.instances if i["region"] == region]
            counts = Counter(i["status"] for i in mine)
            reasons = Counter(i["reason"] for i in mine if i["reason"])
            parts = [f"{counts[s]} {s}" + (f" ({', '.join(f'{n} {r}' for r, n in sorted(reasons.items()))})"
                                           if s == "excluded" and reasons else "")
                     for s in STATUSES if counts[s]]
            orphans = sum(1 for o in self.orphans if o["region"] == region)
            lines.append(f"{region}: {len(mine)} instances: {', '.join(parts)}; {orphans} orphan alarms; "
                         f"DescribeInstances {self.describe_instances_pages[region]} pages at {self.page_size}, "
                         f"{self.alarms[region]} alarms = {self.alarm_pages(region)} DescribeAlarms pages at {self.alarm_page_size}")
        actions = Counter(p["action"] for p in self.recovery_plan)
        lines.append(f"autorecovery apply: {len(self.recovery_plan)} planned ({dict(actions)}), "
                     f"--prune deletes {len(self.recovery_prune)}")
        rules = ", ".join(f"{self.by_rule.get(r, 0)} {r}" for r in RULES)
        lines.append(f"tags: {self.tag_resources} resources, {len(self.findings)} findings ({rules}); "
                     f"apply plans {len(self.tag_plan)} writes, {len(self.tag_plan_overwrite)} with --overwrite")
        return "\n".join(lines)


def build(endpoint, key_id, secret, proxy=None, policy=POLICY) -> Expected:
    """Makes the fleet in a fresh moto (signature checking on is fine: every call is signed by this key) and
    returns what the tools should find in it; with `proxy`, tells the proxy the maintenance options."""
    session = boto3.Session(aws_access_key_id=key_id, aws_secret_access_key=secret)
    made = make(session, endpoint)
    account = session.client("sts", region_name=MAIN_REGION, endpoint_url=endpoint).get_caller_identity()["Account"]
    maintenance = {iid: node.maintenance for iid, node in made.items() if node.maintenance}
    found = survey(session, endpoint)
    instances, orphans = recovery(found, account, maintenance)
    resources, findings, plan, overwrite = tag_audit(found, account, policy)
    simplified = [i for i in instances if i["status"] == "simplified"]
    fault = next(i["instance"] for i in simplified if i["instance"] not in maintenance)
    recovery_plan = [{"action": "create", "alarm": f"opsdaily-recover-{i['instance']}", "instance": i["instance"],
                      "region": i["region"]} for i in simplified]
    recovery_plan += [{"action": "add-recover", "alarm": i["alarm"], "instance": i["instance"], "region": i["region"]}
                      for i in instances if i["status"] == "alarm-without-recover"]
    expected = Expected(
        account=account, regions=list(REGIONS), page_size=PAGE_SIZE, alarm_page_size=ALARM_PAGE_SIZE,
        instances=instances, orphans=orphans, maintenance=maintenance, fault_instance=fault,
        describe_instances_pages={r: found[r]["describe_instances_pages"] for r in REGIONS},
        alarms={r: len(found[r]["alarms"]) for r in REGIONS}, tag_resources=resources, findings=findings,
        tag_plan=plan, tag_plan_overwrite=overwrite, recovery_plan=recovery_plan,
        recovery_prune=[{"action": "delete", **o} for o in orphans])
    if proxy:
        configure_proxy(proxy, expected)
    return expected


def configure_proxy(proxy, expected):
    request = urllib.request.Request(proxy.rstrip("/") + "/_fake/maintenance", method="POST",
                                     data=json.dumps(expected.maintenance).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


# --- moto's recording -----------------------------------------------------------------------------------------

def moto_api(endpoint, path, method="GET"):
    request = urllib.request.Request(endpoint.rstrip("/") + "/moto-api/recorder/" + path, method=method,
                                     data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def start_recording(endpoint):
    """moto records every request from now on (an empty recording first)."""
    moto_api(endpoint, "reset-recording", "POST")
    moto_api(endpoint, "start-recording", "POST")


def recorded_calls(endpoint) -> list[dict]:
    """Every request moto's recorder holds: service, region, action, write, method, path, access_key_id."""
    calls = []
    for line in moto_api(endpoint, "download-recording").decode("utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        body = entry.get("body") or ""
        body = base64.b64decode(body) if entry.get("body_encoded") else body.encode("utf-8")
        headers = email.message.Message()
        for name, value in entry.get("headers", {}).items():
            headers[name] = value
        url = urlsplit(entry["url"])
        call = Call(entry["method"], url.path + (f"?{url.query}" if url.query else ""), headers, body)
        calls.append({"service": call.service, "region": call.region, "action": call.action or f"{call.method} {call.path}",
                      "write": call.write, "method": call.method, "path": call.path, "access_key_id": call.access_key_id})
    return calls


def write_calls(endpoint) -> list[dict]:
    """The write calls moto received since `start_recording` (what a dry run must not make)."""
    return [c for c in recorded_calls(endpoint) if c["write"]]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make_it = sub.add_parser("build", help="make the fleet in moto and print what the tools should find")
    make_it.add_argument("--endpoint", required=True, help="moto, e.g. http://127.0.0.1:5000")
    make_it.add_argument("--key", required=True)
    make_it.add_argument("--secret", required=True)
    make_it.add_argument("--proxy", help="aws_fleet_proxy.py's URL: told the maintenance options")
    args = parser.parse_args(argv)
    expected = build(args.endpoint, args.key, args.secret, args.proxy)
    print(expected.summary(), file=sys.stderr)
    json.dump(expected.to_json(), sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    sys.exit(main())
