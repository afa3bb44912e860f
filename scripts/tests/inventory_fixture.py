#!/usr/bin/env python3
"""The AWS estate `opsdaily inventory`'s end-to-end test runs against: a moto_server with signature checking
on, two accounts, two regions, every kind of the inventory catalogue that moto implements (the catalogue
(Sources/Inventory/Catalogue) is the contract: kind ids, reach, list calls, rows, page-size clamps), the extras fake's kinds, and a queued
Cost Explorer answer.

What is expected is never taken from what was made: `survey` lists every kind again with boto3's own
paginators (or the model's tokens where botocore has no paginator), the way the catalogue says, and counts
rows and pages.

moto facts this relies on (moto 5.2.1, read in its source and measured):
- AssumeRole into another account's role ARN returns credentials that act in that account, and moto
  authorises them with that role's policies, looked up in that account: a role that does not exist there
  makes every call fail with a 500. No principal of the second account can exist before one is made there,
  and with checking on nothing can be made there without one. So `seed` lets exactly two calls through
  unchecked (POST /moto-api/reset-auth "2"), sends CreateRole and PutRolePolicy with moto's
  `x-moto-account-id` header naming the second account, and restores the previous setting. From then on
  the second account is reached the way opsdaily reaches it: AssumeRole from the main account's user.
- moto 5.2.1 alone cannot verify the signature of a REST GET (it hashes the query as if it were the body):
  run it through scripts/tests/moto_server.py, which corrects that, and every kind is listed signed.
- Paging: see MOTO_PAGES and MOTO_LOSES_PAGES (S3 ListBuckets and Network Firewall ListFirewalls lose every
  row after the first page when a page size is sent).
- Shield keeps protections per region in moto, as the Shield API lives in us-east-1 only: they are made
  and listed there. WAF's CLOUDFRONT scope is global in moto whatever the region.
- Cost Explorer answers come from a queue per account; a request body moto has not seen takes the next
  queued answer and keeps it, so the same body always gets the same page (see `queue_cost`).

Usage: python3 scripts/tests/inventory_fixture.py seed --endpoint URL --key K --secret S [--extras URL]
         [--month YYYY-MM] [--region R]... [--page-size N]
prints JSON: what was made (accounts, their credentials, role ARNs, buckets with their storage metrics), the
queued cost and its expected amounts, and one entry per (account, region or "global", kind): {account,
region, kind, count, pages, paged_count, error}. With --extras, the fake (scripts/fakes/
aws_extras_fake.py) must accept both accounts' keys: it learns keys only from its --key options, and the
second account's are the AssumeRole credentials `seed` gets, so entries it refuses carry that error.
"""


from __future__ import annotations

import argparse
import calendar
import datetime
import io
import json
import sys
import threading
import time
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

import boto3
import jmespath
from botocore.config import Config
from botocore.exceptions import ClientError

from motokit import ALLOW_ALL, moto_auth

MAIN_ACCOUNT = "123456789012"
GLOBAL = "global"
# The role the admin user assumes in the second account (the operators' cross-account role).
SECOND_ACCOUNT_ROLE = "inventory-admin"
# A role of the main account allowed everything except ec2:Describe*: opsdaily through it must report
# every EC2 kind as `denied` and still list the rest.
NO_EC2_ROLE = "inventory-no-ec2"
# A role the services that need one (Lambda, CodePipeline, CodeBuild, Firehose, EKS, RDS Proxy) may assume.
SERVICE_ROLE = "inventory-service"
PREFIX = "inv"
# The fixture's role sessions outlast a long bench; the roles allow it, as AWS requires.
SESSION_SECONDS = 12 * 3600

# Seeding fails on moto's first answer: a retried 500 only hides which call moto cannot do.
NO_RETRY = Config(retries={"total_max_attempts": 1})

NO_EC2_DESCRIBE = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ec2:Describe*", "Resource": "*"},
    ],
}


def trust(principal: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}]})


# moto's CodePipeline reads Principal.Service of every statement and wants one equal to its own.
SERVICE_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": f"{service}.amazonaws.com"}, "Action": "sts:AssumeRole"}
    for service in ("lambda", "codepipeline", "codebuild", "firehose", "eks", "rds")]})


# --- the catalogue, as the inventory catalogue has it ------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    id: str
    service: str                      # boto3 client name
    operation: str                    # boto3 method name
    rows: str | Callable[[dict], int]  # a JMESPath to the rows of one page, or a counter
    reach: str = "R"                  # R: per (account, region); G: once per account
    params: dict = field(default_factory=dict)
    page_min: int | None = 1          # lower bound of the page-size member; None: the call has none
    # "paginator" (botocore's); "single" (the call does not page); "firehose"; or, for calls botocore has no
    # paginator for, (page-size member, input token, output token) from the service model.
    paging: str | tuple[str, str, str] = "paginator"
    src: str = "moto"                 # moto | fake | either (moto, or the fake when the service is routed there)
    region: str | None = None         # a global kind that lives in one region


def security_group_rule_rows(page: dict) -> int:
    """One row per (group, direction, rule, peer); a rule without peers, or a group without rules, is one row."""
    total = 0
    for group in page["SecurityGroups"]:
        rules = group.get("IpPermissions", []) + group.get("IpPermissionsEgress", [])
        if not rules:
            total += 1
        for rule in rules:
            peers = sum(len(rule.get(key, [])) for key in ("IpRanges", "Ipv6Ranges", "PrefixListIds", "UserIdGroupPairs"))
            total += max(peers, 1)
    return total


def alarm_rows(page: dict) -> int:
    return len(page.get("MetricAlarms", [])) + len(page.get("CompositeAlarms", []))


EC2 = 5  # EC2 Describe* page sizes start at 5
RDS = 20  # RDS, ElastiCache and Redshift MaxRecords start at 20
DX_PAGING = ("maxResults", "nextToken", "nextToken")
WAF_PAGING = ("Limit", "NextMarker", "NextMarker")

