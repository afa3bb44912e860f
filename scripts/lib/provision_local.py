#!/usr/bin/env python3
"""Creates in a local AWS (moto) what terraform/modules/opsdaily creates in AWS and the functions use:
the alerts table (pk, sk; by_day index on day + at, all attributes), the checks table (pk, sk), TTL on
expires_at, the report bucket, the three secrets with values, and the report signer (report_signing_user):
a user with an access key of its own, stored in the report-signing secret. Key names and indexes must match
terraform/modules/opsdaily/storage.tf (scripts/tests/test_provision_matches_terraform.py checks that).

Prints the names as JSON so callers can pass them to the functions.
"""
import argparse
import json

import boto3

ALERTS_DAY_INDEX = "by_day"


def tables(prefix):
    key_schema = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
    return {
        f"{prefix}-alerts": {
            "AttributeDefinitions": [
                {"AttributeName": name, "AttributeType": "S"} for name in ("pk", "sk", "day", "at")
            ],
            "KeySchema": key_schema,
            "GlobalSecondaryIndexes": [{
                "IndexName": ALERTS_DAY_INDEX,
                "KeySchema": [{"AttributeName": "day", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"},
            }],
        },
        f"{prefix}-checks": {
            "AttributeDefinitions": [{"AttributeName": name, "AttributeType": "S"} for name in ("pk", "sk")],
            "KeySchema": key_schema,
        },
    }


def report_signer_key(iam, user):
    """A fresh access key of the report signer, as the operator makes it (terraform/README.md, step 4)."""
    try:
        iam.create_user(UserName=user, Path="/opsdaily/")
    except iam.exceptions.EntityAlreadyExistsException:
        for key in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]:
            iam.delete_access_key(UserName=user, AccessKeyId=key["AccessKeyId"])
    key = iam.create_access_key(UserName=user)["AccessKey"]
    return {"access_key_id": key["AccessKeyId"], "secret_access_key": key["SecretAccessKey"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", default="ap-northeast-2")
    parser.add_argument("--prefix", default="opsdaily-local")
    parser.add_argument("--webhook-token", required=True)
    parser.add_argument("--datadog-api-key", default="local-api-key")
    parser.add_argument("--datadog-app-key", default="local-app-key")
    parser.add_argument("--slack-webhook-url", default="http://127.0.0.1:9/services/T000/B000/XXXX")
    args = parser.parse_args()

    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=args.region)
    dynamodb = session.client("dynamodb", endpoint_url=args.endpoint)
    s3 = session.client("s3", endpoint_url=args.endpoint)
    secrets = session.client("secretsmanager", endpoint_url=args.endpoint)
    iam = session.client("iam", endpoint_url=args.endpoint)

    existing = set(dynamodb.list_tables()["TableNames"])
    for name, definition in tables(args.prefix).items():
        if name not in existing:
            dynamodb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST", **definition)
            dynamodb.update_time_to_live(
                TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"})

    bucket = f"{args.prefix}-reports"
    if bucket not in {b["Name"] for b in s3.list_buckets()["Buckets"]}:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": args.region})

    values = {
        "webhook": {"token": args.webhook_token},
        "datadog": {"api_key": args.datadog_api_key, "app_key": args.datadog_app_key},
        "slack": {"webhook_url": args.slack_webhook_url},
        "report-signing": report_signer_key(iam, f"{args.prefix}-report-signer"),
    }
    secret_ids = {}
    for name, value in values.items():
        secret_id = f"{args.prefix}/{name}"
        try:
            secrets.create_secret(Name=secret_id, SecretString=json.dumps(value))
        except secrets.exceptions.ResourceExistsException:
            secrets.put_secret_value(SecretId=secret_id, SecretString=json.dumps(value))
        secret_ids[name] = secret_id

    print(json.dumps({
        "alerts_table": f"{args.prefix}-alerts",
        "checks_table": f"{args.prefix}-checks",
        "report_bucket": bucket,
        "secrets": secret_ids,
        "report_signer_access_key_id": values["report-signing"]["access_key_id"],
    }))


if __name__ == "__main__":
    main()
