"""The fake's monitors validate against the Monitor schema of Datadog's OpenAPI v1 spec."""

import copy
import os
from pathlib import Path

import pytest

from fakeproc import FAKES

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")

SPEC = Path(os.environ.get("OPSDAILY_DATADOG_OPENAPI",
                           FAKES.parents[2] / "shared/reference/datadog/openapi-v1.yaml"))


def json_schema(node, schemas, resolving=()):
    """OpenAPI 3.0 schema → JSON Schema: inline `$ref`s, turn `nullable` into a null type."""
    if isinstance(node, list):
        return [json_schema(item, schemas, resolving) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/components/schemas/")
        if name in resolving:  # a recursive schema: accept anything below this point
            return {}
        return json_schema(schemas[name], schemas, resolving + (name,))
    converted = {key: json_schema(value, schemas, resolving) for key, value in node.items()
                 if key not in ("nullable", "example", "x-enum-varnames", "readOnly", "deprecated")}
    if node.get("nullable"):
        if "type" in converted:
            converted["type"] = [converted["type"], "null"]
        if "enum" in converted:
            converted["enum"] = converted["enum"] + [None]
        if "type" not in converted and "enum" not in converted:
            converted = {"anyOf": [converted, {"type": "null"}]}
    return converted


@pytest.fixture(scope="module")
def monitor_validator():
    if not SPEC.exists():
        pytest.skip(f"{SPEC} not found")
    with open(SPEC, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    schemas = spec["components"]["schemas"]
    schema = json_schema(copy.deepcopy(schemas["Monitor"]), schemas, ("Monitor",))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_listed_monitors_match_the_schema(dd, monitor_validator):
    reply = dd.api("/api/v1/monitor", query={"group_states": "all", "with_downtimes": "true"})
    monitors = reply.json()
    assert {m["overall_state"] for m in monitors} >= {"OK", "Alert", "Warn", "No Data"}
    for monitor in monitors:
        errors = sorted(monitor_validator.iter_errors(monitor), key=str)
        assert not errors, f"{monitor['name']}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_a_detail_with_every_state_matches_the_schema(dd, monitor_validator):
    states = ["OK", "Alert", "Warn", "No Data", "Ignored", "Skipped", "Unknown"]
    scenario = {"monitors": {"SYSTEM-EC2-CPU-High-01": {
        "groups": {f"host:h{n}": state for n, state in enumerate(states)},
        "muted": {"scope": "host:h1", "end": "+1h"}}}}
    assert dd.request("POST", "/_fake/scenario", body=scenario).status == 200
    [listed] = dd.api("/api/v1/monitor", query={"monitor_tags": "monitor:SYSTEM-EC2-CPU-High-01"}).json()
    detail = dd.api(f"/api/v1/monitor/{listed['id']}", query={"group_states": "all", "with_downtimes": "true"})
    monitor = detail.json()
    assert monitor["overall_state"] == "Alert"
    assert monitor["options"]["silenced"] == {"host:h1": monitor["matching_downtimes"][0]["end"]}
    monitor_validator.validate(monitor)


def test_the_validator_does_catch_a_wrong_monitor(monitor_validator):
    wrong = {"type": "query alert", "query": "q", "overall_state": "Fine", "priority": "high"}
    assert len(list(monitor_validator.iter_errors(wrong))) == 2
    monitor_validator.validate({"type": "query alert", "query": "q", "priority": None, "deleted": None})
