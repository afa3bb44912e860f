#!/usr/bin/env python3
"""The AWS list operations an inventory needs that moto 5.2.1 lacks, and its other calls to those services.

    aws_extras_fake.py --port 0 --port-file FILE --key AKID=SECRET@123456789012 [--key …] [--trust-sts URL]

Point each client at it with AWS_ENDPOINT_URL_<SERVICE>=http://127.0.0.1:PORT. A request is routed by the
service named in its SigV4 credential scope, then by X-Amz-Target (JSON protocols) or by method and path
(REST-JSON), its signature is recomputed with the configured secret, and it is answered from resources seeded
per (account, region): the account is the access key's, the region the credential scope's. A client sends a
whole service to one endpoint, so the fake also plays the other operations an inventory calls on Direct Connect,
Backup and Network Firewall, moto's included. The operations, their wire shapes and the control routes under
/_extras/ are described in README.md.

Needs botocore (installed with boto3 and moto): its SigV4Auth recomputes signatures, and the service models
check the items given to POST /_extras/resources.
"""

import argparse
import base64
import hashlib
import hmac
import json
import re
import secrets
import sys
import threading
import time
import uuid
from collections import deque
from datetime import datetime, timezone
from urllib.parse import quote, unquote, unquote_to_bytes
from urllib.request import urlopen

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.compat import HTTPHeaders
from botocore.credentials import Credentials

import httpkit

CONTROL_PREFIX = "/_extras/"
# The list operations take a few small parameters; RAM's ARN lists are the largest input.
API_MAX_BODY = 1 << 20
# A resources document for many accounts and regions can be large.
CONTROL_MAX_BODY = 32 << 20
LOG_LIMIT = 10_000
MAX_FAULTS = 1000
MAX_DENIES = 1000
MAX_ITEMS_PER_LIST = 100_000
MAX_QUERY_FIELDS = 100
# SigV4: a request dated more than 15 minutes from the server's clock is refused.
MAX_SKEW_SECONDS = 15 * 60
# Seeded times: 2025-01-01T00:00:00Z onwards, so listings are the same on every run.
BASE_TIME = 1_735_689_600
ACCOUNT = re.compile(r"[0-9]{12}")
REGION = re.compile(r"[a-z]{2}(-[a-z0-9]+){1,3}-[0-9]{1,2}")
AMZ_DATE = re.compile(r"[0-9]{8}T[0-9]{6}Z")
HEADER_NAME = re.compile(r"[a-z0-9!#$%&'*+.^_`|~-]{1,128}")
ERROR_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.]{0,127}")

SIGNATURE_MISMATCH = ("The request signature we calculated does not match the signature you provided. Check your "
                      "AWS Secret Access Key and signing method. Consult the service documentation for details.")


class ApiError(Exception):
    """An error answered in the protocol's shape. `modelled` errors use the service's message member name."""

    def __init__(self, status, code, message, modelled=True, headers=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.modelled = modelled
        self.headers = headers or {}


class ControlError(ValueError):
    pass


# --- the services and operations, as the botocore models describe them ------------------------------------


class Param:
    """One input member: `member` is the model's name, `wire` its querystring name when located there."""

    def __init__(self, member, kind, wire=None, minimum=None, maximum=None, min_length=None, max_length=None,
                 pattern=None, enum=None, error=None, wildcard=None):
        self.member, self.kind, self.wire = member, kind, wire
        self.minimum, self.maximum = minimum, maximum
        self.min_length, self.max_length = min_length, max_length
        self.pattern = re.compile(pattern) if pattern else None
        self.enum, self.error, self.wildcard = enum, error, wildcard

    @property
    def in_query(self):
        return self.wire is not None


class Operation:
    def __init__(self, name, *, result_key=None, input_token=None, output_token=None, limit_key=None, params=(),
                 http=None, page_default=None, page_max=None, clamp=False, token_error=None, validation_error,
                 filter=None, generate=None, default_count=5, required=(), missing_error=None, item_shape=None,
                 project=None, answer=None):
        self.name, self.result_key = name, result_key
        self.input_token, self.output_token, self.limit_key = input_token, output_token, limit_key
        self.params = {param.member: param for param in params}
        # JSON protocols: X-Amz-Target, set by the service; REST-JSON: (method, path).
        self.target, self.http = None, http
        # page_default None: everything in one page unless the client asks for fewer.
        self.page_default, self.page_max, self.clamp = page_default, page_max, clamp
        self.token_error, self.validation_error = token_error, validation_error
        self.filter = filter or (lambda items, params, context: items)
        # generate(account, region, count) → the seeded items; default_count None: generate(account, region).
        self.generate = generate
        self.default_count = default_count
        self.required, self.missing_error = required, missing_error
        # The model shape the stored items (seeded or given to /_extras/resources) have, when it is not the
        # result list's member (ListFirewalls stores DescribeFirewall's Firewall); `project(item, context)`
        # turns a stored item into the listed one.
        self.item_shape, self.project = item_shape, project
        # Not a listing: `answer(state, params, context)` gives the whole document (DescribeFirewall).
        self.answer = answer


class Service:
    def __init__(self, name, *, protocol, operations, json_version=None, target_prefix=None, message_key="message",
                 extra_error_members=False, denied_status, internal, unavailable):
        self.name, self.protocol = name, protocol
        self.json_version, self.target_prefix = json_version, target_prefix
        self.message_key = message_key
        # Backup's modelled errors carry Code and Message members.
        self.extra_error_members = extra_error_members
        self.denied_status = denied_status
        # (code) answered for a 500 / 503 fault without a code.
        self.internal, self.unavailable = internal, unavailable
        self.operations = {operation.name: operation for operation in operations}
        for operation in operations:
            operation.service = self
            if protocol == "json":
                operation.target = f"{target_prefix}.{operation.name}"

    def content_type(self):
        return f"application/x-amz-json-{self.json_version}" if self.protocol == "json" else "application/json"

    def resolve(self, method, path, headers):
        """The operation a request names, or UnknownOperationException."""
        if self.protocol == "json":
            target = headers.get("X-Amz-Target") or ""
            operation = next((each for each in self.operations.values() if each.target == target), None)
            if method != "POST" or path != "/" or operation is None:
                raise ApiError(400, "UnknownOperationException", "the fake does not play this operation of "
                               f"{self.name}: {method} {clip(path)} X-Amz-Target {clip(target)!r}",
                               modelled=False)
            return operation
        for operation in self.operations.values():
            want_method, want_path = operation.http
            if method == want_method and path.rstrip("/") == want_path.rstrip("/"):
                return operation
        raise ApiError(404, "UnknownOperationException",
                       f"the fake does not play this operation of {self.name}: {method} {clip(path)}",
                       modelled=False)


def clip(text, limit=200):
    return text if len(text) <= limit else text[:limit] + "…"


def arn_account(arn):
    parts = arn.split(":", 5) if isinstance(arn, str) else []
    return parts[4] if len(parts) == 6 and parts[0] == "arn" else None


def _hex(*parts, length=8):
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:length]


def _uuid(*parts):
    digest = hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"


def _other_account(account):
    """A second, stable account id for resources shared with `account`."""
    return f"{(int(account) * 7 + 123_456_789) % 1_000_000_000_000:012d}"


# Seeded resources: `generate(account, region, count)` gives items in the operation's output shape.

def seed_virtual_interfaces(account, region, count):
    items = []
    for i in range(count):
        connection = f"dxcon-{_hex(account, region, 'connection', i % 2)}"
        items.append({
            "ownerAccount": account, "virtualInterfaceId": f"dxvif-{_hex(account, region, 'vif', i)}",
            "location": "EqDC2", "connectionId": connection,
            "virtualInterfaceType": "private" if i % 2 == 0 else "transit",
            "virtualInterfaceName": f"vif-{region}-{i + 1:02d}", "vlan": 101 + i, "asn": 65001 + i,
            "asnLong": 65001 + i, "amazonSideAsn": 64512, "amazonAddress": f"169.254.{i}.1/30",
            "customerAddress": f"169.254.{i}.2/30", "addressFamily": "ipv4", "virtualInterfaceState": "available",
            "mtu": 1500, "jumboFrameCapable": False,
            "directConnectGatewayId": _uuid(account, "dxgw", 0), "bgpPeers": [], "region": region,
            "awsDeviceV2": f"EqDC2-{_hex(region, 'device', length=6)}", "siteLinkEnabled": False,
            "tags": [{"key": "Name", "value": f"vif-{region}-{i + 1:02d}"}],
        })
    return items


