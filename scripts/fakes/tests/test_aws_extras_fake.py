"""The extras fake, driven by real boto3 clients: every operation and page, accounts and regions kept apart,
signatures checked for real, denies and faults, and hostile requests that must never take the fake down."""

import datetime
import json
import math
from urllib.parse import quote, unquote

import boto3
import botocore.auth
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError
from botocore.validate import ParamValidator

from fakeproc import raw_exchange, start

ACCOUNT_A, ACCOUNT_B = "111111111111", "222222222222"
KEY_A = ("AKIAEXTRASAAAAAAAAAA", "secret/A+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
KEY_B = ("AKIAEXTRASBBBBBBBBBB", "secret-B-yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy")
REGION = "eu-west-1"
UTC = datetime.timezone.utc
# The report month an inventory asks ListBackupJobs for: [first instant, next month's first instant).
JANUARY = {"ByCreatedAfter": datetime.datetime(2025, 1, 1, tzinfo=UTC),
           "ByCreatedBefore": datetime.datetime(2025, 2, 1, tzinfo=UTC)}

# (service, operation, input token, output token, limit key, result key, extra input): the model's names.
PAGED = [
    ("directconnect", "DescribeConnections", "nextToken", "nextToken", "maxResults", "connections", {}),
    ("directconnect", "DescribeVirtualInterfaces", "nextToken", "nextToken", "maxResults", "virtualInterfaces", {}),
    ("directconnect", "DescribeDirectConnectGateways", "nextToken", "nextToken", "maxResults",
     "directConnectGateways", {}),
    ("ram", "ListResources", "nextToken", "nextToken", "maxResults", "resources", {"resourceOwner": "SELF"}),
    ("codeartifact", "ListDomains", "nextToken", "nextToken", "maxResults", "domains", {}),
    ("codeartifact", "ListRepositories", "nextToken", "nextToken", "maxResults", "repositories", {}),
    ("backup", "ListBackupJobs", "NextToken", "NextToken", "MaxResults", "BackupJobs", {}),
    ("backup", "ListBackupJobs", "NextToken", "NextToken", "MaxResults", "BackupJobs", JANUARY),
    ("backup", "ListProtectedResources", "NextToken", "NextToken", "MaxResults", "Results", {}),
    ("backup", "ListBackupVaults", "NextToken", "NextToken", "MaxResults", "BackupVaultList", {}),
    ("backup", "ListBackupPlans", "NextToken", "NextToken", "MaxResults", "BackupPlansList", {}),
    ("backup", "ListBackupPlans", "NextToken", "NextToken", "MaxResults", "BackupPlansList", {"IncludeDeleted": True}),
    ("network-firewall", "ListFirewallPolicies", "NextToken", "NextToken", "MaxResults", "FirewallPolicies", {}),
    ("network-firewall", "ListFirewalls", "NextToken", "NextToken", "MaxResults", "Firewalls", {}),
]
PAGED_IDS = [f"{row[0]}.{row[1]}" + "".join(f"-{name}" for name in sorted(row[6])) for row in PAGED]
# One cheap call per service, for the checks every service must pass alike.
ONE_CALL = {
    "directconnect": ("describe_direct_connect_gateways", {}),
    "ram": ("list_resources", {"resourceOwner": "SELF"}),
    "codecommit": ("list_repositories", {}),
    "codeartifact": ("list_domains", {}),
    "backup": ("list_protected_resources", {}),
    "network-firewall": ("list_firewall_policies", {}),
}


@pytest.fixture(scope="module")
def extras_server(tmp_path_factory):
    with start("aws_extras_fake.py", ["--key", f"{KEY_A[0]}={KEY_A[1]}@{ACCOUNT_A}",
                                      "--key", f"{KEY_B[0]}={KEY_B[1]}@{ACCOUNT_B}"],
               tmp_path_factory.mktemp("extras"), reset_path="/_extras/reset") as fake:
        yield fake
        assert "Traceback" not in fake.stderr(), fake.stderr()


@pytest.fixture
def fake(extras_server):
    return extras_server.reset()


def client(fake, service, key=KEY_A, region=REGION, attempts=1):
    return boto3.client(service, region_name=region, aws_access_key_id=key[0], aws_secret_access_key=key[1],
                        endpoint_url=f"http://127.0.0.1:{fake.port}",
                        config=Config(retries={"total_max_attempts": attempts, "mode": "standard"}))


def call(fake, service, operation, key=KEY_A, region=REGION, **params):
    api = client(fake, service, key, region)
    return getattr(api, snake(api, operation))(**params)


def snake(api, operation):
    return {name: python for python, name in api.meta.method_to_api_mapping.items()}[operation]


def error_of(excinfo):
    response = excinfo.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"]


def signed(fake, service, method="POST", path="/", body=b"", headers=None, query="", key=KEY_A, region=REGION):
    """A request signed with botocore's SigV4 exactly as sent, for inputs a boto3 client would refuse to send."""
    url = f"http://127.0.0.1:{fake.port}{path}" + (f"?{query}" if query else "")
    request = AWSRequest(method=method, url=url, data=body, headers=dict(headers or {}))
    SigV4Auth(Credentials(*key), service, region).add_auth(request)
    return fake.request(method, path + (f"?{query}" if query else ""), body=body, headers=dict(request.headers.items()))


def json_target(service, operation):
    prefix, version = {"directconnect": ("OvertureService", "1.1"), "codecommit": ("CodeCommit_20150413", "1.1"),
                       "network-firewall": ("NetworkFirewall_20201112", "1.0")}[service]
    return {"X-Amz-Target": f"{prefix}.{operation}", "Content-Type": f"application/x-amz-json-{version}"}


def all_pages(fake, service, operation, input_token, output_token, limit_key, result_key, extra, page_size,
              key=KEY_A, region=REGION):
    pages, params = [], {**extra, limit_key: page_size} if limit_key else dict(extra)
    while True:
        answer = call(fake, service, operation, key, region, **params)
        pages.append(answer[result_key])
        if output_token not in answer:
            return pages
        assert len(pages) < 2000, "the token never ran out"
        params[input_token] = answer[output_token]


def item_shape(service, operation, result_key):
    model = boto3.session.Session().client(service, region_name=REGION).meta.service_model
    return model.operation_model(operation).output_shape.members[result_key].member


# --- every operation, every page ------------------------------------------------------------------------


@pytest.mark.parametrize("service, operation, input_token, output_token, limit_key, result_key, extra", PAGED,
                         ids=PAGED_IDS)
def test_every_page_with_a_page_size_of_two(fake, service, operation, input_token, output_token, limit_key,
                                            result_key, extra):
    pages = all_pages(fake, service, operation, input_token, output_token, limit_key, result_key, extra, 2)
    items = [item for page in pages for item in page]
    assert all(len(page) == 2 for page in pages[:-1]) and 1 <= len(pages[-1]) <= 2
    assert len(pages) == math.ceil(len(items) / 2) >= 3
    # The same items as one unpaged call (every default page holds the seeded set), none twice.
    whole = call(fake, service, operation, **extra)
    assert output_token not in whole
    assert whole[result_key] == items
    assert len({json.dumps(item, sort_keys=True, default=str) for item in items}) == len(items)
    shape = item_shape(service, operation, result_key)
    for item in items:
        report = ParamValidator().validate(item, shape)
        assert not report.has_errors(), report.generate_report()


@pytest.mark.parametrize("service, operation, result_key", [
    ("directconnect", "DescribeDirectConnectGateways", "directConnectGateways"),
    ("ram", "ListResources", "resources"),
    ("codeartifact", "ListDomains", "domains"),
    ("backup", "ListBackupJobs", "BackupJobs"),
    ("network-firewall", "ListFirewallPolicies", "FirewallPolicies"),
    ("network-firewall", "ListFirewalls", "Firewalls"),
    ("backup", "ListBackupVaults", "BackupVaultList"),
    ("backup", "ListBackupPlans", "BackupPlansList"),
])
def test_the_botocore_paginators_walk_every_page(fake, service, operation, result_key):
    api = client(fake, service)
    extra = {"resourceOwner": "SELF"} if service == "ram" else {}
    pages = list(api.get_paginator(snake(api, operation)).paginate(**extra, PaginationConfig={"PageSize": 2}))
    assert len(pages) >= 3
    assert [item for page in pages for item in page[result_key]] == call(fake, service, operation, **extra)[result_key]


def test_codecommit_pages_by_its_documented_batch_of_a_thousand(fake):
    # ListRepositories has no limit member; the model documents batches of 1,000.
    pages = all_pages(fake, "codecommit", "ListRepositories", "nextToken", "nextToken", None, "repositories", {}, None)
    assert [len(page) for page in pages] == [1000, 1000, 5]
    api = client(fake, "codecommit")
    assert sum(len(page["repositories"]) for page in api.get_paginator("list_repositories").paginate()) == 2005
    names = [item["repositoryName"] for page in pages for item in page]
    assert len(set(names)) == 2005


def test_codecommit_sorts_and_orders(fake):
    seeded = [{"repositoryName": name, "repositoryId": f"id-{name}"} for name in ("b", "c", "a")]
    assert fake.request("POST", "/_extras/resources",
                        body={"codecommit": {ACCOUNT_A: {REGION: {"ListRepositories": seeded}}}}).status == 200

    def names(**params):
        listing = call(fake, "codecommit", "ListRepositories", **params)["repositories"]
        return [item["repositoryName"] for item in listing]

    assert names() == ["b", "c", "a"]
    assert names(sortBy="repositoryName") == ["a", "b", "c"]
    assert names(sortBy="repositoryName", order="descending") == ["c", "b", "a"]
    assert names(sortBy="lastModifiedDate", order="descending") == ["a", "c", "b"]
    with pytest.raises(ClientError) as excinfo:
        call(fake, "codecommit", "ListRepositories", sortBy="size")
    assert error_of(excinfo) == (400, "InvalidSortByException")
    with pytest.raises(ClientError) as excinfo:
        call(fake, "codecommit", "ListRepositories", order="sideways")
    assert error_of(excinfo) == (400, "InvalidOrderException")


@pytest.mark.parametrize("operation, result_key, id_member", [
    ("DescribeVirtualInterfaces", "virtualInterfaces", "virtualInterfaceId"),
    ("DescribeConnections", "connections", "connectionId"),
])
def test_direct_connect_returns_at_most_100_per_page(fake, operation, result_key, id_member):
    many = [{id_member: f"dx-{i:08x}", "ownerAccount": ACCOUNT_A} for i in range(150)]
    fake.request("POST", "/_extras/resources", body={"directconnect": {ACCOUNT_A: {REGION: {operation: many}}}})
    first = call(fake, "directconnect", operation, maxResults=500)
    assert len(first[result_key]) == 100
    second = call(fake, "directconnect", operation, maxResults=500, nextToken=first["nextToken"])
    assert len(second[result_key]) == 50 and "nextToken" not in second
    # Without maxResults, everything at once.
    assert len(call(fake, "directconnect", operation)[result_key]) == 150


# --- filters ----------------------------------------------------------------------------------------------


def test_filters_from_the_models_inputs(fake):
    vifs = call(fake, "directconnect", "DescribeVirtualInterfaces")["virtualInterfaces"]
    connection = vifs[0]["connectionId"]
    by_connection = call(fake, "directconnect", "DescribeVirtualInterfaces", connectionId=connection)
    assert by_connection["virtualInterfaces"] == [vif for vif in vifs if vif["connectionId"] == connection]
    assert call(fake, "directconnect", "DescribeVirtualInterfaces",
                virtualInterfaceId=vifs[1]["virtualInterfaceId"])["virtualInterfaces"] == [vifs[1]]

    mine = call(fake, "ram", "ListResources", resourceOwner="SELF")["resources"]
    theirs = call(fake, "ram", "ListResources", resourceOwner="OTHER-ACCOUNTS")["resources"]
    assert len(mine) == 5 and len(theirs) == 3
    assert all(f":{ACCOUNT_A}:" in item["arn"] for item in mine)
    assert not any(f":{ACCOUNT_A}:" in item["arn"] for item in theirs)
    subnets = call(fake, "ram", "ListResources", resourceOwner="SELF", resourceType="EC2:subnet")["resources"]
    assert subnets and all(item["type"] == "ec2:Subnet" for item in subnets)
    assert call(fake, "ram", "ListResources", resourceOwner="SELF",
                resourceArns=[mine[2]["arn"]])["resources"] == [mine[2]]

    npm = call(fake, "codeartifact", "ListRepositories", repositoryPrefix="npm")["repositories"]
    assert len(npm) == 3 and all(item["name"].startswith("npm") for item in npm)

    failed = call(fake, "backup", "ListBackupJobs", ByState="FAILED")["BackupJobs"]
    assert [job["State"] for job in failed] == ["FAILED", "FAILED"]
    jobs = call(fake, "backup", "ListBackupJobs")["BackupJobs"]
    after = call(fake, "backup", "ListBackupJobs", ByCreatedAfter=jobs[2]["CreationDate"])["BackupJobs"]
    assert after == jobs[3:]
    assert call(fake, "backup", "ListBackupJobs", ByAccountId=ACCOUNT_B)["BackupJobs"] == []
    assert call(fake, "backup", "ListBackupJobs", ByAccountId="*")["BackupJobs"] == jobs


def test_a_token_only_continues_its_own_listing(fake):
    first = call(fake, "network-firewall", "ListFirewallPolicies", MaxResults=2)
    token = first["NextToken"]
    for other in [dict(key=KEY_B), dict(region="us-east-1")]:
        with pytest.raises(ClientError) as excinfo:
            call(fake, "network-firewall", "ListFirewallPolicies", NextToken=token, **other)
        assert error_of(excinfo) == (400, "InvalidRequestException")
    with pytest.raises(ClientError) as excinfo:
        call(fake, "backup", "ListBackupJobs", NextToken=token)
    assert error_of(excinfo) == (400, "InvalidParameterValueException")
    # The page size may change between pages.
    rest = call(fake, "network-firewall", "ListFirewallPolicies", NextToken=token, MaxResults=100)
    assert len(rest["FirewallPolicies"]) == 3


@pytest.mark.parametrize("service, operation, token_member, extra, code", [
    ("directconnect", "DescribeVirtualInterfaces", "nextToken", {}, "DirectConnectClientException"),
    ("directconnect", "DescribeDirectConnectGateways", "nextToken", {}, "DirectConnectClientException"),
    ("ram", "ListResources", "nextToken", {"resourceOwner": "SELF"}, "InvalidNextTokenException"),
    ("codecommit", "ListRepositories", "nextToken", {}, "InvalidContinuationTokenException"),
    ("codeartifact", "ListDomains", "nextToken", {}, "ValidationException"),
    ("codeartifact", "ListRepositories", "nextToken", {}, "ValidationException"),
    ("backup", "ListBackupJobs", "NextToken", {}, "InvalidParameterValueException"),
    ("backup", "ListProtectedResources", "NextToken", {}, "InvalidParameterValueException"),
    ("network-firewall", "ListFirewallPolicies", "NextToken", {}, "InvalidRequestException"),
])
@pytest.mark.parametrize("token", ["bm9wZQ==", "not base64 at all", "x" * 5000])
def test_forged_tokens_get_the_operations_modelled_error(fake, service, operation, token_member, extra, code, token):
    with pytest.raises(ClientError) as excinfo:
        call(fake, service, operation, **extra, **{token_member: token})
    assert error_of(excinfo) == (400, code)


# --- accounts and regions -------------------------------------------------------------------------------


@pytest.mark.parametrize("service, operation, input_token, output_token, limit_key, result_key, extra", PAGED,
                         ids=PAGED_IDS)
def test_each_account_and_region_has_its_own_resources(fake, service, operation, input_token, output_token,
                                                       limit_key, result_key, extra):
    def listing(key, region):
        return json.dumps(call(fake, service, operation, key, region, **extra)[result_key], sort_keys=True,
                          default=str)

    a_west, a_east, b_west = listing(KEY_A, REGION), listing(KEY_A, "us-east-1"), listing(KEY_B, REGION)
    assert ACCOUNT_A in a_west and ACCOUNT_B not in a_west and ACCOUNT_B in b_west
    assert a_west != b_west
    if operation != "DescribeDirectConnectGateways":  # Direct Connect gateways are global
        assert REGION in a_west and "us-east-1" in a_east and a_west != a_east


def test_resources_are_replaced_per_account_and_region(fake):
    policy = {"Name": "only-one", "Arn": f"arn:aws:network-firewall:us-east-1:{ACCOUNT_B}:firewall-policy/only-one"}
    reply = fake.request("POST", "/_extras/resources",
                         body={"network-firewall": {ACCOUNT_B: {"us-east-1": {"ListFirewallPolicies": [policy]}}}})
    assert reply.json() == {"lists": 1, "items": 1, "mode": "replace"}
    assert call(fake, "network-firewall", "ListFirewallPolicies", KEY_B, "us-east-1")["FirewallPolicies"] == [policy]
    # Replaced: everything else is now empty.
    assert call(fake, "network-firewall", "ListFirewallPolicies", KEY_B, REGION)["FirewallPolicies"] == []
    assert call(fake, "network-firewall", "ListFirewallPolicies", KEY_A, "us-east-1")["FirewallPolicies"] == []
    assert call(fake, "backup", "ListBackupJobs")["BackupJobs"] == []
    # Merged: only the named list changes.
    fake.reset()
    fake.request("POST", "/_extras/resources?mode=merge",
                 body={"network-firewall": {ACCOUNT_B: {"us-east-1": {"ListFirewallPolicies": [policy]}}}})
    assert call(fake, "network-firewall", "ListFirewallPolicies", KEY_B, "us-east-1")["FirewallPolicies"] == [policy]
    assert len(call(fake, "network-firewall", "ListFirewallPolicies", KEY_B, REGION)["FirewallPolicies"]) == 5


def test_seeded_timestamps_are_sent_as_epoch_seconds(fake):
    job = {"BackupJobId": "job-1", "AccountId": ACCOUNT_A, "CreationDate": "2025-03-01T12:00:00Z",
           "CompletionDate": 1740830400.5, "CreatedBy": {"BackupPlanId": "plan"}}
    assert fake.request("POST", "/_extras/resources",
                        body={"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": [job]}}}}).status == 200
    raw = signed(fake, "backup", "GET", "/backup-jobs/").json()
    assert raw["BackupJobs"][0]["CreationDate"] == 1740830400
    parsed = call(fake, "backup", "ListBackupJobs")["BackupJobs"][0]
    assert parsed["CreationDate"] == datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("document, complaint", [
    ({"s3": {}}, "service"),
    ({"backup": {"12345": {}}}, "12-digit"),
    ({"backup": {ACCOUNT_A: {"moon-base-1": {}}}}, "region"),
    ({"backup": {ACCOUNT_A: {REGION: {"GetBackupPlan": []}}}}, "operation"),
    ({"network-firewall": {ACCOUNT_A: {REGION: {"DescribeFirewall": []}}}}, "not a listing"),
    ({"network-firewall": {ACCOUNT_A: {REGION: {"ListFirewalls": [{"TransitGatewayAttachmentId": "x"}]}}}},
     "TransitGatewayAttachmentId"),
    ({"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": {}}}}}, "list"),
    ({"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": [{"Colour": "red"}]}}}}, "Colour"),
    ({"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": [{"BackupSizeInBytes": "big"}]}}}}, "integer"),
    ({"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": [{"CreationDate": "yesterday"}]}}}}, "ISO 8601"),
    ({"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": ["job"]}}}}, "object"),
    ([1], "expected"),
])
def test_bad_resources_documents_are_refused(fake, document, complaint):
    reply = fake.request("POST", "/_extras/resources", body=document)
    assert reply.status == 400 and complaint in reply.json()["error"]
    assert len(call(fake, "backup", "ListBackupJobs")["BackupJobs"]) == 9, "the seeded set is untouched"


