#!/usr/bin/env bash
# Opens the reports scripts/emulate.sh copied to build/reports/ in headless Chromium, as an operator's
# browser would: a screenshot of each (build/screenshots/<name>.png) and a check of the DOM Chromium built
# (build/screenshots/<name>.dom.html) that the page has its title and a table with rows.
#
#   scripts/screenshot-reports.sh [name…]   # default: every build/reports/*.html; names like check, alerts
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$REPO_ROOT"

if ! ensure_apt_packages chromium; then
    die "apt could not install Debian's chromium package, which opening the reports needs (see the apt output above)"
fi

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for report in build/reports/*.html; do
        [ -e "$report" ] && names+=("$(basename "$report" .html)")
    done
fi
[ ${#names[@]} -gt 0 ] || die "no report in build/reports/: run scripts/emulate.sh first"

mkdir -p build/screenshots
# Chromium runs as root in CI (hence --no-sandbox) and has no GPU or session bus here.
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
failures=0
for name in "${names[@]}"; do
    page="$REPO_ROOT/build/reports/$name.html"
    shot="build/screenshots/$name.png"
    dom="build/screenshots/$name.dom.html"
    if [ ! -s "$page" ]; then
        echo "$name: build/reports/$name.html is missing"
        failures=$((failures + 1))
        continue
    fi
    rm -f "$shot"
    timeout 120 "${chrome[@]}" --window-size=1280,2000 --screenshot="$REPO_ROOT/$shot" "file://$page" \
        > build/screenshots/"$name".chromium.log 2>&1 || true
    timeout 120 "${chrome[@]}" --dump-dom "file://$page" > "$dom" 2>> build/screenshots/"$name".chromium.log || true
    if ! python3 - "$name" "$shot" "$dom" <<'PY'
import struct, sys
from html.parser import HTMLParser

name, shot, dom = sys.argv[1:]


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.tables, self.rows, self.open = "", 0, 0, []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        self.tables += tag == "table"
        self.rows += tag == "tr" and "table" in self.open

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data):
        # The page's own title, not an inline SVG's accessible <title>.
        if self.open and self.open[-1] == "title" and "head" in self.open:
            self.title += data


problems = []
try:
    png = open(shot, "rb").read()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    picture = f"{shot} {width}x{height} {len(png) // 1024} KiB"
except (OSError, AssertionError, struct.error):
    problems.append("no PNG screenshot")
    picture = "no screenshot"
page = Page()
page.feed(open(dom, encoding="utf-8", errors="replace").read())
if not page.title.strip():
    problems.append("no <title> in the rendered DOM")
if not page.tables or page.rows < 2:
    problems.append(f"no table with rows in the rendered DOM ({page.tables} tables, {page.rows} rows)")
print(f"{name}: {picture}; title \"{page.title.strip()}\"; {page.tables} table(s), {page.rows} rows"
      + "".join(f"\n  FAILED: {p}" for p in problems))
sys.exit(1 if problems else 0)
PY
    then
        failures=$((failures + 1))
        [ -s "$shot" ] || sed 's/^/  chromium: /' build/screenshots/"$name".chromium.log | tail -n 5
    fi
done
[ "$failures" -eq 0 ] || die "$failures report(s) did not render as expected"
