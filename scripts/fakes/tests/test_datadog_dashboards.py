"""/api/v1/dashboard[/{id}] of the fake Datadog, against Datadog's v1 spec.

The fake runs with --dashboards terraform/datadog/dashboards, as `opsdaily dashboards`
tests will: a pull of any of them must give the committed file back.
"""

import copy
import json
import re
import sys

import pytest

from fakeproc import API_KEY, APP_KEY, FAKES, KEYS, start, start_datadog

REPO = FAKES.parents[1]
DASHBOARD_DIR = REPO / "terraform" / "datadog" / "dashboards"
COMMITTED = {path.stem: path.read_text(encoding="utf-8") for path in sorted(DASHBOARD_DIR.glob("*.json"))}
SUMMARY_FIELDS = {"author_handle", "created_at", "description", "id", "is_read_only", "layout_type",
                  "modified_at", "title", "url"}
COMPUTED = {"id", "author_handle", "author_name", "created_at", "modified_at", "url"}
ID = re.compile(r"[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3}")
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")

sys.path.insert(0, str(REPO / "scripts" / "tools"))
import dashboards as oracle  # noqa: E402

NOTE = {"definition": {"type": "note", "content": "hello"}}


def minimal(title="Fake test", widgets=None, **extra):
    return {"title": title, "layout_type": "ordered", "widgets": widgets or [copy.deepcopy(NOTE)], **extra}


@pytest.fixture(scope="module")
def boards_server(tmp_path_factory):
    with start_datadog(tmp_path_factory.mktemp("dashboards"), "--dashboards", str(DASHBOARD_DIR)) as fake:
        yield fake


@pytest.fixture
def boards(boards_server):
    return boards_server.reset()


@pytest.fixture(scope="module")
def spec():
    pytest.importorskip("yaml")
    pytest.importorskip("jsonschema")
    if not oracle.spec_path().exists():
        pytest.skip(f"{oracle.spec_path()} not found")
    return oracle.load_spec(str(oracle.spec_path()))


def send(fake, method, path, body=None, headers=KEYS, query=None):
    return fake.request(method, path, body=body, headers=headers, query=query)


def listed(fake, **query):
    reply = fake.api("/api/v1/dashboard", query=query)
    assert reply.status == 200, reply.text
    return reply.json()["dashboards"]


def by_title(fake):
    return {d["title"]: d for d in listed(fake)}


def widgets_of(document):
    return [w for _, w in oracle.iter_widgets(document["widgets"])]


# --- preloaded dashboards ---------------------------------------------------------------------

def test_the_preloaded_files_are_listed_in_summary_form(boards, spec):
    summaries = listed(boards)
    assert len(summaries) == len(COMMITTED) == 9
    assert [s["title"] for s in summaries] == [json.loads(t)["title"] for t in COMMITTED.values()]
    for summary in summaries:
        assert set(summary) == SUMMARY_FIELDS
        assert ID.fullmatch(summary["id"]) and TIME.fullmatch(summary["created_at"])
        assert summary["url"].startswith(f"/dashboard/{summary['id']}/opsdaily-")
        assert summary["is_read_only"] is False and summary["layout_type"] == "ordered"
    spec.branch_validator("DashboardSummary").validate({"dashboards": summaries})


def test_a_pull_of_every_preloaded_dashboard_gives_the_committed_file(boards, spec):
    for summary, (name, text) in zip(listed(boards), COMMITTED.items()):
        reply = boards.api(f"/api/v1/dashboard/{summary['id']}")
        assert reply.status == 200
        pulled = reply.json()
        assert COMPUTED <= set(pulled) and pulled["author_name"] == "fake_datadog"
        assert all(type(w["id"]) is int for w in widgets_of(pulled)), name
        spec.validator.validate(pulled)
        assert oracle.normalised_text(reply.text) == text, name


def test_ids_and_times_survive_a_reset_and_a_restart(boards, tmp_path):
    before = listed(boards)
    send(boards, "DELETE", f"/api/v1/dashboard/{before[0]['id']}")
    assert listed(boards.reset()) == before
    with start_datadog(tmp_path, "--dashboards", str(DASHBOARD_DIR)) as other:
        assert [d["id"] for d in listed(other)] == [d["id"] for d in before]