KINDS: tuple[Kind, ...] = (
    Kind("iam-users", "iam", "list_users", "Users", reach="G"),
    Kind("iam-groups", "iam", "list_groups", "Groups", reach="G"),
    Kind("iam-roles", "iam", "list_roles", "Roles", reach="G"),
    Kind("iam-policies", "iam", "list_policies", "Policies", reach="G", params={"Scope": "Local"}),
    Kind("dx-connections", "directconnect", "describe_connections", "connections", paging=DX_PAGING, src="either"),
    Kind("dx-virtual-interfaces", "directconnect", "describe_virtual_interfaces", "virtualInterfaces", paging=DX_PAGING, src="fake"),
    Kind("dx-gateways", "directconnect", "describe_direct_connect_gateways", "directConnectGateways", reach="G", src="fake"),
    Kind("vpcs", "ec2", "describe_vpcs", "Vpcs", page_min=EC2),
    Kind("subnets", "ec2", "describe_subnets", "Subnets", page_min=EC2),
    Kind("route-tables", "ec2", "describe_route_tables", "RouteTables", page_min=EC2),
    Kind("internet-gateways", "ec2", "describe_internet_gateways", "InternetGateways", page_min=EC2),
    Kind("nat-gateways", "ec2", "describe_nat_gateways", "NatGateways", page_min=EC2),
    Kind("vpc-endpoints", "ec2", "describe_vpc_endpoints", "VpcEndpoints", page_min=EC2),
    Kind("vpn-connections", "ec2", "describe_vpn_connections", "VpnConnections", page_min=None, paging="single"),
    Kind("vpc-peering", "ec2", "describe_vpc_peering_connections", "VpcPeeringConnections", page_min=EC2),
    Kind("transit-gateways", "ec2", "describe_transit_gateways", "TransitGateways", page_min=EC2),
    Kind("tgw-attachments", "ec2", "describe_transit_gateway_attachments", "TransitGatewayAttachments", page_min=EC2),
    Kind("ram-resources", "ram", "list_resources", "resources", params={"resourceOwner": "SELF"}, src="fake"),
    Kind("security-group-rules", "ec2", "describe_security_groups", security_group_rule_rows, page_min=EC2),
    Kind("load-balancers", "elbv2", "describe_load_balancers", "LoadBalancers"),
    Kind("classic-load-balancers", "elb", "describe_load_balancers", "LoadBalancerDescriptions"),
    Kind("ec2-instances", "ec2", "describe_instances", "Reservations[].Instances[]", page_min=EC2),
    Kind("ebs-volumes", "ec2", "describe_volumes", "Volumes", page_min=EC2),
    Kind("efs-file-systems", "efs", "describe_file_systems", "FileSystems"),
    Kind("s3-buckets", "s3", "list_buckets", "Buckets", reach="G"),
    Kind("ecr-repositories", "ecr", "describe_repositories", "repositories"),
    Kind("ecs-clusters", "ecs", "list_clusters", "clusterArns"),
    Kind("eks-clusters", "eks", "list_clusters", "clusters"),
    Kind("rds-instances", "rds", "describe_db_instances", "DBInstances", page_min=RDS),
    Kind("rds-clusters", "rds", "describe_db_clusters", "DBClusters", page_min=RDS),
    Kind("rds-proxies", "rds", "describe_db_proxies", "DBProxies", page_min=RDS),
    Kind("dynamodb-tables", "dynamodb", "list_tables", "TableNames"),
    Kind("elasticache-clusters", "elasticache", "describe_cache_clusters", "CacheClusters", page_min=RDS),
    Kind("redshift-clusters", "redshift", "describe_clusters", "Clusters", page_min=RDS),
    Kind("msk-clusters", "kafka", "list_clusters_v2", "ClusterInfoList"),
    Kind("sqs-queues", "sqs", "list_queues", "QueueUrls"),
    Kind("firehose-streams", "firehose", "list_delivery_streams", "DeliveryStreamNames", paging="firehose"),
    Kind("sns-topics", "sns", "list_topics", "Topics", page_min=None),
    Kind("lambda-functions", "lambda", "list_functions", "Functions"),
    Kind("secrets", "secretsmanager", "list_secrets", "SecretList"),
    Kind("acm-certificates", "acm", "list_certificates", "CertificateSummaryList"),
    Kind("kms-keys", "kms", "list_keys", "Keys"),
    Kind("codecommit-repositories", "codecommit", "list_repositories", "repositories", page_min=None, src="fake"),
    Kind("codebuild-projects", "codebuild", "list_projects", "projects", page_min=None),
    Kind("codedeploy-applications", "codedeploy", "list_applications", "applications", page_min=None),
    Kind("codepipeline-pipelines", "codepipeline", "list_pipelines", "pipelines"),
    Kind("codeartifact-repositories", "codeartifact", "list_repositories", "repositories", src="fake"),
    Kind("cloudwatch-metrics", "cloudwatch", "list_metrics", "Metrics", page_min=None),
    Kind("log-groups", "logs", "describe_log_groups", "logGroups"),
    Kind("cloudwatch-alarms", "cloudwatch", "describe_alarms", alarm_rows,
         params={"AlarmTypes": ["MetricAlarm", "CompositeAlarm"]}),
    Kind("event-rules", "events", "list_rules", "Rules"),
    Kind("cloudtrail-trails", "cloudtrail", "describe_trails", "trailList", params={"includeShadowTrails": False},
         page_min=None, paging="single"),
    Kind("backup-vaults", "backup", "list_backup_vaults", "BackupVaultList", src="either"),
    Kind("backup-plans", "backup", "list_backup_plans", "BackupPlansList", src="either"),
    Kind("backup-protected-resources", "backup", "list_protected_resources", "Results", src="fake"),
    Kind("backup-jobs", "backup", "list_backup_jobs", "BackupJobs", src="fake"),  # params: the report month
    Kind("waf-web-acls", "wafv2", "list_web_acls", "WebACLs", params={"Scope": "REGIONAL"}, paging=WAF_PAGING),
    Kind("waf-cloudfront-acls", "wafv2", "list_web_acls", "WebACLs", reach="G", params={"Scope": "CLOUDFRONT"},
         paging=WAF_PAGING, region="us-east-1"),
    Kind("network-firewalls", "network-firewall", "list_firewalls", "Firewalls", src="either"),
    Kind("firewall-policies", "network-firewall", "list_firewall_policies", "FirewallPolicies", src="fake"),
    Kind("shield-protections", "shield", "list_protections", "Protections", reach="G", region="us-east-1"),
    Kind("hosted-zones", "route53", "list_hosted_zones", "HostedZones", reach="G"),
    Kind("cloudfront-distributions", "cloudfront", "list_distributions", "DistributionList.Items", reach="G"),
)
KIND_BY_ID = {kind.id: kind for kind in KINDS}
# The boto3 client names of the services the catalogue routes to the extras fake when it is used.
EXTRAS_SERVICES = {"directconnect", "ram", "codecommit", "codeartifact", "backup", "network-firewall"}


# --- seeding ------------------------------------------------------------------------------------------------

# Measured with PaginationConfig PageSize at `--page-size 2`, clamped (the pytest checks it on every run): the
# list calls moto answers in pages; it answers every other one in a single page whatever the size asked.
MOTO_PAGES = frozenset({
    "iam-roles", "iam-policies", "load-balancers", "classic-load-balancers", "ec2-instances", "efs-file-systems",
    "eks-clusters", "rds-instances", "dynamodb-tables", "elasticache-clusters", "firehose-streams", "sns-topics",
    "secrets", "cloudwatch-metrics", "log-groups", "event-rules", "waf-web-acls", "waf-cloudfront-acls",
    "hosted-zones"})