# --- signatures -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("service", sorted(ONE_CALL))
def test_a_wrong_secret_and_an_unknown_key_are_refused(fake, service):
    method, params = ONE_CALL[service]
    with pytest.raises(ClientError) as excinfo:
        getattr(client(fake, service, key=(KEY_A[0], "not-the-secret")), method)(**params)
    assert error_of(excinfo) == (403, "InvalidSignatureException")
    with pytest.raises(ClientError) as excinfo:
        getattr(client(fake, service, key=("AKIAUNKNOWNUNKNOWN00", KEY_A[1])), method)(**params)
    assert error_of(excinfo) == (403, "UnrecognizedClientException")
    # Another account's secret does not sign for this key either.
    with pytest.raises(ClientError) as excinfo:
        getattr(client(fake, service, key=(KEY_A[0], KEY_B[1])), method)(**params)
    assert error_of(excinfo) == (403, "InvalidSignatureException")


def test_the_signature_covers_body_query_and_signed_headers(fake):
    body = b'{"MaxResults": 2}'
    headers = json_target("network-firewall", "ListFirewallPolicies")
    assert signed(fake, "network-firewall", body=body, headers=headers).status == 200

    url = f"http://127.0.0.1:{fake.port}/"
    request = AWSRequest(method="POST", url=url, data=body, headers=headers)
    SigV4Auth(Credentials(*KEY_A), "network-firewall", REGION).add_auth(request)
    sent = dict(request.headers.items())
    tampered_body = fake.request("POST", "/", body=b'{"MaxResults": 3}', headers=sent)
    assert (tampered_body.status, tampered_body.json()["__type"]) == (403, "InvalidSignatureException")
    tampered_target = fake.request("POST", "/", body=body, headers={
        **sent, "X-Amz-Target": "NetworkFirewall_20201112.ListFirewalls"})
    assert tampered_target.status == 403
    # An unsigned header may change.
    assert fake.request("POST", "/", body=body, headers={**sent, "User-Agent": "other"}).status == 200

    query = "maxResults=2"
    url = f"http://127.0.0.1:{fake.port}/resources/?{query}"
    request = AWSRequest(method="GET", url=url)
    SigV4Auth(Credentials(*KEY_A), "backup", REGION).add_auth(request)
    sent = dict(request.headers.items())
    assert fake.request("GET", f"/resources/?{query}", headers=sent).status == 200
    moved = fake.request("GET", "/resources/?maxResults=3", headers=sent)
    assert (moved.status, moved.headers.get("x-amzn-ErrorType")) == (403, "InvalidSignatureException")


