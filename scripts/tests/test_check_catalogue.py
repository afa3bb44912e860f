"""The catalogue checker fails on each kind of wrong fact it is there to catch."""

import copy
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("check_catalogue.py")

GOOD = {
    "id": "ec2-instances",
    "api": {"serviceID": "EC2", "signingName": "ec2", "endpointPrefix": "ec2", "protocol": "ec2", "apiVersion": "2016-11-15"},
    "listing": {
        "operation": {"name": "DescribeInstances", "method": "POST", "path": "/"},
        "input": [],
        "items": ["reservationSet[].instancesSet[]"],
        "expansions": [],
        "paging": {"inputToken": "NextToken", "outputToken": "nextToken", "limitKey": "MaxResults", "pageSizes": [5, 1000]},
    },
    "columns": [{"header": "ID", "paths": ["instanceId"]}, {"header": "AZ", "paths": ["placement.availabilityZone"]},
                {"header": "Name", "paths": ["tagSet[]"]}],
}

QUEUES = {
    "id": "sqs-queues",
    "api": {"serviceID": "SQS", "signingName": "sqs", "endpointPrefix": "sqs", "protocol": "json", "jsonVersion": "1.0", "targetPrefix": "AmazonSQS"},
    "listing": {
        "operation": {"name": "ListQueues", "method": "POST", "path": "/"},
        "input": [],
        "items": ["QueueUrls[]"],
        "expansions": [],
        "detail": {"operation": {"name": "GetQueueAttributes", "method": "POST", "path": "/"}, "input": ["QueueUrl", "AttributeNames"],
                   "result": "Attributes", "merge": "members"},
    },
    "columns": [{"header": "Queue", "paths": ["Listed"]}, {"header": "Messages", "paths": ["ApproximateNumberOfMessages"]}],
}

TABLES = {
    "id": "dynamodb-tables",
    "api": {"serviceID": "DynamoDB", "signingName": "dynamodb", "endpointPrefix": "dynamodb", "protocol": "json", "jsonVersion": "1.0",
            "targetPrefix": "DynamoDB_20120810"},
    "listing": {
        "operation": {"name": "ListTables", "method": "POST", "path": "/"},
        "input": [],
        "items": ["TableNames[]"],
        "expansions": [],
        "paging": {"inputToken": "ExclusiveStartTableName", "outputToken": "LastEvaluatedTableName", "limitKey": "Limit", "pageSizes": [1, 100]},
    },
    "columns": [{"header": "Table", "paths": ["Listed"]}],
}


def run(catalogue):
    return subprocess.run([sys.executable, str(SCRIPT)], input=json.dumps(catalogue), capture_output=True, text=True, check=False)


def broken(change, base=GOOD):
    entry = copy.deepcopy(base)
    change(entry)
    return entry


def test_good_entries_pass():
    result = run([GOOD, QUEUES, TABLES])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all hold" in result.stdout


def test_each_wrong_fact_is_caught():
    cases = {
        "no operation DescribeInstance": broken(lambda e: e["listing"]["operation"].update(name="DescribeInstance")),
        "input token Nexttoken": broken(lambda e: e["listing"]["paging"].update(inputToken="Nexttoken")),
        "outputToken NextToken": broken(lambda e: e["listing"]["paging"].update(outputToken="NextToken")),
        "above the model's max": broken(lambda e: e["listing"]["paging"].update(pageSizes=[1, 1000]), TABLES),
        "items reservations[]": broken(lambda e: e["listing"].update(items=["reservations[]"])),
        "path instanceID": broken(lambda e: e["columns"].append({"header": "X", "paths": ["instanceID"]})),
        "API version": broken(lambda e: e["api"].update(apiVersion="2015-10-01")),
        "target prefix": broken(lambda e: e["api"].update(targetPrefix="AmazonSQSv2"), QUEUES),
        "input field QueueURL": broken(lambda e: e["listing"]["detail"].update(input=["QueueURL"]), QUEUES),
        "path Approximate": broken(lambda e: e["columns"].append({"header": "Y", "paths": ["ApproximateMessages"]}), QUEUES),
    }
    for expected, entry in cases.items():
        result = run([entry])
        assert result.returncode == 1, expected
        assert expected.split()[-1] in result.stdout, (expected, result.stdout)
