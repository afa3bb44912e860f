#!/usr/bin/env bash
# `opsdaily whoami` (the static release binary) against `aws sts get-caller-identity` (the AWS CLI, v1 on
# this machine), both asking the same moto, with signature checking on, for the same profile: wall time
# per run, median of N alternating runs, the ratio, and the >= 10x verdict.
# Usage: scripts/bench/whoami.sh [runs]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$REPO_ROOT/scripts/lib/release.sh"
runs="${1:-15}"

ensure_local_aws_python
command -v aws >/dev/null || ensure_apt_packages awscli
build_release opsdaily
opsdaily="$(release_bin_dir)/opsdaily"
start_work
start_moto

# An IAM user and its key while checking is off, then checking on: the key is all either tool has.
python3 - "$MOTO_ENDPOINT" "$WORK" <<'PY'
import json, sys, urllib.request
import boto3
endpoint, work = sys.argv[1], sys.argv[2]
iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="setup", aws_secret_access_key="setup")
iam.create_user(UserName="bench")
iam.put_user_policy(UserName="bench", PolicyName="all", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
key = iam.create_access_key(UserName="bench")["AccessKey"]
with open(f"{work}/credentials", "w") as out:
    out.write(f"[bench]\naws_access_key_id = {key['AccessKeyId']}\naws_secret_access_key = {key['SecretAccessKey']}\n")
with open(f"{work}/config", "w") as out:
    out.write("[profile bench]\nregion = ap-northeast-2\n")
urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                              headers={"Content-Type": "text/plain"}))
PY
export AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials" AWS_CONFIG_FILE="$WORK/config" AWS_ENDPOINT_URL="$MOTO_ENDPOINT"
export AWS_EC2_METADATA_DISABLED=true

"$opsdaily" whoami --profile bench > "$WORK/opsdaily.txt" || die "opsdaily whoami failed: $(cat "$WORK/opsdaily.txt")"
aws sts get-caller-identity --profile bench --endpoint-url "$MOTO_ENDPOINT" > "$WORK/aws.txt" || die "aws sts get-caller-identity failed"
grep -q "arn:aws:iam::123456789012:user/bench" "$WORK/opsdaily.txt" || die "opsdaily answered: $(cat "$WORK/opsdaily.txt")"
grep -q "arn:aws:iam::123456789012:user/bench" "$WORK/aws.txt" || die "aws answered: $(cat "$WORK/aws.txt")"

# Alternating runs, so both see the same machine load; nanosecond wall clock around each process.
: > "$WORK/times"
for _ in $(seq "$runs"); do
    start=$(date +%s%N); "$opsdaily" whoami --profile bench > /dev/null; end=$(date +%s%N)
    echo "opsdaily $(( (end - start) / 1000 ))" >> "$WORK/times"
    start=$(date +%s%N); aws sts get-caller-identity --profile bench --endpoint-url "$MOTO_ENDPOINT" > /dev/null; end=$(date +%s%N)
    echo "aws $(( (end - start) / 1000 ))" >> "$WORK/times"
done
python3 - "$WORK/times" "$runs" "$(megabytes "$opsdaily")" <<'PY'
import statistics, sys
times = {"opsdaily": [], "aws": []}
for line in open(sys.argv[1]):
    tool, micros = line.split()
    times[tool].append(int(micros) / 1000)
ours, theirs = statistics.median(times["opsdaily"]), statistics.median(times["aws"])
print(f"whoami against the same moto (signature checking on), median of {sys.argv[2]} alternating runs each")
print(f"  {'tool':<36} {'median':>10} {'min':>10} {'max':>10}")
print(f"  {'opsdaily whoami (static, ' + sys.argv[3] + ' MB)':<36} {ours:>8.1f} ms {min(times['opsdaily']):>7.1f} ms {max(times['opsdaily']):>7.1f} ms")
print(f"  {'aws sts get-caller-identity (CLI v1)':<36} {theirs:>8.1f} ms {min(times['aws']):>7.1f} ms {max(times['aws']):>7.1f} ms")
ratio = theirs / ours
print(f"  ratio {ratio:.1f}x  {'PASS' if ratio >= 10 else 'FAIL'} (goal >= 10x)")
PY