def test_a_signature_from_outside_the_fifteen_minutes_is_expired(fake, monkeypatch):
    stale = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: stale.replace(tzinfo=None))
    with pytest.raises(ClientError) as excinfo:
        client(fake, "backup").list_protected_resources()
    assert error_of(excinfo) == (403, "InvalidSignatureException")
    assert "Signature expired" in excinfo.value.response["Error"]["Message"]


@pytest.mark.parametrize("authorization, code", [
    (None, "MissingAuthenticationTokenException"),
    ("Bearer abc", "IncompleteSignatureException"),
    ("AWS4-HMAC-SHA256 Credential=AKIA/20250101/eu-west-1/backup", "IncompleteSignatureException"),
    ("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00", "IncompleteSignatureException"),
    ("AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=00", "IncompleteSignatureException"),
])
def test_malformed_authorization_headers(fake, authorization, code):
    headers = {"Authorization": authorization} if authorization else {}
    reply = fake.request("GET", "/resources/", headers=headers)
    assert reply.status == 403
    assert reply.headers["x-amzn-ErrorType"] == code and reply.json()["__type"] == code


def test_an_unknown_service_in_the_scope(fake):
    with pytest.raises(ClientError) as excinfo:
        client(fake, "sqs").list_queues()
    assert error_of(excinfo) == (400, "UnknownServiceException")


