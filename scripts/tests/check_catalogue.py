"""Checks opsdaily inventory's catalogue against botocore's service models.

Reads the catalogue as JSON on stdin (written by Tests/InventoryTests/Catalogue/CatalogueModelTests.swift)
and checks every entry's facts where botocore keeps them: the service's protocol, JSON target prefix and
version, query API version; the operation's name, HTTP method and path; the wire names of input fields,
paging tokens and limits and their documented ranges; the item and column paths through the output shapes.
Prints one line per problem and exits 1 when there is any; prints the number of checks otherwise.

Usage: python3 scripts/tests/check_catalogue.py < catalogue.json
"""

import gzip
import json
import os
import sys

import botocore

DATA = os.path.join(os.path.dirname(botocore.__file__), "data")
# Members the engine adds to a row: the listed scalar, the item source's label, expansions and their
# branch labels, joined lists and account-wide facts (SPEC §13.1: credential report, S3 storage metrics).
ENGINE_MEMBERS = {"Listed", "Source", "CredentialReport", "GroupNames", "Region", "SizeBytes", "SizeGiB", "ObjectCount", "Attributes"}


def load(service, name):
    folder = os.path.join(DATA, service)
    version = sorted(v for v in os.listdir(folder) if os.path.isdir(os.path.join(folder, v)))[-1]
    for file in (name + ".json", name + ".json.gz"):
        path = os.path.join(folder, version, file)
        if os.path.exists(path):
            opener = gzip.open if file.endswith(".gz") else open
            with opener(path, "rt") as handle:
                return json.load(handle)
    return None


def model_named(service_id, hints):
    """The model whose serviceId is `service_id`: the folders the hints name first, every folder if need be."""
    folders = [h for h in hints if os.path.isdir(os.path.join(DATA, h))]
    folders += sorted(f for f in os.listdir(DATA) if os.path.isdir(os.path.join(DATA, f)) and f not in folders)
    for folder in folders:
        try:
            model = load(folder, "service-2")
        except (OSError, ValueError):
            continue
        if model and model["metadata"].get("serviceId") == service_id:
            return model
    return None


