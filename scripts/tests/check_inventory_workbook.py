#!/usr/bin/env python3
"""Reads an `opsdaily inventory` workbook back with openpyxl against the run's JSON output, and audits it.

    check_inventory_workbook.py INVENTORY.xlsx INVENTORY.json

- openpyxl opens it (a warning counts as a failure) and reads every sheet: Summary, Cost, one per kind of the
  JSON in its order, Coverage.
- Every kind sheet: A1 links back to Summary!A1; B1 is "<title> (<rows>)"; row 2 the JSON's columns; exactly
  the JSON's rows from row 3, cell by cell; header frozen, autofilter from A2.
- The summary: every link lands on a sheet of the workbook; each kind's count is its rows; the total's cached
  value equals the JSON's total and the sum of the cost column above it, to the cent.
- Coverage: one row per JSON coverage entry, its state written as `ok N`, `denied`, `not available`, `error X`.
- openxml-audit (Microsoft 365, strict, and its security scan): no finding at all.

Prints a summary line and exits 0, or lists every failure and exits 1. Needs openpyxl and openxml-audit
(`ensure_venv workbook …`, .venv-workbook).
"""

import json
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
from check_workbook import audit  # noqa: E402


def same(sheet_value, json_text):
    """A cell as openpyxl reads it against the JSON's text: numbers by value, everything else as text."""
    if sheet_value is None:
        return json_text == ""
    if isinstance(sheet_value, (int, float)) and not isinstance(sheet_value, bool):
        try:
            return Decimal(str(sheet_value)) == Decimal(json_text)
        except ArithmeticError:
            return False
    return str(sheet_value) == json_text


def check(path, document):
    failures = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        book = openpyxl.load_workbook(path)
    kinds = document["kinds"]
    expected_names = ["Summary", "Cost"] + [kind["sheet"] for kind in kinds] + ["Coverage"]
    if book.sheetnames != expected_names:
        failures.append(f"sheets {book.sheetnames}, expected {expected_names}")
    names = set(book.sheetnames)
    for kind in kinds:
        if kind["sheet"] not in names:
            continue
        sheet = book[kind["sheet"]]
        where = kind["sheet"]
        link = sheet["A1"].hyperlink
        if link is None or link.location != "'Summary'!A1":
            failures.append(f"{where}!A1 does not link back to the summary: {link and link.location}")
        title = f"{kind['title']} ({len(kind['rows'])})"
        if sheet["B1"].value != title:
            failures.append(f"{where}!B1 {sheet['B1'].value!r}, expected {title!r}")
        header = [cell.value for cell in sheet[2]]
        if header != kind["columns"]:
            failures.append(f"{where} header {header}, expected {kind['columns']}")
        rows = list(sheet.iter_rows(min_row=3, values_only=True))
        wanted = kind["rows"]
        if len(rows) != len(wanted):
            failures.append(f"{where}: {len(rows)} rows, the JSON has {len(wanted)}")
        else:
            for index, (got, want) in enumerate(zip(rows, wanted)):
                if len(got) < len(want) or not all(same(g, w) for g, w in zip(got, want)):
                    failures.append(f"{where} row {index + 3}: {list(got)[:6]}…, expected {want[:6]}…")
                    break
        if sheet.freeze_panes != "A3":
            failures.append(f"{where}: frozen at {sheet.freeze_panes}, expected A3")
        if not (sheet.auto_filter.ref or "").startswith("A2:"):
            failures.append(f"{where}: autofilter {sheet.auto_filter.ref}")

    summary = book["Summary"]
    links = 0
    for row in summary.iter_rows():
        for cell in row:
            if cell.hyperlink is not None:
                links += 1
                target = (cell.hyperlink.location or "").split("!")[0].strip("'")
                if target not in names:
                    failures.append(f"Summary!{cell.coordinate} links to {target!r}, which is not a sheet")
    counts = {}
    total_row = None
    for row in summary.iter_rows(min_row=3):
        label = row[1].value if len(row) > 1 else None
        if row[0].value and str(row[0].value).startswith("Total"):
            total_row = row
            break
        if label is not None and row[2].value is not None:
            counts[label] = row[2].value
    for kind in kinds:
        if counts.get(kind["title"]) != len(kind["rows"]):
            failures.append(f"Summary count of {kind['title']!r} is {counts.get(kind['title'])}, its sheet has {len(kind['rows'])}")
    cost = document.get("cost")
    if cost:
        values = openpyxl.load_workbook(path, data_only=True)["Summary"]
        column = [values.cell(row=r, column=4).value for r in range(3, total_row[0].row)] if total_row else []
        summed = sum(Decimal(str(v)) for v in column if isinstance(v, (int, float)))
        cached = values.cell(row=total_row[0].row, column=4).value if total_row else None
        if cached is None or Decimal(str(cached)).quantize(Decimal("0.01")) != Decimal(cost["total"]):
            failures.append(f"Summary total {cached}, the JSON's {cost['total']}")
        if summed.quantize(Decimal("0.01")) != Decimal(cost["total"]):
            failures.append(f"Summary cost column sums to {summed}, the total is {cost['total']}")

    coverage = book["Coverage"]
    states = [row[4] for row in coverage.iter_rows(min_row=3, values_only=True)]
    wanted_states = []
    for entry in document["coverage"]:
        state = entry["state"]
        wanted_states.append(f"ok {entry['rows']}" if state == "ok" else f"error {entry['code']}" if state == "error" else state)
    if states != wanted_states:
        failures.append(f"Coverage states {states[:5]}…, expected {wanted_states[:5]}…")

    line = audit(path, {"sheets": []}, failures)
    return failures, f"{len(book.sheetnames)} sheets, {sum(len(k['rows']) for k in kinds)} rows, {links} summary links; {line}"


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    document = json.loads(Path(argv[2]).read_text())
    failures, summary = check(argv[1], document)
    for failure in failures:
        print(failure)
    print(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
