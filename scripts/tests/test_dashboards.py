"""The dashboards of the Datadog stack (terraform/datadog/dashboards/*.json).

- the stack, parsed by python-hcl2, applies every file with datadog_dashboard_json;
- every file is in normalised form, normalising is idempotent, and a dashboard as the
  API returns it (computed fields, widget ids, defaults) normalises to the committed file;
- scripts/tools/dashboards.py check: 0 errors against the `Dashboard` schema of
  Datadog's OpenAPI v1 spec, no unknown template variable; and it refuses bad files;
- the queries read metrics the catalogue's monitors read, or metrics listed below as
  dashboard-only, and filter on tag keys the monitors use (or listed ones).

Run with the python-hcl2 venv (it also has PyYAML and jsonschema):
    .venv-hcl2/bin/python -m pytest scripts/tests/test_dashboards.py
"""

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STACK = REPO / "terraform" / "datadog"
DASHBOARDS = STACK / "dashboards"
CATALOGUE = STACK / "monitors.json"
TOOL = REPO / "scripts" / "tools" / "dashboards.py"

sys.path.insert(0, str(TOOL.parent))
import dashboards  # noqa: E402

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")

SPEC = dashboards.spec_path()

EXPECTED = {
    "operations-overview": "Operations overview",
    "ec2": "EC2",
    "rds-aurora": "RDS and Aurora",
    "eks": "EKS",
    "msk": "MSK",
    "load-balancers": "Load balancers",
    "direct-connect-tgw": "Direct Connect and Transit Gateway",
    "sqs": "SQS",
    "opsdaily": "The application",
}

# Template variables the 2023 dashboards had (or that name what the catalogue's monitors
# group by), per file: name -> prefix.
VARIABLES = {
    "eks": {"kube_cluster_name": "kube_cluster_name", "kube_namespace": "kube_namespace",
            "kube_deployment": "kube_deployment"},
    "load-balancers": {"loadbalancer": "loadbalancer", "applicationloadbalancer": "loadbalancer",
                       "targetgroup": "targetgroup"},
    "rds-aurora": {"dbinstanceidentifier": "dbinstanceidentifier"},
    "direct-connect-tgw": {"connectionid": "connectionid", "transitgateway": "transitgateway"},
    "sqs": {"queuename": "queuename"},
    "msk": {"cluster_name": "cluster_name"},
    "opsdaily": {"functionname": "functionname", "tablename": "tablename", "queuename": "queuename"},
}

