#!/usr/bin/env python3
"""Checks an .xlsx written by the Workbook target with real readers, against a JSON description.

    check_workbook.py WORKBOOK.xlsx EXPECTED.json

1. The ZIP container: Python's zipfile reads every entry and its CRC-32 matches.
2. openpyxl opens it (any warning it raises counts as a failure) and finds what the description says:
   sheet names in order and, per sheet, cell values of whole rows, single cells (value, type, cached
   formula value, length, look), frozen pane, autofilter, merged ranges, hyperlinks, widths, heights.
3. openxml-audit (PyPI; a port of the Open XML SDK validator) validates it for Microsoft 365 under its
   strict policy: any finding, error or warning, fails. A second pass with its security checks on
   may report only the external links the description declares (it flags every external relationship,
   by design); anything else there fails too.

Exit status 0 when everything holds, 1 otherwise, with every failure listed. Run it with a Python that
has openpyxl and openxml-audit: scripts/lib/common.sh's `ensure_venv workbook openpyxl==3.1.5 openxml-audit==0.8.0`
makes one (.venv-workbook).

The description (JSON):
    {"sheets": [{"name": "Summary",
                 "rows": {"3": ["Category", "Kind", 3, 1234.56, "2024-05-01T09:30:00", true, null]},
                 "cells": {"E4": {"formula": "=D4*$B$2", "cached": 1710112.512, "type": "f",
                                  "bold": true, "underline": true, "font_color": "FFFFFF",
                                  "fill": "1E4E79", "number_format": "#,##0.00", "horizontal": "center",
                                  "vertical": "top", "wrap": true, "border": "thin"},
                           "B4": {"length": 32767, "prefix": "...", "suffix": "..."},
                           "A9": {"value": "=1+2", "type": "s"}},
                 "frozen": "A4", "autofilter": "A3:F6", "merged": ["A1:F1"],
                 "hyperlinks": {"B4": {"location": "'EC2'!A1"}, "H4": {"target": "https://...", "tooltip": "..."}},
                 "column_widths": {"A": 18}, "row_heights": {"1": 28}}]}
Every key but "name" is optional; a given key is checked exactly ("frozen": null means no frozen pane).
Dates are ISO 8601 without a zone; numbers compare to 1e-9 relative.
"""

import datetime
import json
import math
import subprocess
import sys
import warnings
import zipfile

import openpyxl


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path, expected_path = argv[1], argv[2]
    with open(expected_path, encoding="utf-8") as file:
        expected = json.load(file)
    failures = []
    check_container(path, failures)
    cells_checked = check_with_openpyxl(path, expected, failures)
    findings = audit(path, expected, failures)
    for failure in failures:
        print(f"FAIL {failure}")
    if failures:
        print(f"{path}: {len(failures)} failure(s)")
        return 1
    print(f"{path}: zip ok; openpyxl: {len(expected['sheets'])} sheets, {cells_checked} cells as described; {findings}")
    return 0


def check_container(path, failures):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if len(names) != len(set(names)):
            failures.append(f"zip: duplicate entries in {names}")
        bad = archive.testzip()
        if bad is not None:
            failures.append(f"zip: entry {bad} fails its CRC check")


def check_with_openpyxl(path, expected, failures):
    # Anything openpyxl finds odd enough to warn about is a failure here.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            workbook = openpyxl.load_workbook(path)
            cached = openpyxl.load_workbook(path, data_only=True)
        except Exception as error:  # noqa: BLE001 - any failure to open is the finding
            failures.append(f"openpyxl cannot open the file: {type(error).__name__}: {error}")
            return 0
    names = [sheet["name"] for sheet in expected["sheets"]]
    if workbook.sheetnames != names:
        failures.append(f"sheet names {workbook.sheetnames!r}, expected {names!r}")
        return 0
    checked = 0
    for description in expected["sheets"]:
        sheet = workbook[description["name"]]
        where = f"sheet {description['name']!r}"
        for row_number, values in description.get("rows", {}).items():
            row = next(sheet.iter_rows(min_row=int(row_number), max_row=int(row_number),
                                       max_col=len(values), values_only=True))
            for column, (actual, wanted) in enumerate(zip(row, values), start=1):
                checked += 1
                if not same_value(actual, wanted):
                    reference = f"{openpyxl.utils.get_column_letter(column)}{row_number}"
                    failures.append(f"{where} {reference}: {show(actual)}, expected {show(wanted)}")
        for reference, wanted in description.get("cells", {}).items():
            checked += 1
            check_cell(sheet[reference], cached[description["name"]][reference], wanted, f"{where} {reference}", failures)
        check_layout(sheet, description, where, failures)
    return checked


