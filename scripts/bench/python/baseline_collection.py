"""The 2023 collection function's work, for the ingest benchmark: parse the webhook JSON and boto3
`put_item` one item (with the payload copied in, as it did), under awslambdaric."""
import json
import os
import time

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["OPS_ALERTS_TABLE"])


def handler(event, context):
    body = json.loads(event["body"])
    kst = time.gmtime(int(body["date"]) / 1000 + 9 * 3600)
    TABLE.put_item(Item={
        "pk": "EVENT#" + body["id"],
        "sk": "ALERT",
        "day": time.strftime("%Y-%m-%d", kst),
        "at": body["date"].zfill(13) + "#" + body["id"],
        "time": time.strftime("%H%M%S", kst),
        **{key: value for key, value in body.items() if isinstance(value, str) and value},
        "payload": body,
    })
    return {"statusCode": 200, "body": json.dumps({"status": "stored"})}