def seed_gateways(account, region, count):
    # Direct Connect gateways are global: the same ones are listed in every region.
    return [{"directConnectGatewayId": _uuid(account, "dxgw", i), "directConnectGatewayName": f"dxgw-{i + 1:02d}",
             "amazonSideAsn": 64512 + i, "ownerAccount": account, "directConnectGatewayState": "available",
             "tags": [{"key": "Name", "value": f"dxgw-{i + 1:02d}"}]}
            for i in range(count)]


def seed_shared_resources(account, region, count):
    # Owned by the caller (resourceOwner SELF) for the first `count`, then three shared by another account.
    other = _other_account(account)
    items = []
    for i in range(count + 3):
        owner = account if i < count else other
        kind = ("subnet", "ec2:Subnet") if i % 2 == 0 else ("transit-gateway", "ec2:TransitGateway")
        share = f"arn:aws:ram:{region}:{owner}:resource-share/{_uuid(owner, region, 'share', i // 3)}"
        items.append({
            "arn": f"arn:aws:ec2:{region}:{owner}:{kind[0]}/{kind[0][:3]}-{_hex(owner, region, 'ram', i, length=17)}",
            "type": kind[1], "resourceShareArn": share, "status": "AVAILABLE",
            "creationTime": BASE_TIME + i * 3600, "lastUpdatedTime": BASE_TIME + i * 3600 + 60,
            "resourceRegionScope": "REGIONAL",
        })
    return items


def seed_codecommit_repositories(account, region, count):
    return [{"repositoryName": f"repo-{region}-{i + 1:04d}", "repositoryId": _uuid(account, region, "codecommit", i)}
            for i in range(count)]


def seed_domains(account, region, count):
    return [{"name": f"domain-{region}-{i + 1:02d}", "owner": account,
             "arn": f"arn:aws:codeartifact:{region}:{account}:domain/domain-{region}-{i + 1:02d}",
             "status": "Active", "createdTime": BASE_TIME + i * 86400,
             "encryptionKey": f"arn:aws:kms:{region}:{account}:key/{_uuid(account, region, 'kms')}"}
            for i in range(count)]


def seed_artifact_repositories(account, region, count):
    domain = f"domain-{region}-01"
    items = []
    for i in range(count):
        name = f"{'npm' if i % 2 == 0 else 'pypi'}-{region}-{i + 1:02d}"
        items.append({"name": name, "administratorAccount": account, "domainName": domain, "domainOwner": account,
                      "arn": f"arn:aws:codeartifact:{region}:{account}:repository/{domain}/{name}",
                      "description": f"{name.split('-')[0]} packages", "createdTime": BASE_TIME + i * 86400})
    return items


# Backup: vaults, plans, jobs and protected resources are built together, so that each refers to the others:
# a job's vault is a seeded vault and its plan a seeded plan, a vault counts the recovery points of its
# completed jobs, a plan's last run is its latest job, a protected resource's last backup its latest completed
# job. Nine jobs, five days apart: one in December 2024, seven in January 2025, one in February 2025.
BACKUP_VAULTS, BACKUP_PLANS, BACKUP_JOBS, BACKUP_TABLES = 5, 5, 9, 5
DAY = 86_400


def _vault_name(region, i):
    return "Default" if i == 0 else f"vault-{region}-{i + 1:02d}"


def _vault_arn(account, region, name):
    return f"arn:aws:backup:{region}:{account}:backup-vault:{name}"


def _plan_id(account, region, i):
    return _uuid(account, region, "plan", i)


def _plan_version(account, region, i):
    return base64.b64encode(hashlib.sha256(f"{account}/{region}/plan-version/{i}".encode()).digest()).decode()[:48]


def backup_world(account, region):
    """{"vaults", "plans", "jobs", "protected"}: the seeded Backup lists of one (account, region)."""
    key = f"arn:aws:kms:{region}:{account}:key/{_uuid(account, region, 'backup-kms')}"
    role = f"arn:aws:iam::{account}:role/service-role/AWSBackupDefaultServiceRole"
    jobs = []
    for i in range(BACKUP_JOBS):
        table, vault, plan = i % BACKUP_TABLES, _vault_name(region, i % 3), i % 2
        created = BASE_TIME + 7200 + (i - 1) * 5 * DAY
        completed = i % 4 != 3
        job = {
            "AccountId": account, "BackupJobId": _uuid(account, region, "backup-job", i),
            "BackupVaultName": vault, "BackupVaultArn": _vault_arn(account, region, vault), "VaultType": "BACKUP_VAULT",
            "ResourceArn": f"arn:aws:dynamodb:{region}:{account}:table/table-{table + 1:02d}",
            "CreationDate": created, "CompletionDate": created + 300,
            "State": "COMPLETED" if completed else "FAILED",
            "StatusMessage": "" if completed else "Access denied to the table",
            "PercentDone": "100.0" if completed else "0.0", "BackupSizeInBytes": 1024 * (i + 1) if completed else 0,
            "IamRoleArn": role,
            "CreatedBy": {"BackupPlanId": _plan_id(account, region, plan),
                          "BackupPlanArn": f"arn:aws:backup:{region}:{account}:backup-plan:"
                                           f"{_plan_id(account, region, plan)}",
                          "BackupPlanName": f"plan-{region}-{plan + 1:02d}",
                          "BackupPlanVersion": _plan_version(account, region, plan),
                          "BackupRuleId": _uuid(account, region, "rule", plan), "BackupRuleName": "daily"},
            "ResourceType": "DynamoDB", "BytesTransferred": 1024 * (i + 1) if completed else 0, "BackupType": "",
            "IsParent": False, "ResourceName": f"table-{table + 1:02d}", "InitiationDate": created,
            "MessageCategory": "SUCCESS" if completed else "AccessDenied",
        }
        if completed:
            job["RecoveryPointArn"] = (f"arn:aws:dynamodb:{region}:{account}:table/table-{table + 1:02d}/backup/"
                                       f"{created}000-{_hex(account, region, 'rp', i)}")
        jobs.append(job)
    done = [job for job in jobs if job["State"] == "COMPLETED"]

    vaults = []
    for i in range(BACKUP_VAULTS):
        name = _vault_name(region, i)
        air_gapped = i == BACKUP_VAULTS - 1
        vault = {"BackupVaultName": name, "BackupVaultArn": _vault_arn(account, region, name),
                 "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT" if air_gapped else "BACKUP_VAULT",
                 "VaultState": "AVAILABLE", "CreationDate": BASE_TIME - (200 - 10 * i) * DAY,
                 "NumberOfRecoveryPoints": sum(job["BackupVaultName"] == name for job in done),
                 "Locked": i == 2 or air_gapped,
                 "EncryptionKeyType": "AWS_OWNED_KMS_KEY" if air_gapped else "CUSTOMER_MANAGED_KMS_KEY"}
        if not air_gapped:
            vault["EncryptionKeyArn"] = key
        if vault["Locked"]:
            vault.update(MinRetentionDays=7, MaxRetentionDays=365, LockDate=BASE_TIME - (150 - 10 * i) * DAY)
        vaults.append(vault)

    plans = []
    for i in range(BACKUP_PLANS + 1):  # the last one deleted: listed only with includeDeleted=true
        plan = {"BackupPlanArn": f"arn:aws:backup:{region}:{account}:backup-plan:{_plan_id(account, region, i)}",
                "BackupPlanId": _plan_id(account, region, i), "CreationDate": BASE_TIME - (100 - 10 * i) * DAY,
                "VersionId": _plan_version(account, region, i), "BackupPlanName": f"plan-{region}-{i + 1:02d}",
                "AdvancedBackupSettings": []}
        runs = [job["CreationDate"] for job in jobs if job["CreatedBy"]["BackupPlanId"] == plan["BackupPlanId"]]
        if runs:
            plan["LastExecutionDate"] = max(runs)
        if i == BACKUP_PLANS:
            plan["DeletionDate"] = BASE_TIME - 20 * DAY
        plans.append(plan)

    protected = []
    for table in range(BACKUP_TABLES):
        arn = f"arn:aws:dynamodb:{region}:{account}:table/table-{table + 1:02d}"
        latest = max((job for job in done if job["ResourceArn"] == arn), key=lambda job: job["CreationDate"],
                     default=None)
        if latest is not None:
            protected.append({"ResourceArn": arn, "ResourceType": "DynamoDB", "ResourceName": latest["ResourceName"],
                              "LastBackupTime": latest["CompletionDate"],
                              "LastBackupVaultArn": latest["BackupVaultArn"],
                              "LastRecoveryPointArn": latest["RecoveryPointArn"]})
    return {"vaults": vaults, "plans": plans, "jobs": jobs, "protected": protected}