# --- create, read, update, delete -----------------------------------------------------------------

def test_create_adds_the_computed_fields_and_widget_ids(boards, spec):
    body = json.loads(COMMITTED["eks"])
    body["title"] = "EKS, a copy"
    reply = send(boards, "POST", "/api/v1/dashboard", body)
    assert reply.status == 200, reply.text
    created = reply.json()
    assert ID.fullmatch(created["id"]) and created["url"] == f"/dashboard/{created['id']}/eks-a-copy"
    assert created["author_handle"] == "fake-datadog@example.com"
    assert TIME.fullmatch(created["created_at"]) and created["modified_at"] == created["created_at"]
    ids = [w["id"] for w in widgets_of(created)]
    assert len(ids) == 22 and len(set(ids)) == 22 and all(0 < i < 2 ** 53 for i in ids)
    assert created["notify_list"] is None and created["restricted_roles"] == []
    spec.validator.validate(created)
    assert boards.api(f"/api/v1/dashboard/{created['id']}").json() == created
    assert created["id"] in {d["id"] for d in listed(boards)}
    assert oracle.normalise(created) == body


def test_created_ids_are_new_each_time_and_the_same_after_a_reset(boards):
    first = [send(boards, "POST", "/api/v1/dashboard", minimal()).json()["id"] for _ in range(3)]
    assert len(set(first)) == 3
    again = [send(boards.reset(), "POST", "/api/v1/dashboard", minimal()).json()["id"]]
    assert again == first[:1]


def test_computed_fields_in_a_body_are_ignored(boards):
    body = minimal(id="zzz-zzz-zzz", author_handle="mallory@example.com", url="/evil",
                   created_at="1999-01-01T00:00:00+00:00")
    created = send(boards, "POST", "/api/v1/dashboard", body).json()
    assert created["id"] != "zzz-zzz-zzz" and created["author_handle"] != "mallory@example.com"
    assert created["url"].startswith(f"/dashboard/{created['id']}/") and created["created_at"] != body["created_at"]


def test_update_keeps_identity_and_known_widget_ids(boards):
    created = send(boards, "POST", "/api/v1/dashboard", minimal()).json()
    changed = copy.deepcopy(created)
    changed["title"] = "Renamed board"
    changed["widgets"].append(copy.deepcopy(NOTE))
    reply = send(boards, "PUT", f"/api/v1/dashboard/{created['id']}", changed)
    assert reply.status == 200, reply.text
    updated = reply.json()
    assert (updated["id"], updated["created_at"], updated["author_handle"]) == \
        (created["id"], created["created_at"], created["author_handle"])
    assert updated["url"] == f"/dashboard/{created['id']}/renamed-board"
    assert updated["modified_at"] >= created["modified_at"]
    assert updated["widgets"][0]["id"] == created["widgets"][0]["id"]
    assert type(updated["widgets"][1]["id"]) is int and updated["widgets"][1]["id"] != updated["widgets"][0]["id"]
    assert boards.api(f"/api/v1/dashboard/{created['id']}").json() == updated


def test_a_refused_update_changes_nothing(boards):
    created = send(boards, "POST", "/api/v1/dashboard", minimal()).json()
    reply = send(boards, "PUT", f"/api/v1/dashboard/{created['id']}", minimal(layout_type="grid"))
    assert reply.status == 400
    assert boards.api(f"/api/v1/dashboard/{created['id']}").json() == created


def test_delete_hides_it_from_reads_and_the_listing(boards):
    target = listed(boards)[0]
    reply = send(boards, "DELETE", f"/api/v1/dashboard/{target['id']}")
    assert (reply.status, reply.json()) == (200, {"deleted_dashboard_id": target["id"]})
    for method, body in (("GET", None), ("PUT", minimal()), ("DELETE", None)):
        gone = send(boards, method, f"/api/v1/dashboard/{target['id']}", body)
        assert (gone.status, gone.json()) == (404, {"errors": [f"Dashboard with ID {target['id']} not found"]})
    assert target["id"] not in {d["id"] for d in listed(boards)}
    assert [d["id"] for d in listed(boards, **{"filter[deleted]": "true"})] == [target["id"]]


