"""Checks of the Datadog stack (terraform/datadog), which cannot be `terraform
init`-ed offline (no DataDog/datadog provider here).

- the stack's HCL is parsed with python-hcl2 and its wiring checked: webhook
  payload and token header, the monitors mapped 1:1 from the catalogue module;
- the catalogue (monitors.json) and the webhook payload template are checked as data;
- the monitor-catalogue module, which has no provider, is evaluated by Terraform
  itself on the real catalogue: every monitor gets the [Pn][Tower] prefix, the
  team:/monitor: tags and the collection webhook handle; bad catalogues are refused.

Run with the python-hcl2 venv: .venv-hcl2/bin/python -m pytest scripts/tests
"""

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

# python-hcl2 lives in its own venv (.venv-hcl2): checkov ships a module of the
# same name. Outside that venv these tests are skipped, not failed.
hcl2 = pytest.importorskip("hcl2")

REPO = Path(__file__).resolve().parents[2]
STACK = REPO / "terraform" / "datadog"
MODULE = REPO / "terraform" / "modules" / "monitor-catalogue"
CATALOGUE = STACK / "monitors.json"
PAYLOAD = STACK / "webhook-payload.json"

TEAM = "argos"
WEBHOOK = "opsdaily-collection"
TOWERS = {"System", "Container", "DB", "Network", "CSP"}
PRIORITY_COUNTS = {1: 9, 2: 35, 3: 12, 4: 5, 5: 18}
CATALOGUE_FIELDS = {"key", "priority", "tower", "title", "type", "query", "message",
                    "thresholds", "tags", "multi", "options"}
OPTION_FIELDS = {"renotify_interval", "renotify_statuses", "new_group_delay", "notify_no_data",
                 "no_data_timeframe", "evaluation_delay", "require_full_window", "include_tags",
                 "escalation_message", "enable_logs_sample", "timeout_h"}
PAYLOAD_FIELDS = {
    "id": "$ID", "monitor_id": "$ALERT_ID", "alert_cycle_key": "$ALERT_CYCLE_KEY",
    "aggregation_key": "$AGGREG_KEY", "transition": "$ALERT_TRANSITION", "alert_type": "$ALERT_TYPE",
    "priority": "$ALERT_PRIORITY", "alert_title": "$ALERT_TITLE", "event_title": "$EVENT_TITLE",
    "alert_status": "$ALERT_STATUS", "scope": "$ALERT_SCOPE", "metric": "$ALERT_METRIC",
    "query": "$ALERT_QUERY", "event_type": "$EVENT_TYPE", "date": "$DATE",
    "last_updated": "$LAST_UPDATED", "hostname": "$HOSTNAME", "tags": "$TAGS", "link": "$LINK",
    "org_id": "$ORG_ID", "org_name": "$ORG_NAME", "text_only_msg": "$TEXT_ONLY_MSG",
}


# --- helpers -------------------------------------------------------------------

