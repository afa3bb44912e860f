#!/usr/bin/env bash
# Checks everything under terraform/ on one machine, offline:
#   1. terraform fmt -check -recursive
#   2. terraform init + validate of every root and module the aws provider can init
#   3. checkov (own venv, --skip-download): zero failed checks
#   4. the Datadog stack: python-hcl2 parse + catalogue/convention and dashboard
#      tests (own venv)
#   5. value domains: Terraform's verdict on every case of
#      scripts/tests/data/value-domain-cases.json (plans of the small settings
#      module, no provider) must be the file's
#   6. apply of environments/local against a moto server started here, listing
#      of what was created with the aws CLI, a second plan that must be empty,
#      a plan of schedules_enabled = true that may only switch the schedules
#      on, and destroy
# Installs what a fresh machine lacks (the two venvs). Needs terraform and
# python3 with moto, boto3 and the aws CLI (present on the project's machines).
#
# Usage: scripts/terraform-check.sh [--no-apply]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TF="$REPO/terraform"
CHECKOV_VERSION="3.3.30"
HCL2_VERSION="8.1.4"
RUN_APPLY=1
[[ "${1:-}" == "--no-apply" ]] && RUN_APPLY=0

WORK="$(mktemp -d "${TMPDIR:-/tmp}/opsdaily-tf-check.XXXXXX")"
MOTO_PID=""