def seed_backup_vaults(account, region):
    return backup_world(account, region)["vaults"]


def seed_backup_plans(account, region):
    return backup_world(account, region)["plans"]


def seed_backup_jobs(account, region):
    return backup_world(account, region)["jobs"]


def seed_protected_resources(account, region):
    return backup_world(account, region)["protected"]


FIREWALL_POLICIES = 5


def _firewall_policy_arn(account, region, i):
    return f"arn:aws:network-firewall:{region}:{account}:firewall-policy/policy-{region}-{i + 1:02d}"


def seed_firewall_policies(account, region):
    return [{"Name": f"policy-{region}-{i + 1:02d}", "Arn": _firewall_policy_arn(account, region, i)}
            for i in range(FIREWALL_POLICIES)]


def seed_firewalls(account, region, count):
    # Stored in DescribeFirewall's Firewall shape; ListFirewalls lists their names and ARNs. Two VPCs, two
    # subnets each, policies 1-3 of the seeded ones.
    items = []
    for i in range(count):
        name = f"fw-{region}-{i + 1:02d}"
        items.append({
            "FirewallName": name, "FirewallArn": f"arn:aws:network-firewall:{region}:{account}:firewall/{name}",
            "FirewallPolicyArn": _firewall_policy_arn(account, region, i % 3),
            "VpcId": f"vpc-{_hex(account, region, 'vpc', i % 2, length=17)}",
            "SubnetMappings": [{"SubnetId": f"subnet-{_hex(account, region, 'firewall-subnet', i, zone, length=17)}",
                                "IPAddressType": "IPV4"} for zone in range(2)],
            "DeleteProtection": i % 2 == 0, "SubnetChangeProtection": False, "FirewallPolicyChangeProtection": False,
            "Description": f"firewall {i + 1} of {region}", "FirewallId": _uuid(account, region, "firewall", i),
            "Tags": [{"Key": "Name", "Value": name}], "EncryptionConfiguration": {"Type": "AWS_OWNED_KMS_KEY"},
            "NumberOfAssociations": 0,
        })
    return items


def seed_connections(account, region, count):
    # The first two are the connections the seeded virtual interfaces use; from the fourth on, hosted
    # connections (a partner's, with a VLAN).
    states = ("available", "available", "down", "available", "ordering")
    items = []
    for i in range(count):
        hosted = i >= 3
        name = f"dxcon-{region}-{i + 1:02d}"
        item = {
            "ownerAccount": account, "connectionId": f"dxcon-{_hex(account, region, 'connection', i)}",
            "connectionName": name, "connectionState": states[i % len(states)], "region": region,
            "location": "EqDC2", "bandwidth": "500Mbps" if hosted else "10Gbps",
            "awsDevice": f"EqDC2-{_hex(region, 'device', length=6)}",
            "awsDeviceV2": f"EqDC2-{_hex(region, 'device', length=6)}",
            "awsLogicalDeviceId": f"EqDC2-{_hex(region, 'logical-device', i, length=6)}",
            "jumboFrameCapable": not hosted, "hasLogicalRedundancy": "no", "macSecCapable": False,
            "tags": [{"key": "Name", "value": name}],
        }
        if hosted:
            item.update(vlan=201 + i, partnerName="Example Networks", providerName="Example Networks")
        else:
            item["loaIssueTime"] = BASE_TIME - (30 - i) * DAY
        items.append(item)
    return items


# Filters: `filter(items, params, context)` with params keyed by the model's member names.

def filter_virtual_interfaces(items, params, context):
    for member in ("connectionId", "virtualInterfaceId"):
        if member in params:
            items = [item for item in items if item.get(member) == params[member]]
    return items


def filter_gateways(items, params, context):
    if "directConnectGatewayId" in params:
        items = [item for item in items if item.get("directConnectGatewayId") == params["directConnectGatewayId"]]
    return items


def filter_shared_resources(items, params, context):
    # Who owns a resource is read from its ARN: the caller's account → SELF, any other → OTHER-ACCOUNTS.
    mine = params["resourceOwner"] == "SELF"
    items = [item for item in items if (arn_account(item.get("arn")) == context["account"]) == mine]
    if "resourceType" in params:
        wanted = params["resourceType"].lower()
        items = [item for item in items if str(item.get("type", "")).lower() == wanted]
    if "resourceArns" in params:
        wanted = set(params["resourceArns"])
        items = [item for item in items if item.get("arn") in wanted]
    if "resourceShareArns" in params:
        wanted = set(params["resourceShareArns"])
        items = [item for item in items if item.get("resourceShareArn") in wanted]
    scope = params.get("resourceRegionScope", "ALL")
    if scope != "ALL":
        items = [item for item in items if item.get("resourceRegionScope", "REGIONAL") == scope]
    return items


def filter_codecommit_repositories(items, params, context):
    # Items carry no modification date: lastModifiedDate is the seeded order (oldest first).
    if params.get("sortBy") == "repositoryName":
        items = sorted(items, key=lambda item: str(item.get("repositoryName", "")))
    if params.get("order") == "descending":
        items = list(reversed(items))
    return items


def filter_artifact_repositories(items, params, context):
    if "repositoryPrefix" in params:
        items = [item for item in items if str(item.get("name", "")).startswith(params["repositoryPrefix"])]
    return items


def filter_connections(items, params, context):
    if "connectionId" in params:
        items = [item for item in items if item.get("connectionId") == params["connectionId"]]
    return items


def filter_firewalls(items, params, context):
    if params.get("VpcIds"):  # "Leave this blank to retrieve all firewalls"
        wanted = set(params["VpcIds"])
        items = [item for item in items if item.get("VpcId") in wanted]
    return items


def list_firewall(item, context):
    """A stored Firewall as ListFirewalls lists it (FirewallMetadata)."""
    return {name: item[name] for name in ("FirewallName", "FirewallArn") if name in item}


def firewall_status(firewall, region):
    """DescribeFirewall's FirewallStatus for a stored firewall: ready and in sync, an endpoint per subnet. A
    subnet mapping names no zone: the n-th is put in the region's n-th zone (a, b, c…)."""
    policy = firewall.get("FirewallPolicyArn")
    config = {policy.rsplit("/", 1)[-1]: {"SyncStatus": "IN_SYNC", "UpdateToken": _uuid(policy, "update")}} \
        if policy else {}
    states = {}
    for n, mapping in enumerate(firewall.get("SubnetMappings", [])):
        zone = f"{region}{chr(ord('a') + n % 26)}"
        states[zone] = {"Attachment": {"SubnetId": mapping.get("SubnetId"), "Status": "READY",
                                       "EndpointId": f"vpce-{_hex(firewall.get('FirewallArn'), n, length=17)}"},
                        "Config": config}
    return {"Status": "READY", "ConfigurationSyncStateSummary": "IN_SYNC", "SyncStates": states}


def describe_firewall(state, params, context):
    """The firewall named by FirewallArn or FirewallName (or both: both must match), from ListFirewalls' items."""
    if "FirewallArn" not in params and "FirewallName" not in params:
        raise ApiError(400, "InvalidRequestException", "You must specify the ARN or the name, and you can specify "
                                                       "both.")
    listing = SERVICES["network-firewall"].operations["ListFirewalls"]
    for firewall in state.items(listing, context["account"], context["region"]):
        if all(firewall.get(member) == params[member] for member in ("FirewallArn", "FirewallName")
               if member in params):
            return {"UpdateToken": _uuid(firewall.get("FirewallArn"), firewall.get("FirewallId"), "update"),
                    "Firewall": firewall, "FirewallStatus": firewall_status(firewall, context["region"])}
    named = params.get("FirewallArn") or params.get("FirewallName")
    raise ApiError(400, "ResourceNotFoundException", f"Unable to locate a resource using the parameters that you "
                                                     f"provided: {clip(named, 256)}")


def filter_backup_vaults(items, params, context):
    if "ByVaultType" in params:
        items = [item for item in items if item.get("VaultType", "BACKUP_VAULT") == params["ByVaultType"]]
    if params.get("ByShared"):
        # A vault is shared with the caller when its ARN names another account.
        items = [item for item in items if arn_account(item.get("BackupVaultArn")) not in (None, context["account"])]
    return items


def filter_backup_plans(items, params, context):
    if not params.get("IncludeDeleted"):
        items = [item for item in items if item.get("DeletionDate") is None]
    return items


