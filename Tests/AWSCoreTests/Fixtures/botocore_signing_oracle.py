"""Signs S3 GETs with botocore, the reference our signer is compared with byte for byte.

Input (JSON file named by argv[1]): a list of cases, each with region, endpoint_url (absent for AWS),
addressing_style, bucket, key, expires, access_key, secret_key, session_token (both may be absent) and
timestamp (epoch seconds). Output (stdout, JSON): for each case the pre-signed URL that
generate_presigned_url makes, and the Authorization header botocore puts on a plain GET of the
same object, both with botocore's clock frozen at the case's timestamp.
"""
import datetime
import json
import sys
from unittest import mock

import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials


def sign(case, session):
    frozen = datetime.datetime.fromtimestamp(case["timestamp"], tz=datetime.timezone.utc)
    client = session.create_client(
        "s3",
        region_name=case["region"],
        endpoint_url=case.get("endpoint_url"),
        aws_access_key_id=case["access_key"],
        aws_secret_access_key=case["secret_key"],
        aws_session_token=case.get("session_token"),
        config=Config(signature_version="s3v4", s3={"addressing_style": case["addressing_style"]}),
    )
    with mock.patch.object(botocore.auth, "get_current_datetime", lambda: frozen):
        url = client.generate_presigned_url(
            "get_object", Params={"Bucket": case["bucket"], "Key": case["key"]}, ExpiresIn=case["expires"]
        )
        # The pre-signed URL's path is exactly what a GET of the object sends.
        plain_url = url.split("?", 1)[0]
        request = AWSRequest(method="GET", url=plain_url)
        credentials = Credentials(case["access_key"], case["secret_key"], case.get("session_token"))
        botocore.auth.S3SigV4Auth(credentials, "s3", case["region"]).add_auth(request)
    return {"url": url, "authorization": request.headers["Authorization"]}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    session = botocore.session.get_session()
    json.dump([sign(case, session) for case in cases], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