# moto reads the page size but sends no token back (S3 ListBuckets; Network Firewall ListFirewalls writes it as
# `nextToken`, not the model's `NextToken`): a paging client gets the first page only.
MOTO_LOSES_PAGES = frozenset({"s3-buckets", "network-firewalls"})
# Calls without a page-size member, and the page moto (like AWS) gives them.
FIXED_PAGE = {"sns-topics": 100, "cloudwatch-metrics": 500}
PAGE_SIZE = 2


def made(kind: str) -> int:
    """How many of a kind `seed` makes per (account, region), or per account for global kinds (S3 buckets:
    per region): one page and one more row where moto pages, or would page if it sent its token; else 2."""
    if kind in FIXED_PAGE:
        return FIXED_PAGE[kind] + 1
    if kind in MOTO_PAGES | MOTO_LOSES_PAGES:
        return page_size_for(KIND_BY_ID[kind], PAGE_SIZE) + 1
    return 2


# An AMI moto serves in every region (moto/ec2/resources/amis.json.gz); moto runs unknown ones today but
# warns that it will refuse them.
AMI = "ami-760aaa0f"


class Aws:
    """boto3 clients for one set of credentials. They all come from one session, which loads each service
    model once (a session per listing made the survey take a minute); a session is not thread-safe, its
    clients are."""

    _session = boto3.Session()
    _lock = threading.Lock()

    def __init__(self, endpoint: str, credentials: dict, config: Config = NO_RETRY):
        self.endpoint = endpoint
        self.credentials = credentials
        self.config = config

    def client(self, service: str, region: str, config: Config | None = None):
        with Aws._lock:
            return Aws._session.client(service, region_name=region, endpoint_url=self.endpoint,
                                       config=self.config.merge(config) if config else self.config, **self.credentials)


def keys(access_key_id: str, secret: str, token: str | None = None) -> dict:
    credentials = {"aws_access_key_id": access_key_id, "aws_secret_access_key": secret}
    if token:
        credentials["aws_session_token"] = token
    return credentials


@contextmanager
def unchecked(endpoint: str, requests: str) -> Iterator[None]:
    previous = moto_auth(endpoint, requests)
    try:
        yield
    finally:
        moto_auth(endpoint, previous)


def make_second_account_role(endpoint: str, admin: dict, account: str, trusted: str) -> str:
    """The cross-account role, made in `account` by the only means moto leaves (see the module docstring)."""
    iam = Aws(endpoint, admin).client("iam", "us-east-1")
    iam.meta.events.register("before-send.iam.*", lambda request, **_: request.headers.__setitem__("x-moto-account-id", account))
    with unchecked(endpoint, "2"):
        role = iam.create_role(RoleName=SECOND_ACCOUNT_ROLE, AssumeRolePolicyDocument=trust(trusted),
                               MaxSessionDuration=SESSION_SECONDS)["Role"]
        iam.put_role_policy(RoleName=SECOND_ACCOUNT_ROLE, PolicyName="administrator", PolicyDocument=json.dumps(ALLOW_ALL))
    return role["Arn"]


def assume(endpoint: str, admin: dict, role_arn: str) -> dict:
    sts = Aws(endpoint, admin).client("sts", "us-east-1")
    given = sts.assume_role(RoleArn=role_arn, RoleSessionName="inventory-fixture", DurationSeconds=SESSION_SECONDS)["Credentials"]
    return keys(given["AccessKeyId"], given["SecretAccessKey"], given["SessionToken"])