def filter_backup_jobs(items, params, context):
    exact = {"ByResourceArn": "ResourceArn", "ByState": "State", "ByBackupVaultName": "BackupVaultName",
             "ByResourceType": "ResourceType", "ByParentJobId": "ParentJobId"}
    for member, field in exact.items():
        if member in params:
            items = [item for item in items if item.get(field) == params[member]]
    if params.get("ByAccountId", "*") != "*":
        items = [item for item in items if item.get("AccountId") == params["ByAccountId"]]
    if params.get("ByMessageCategory", "AGGREGATE_ALL") != "AGGREGATE_ALL":
        items = [item for item in items if item.get("MessageCategory") == params["ByMessageCategory"]]
    ranges = {"ByCreatedAfter": ("CreationDate", 1), "ByCreatedBefore": ("CreationDate", -1),
              "ByCompleteAfter": ("CompletionDate", 1), "ByCompleteBefore": ("CompletionDate", -1)}
    for member, (field, direction) in ranges.items():
        if member in params:
            bound = params[member]
            items = [item for item in items if isinstance(item.get(field), (int, float))
                     and (item[field] - bound) * direction > 0]
    return items


SERVICES = {service.name: service for service in [
    Service("directconnect", protocol="json", json_version="1.1", target_prefix="OvertureService",
            denied_status=400, internal="DirectConnectServerException", unavailable="DirectConnectServerException",
            operations=[
                # No paginator in the model either; "If MaxResults is given a value larger than 100, only 100
                # results are returned". Moto plays it but answers everything at once, whatever maxResults says.
                Operation("DescribeConnections", result_key="connections",
                          input_token="nextToken", output_token="nextToken",
                          limit_key="maxResults", page_default=None, page_max=100, clamp=True,
                          token_error="DirectConnectClientException", validation_error="DirectConnectClientException",
                          params=[Param("connectionId", "string", max_length=256),
                                  Param("maxResults", "integer", minimum=1), Param("nextToken", "string")],
                          filter=filter_connections, generate=seed_connections),
                Operation("DescribeVirtualInterfaces", result_key="virtualInterfaces",
                          input_token="nextToken", output_token="nextToken",
                          limit_key="maxResults", page_default=None, page_max=100, clamp=True,
                          token_error="DirectConnectClientException", validation_error="DirectConnectClientException",
                          params=[Param("connectionId", "string", max_length=256),
                                  Param("virtualInterfaceId", "string", max_length=256),
                                  Param("maxResults", "integer", minimum=1), Param("nextToken", "string")],
                          filter=filter_virtual_interfaces, generate=seed_virtual_interfaces),
                Operation("DescribeDirectConnectGateways", result_key="directConnectGateways",
                          input_token="nextToken", output_token="nextToken",
                          limit_key="maxResults", page_default=None, page_max=100, clamp=True,
                          token_error="DirectConnectClientException", validation_error="DirectConnectClientException",
                          params=[Param("directConnectGatewayId", "string", max_length=256),
                                  Param("maxResults", "integer", minimum=1), Param("nextToken", "string")],
                          filter=filter_gateways, generate=seed_gateways),
            ]),
    Service("ram", protocol="rest-json", denied_status=403, internal="ServerInternalException",
            unavailable="ServiceUnavailableException",
            operations=[
                Operation("ListResources", http=("POST", "/listresources"), result_key="resources",
                          input_token="nextToken", output_token="nextToken", limit_key="maxResults",
                          page_default=500, page_max=500, token_error="InvalidNextTokenException",
                          validation_error="InvalidParameterException", required=("resourceOwner",),
                          missing_error="MissingRequiredParameterException",
                          params=[Param("resourceOwner", "string", enum=("SELF", "OTHER-ACCOUNTS")),
                                  Param("principal", "string", max_length=2048),
                                  Param("resourceType", "string", max_length=256,
                                        pattern=r"[A-Za-z0-9-]+:[A-Za-z0-9-]+",
                                        error="InvalidResourceTypeException"),
                                  Param("resourceArns", "string_list", pattern=r"arn:[^:]*:[^:]*:[^:]*:[^:]*:.+",
                                        max_length=2048, error="MalformedArnException"),
                                  Param("resourceShareArns", "string_list", pattern=r"arn:[^:]*:[^:]*:[^:]*:[^:]*:.+",
                                        max_length=2048, error="MalformedArnException"),
                                  Param("nextToken", "string", error="InvalidNextTokenException"),
                                  Param("maxResults", "integer", minimum=1, maximum=500,
                                        error="InvalidMaxResultsException"),
                                  Param("resourceRegionScope", "string", enum=("ALL", "REGIONAL", "GLOBAL"))],
                          filter=filter_shared_resources, generate=seed_shared_resources),
            ]),
    Service("codecommit", protocol="json", json_version="1.1", target_prefix="CodeCommit_20150413",
            denied_status=400, internal="InternalFailure", unavailable="ServiceUnavailable",
            operations=[
                # No limit member: "Batch sizes are 1,000 for list repository operations" (the model's nextToken).
                Operation("ListRepositories", result_key="repositories",
                          input_token="nextToken", output_token="nextToken",
                          page_default=1000, page_max=1000, token_error="InvalidContinuationTokenException",
                          validation_error="InvalidContinuationTokenException",
                          params=[Param("nextToken", "string"),
                                  Param("sortBy", "string", enum=("repositoryName", "lastModifiedDate"),
                                        error="InvalidSortByException"),
                                  Param("order", "string", enum=("ascending", "descending"),
                                        error="InvalidOrderException")],
                          filter=filter_codecommit_repositories, generate=seed_codecommit_repositories,
                          default_count=2005),
            ]),
    Service("codeartifact", protocol="rest-json", denied_status=403, internal="InternalServerException",
            unavailable="InternalServerException",
            operations=[
                Operation("ListDomains", http=("POST", "/v1/domains"), result_key="domains",
                          input_token="nextToken", output_token="nextToken", limit_key="maxResults",
                          page_default=1000, page_max=1000, token_error="ValidationException",
                          validation_error="ValidationException",
                          params=[Param("maxResults", "integer", minimum=1, maximum=1000),
                                  Param("nextToken", "string", min_length=1, max_length=2000, pattern=r"\S+")],
                          generate=seed_domains),
                Operation("ListRepositories", http=("POST", "/v1/repositories"), result_key="repositories",
                          input_token="nextToken", output_token="nextToken", limit_key="maxResults",
                          page_default=1000, page_max=1000, token_error="ValidationException",
                          validation_error="ValidationException",
                          params=[Param("repositoryPrefix", "string", wire="repository-prefix", min_length=2,
                                        max_length=100, pattern=r"[A-Za-z0-9][A-Za-z0-9._\-]{1,99}"),
                                  Param("maxResults", "integer", wire="max-results", minimum=1, maximum=1000),
                                  Param("nextToken", "string", wire="next-token", min_length=1, max_length=2000,
                                        pattern=r"\S+")],
                          filter=filter_artifact_repositories, generate=seed_artifact_repositories),
            ]),
    Service("backup", protocol="rest-json", message_key="Message", extra_error_members=True, denied_status=403,
            internal="ServiceUnavailableException", unavailable="ServiceUnavailableException",
            operations=[
                Operation("ListBackupJobs", http=("GET", "/backup-jobs/"), result_key="BackupJobs",
                          input_token="NextToken", output_token="NextToken", limit_key="MaxResults",
                          page_default=1000, page_max=1000, token_error="InvalidParameterValueException",
                          validation_error="InvalidParameterValueException",
                          params=[Param("NextToken", "string", wire="nextToken"),
                                  Param("MaxResults", "integer", wire="maxResults", minimum=1, maximum=1000),
                                  Param("ByResourceArn", "string", wire="resourceArn", max_length=2048),
                                  Param("ByState", "string", wire="state",
                                        enum=("CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED",
                                              "FAILED", "EXPIRED", "PARTIAL")),
                                  Param("ByBackupVaultName", "string", wire="backupVaultName",
                                        pattern=r"[a-zA-Z0-9\-\_]{2,50}"),
                                  Param("ByCreatedBefore", "timestamp", wire="createdBefore"),
                                  Param("ByCreatedAfter", "timestamp", wire="createdAfter"),
                                  Param("ByResourceType", "string", wire="resourceType",
                                        pattern=r"[a-zA-Z0-9\-\_\.]{1,50}"),
                                  Param("ByAccountId", "string", wire="accountId", pattern=r"[0-9]{12}", wildcard="*"),
                                  Param("ByCompleteAfter", "timestamp", wire="completeAfter"),
                                  Param("ByCompleteBefore", "timestamp", wire="completeBefore"),
                                  Param("ByParentJobId", "string", wire="parentJobId", max_length=256),
                                  Param("ByMessageCategory", "string", wire="messageCategory", max_length=256)],
                          filter=filter_backup_jobs, generate=seed_backup_jobs, default_count=None),
                Operation("ListProtectedResources", http=("GET", "/resources/"), result_key="Results",
                          input_token="NextToken", output_token="NextToken", limit_key="MaxResults",
                          page_default=1000, page_max=1000, token_error="InvalidParameterValueException",
                          validation_error="InvalidParameterValueException",
                          params=[Param("NextToken", "string", wire="nextToken"),
                                  Param("MaxResults", "integer", wire="maxResults", minimum=1, maximum=1000)],
                          generate=seed_protected_resources, default_count=None),
                # Moto plays these two without paging (every item, no NextToken, whatever maxResults says), and
                # reads includeDeleted=false as true.
                Operation("ListBackupVaults", http=("GET", "/backup-vaults/"), result_key="BackupVaultList",
                          input_token="NextToken", output_token="NextToken", limit_key="MaxResults",
                          page_default=1000, page_max=1000, token_error="InvalidParameterValueException",
                          validation_error="InvalidParameterValueException",
                          params=[Param("ByVaultType", "string", wire="vaultType",
                                        enum=("BACKUP_VAULT", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
                                              "RESTORE_ACCESS_BACKUP_VAULT")),
                                  Param("ByShared", "boolean", wire="shared"),
                                  Param("NextToken", "string", wire="nextToken"),
                                  Param("MaxResults", "integer", wire="maxResults", minimum=1, maximum=1000)],
                          filter=filter_backup_vaults, generate=seed_backup_vaults, default_count=None),
                Operation("ListBackupPlans", http=("GET", "/backup/plans/"), result_key="BackupPlansList",
                          input_token="NextToken", output_token="NextToken", limit_key="MaxResults",
                          page_default=1000, page_max=1000, token_error="InvalidParameterValueException",
                          validation_error="InvalidParameterValueException",
                          params=[Param("NextToken", "string", wire="nextToken"),
                                  Param("MaxResults", "integer", wire="maxResults", minimum=1, maximum=1000),
                                  Param("IncludeDeleted", "boolean", wire="includeDeleted")],
                          filter=filter_backup_plans, generate=seed_backup_plans, default_count=None),
            ]),
    Service("network-firewall", protocol="json", json_version="1.0", target_prefix="NetworkFirewall_20201112",
            message_key="Message", denied_status=400, internal="InternalServerError", unavailable="InternalServerError",
            operations=[
                Operation("ListFirewallPolicies", result_key="FirewallPolicies",
                          input_token="NextToken", output_token="NextToken",
                          limit_key="MaxResults", page_default=100, page_max=100, token_error="InvalidRequestException",
                          validation_error="InvalidRequestException",
                          params=[Param("NextToken", "string", min_length=1, max_length=4096,
                                        pattern=r"[0-9A-Za-z:\/+=]+"),
                                  Param("MaxResults", "integer", minimum=1, maximum=100)],
                          generate=seed_firewall_policies, default_count=None),
                # Moto plays these two, but its ListFirewalls writes the token as nextToken, not the model's
                # NextToken, so a client's paging stops after the first page.
                Operation("ListFirewalls", result_key="Firewalls",
                          input_token="NextToken", output_token="NextToken",
                          limit_key="MaxResults", page_default=100, page_max=100, token_error="InvalidRequestException",
                          validation_error="InvalidRequestException",
                          params=[Param("NextToken", "string", min_length=1, max_length=4096,
                                        pattern=r"[0-9A-Za-z:\/+=]+"),
                                  Param("VpcIds", "string_list", min_length=1, max_length=128,
                                        pattern=r"vpc-[0-9a-f]+"),
                                  Param("MaxResults", "integer", minimum=1, maximum=100)],
                          filter=filter_firewalls, generate=seed_firewalls, item_shape="Firewall",
                          project=list_firewall),
                Operation("DescribeFirewall", validation_error="InvalidRequestException",
                          params=[Param("FirewallName", "string", min_length=1, max_length=128,
                                        pattern=r"[a-zA-Z0-9-]+"),
                                  Param("FirewallArn", "string", min_length=1, max_length=256, pattern=r"arn:aws.*")],
                          answer=describe_firewall),
            ]),
]}


