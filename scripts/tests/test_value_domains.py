"""Terraform's verdict on every case of scripts/tests/data/value-domain-cases.json equals the file's.

The cases are candidate values of the settings Terraform passes the functions (datadog_site, timezone,
check_slots, notification_offset_minutes), each marked accept or refuse; the Swift functions' configuration
must give the same verdicts (their own tests). Terraform's rules live in one place,
terraform/modules/opsdaily/settings, which reads terraform/modules/opsdaily/value-domains.json and which the
opsdaily module calls with its variables.

Cost: the settings module has no providers and no resources, so this plans one throwaway root holding one
module block per case (the block's name says which case an error belongs to), not the opsdaily module per
case. Accepted cases go in one plan, which must succeed. Refused cases go in a second plan, in which every
block must fail. Terraform skips a rule that reads another variable (the offset against the slots) once
some other rule in the plan has failed, so a refused case that shows no error there is planned again on
its own before it counts as accepted. Run by scripts/terraform-check.sh; needs terraform (offline with
terraform/terraform.rc when /opt/tf-plugins exists).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SETTINGS = REPO / "terraform" / "modules" / "opsdaily" / "settings"
CASES = REPO / "scripts" / "tests" / "data" / "value-domain-cases.json"
DOMAINS = REPO / "terraform" / "modules" / "opsdaily" / "value-domains.json"

# Each case sets one setting; the others keep a value every rule accepts. The baseline offset is the
# smallest allowed, so that it never decides a check_slots case (1 + the 5-minute skew tolerance is below
# the minimum spacing between slots).
BASELINE = {"datadog_site": "datadoghq.com", "timezone": "Asia/Seoul", "check_slots": ["09:00", "20:00"],
            "notification_offset_minutes": 1}
ARGUMENTS = tuple(BASELINE)

pytestmark = pytest.mark.skipif(shutil.which("terraform") is None, reason="needs terraform")


def hcl(value):
    """An HCL literal for a JSON-able value (strings, numbers, lists); ${ and %{ are escaped."""
    if isinstance(value, str):
        return json.dumps(value).replace("${", "$${").replace("%{", "%%{")
    if isinstance(value, list):
        return "[" + ", ".join(hcl(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        raise TypeError(f"no case sets {value!r}")
    return json.dumps(value)


def load_cases():
    """[(name, domain, verdict, settings)] from the cases file, one per candidate value."""
    data = json.loads(CASES.read_text())
    cases = []
    for domain, verdicts in data.items():
        if domain.startswith("_"):
            continue
        for verdict in ("accept", "refuse"):
            for i, value in enumerate(verdicts[verdict]):
                settings = dict(BASELINE)
                if domain == "notification_offset":
                    settings["check_slots"], settings["notification_offset_minutes"] = value
                    argument = "notification_offset_minutes"
                else:
                    settings[domain] = value
                    argument = domain
                cases.append({"name": f"{domain}_{verdict}_{i}", "domain": domain, "argument": argument,
                              "verdict": verdict, "value": value, "settings": settings})
    return cases


class Root:
    """A throwaway root in a temporary folder: one settings module block per case."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data_dir = folder / ".tfdata"
        self.env = {**os.environ, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0", "CHECKPOINT_DISABLE": "1",
                    "TF_DATA_DIR": str(self.data_dir)}
        if Path("/opt/tf-plugins").is_dir():
            self.env["TF_CLI_CONFIG_FILE"] = str(REPO / "terraform" / "terraform.rc")
        self.plans = 0

    def plan(self, cases):
        """{case name: [(argument, summary, detail)]} for every error of one plan of these cases."""
        source = os.path.relpath(SETTINGS, self.folder)
        lines, where = [], {}
        for case in cases:
            lines.append(f'module "{case["name"]}" {{')
            lines.append(f'  source = "{source}"')
            for argument in ARGUMENTS:
                lines.append(f"  {argument} = {hcl(case['settings'][argument])}")
                where[(case["name"], len(lines))] = argument
            lines.append("}")
            lines.append("")
        (self.folder / "main.tf").write_text("\n".join(lines))
        # Installs the module blocks of this plan (local source: nothing is downloaded).
        self.terraform("init", "-backend=false", "-input=false", "-no-color")
        result = subprocess.run(["terraform", "plan", "-input=false", "-json", "-lock=false"], cwd=self.folder,
                                env=self.env, capture_output=True, text=True, timeout=300)
        self.plans += 1
        errors = {case["name"]: [] for case in cases}
        for line in result.stdout.splitlines():
            message = json.loads(line)
            diagnostic = message.get("diagnostic")
            if message.get("type") != "diagnostic" or diagnostic["severity"] != "error":
                continue
            context = (diagnostic.get("snippet") or {}).get("context") or ""
            name = context.removeprefix('module "').removesuffix('"')
            assert name in errors and diagnostic["range"]["filename"] == "main.tf", f"an error outside the cases: {diagnostic}"
            argument = where.get((name, diagnostic["range"]["start"]["line"]))
            errors[name].append((argument, diagnostic["summary"], diagnostic["detail"]))
        failed = any(errors.values())
        assert (result.returncode != 0) == failed, f"plan exit {result.returncode}, errors {errors}\n{result.stderr}"
        return errors

    def terraform(self, *args):
        result = subprocess.run(["terraform", *args], cwd=self.folder, env=self.env, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, f"terraform {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result


def test_cases_cover_every_domain_and_match_the_domains_file():
    """The cases file tests all four settings, both ways, and its accepted sites and zones are in the domains file."""
    cases = load_cases()
    domains = json.loads(DOMAINS.read_text())
    for domain in ("datadog_site", "timezone", "check_slots", "notification_offset"):
        for verdict in ("accept", "refuse"):
            assert any(c["domain"] == domain and c["verdict"] == verdict for c in cases), (domain, verdict)
    assert {c["value"] for c in cases if c["domain"] == "datadog_site" and c["verdict"] == "accept"} <= set(domains["datadog_sites"])
    assert {c["value"] for c in cases if c["domain"] == "timezone" and c["verdict"] == "accept"} <= set(domains["timezones"])
    assert BASELINE["notification_offset_minutes"] == domains["notification_offset_minutes"]["minimum"]


def test_terraform_gives_every_case_its_verdict(tmp_path):
    cases = load_cases()
    root = Root(tmp_path)
    accepted = [c for c in cases if c["verdict"] == "accept"]
    refused = [c for c in cases if c["verdict"] == "refuse"]

    verdicts, disagreements = {}, []
    errors = root.plan(accepted)
    for case in accepted:
        verdicts[case["name"]] = "refuse" if errors[case["name"]] else "accept"
        if errors[case["name"]]:
            disagreements.append(f'{case["name"]} {case["value"]!r}: refused: {errors[case["name"]]}')

    errors = root.plan(refused)
    replanned = []
    for case in refused:
        found = errors[case["name"]]
        if not found:  # perhaps a skipped rule: plan it alone
            replanned.append(case["name"])
            found = root.plan([case])[case["name"]]
        verdicts[case["name"]] = "refuse" if found else "accept"
        if not found:
            disagreements.append(f'{case["name"]} {case["value"]!r}: accepted')
        elif case["argument"] not in {argument for argument, _, _ in found}:
            disagreements.append(f'{case["name"]} {case["value"]!r}: refused, but not for {case["argument"]}: {found}')

    agreements = len(cases) - len(disagreements)
    by_domain = {}
    for case in cases:
        counts = by_domain.setdefault(case["domain"], {"accept": 0, "refuse": 0})
        counts[verdicts[case["name"]]] += 1
    figures = ", ".join(f'{d} {n["accept"]} accepted/{n["refuse"]} refused' for d, n in by_domain.items())
    print(f"\nvalue domains: {len(cases)} cases checked, {agreements} agree with value-domain-cases.json "
          f"({figures}); {root.plans} terraform plans ({len(replanned)} refused cases planned alone: "
          f"{', '.join(replanned) or 'none'})")
    assert not disagreements, "\n".join(disagreements)


def test_accepted_slots_reach_the_functions_trimmed(tmp_path):
    """OPS_CHECK_SLOTS is the operator's entries trimmed and joined by commas; the schedules use the same
    trimmed entries (their ids are HHMM)."""
    slots = [c for c in load_cases() if c["domain"] == "check_slots" and c["verdict"] == "accept"]
    root = Root(tmp_path)
    lines = []
    for case in slots:
        lines.append(f'output "{case["name"]}" {{\n  value = module.{case["name"]}\n}}\n')
    root.plan(slots)  # writes main.tf and initialises
    (tmp_path / "outputs.tf").write_text("\n".join(lines))
    root.terraform("plan", "-input=false", "-lock=false", "-out=plan.out")
    shown = json.loads(root.terraform("show", "-json", "plan.out").stdout)
    outputs = shown["planned_values"]["outputs"]
    for case in slots:
        value = outputs[case["name"]]["value"]
        trimmed = [s.strip() for s in case["value"]]
        assert value["check_slots"] == trimmed
        assert value["ops_check_slots"] == ",".join(trimmed)
        assert set(value["slot_minutes"]) == {s.replace(":", "") for s in trimmed}