# --- deny and faults --------------------------------------------------------------------------------------


def test_deny_answers_access_denied_in_the_protocols_shape(fake):
    denies = [{"service": "codeartifact", "operation": "ListDomains", "account": ACCOUNT_A},
              {"service": "network-firewall", "account": ACCOUNT_B}]
    assert fake.request("POST", "/_extras/deny", body=denies).json() == {"denied": 2}
    with pytest.raises(ClientError) as excinfo:
        call(fake, "codeartifact", "ListDomains")
    assert error_of(excinfo) == (403, "AccessDeniedException")
    assert "codeartifact:ListDomains" in excinfo.value.response["Error"]["Message"]
    assert call(fake, "codeartifact", "ListDomains", KEY_B)["domains"]
    assert call(fake, "codeartifact", "ListRepositories")["repositories"]
    with pytest.raises(ClientError) as excinfo:
        call(fake, "network-firewall", "ListFirewallPolicies", KEY_B)
    assert error_of(excinfo) == (400, "AccessDeniedException")
    assert call(fake, "network-firewall", "ListFirewallPolicies")["FirewallPolicies"]
    log = fake.request("GET", "/_extras/requests").json()
    assert [entry["denied"] for entry in log] == [True, False, False, True, False]
    fake.reset()
    assert call(fake, "codeartifact", "ListDomains")["domains"]


@pytest.mark.parametrize("deny", [{}, {"service": "s3"}, {"service": "ram", "operation": "ListPrincipals"},
                                  {"service": "ram", "account": "me"}, {"service": "ram", "colour": "red"}, "ram",
                                  {"service": {"ram": 1}}, {"service": "ram", "operation": ["ListResources"]}])
def test_bad_denies_are_refused(fake, deny):
    assert fake.request("POST", "/_extras/deny", body=json.dumps(deny).encode()).status == 400


def test_throttling_faults_fail_the_next_requests_then_clear(fake):
    fault = {"status": 400, "code": "ThrottlingException", "count": 2, "service": "codecommit"}
    assert fake.request("POST", "/_extras/faults", body=fault).json() == {"added": 1}
    assert call(fake, "backup", "ListProtectedResources")["Results"], "other services are not affected"
    for _ in range(2):
        with pytest.raises(ClientError) as excinfo:
            call(fake, "codecommit", "ListRepositories")
        assert error_of(excinfo) == (400, "ThrottlingException")
    assert fake.request("GET", "/_extras/faults").json() == {"pending": 0}
    assert call(fake, "codecommit", "ListRepositories")["repositories"]


def test_a_retrying_client_gets_through_a_throttling_fault(fake):
    fake.request("POST", "/_extras/faults", body={"status": 429, "count": 2, "service": "codeartifact",
                                                  "operation": "ListDomains", "retry_after": 0})
    answer = client(fake, "codeartifact", attempts=3).list_domains()
    assert answer["domains"]
    log = fake.request("GET", "/_extras/requests").json()
    assert [(entry["status"], entry["error"], entry["fault"]) for entry in log] == [
        (429, "ThrottlingException", True), (429, "ThrottlingException", True), (200, None, False)]


@pytest.mark.parametrize("service, status, code", [
    ("ram", 500, "ServerInternalException"), ("ram", 503, "ServiceUnavailableException"),
    ("directconnect", 500, "DirectConnectServerException"), ("network-firewall", 500, "InternalServerError"),
    ("backup", 503, "ServiceUnavailableException"),
])
def test_server_faults_use_the_services_modelled_codes(fake, service, status, code):
    fake.request("POST", "/_extras/faults", body={"status": status, "account": ACCOUNT_A})
    method, params = ONE_CALL[service]
    with pytest.raises(ClientError) as excinfo:
        getattr(client(fake, service), method)(**params)
    assert error_of(excinfo) == (status, code)


@pytest.mark.parametrize("fault", [{}, {"status": 200}, {"status": 418}, {"status": 429, "count": 0},
                                   {"status": 429, "service": "s3"}, {"status": 429, "operation": "ListDomains"},
                                   {"status": 429, "code": "no spaces allowed"}, {"status": 429, "delay": 5}])
def test_bad_faults_are_refused(fake, fault):
    assert fake.request("POST", "/_extras/faults", body=fault).status == 400


# --- what a client should never send ------------------------------------------------------------------------


def test_unknown_operations_of_known_services(fake):
    with pytest.raises(ClientError) as excinfo:
        client(fake, "codecommit").get_repository(repositoryName="x")
    assert error_of(excinfo) == (400, "UnknownOperationException")
    with pytest.raises(ClientError) as excinfo:
        client(fake, "backup").get_backup_plan(BackupPlanId="x")
    assert error_of(excinfo) == (404, "UnknownOperationException")
    with pytest.raises(ClientError) as excinfo:
        client(fake, "network-firewall").describe_firewall_policy(FirewallPolicyName="x")
    assert error_of(excinfo) == (400, "UnknownOperationException")
    with pytest.raises(ClientError) as excinfo:
        client(fake, "directconnect").describe_locations()
    assert error_of(excinfo) == (400, "UnknownOperationException")


@pytest.mark.parametrize("body, code", [
    (b"{not json", "SerializationException"),
    (b"[1, 2]", "SerializationException"),
    (b"\xff\xfe{}", "SerializationException"),
    (b"[" * 100_000, "SerializationException"),
    (b'{"MaxResults": "two"}', "SerializationException"),
    (b'{"MaxResults": 2.5}', "SerializationException"),
    (b'{"MaxResults": true}', "SerializationException"),
    (b'{"MaxResults": 1' + b"0" * 5000 + b"}", "SerializationException"),
    (b'{"MaxResults": 0}', "InvalidRequestException"),
    (b'{"MaxResults": 101}', "InvalidRequestException"),
    (b'{"NextToken": ""}', "InvalidRequestException"),
    (b'{"NextToken": "has spaces"}', "InvalidRequestException"),
])
def test_malformed_json_bodies(fake, body, code):
    reply = signed(fake, "network-firewall", body=body, headers=json_target("network-firewall", "ListFirewallPolicies"))
    assert (reply.status, reply.json()["__type"]) == (400, code)
    assert reply.headers["Content-Type"] == "application/x-amz-json-1.0"