# --- parsing and checking the input --------------------------------------------------------------------------


def parse_timestamp(raw):
    """A timestamp given as text: ISO 8601 (what the SDKs send in a query) or epoch seconds; None when neither."""
    if not isinstance(raw, str) or len(raw) > 64:
        return None
    if re.fullmatch(r"[0-9]{1,12}(\.[0-9]{1,9})?", raw):
        return float(raw)
    try:
        moment = datetime.fromisoformat(raw)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def check_param(param, value, operation):
    """Raise the operation's modelled validation error when `value` breaks the member's constraints."""
    code = param.error or operation.validation_error

    def refuse(problem):
        raise ApiError(400, code, f"1 validation error detected: Value at '{param.wire or param.member}' "
                                  f"failed to satisfy constraint: {problem}")

    values = value if param.kind == "string_list" else [value]
    if param.kind == "string_list" and len(values) > 1000:
        refuse("Member must have length less than or equal to 1000")
    for each in values:
        if param.kind == "integer":
            if param.minimum is not None and each < param.minimum:
                refuse(f"Member must have value greater than or equal to {param.minimum}")
            if param.maximum is not None and each > param.maximum:
                refuse(f"Member must have value less than or equal to {param.maximum}")
            continue
        if param.kind != "string" and param.kind != "string_list":
            continue
        if param.wildcard is not None and each == param.wildcard:
            continue
        if param.min_length is not None and len(each) < param.min_length:
            refuse(f"Member must have length greater than or equal to {param.min_length}")
        if len(each) > (param.max_length or 4096):
            refuse(f"Member must have length less than or equal to {param.max_length or 4096}")
        if param.enum is not None and each not in param.enum:
            refuse(f"Member must satisfy enum value set: [{', '.join(param.enum)}]")
        if param.pattern is not None and not param.pattern.fullmatch(each):
            refuse(f"Member must satisfy regular expression pattern: {param.pattern.pattern}")


def parse_input(operation, body, query_pairs):
    """The input members the request gives, keyed by the model's member names."""
    params = {}
    body_params = [param for param in operation.params.values() if not param.in_query]
    if operation.service.protocol == "json" or body_params:
        document = parse_json_object(body)
        for param in body_params:
            value = document.get(param.member)
            if value is None:
                continue
            ok = {"string": isinstance(value, str), "boolean": isinstance(value, bool),
                  "integer": type(value) is int and -(2 ** 63) <= value < 2 ** 63,
                  "string_list": isinstance(value, list) and all(isinstance(each, str) for each in value)}[param.kind]
            if not ok:
                raise ApiError(400, "SerializationException",
                               f"{param.member}: expected {param.kind.replace('_', ' of ')}", modelled=False)
            params[param.member] = value
    query = {}
    for name, value in query_pairs:
        query.setdefault(name, value)
    for param in operation.params.values():
        if not param.in_query or param.wire not in query:
            continue
        raw = query[param.wire]
        if param.kind == "integer":
            if not re.fullmatch(r"-?[0-9]{1,18}", raw):
                raise ApiError(400, param.error or operation.validation_error,
                               f"{param.wire}: expected an integer, got {clip(raw, 40)!r}")
            params[param.member] = int(raw)
        elif param.kind == "timestamp":
            stamp = parse_timestamp(raw)
            if stamp is None:
                raise ApiError(400, param.error or operation.validation_error,
                               f"{param.wire}: expected an ISO 8601 date-time, got {clip(raw, 40)!r}")
            params[param.member] = stamp
        elif param.kind == "boolean":
            # What the SDKs send for a boolean in a query: true or false (case is not held against a client).
            if raw.lower() not in ("true", "false"):
                raise ApiError(400, param.error or operation.validation_error,
                               f"{param.wire}: expected true or false, got {clip(raw, 40)!r}")
            params[param.member] = raw.lower() == "true"
        else:
            params[param.member] = raw
    for member in operation.required:
        if member not in params:
            raise ApiError(400, operation.missing_error or operation.validation_error,
                           f"The request is missing a required parameter: {member}")
    for member, value in params.items():
        check_param(operation.params[member], value, operation)
    return params


def parse_json_object(body):
    if not body.strip():
        return {}
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        raise ApiError(400, "SerializationException", "the request body is not valid JSON", modelled=False) from None
    if not isinstance(document, dict):
        raise ApiError(400, "SerializationException", "the request body is not a JSON object", modelled=False)
    return document