cleanup() {
  local status=$?
  if [[ -n "$MOTO_PID" ]] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
# Runs a command quietly; on failure shows its output.
quiet() {
  local log="$WORK/last.log"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    return 1
  fi
}

command -v terraform >/dev/null || fail "terraform is not installed"
command -v python3 >/dev/null || fail "python3 is not installed"

# Offline provider mirror when the machine has it; otherwise the registry.
if [[ -d /opt/tf-plugins ]]; then
  export TF_CLI_CONFIG_FILE="$TF/terraform.rc"
fi
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

# --- tools in their own venvs (checkov pins a boto3 of its own; both it and
# python-hcl2 ship a module named hcl2) ----------------------------------------
source "$REPO/scripts/lib/common.sh"
step "tools"
ensure_venv checkov "checkov==$CHECKOV_VERSION" >/dev/null
# PyYAML and jsonschema: the dashboards are checked against Datadog's OpenAPI spec.
ensure_venv hcl2 "python-hcl2==$HCL2_VERSION" pytest PyYAML==6.0.3 jsonschema==4.26.0 >/dev/null
echo "$(terraform version | head -1), checkov $CHECKOV_VERSION, python-hcl2 $HCL2_VERSION"

# --- 1. fmt --------------------------------------------------------------------
step "terraform fmt -check -recursive terraform/"
if ! terraform fmt -check -recursive "$TF"; then
  fail "files above need terraform fmt"
fi
echo "fmt: ok"

# --- 2. init + validate ----------------------------------------------------------
# terraform/datadog needs the DataDog/datadog provider, which has no offline
# mirror: step 4 checks it instead.
ROOTS=(backend modules/private-bucket modules/opsdaily modules/opsdaily/settings modules/monitor-catalogue environments/example environments/local)
step "terraform init + validate (${#ROOTS[@]} configurations)"
validated=0
for root in "${ROOTS[@]}"; do
  data_dir="$WORK/tfdata/${root//\//_}"
  TF_DATA_DIR="$data_dir" quiet terraform -chdir="$TF/$root" init -backend=false -input=false -no-color ||
    fail "terraform init in terraform/$root"
  TF_DATA_DIR="$data_dir" quiet terraform -chdir="$TF/$root" validate -no-color ||
    fail "terraform validate in terraform/$root"
  echo "validate terraform/$root: ok"
  validated=$((validated + 1))
done

# --- 3. checkov ------------------------------------------------------------------
step "checkov on terraform/"
"$REPO/.venv-checkov/bin/checkov" -d "$TF" --framework terraform --skip-download \
  -o json >"$WORK/checkov.json" 2>"$WORK/checkov.err" || true
python3 - "$WORK/checkov.json" >"$WORK/checkov.summary" <<'PY' || { cat "$WORK/checkov.summary" "$WORK/checkov.err" >&2; fail "checkov"; }
import json, sys
reports = json.load(open(sys.argv[1]))
reports = reports if isinstance(reports, list) else [reports]
passed = sum(r["summary"]["passed"] for r in reports)
failed = sum(r["summary"]["failed"] for r in reports)
skipped = sum(r["summary"]["skipped"] for r in reports)
errors = sum(r["summary"]["parsing_errors"] for r in reports)
print(f"checkov: passed {passed}, failed {failed}, skipped {skipped}, parsing errors {errors}")
distinct = sorted({(c["check_id"], c["file_path"], c["resource"].split("[")[0]) for r in reports for c in r["results"].get("skipped_checks", [])})
print(f"skips (justified next to each resource), {len(distinct)} distinct:")
for check, path, resource in distinct:
    print(f"  {check:12} {resource}  ({path.lstrip('/')})")
for r in reports:
    for c in r["results"].get("failed_checks", []):
        print(f"  FAILED {c['check_id']} {c['resource']} {c['file_path']}:{c['file_line_range']}")
sys.exit(1 if failed or errors else 0)
PY
cat "$WORK/checkov.summary"
CHECKOV_LINE="$(head -1 "$WORK/checkov.summary")"

# --- 4. Datadog stack --------------------------------------------------------------
step "Datadog stack: python-hcl2 parse, catalogue and dashboard tests"
"$REPO/.venv-hcl2/bin/python" -m pytest -q -p no:cacheprovider "$REPO/scripts/tests/test_datadog_stack.py" \
  "$REPO/scripts/tests/test_dashboards.py" || fail "Datadog stack tests"

# --- 5. value domains -----------------------------------------------------------------
step "value domains: Terraform's verdicts on scripts/tests/data/value-domain-cases.json"
if ! "$REPO/.venv-hcl2/bin/python" -m pytest -q -s -p no:cacheprovider "$REPO/scripts/tests/test_value_domains.py" \
  >"$WORK/value-domains.log" 2>&1; then
  cat "$WORK/value-domains.log" >&2
  fail "value-domain cases: Terraform disagrees with the file"
fi
DOMAINS_LINE="$(grep -o 'value domains: .*' "$WORK/value-domains.log")" || fail "value-domain test printed no figures"
echo "$DOMAINS_LINE"
tail -1 "$WORK/value-domains.log"

if [[ "$RUN_APPLY" == 0 ]]; then
  step "summary"
  echo "fmt ok; validate ok ($validated); $CHECKOV_LINE; Datadog tests ok; ${DOMAINS_LINE%% (*}; local apply skipped (--no-apply)"
  exit 0
fi

# --- 6. local apply against moto -----------------------------------------------------
step "local apply against moto"
ZIP_DIR="$REPO/build/lambda"
if ! ls "$ZIP_DIR"/{collection,daily-check,notification}.zip >/dev/null 2>&1; then
  # No packaged functions yet: stand-ins with an executable `bootstrap`.
  ZIP_DIR="$WORK/zips"
  python3 - "$ZIP_DIR" <<'PY'
import sys, zipfile, pathlib
out = pathlib.Path(sys.argv[1]); out.mkdir(parents=True)
for name in ("collection", "daily-check", "notification"):
    info = zipfile.ZipInfo("bootstrap"); info.external_attr = 0o755 << 16
    with zipfile.ZipFile(out / f"{name}.zip", "w") as z:
        z.writestr(info, "#!/bin/sh\necho placeholder for %s >&2\nexit 1\n" % name)
PY
  echo "build/lambda has no zips: using placeholder zips"
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
ENDPOINT="http://127.0.0.1:$PORT"
python3 "$REPO/scripts/tests/moto_server.py" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request as u; u.urlopen('$ENDPOINT/moto-api/', timeout=1)" 2>/dev/null; then break; fi
  kill -0 "$MOTO_PID" 2>/dev/null || { cat "$WORK/moto.log" >&2; fail "moto server did not start"; }
  sleep 0.2
done
echo "moto server (pid $MOTO_PID) on $ENDPOINT"

# Nothing here may reach real AWS: fake credentials, no shared config.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=ap-northeast-2
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_SESSION_TOKEN
export TF_DATA_DIR="$WORK/tfdata/local-apply"
LOCAL="$TF/environments/local"
VARS=(-var "endpoint=$ENDPOINT" -var "lambda_zip_dir=$ZIP_DIR")

quiet terraform -chdir="$LOCAL" init -input=false -no-color -backend-config="path=$WORK/local.tfstate" ||
  fail "terraform init (local)"

started=$SECONDS
if ! terraform -chdir="$LOCAL" apply -auto-approve -input=false -no-color "${VARS[@]}" >"$WORK/apply.log" 2>&1; then
  tail -60 "$WORK/apply.log" >&2
  fail "terraform apply (local)"
fi
APPLY_LINE="$(grep -o 'Resources: [0-9]* added, [0-9]* changed, [0-9]* destroyed' "$WORK/apply.log")"
echo "apply: $APPLY_LINE ($((SECONDS - started)) s)"

terraform -chdir="$LOCAL" output -json >"$WORK/outputs.json"
OPSDAILY_LOCAL_AWS_ENDPOINT="$ENDPOINT" OPSDAILY_TF_OUTPUTS="$WORK/outputs.json" \
  python3 -m pytest -q -p no:cacheprovider "$REPO/scripts/tests/test_local_apply.py" ||
  fail "resources listed with the aws CLI do not match"

aws_list() { aws --endpoint-url "$ENDPOINT" --output text "$@"; }
GROUP="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["app"]["value"]["function_names"]["collection"].rsplit("-", 1)[0])' "$WORK/outputs.json")"
echo "created, as the aws CLI lists them:"
echo "  tables:    $(aws_list dynamodb list-tables --query 'TableNames' | tr '\t' ' ')"
echo "  buckets:   $(aws_list s3api list-buckets --query 'Buckets[].Name' | tr '\t' ' ')"
echo "  functions: $(aws_list lambda list-functions --query 'Functions[].FunctionName' | tr '\t' ' ')"
echo "  url:       $(aws_list lambda get-function-url-config --function-name "$GROUP-collection" --query 'FunctionUrl')"
echo "  schedules: $(aws_list scheduler list-schedules --group-name "$GROUP" --query 'Schedules[].Name' | tr '\t' ' ')"
echo "  secrets:   $(aws_list secretsmanager list-secrets --query 'SecretList[].Name' | tr '\t' ' ')"
echo "  queues:    $(aws_list sqs list-queues --query 'QueueUrls' | tr '\t' ' ')"
echo "  users:     $(aws_list iam list-users --path-prefix /opsdaily/ --query 'Users[].UserName' | tr '\t' ' ')"
TOPIC="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["app"]["value"]["alarm_topic_arn"])' "$WORK/outputs.json")"
echo "  topics:    $(aws_list sns list-topics --query 'Topics[].TopicArn' | tr '\t' ' ')"
echo "  mail subs: $(aws_list sns list-subscriptions-by-topic --topic-arn "$TOPIC" --query 'Subscriptions[].[Protocol,Endpoint]' | tr '\t\n' ': ')"
echo "  alarms:    $(aws_list cloudwatch describe-alarms --alarm-name-prefix "$GROUP-" --query 'MetricAlarms[].AlarmName' | tr '\t' ' ')"
echo "  schedule states: $(aws_list scheduler get-schedule --group-name "$GROUP" --name "$GROUP-daily-check-0900" --query 'State')" \
  "(schedules_enabled = false here, as on a first apply)"

set +e
terraform -chdir="$LOCAL" plan -detailed-exitcode -input=false -no-color "${VARS[@]}" >"$WORK/plan.log" 2>&1
plan_status=$?
set -e
case "$plan_status" in
  0) PLAN_LINE="no changes" ;;
  2) grep -E '^  # |Plan:' "$WORK/plan.log" >&2; fail "second plan wants changes" ;;
  *) tail -40 "$WORK/plan.log" >&2; fail "second plan errored" ;;