# --- the listing's parameters ------------------------------------------------------------------------

def test_count_and_start_page_the_listing(boards):
    everything = [d["id"] for d in listed(boards)]
    pages = [listed(boards, count=4, start=start) for start in (0, 4, 8)]
    assert [len(p) for p in pages] == [4, 4, 1]
    assert [d["id"] for p in pages for d in p] == everything
    assert listed(boards, count=0) == [] and listed(boards, start=100) == []


@pytest.mark.parametrize("query, message", [
    ({"count": "many"}, "Invalid count"), ({"start": "-1"}, "Invalid start"),
    ({"filter[shared]": "maybe"}, "Invalid filter[shared]"),
    ({"filter[shared]": "true", "filter[deleted]": "true"}, "cannot be used together"),
])
def test_bad_listing_parameters(boards, query, message):
    reply = boards.api("/api/v1/dashboard", query=query)
    assert reply.status == 400 and message in reply.json()["errors"][0]


def test_nothing_is_shared_in_the_fake_org(boards):
    assert listed(boards, **{"filter[shared]": "true"}) == []


# --- refusals ----------------------------------------------------------------------------------------

def _group(inner):
    return [{"definition": {"type": "group", "layout_type": "ordered", "widgets": inner}}]


BAD_BODIES = {
    "not JSON": (b"{nope", "Invalid JSON"),
    "empty": (b"", "Invalid JSON"),
    "an array": ([], "expected a JSON object"),
    "no title": ({"layout_type": "ordered", "widgets": []}, "'title' is a required property"),
    "no widgets": ({"title": "t", "layout_type": "ordered"}, "'widgets' is a required property"),
    "bad layout type": (minimal(layout_type="grid"), "'grid' is not one of ['ordered', 'free']"),
    "reflow on a free dashboard": (minimal(layout_type="free", reflow_type="auto"), "only allowed with layout_type ordered"),
    "widget without definition": (minimal(widgets=[{"layout": {}}]), "Invalid widget at position 0. Error: 'definition'"),
    "unknown widget type": (minimal(widgets=[{"definition": {"type": "timeseriez", "requests": []}}]),
                            "Invalid widget definition at position 0 of type timeseriez. Error: 'timeseriez' is not a valid widget type"),
    "missing required field": (minimal(widgets=[{"definition": {"type": "timeseries"}}]),
                               "of type timeseries. Error: 'requests' is a required property"),
    "bad inner widget": (minimal(widgets=_group([NOTE, {"definition": {"type": "manage_status"}}])),
                         "Invalid inner widget definition at position 1 of type manage_status. Error: 'query'"),
    "free without layouts": (minimal(layout_type="free"), "Invalid widget at position 0. Error: 'layout' is a required property"),
    "negative layout": (minimal(widgets=[{**NOTE, "layout": {"x": -1, "y": 0, "width": 1, "height": 1}}]), "'x' must be"),
    "variable names twice": (minimal(template_variables=[{"name": "a"}, {"name": "a"}]), "names must be unique"),
    "too many team tags": (minimal(tags=[f"team:t{n}" for n in range(6)]), "at most 5"),
}


@pytest.mark.parametrize("case", sorted(BAD_BODIES))
@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_an_invalid_body_gets_400_in_datadogs_error_shape(boards, case, method):
    body, message = BAD_BODIES[case]
    path = "/api/v1/dashboard" if method == "POST" else f"/api/v1/dashboard/{listed(boards)[0]['id']}"
    before = len(listed(boards))
    reply = send(boards, method, path, body, headers={**KEYS, "Content-Type": "application/json"})
    assert reply.status == 400
    document = reply.json()
    assert list(document) == ["errors"] and len(document["errors"]) == 1
    assert message in document["errors"][0], document
    assert len(listed(boards)) == before


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/api/v1/dashboard/abc-def-ghi", 404), ("PUT", "/api/v1/dashboard/abc-def-ghi", 404),
    ("DELETE", "/api/v1/dashboard/abc-def-ghi", 404), ("GET", "/api/v1/dashboard/a/b", 404),
    ("POST", "/api/v1/dashboard/abc-def-ghi", 405), ("PUT", "/api/v1/dashboard", 405),
    ("DELETE", "/api/v1/dashboard", 501), ("PATCH", "/api/v1/dashboard", 501),
    ("POST", "/api/v1/dashboard/public", 501), ("GET", "/api/v1/dashboard/public/tok", 501),
])
def test_unknown_ids_routes_and_methods(boards, method, path, status):
    reply = send(boards, method, path, minimal() if method in ("PUT", "POST") else None)
    assert reply.status == status
    assert reply.json()["errors"][0]