def split_query(query):
    """Query pairs, percent-decoded ('+' stays '+': SigV4 encodes a space as %20)."""
    parts = [part for part in query.split("&") if part]
    if len(parts) > MAX_QUERY_FIELDS:
        raise ApiError(400, "MalformedQueryString", f"more than {MAX_QUERY_FIELDS} query fields", modelled=False)
    pairs = []
    for part in parts:
        name, _, value = part.partition("=")
        pairs.append((unquote(name), unquote(value)))
    return pairs


# --- SigV4 -------------------------------------------------------------------------------------------------


class Authorization:
    def __init__(self, access_key_id, date, region, service, signed_headers, signature):
        self.access_key_id, self.date, self.region, self.service = access_key_id, date, region, service
        self.signed_headers, self.signature = signed_headers, signature


def parse_authorization(value):
    """The parts of an `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header."""
    if value is None:
        raise ApiError(403, "MissingAuthenticationTokenException", "Missing Authentication Token", modelled=False)
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != "AWS4-HMAC-SHA256" or len(value) > 8192:
        raise ApiError(403, "IncompleteSignatureException",
                       "Authorization header must use the AWS4-HMAC-SHA256 algorithm", modelled=False)
    fields = {}
    for part in rest.split(","):
        name, sep, field = part.strip().partition("=")
        if sep:
            fields[name] = field
    missing = [name for name in ("Credential", "SignedHeaders", "Signature") if not fields.get(name)]
    if missing:
        raise ApiError(403, "IncompleteSignatureException",
                       " ".join(f"Authorization header requires '{name}' parameter." for name in missing),
                       modelled=False)
    scope = fields["Credential"].split("/")
    if len(scope) != 5 or scope[4] != "aws4_request" or not all(scope):
        raise ApiError(403, "IncompleteSignatureException",
                       "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term",
                       modelled=False)
    return Authorization(scope[0], scope[1], scope[2], scope[3], fields["SignedHeaders"], fields["Signature"])


class _Verifier(SigV4Auth):
    """botocore's SigV4 over exactly the headers the client named in SignedHeaders, and the query as received."""

    def __init__(self, secret, service, region, signed, raw_query):
        super().__init__(Credentials("unused", secret), service, region)
        self._signed, self._raw_query = signed, raw_query

    def headers_to_sign(self, request):
        return self._signed

    def canonical_query_string(self, request):
        # SigV4: names and values percent-decoded, then encoded again (all but A-Z a-z 0-9 - _ . ~), sorted.
        # Decoded to bytes, so a value that is not UTF-8 (%FF) keeps its bytes.
        pairs = []
        for part in self._raw_query.split("&"):
            if part:
                name, _, value = part.partition("=")
                pairs.append((quote(unquote_to_bytes(name), safe="-_.~"), quote(unquote_to_bytes(value), safe="-_.~")))
        return "&".join(f"{name}={value}" for name, value in sorted(pairs))