def seed_iam(aws: Aws, account: str, admin_arn: str) -> None:
    """Users in a group each, with an access key; customer-managed policies; roles, among them the service role
    and, in the main account, the role without ec2:Describe*."""
    iam = aws.client("iam", "us-east-1")
    for i in range(made("iam-users")):
        iam.create_group(GroupName=f"{PREFIX}-group-{i}")
        iam.create_user(UserName=f"{PREFIX}-user-{i}", Tags=[{"Key": "team", "Value": "ops"}])
        iam.add_user_to_group(GroupName=f"{PREFIX}-group-{i}", UserName=f"{PREFIX}-user-{i}")
        iam.create_access_key(UserName=f"{PREFIX}-user-{i}")
    for i in range(made("iam-policies")):
        iam.create_policy(PolicyName=f"{PREFIX}-policy-{i}", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{PREFIX}-{account}-{i}/*"}]}))
    for i in range(made("iam-roles")):
        iam.create_role(RoleName=f"{PREFIX}-role-{i}", AssumeRolePolicyDocument=trust(f"arn:aws:iam::{account}:root"))
    iam.create_role(RoleName=SERVICE_ROLE, AssumeRolePolicyDocument=SERVICE_TRUST)
    iam.put_role_policy(RoleName=SERVICE_ROLE, PolicyName="everything", PolicyDocument=json.dumps(ALLOW_ALL))
    if account == MAIN_ACCOUNT:
        iam.create_role(RoleName=NO_EC2_ROLE, AssumeRolePolicyDocument=trust(admin_arn), MaxSessionDuration=SESSION_SECONDS)
        iam.put_role_policy(RoleName=NO_EC2_ROLE, PolicyName="all-but-ec2-describe", PolicyDocument=json.dumps(NO_EC2_DESCRIBE))


def seed_network(ec2, region: str) -> dict:
    """VPCs with a subnet, a route table to an internet gateway, a NAT gateway, an S3 endpoint and a transit
    gateway attachment each; a peering; a VPN; security groups whose rules have every kind of peer."""
    vpcs, subnets = [], []
    for i in range(made("vpcs")):
        vpc = ec2.create_vpc(CidrBlock=f"10.{i}.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{i}.0.0/24", AvailabilityZone=f"{region}a")["Subnet"]["SubnetId"]
        igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
        table = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
        ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
        ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)
        ec2.create_nat_gateway(SubnetId=subnet, AllocationId=ec2.allocate_address(Domain="vpc")["AllocationId"])
        ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{region}.s3", RouteTableIds=[table])
        tgw = ec2.create_transit_gateway(Description=f"{PREFIX}-tgw-{i}")["TransitGateway"]["TransitGatewayId"]
        ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw, VpcId=vpc, SubnetIds=[subnet])
        vpcs.append(vpc)
        subnets.append(subnet)
    # Load balancers, EKS, MSK and RDS Proxy want subnets in two zones.
    subnets.append(ec2.create_subnet(VpcId=vpcs[0], CidrBlock="10.0.1.0/24", AvailabilityZone=f"{region}b")["Subnet"]["SubnetId"])
    ec2.create_vpc_peering_connection(VpcId=vpcs[0], PeerVpcId=vpcs[1])
    customer = ec2.create_customer_gateway(Type="ipsec.1", PublicIp="203.0.113.10", BgpAsn=65000)["CustomerGateway"]["CustomerGatewayId"]
    vgw = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]
    ec2.attach_vpn_gateway(VpcId=vpcs[0], VpnGatewayId=vgw)
    ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=customer, VpnGatewayId=vgw)
    prefix_list = ec2.create_managed_prefix_list(
        PrefixListName=f"{PREFIX}-offices", AddressFamily="IPv4", MaxEntries=5,
        Entries=[{"Cidr": "198.51.100.0/24", "Description": "office"}])["PrefixList"]["PrefixListId"]
    return {"vpcs": vpcs, "subnets": subnets, "zones": [subnets[0], subnets[-1]],
            "security_groups": seed_security_groups(ec2, vpcs[0], prefix_list)}


def seed_security_groups(ec2, vpc: str, prefix_list: str) -> list[str]:
    """web: HTTPS in from two IPv4 ranges, an IPv6 range, a prefix list and the app group (5 rows), SSH in from
    one range (1), everything out to IPv4 (moto's default) and IPv6 (2); app: 8080 in from web (1) and the
    default out (1); empty: no rule at all (1 row)."""
    def group(name):
        return ec2.create_security_group(GroupName=f"{PREFIX}-{name}", Description=name, VpcId=vpc)["GroupId"]

    web, app, empty = group("web"), group("app"), group("empty")
    ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
         "IpRanges": [{"CidrIp": "203.0.113.0/24"}, {"CidrIp": "198.51.100.7/32", "Description": "monitoring"}],
         "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/32"}],
         "PrefixListIds": [{"PrefixListId": prefix_list}],
         "UserIdGroupPairs": [{"GroupId": app}]},
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
    ])
    ec2.authorize_security_group_egress(GroupId=web, IpPermissions=[{"IpProtocol": "-1", "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}])
    ec2.authorize_security_group_ingress(GroupId=app, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": web}]}])
    ec2.revoke_security_group_egress(GroupId=empty, IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    return [web, app, empty]


def seed_compute(aws: Aws, region: str, network: dict) -> None:
    ec2 = aws.client("ec2", region)
    instances = []
    for i in range(made("ec2-instances")):  # a reservation each: two pages whether moto counts instances or reservations
        instances += [x["InstanceId"] for x in ec2.run_instances(
            ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=network["subnets"][i % len(network["subnets"])],
            TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": f"{PREFIX}-{i}"}]}])["Instances"]]
    ec2.terminate_instances(InstanceIds=instances[-1:])  # listed still, as AWS lists them for a while
    for i in range(made("ebs-volumes")):
        ec2.create_volume(AvailabilityZone=f"{region}a", Size=8 + i, VolumeType="gp3")
    elbv2, elb, efs = aws.client("elbv2", region), aws.client("elb", region), aws.client("efs", region)
    for i in range(made("load-balancers")):
        elbv2.create_load_balancer(Name=f"{PREFIX}-alb-{i}", Subnets=network["zones"], SecurityGroups=network["security_groups"][:1])
    for i in range(made("classic-load-balancers")):
        elb.create_load_balancer(LoadBalancerName=f"{PREFIX}-clb-{i}", AvailabilityZones=[f"{region}a"], Listeners=[
            {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP", "InstancePort": 8080}])
    for i in range(made("efs-file-systems")):
        efs.create_file_system(CreationToken=f"{PREFIX}-efs-{i}", PerformanceMode="generalPurpose")


def seed_data(aws: Aws, region: str, network: dict, service_role: str) -> None:
    ecr, ecs, eks, dynamodb, kafka = (aws.client(s, region) for s in ("ecr", "ecs", "eks", "dynamodb", "kafka"))
    for i in range(made("ecr-repositories")):
        ecr.create_repository(repositoryName=f"{PREFIX}/service-{i}")
    for i in range(made("ecs-clusters")):
        ecs.create_cluster(clusterName=f"{PREFIX}-ecs-{i}")
    for i in range(made("eks-clusters")):
        eks.create_cluster(name=f"{PREFIX}-eks-{i}", roleArn=service_role, resourcesVpcConfig={"subnetIds": network["zones"]})
    for i in range(made("dynamodb-tables")):
        dynamodb.create_table(TableName=f"{PREFIX}-table-{i}", BillingMode="PAY_PER_REQUEST",
                              AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                              KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    for i in range(made("msk-clusters")):
        kafka.create_cluster_v2(ClusterName=f"{PREFIX}-msk-{i}", Provisioned={
            "KafkaVersion": "3.6.0", "NumberOfBrokerNodes": 2,
            "BrokerNodeGroupInfo": {"InstanceType": "kafka.t3.small", "ClientSubnets": network["zones"]}})
    rds, elasticache, redshift = (aws.client(s, region) for s in ("rds", "elasticache", "redshift"))
    for i in range(made("rds-instances")):
        rds.create_db_instance(DBInstanceIdentifier=f"{PREFIX}-db-{i}", Engine="postgres", DBInstanceClass="db.t3.micro",
                               AllocatedStorage=20, MasterUsername="inventory", MasterUserPassword="inventory-password")
    for i in range(made("rds-clusters")):
        rds.create_db_cluster(DBClusterIdentifier=f"{PREFIX}-aurora-{i}", Engine="aurora-postgresql",
                              MasterUsername="inventory", MasterUserPassword="inventory-password")
    secret = aws.client("secretsmanager", region).create_secret(Name=f"{PREFIX}/rds-proxy", SecretString="{}")["ARN"]
    for i in range(made("rds-proxies")):
        rds.create_db_proxy(DBProxyName=f"{PREFIX}-proxy-{i}", EngineFamily="POSTGRESQL", RoleArn=service_role,
                            VpcSubnetIds=network["zones"], Auth=[{"AuthScheme": "SECRETS", "SecretArn": secret, "IAMAuth": "DISABLED"}])
    for i in range(made("elasticache-clusters")):
        elasticache.create_cache_cluster(CacheClusterId=f"{PREFIX}-cache-{i}", Engine="redis",
                                         CacheNodeType="cache.t3.micro", NumCacheNodes=1)
    for i in range(made("redshift-clusters")):
        redshift.create_cluster(ClusterIdentifier=f"{PREFIX}-dw-{i}", NodeType="ra3.large", ClusterType="single-node",
                                MasterUsername="inventory", MasterUserPassword="Inventory-password1")


def lambda_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handle(event, context):\n    return event\n")
    return buffer.getvalue()


def seed_applications(aws: Aws, region: str, service_role: str, bucket: str) -> None:
    sqs, firehose, lam, secrets, acm, kms = (aws.client(s, region) for s in ("sqs", "firehose", "lambda", "secretsmanager", "acm", "kms"))
    for i in range(made("sqs-queues")):
        sqs.create_queue(QueueName=f"{PREFIX}-queue-{i}")
    for i in range(made("firehose-streams")):
        firehose.create_delivery_stream(DeliveryStreamName=f"{PREFIX}-stream-{i}", ExtendedS3DestinationConfiguration={
            "RoleARN": service_role, "BucketARN": f"arn:aws:s3:::{bucket}"})
    code = lambda_zip()
    for i in range(made("lambda-functions")):
        lam.create_function(FunctionName=f"{PREFIX}-function-{i}", Runtime="python3.12", Role=service_role,
                            Handler="handler.handle", Code={"ZipFile": code})
    for i in range(made("secrets") - 1):  # seed_data made the RDS Proxy's
        secrets.create_secret(Name=f"{PREFIX}/secret-{i}", SecretString=json.dumps({"password": f"p{i}"}))
    for i in range(made("acm-certificates")):
        acm.request_certificate(DomainName=f"service-{i}.inventory.example", ValidationMethod="DNS")
    for i in range(made("kms-keys")):
        kms.create_key(Description=f"{PREFIX} key {i}")
    sns = aws.client("sns", region)
    for i in range(made("sns-topics")):
        sns.create_topic(Name=f"{PREFIX}-topic-{i:03}")
    codebuild, codedeploy, codepipeline = (aws.client(s, region) for s in ("codebuild", "codedeploy", "codepipeline"))
    for i in range(made("codebuild-projects")):
        codebuild.create_project(name=f"{PREFIX}-build-{i}", source={"type": "S3", "location": f"{bucket}/source.zip"},
                                 artifacts={"type": "NO_ARTIFACTS"}, serviceRole=service_role,
                                 environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                                              "computeType": "BUILD_GENERAL1_SMALL"})
    for i in range(made("codedeploy-applications")):
        codedeploy.create_application(applicationName=f"{PREFIX}-deploy-{i}", computePlatform="Server")
    for i in range(made("codepipeline-pipelines")):
        codepipeline.create_pipeline(pipeline={
            "name": f"{PREFIX}-pipeline-{i}", "roleArn": service_role, "artifactStore": {"type": "S3", "location": bucket},
            "stages": [
                {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {
                    "category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                    "configuration": {"S3Bucket": bucket, "S3ObjectKey": "source.zip"}, "outputArtifacts": [{"name": "src"}]}]},
                {"name": "Build", "actions": [{"name": "Build", "actionTypeId": {
                    "category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
                    "configuration": {"ProjectName": f"{PREFIX}-build-0"}, "inputArtifacts": [{"name": "src"}]}]},
            ]})


def seed_observability(aws: Aws, region: str, bucket: str) -> None:
    logs, events = aws.client("logs", region), aws.client("events", region)
    # botocore gzips a PutMetricData body over 10 KB; moto then fails to decompress it (BadGzipFile, a 500).
    cloudwatch = aws.client("cloudwatch", region, Config(disable_request_compression=True))
    metrics = [{"MetricName": "QueueDepth", "Dimensions": [{"Name": "Queue", "Value": f"q{i:03}"}], "Value": float(i)}
               for i in range(made("cloudwatch-metrics"))]
    for start in range(0, len(metrics), 1000):  # PutMetricData takes 1,000 values per call
        cloudwatch.put_metric_data(Namespace="Inventory/App", MetricData=metrics[start:start + 1000])
    for i in range(made("log-groups")):
        logs.create_log_group(logGroupName=f"/{PREFIX}/service-{i}")
    for i in range(made("event-rules")):
        events.put_rule(Name=f"{PREFIX}-rule-{i}", ScheduleExpression="rate(1 hour)")
    # Metric alarms only: moto 5.2.1 has no PutCompositeAlarm, and drops an AlarmRule given to PutMetricAlarm
    # (it parses parameters by the model), so no composite alarm can be made in it.
    for i in range(made("cloudwatch-alarms")):
        cloudwatch.put_metric_alarm(AlarmName=f"{PREFIX}-alarm-{i}", Namespace="Inventory/App", MetricName="QueueDepth",
                                    Dimensions=[{"Name": "Queue", "Value": f"q{i:03}"}], Statistic="Maximum", Period=60,
                                    EvaluationPeriods=1, Threshold=100, ComparisonOperator="GreaterThanThreshold")
    aws.client("cloudtrail", region).create_trail(Name=f"{PREFIX}-trail", S3BucketName=bucket)


def seed_either(aws: Aws, region: str, account: str, network: dict) -> None:
    """Backup, regional WAF, Network Firewall and Direct Connect: moto's, read when the run does not route
    their services to the extras fake."""
    backup, wafv2, firewall = (aws.client(s, region) for s in ("backup", "wafv2", "network-firewall"))
    for i in range(made("backup-vaults")):
        backup.create_backup_vault(BackupVaultName=f"{PREFIX}-vault-{i}")
    for i in range(made("backup-plans")):
        backup.create_backup_plan(BackupPlan={"BackupPlanName": f"{PREFIX}-plan-{i}", "Rules": [
            {"RuleName": "daily", "TargetBackupVaultName": f"{PREFIX}-vault-0", "ScheduleExpression": "cron(0 5 * * ? *)"}]})
    for i in range(made("waf-web-acls")):
        web_acl(wafv2, f"{PREFIX}-regional-{i}", "REGIONAL")
    for i in range(made("network-firewalls")):
        firewall.create_firewall(FirewallName=f"{PREFIX}-firewall-{i}", VpcId=network["vpcs"][0],
                                 FirewallPolicyArn=f"arn:aws:network-firewall:{region}:{account}:firewall-policy/{PREFIX}",
                                 SubnetMappings=[{"SubnetId": network["subnets"][0]}])
    for i in range(made("dx-connections")):
        aws.client("directconnect", region).create_connection(location="EqDC2", bandwidth="1Gbps", connectionName=f"{PREFIX}-dx-{i}")


def web_acl(wafv2, name: str, scope: str) -> None:
    wafv2.create_web_acl(Name=name, Scope=scope, DefaultAction={"Allow": {}}, VisibilityConfig={
        "SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": name})


def seed_buckets(aws: Aws, region: str, account: str, now: datetime.datetime) -> dict:
    """Buckets in the region, with objects, and their daily S3 storage metrics put in the bucket's region,
    dated yesterday 00:00 UTC as S3 dates them. moto adds datapoints of its own for every bucket, dated today
    00:00 UTC, in every region, with the dimensions StorageType then BucketName: NumberOfObjects right,
    BucketSizeBytes the Python size of its key objects (64 bytes a key), not the bytes stored. ListMetrics and
    GetMetricStatistics include them; GetMetricData only when asked with the dimensions in that order (it
    compares them in order). Returns {bucket: {"region", "BucketSizeBytes", "NumberOfObjects"}}."""
    s3, cloudwatch = aws.client("s3", region), aws.client("cloudwatch", region)
    day = now.replace(hour=0, minute=0, second=0, microsecond=0) - datetime.timedelta(days=1)
    buckets = {}
    for i in range(made("s3-buckets")):
        name = f"{PREFIX}-{account}-{region}-{i}"
        if region == "us-east-1":
            s3.create_bucket(Bucket=name)
        else:
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
        sizes = [1000 * (i + 1) + n for n in range(i + 1)]
        for n, size in enumerate(sizes):
            s3.put_object(Bucket=name, Key=f"reports/{n}.csv", Body=b"x" * size)
        cloudwatch.put_metric_data(Namespace="AWS/S3", MetricData=[
            # BucketName first, as S3's own and opsdaily's GetMetricData queries have them.
            {"MetricName": "BucketSizeBytes", "Timestamp": day, "Unit": "Bytes", "Value": float(sum(sizes)),
             "Dimensions": [{"Name": "BucketName", "Value": name}, {"Name": "StorageType", "Value": "StandardStorage"}]},
            {"MetricName": "NumberOfObjects", "Timestamp": day, "Unit": "Count", "Value": float(len(sizes)),
             "Dimensions": [{"Name": "BucketName", "Value": name}, {"Name": "StorageType", "Value": "AllStorageTypes"}]},
        ])
        buckets[name] = {"region": region, "BucketSizeBytes": sum(sizes), "NumberOfObjects": len(sizes)}
    return buckets


def seed_global(aws: Aws, account: str) -> None:
    """Route 53 zones, CloudFront distributions, CLOUDFRONT-scope web ACLs, and Shield protections of the zones
    and distributions (in us-east-1, where Shield lives)."""
    route53, cloudfront = aws.client("route53", "us-east-1"), aws.client("cloudfront", "us-east-1")
    shield, wafv2 = aws.client("shield", "us-east-1"), aws.client("wafv2", "us-east-1")
    shield.create_subscription()
    protected = []
    for i in range(made("hosted-zones")):
        zone = route53.create_hosted_zone(Name=f"zone{i}.{account}.inventory.example", CallerReference=f"{PREFIX}-{i}")
        protected.append(f"arn:aws:route53:::hostedzone/{zone['HostedZone']['Id'].split('/')[-1]}")
    for i in range(made("waf-cloudfront-acls")):
        web_acl(wafv2, f"{PREFIX}-edge-{i}", "CLOUDFRONT")
    for i in range(made("cloudfront-distributions")):
        distribution = cloudfront.create_distribution(DistributionConfig={
            "CallerReference": f"{PREFIX}-{i}", "Comment": f"{PREFIX} {i}", "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": f"{PREFIX}-{account}-us-east-1-0.s3.amazonaws.com",
                                                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "s3", "ViewerProtocolPolicy": "redirect-to-https",
                                     "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}})["Distribution"]
        # moto's distribution ARN lacks the empty region field (arn:aws:cloudfront:<account>:…), which its own
        # Shield cannot parse: the ARN as AWS writes it.
        protected.append(f"arn:aws:cloudfront::{account}:distribution/{distribution['Id']}")
    for i, arn in enumerate(protected):
        shield.create_protection(Name=f"{PREFIX}-protection-{i}", ResourceArn=arn)


def seed_region(endpoint: str, credentials: dict, account: str, region: str, now: datetime.datetime) -> dict:
    """Everything of one (account, region); returns its buckets (see seed_buckets)."""
    aws = Aws(endpoint, credentials)
    service_role = f"arn:aws:iam::{account}:role/{SERVICE_ROLE}"
    buckets = seed_buckets(aws, region, account, now)
    network = seed_network(aws.client("ec2", region), region)
    seed_compute(aws, region, network)
    seed_data(aws, region, network, service_role)
    seed_applications(aws, region, service_role, next(iter(buckets)))
    seed_observability(aws, region, next(iter(buckets)))
    seed_either(aws, region, account, network)
    return buckets


def seed(endpoint: str, admin_key: str, admin_secret: str, regions=("ap-northeast-2", "us-east-1"),
         second_account: str = "111111111111") -> dict:
    """Makes the estate (on a fresh moto: names are fixed) and says how to reach it: per account its
    credentials (the admin user's key; in the second account, what AssumeRole gave the admin user) and the
    role ARNs an AWS config file needs."""
    admin = keys(admin_key, admin_secret)
    admin_arn = Aws(endpoint, admin).client("sts", regions[0]).get_caller_identity()["Arn"]
    main = admin_arn.split(":")[4]
    second_role = make_second_account_role(endpoint, admin, second_account, admin_arn)
    credentials = {main: admin, second_account: assume(endpoint, admin, second_role)}
    now = datetime.datetime.now(datetime.timezone.utc)
    with ThreadPoolExecutor(max_workers=len(credentials) * (len(regions) + 1)) as pool:
        for job in [pool.submit(seed_iam, Aws(endpoint, credentials[a]), a, admin_arn) for a in credentials]:
            job.result()  # the regions need the service role
        places = [(a, r) for a in credentials for r in regions]
        jobs = [pool.submit(seed_region, endpoint, credentials[a], a, r, now) for a, r in places]
        for job in [pool.submit(seed_global, Aws(endpoint, credentials[a]), a) for a in credentials]:
            job.result()
        buckets = {account: {} for account in credentials}
        for (account, _), job in zip(places, jobs):
            buckets[account].update(job.result())
    return {
        "endpoint": endpoint,
        "regions": list(regions),
        "admin_arn": admin_arn,
        "accounts": {
            main: {"credentials": admin, "buckets": buckets[main]},
            second_account: {"role_arn": second_role, "credentials": credentials[second_account],
                             "buckets": buckets[second_account]},
        },
        "no_ec2_role_arn": f"arn:aws:iam::{main}:role/{NO_EC2_ROLE}",
    }


# --- what is there, listed again -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Listing:
    count: int | None        # rows, as the catalogue counts them, at the servers' default page sizes
    pages: int | None        # responses at the asked page size, clamped
    paged_count: int | None  # rows at that page size: less than `count` where moto drops rows when paging
    error: str | None = None  # the code a server answered instead (the coverage's `error <code>`)


def page_size_for(kind: Kind, asked: int | None) -> int | None:
    """The catalogue: the asked size in the call's limit member, raised to the API's documented minimum (every
    maximum is far above what is asked here). None: the server's default."""
    return None if asked is None or kind.page_min is None else max(asked, kind.page_min)


def pages(client, kind: Kind, page_size: int | None, extra: dict | None = None) -> Iterator[dict]:
    params = {**kind.params, **(extra or {})}
    call = getattr(client, kind.operation)
    if kind.paging == "paginator":
        config = {"PageSize": page_size} if page_size else {}
        yield from client.get_paginator(kind.operation).paginate(**params, PaginationConfig=config)
    elif kind.paging == "single":
        yield call(**params)
    elif kind.paging == "firehose":  # Limit; the next page starts after the last name while HasMoreDeliveryStreams
        limit = {"Limit": page_size} if page_size else {}
        while True:
            page = call(**params, **limit)
            yield page
            if not page["HasMoreDeliveryStreams"]:
                return
            params["ExclusiveStartDeliveryStreamName"] = page["DeliveryStreamNames"][-1]
    else:
        limit_member, token_in, token_out = kind.paging
        limit = {limit_member: page_size} if page_size else {}
        while True:
            page = call(**params, **limit)
            yield page
            if not page.get(token_out):
                return
            params[token_in] = page[token_out]


def rows(kind: Kind, page: dict) -> int:
    if callable(kind.rows):
        return kind.rows(page)
    return len(jmespath.search(kind.rows, page) or [])


@dataclass(frozen=True)
class Target:
    account: str
    where: str      # a region, or GLOBAL
    kind: Kind
    endpoint: str
    client: object  # a boto3 client in the region the call goes to

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.account, self.where, self.kind.id)

    def read(self, page_size: int | None, extra: dict | None) -> tuple[int, int]:
        """(rows, responses)"""
        counted = [rows(self.kind, page) for page in pages(self.client, self.kind, page_size_for(self.kind, page_size), extra)]
        return sum(counted), len(counted)


def targets(endpoint: str, credentials_by_account: dict, regions, extras: str | None, only) -> list[Target]:
    made_targets, clients = [], {}
    for account, credentials in credentials_by_account.items():
        # Standard retries, as opsdaily's: a listing is a listing.
        aws = {url: Aws(url, credentials, Config(retries={"mode": "standard"})) for url in {endpoint, extras} if url}
        for kind in KINDS:
            if (kind.src == "fake" and not extras) or (only is not None and kind.id not in only):
                continue
            url = extras if extras and kind.service in EXTRAS_SERVICES else endpoint
            places = [(GLOBAL, kind.region or regions[0])] if kind.reach == "G" else [(region, region) for region in regions]
            for where, region in places:
                key = (account, url, kind.service, region)  # a client costs tens of milliseconds: one per service
                if key not in clients:
                    clients[key] = aws[url].client(kind.service, region)
                made_targets.append(Target(account, where, kind, url, clients[key]))
    return made_targets


def survey(endpoint: str, credentials_by_account: dict, regions, extras: str | None = None, page_size: int | None = PAGE_SIZE,
           extra_params: dict | None = None, only=None) -> dict[tuple[str, str, str], Listing]:
    """Every kind (or the kind ids in `only`) per (account, region) or (account, "global"), listed with boto3
    twice: at the servers' default page sizes (the count), and at `--page-size page_size`, clamped as the catalogue
    says (the pages; page_size None: the first listing's). What a `pages_expected` would give is each
    Listing's `pages`. `extra_params`: per kind
    id, parameters a run adds (Backup jobs' month)."""
    extra_params = extra_params or {}
    work = targets(endpoint, credentials_by_account, list(regions), extras, only)

    def listing(target):
        extra = extra_params.get(target.kind.id)
        count, responses = target.read(None, extra)
        if page_size is None:
            return count, responses, count
        paged_count, responses = target.read(page_size, extra)
        return count, responses, paged_count

    def listed(target):
        try:
            return Listing(*listing(target))
        except ClientError as error:
            return Listing(None, None, None, error=error.response["Error"].get("Code") or str(error))

    with ThreadPoolExecutor(max_workers=8) as pool:
        found = dict(zip([t.key for t in work], pool.map(listed, work)))
    return found


def expected_counts(endpoint: str, credentials_by_account: dict, regions, extras: str | None = None,
                    extra_params: dict | None = None) -> dict:
    """{(account, region or "global", kind id): rows}, listed once with boto3 at the servers' default page
    sizes (None where a server answered an error)."""
    return {key: listing.count for key, listing in survey(endpoint, credentials_by_account, regions, extras, None,
                                                          extra_params).items()}


# --- Cost Explorer -------------------------------------------------------------------------------------------

COST_METRICS = ("UnblendedCost", "AmortizedCost", "NetUnblendedCost")
# (service, record type, amount in the month before, amount in the month): what an account's bill looks like
# grouped by SERVICE and RECORD_TYPE. Amounts carry CE's many decimals; credits and refunds are negative;
# "Amazon Registrar" is a service no summary row maps; "Tax" is the service CE names tax lines with.
BILL = (
    ("Amazon Elastic Compute Cloud - Compute", "Usage", "1843.2291034471", "1921.0037719902"),
    ("EC2 - Other", "Usage", "212.4410932185", "230.1187342219"),
    ("Amazon Relational Database Service", "Usage", "958.8043211775", "1004.5519876601"),
    ("Amazon Simple Storage Service", "Usage", "77.0308814402", "81.9921550013"),
    ("AWS Lambda", "Usage", "3.1048299981", "2.8871230044"),
    ("Amazon CloudFront", "Usage", "45.6621003317", "49.0012388120"),
    ("Amazon Registrar", "Usage", "0", "13.0000000000"),
    ("Amazon Elastic Compute Cloud - Compute", "Credit", "-100.0000000000", "-150.0000000000"),
    ("Amazon Simple Storage Service", "Refund", "0", "-7.2500000000"),
    ("Tax", "Tax", "314.0271828182", "330.5771208815"),
)
# Amortized spreads upfront reservation fees over the months; net unblended takes discounts off. Both change
# usage only (not tax, credits or refunds), so a report reading the wrong metric shows it.
USAGE_FACTOR = {"UnblendedCost": Decimal(1), "AmortizedCost": Decimal("0.97"), "NetUnblendedCost": Decimal("0.95")}


def month_range(month: str) -> tuple[str, str, str]:
    """(the month before as YYYY-MM, its first day, the first day after `month`): GetCostAndUsage's End is
    exclusive, so December's is 1 January of the next year."""
    year, number = map(int, month.split("-"))
    before = datetime.date(year, number, 1) - datetime.timedelta(days=1)
    after = datetime.date(year, number, calendar.monthrange(year, number)[1]) + datetime.timedelta(days=1)
    return f"{before:%Y-%m}", f"{before:%Y-%m}-01", after.isoformat()


def cost_amount(amount: str, record_type: str, metric: str, account: str) -> Decimal:
    """The second account's bill is a fifth of the main one's, so per-account totals differ."""
    scale = Decimal(1) if account == MAIN_ACCOUNT else Decimal("0.2")
    factor = USAGE_FACTOR[metric] if record_type == "Usage" else Decimal(1)
    return (Decimal(amount) * factor * scale).quantize(Decimal("0.0000000001"))


def queue_cost(endpoint: str, account_id: str, month: str) -> dict:
    """Queues, for `account_id`, the two pages GetCostAndUsage answers for `month` and the month before
    (MONTHLY, grouped by SERVICE and RECORD_TYPE, the three cost metrics): page one has the month before and
    the first groups of the month, with a NextPageToken; page two the month's other groups. moto hands the
    next queued page to each request body it has not seen and keeps it for that body: a client's first request
    (no token) gets page one, its request with the token page two, and the same requests later get the same
    pages. Another client's bodies (different bytes) would take pages of their own: queue again for them.

    Returns the expected amounts per (service, record type), per metric and month, the totals (Python
    Decimal, as decimal strings) and the request's period."""
    previous, start, end = month_range(month)
    periods = {previous: (start, f"{month}-01"), month: (f"{month}-01", end)}

    def group(service, record_type, amount):
        return {"Keys": [service, record_type], "Metrics": {
            metric: {"Amount": str(cost_amount(amount, record_type, metric, account_id)), "Unit": "USD"} for metric in COST_METRICS}}

    def result(when, groups):
        return {"TimePeriod": {"Start": periods[when][0], "End": periods[when][1]}, "Total": {},
                "Groups": groups, "Estimated": when == month}

    before = [group(s, r, a) for s, r, a, _ in BILL if Decimal(a) != 0]
    now = [group(s, r, a) for s, r, _, a in BILL if Decimal(a) != 0]
    split = len(now) // 2
    definitions = [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "RECORD_TYPE"}]
    answer = [
        {"GroupDefinitions": definitions, "ResultsByTime": [result(previous, before), result(month, now[:split])],
         "DimensionValueAttributes": [], "NextPageToken": f"{account_id}-{month}-page-2"},
        {"GroupDefinitions": definitions, "ResultsByTime": [result(month, now[split:])], "DimensionValueAttributes": []},
    ]
    request = urllib.request.Request(endpoint + "/moto-api/static/ce/cost-and-usage-results", method="POST",
                                     data=json.dumps({"account_id": account_id, "results": answer}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30):
        pass

    amounts = {(s, r): {m: {previous: cost_amount(b, r, m, account_id), month: cost_amount(a, r, m, account_id)}
                        for m in COST_METRICS} for s, r, b, a in BILL}
    return {
        "account": account_id, "months": [previous, month], "start": start, "end": end, "pages": len(answer),
        "estimated": {previous: False, month: True},
        "rows": [{"service": s, "record_type": r,
                  "amounts": {m: {when: f"{v:f}" for when, v in by_month.items()} for m, by_month in metrics.items()}}
                 for (s, r), metrics in amounts.items()],
        "totals": {m: {when: f"{sum(metrics[m][when] for metrics in amounts.values()):f}" for when in (previous, month)}
                   for m in COST_METRICS},
    }


# --- the extras fake (scripts/fakes/aws_extras_fake.py) ------------------------------------------------------

def month_bounds(month: str) -> tuple[datetime.datetime, datetime.datetime]:
    """The month's first instant and the next month's, UTC."""
    start = datetime.datetime.fromisoformat(f"{month}-01T00:00:00+00:00")
    return start, datetime.datetime.fromisoformat(f"{month_range(month)[2]}T00:00:00+00:00")


def run_params(month: str) -> dict:
    """What an inventory of `month` adds to list calls, per kind: Backup jobs of the month (the fake's bounds
    are exclusive, as AWS's)."""
    start, end = month_bounds(month)
    return {"backup-jobs": {"ByCreatedAfter": start, "ByCreatedBefore": end}}


def seed_extras(extras: str, accounts, regions, month: str) -> int:
    """Backup jobs of the report month in every (account, region): two completed and one failed, and one the
    day before the month (which a month's listing leaves out). The fake's generated jobs are from 2025; its
    other lists stay as generated (5 of each; 2,005 CodeCommit repositories, pages of 1,000). Returns the
    jobs made per (account, region)."""
    start, _ = month_bounds(month)
    when = [start + datetime.timedelta(days=day, hours=2) for day in (2, 9, 20)] + [start - datetime.timedelta(days=1)]

    def job(account, region, i, created):
        vault = f"arn:aws:backup:{region}:{account}:backup-vault:Default"
        return {"AccountId": account, "BackupJobId": f"{PREFIX}-job-{account}-{region}-{i}", "BackupVaultName": "Default",
                "BackupVaultArn": vault, "ResourceArn": f"arn:aws:dynamodb:{region}:{account}:table/{PREFIX}-table-{i % 2}",
                "ResourceType": "DynamoDB", "ResourceName": f"{PREFIX}-table-{i % 2}",
                "CreationDate": created.isoformat(), "CompletionDate": (created + datetime.timedelta(minutes=5)).isoformat(),
                "State": "FAILED" if i == 1 else "COMPLETED", "BackupSizeInBytes": 0 if i == 1 else 4096 * (i + 1)}

    document = {"backup": {account: {region: {"ListBackupJobs": [job(account, region, i, created) for i, created in enumerate(when)]}
                                     for region in regions} for account in accounts}}
    request = urllib.request.Request(extras + "/_extras/resources?mode=merge", data=json.dumps(document).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30):
        pass
    return len(when)


# --- command line --------------------------------------------------------------------------------------------

def last_full_month(today: datetime.date) -> str:
    return f"{today.replace(day=1) - datetime.timedelta(days=1):%Y-%m}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("seed", help="make the estate, queue the cost, print what to expect")
    command.add_argument("--endpoint", required=True, help="moto_server URL, signature checking on")
    command.add_argument("--key", required=True, help="access key of a user allowed everything")
    command.add_argument("--secret", required=True)
    command.add_argument("--extras", help="URL of scripts/fakes/aws_extras_fake.py, when the run routes its services there")
    command.add_argument("--region", action="append", help="repeatable; default ap-northeast-2 and us-east-1")
    command.add_argument("--second-account", default="111111111111")
    command.add_argument("--month", default=last_full_month(datetime.date.today()), help="YYYY-MM of the cost")
    command.add_argument("--page-size", type=int, default=PAGE_SIZE, help="the --page-size the pages are counted at")
    args = parser.parse_args(argv)

    timings = {}
    started = time.monotonic()
    regions = tuple(args.region or ("ap-northeast-2", "us-east-1"))
    made = seed(args.endpoint, args.key, args.secret, regions, args.second_account)
    timings["seed"] = round(time.monotonic() - started, 1)
    cost = {account: queue_cost(args.endpoint, account, args.month) for account in made["accounts"]}
    if args.extras:
        made["extras_backup_jobs"] = seed_extras(args.extras, made["accounts"], regions, args.month)
    started = time.monotonic()
    credentials = {account: details["credentials"] for account, details in made["accounts"].items()}
    found = survey(args.endpoint, credentials, regions, args.extras, args.page_size, run_params(args.month))
    timings["survey"] = round(time.monotonic() - started, 1)
    json.dump({
        "made": made, "month": args.month, "page_size": args.page_size, "cost": cost, "seconds": timings,
        "kinds": [{"account": account, "region": where, "kind": kind, "count": listing.count, "pages": listing.pages,
                   "paged_count": listing.paged_count, "error": listing.error}
                  for (account, where, kind), listing in found.items()],
    }, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