def check_cell(cell, cached_cell, wanted, where, failures):
    def expect(what, actual, value):
        if not same_value(actual, value):
            failures.append(f"{where}: {what} {show(actual)}, expected {show(value)}")

    if "value" in wanted:
        expect("value", cell.value, wanted["value"])
    if "formula" in wanted:
        expect("formula", cell.value, wanted["formula"])
    if "cached" in wanted:
        expect("cached value", cached_cell.value, wanted["cached"])
    if "type" in wanted:
        expect("type", cell.data_type, wanted["type"])
    if "length" in wanted:
        expect("length", len(cell.value) if isinstance(cell.value, str) else None, wanted["length"])
    if "prefix" in wanted:
        expect("start", cell.value[: len(wanted["prefix"])] if isinstance(cell.value, str) else None, wanted["prefix"])
    if "suffix" in wanted:
        expect("end", cell.value[-len(wanted["suffix"]):] if isinstance(cell.value, str) else None, wanted["suffix"])
    if "bold" in wanted:
        expect("bold", bool(cell.font.b), wanted["bold"])
    if "underline" in wanted:
        expect("underline", cell.font.u == "single", wanted["underline"])
    if "font_color" in wanted:
        expect("font colour", rgb(cell.font.color), wanted["font_color"])
    if "fill" in wanted:
        solid = cell.fill.patternType == "solid"
        expect("fill", rgb(cell.fill.fgColor) if solid else None, wanted["fill"])
    if "number_format" in wanted:
        expect("number format", cell.number_format, wanted["number_format"])
    if "horizontal" in wanted:
        expect("horizontal alignment", cell.alignment.horizontal, wanted["horizontal"])
    if "vertical" in wanted:
        expect("vertical alignment", cell.alignment.vertical, wanted["vertical"])
    if "wrap" in wanted:
        expect("wrap text", bool(cell.alignment.wrap_text), wanted["wrap"])
    if "border" in wanted:
        sides = {side.style for side in (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)}
        expect("border", sides.pop() if len(sides) == 1 else sorted(map(str, sides)), wanted["border"])


def check_layout(sheet, description, where, failures):
    if "frozen" in description and sheet.freeze_panes != description["frozen"]:
        failures.append(f"{where}: frozen pane {sheet.freeze_panes!r}, expected {description['frozen']!r}")
    if "autofilter" in description and sheet.auto_filter.ref != description["autofilter"]:
        failures.append(f"{where}: autofilter {sheet.auto_filter.ref!r}, expected {description['autofilter']!r}")
    if "merged" in description:
        merged = sorted(str(merged_range) for merged_range in sheet.merged_cells.ranges)
        if merged != sorted(description["merged"]):
            failures.append(f"{where}: merged ranges {merged}, expected {sorted(description['merged'])}")
    if "hyperlinks" in description:
        links = {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.hyperlink is not None:
                    link = cell.hyperlink
                    links[cell.coordinate] = {key: value for key, value in
                                              (("location", link.location), ("target", link.target), ("tooltip", link.tooltip))
                                              if value is not None}
        if links != description["hyperlinks"]:
            failures.append(f"{where}: hyperlinks {links}, expected {description['hyperlinks']}")
    for column, width in description.get("column_widths", {}).items():
        actual = sheet.column_dimensions[column].width
        if not same_value(actual, width):
            failures.append(f"{where}: column {column} width {actual}, expected {width}")
    for row, height in description.get("row_heights", {}).items():
        actual = sheet.row_dimensions[int(row)].height
        if not same_value(actual, height):
            failures.append(f"{where}: row {row} height {actual}, expected {height}")


def audit(path, expected, failures):
    """openxml-audit twice: its strict validation, then its security scan. Returns a summary line."""
    strict = run_audit(path, [], failures)
    if strict is None:
        return "openxml-audit did not run"
    for finding in strict:
        failures.append(f"openxml-audit: {describe(finding)}")
    declared = {link["target"] for sheet in expected["sheets"] for link in sheet.get("hyperlinks", {}).values() if "target" in link}
    security = run_audit(path, ["--ooxml-security"], failures)
    if security is None:
        return "openxml-audit security scan did not run"
    # The security pass repeats the strict findings, reported above already.
    reported = {describe(finding) for finding in strict}
    new = [finding for finding in security if describe(finding) not in reported]
    external = 0
    for finding in new:
        if is_declared_external_link(finding, declared):
            external += 1
        else:
            failures.append(f"openxml-audit --ooxml-security: {describe(finding)}")
    return (f"openxml-audit (microsoft365, strict): {len(strict)} findings; "
            f"with --ooxml-security: {external} declared external link(s), {len(new) - external} other findings")


def describe(finding):
    where = " ".join(part for part in (finding["part_uri"], finding["path"]) if part)
    return f"{finding['severity']} in {where}: {finding['description']}"


def run_audit(path, options, failures):
    command = [sys.executable, "-m", "openxml_audit", "--format", "microsoft365", "--policy", "strict",
               "--max-errors", "0", "--output", "json", *options, path]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        reports = json.loads(result.stdout)
    except json.JSONDecodeError:
        failures.append(f"openxml-audit gave no JSON (exit {result.returncode}): {result.stdout[-2000:]}{result.stderr[-2000:]}")
        return None
    return [finding for report in reports for finding in report["errors"]]


def is_declared_external_link(finding, declared):
    prefix = "External relationship target: "
    if finding["severity"] != "warning" or not finding["description"].startswith(prefix):
        return False
    target = finding["description"][len(prefix):]
    # The tool cuts targets past 80 characters to 77 and "...".
    if target.endswith("...") and len(target) == 80:
        return any(link.startswith(target[:-3]) for link in declared)
    return target in declared


def same_value(actual, wanted):
    if isinstance(actual, datetime.datetime):
        return actual.isoformat() == wanted
    if isinstance(actual, bool) or isinstance(wanted, bool):
        return actual is wanted
    if isinstance(actual, (int, float)) and isinstance(wanted, (int, float)):
        return math.isclose(actual, wanted, rel_tol=1e-9, abs_tol=1e-12)
    return actual == wanted


def rgb(color):
    if color is None or color.type != "rgb" or color.rgb is None:
        return None
    return color.rgb[-6:]


def show(value):
    text = repr(value)
    return text if len(text) <= 120 else f"{text[:100]}... ({len(value) if isinstance(value, str) else '?'} characters)"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
