#!/usr/bin/env python3
"""Creates a role anyone in the account may assume (and which may do anything) in a moto server; prints its ARN.

    make_role.py ENDPOINT NAME
"""
import json
import sys

import boto3

iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
arn = iam.create_role(RoleName=sys.argv[2], AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
iam.put_role_policy(RoleName=sys.argv[2], PolicyName="everything",
                    PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
print(arn)