def verify_signature(auth, secret, method, raw_path, raw_query, headers, body, now):
    """Raise InvalidSignatureException / IncompleteSignatureException unless the request is signed by `secret`."""
    def invalid(message):
        raise ApiError(403, "InvalidSignatureException", message, modelled=False)

    amz_date = headers.get("X-Amz-Date")
    if amz_date is None:
        raise ApiError(403, "IncompleteSignatureException",
                       "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
                       modelled=False)
    if not AMZ_DATE.fullmatch(amz_date):
        raise ApiError(403, "IncompleteSignatureException", "X-Amz-Date must be in the ISO8601 Long Format "
                                                            "\"yyyyMMdd'T'HHmmss'Z'\"", modelled=False)
    if auth.date != amz_date[:8]:
        invalid(f"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                f"'{clip(auth.date, 16)}' != '{amz_date[:8]}', from '{amz_date}'.")
    if not REGION.fullmatch(auth.region):
        invalid("Credential should be scoped to a valid region.")
    names = auth.signed_headers.split(";")
    if len(names) > 64 or not all(HEADER_NAME.fullmatch(name) for name in names):
        raise ApiError(403, "IncompleteSignatureException", "SignedHeaders is malformed", modelled=False)
    if "host" not in names:
        invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
    signed = HTTPHeaders()
    for name in names:
        values = headers.get_all(name)
        if not values:
            invalid(SIGNATURE_MISMATCH)
        for value in values:
            signed[name] = value
    digest = hashlib.sha256(body).hexdigest()
    declared = headers.get("X-Amz-Content-SHA256")
    if declared is not None and declared != digest:
        invalid("The provided 'x-amz-content-sha256' header does not match what was computed.")
    try:
        request = AWSRequest(method=method, url="http://fake" + raw_path, data=body)
        request.context["timestamp"] = amz_date
        verifier = _Verifier(secret, auth.service, auth.region, signed, raw_query)
        expected = verifier.signature(verifier.string_to_sign(request, verifier.canonical_request(request)), request)
    except (ValueError, TypeError, UnicodeError):
        invalid(SIGNATURE_MISMATCH)
    if not hmac.compare_digest(expected.encode(), auth.signature.encode("utf-8", "replace")):
        invalid(SIGNATURE_MISMATCH)
    try:
        stamp = datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        raise ApiError(403, "IncompleteSignatureException", "X-Amz-Date is not a valid date", modelled=False) from None
    skew = stamp - now

    def fmt(epoch):
        return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    if skew < -MAX_SKEW_SECONDS:
        invalid(f"Signature expired: {amz_date} is now earlier than {fmt(now - MAX_SKEW_SECONDS)} "
                f"({fmt(now)} - 15 min.)")
    if skew > MAX_SKEW_SECONDS:
        invalid(f"Signature not yet current: {amz_date} is still later than {fmt(now + MAX_SKEW_SECONDS)} "
                f"({fmt(now)} + 15 min.)")


# --- pagination tokens: opaque, bound to the listing they continue ------------------------------------------


class Tokens:
    def __init__(self):
        self._key = secrets.token_bytes(32)

    @staticmethod
    def fingerprint(operation, context, params):
        listing = {name: value for name, value in params.items()
                   if name not in (operation.input_token, operation.limit_key)}
        text = json.dumps([operation.service.name, operation.name, context["account"], context["region"], listing],
                          sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def issue(self, offset, fingerprint):
        body = f"{offset}.{fingerprint}"
        mac = hmac.new(self._key, body.encode(), hashlib.sha256).hexdigest()[:16]
        # Standard base64: within every model's token pattern (Network Firewall's is [0-9A-Za-z:\/+=]+).
        return base64.b64encode(f"{body}.{mac}".encode()).decode()

    def offset(self, token, fingerprint):
        """The offset a token continues from; None when the fake did not issue it for this listing."""
        if len(token) > 4096:
            return None
        try:
            text = base64.b64decode(token, validate=True).decode("ascii")
        except (ValueError, UnicodeError):
            return None
        parts = text.split(".")
        if len(parts) != 3 or not parts[0].isdigit() or len(parts[0]) > 9:
            return None
        mac = hmac.new(self._key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).hexdigest()[:16]
        if not hmac.compare_digest(mac, parts[2]) or parts[1] != fingerprint:
            return None
        return int(parts[0])


# --- state ---------------------------------------------------------------------------------------------------


class Fault:
    __slots__ = ("status", "code", "count", "service", "operation", "account", "message", "retry_after")

    def __init__(self, **fields):
        for name in self.__slots__:
            setattr(self, name, fields.get(name))


class State:
    def __init__(self, keys, trusted_sts=None):
        self.keys = keys  # access key id → (secret, account)
        self.trusted_sts = trusted_sts  # a moto_server whose issued keys are accepted, as AWS services accept STS's
        self.lock = threading.Lock()
        self.tokens = Tokens()
        self._models = {}
        self.reset()

    def credentials(self, access_key_id, session_token):
        """(secret, account) of a key given at start-up, or of temporary credentials the trusted STS issued
        (AssumeRole into any account, the session token required and checked); None for any other key."""
        key = self.keys.get(access_key_id)
        if key is not None or self.trusted_sts is None:
            return key
        try:
            with urlopen(self.trusted_sts.rstrip("/") + "/moto-api/data.json?service=sts", timeout=10) as answer:
                data = json.load(answer)
        except (OSError, ValueError):
            return None
        for role in data.get("sts", {}).get("AssumedRole", []):
            if role.get("access_key_id") == access_key_id and hmac.compare_digest(role.get("session_token") or "", session_token or ""):
                return role.get("secret_access_key"), role.get("account_id")
        return None

    def reset(self):
        with self.lock:
            self.overrides = {}  # (service, account, region, operation) → items
            self.generated = True
            self.faults = []
            self.denies = []
            self.log = deque(maxlen=LOG_LIMIT)
            self._cache = {}

    def items(self, operation, account, region):
        key = (operation.service.name, account, region, operation.name)
        with self.lock:
            if key in self.overrides:
                return self.overrides[key]
            if not self.generated:
                return []
            cached = self._cache.get(key)
            if cached is None:
                if len(self._cache) >= 512:  # regions come from clients: keep the cache bounded
                    self._cache.clear()
                cached = self._cache[key] = operation.generate(account, region) if operation.default_count is None \
                    else operation.generate(account, region, operation.default_count)
            return cached

    def take_fault(self, service, operation, account):
        with self.lock:
            for fault in self.faults:
                if fault.service in (None, service) and fault.operation in (None, operation) \
                        and fault.account in (None, account):
                    fault.count -= 1
                    if fault.count == 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def denied(self, service, operation, account):
        with self.lock:
            return any(deny["service"] == service and deny.get("operation") in (None, operation)
                       and deny.get("account") in (None, account) for deny in self.denies)

    def model_shape(self, service, operation):
        """The botocore shape of one item of `operation`'s result list (loaded once, at first use)."""
        with self.lock:
            model = self._models.get(service.name)
        if model is None:
            import botocore.session
            model = botocore.session.get_session().get_service_model(service.name)
            with self.lock:
                self._models[service.name] = model
        if operation.item_shape is not None:
            return model.shape_for(operation.item_shape)
        return model.operation_model(operation.name).output_shape.members[operation.result_key].member


# --- control documents -----------------------------------------------------------------------------------------


def parse_control_json(body):
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise ControlError(f"body is not JSON: {exc.__class__.__name__}") from None


def known_service(name):
    if not isinstance(name, str) or name not in SERVICES:
        raise ControlError(f"service: expected one of {', '.join(sorted(SERVICES))}")
    return SERVICES[name]


def known_operation(service, name):
    if not isinstance(name, str) or name not in service.operations:
        raise ControlError(f"{service.name}: operation expected one of {', '.join(sorted(service.operations))}")
    return service.operations[name]


def listing_names(service):
    return [name for name, operation in service.operations.items() if operation.answer is None]


def check_account(value, where="account"):
    if not isinstance(value, str) or not ACCOUNT.fullmatch(value):
        raise ControlError(f"{where}: expected a 12-digit account id")
    return value


def normalise_item(value, shape, where):
    """Check `value` against a botocore shape; timestamps become epoch seconds, as both JSON protocols send them."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            raise ControlError(f"{where}: expected an object ({shape.name})")
        result = {}
        for name, member_value in value.items():
            if name not in shape.members:
                raise ControlError(f"{where}: {shape.name} has no member {clip(str(name), 80)!r}")
            if member_value is not None:
                result[name] = normalise_item(member_value, shape.members[name], f"{where}.{name}")
        return result
    if kind == "list":
        if not isinstance(value, list):
            raise ControlError(f"{where}: expected a list")
        return [normalise_item(each, shape.member, f"{where}[{i}]") for i, each in enumerate(value)]
    if kind == "map":
        if not isinstance(value, dict):
            raise ControlError(f"{where}: expected an object")
        return {key: normalise_item(each, shape.value, f"{where}.{key}") for key, each in value.items()}
    if kind == "string":
        if not isinstance(value, str):
            raise ControlError(f"{where}: expected a string")
        return value
    if kind in ("integer", "long"):
        if type(value) is not int:
            raise ControlError(f"{where}: expected an integer")
        return value
    if kind in ("float", "double"):
        if type(value) not in (int, float):
            raise ControlError(f"{where}: expected a number")
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ControlError(f"{where}: expected true or false")
        return value
    if kind == "timestamp":
        if type(value) in (int, float):
            return value
        stamp = parse_timestamp(value) if isinstance(value, str) else None
        if stamp is None:
            raise ControlError(f"{where}: expected epoch seconds or an ISO 8601 date-time")
        return int(stamp) if stamp == int(stamp) else stamp
    raise ControlError(f"{where}: the fake does not take {kind} members")


def parse_resources(state, document):
    """{service: {account: {region: {operation: [items]}}}} → {(service, account, region, operation): items}."""
    if not isinstance(document, dict):
        raise ControlError("expected {service: {account: {region: {operation: [items]}}}}")
    lists = {}
    for service_name, accounts in document.items():
        service = known_service(service_name)
        if not isinstance(accounts, dict):
            raise ControlError(f"{service_name}: expected {{account: {{region: {{operation: [items]}}}}}}")
        for account, regions in accounts.items():
            check_account(account, f"{service_name}: account {clip(str(account), 40)!r}")
            if not isinstance(regions, dict):
                raise ControlError(f"{service_name}.{account}: expected {{region: {{operation: [items]}}}}")
            for region, operations in regions.items():
                if not isinstance(region, str) or not REGION.fullmatch(region):
                    raise ControlError(f"{service_name}.{account}: {clip(str(region), 40)!r} is not a region")
                if not isinstance(operations, dict):
                    raise ControlError(f"{service_name}.{account}.{region}: expected {{operation: [items]}}")
                for operation_name, items in operations.items():
                    operation = known_operation(service, operation_name)
                    where = f"{service_name}.{account}.{region}.{operation_name}"
                    if operation.answer is not None:
                        raise ControlError(f"{where}: {operation_name} is not a listing; it answers from the "
                                           f"items of {', '.join(sorted(listing_names(service)))}")
                    if not isinstance(items, list) or len(items) > MAX_ITEMS_PER_LIST:
                        raise ControlError(f"{where}: expected a list of at most {MAX_ITEMS_PER_LIST} items")
                    shape = state.model_shape(service, operation)
                    lists[(service_name, account, region, operation_name)] = [
                        normalise_item(item, shape, f"{where}[{i}]") for i, item in enumerate(items)]
    return lists


def parse_deny(raw):
    if not isinstance(raw, dict) or set(raw) - {"service", "operation", "account"}:
        raise ControlError("a deny is {\"service\": …, \"operation\": … (optional), \"account\": … (optional)}")
    service = known_service(raw.get("service"))
    deny = {"service": service.name, "operation": None, "account": None}
    if raw.get("operation") is not None:
        deny["operation"] = known_operation(service, raw["operation"]).name
    if raw.get("account") is not None:
        deny["account"] = check_account(raw["account"])
    return deny


FAULT_FIELDS = {"status", "code", "count", "service", "operation", "account", "message", "retry_after"}


def parse_fault(raw):
    if not isinstance(raw, dict):
        raise ControlError("a fault is an object")
    unknown = set(raw) - FAULT_FIELDS
    if unknown:
        raise ControlError(f"unknown fault field(s): {', '.join(sorted(map(str, unknown)))}")
    status = raw.get("status")
    if type(status) is not int or not 400 <= status <= 599:
        raise ControlError("status: expected an HTTP error status 400..599")
    count = raw.get("count", 1)
    if type(count) is not int or not 1 <= count <= 1_000_000:
        raise ControlError("count: expected an integer 1..1000000")
    service = raw.get("service")
    if service is not None:
        service = known_service(service)
    operation = raw.get("operation")
    if operation is not None:
        if service is None:
            raise ControlError("operation: needs a service")
        operation = known_operation(service, operation).name
    account = raw.get("account")
    if account is not None:
        check_account(account)
    code = raw.get("code")
    if code is not None and (not isinstance(code, str) or not ERROR_CODE.fullmatch(code)):
        raise ControlError("code: expected an error code such as ThrottlingException")
    if code is None and status not in (400, 429, 500, 503):
        raise ControlError("code: required for a status other than 400, 429, 500 and 503")
    message = raw.get("message", "Rate exceeded" if status in (400, 429) else "The fake was told to fail")
    if not isinstance(message, str) or len(message) > 1024:
        raise ControlError("message: expected a string of at most 1024 characters")
    retry_after = raw.get("retry_after")
    if retry_after is not None and (type(retry_after) is not int or not 0 <= retry_after <= 3600):
        raise ControlError("retry_after: expected whole seconds 0..3600")
    return Fault(status=status, code=code, count=count, service=service and service.name, operation=operation,
                 account=account, message=message, retry_after=retry_after)


def fault_code(fault, service):
    if fault.code:
        return fault.code
    if fault.status in (400, 429):
        return "ThrottlingException"
    return service.internal if fault.status == 500 else service.unavailable


# --- HTTP ----------------------------------------------------------------------------------------------------


class Handler(httpkit.FakeHandler):
    @property
    def max_body(self):
        return CONTROL_MAX_BODY if getattr(self, "path", "").startswith(CONTROL_PREFIX) else API_MAX_BODY

    def route(self, method):
        path, _, query = self.path.partition("?")
        if path.startswith(CONTROL_PREFIX):
            return self.control(method, path[len(CONTROL_PREFIX):], query)
        self.api(method, path, query)

    # --- the AWS side -------------------------------------------------------------------------------

    def api(self, method, path, query):
        state = self.server.state
        request_id = str(uuid.uuid4())
        entry = {"method": method, "path": clip(path), "service": None, "operation": None, "account": None,
                 "region": None, "access_key_id": None, "fault": False, "denied": False, "params": None}
        service = None
        try:
            auth = parse_authorization(self.headers.get("Authorization"))
            entry["access_key_id"] = clip(auth.access_key_id, 128)
            service = SERVICES.get(auth.service)
            if service is None:
                raise ApiError(400, "UnknownServiceException", f"the fake does not play the service "
                               f"{clip(auth.service, 64)!r}; it plays {', '.join(sorted(SERVICES))}",
                               modelled=False)
            entry["service"] = service.name
            key = state.credentials(auth.access_key_id, self.headers.get("X-Amz-Security-Token"))
            if key is None:
                raise ApiError(403, "UnrecognizedClientException",
                               "The security token included in the request is invalid.", modelled=False)
            secret, account = key
            query_pairs = split_query(query)
            verify_signature(auth, secret, method, path, query, self.headers, self.body, time.time())
            entry["account"], entry["region"] = account, auth.region
            operation = service.resolve(method, path, self.headers)
            entry["operation"] = operation.name
            fault = state.take_fault(service.name, operation.name, account)
            if fault is not None:
                entry["fault"] = True
                headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
                raise ApiError(fault.status, fault_code(fault, service), fault.message, headers=headers)
            if state.denied(service.name, operation.name, account):
                entry["denied"] = True
                raise ApiError(service.denied_status, "AccessDeniedException",
                               f"User: arn:aws:iam::{account}:user/caller is not authorized to perform: "
                               f"{service.name}:{operation.name} because no identity-based policy allows the "
                               f"{service.name}:{operation.name} action", modelled=False)
            params = parse_input(operation, self.body, query_pairs)
            entry["params"] = params
            context = {"account": account, "region": auth.region}
            document = operation.answer(state, params, context) if operation.answer is not None \
                else self.listing(operation, params, context)
        except ApiError as error:
            entry.update(status=error.status, error=error.code)
            self.log(entry)
            return self.send_api_error(service, error, request_id)
        entry.update(status=200, error=None)
        self.log(entry)
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        self.reply(200, body, service.content_type(), {"x-amzn-RequestId": request_id})

    def listing(self, operation, params, context):
        state = self.server.state
        items = operation.filter(state.items(operation, context["account"], context["region"]), params, context)
        fingerprint = state.tokens.fingerprint(operation, context, params)
        start = 0
        if operation.input_token in params:
            start = state.tokens.offset(params[operation.input_token], fingerprint)
            if start is None:
                raise ApiError(400, operation.token_error, "The pagination token is invalid, or was issued for "
                                                           "another listing.")
        size = operation.page_default
        if operation.limit_key and operation.limit_key in params:
            size = params[operation.limit_key]
            if operation.clamp:
                size = min(size, operation.page_max)
        end = len(items) if size is None else start + size
        page = items[start:end]
        if operation.project is not None:
            page = [operation.project(item, context) for item in page]
        document = {operation.result_key: page}
        if end < len(items):
            document[operation.output_token] = state.tokens.issue(end, fingerprint)
        return document

    def send_api_error(self, service, error, request_id):
        headers = {"x-amzn-RequestId": request_id, **error.headers}
        key = service.message_key if service is not None and error.modelled else "message"
        if service is None:
            # No service to take the shape from: both the JSON and the REST-JSON readings find the code.
            headers["x-amzn-ErrorType"] = error.code
            return self.reply_json(error.status, {"__type": error.code, "message": error.message}, headers)
        if service.protocol == "json":
            body = {"__type": error.code, key: error.message}
        else:
            headers["x-amzn-ErrorType"] = error.code
            body = {key: error.message}
            if service.extra_error_members and error.modelled:
                body["Code"] = error.code
        self.reply(error.status, json.dumps(body).encode("utf-8"), service.content_type(), headers)

    def log(self, entry):
        if entry.get("params") is not None and len(json.dumps(entry["params"])) > 4096:
            entry["params"] = {"truncated": True}
        state = self.server.state
        with state.lock:
            state.log.append({"time": round(time.time(), 3), **entry})

    def reply_error(self, status, message):
        """Errors raised by httpkit (oversized or badly framed bodies) in the shape of the request's service."""
        code = {413: "RequestEntityTooLargeException", 400: "MalformedHttpRequestException"}.get(status,
                                                                                                 "InternalFailure")
        if getattr(self, "path", "").startswith(CONTROL_PREFIX):
            return self.reply_json(status, {"error": message})
        service = None
        try:
            service = SERVICES.get(parse_authorization(self.headers.get("Authorization")).service)
        except ApiError:
            pass
        self.send_api_error(service, ApiError(status, code, message, modelled=False), str(uuid.uuid4()))

    # --- control routes -----------------------------------------------------------------------------

    def control(self, method, name, query):
        state = self.server.state
        routes = {"resources": ("POST",), "deny": ("POST",), "faults": ("GET", "POST"), "requests": ("GET",),
                  "reset": ("POST",)}
        if name not in routes:
            return self.reply_json(404, {"error": f"unknown control route; known: {', '.join(sorted(routes))}"})
        if method not in routes[name]:
            return self.reply_json(405, {"error": "method not allowed"})
        try:
            if name == "reset":
                state.reset()
                return self.reply_json(200, {"reset": True})
            if name == "requests":
                with state.lock:
                    return self.reply_json(200, list(state.log))
            if name == "faults" and method == "GET":
                with state.lock:
                    return self.reply_json(200, {"pending": sum(fault.count for fault in state.faults)})
            document = parse_control_json(self.body)
            if name == "resources":
                modes = [value for name, value in split_query(query) if name == "mode"] or ["replace"]
                mode = modes[0]
                if len(modes) > 1 or mode not in ("replace", "merge"):
                    raise ControlError("mode: expected replace or merge")
                lists = parse_resources(state, document)
                with state.lock:
                    if mode == "replace":
                        state.overrides, state.generated = lists, False
                    else:
                        state.overrides.update(lists)
                return self.reply_json(200, {"lists": len(lists), "items": sum(map(len, lists.values())),
                                             "mode": mode})
            raws = document if isinstance(document, list) else [document]
            if name == "deny":
                denies = [parse_deny(raw) for raw in raws]
                with state.lock:
                    if len(state.denies) + len(denies) > MAX_DENIES:
                        raise ControlError(f"at most {MAX_DENIES} denies")
                    state.denies.extend(denies)
                return self.reply_json(200, {"denied": len(denies)})
            faults = [parse_fault(raw) for raw in raws]
            with state.lock:
                if len(state.faults) + len(faults) > MAX_FAULTS:
                    raise ControlError(f"at most {MAX_FAULTS} faults may wait")
                state.faults.extend(faults)
            return self.reply_json(200, {"added": len(faults)})
        except ControlError as exc:
            return self.reply_json(400, {"error": str(exc)})


def parse_key(text):
    """AKID=SECRET@ACCOUNT → (akid, secret, account)."""
    akid, sep, rest = text.partition("=")
    secret, at, account = rest.rpartition("@")
    if not sep or not at or not akid or not secret or "/" in akid or len(akid) > 128 \
            or not ACCOUNT.fullmatch(account):
        raise argparse.ArgumentTypeError(f"expected AKID=SECRET@ACCOUNT (12-digit account), got {text!r}")
    return akid, secret, account


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    httpkit.add_server_arguments(parser)
    parser.add_argument("--key", type=parse_key, action="append", required=True,
                        help="AKID=SECRET@ACCOUNT, repeatable: an accepted access key and the account it belongs to")
    parser.add_argument("--trust-sts", metavar="URL",
                        help="a moto_server whose AssumeRole credentials are accepted too (with their session token), "
                             "in the account of the role, as AWS services accept what STS issued")
    args = parser.parse_args(argv)
    keys = {}
    for akid, secret, account in args.key:
        if akid in keys:
            parser.error(f"--key {akid} given twice")
        keys[akid] = (secret, account)

    def attach(server):
        server.state = State(keys, args.trust_sts)

    httpkit.serve(Handler, args, attach)


if __name__ == "__main__":
    sys.exit(main())