# Metrics no monitor reads but a dashboard shows, and why it is worth a graph and not a page.
DASHBOARD_ONLY_METRICS = {
    # EC2: context around the monitored CPU/memory/disk and the instance status check.
    "aws.ec2.status_check_failed_system": "host recovery candidates (the 2023 EC2-Autorecovery list)",
    "datadog.agent.running": "agent count; a missing agent hides every system.* monitor",
    "system.net.bytes_rcvd": "network per ec2type, as the 2023 EC2 group showed",
    "system.net.bytes_sent": "network per ec2type, as the 2023 EC2 group showed",
    # RDS / Aurora: the 2023 Aurora group's load and latency graphs.
    "aws.rds.dbload": "DBLoad (Performance Insights)",
    "aws.rds.select_latency": "select latency beside the monitored DML/DDL latency",
    "aws.rds.commit_latency": "commit latency beside the monitored DML/DDL latency",
    "aws.rds.deadlocks": "deadlocks beside the monitored row lock time",
    "mysql.performance.slow_queries": "slow queries (2023 Aurora group)",
    # EKS.
    "kubernetes_state.node.count": "node count per zone (2023 EKS cluster group)",
    "kubernetes.memory.usage": "memory-intensive pods (2023 EKS cluster group)",
    # MSK.
    "aws.kafka.kafka_app_logs_disk_used": "application log disk (2023 MSK group: data and app logs)",
    "aws.kafka.zoo_keeper_request_latency_ms_mean": "ZooKeeper latency (2023 MSK group)",
    "aws.kafka.bytes_in_per_sec": "throughput per cluster",
    "aws.kafka.bytes_out_per_sec": "throughput per cluster",
    # Load balancers.
    "aws.applicationelb.httpcode_elb_5xx": "5XX the ALB itself answers, beside the targets' 5XX",
    "aws.applicationelb.request_count_per_target": "requests per target (2023 LB group)",
    "aws.networkelb.active_flow_count": "NLB flows (2023 LB group)",
    "aws.networkelb.new_flow_count": "NLB new connections (2023 LB group)",
    # Direct Connect and Transit Gateway.
    "aws.dx.connection_bps_egress": "connection traffic beside the monitored state",
    "aws.dx.connection_bps_ingress": "connection traffic beside the monitored state",
    "aws.dx.connection_error_count": "MAC-level errors before a connection goes down",
    "aws.dx.virtual_interface_pps_egress": "VIF packets per second (2023 DX group)",
    "aws.dx.virtual_interface_pps_ingress": "VIF packets per second (2023 DX group)",
    "aws.transitgateway.bytes_in": "TGW traffic beside the monitored drops",
    "aws.transitgateway.bytes_out": "TGW traffic beside the monitored drops",
    "aws.transitgateway.packets_in": "TGW packets, the denominator of the drops",
    "aws.transitgateway.packets_out": "TGW packets, the denominator of the drops",
    # SQS: the 2023 SQS group's throughput, age and size.
    "aws.sqs.approximate_age_of_oldest_message": "queue age (2023 SQS group; opsdaily's DLQ)",
    "aws.sqs.number_of_messages_sent": "throughput (2023 SQS group)",
    "aws.sqs.number_of_messages_received": "throughput (2023 SQS group)",
    "aws.sqs.number_of_messages_deleted": "throughput (2023 SQS group)",
    "aws.sqs.number_of_empty_receives": "throughput (2023 SQS group)",
    "aws.sqs.sent_message_size": "message size (2023 SQS group)",
    # opsdaily itself: its own alarms are CloudWatch alarms in the application stack, not
    # catalogue monitors, so these metrics are on the dashboard only.
    "aws.lambda.invocations": "runs per function; daily-check and notification runs per day",
    "aws.lambda.duration": "function duration",
    "aws.lambda.duration.maximum": "function duration",
    "aws.lambda.throttles": "throttled invocations (a throttled webhook delivery is lost)",
    "aws.lambda.concurrent_executions": "concurrency",
    "aws.lambda.url_request_count": "collection's Function URL: deliveries",
    "aws.lambda.url_4xx_count": "collection's Function URL: refused deliveries",
    "aws.lambda.url_5xx_count": "collection's Function URL: failed deliveries",
    "aws.lambda.url_request_latency": "collection's Function URL latency",
    "aws.lambda.url_request_latency.maximum": "collection's Function URL latency",
    "aws.dynamodb.consumed_read_capacity_units": "opsdaily's tables",
    "aws.dynamodb.consumed_write_capacity_units": "opsdaily's tables",
    "aws.dynamodb.throttled_requests": "opsdaily's tables",
    "aws.dynamodb.system_errors": "opsdaily's tables",
    "aws.dynamodb.user_errors": "opsdaily's tables (the metric is per account)",
    "aws.dynamodb.successful_request_latency": "opsdaily's tables",
}

# Tag keys a template variable filters on that no monitor query uses.
DASHBOARD_ONLY_TAG_KEYS = {
    "ec2type": "the EC2Type AWS tag the 2023 host maps grouped by (opsdaily tags sets it)",
    "dbclusteridentifier": "Aurora cluster of an instance",
    "tablename": "opsdaily's DynamoDB tables",
}


# --- helpers -----------------------------------------------------------------------------------

