#!/usr/bin/env python3
"""Datadog dashboards as code: the normalised form and the checks.

The test-side oracle of `opsdaily dashboards pull|check`: what a committed file under
terraform/datadog/dashboards must look like, and what makes one wrong.

    dashboards.py normalise [--check] FILE...      rewrite in place (`-`: stdin to stdout)
    dashboards.py check [--spec YAML] [--json] FILE|DIR...

Normalised form: the computed fields Datadog adds (id, author_handle, author_name,
created_at, modified_at, url, every widget's id) and the defaults it fills in for unset
optional fields (null, an empty list, is_read_only false) removed; keys sorted; 2-space
indent; UTF-8 as is; one trailing newline. `datadog_dashboard_json` ignores the same
computed fields, so a normalised file plans without drift.

`check` validates against the `Dashboard` schema of Datadog's OpenAPI v1 spec (its
`$ref`s resolved under components/schemas, group widgets validated as deeply as they
nest) and adds what the schema cannot say: every `$name` a widget uses is a template
variable of the dashboard, presets name only defined variables, the layout rules of the
`Widget` schema's description, and the file is in normalised form. Exit 0 when no file
has an error, 1 otherwise, 2 on usage errors (no spec, no PyYAML/jsonschema).

normalise needs only the standard library; check needs PyYAML and jsonschema.
"""

import argparse
import copy
import functools
import json
import os
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SPEC = REPO.parent / "shared" / "reference" / "datadog" / "openapi-v1.yaml"
SPEC_ENV = "OPSDAILY_DATADOG_OPENAPI"

COMPUTED_FIELDS = ("id", "author_handle", "author_name", "created_at", "modified_at", "url")
# What Datadog answers for an optional field nobody set. Dropped so that a dashboard pulled
# from the API and the file it was applied from are byte for byte the same.
EMPTY_LIST_FIELDS = ("notify_list", "restricted_roles", "tags", "template_variables",
                     "template_variable_presets", "tabs")