@pytest.mark.parametrize("headers", [
    {}, {"DD-API-KEY": API_KEY}, {"DD-APPLICATION-KEY": APP_KEY},
    {"DD-API-KEY": API_KEY, "DD-APPLICATION-KEY": "wrong"},
])
@pytest.mark.parametrize("method, path", [
    ("GET", "/api/v1/dashboard"), ("POST", "/api/v1/dashboard"), ("GET", "/api/v1/dashboard/{id}"),
    ("PUT", "/api/v1/dashboard/{id}"), ("DELETE", "/api/v1/dashboard/{id}"),
])
def test_every_dashboard_route_needs_both_keys(boards, headers, method, path):
    path = path.format(id=listed(boards)[0]["id"])
    reply = send(boards, method, path, minimal() if method in ("PUT", "POST") else None, headers=headers)
    assert (reply.status, reply.json()) == (403, {"errors": ["Forbidden"]})
    assert len(listed(boards)) == 9


def test_dashboard_requests_are_logged_and_faults_apply(boards):
    assert send(boards, "POST", "/_fake/faults", {"status": 500, "count": 1, "path_prefix": "/api/v1/dashboard",
                                                  "method": "POST"}, headers={}).status == 200
    assert send(boards, "POST", "/api/v1/dashboard", minimal()).status == 500
    assert send(boards, "POST", "/api/v1/dashboard", minimal()).status == 200
    log = [(e["method"], e["path"], e["status"]) for e in boards.request("GET", "/_fake/requests").json()]
    assert log == [("POST", "/api/v1/dashboard", 500), ("POST", "/api/v1/dashboard", 200)]


# --- the fake's checks and the spec -----------------------------------------------------------------

def test_the_required_fields_per_widget_type_are_the_specs(spec):
    from ddfake.dashboards import WIDGET_REQUIRED
    yaml = pytest.importorskip("yaml")
    with open(oracle.spec_path(), encoding="utf-8") as handle:
        schemas = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["components"]["schemas"]
    from_spec = {}
    for kind, branches in spec.widget_types.items():
        required = {tuple(sorted(r for r in schemas[b].get("required", []) if r != "type")) for b in branches}
        assert len(required) == 1, f"{kind}: its schemas disagree on what is required"
        from_spec[kind] = required.pop()
    assert {k: tuple(sorted(v)) for k, v in WIDGET_REQUIRED.items()} == from_spec


def test_what_the_oracle_refuses_for_type_or_required_fields_the_fake_refuses_too(boards, spec):
    eks = json.loads(COMMITTED["eks"])
    cases = []
    for change in (lambda d: d["widgets"][1]["definition"]["widgets"][0]["definition"].update(type="gauge"),
                   lambda d: d["widgets"][2]["definition"]["widgets"][1]["definition"].pop("requests"),
                   lambda d: d.pop("title")):
        broken = copy.deepcopy(eks)
        change(broken)
        cases.append(broken)
    for broken in cases:
        assert oracle.schema_errors(broken, spec)
        assert send(boards, "POST", "/api/v1/dashboard", broken).status == 400


def test_start_up_with_a_bad_dashboard_file_fails(tmp_path):
    folder = tmp_path / "boards"
    folder.mkdir()
    (folder / "broken.json").write_text('{"title": "x", "layout_type": "ordered", "widgets": [{}]}')
    with pytest.raises(RuntimeError, match="broken: Invalid widget at position 0"):
        start("fake_datadog.py", ["--api-key", "k", "--app-key", "k", "--dashboards", str(folder)], tmp_path)
    with pytest.raises(RuntimeError, match="not a directory"):
        start("fake_datadog.py", ["--api-key", "k", "--app-key", "k", "--dashboards", str(tmp_path / "no")], tmp_path)
