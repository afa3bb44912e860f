"""scripts/tests/inventory_fixture.py against a moto_server of its own with signature checking on (switched on
as Tests/TestSupport/MotoServer.swift does) and scripts/fakes/aws_extras_fake.py: the estate is in every
account and region, pages as measured, the no-ec2 role is denied EC2 and nothing else, and the queued Cost
Explorer answer comes back page by page with the amounts `queue_cost` promised."""

import datetime
import json
import subprocess
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fakes" / "tests"))
import inventory_fixture as fixture  # noqa: E402
from motokit import moto_server  # noqa: E402
from fakeproc import start as start_fake  # noqa: E402

# December: the cost request's End is 1 January of the next year.
MONTH = "2025-12"
# The REST GET lists moto 5.2.1 alone refuses signed; scripts/tests/moto_server.py checks them correctly.
REST_GETS = {"efs-file-systems", "eks-clusters", "msk-clusters", "lambda-functions", "hosted-zones", "cloudfront-distributions"}


@pytest.fixture(scope="module")
def moto(tmp_path_factory):
    with moto_server(tmp_path_factory.mktemp("moto")) as server:
        yield server


@pytest.fixture(scope="module")
def estate(moto):
    """The CLI's answer, as the bench gets it: what was made, the queued cost, one entry per kind."""
    endpoint, key, secret = moto
    started = time.monotonic()
    run = subprocess.run([sys.executable, str(HERE / "inventory_fixture.py"), "seed", "--endpoint", endpoint,
                          "--key", key, "--secret", secret, "--month", MONTH],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    print(f"\nseed + survey: {time.monotonic() - started:.1f} s {answer['seconds']}")
    return answer


def credentials(estate):
    return {account: details["credentials"] for account, details in estate["made"]["accounts"].items()}


def entries(estate):
    return {(e["account"], e["region"], e["kind"]): e for e in estate["kinds"]}


def places(kind, accounts, regions):
    where = [fixture.GLOBAL] if kind.reach == "G" else regions
    return [(account, region) for account in accounts for region in where]


def served_by_extras():
    return {kind.id for kind in fixture.KINDS if kind.service in fixture.EXTRAS_SERVICES}


@pytest.fixture(scope="module")
def extras(estate, tmp_path_factory):
    """The fake, knowing both accounts' keys (the second's are the AssumeRole credentials seed got), with the
    month's backup jobs, surveyed as a run routing its six services there would be."""
    keys = [f"{c['aws_access_key_id']}={c['aws_secret_access_key']}@{account}" for account, c in credentials(estate).items()]
    with start_fake("aws_extras_fake.py", [arg for key in keys for arg in ("--key", key)],
                    tmp_path_factory.mktemp("extras"), reset_path="/_extras/reset") as fake:
        url = f"http://127.0.0.1:{fake.port}"
        made = estate["made"]
        jobs = fixture.seed_extras(url, made["accounts"], made["regions"], MONTH)
        found = fixture.survey(made["endpoint"], credentials(estate), made["regions"], url,
                               extra_params=fixture.run_params(MONTH), only=served_by_extras())
        yield found, jobs


def test_every_kind_moto_plays_is_in_every_account_and_region(moto, estate):
    found = entries(estate)
    made = estate["made"]
    # Listed again, once: the same rows.
    assert fixture.expected_counts(moto[0], credentials(estate), made["regions"]) == \
        {key: entry["count"] for key, entry in found.items()}
    accounts, regions = list(estate["made"]["accounts"]), estate["made"]["regions"]
    assert len(accounts) == 2
    for kind in fixture.KINDS:
        for account, where in places(kind, accounts, regions):
            if kind.src == "fake":
                assert (account, where, kind.id) not in found
                continue
            entry = found[(account, where, kind.id)]
            assert entry["error"] is None and entry["count"] >= 1, entry
    counts = defaultdict(int)
    for entry in estate["kinds"]:
        counts[entry["kind"]] += entry["count"]
    print("\nrows per kind, both accounts: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()))


def test_pages_are_as_measured(estate):
    """The kinds moto pages need two pages at --page-size 2 (clamped); moto answers the others at once; the
    rows at that size are all the rows, except where moto loses its token."""
    for entry in estate["kinds"]:
        kind = entry["kind"]
        if kind in fixture.MOTO_PAGES:
            assert entry["pages"] >= 2, entry
        else:
            assert entry["pages"] == 1, entry
        if kind in fixture.MOTO_LOSES_PAGES:
            assert entry["paged_count"] < entry["count"], entry
        else:
            assert entry["paged_count"] == entry["count"], entry


def test_every_kind_is_listed_signed_rest_gets_too(estate):
    failed = {entry["kind"]: entry["error"] for entry in estate["kinds"] if entry["error"]}
    assert not failed
    assert REST_GETS <= {entry["kind"] for entry in estate["kinds"] if entry["count"]}


def test_the_extras_fake_serves_its_kinds_in_pages(estate, extras):
    found, jobs = extras
    assert served_by_extras() == {kind.id for kind in fixture.KINDS if kind.src in ("fake", "either")}
    accounts, regions = list(estate["made"]["accounts"]), estate["made"]["regions"]
    assert set(found) == {(account, where, kind.id) for kind in fixture.KINDS if kind.id in served_by_extras()
                          for account, where in places(kind, accounts, regions)}
    for key, listing in found.items():
        assert listing.error is None and listing.count >= 1 and listing.pages >= 2, (key, listing)
        assert listing.paged_count == listing.count, (key, listing)
    backup_jobs = [listing.count for (_, _, kind), listing in found.items() if kind == "backup-jobs"]
    assert backup_jobs == [jobs - 1] * 4  # the month's, not the one of the day before


def test_the_second_account_is_reached_through_its_role(moto, estate):
    endpoint = moto[0]
    made = estate["made"]
    second = [account for account in made["accounts"] if account != fixture.MAIN_ACCOUNT]
    assert second == ["111111111111"]
    assert made["accounts"]["111111111111"]["role_arn"] == f"arn:aws:iam::111111111111:role/{fixture.SECOND_ACCOUNT_ROLE}"
    # As opsdaily reaches it: AssumeRole from the main account's user.
    assumed = fixture.assume(endpoint, made["accounts"][fixture.MAIN_ACCOUNT]["credentials"],
                             made["accounts"]["111111111111"]["role_arn"])
    who = fixture.Aws(endpoint, assumed).client("sts", "us-east-1").get_caller_identity()
    assert who["Account"] == "111111111111"
    names = [b["Name"] for b in fixture.Aws(endpoint, assumed).client("s3", "us-east-1").list_buckets()["Buckets"]]
    assert names and all("-111111111111-" in name for name in names)


def test_the_no_ec2_role_is_denied_ec2_only(moto, estate):
    endpoint = moto[0]
    made = estate["made"]
    aws = fixture.Aws(endpoint, fixture.assume(endpoint, made["accounts"][fixture.MAIN_ACCOUNT]["credentials"],
                                               made["no_ec2_role_arn"]))
    for call in ("describe_instances", "describe_vpcs", "describe_security_groups"):
        with pytest.raises(ClientError) as denied:
            getattr(aws.client("ec2", "ap-northeast-2"), call)()
        assert denied.value.response["Error"]["Code"] == "AccessDenied"
    assert len(aws.client("sqs", "ap-northeast-2").list_queues()["QueueUrls"]) == fixture.made("sqs-queues")
    assert aws.client("iam", "us-east-1").list_roles()["Roles"]


def test_security_group_rules_are_one_row_per_peer(moto, estate):
    aws = fixture.Aws(moto[0], estate["made"]["accounts"][fixture.MAIN_ACCOUNT]["credentials"])
    groups = aws.client("ec2", "us-east-1").describe_security_groups(
        Filters=[{"Name": "group-name", "Values": [f"{fixture.PREFIX}-{name}" for name in ("web", "app", "empty")]}])
    rows = {g["GroupName"]: fixture.security_group_rule_rows({"SecurityGroups": [g]}) for g in groups["SecurityGroups"]}
    assert rows == {"inv-web": 8, "inv-app": 2, "inv-empty": 1}


def test_s3_storage_metrics_are_in_each_bucket_region(moto, estate):
    """Read as opsdaily reads them (Sources/Inventory/Engine/BucketFacts.swift): GetMetricData in the bucket's
    region, the last three days, daily averages, BucketName then StorageType."""
    now = datetime.datetime.now(datetime.timezone.utc)
    for account, details in estate["made"]["accounts"].items():
        aws = fixture.Aws(moto[0], details["credentials"])
        assert len(details["buckets"]) == fixture.made("s3-buckets") * len(estate["made"]["regions"])
        for bucket, expected in details["buckets"].items():
            queries = [{"Id": f"q{i}", "MetricStat": {"Period": 86400, "Stat": "Average", "Metric": {
                "Namespace": "AWS/S3", "MetricName": metric,
                "Dimensions": [{"Name": "BucketName", "Value": bucket}, {"Name": "StorageType", "Value": storage}]}}}
                       for i, (metric, storage) in enumerate((("BucketSizeBytes", "StandardStorage"),
                                                              ("NumberOfObjects", "AllStorageTypes")))]
            answer = aws.client("cloudwatch", expected["region"]).get_metric_data(
                StartTime=now - datetime.timedelta(days=3), EndTime=now, MetricDataQueries=queries)
            values = {result["Id"]: result["Values"] for result in answer["MetricDataResults"]}
            assert values == {"q0": [expected["BucketSizeBytes"]], "q1": [expected["NumberOfObjects"]]}, (account, bucket)


def test_the_queued_cost_comes_back_page_by_page(moto, estate):
    for account, details in estate["made"]["accounts"].items():
        expected = estate["cost"][account]
        assert expected["start"] == "2025-11-01" and expected["end"] == "2026-01-01"
        ce = fixture.Aws(moto[0], details["credentials"]).client("ce", "us-east-1")
        request = {"TimePeriod": {"Start": expected["start"], "End": expected["end"]}, "Granularity": "MONTHLY",
                   "Metrics": list(fixture.COST_METRICS),
                   "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "RECORD_TYPE"}]}
        first = ce.get_cost_and_usage(**request)
        second = ce.get_cost_and_usage(**request, NextPageToken=first["NextPageToken"])
        assert "NextPageToken" not in second
        assert ce.get_cost_and_usage(**request)["ResultsByTime"] == first["ResultsByTime"]  # same body, same page
        amounts = defaultdict(Decimal)
        estimated = {}
        for result in first["ResultsByTime"] + second["ResultsByTime"]:
            month = result["TimePeriod"]["Start"][:7]
            estimated[month] = result["Estimated"]
            for group in result["Groups"]:
                for metric, value in group["Metrics"].items():
                    amounts[(tuple(group["Keys"]), metric, month)] += Decimal(value["Amount"])
        assert [r["TimePeriod"]["Start"][:7] for r in first["ResultsByTime"]] == expected["months"]
        assert [r["TimePeriod"]["Start"][:7] for r in second["ResultsByTime"]] == [MONTH]
        assert estimated == expected["estimated"] == {"2025-11": False, MONTH: True}
        for row in expected["rows"]:
            for metric, by_month in row["amounts"].items():
                for month, amount in by_month.items():
                    assert amounts[((row["service"], row["record_type"]), metric, month)] == Decimal(amount), (row, metric, month)
        for metric, by_month in expected["totals"].items():
            for month, total in by_month.items():
                assert sum(v for (_, m, when), v in amounts.items() if m == metric and when == month) == Decimal(total)
        record_types = {keys[1] for keys, _, _ in amounts}
        assert {"Usage", "Tax", "Credit", "Refund"} <= record_types