@pytest.mark.parametrize("body, code", [
    (b"{}", "MissingRequiredParameterException"),
    (b'{"resourceOwner": "EVERYONE"}', "InvalidParameterException"),
    (b'{"resourceOwner": "SELF", "maxResults": 501}', "InvalidMaxResultsException"),
    (b'{"resourceOwner": "SELF", "resourceArns": ["not-an-arn"]}', "MalformedArnException"),
    (b'{"resourceOwner": "SELF", "resourceArns": "arn:aws:x:y:z:w"}', "SerializationException"),
    (b'{"resourceOwner": "SELF", "resourceType": "nocolon"}', "InvalidResourceTypeException"),
    (b'{"resourceOwner": ["SELF"]}', "SerializationException"),
    (b"nope", "SerializationException"),
])
def test_ram_refuses_bad_inputs_with_its_modelled_errors(fake, body, code):
    reply = signed(fake, "ram", path="/listresources", body=body, headers={"Content-Type": "application/json"})
    assert (reply.status, reply.headers["x-amzn-ErrorType"]) == (400, code)


@pytest.mark.parametrize("query, code", [
    ("maxResults=0", "InvalidParameterValueException"),
    ("maxResults=1001", "InvalidParameterValueException"),
    ("maxResults=two", "InvalidParameterValueException"),
    ("maxResults=99999999999999999999999", "InvalidParameterValueException"),
    ("state=SLEEPING", "InvalidParameterValueException"),
    ("createdAfter=yesterday", "InvalidParameterValueException"),
    ("accountId=12", "InvalidParameterValueException"),
    ("backupVaultName=%00%01", "InvalidParameterValueException"),
    ("&".join(f"f{i}=1" for i in range(150)), "MalformedQueryString"),
])
def test_backup_refuses_bad_query_values(fake, query, code):
    reply = signed(fake, "backup", "GET", "/backup-jobs/", query=query)
    assert (reply.status, reply.headers["x-amzn-ErrorType"]) == (400, code)
    if code != "MalformedQueryString":
        assert reply.json()["Code"] == code and "Message" in reply.json()


@pytest.mark.parametrize("query, status", [
    ("parentJobId=a%20b", 200), ("parentJobId=%C3%A9", 200), ("parentJobId=%2A%2B", 200),
    ("backupVaultName=%FF", 400), ("backupVaultName=%00", 400),
])
def test_query_values_are_decoded_and_encoded_again_for_the_signature(fake, query, status):
    # Any byte may be sent percent-encoded; the signature holds and the value reaches the checks.
    assert signed(fake, "backup", "GET", "/backup-jobs/", query=query).status == status


def test_codeartifact_query_constraints(fake):
    for query in ("max-results=0", "repository-prefix=a", "next-token=%20"):
        reply = signed(fake, "codeartifact", "POST", "/v1/repositories", query=query)
        assert (reply.status, reply.headers["x-amzn-ErrorType"]) == (400, "ValidationException"), query
    # Unknown members and query fields are ignored, as the services do.
    assert signed(fake, "codeartifact", "POST", "/v1/repositories", query="colour=red").status == 200
    assert signed(fake, "codeartifact", "POST", "/v1/domains", body=b'{"colour": "red"}').status == 200


