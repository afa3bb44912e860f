#!/usr/bin/env python3
"""The baseline `opsdaily inventory` is measured against: Python + boto3 making the same calls one after
another, as the 2023 script did (aws-resource-list.py: one client per service, each kind in turn, each
describe after its list). Every list call is paged with boto3's paginators at the services' default page
size; then the describe calls the catalogue makes: a user's groups and the credential report, ECS and
CodeBuild and CodeDeploy batches of 100, EKS, DynamoDB, SQS, Firehose, SNS, KMS and Network Firewall per
item, S3 bucket locations and the AWS/S3 storage metrics per region.

Usage: inventory_baseline.py --profile P --region R [--region R] [--extras-services]  (endpoints from
AWS_ENDPOINT_URL[_<SERVICE>], which botocore honours). Prints the rows per kind as JSON."""

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

import boto3
import jmespath

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import inventory_fixture as fixture  # noqa: E402


def items(kind, page):
    return jmespath.search(kind.rows, page) or [] if isinstance(kind.rows, str) else []


def describe(kind, client, listed, session, region):
    """The catalogue's detail calls for one kind's items, one after another."""
    if kind.id == "iam-users":
        for user in listed:
            for _ in client.get_paginator("list_groups_for_user").paginate(UserName=user["UserName"]):
                pass
        while client.generate_credential_report()["State"] != "COMPLETE":
            time.sleep(2)
        client.get_credential_report()
    elif kind.id in ("ecs-clusters", "codebuild-projects", "codedeploy-applications"):
        operation, member = {"ecs-clusters": ("describe_clusters", "clusters"), "codebuild-projects": ("batch_get_projects", "names"),
                             "codedeploy-applications": ("batch_get_applications", "applicationNames")}[kind.id]
        for start in range(0, len(listed), 100):
            getattr(client, operation)(**{member: listed[start:start + 100]})
    elif kind.id == "eks-clusters":
        for name in listed:
            client.describe_cluster(name=name)
    elif kind.id == "dynamodb-tables":
        for name in listed:
            client.describe_table(TableName=name)
    elif kind.id == "sqs-queues":
        for url in listed:
            client.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])
    elif kind.id == "firehose-streams":
        for name in listed:
            client.describe_delivery_stream(DeliveryStreamName=name)
    elif kind.id == "sns-topics":
        for topic in listed:
            client.get_topic_attributes(TopicArn=topic["TopicArn"])
    elif kind.id == "kms-keys":
        for key in listed:
            client.describe_key(KeyId=key["KeyId"])
    elif kind.id == "network-firewalls":
        for firewall in listed:
            client.describe_firewall(FirewallArn=firewall["FirewallArn"])
    elif kind.id == "s3-buckets":
        regions = {bucket.get("BucketRegion") or client.get_bucket_location(Bucket=bucket["Name"])["LocationConstraint"] or "us-east-1"
                   for bucket in listed}
        now = datetime.datetime.now(datetime.timezone.utc)
        for bucket_region in sorted(regions):
            cloudwatch = session.client("cloudwatch", region_name=bucket_region)
            metrics = [m for page in cloudwatch.get_paginator("list_metrics").paginate(Namespace="AWS/S3") for m in page["Metrics"]]
            queries = [{"Id": f"q{i}", "MetricStat": {"Metric": metric, "Period": 86400, "Stat": "Average"}} for i, metric in enumerate(metrics)]
            for start in range(0, len(queries), 500):
                cloudwatch.get_metric_data(MetricDataQueries=queries[start:start + 500], StartTime=now - datetime.timedelta(days=3), EndTime=now)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", required=True)
    parser.add_argument("--region", action="append", required=True)
    parser.add_argument("--month", required=True)
    args = parser.parse_args(argv)
    session = boto3.Session(profile_name=args.profile)
    params = fixture.run_params(args.month)
    rows = {}
    clients = {}  # one client per service and region, as the 2023 script kept one per service
    for kind in fixture.KINDS:
        places = [kind.region or args.region[0]] if kind.reach == "G" else args.region
        for region in places:
            key = (kind.service, kind.region or region)
            client = clients.get(key) or clients.setdefault(key, session.client(kind.service, region_name=key[1]))
            listed = []
            count = 0
            for page in fixture.pages(client, kind, None, params.get(kind.id)):
                count += fixture.rows(kind, page)
                listed += items(kind, page)
            describe(kind, client, listed, session, region)
            rows[kind.id] = rows.get(kind.id, 0) + count
    print(json.dumps(rows, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