class Checker:
    def __init__(self):
        self.problems = []
        self.checks = 0
        self.models = {}

    def expect(self, condition, where, message):
        self.checks += 1
        if not condition:
            self.problems.append(f"{where}: {message}")

    def model_for(self, kind):
        api = kind["api"]
        if api["serviceID"] not in self.models:
            hints = [api["signingName"], api["endpointPrefix"], api["serviceID"].lower().replace(" ", "-"), api["serviceID"].lower().replace(" ", "")]
            if api["signingName"] == "elasticloadbalancing":
                hints = ["elbv2" if api["serviceID"].endswith("v2") else "elb"] + hints
            self.models[api["serviceID"]] = model_named(api["serviceID"], hints)
        model = self.models[api["serviceID"]]
        self.expect(model is not None, kind["id"], f"no botocore model has serviceId {api['serviceID']!r}")
        return model

    def check_protocol(self, kind, model):
        meta = model["metadata"]
        api = kind["api"]
        protocols = meta.get("protocols") or [meta["protocol"]]
        wire = {"json": "json", "query": "query", "ec2": "ec2", "restJSON": "rest-json", "restXML": "rest-xml"}[api["protocol"]]
        self.expect(wire in protocols, kind["id"], f"protocol {wire} not in {protocols}")
        signing = meta.get("signingName") or meta["endpointPrefix"]
        self.expect(api["signingName"] == signing, kind["id"], f"signing name {api['signingName']} != {signing}")
        self.expect(api["endpointPrefix"] == meta["endpointPrefix"], kind["id"], f"endpoint prefix {api['endpointPrefix']} != {meta['endpointPrefix']}")
        if wire == "json":
            self.expect(api.get("targetPrefix") == meta.get("targetPrefix"), kind["id"], f"target prefix {api.get('targetPrefix')} != {meta.get('targetPrefix')}")
            self.expect(api.get("jsonVersion") == meta.get("jsonVersion"), kind["id"], f"JSON version {api.get('jsonVersion')} != {meta.get('jsonVersion')}")
        if wire in ("query", "ec2"):
            self.expect(api.get("apiVersion") == meta["apiVersion"], kind["id"], f"API version {api.get('apiVersion')} != {meta['apiVersion']}")

    def wire_names(self, model, shape_name, protocol):
        """Input member wire name -> (member name, member spec)."""
        shape = model["shapes"][shape_name]
        names = {}
        for member, spec in shape.get("members", {}).items():
            location = spec.get("location")
            if protocol in ("rest-json", "rest-xml") and location in ("querystring", "uri", "header"):
                names[spec.get("locationName", member)] = (member, spec)
            elif protocol == "ec2":
                location = spec.get("locationName")
                names[spec.get("queryName") or (location[0].upper() + location[1:] if location else member)] = (member, spec)
            else:
                names[member] = (member, spec)
        return names

    def output_member(self, model, shape_name, name, protocol):
        """The member of an output structure a wire name reaches, as the engine's tree names it."""
        shape = model["shapes"][shape_name]
        for member, spec in shape.get("members", {}).items():
            wire = member if protocol == "json" else spec.get("locationName", member)
            if wire == name:
                return spec
        return None

    def walk(self, model, shape_name, path, protocol):
        """The shape a dotted path with [] reaches, or None with the step that failed."""
        current = shape_name
        for step in path.split("."):
            name = step[:-2] if step.endswith("[]") else step
            shape = model["shapes"][current]
            if shape["type"] == "map":
                current = shape["value"]["shape"]
            else:
                spec = self.output_member(model, current, name, protocol)
                if spec is None:
                    return None, name
                current = spec["shape"]
            if step.endswith("[]"):
                shape = model["shapes"][current]
                if shape["type"] != "list":
                    return None, step
                current = shape["member"]["shape"]
        return current, None

    def operation(self, kind, model, spec, where):
        operation = model["operations"].get(spec["name"])
        self.expect(operation is not None, where, f"no operation {spec['name']}")
        if operation is None:
            return None
        protocol = self.protocol(model, kind)
        if protocol in ("rest-json", "rest-xml"):
            uri = operation["http"]["requestUri"].split("?")[0]
            self.expect(operation["http"]["method"] == spec["method"], where, f"method {spec['method']} != {operation['http']['method']}")
            self.expect(spec["path"].split("?")[0].rstrip("/") == uri.rstrip("/"), where, f"path {spec['path']} != {uri}")
        return operation

    def protocol(self, model, kind):
        return {"json": "json", "query": "query", "ec2": "ec2", "restJSON": "rest-json", "restXML": "rest-xml"}[kind["api"]["protocol"]]

    def check_input(self, kind, model, operation, fields, where):
        protocol = self.protocol(model, kind)
        names = self.wire_names(model, operation["input"]["shape"], protocol) if "input" in operation else {}
        for field in fields:
            self.expect(field in names, where, f"input field {field} is not a wire name of {operation['name']} ({sorted(names)})")
        return names

    def check_paging(self, kind, model, operation, paging, where):
        if not paging:
            return
        protocol = self.protocol(model, kind)
        names = self.wire_names(model, operation["input"]["shape"], protocol)
        self.expect(paging["inputToken"] in names, where, f"input token {paging['inputToken']} not in {sorted(names)}")
        if paging.get("limitKey"):
            self.expect(paging["limitKey"] in names, where, f"limit {paging['limitKey']} not in {sorted(names)}")
            member = names.get(paging["limitKey"])
            sizes = paging.get("pageSizes")
            if member and sizes:
                shape = model["shapes"][member[1]["shape"]]
                if "min" in shape:
                    self.expect(sizes[0] >= shape["min"], where, f"page sizes {sizes} below the model's min {shape['min']}")
                if "max" in shape:
                    self.expect(sizes[1] <= shape["max"], where, f"page sizes {sizes} above the model's max {shape['max']}")
        output = self.output_shape(model, operation, protocol)
        for key in ("outputToken", "moreResults"):
            if paging.get(key):
                reached, failed = self.walk(model, output, paging[key], protocol)
                self.expect(reached is not None, where, f"{key} {paging[key]} does not exist in the output (at {failed})")

    def output_shape(self, model, operation, protocol):
        shape = operation["output"]["shape"]
        payload = model["shapes"][shape].get("payload")
        if protocol == "rest-xml" and payload:
            return model["shapes"][shape]["members"][payload]["shape"]
        return shape

    def check_paths(self, model, shape, paths, protocol, where, what, extra=()):
        for path in paths:
            head = path.split(".")[0].rstrip("[]")
            if head in ENGINE_MEMBERS or head in extra:
                continue
            reached, failed = self.walk(model, shape, path, protocol)
            self.expect(reached is not None, where, f"{what} {path} does not exist in {shape} (at {failed})")

    def check(self, kind):
        model = self.model_for(kind)
        if model is None:
            return
        self.check_protocol(kind, model)
        protocol = self.protocol(model, kind)
        listing = kind["listing"]
        where = f"{kind['id']} {listing['operation']['name']}"
        operation = self.operation(kind, model, listing["operation"], where)
        if operation is None:
            return
        self.check_input(kind, model, operation, listing["input"], where)
        self.check_paging(kind, model, operation, listing.get("paging"), where)
        output = self.output_shape(model, operation, protocol)
        item_shapes = []
        # A describe answer that is a map (SQS attributes) joins the row by its keys: any key the model's enum has.
        map_keys = set()
        for path in listing["items"]:
            reached, failed = self.walk(model, output, path, protocol)
            self.expect(reached is not None, where, f"items {path} do not exist in the output (at {failed})")
            if reached:
                item_shapes.append(reached)
        detail = listing.get("detail")
        if detail:
            dwhere = f"{kind['id']} {detail['operation']['name']}"
            doperation = self.operation(kind, model, detail["operation"], dwhere)
            if doperation:
                self.check_input(kind, model, doperation, detail["input"], dwhere)
                self.check_paging(kind, model, doperation, detail.get("paging"), dwhere)
                doutput = self.output_shape(model, doperation, protocol)
                reached, failed = self.walk(model, doutput, detail["result"], protocol)
                self.expect(reached is not None, dwhere, f"result {detail['result']} does not exist (at {failed})")
                if reached and detail["merge"] in ("members", "rows") and model["shapes"][reached]["type"] == "structure":
                    item_shapes.append(reached)
                if reached and detail["merge"] == "members" and model["shapes"][reached]["type"] == "map":
                    key = model["shapes"][model["shapes"][reached]["key"]["shape"]]
                    map_keys = set(key.get("enum", [])) or None
        # Each expansion's element shapes, from the item (or an earlier expansion) through its branches.
        scopes = {"": item_shapes}
        for expansion in listing["expansions"]:
            shapes = []
            for branch in expansion["branches"]:
                head, _, rest = branch.partition(".")
                base, path = (scopes[head], rest) if head in scopes else (item_shapes, branch)
                reached = [r for r in (self.walk(model, shape, path, protocol)[0] for shape in base) if r]
                self.expect(reached, kind["id"], f"expansion {expansion['name']} branch {branch} is in none of {base}")
                shapes += reached
            scopes[expansion["name"]] = shapes
            scopes[expansion["name"] + "Kind"] = []
        for column in kind["columns"]:
            for path in column["paths"]:
                head, _, rest = path.partition(".")
                if head.rstrip("[]") in ENGINE_MEMBERS or (head in scopes and not rest):
                    continue
                base, walked = (scopes[head], rest) if head in scopes else (item_shapes, path)
                ok = any(self.walk(model, shape, walked, protocol)[0] is not None for shape in base)
                ok = ok or (map_keys is None and "." not in path) or path in (map_keys or set())
                self.expect(ok, kind["id"], f"column {column['header']!r} path {path} is in none of {base}")

def main():
    catalogue = json.load(sys.stdin)
    checker = Checker()
    for kind in catalogue:
        checker.check(kind)
    for problem in checker.problems:
        print(problem)
    if checker.problems:
        return 1
    print(f"{checker.checks} checks against botocore {botocore.__version__}: all hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