def test_oversized_bodies_are_refused(fake):
    big = b'{"MaxResults": 2, "pad": "' + b"x" * (2 << 20) + b'"}'
    reply = signed(fake, "network-firewall", body=big, headers=json_target("network-firewall", "ListFirewallPolicies"))
    assert (reply.status, reply.json()["__type"]) == (413, "RequestEntityTooLargeException")
    answer = raw_exchange(fake.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413")
    answer = raw_exchange(fake.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400")
    assert call(fake, "network-firewall", "ListFirewallPolicies")["FirewallPolicies"]


@pytest.mark.parametrize("scope_region", ["x" * 300, "EU-WEST-1", "eu-west-1/../../x", "é-ü-1"])
def test_hostile_regions_in_the_scope(fake, scope_region):
    reply = signed(fake, "backup", "GET", "/resources/", region=scope_region)
    assert reply.status in (403,) and reply.headers["x-amzn-ErrorType"] in (
        "InvalidSignatureException", "IncompleteSignatureException")


def test_hostile_paths_and_headers_never_crash_the_fake(fake):
    for path in ["/" + "a" * 8000, "/%ff%fe", "/..%2f..%2fetc/passwd", "/resources/?%zz=%", "/resources/?=&&=&"]:
        reply = signed(fake, "backup", "GET", path.partition("?")[0], query=path.partition("?")[2])
        assert reply.status in (200, 400, 403, 404), (path, reply.status)
    weird = {"X-Amz-Date": "99999999T999999Z", "Authorization":
             "AWS4-HMAC-SHA256 Credential=" + KEY_A[0] + "/99999999/eu-west-1/backup/aws4_request, "
             "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64}
    assert fake.request("GET", "/resources/", headers=weird).status == 403
    raw_exchange(fake.port, b"GARBAGE\r\n\r\n")
    raw_exchange(fake.port, b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
    assert call(fake, "backup", "ListProtectedResources")["Results"]


def test_the_request_log(fake):
    call(fake, "backup", "ListBackupJobs", MaxResults=2)
    with pytest.raises(ClientError):
        client(fake, "backup", key=(KEY_B[0], "wrong")).list_backup_jobs()
    log = fake.request("GET", "/_extras/requests").json()
    assert [{key: entry[key] for key in ("service", "operation", "account", "region", "status", "error", "params")}
            for entry in log] == [
        {"service": "backup", "operation": "ListBackupJobs", "account": ACCOUNT_A, "region": REGION, "status": 200,
         "error": None, "params": {"MaxResults": 2}},
        {"service": "backup", "operation": None, "account": None, "region": None, "status": 403,
         "error": "InvalidSignatureException", "params": None}]
    assert log[1]["access_key_id"] == KEY_B[0]
    assert KEY_A[1] not in json.dumps(log) and KEY_B[1] not in json.dumps(log)


def test_control_routes_answer_unknown_routes_and_methods(fake):
    assert fake.request("GET", "/_extras/nothing").status == 404
    assert fake.request("GET", "/_extras/reset").status == 405
    assert fake.request("POST", "/_extras/faults", body=b"{oops").status == 400
    assert fake.request("POST", "/_extras/resources?mode=sideways", body={}).status == 400


# --- a routed service is served whole: the operations moto also plays, and the seeds kept consistent ------------


@pytest.mark.parametrize("key, region", [(KEY_A, REGION), (KEY_B, "us-east-1")])
def test_the_seeded_resources_refer_to_one_another(fake, key, region):
    def listing(service, operation, result_key, **params):
        return call(fake, service, operation, key, region, **params)[result_key]

    connections = {item["connectionId"] for item in listing("directconnect", "DescribeConnections", "connections")}
    gateways = {item["directConnectGatewayId"]
                for item in listing("directconnect", "DescribeDirectConnectGateways", "directConnectGateways")}
    for vif in listing("directconnect", "DescribeVirtualInterfaces", "virtualInterfaces"):
        assert vif["connectionId"] in connections and vif["directConnectGatewayId"] in gateways

    policies = {item["Arn"] for item in listing("network-firewall", "ListFirewallPolicies", "FirewallPolicies")}
    firewalls = listing("network-firewall", "ListFirewalls", "Firewalls")
    for firewall in firewalls:
        described = call(fake, "network-firewall", "DescribeFirewall", key, region, FirewallArn=firewall["FirewallArn"])
        assert described["Firewall"]["FirewallPolicyArn"] in policies
        assert {name: described["Firewall"][name] for name in firewall} == firewall

    vaults = {vault["BackupVaultName"]: vault for vault in listing("backup", "ListBackupVaults", "BackupVaultList")}
    plans = {plan["BackupPlanId"]: plan
             for plan in listing("backup", "ListBackupPlans", "BackupPlansList", IncludeDeleted=True)}
    jobs = listing("backup", "ListBackupJobs", "BackupJobs")
    done = [job for job in jobs if job["State"] == "COMPLETED"]
    for job in jobs:
        assert vaults[job["BackupVaultName"]]["BackupVaultArn"] == job["BackupVaultArn"]
        assert job["CreatedBy"]["BackupPlanId"] in plans
        assert ("RecoveryPointArn" in job) == (job["State"] == "COMPLETED")
    for name, vault in vaults.items():
        assert vault["NumberOfRecoveryPoints"] == sum(job["BackupVaultName"] == name for job in done)
    for plan_id, plan in plans.items():
        runs = [job["CreationDate"] for job in jobs if job["CreatedBy"]["BackupPlanId"] == plan_id]
        assert plan.get("LastExecutionDate") == (max(runs) if runs else None)
        assert "DeletionDate" not in plan or plan["DeletionDate"] > max(runs, default=plan["CreationDate"])
    protected = listing("backup", "ListProtectedResources", "Results")
    assert {item["ResourceArn"] for item in protected} == {job["ResourceArn"] for job in done}
    for resource in protected:
        last = max((job for job in done if job["ResourceArn"] == resource["ResourceArn"]),
                   key=lambda job: job["CreationDate"])
        assert (resource["LastRecoveryPointArn"], resource["LastBackupVaultArn"], resource["LastBackupTime"]) == (
            last["RecoveryPointArn"], last["BackupVaultArn"], last["CompletionDate"])


def test_describe_connections_filters_by_connection(fake):
    connections = call(fake, "directconnect", "DescribeConnections")["connections"]
    assert len(connections) == 5 and {item["connectionState"] for item in connections} >= {"available", "down"}
    one = call(fake, "directconnect", "DescribeConnections", connectionId=connections[3]["connectionId"])
    assert one["connections"] == [connections[3]] and "nextToken" not in one
    assert call(fake, "directconnect", "DescribeConnections", connectionId="dxcon-nothere")["connections"] == []
    # A token stays bound to its filter.
    paged = call(fake, "directconnect", "DescribeConnections", maxResults=2)
    with pytest.raises(ClientError) as excinfo:
        call(fake, "directconnect", "DescribeConnections", maxResults=2, nextToken=paged["nextToken"],
             connectionId=connections[0]["connectionId"])
    assert error_of(excinfo) == (400, "DirectConnectClientException")
    with pytest.raises(ClientError) as excinfo:
        call(fake, "directconnect", "DescribeConnections", maxResults=0)
    assert error_of(excinfo) == (400, "DirectConnectClientException")


def test_list_firewalls_filters_by_vpc_and_pages_within_the_filter(fake):
    firewalls = call(fake, "network-firewall", "ListFirewalls")["Firewalls"]
    assert len(firewalls) == 5
    described = [call(fake, "network-firewall", "DescribeFirewall", FirewallName=item["FirewallName"])["Firewall"]
                 for item in firewalls]
    vpcs = sorted({item["VpcId"] for item in described})
    assert len(vpcs) == 2
    first = [item for item, full in zip(firewalls, described) if full["VpcId"] == described[0]["VpcId"]]
    vpcs = [described[0]["VpcId"]] + [vpc for vpc in vpcs if vpc != described[0]["VpcId"]]
    assert len(first) == 3
    pages = all_pages(fake, "network-firewall", "ListFirewalls", "NextToken", "NextToken", "MaxResults", "Firewalls",
                      {"VpcIds": [vpcs[0]]}, 2)
    assert [item for page in pages for item in page] == first and len(pages) == 2
    assert call(fake, "network-firewall", "ListFirewalls", VpcIds=vpcs)["Firewalls"] == firewalls
    assert call(fake, "network-firewall", "ListFirewalls", VpcIds=[])["Firewalls"] == firewalls
    assert call(fake, "network-firewall", "ListFirewalls", VpcIds=["vpc-0000"])["Firewalls"] == []
    token = call(fake, "network-firewall", "ListFirewalls", MaxResults=2)["NextToken"]
    with pytest.raises(ClientError) as excinfo:
        call(fake, "network-firewall", "ListFirewalls", NextToken=token, VpcIds=[vpcs[0]])
    assert error_of(excinfo) == (400, "InvalidRequestException")


def test_describe_firewall_by_arn_or_name(fake):
    listed = call(fake, "network-firewall", "ListFirewalls")["Firewalls"][1]
    by_arn = call(fake, "network-firewall", "DescribeFirewall", FirewallArn=listed["FirewallArn"])
    by_name = call(fake, "network-firewall", "DescribeFirewall", FirewallName=listed["FirewallName"])
    both = call(fake, "network-firewall", "DescribeFirewall", **listed)
    for answer in (by_arn, by_name, both):
        answer.pop("ResponseMetadata")
    assert by_arn == by_name == both
    firewall = by_arn["Firewall"]
    assert {"FirewallName", "FirewallArn", "FirewallPolicyArn", "VpcId", "SubnetMappings", "DeleteProtection",
            "FirewallId"} <= set(firewall)
    status = by_arn["FirewallStatus"]
    assert (status["Status"], status["ConfigurationSyncStateSummary"]) == ("READY", "IN_SYNC")
    assert sorted(state["Attachment"]["SubnetId"] for state in status["SyncStates"].values()) == sorted(
        mapping["SubnetId"] for mapping in firewall["SubnetMappings"])
    policy_name = firewall["FirewallPolicyArn"].rsplit("/", 1)[1]
    assert all(policy_name in state["Config"] for state in status["SyncStates"].values())
    model = client(fake, "network-firewall").meta.service_model.operation_model("DescribeFirewall").output_shape
    report = ParamValidator().validate(by_arn, model)
    assert not report.has_errors(), report.generate_report()


@pytest.mark.parametrize("params", [
    {"FirewallName": "fw-nothere"},
    {"FirewallArn": f"arn:aws:network-firewall:{REGION}:{ACCOUNT_A}:firewall/fw-nothere"},
    # Another account's firewall, and a name and an ARN of two different firewalls.
    {"FirewallArn": f"arn:aws:network-firewall:{REGION}:{ACCOUNT_B}:firewall/fw-{REGION}-01"},
    {"FirewallName": f"fw-{REGION}-01", "FirewallArn": f"arn:aws:network-firewall:{REGION}:{ACCOUNT_A}:firewall/"
                                                       f"fw-{REGION}-02"},
])
def test_describe_firewall_of_an_unknown_firewall(fake, params):
    with pytest.raises(ClientError) as excinfo:
        call(fake, "network-firewall", "DescribeFirewall", **params)
    assert error_of(excinfo) == (400, "ResourceNotFoundException")
    assert excinfo.value.response["Error"]["Message"].startswith("Unable to locate a resource")


@pytest.mark.parametrize("body, code", [
    (b"{}", "InvalidRequestException"),
    (b'{"FirewallName": "has spaces"}', "InvalidRequestException"),
    (b'{"FirewallName": ""}', "InvalidRequestException"),
    (b'{"FirewallName": "' + b"a" * 129 + b'"}', "InvalidRequestException"),
    (b'{"FirewallArn": "not-an-arn"}', "InvalidRequestException"),
    (b'{"FirewallArn": 7}', "SerializationException"),
])
def test_describe_firewall_refuses_bad_inputs(fake, body, code):
    reply = signed(fake, "network-firewall", body=body, headers=json_target("network-firewall", "DescribeFirewall"))
    assert (reply.status, reply.json()["__type"]) == (400, code)
    if code != "SerializationException":
        assert "Message" in reply.json()


@pytest.mark.parametrize("body, code", [
    (b'{"VpcIds": ["vpc-XYZ"]}', "InvalidRequestException"),
    (b'{"VpcIds": [""]}', "InvalidRequestException"),
    (b'{"VpcIds": "vpc-0abc"}', "SerializationException"),
    (b'{"MaxResults": 101}', "InvalidRequestException"),
])
def test_list_firewalls_refuses_bad_inputs(fake, body, code):
    reply = signed(fake, "network-firewall", body=body, headers=json_target("network-firewall", "ListFirewalls"))
    assert (reply.status, reply.json()["__type"]) == (400, code)


def test_firewalls_are_seeded_in_describe_firewalls_shape(fake):
    firewall = {"FirewallName": "edge", "FirewallArn": f"arn:aws:network-firewall:{REGION}:{ACCOUNT_A}:firewall/edge",
                "FirewallPolicyArn": f"arn:aws:network-firewall:{REGION}:{ACCOUNT_A}:firewall-policy/strict",
                "VpcId": "vpc-0abc", "SubnetMappings": [{"SubnetId": "subnet-0a"}, {"SubnetId": "subnet-0b"},
                                                        {"SubnetId": "subnet-0c"}],
                "DeleteProtection": True, "FirewallId": "00000000-0000-4000-a000-000000000001"}
    assert fake.request("POST", "/_extras/resources?mode=merge",
                        body={"network-firewall": {ACCOUNT_A: {REGION: {"ListFirewalls": [firewall]}}}}).status == 200
    assert call(fake, "network-firewall", "ListFirewalls")["Firewalls"] == [
        {"FirewallName": "edge", "FirewallArn": firewall["FirewallArn"]}]
    described = call(fake, "network-firewall", "DescribeFirewall", FirewallName="edge")
    assert described["Firewall"] == firewall
    assert sorted(described["FirewallStatus"]["SyncStates"]) == [f"{REGION}a", f"{REGION}b", f"{REGION}c"]
    assert all(state["Config"] == {"strict": {"SyncStatus": "IN_SYNC", "UpdateToken": state["Config"]["strict"][
        "UpdateToken"]}} for state in described["FirewallStatus"]["SyncStates"].values())
    # The other region still has its seeded firewalls; in merge mode the policies are untouched.
    assert len(call(fake, "network-firewall", "ListFirewalls", region="us-east-1")["Firewalls"]) == 5
    assert len(call(fake, "network-firewall", "ListFirewallPolicies")["FirewallPolicies"]) == 5


def test_backup_vaults_filter_by_type_and_sharing(fake):
    vaults = call(fake, "backup", "ListBackupVaults")["BackupVaultList"]
    assert vaults[0]["BackupVaultName"] == "Default" and len(vaults) == 5
    air_gapped = call(fake, "backup", "ListBackupVaults",
                      ByVaultType="LOGICALLY_AIR_GAPPED_BACKUP_VAULT")["BackupVaultList"]
    assert air_gapped == [vault for vault in vaults if vault["VaultType"] == "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"]
    assert len(air_gapped) == 1
    assert call(fake, "backup", "ListBackupVaults", ByVaultType="BACKUP_VAULT")["BackupVaultList"] == vaults[:4]
    assert call(fake, "backup", "ListBackupVaults", ByVaultType="RESTORE_ACCESS_BACKUP_VAULT")["BackupVaultList"] == []
    assert call(fake, "backup", "ListBackupVaults", ByShared=False)["BackupVaultList"] == vaults
    # Shared: the vaults whose ARN names another account; the seeded ones are all the caller's.
    assert call(fake, "backup", "ListBackupVaults", ByShared=True)["BackupVaultList"] == []
    theirs = {"BackupVaultName": "shared-lag", "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
              "BackupVaultArn": f"arn:aws:backup:{REGION}:{ACCOUNT_B}:backup-vault:shared-lag"}
    mine = {"BackupVaultName": "Default", "BackupVaultArn": f"arn:aws:backup:{REGION}:{ACCOUNT_A}:backup-vault:Default"}
    fake.request("POST", "/_extras/resources",
                 body={"backup": {ACCOUNT_A: {REGION: {"ListBackupVaults": [mine, theirs]}}}})
    assert [vault["BackupVaultName"] for vault in call(fake, "backup", "ListBackupVaults", ByShared=True)[
        "BackupVaultList"]] == ["shared-lag"]
    # A vault without a VaultType counts as a BACKUP_VAULT.
    assert [vault["BackupVaultName"] for vault in call(fake, "backup", "ListBackupVaults", ByVaultType="BACKUP_VAULT")[
        "BackupVaultList"]] == ["Default"]


def test_backup_plans_leave_out_deleted_ones_unless_asked(fake):
    active = call(fake, "backup", "ListBackupPlans")["BackupPlansList"]
    everything = call(fake, "backup", "ListBackupPlans", IncludeDeleted=True)["BackupPlansList"]
    assert call(fake, "backup", "ListBackupPlans", IncludeDeleted=False)["BackupPlansList"] == active
    assert len(active) == 5 and not any("DeletionDate" in plan for plan in active)
    assert everything[:5] == active and len(everything) == 6 and "DeletionDate" in everything[5]
    # On the wire as a client sends it (case is not held against it).
    for value, count in (("true", 6), ("TRUE", 6), ("false", 5)):
        assert len(signed(fake, "backup", "GET", "/backup/plans/", query=f"includeDeleted={value}").json()[
            "BackupPlansList"]) == count


@pytest.mark.parametrize("path, query", [
    ("/backup-vaults/", "maxResults=0"), ("/backup-vaults/", "maxResults=1001"), ("/backup-vaults/", "shared=yes"),
    ("/backup-vaults/", "vaultType=TAPE"), ("/backup-vaults/", "nextToken=bm9wZQ%3D%3D"),
    ("/backup/plans/", "maxResults=x"), ("/backup/plans/", "includeDeleted=1"), ("/backup/plans/", "nextToken=zzz"),
])
def test_backup_vaults_and_plans_refuse_bad_query_values(fake, path, query):
    reply = signed(fake, "backup", "GET", path, query=query)
    assert (reply.status, reply.headers["x-amzn-ErrorType"]) == (400, "InvalidParameterValueException")
    assert reply.json()["Code"] == "InvalidParameterValueException" and "Message" in reply.json()


def test_backup_jobs_of_the_report_month(fake):
    jobs = call(fake, "backup", "ListBackupJobs")["BackupJobs"]
    january = [job for job in jobs if job["CreationDate"].strftime("%Y-%m") == "2025-01"]
    assert len(jobs) == 9 and len(january) == 7
    assert call(fake, "backup", "ListBackupJobs", **JANUARY)["BackupJobs"] == january
    assert call(fake, "backup", "ListBackupJobs", ByCreatedBefore=JANUARY["ByCreatedAfter"])["BackupJobs"] == jobs[:1]
    assert call(fake, "backup", "ListBackupJobs", ByCreatedAfter=JANUARY["ByCreatedBefore"])["BackupJobs"] == jobs[-1:]
    # Every ISO 8601 spelling a client may send in the query (percent-encoded, as botocore sends it), and epoch
    # seconds.
    for after, before in [("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
                          ("2025-01-01T00:00:00.000Z", "2025-02-01T00:00:00.000Z"),
                          ("2025-01-01T01:00:00+01:00", "2025-01-31T19:00:00-05:00"),
                          ("2025-01-01T00:00:00", "2025-02-01T00:00:00"),
                          ("1735689600", "1738368000")]:
        query = f"createdAfter={quote(after, safe='-_.~')}&createdBefore={quote(before, safe='-_.~')}"
        raw = signed(fake, "backup", "GET", "/backup-jobs/", query=query)
        assert [job["BackupJobId"] for job in raw.json()["BackupJobs"]] == [job["BackupJobId"] for job in january], (
            after, before, raw.json())
    # A client may leave the colons unencoded on the wire: SigV4 signs the query decoded and encoded again.
    encoded = "createdAfter=2025-01-01T00%3A00%3A00Z&createdBefore=2025-02-01T00%3A00%3A00Z"
    request = AWSRequest(method="GET", url=f"http://127.0.0.1:{fake.port}/backup-jobs/?{encoded}")
    SigV4Auth(Credentials(*KEY_A), "backup", REGION).add_auth(request)
    raw = fake.request("GET", "/backup-jobs/?" + unquote(encoded), headers=dict(request.headers.items()))
    assert [job["BackupJobId"] for job in raw.json()["BackupJobs"]] == [job["BackupJobId"] for job in january]
    # A window holding nothing, and the page token bound to the window it was issued for.
    assert call(fake, "backup", "ListBackupJobs", ByCreatedAfter=JANUARY["ByCreatedBefore"],
                ByCreatedBefore=JANUARY["ByCreatedAfter"])["BackupJobs"] == []
    token = call(fake, "backup", "ListBackupJobs", MaxResults=2, **JANUARY)["NextToken"]
    with pytest.raises(ClientError) as excinfo:
        call(fake, "backup", "ListBackupJobs", NextToken=token)
    assert error_of(excinfo) == (400, "InvalidParameterValueException")


def test_backup_job_time_bounds_are_exclusive(fake):
    def job(number, created):
        return {"BackupJobId": f"job-{number}", "AccountId": ACCOUNT_A, "CreationDate": created}

    seeded = [job(1, "2024-12-31T23:59:59Z"), job(2, "2025-01-01T00:00:00Z"), job(3, "2025-01-01T00:00:00.001Z"),
              job(4, "2025-01-31T23:59:59.999Z"), job(5, "2025-02-01T00:00:00Z")]
    fake.request("POST", "/_extras/resources", body={"backup": {ACCOUNT_A: {REGION: {"ListBackupJobs": seeded}}}})
    listed = call(fake, "backup", "ListBackupJobs", **JANUARY)["BackupJobs"]
    assert [item["BackupJobId"] for item in listed] == ["job-3", "job-4"]


@pytest.mark.parametrize("service, operation, params", [
    ("directconnect", "DescribeConnections", {}),
    ("network-firewall", "ListFirewalls", {}),
    ("network-firewall", "DescribeFirewall", {"FirewallName": f"fw-{REGION}-01"}),
    ("backup", "ListBackupVaults", {}),
    ("backup", "ListBackupPlans", {}),
])
def test_the_new_operations_check_signatures_denies_and_faults(fake, service, operation, params):
    with pytest.raises(ClientError) as excinfo:
        call(fake, service, operation, key=(KEY_A[0], KEY_B[1]), **params)
    assert error_of(excinfo) == (403, "InvalidSignatureException")
    with pytest.raises(ClientError) as excinfo:
        call(fake, service, operation, key=("AKIAUNKNOWNUNKNOWN00", KEY_A[1]), **params)
    assert error_of(excinfo) == (403, "UnrecognizedClientException")
    assert fake.request("POST", "/_extras/faults", body={"status": 500, "service": service,
                                                         "operation": operation}).status == 200
    with pytest.raises(ClientError) as excinfo:
        call(fake, service, operation, **params)
    internal = {"directconnect": "DirectConnectServerException", "network-firewall": "InternalServerError",
                "backup": "ServiceUnavailableException"}[service]
    assert error_of(excinfo) == (500, internal)
    fake.request("POST", "/_extras/deny", body={"service": service, "operation": operation, "account": ACCOUNT_A})
    with pytest.raises(ClientError) as excinfo:
        call(fake, service, operation, **params)
    assert error_of(excinfo) == (403 if service == "backup" else 400, "AccessDeniedException")
    assert call(fake, service, operation, key=KEY_B, **params)
    log = fake.request("GET", "/_extras/requests").json()
    assert [(entry["operation"], entry["status"]) for entry in log] == [
        (None, 403), (None, 403), (operation, 500), (operation, 403 if service == "backup" else 400), (operation, 200)]


def test_the_signature_covers_the_backup_list_queries(fake):
    for path in ("/backup-vaults/", "/backup/plans/"):
        request = AWSRequest(method="GET", url=f"http://127.0.0.1:{fake.port}{path}?maxResults=2")
        SigV4Auth(Credentials(*KEY_A), "backup", REGION).add_auth(request)
        sent = dict(request.headers.items())
        assert fake.request("GET", f"{path}?maxResults=2", headers=sent).status == 200
        moved = fake.request("GET", f"{path}?maxResults=3", headers=sent)
        assert (moved.status, moved.headers.get("x-amzn-ErrorType")) == (403, "InvalidSignatureException")
        other_path = fake.request("GET", "/backup-jobs/?maxResults=2", headers=sent)
        assert other_path.status == 403


# --- Temporary credentials from a trusted STS (moto's AssumeRole), as a role profile gets them -----------------


@pytest.fixture(scope="module")
def moto_sts(tmp_path_factory):
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    launcher = Path(__file__).resolve().parents[2] / "tests" / "moto_server.py"
    process = subprocess.Popen([sys.executable, str(launcher), "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("moto_server did not start")
            time.sleep(0.1)
    try:
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_keys_a_trusted_sts_issued_are_accepted_in_the_roles_account(moto_sts, tmp_path):
    iam = boto3.client("iam", endpoint_url=moto_sts, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]})
    iam.meta.events.register("before-sign.iam.*", lambda request, **_: request.headers.__setitem__("x-moto-account-id", ACCOUNT_B))
    iam.create_role(RoleName="inventory-admin", AssumeRolePolicyDocument=trust)
    sts = boto3.client("sts", endpoint_url=moto_sts, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    issued = sts.assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT_B}:role/inventory-admin", RoleSessionName="inventory")["Credentials"]
    with start("aws_extras_fake.py", ["--key", f"{KEY_A[0]}={KEY_A[1]}@{ACCOUNT_A}", "--trust-sts", moto_sts],
               tmp_path, reset_path="/_extras/reset") as fake:
        def ram(token):
            return boto3.client("ram", region_name=REGION, endpoint_url=f"http://127.0.0.1:{fake.port}",
                                aws_access_key_id=issued["AccessKeyId"], aws_secret_access_key=issued["SecretAccessKey"],
                                aws_session_token=token, config=Config(retries={"total_max_attempts": 1}))

        resources = ram(issued["SessionToken"]).list_resources(resourceOwner="SELF")["resources"]
        assert resources and all(f":{ACCOUNT_B}:" in item["arn"] for item in resources)
        with pytest.raises(ClientError) as refused:
            ram("not-the-token").list_resources(resourceOwner="SELF")
        assert refused.value.response["Error"]["Code"] == "UnrecognizedClientException"
        with pytest.raises(ClientError) as unknown:
            boto3.client("ram", region_name=REGION, endpoint_url=f"http://127.0.0.1:{fake.port}", aws_access_key_id="AKIANOTISSUED",
                         aws_secret_access_key="s", config=Config(retries={"total_max_attempts": 1})).list_resources(resourceOwner="SELF")
        assert unknown.value.response["Error"]["Code"] == "UnrecognizedClientException"
