"""botocore's side of the signing benchmark: the same requests as signing-bench, signed the way an SDK user
would (SigV4Auth.add_auth on a DynamoDB request, S3 client generate_presigned_url), after a warm-up.

Usage: botocore_signing_bench.py <inputs.json> [iterations]. Prints one JSON object.
"""
import datetime
import json
import sys
import time
from unittest import mock

import botocore
import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        inputs = json.load(handle)
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    warm_up = max(1, iterations // 10)
    frozen = datetime.datetime.fromtimestamp(inputs["timestamp"], tz=datetime.timezone.utc)
    credentials = Credentials(inputs["access_key_id"], inputs["secret_access_key"], inputs["session_token"])
    header = inputs["header"]
    body = header["body"].encode("utf-8")

    def sign_headers(count):
        digest = 0
        for _ in range(count):
            request = AWSRequest(
                method="POST",
                url="https://" + header["host"] + "/",
                data=body,
                headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": header["target"]},
            )
            botocore.auth.SigV4Auth(credentials, header["service"], inputs["region"]).add_auth(request)
            digest += len(request.headers["Authorization"])
        return digest

    s3 = botocore.session.get_session().create_client(
        "s3",
        region_name=inputs["region"],
        aws_access_key_id=inputs["access_key_id"],
        aws_secret_access_key=inputs["secret_access_key"],
        aws_session_token=inputs["session_token"],
        config=Config(signature_version="s3v4", s3={"addressing_style": "virtual"}),
    )
    presign = inputs["presign"]

    def presign_urls(count):
        digest = 0
        for _ in range(count):
            url = s3.generate_presigned_url(
                "get_object", Params={"Bucket": presign["bucket"], "Key": presign["key"]}, ExpiresIn=presign["expires"]
            )
            digest += len(url)
        return digest

    with mock.patch.object(botocore.auth, "get_current_datetime", lambda: frozen):
        sign_headers(warm_up)
        start = time.perf_counter()
        sign_headers(iterations)
        header_rate = iterations / (time.perf_counter() - start)

        presign_urls(warm_up)
        start = time.perf_counter()
        presign_urls(iterations)
        presign_rate = iterations / (time.perf_counter() - start)

    print(json.dumps({
        "implementation": f"botocore {botocore.__version__} (Python {sys.version.split()[0]})",
        "iterations": iterations,
        "header_signatures_per_second": int(header_rate),
        "presigned_urls_per_second": int(presign_rate),
    }))


if __name__ == "__main__":
    main()