def files():
    return sorted(DASHBOARDS.glob("*.json"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def monitor_queries():
    return [m["query"] for m in json.loads(CATALOGUE.read_text())["monitors"]]


def monitor_tag_keys():
    keys = set()
    for query in monitor_queries():
        for scope in re.findall(r"\{([^}]*)\}", query):
            for part in scope.split(","):
                part = part.strip().lstrip("!")
                if part and part != "*":
                    keys.add(part.split(":", 1)[0])
    return keys


def run_tool(*arguments, stdin=None):
    return subprocess.run([sys.executable, str(TOOL), *map(str, arguments)], capture_output=True,
                          text=True, input=stdin, timeout=120,
                          env={**os.environ, dashboards.SPEC_ENV: str(SPEC)})


def as_the_api_returns_it(document, dashboard_id="abc-def-ghi"):
    """What GET /api/v1/dashboard/{id} answers for a dashboard applied from `document`."""
    pulled = copy.deepcopy(document)
    pulled.update({"id": dashboard_id, "author_handle": "ops@example.com", "author_name": "Ops",
                   "created_at": "2025-01-02T03:04:05.123456+00:00",
                   "modified_at": "2025-01-02T03:04:05.123456+00:00",
                   "url": f"/dashboard/{dashboard_id}/x", "notify_list": None, "restricted_roles": [],
                   "is_read_only": False})
    pulled.setdefault("template_variables", None)
    pulled.setdefault("description", None)
    counter = iter(range(1_000_000_000_000, 2_000_000_000_000, 7919))
    for _, widget in dashboards.iter_widgets(pulled["widgets"]):
        widget["id"] = next(counter)
    return pulled


@pytest.fixture(scope="module")
def spec():
    if not SPEC.exists():
        pytest.fail(f"the OpenAPI spec is missing: {SPEC} (set ${dashboards.SPEC_ENV})")
    return dashboards.load_spec(str(SPEC))


# --- the stack --------------------------------------------------------------------------------------

def test_the_stack_applies_every_dashboard_file():
    hcl2 = pytest.importorskip("hcl2")
    resources, outputs = {}, {}
    for path in sorted(STACK.glob("*.tf")):
        with path.open() as handle:
            document = hcl2.load(handle)
        for block in document.get("resource", []):
            for kind, named in block.items():
                for name, body in named.items():
                    resources[f"{kind.strip(chr(34))}.{name.strip(chr(34))}"] = body
        for block in document.get("output", []):
            outputs.update({name.strip('"'): body for name, body in block.items()})
    dashboard = resources["datadog_dashboard_json.this"]
    assert "fileset(" in dashboard["for_each"] and "/dashboards" in dashboard["for_each"]
    assert dashboard["dashboard"].startswith("${file(") and "each.value" in dashboard["dashboard"]
    assert "datadog_dashboard_json.this" in outputs["dashboards"]["value"]
    assert {p.stem for p in files()} == set(EXPECTED)
    assert not [p for p in DASHBOARDS.iterdir() if p.suffix != ".json"], "only dashboards live there"


def test_titles_name_what_the_spec_lists():
    for path in files():
        assert load(path)["title"] == f"opsdaily · {EXPECTED[path.stem]}", path.name


# --- the normalised form --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_is_normalised_and_normalising_is_idempotent(name):
    text = (DASHBOARDS / f"{name}.json").read_text(encoding="utf-8")
    once = dashboards.normalised_text(text)
    assert once == text
    assert dashboards.normalised_text(once) == once
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "\t" not in text and "\r" not in text
    document = json.loads(text)
    assert not set(dashboards.COMPUTED_FIELDS) & set(document)
    assert all("id" not in w for _, w in dashboards.iter_widgets(document["widgets"]))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_dashboard_as_the_api_returns_it_normalises_to_the_file(name):
    text = (DASHBOARDS / f"{name}.json").read_text(encoding="utf-8")
    pulled = json.dumps(as_the_api_returns_it(json.loads(text)), indent=4)
    assert dashboards.normalised_text(pulled) == text


def test_normalise_command_rewrites_in_place_and_then_leaves_alone(tmp_path):
    committed = DASHBOARDS / "opsdaily.json"
    pulled = tmp_path / "opsdaily.json"
    pulled.write_text(json.dumps(as_the_api_returns_it(load(committed))), encoding="utf-8")
    assert run_tool("normalise", "--check", pulled).returncode == 1
    first = run_tool("normalise", pulled)
    assert first.returncode == 0 and "rewritten" in first.stdout
    assert pulled.read_bytes() == committed.read_bytes()
    second = run_tool("normalise", pulled)
    assert second.returncode == 0 and "normalised" in second.stdout
    assert pulled.read_bytes() == committed.read_bytes()
    piped = run_tool("normalise", "-", stdin=json.dumps(as_the_api_returns_it(load(committed))))
    assert piped.stdout == committed.read_text(encoding="utf-8")
    assert run_tool("normalise", "--check", *files()).returncode == 0


# --- the check -----------------------------------------------------------------------------------------

def test_check_finds_no_error_in_any_file(spec, capsys):
    reports = [dashboards.check_file(path, spec) for path in files()]
    for report in reports:
        assert report.errors == [], f"{report.file}:\n  " + "\n  ".join(report.errors)
        assert report.widgets >= 10, report.file
    result = run_tool("check", DASHBOARDS)
    assert result.returncode == 0, result.stdout + result.stderr
    with capsys.disabled():
        print("\n" + result.stdout.rstrip())


def test_every_query_uses_only_defined_template_variables_and_every_variable_is_used():
    for path in files():
        document = load(path)
        assert dashboards.template_variable_errors(document) == [], path.name
        used = {name for _, text in dashboards.widget_strings(document)
                for name in dashboards.TEMPLATE_REFERENCE.findall(text)}
        defined = set(dashboards.template_variable_names(document))
        assert defined == used, f"{path.name}: defined but unused {defined - used}"


def test_the_2023_template_variables_are_there():
    for name, wanted in VARIABLES.items():
        variables = {v["name"]: v for v in load(DASHBOARDS / f"{name}.json")["template_variables"]}
        assert {n: variables[n]["prefix"] for n in wanted if n in variables} == wanted, name
    eks = {v["name"]: v for v in load(DASHBOARDS / "eks.json")["template_variables"]}
    assert eks["kube_namespace"]["defaults"] == ["argos"]


def test_the_overview_counts_alerts_as_2023_did():
    document = load(DASHBOARDS / "operations-overview.json")
    searches = [text for path, text in dashboards.widget_strings(document) if path.endswith("search.query")]
    assert searches and all(s.startswith("source:alert ") and '-"[TEST]"' in s for s in searches)
    for label in ["P1", "P2", "P3", "P4", "P5", "System", "Container", "DB", "Network", "CSP"]:
        assert any(f'"[{label}]"' in s for s in searches), label
    kinds = {w["definition"]["type"] for _, w in dashboards.iter_widgets(document["widgets"])}
    assert {"manage_status", "query_table", "timeseries", "toplist", "note", "group"} <= kinds


# --- refused files ---------------------------------------------------------------------------------------

def _broken(change):
    document = load(DASHBOARDS / "eks.json")
    change(document)
    return dashboards.render(document)


def _first_query(document):
    return document["widgets"][1]["definition"]["widgets"][0]["definition"]["requests"][0]["queries"][0]


def _nested(document):
    return document["widgets"][2]["definition"]["widgets"][3]["definition"]


BROKEN = {
    "unknown template variable": (
        _broken(lambda d: _first_query(d).update(query="sum:kubernetes_state.node.count{$cluster}")),
        "unknown template variable $cluster"),
    "bad widget type": (
        _broken(lambda d: _nested(d).update(type="timeseriez")), "'timeseriez' is not a widget type"),
    "widget type of another case": (
        _broken(lambda d: d["widgets"][0]["definition"].update(type="Note")), "'Note' is not a widget type"),
    "widget without its required field": (
        _broken(lambda d: _nested(d).pop("requests")), "'requests' is a required property"),
    "bad enum deep in a group": (
        _broken(lambda d: _nested(d)["requests"][0].update(display_type="pie")), "'pie' is not one of"),
    "query of no known data source": (
        _broken(lambda d: _first_query(d).update(data_source="metricz")), "'metricz' is not one of ['metrics']"),
    "no title": (_broken(lambda d: d.pop("title")), "'title' is a required property"),
    "unknown layout": (_broken(lambda d: d.update(layout_type="grid")), "'grid' is not one of"),
    "variable defined twice": (
        _broken(lambda d: d["template_variables"].append(dict(d["template_variables"][0]))), "is defined twice"),
    "free layout without widget layouts": (
        _broken(lambda d: (d.update(layout_type="free"), d.pop("reflow_type"))), "needs a layout"),
    "layout on an auto-reflowed dashboard": (
        _broken(lambda d: d["widgets"][0].update(layout={"x": 0, "y": 0, "width": 4, "height": 2})),
        "remove the layout"),
    "computed fields left in": (
        json.dumps(as_the_api_returns_it(load(DASHBOARDS / "eks.json")), indent=2), "not in normalised form"),
    "unsorted keys": (
        json.dumps(dict(reversed(load(DASHBOARDS / "eks.json").items())), indent=2) + "\n", "not in normalised form"),
    "not JSON": ('{"title": "x", ', "not JSON"),
    "duplicate keys": ('{"title": "a", "title": "b", "layout_type": "ordered", "widgets": []}\n', "duplicate key"),
    "not an object": ("[]\n", "a dashboard is a JSON object"),
    "deeply nested junk": ("[" * 100_000 + "]" * 100_000, "not JSON"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_check_refuses_a_broken_file(spec, tmp_path, case):
    text, message = BROKEN[case]
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    report = dashboards.check_file(path, spec)
    assert any(message in error for error in report.errors), report.errors


@pytest.mark.parametrize("case", ["unknown template variable", "bad widget type"])
def test_check_command_fails_and_says_where(tmp_path, case):
    text, message = BROKEN[case]
    good = tmp_path / "good.json"
    good.write_bytes((DASHBOARDS / "sqs.json").read_bytes())
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    result = run_tool("check", tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert re.match(r".*bad\.json: 22 widgets \(3 groups\), 1 errors$", lines[0]), lines[0]
    assert message in lines[1] and lines[1].lstrip().startswith("widgets[")
    assert re.match(r".*good\.json: \d+ widgets \(\d+ groups\), 0 errors$", lines[2])
    as_json = json.loads(run_tool("check", "--json", bad).stdout)
    assert as_json[0]["widgets"] == 22 and message in as_json[0]["errors"][0]


def test_check_without_a_spec_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, str(TOOL), "check", "--spec", tmp_path / "none.yaml", DASHBOARDS],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "OpenAPI spec" in result.stderr


def test_group_widgets_count_at_every_depth():
    document = {"title": "t", "layout_type": "ordered", "widgets": [
        {"definition": {"type": "note", "content": "a"}},
        {"definition": {"type": "group", "layout_type": "ordered", "widgets": [
            {"definition": {"type": "note", "content": "b"}},
            {"definition": {"type": "group", "layout_type": "ordered", "widgets": [
                {"definition": {"type": "note", "content": "c"}}]}}]}}]}
    assert dashboards.count_widgets(document) == (5, 2)


# --- metrics and tags as the monitors use them ---------------------------------------------------------------

def test_queries_use_the_monitors_metrics_or_listed_dashboard_only_ones(capsys):
    monitored = set().union(*(dashboards.metrics_of(q) for q in monitor_queries()))
    assert not monitored & set(DASHBOARD_ONLY_METRICS), "a monitored metric needs no allow-list entry"
    used = {}
    for path in files():
        queries = list(dashboards.metric_queries(load(path)))
        metrics = set().union(*(dashboards.metrics_of(q) for _, q in queries))
        if path.stem != "operations-overview":
            assert metrics, f"{path.name} reads no metric"
        unknown = metrics - monitored - set(DASHBOARD_ONLY_METRICS)
        assert not unknown, f"{path.name}: metrics neither monitored nor listed: {sorted(unknown)}"
        for metric in metrics:
            used.setdefault(metric, set()).add(path.stem)
    stale = set(DASHBOARD_ONLY_METRICS) - set(used)
    assert not stale, f"listed but used by no dashboard: {sorted(stale)}"
    shared = set(used) & monitored
    with capsys.disabled():
        print(f"\ndashboard metrics: {len(used)} ({len(shared)} also read by monitors, "
              f"{len(used) - len(shared)} dashboard-only); monitored metrics shown: {len(shared)}/{len(monitored)}")


def test_template_variables_filter_on_tag_keys_the_monitors_use():
    known = monitor_tag_keys()
    assert not known & set(DASHBOARD_ONLY_TAG_KEYS)
    for path in files():
        for variable in load(path).get("template_variables", []):
            prefix = variable["prefix"]
            assert prefix in known or prefix in DASHBOARD_ONLY_TAG_KEYS, f"{path.name}: {prefix}"


def test_metric_extraction_reads_formulas_and_hostmaps():
    assert dashboards.metrics_of("100 - avg:system.cpu.idle{$host} by {host}") == {"system.cpu.idle"}
    assert dashboards.metrics_of("sum:a.b{x:1}.as_count() / sum:c.d.e {*}") == {"a.b", "c.d.e"}
    assert dashboards.metrics_of('source:alert team:argos "[P1]"') == set()
    ec2 = load(DASHBOARDS / "ec2.json")
    hostmap = [q for p, q in dashboards.metric_queries(ec2) if p.endswith(".fill.q")]
    assert hostmap == ["avg:system.cpu.idle{$ec2type,$host} by {host}"]


# --- opsdaily dashboards check: its table of the spec ------------------------------------------------

SWIFT_TABLE = REPO / "Sources" / "DatadogAsCode" / "Dashboards" / "DashboardSchema.swift"


def swift_table():
    """DashboardSchema.swift as data: its string lists and its widget types."""
    text = SWIFT_TABLE.read_text(encoding="utf-8")

    def strings(listing):
        return re.findall(r'"([^"]*)"', listing)

    lists = {name: strings(body) for name, body in re.findall(r"static let (\w+) = \[([^\]]*)\]", text)}
    types = {kind: (strings(definitions), strings(required)) for kind, definitions, required in re.findall(
        r'"(\w+)": WidgetType\(\s*definitions: \[([^\]]*)\], required: \[([^\]]*)\]\)', text)}
    return lists, types


def test_the_swift_widget_table_is_the_specs(spec):
    """`opsdaily dashboards check` checks against a table, not the spec: the table must say what the spec says."""
    with open(SPEC, encoding="utf-8") as handle:
        schemas = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["components"]["schemas"]
    lists, types = swift_table()
    assert lists == {
        "dashboardRequired": schemas["Dashboard"]["required"],
        "layoutTypes": schemas["DashboardLayoutType"]["enum"],
        "reflowTypes": schemas["DashboardReflowType"]["enum"],
        "templateVariableRequired": schemas["DashboardTemplateVariable"]["required"],
        "widgetRequired": schemas["Widget"]["required"],
        "widgetLayoutRequired": schemas["WidgetLayout"]["required"],
        "groupLayoutTypes": schemas["WidgetLayoutType"]["enum"],
    }
    from_spec = {}
    for kind, branches in spec.widget_types.items():
        required = {tuple(sorted(r for r in schemas[b].get("required", []) if r != "type")) for b in branches}
        assert len(required) == 1, f"{kind}: its schemas disagree on what is required"
        from_spec[kind] = (sorted(branches), list(required.pop()))
    assert {kind: (sorted(definitions), sorted(required)) for kind, (definitions, required) in types.items()} == from_spec
    assert len(types) == len(from_spec) == 40