def unquote(value):
    """python-hcl2 8 keeps the quotes of labels and string literals."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def parse_dir(directory: Path) -> dict:
    """All .tf files of a directory, merged: {block type: {labels...: body}}."""
    merged: dict = {}
    for path in sorted(directory.glob("*.tf")):
        with path.open() as fh:
            doc = hcl2.load(fh)
        for block_type, blocks in doc.items():
            if block_type.startswith("__"):
                continue
            for block in blocks if isinstance(blocks, list) else [blocks]:
                merged.setdefault(block_type, []).append(block)
    return merged


def labelled(doc: dict, block_type: str) -> dict:
    """{"label": body} for variable/module/output, {"type.name": body} for resources."""
    out = {}
    for block in doc.get(block_type, []):
        for label, body in block.items():
            label = unquote(label)
            if block_type in ("resource", "data"):
                for name, inner in body.items():
                    out[f"{label}.{unquote(name)}"] = inner
            else:
                out[label] = body
    return out


def load_catalogue() -> list:
    return json.loads(CATALOGUE.read_text())["monitors"]


def query_threshold(query: str) -> float:
    return float(query.rsplit(" ", 1)[1])


# --- the stack's HCL -------------------------------------------------------------

@pytest.fixture(scope="module")
def stack():
    return parse_dir(STACK)


def test_stack_and_module_parse():
    assert parse_dir(STACK)["resource"], "terraform/datadog has no resources"
    assert parse_dir(MODULE)["locals"], "monitor-catalogue has no locals"


def test_webhook_uses_payload_template_and_secret_header(stack):
    webhook = labelled(stack, "resource")["datadog_webhook.collection"]
    assert unquote(webhook["encode_as"]) == "json"
    assert "webhook-payload.json" in webhook["payload"] and "file(" in webhook["payload"]
    assert webhook["custom_headers"] == "${jsonencode({(var.token_header) = var.webhook_token})}"


def test_webhook_token_is_sensitive_without_default(stack):
    variables = labelled(stack, "variable")
    token = variables["webhook_token"]
    assert token.get("sensitive") is True
    assert "default" not in token
    for name, body in variables.items():
        if "default" in body:
            assert not re.search(r"(token|key|secret|password)$", name), f"{name} has a default"


def test_provider_takes_no_credentials_from_config(stack):
    provider = labelled(stack, "provider")["datadog"]
    assert not {"api_key", "app_key"} & set(provider), "Datadog keys must come from DD_API_KEY/DD_APP_KEY"


def test_monitors_map_the_catalogue_module_one_to_one(stack):
    module = labelled(stack, "module")["catalogue"]
    assert unquote(module["source"]) == "../modules/monitor-catalogue"
    assert module["webhook_name"] == "${datadog_webhook.collection.name}"
    monitor = labelled(stack, "resource")["datadog_monitor.this"]
    assert monitor["for_each"] == "${module.catalogue.monitors}"
    for field in ("name", "type", "query", "message", "priority", "tags", "notification_preset_name"):
        assert monitor[field] == "${each.value.%s}" % field, f"datadog_monitor.{field} bypasses the conventions"
    for field, value in monitor.items():
        if field in ("for_each", "monitor_thresholds", "__is_block__"):
            continue
        assert value.startswith("${each.value."), f"datadog_monitor.{field} is not taken from the module"


# --- the catalogue and the payload as data -----------------------------------------

def test_catalogue_shape_and_counts():
    monitors = load_catalogue()
    keys = [m["key"] for m in monitors]
    duplicates = [k for k, n in Counter(keys).items() if n > 1]
    assert not duplicates, f"duplicate keys: {duplicates}"
    assert len(monitors) == 79
    assert Counter(m["priority"] for m in monitors) == PRIORITY_COUNTS
    for m in monitors:
        assert set(m) <= CATALOGUE_FIELDS, f"{m['key']}: unknown fields {set(m) - CATALOGUE_FIELDS}"
        assert set(m.get("options", {})) <= OPTION_FIELDS, f"{m['key']}: unknown options"
        assert m["tower"] in TOWERS, m["key"]
        assert not m["title"].startswith("["), f"{m['key']}: title carries its own prefix"
        assert not re.search(r"(^|\s)@[A-Za-z]", m["message"]), f"{m['key']}: handle in message"
        assert not any(t.startswith(("team:", "monitor:")) for t in m["tags"]), m["key"]
        grouped = bool(re.search(r" by \{|\.by\(", m["query"]))
        assert m["multi"] == grouped, f"{m['key']}: multi={m['multi']} but grouped={grouped}"
        # Datadog refuses a critical threshold that differs from the query's.
        assert query_threshold(m["query"]) == m["thresholds"]["critical"], m["key"]


def test_webhook_payload_template():
    payload = json.loads(PAYLOAD.read_text())
    assert payload == PAYLOAD_FIELDS
    assert all(isinstance(v, str) for v in payload.values())


# --- the conventions, evaluated by Terraform ------------------------------------------

ROOT_TF = """
variable "catalogue" { type = string }
variable "priority_handles" {
  type    = map(list(string))
  default = {}
}
module "catalogue" {
  source           = "%(module)s"
  monitors         = jsondecode(file(var.catalogue)).monitors
  team             = "%(team)s"
  webhook_name     = "%(webhook)s"
  priority_handles = var.priority_handles
}
output "monitors" { value = module.catalogue.monitors }
"""


@pytest.fixture(scope="module")
def tf_root(tmp_path_factory):
    if shutil.which("terraform") is None:
        pytest.fail("terraform is not on PATH")
    root = tmp_path_factory.mktemp("catalogue-root")
    (root / "main.tf").write_text(ROOT_TF % {"module": MODULE, "team": TEAM, "webhook": WEBHOOK})
    terraform(root, "init", "-input=false", "-no-color")
    return root


def terraform(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["terraform", *args], cwd=root, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"terraform {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def render(root: Path, catalogue: Path, *extra: str) -> dict:
    state = root / f"{catalogue.stem}.tfstate"
    terraform(root, "apply", "-auto-approve", "-input=false", "-no-color", f"-state={state}",
              f"-var=catalogue={catalogue}", *extra)
    out = terraform(root, "output", "-json", f"-state={state}")
    return json.loads(out.stdout)["monitors"]["value"]


def test_every_monitor_follows_the_conventions(tf_root, capsys):
    catalogue = {m["key"]: m for m in load_catalogue()}
    rendered = render(tf_root, CATALOGUE)
    assert set(rendered) == set(catalogue)
    for key, mon in rendered.items():
        src = catalogue[key]
        assert mon["name"] == f"[P{src['priority']}][{src['tower']}] {src['title']}", key
        assert re.match(r"^\[P[1-5]\]\[(System|Container|DB|Network|CSP)\] ", mon["name"]), key
        assert mon["priority"] == src["priority"], key
        assert f"team:{TEAM}" in mon["tags"] and f"monitor:{key}" in mon["tags"], key
        assert set(src["tags"]) <= set(mon["tags"]), key
        assert mon["message"].endswith(f"\n\nNotify: @webhook-{WEBHOOK}"), key
        assert mon["notification_preset_name"] == "hide_query", key
    with capsys.disabled():
        print(f"\nmonitors checked: {len(rendered)} (prefix, team:/monitor: tags, @webhook-{WEBHOOK}, priority)")


def test_priority_handles_come_after_the_webhook(tf_root, tmp_path):
    handles = tmp_path / "handles.tfvars.json"
    handles.write_text(json.dumps({"priority_handles": {"1": ["@slack-ops-l1"]}}))
    rendered = render(tf_root, CATALOGUE, f"-var-file={handles}")
    p1 = [m for m in rendered.values() if m["priority"] == 1]
    others = [m for m in rendered.values() if m["priority"] != 1]
    assert p1 and all(m["message"].endswith(f"Notify: @webhook-{WEBHOOK} @slack-ops-l1") for m in p1)
    assert all(m["message"].endswith(f"Notify: @webhook-{WEBHOOK}") for m in others)


def _broken(entry_change):
    monitors = load_catalogue()[:3]
    entry_change(monitors)
    return {"monitors": monitors}


BAD_CATALOGUES = {
    "priority out of range": (_broken(lambda ms: ms[0].update(priority=6)), "priority must be 1, 2, 3, 4 or 5"),
    "unknown tower": (_broken(lambda ms: ms[0].update(tower="Web")), "tower must be one of"),
    "duplicate key": (_broken(lambda ms: ms[1].update(key=ms[0]["key"])), "keys must be unique"),
    "own handle": (_broken(lambda ms: ms[0].update(message="Call @slack-somewhere")), "must not contain @-handles"),
    "own prefix": (_broken(lambda ms: ms[0].update(title="[P1][DB] x")), "must not start with '['"),
    "own team tag": (_broken(lambda ms: ms[0].update(tags=["team:other"])), "must not set team: or monitor:"),
}


@pytest.mark.parametrize("case", sorted(BAD_CATALOGUES))
def test_module_refuses_a_bad_catalogue(tf_root, tmp_path, case):
    catalogue, message = BAD_CATALOGUES[case]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(catalogue))
    result = terraform(tf_root, "plan", "-input=false", "-no-color", f"-var=catalogue={path}", check=False)
    assert result.returncode != 0, f"{case}: plan succeeded"
    assert message in " ".join(result.stderr.split()), result.stderr
