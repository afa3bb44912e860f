#!/usr/bin/env python3
"""Resources in a moto server for the protocol tests, made with boto3 (the reference client), signed with the
keys in the environment: enough of each kind for several pages where moto pages. Prints what it made.

    protocol_fixture.py ENDPOINT REGION
"""
import json
import sys

import boto3

endpoint, region = sys.argv[1], sys.argv[2]
kw = {"endpoint_url": endpoint, "region_name": region}
made = {}

ec2 = boto3.client("ec2", **kw)
image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
# One reservation each: moto pages DescribeInstances by reservation.
made["instances"] = [ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro")["Instances"][0]["InstanceId"]
                     for _ in range(7)]

iam = boto3.client("iam", **kw)
made["users"] = [iam.create_user(UserName=f"protocol-user-{i}")["User"]["UserName"] for i in range(3)]
made["roles"] = [iam.create_role(RoleName=f"protocol-role-{i}", AssumeRolePolicyDocument="{}")["Role"]["RoleName"]
                 for i in range(5)]

sqs = boto3.client("sqs", **kw)
made["queues"] = [sqs.create_queue(QueueName=f"protocol-queue-{i}")["QueueUrl"] for i in range(3)]

dynamodb = boto3.client("dynamodb", **kw)
made["tables"] = [dynamodb.create_table(
    TableName=f"protocol-table-{i}", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")["TableDescription"]["TableName"]
    for i in range(5)]

logs = boto3.client("logs", **kw)
made["log_groups"] = []
for i in range(5):
    logs.create_log_group(logGroupName=f"/protocol/group-{i}")
    made["log_groups"].append(f"/protocol/group-{i}")

eks = boto3.client("eks", **kw)
made["clusters"] = [eks.create_cluster(
    name=f"protocol-cluster-{i}", roleArn="arn:aws:iam::123456789012:role/eks",
    resourcesVpcConfig={"subnetIds": ["subnet-1"]})["cluster"]["name"] for i in range(5)]

route53 = boto3.client("route53", **kw)
made["zones"] = [route53.create_hosted_zone(Name=f"z{i}.protocol.example.com", CallerReference=f"protocol-{i}")["HostedZone"]["Id"]
                 for i in range(5)]

print(json.dumps(made))