esac
echo "second plan: $PLAN_LINE"

# The second apply of a deployment: schedules_enabled = true may only switch the
# schedules on. No refresh: the state was just read by the plan above.
if ! terraform -chdir="$LOCAL" plan -refresh=false -input=false -no-color -out="$WORK/enable.plan" \
  "${VARS[@]}" -var schedules_enabled=true >"$WORK/enable.log" 2>&1; then
  tail -40 "$WORK/enable.log" >&2
  fail "plan with schedules_enabled = true errored"
fi
terraform -chdir="$LOCAL" show -json "$WORK/enable.plan" >"$WORK/enable.json"
ENABLE_LINE="$(python3 - "$WORK/enable.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
changes = [c for c in plan["resource_changes"] if c["change"]["actions"] != ["no-op"]]
wrong = []
for c in changes:
    before, after = c["change"]["before"], c["change"]["after"]
    differing = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    if c["type"] != "aws_scheduler_schedule" or c["change"]["actions"] != ["update"] or differing != {"state"} \
            or (before["state"], after["state"]) != ("DISABLED", "ENABLED"):
        wrong.append(f'{c["address"]} {c["change"]["actions"]} {sorted(differing)}')
if wrong or not changes:
    sys.exit("schedules_enabled = true should only switch the schedules on:\n  " + "\n  ".join(wrong or ["(no change)"]))
print(f"{len(changes)} schedules DISABLED -> ENABLED, nothing else")
PY
)" || fail "schedules_enabled = true"
echo "schedules_enabled = true: $ENABLE_LINE"

if ! terraform -chdir="$LOCAL" destroy -auto-approve -input=false -no-color "${VARS[@]}" >"$WORK/destroy.log" 2>&1; then
  tail -60 "$WORK/destroy.log" >&2
  fail "terraform destroy (local)"
fi
DESTROY_LINE="$(grep -o 'Resources: [0-9]* destroyed' "$WORK/destroy.log")"
left="$(aws_list lambda list-functions --query 'length(Functions)')"
[[ "$left" == 0 ]] || fail "functions left after destroy: $left"
echo "destroy: $DESTROY_LINE"

step "summary"
echo "fmt: ok"
echo "validate: ok ($validated configurations)"
echo "$CHECKOV_LINE"
echo "Datadog stack: parsed and tested (see 'monitors checked' above)"
echo "$DOMAINS_LINE"
echo "local apply: $APPLY_LINE; second plan: $PLAN_LINE; schedules_enabled = true: $ENABLE_LINE; destroy: $DESTROY_LINE"