# Prose, not queries: a note may well say "$LATEST" without meaning a template variable.
PROSE_KEYS = frozenset({"content", "text"})
TEMPLATE_REFERENCE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_-]*)")
METRIC_IN_QUERY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\s*\{")
# Keys of the OpenAPI dialect that JSON Schema does not have (or that only annotate).
OPENAPI_ONLY = frozenset({"nullable", "example", "examples", "deprecated", "readOnly", "writeOnly",
                          "discriminator", "xml", "externalDocs"})
MAX_MESSAGE = 300


class DuplicateKey(ValueError):
    pass


# --- the normalised form -----------------------------------------------------------------

def _no_duplicates(pairs):
    # json.loads keeps the last of two equal keys; Datadog and Terraform may not agree on
    # which one wins, so a file with both is refused rather than silently reduced.
    result = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(f"duplicate key {key!r}")
        result[key] = value
    return result


def parse(text):
    """The JSON document of a dashboard file; ValueError when it is not JSON or has duplicate keys."""
    return json.loads(text, object_pairs_hook=_no_duplicates)


def strip_widget_ids(widgets):
    for widget in widgets if isinstance(widgets, list) else ():
        if not isinstance(widget, dict):
            continue
        widget.pop("id", None)
        definition = widget.get("definition")
        if isinstance(definition, dict):
            strip_widget_ids(definition.get("widgets"))


def normalise(document):
    """A copy of a dashboard without what Datadog computes or fills in by default."""
    if not isinstance(document, dict):
        raise ValueError("a dashboard is a JSON object")
    result = copy.deepcopy(document)
    for name in COMPUTED_FIELDS:
        result.pop(name, None)
    for name in list(result):
        value = result[name]
        if value is None or (name in EMPTY_LIST_FIELDS and value == []) \
                or (name == "is_read_only" and value is False):
            del result[name]
    strip_widget_ids(result.get("widgets"))
    return result


def render(document):
    """The normalised text of an already normalised document."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def normalised_text(text):
    return render(normalise(parse(text)))


# --- what widgets hold ---------------------------------------------------------------------

def iter_widgets(widgets, path="widgets"):
    """(path, widget) for every widget, group members after their group."""
    for index, widget in enumerate(widgets if isinstance(widgets, list) else ()):
        here = f"{path}[{index}]"
        yield here, widget
        definition = widget.get("definition") if isinstance(widget, dict) else None
        if isinstance(definition, dict) and "widgets" in definition:
            yield from iter_widgets(definition["widgets"], f"{here}.definition.widgets")


def count_widgets(document):
    """(widgets, groups): every widget at any depth, and how many of them are groups."""
    widgets = groups = 0
    for _, widget in iter_widgets(document.get("widgets")):
        widgets += 1
        definition = widget.get("definition") if isinstance(widget, dict) else None
        if isinstance(definition, dict) and definition.get("type") == "group":
            groups += 1
    return widgets, groups


def _strings(node, path):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in PROSE_KEYS or key == "widgets":
                continue  # group members are visited as widgets of their own
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}[{index}]")


def widget_strings(document):
    """(path, string) of every string a widget definition holds, prose left out."""
    for path, widget in iter_widgets(document.get("widgets")):
        if isinstance(widget, dict):
            yield from _strings(widget.get("definition"), f"{path}.definition")


def metric_queries(document):
    """(path, query) of every metric query: `q` strings and metrics queries of formulas."""
    for path, text in widget_strings(document):
        leaf = path.rsplit(".", 1)[-1]
        if leaf == "q" or (leaf == "query" and METRIC_IN_QUERY.search(text)):
            yield path, text


def metrics_of(query):
    """Metric names a query reads (a name is what stands right before `{scope}`)."""
    return set(METRIC_IN_QUERY.findall(query))


def template_variable_names(document):
    variables = document.get("template_variables")
    return [v.get("name") for v in variables if isinstance(v, dict)] if isinstance(variables, list) else []


# --- the checks the schema cannot make ----------------------------------------------------------

def template_variable_errors(document):
    names = template_variable_names(document)
    defined = {n for n in names if isinstance(n, str)}
    errors = [f"template_variables: {name!r} is defined twice" for name in sorted(defined)
              if names.count(name) > 1]
    listing = ", ".join(f"${n}" for n in sorted(defined)) or "none"
    for path, text in widget_strings(document):
        for name in TEMPLATE_REFERENCE.findall(text):
            if name not in defined:
                errors.append(f"{path}: unknown template variable ${name} (defined: {listing})")
    presets = document.get("template_variable_presets")
    for index, preset in enumerate(presets if isinstance(presets, list) else ()):
        for inner, variable in enumerate(preset.get("template_variables") or [] if isinstance(preset, dict) else []):
            name = variable.get("name") if isinstance(variable, dict) else None
            if isinstance(name, str) and name not in defined:
                errors.append(f"template_variable_presets[{index}].template_variables[{inner}]: "
                              f"unknown template variable {name!r}")
    return errors


def layout_errors(document):
    """The `Widget` schema's rules in prose: free needs layouts, reflow says whether they may be set."""
    layout_type, reflow = document.get("layout_type"), document.get("reflow_type")
    errors = []
    if reflow is not None and layout_type != "ordered":
        errors.append(f"reflow_type: only an ordered dashboard reflows (layout_type is {layout_type!r})")
    for path, widget in iter_widgets(document.get("widgets")):
        if not isinstance(widget, dict):
            continue
        top_level = path.count("widgets[") == 1
        has_layout = "layout" in widget
        if layout_type == "free" and top_level and not has_layout:
            errors.append(f"{path}: a widget of a free dashboard needs a layout")
        elif layout_type == "ordered" and reflow == "fixed" and not has_layout:
            errors.append(f"{path}: reflow_type fixed needs a layout on every widget")
        elif layout_type == "ordered" and reflow == "auto" and has_layout:
            errors.append(f"{path}: reflow_type auto places widgets itself; remove the layout")
    return errors


# --- the schema --------------------------------------------------------------------------------

def _schema(node):
    """One OpenAPI 3.0 schema as JSON Schema (draft 7): refs into `definitions`, nullable as null."""
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        # OpenAPI ignores a $ref's siblings except that `nullable` is commonly put there.
        converted = {"$ref": "#/definitions/" + node["$ref"].rsplit("/", 1)[-1]}
    else:
        converted = {}
        for key, value in node.items():
            if key in OPENAPI_ONLY or key.startswith("x-"):
                continue
            if key in ("properties", "patternProperties"):
                converted[key] = {name: _schema(inner) for name, inner in value.items()}
            elif key in ("items", "additionalProperties", "not"):
                converted[key] = _schema(value)
            elif key in ("allOf", "anyOf", "oneOf"):
                converted[key] = [_schema(inner) for inner in value]
            else:
                converted[key] = value
    if node.get("nullable"):
        if "$ref" in converted or "type" not in converted:
            converted = {"anyOf": [converted, {"type": "null"}]}
        else:
            converted["type"] = [converted["type"], "null"]
            if "enum" in converted:
                converted["enum"] = list(converted["enum"]) + [None]
    return converted


@dataclass
class Spec:
    validator: object
    definitions: dict
    widget_types: dict  # widget type -> names of the definition schemas that carry it

    def branch_validator(self, name):
        return self.validator.evolve(schema={"$ref": f"#/definitions/{name}",
                                             "definitions": self.definitions})


def _widget_types(schemas):
    types = {}

    def visit(name):
        schema = schemas[name]
        if "oneOf" in schema:
            for ref in schema["oneOf"]:
                visit(ref["$ref"].rsplit("/", 1)[-1])
            return
        type_schema = schema.get("properties", {}).get("type", {})
        if "$ref" in type_schema:
            type_schema = schemas[type_schema["$ref"].rsplit("/", 1)[-1]]
        for value in type_schema.get("enum", ()):
            types.setdefault(value, []).append(name)

    for ref in schemas["WidgetDefinition"]["oneOf"]:
        visit(ref["$ref"].rsplit("/", 1)[-1])
    return types


def spec_path(explicit=None):
    return Path(explicit or os.environ.get(SPEC_ENV) or DEFAULT_SPEC)


@functools.lru_cache(maxsize=4)
def load_spec(path=None):
    """The `Dashboard` validator of an OpenAPI v1 spec (PyYAML and jsonschema needed)."""
    import jsonschema
    import yaml

    with open(spec_path(path), encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    schemas = document["components"]["schemas"]
    definitions = {name: _schema(schema) for name, schema in schemas.items()}
    root = {"$ref": "#/definitions/Dashboard", "definitions": definitions}
    jsonschema.Draft7Validator.check_schema(root)
    return Spec(jsonschema.Draft7Validator(root), definitions, _widget_types(schemas))


def _where(base, error):
    path = base
    for part in error.absolute_path if base == "" else error.relative_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(dashboard)"


def _short(text):
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


def _explain(spec, error, base=""):
    """Readable messages for one schema error; a widget definition is judged by its own type."""
    where = _where(base, error)
    if error.validator == "oneOf" and error.schema is spec.definitions["WidgetDefinition"]:
        kind = error.instance.get("type") if isinstance(error.instance, dict) else None
        branches = spec.widget_types.get(kind) if isinstance(kind, str) else None
        if not branches:
            return [f"{where}: {kind!r} is not a widget type of the spec" if kind is not None
                    else f"{where}: a widget definition needs a type"]
        attempts = [sorted(spec.branch_validator(b).iter_errors(error.instance), key=str) for b in branches]
        failing = [errors for errors in attempts if errors]
        if len(failing) == len(attempts):
            best = min(failing, key=len)
            return [m for inner in best for m in _explain(spec, inner, where)]
        if len(attempts) - len(failing) > 1:
            return [f"{where}: a {kind} widget matching more than one of {', '.join(branches)}"]
        return []  # the oneOf failed elsewhere; nothing to say about this definition
    if error.validator == "oneOf":
        if not error.context:
            return [f"{where}: matches more than one of the allowed shapes"]
        import jsonschema
        # The closest shape is the one with the fewest complaints (a query with a mistyped
        # data_source is still nearest the shape of its other fields).
        by_branch = {}
        for inner in error.context:
            by_branch.setdefault(inner.relative_schema_path[0], []).append(inner)
        fewest = min(by_branch.values(), key=len)
        best = jsonschema.exceptions.best_match(fewest)
        return [f"{where}: matches none of the allowed shapes; closest: "
                f"{_short(best.message)} at {_where(where, best)}"]
    return [f"{where}: {_short(error.message)}"]


def schema_errors(document, spec):
    messages = []
    for error in sorted(spec.validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        messages.extend(_explain(spec, error))
    return messages


# --- one file -------------------------------------------------------------------------------------

@dataclass
class Report:
    file: str
    title: str = ""
    widgets: int = 0
    groups: int = 0
    template_variables: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def check_text(text, spec, name="(text)"):
    report = Report(name)
    try:
        document = parse(text)
    except (ValueError, RecursionError) as exc:
        report.errors.append(f"not JSON: {exc}")
        return report
    if not isinstance(document, dict):
        report.errors.append("a dashboard is a JSON object")
        return report
    report.title = document.get("title") if isinstance(document.get("title"), str) else ""
    report.widgets, report.groups = count_widgets(document)
    report.template_variables = [n for n in template_variable_names(document) if isinstance(n, str)]
    report.errors += schema_errors(document, spec)
    report.errors += template_variable_errors(document)
    report.errors += layout_errors(document)
    if render(normalise(document)) != text:
        report.errors.append("not in normalised form (scripts/tools/dashboards.py normalise FILE)")
    return report


def check_file(path, spec):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Report(str(path), errors=[f"cannot read: {exc}"])
    return check_text(text, spec, str(path))


def dashboard_files(arguments):
    files = []
    for argument in arguments:
        path = Path(argument)
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return files


# --- command line ---------------------------------------------------------------------------------

def command_normalise(arguments):
    if arguments.files == ["-"]:
        try:
            sys.stdout.write(normalised_text(sys.stdin.read()))
        except (ValueError, RecursionError) as exc:
            print(f"-: {exc}", file=sys.stderr)
            return 1
        return 0
    status = 0
    for path in map(Path, arguments.files):
        try:
            text = path.read_text(encoding="utf-8")
            wanted = normalised_text(text)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        if wanted == text:
            print(f"{path}: normalised")
        elif arguments.check:
            print(f"{path}: not normalised")
            status = 1
        else:
            path.write_text(wanted, encoding="utf-8")
            print(f"{path}: rewritten")
    return status


def command_check(arguments):
    try:
        spec = load_spec(str(spec_path(arguments.spec)))
    except ImportError as exc:
        print(f"check needs PyYAML and jsonschema: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"cannot read the OpenAPI spec: {exc} (--spec or ${SPEC_ENV})", file=sys.stderr)
        return 2
    files = dashboard_files(arguments.paths)
    if not files:
        print("no dashboard files", file=sys.stderr)
        return 2
    reports = [check_file(path, spec) for path in files]
    if arguments.json:
        json.dump([asdict(r) for r in reports], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for report in reports:
            print(f"{report.file}: {report.widgets} widgets ({report.groups} groups), "
                  f"{len(report.errors)} errors")
            for error in report.errors:
                print(f"  {error}")
        print(f"{len(reports)} files, {sum(r.widgets for r in reports)} widgets, "
              f"{sum(len(r.errors) for r in reports)} errors")
    return 1 if any(r.errors for r in reports) else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    normalise_parser = commands.add_parser("normalise", help="rewrite files in normalised form")
    normalise_parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not normalised")
    normalise_parser.add_argument("files", nargs="+", metavar="FILE")
    check_parser = commands.add_parser("check", help="schema, template variables, layout, normalised form")
    check_parser.add_argument("--spec", help=f"OpenAPI v1 YAML (default ${SPEC_ENV} or {DEFAULT_SPEC})")
    check_parser.add_argument("--json", action="store_true", help="the reports as JSON")
    check_parser.add_argument("paths", nargs="+", metavar="FILE|DIR")
    arguments = parser.parse_args(argv)
    if arguments.command == "normalise":
        return command_normalise(arguments)
    return command_check(arguments)


if __name__ == "__main__":
    sys.exit(main())
