# Dashboards as data: every dashboards/*.json is one dashboard, kept in the
# normalised form of scripts/tools/dashboards.py. The provider drops the same
# computed fields (id, author, dates, url, widget ids) before it compares, so a
# file without them is what the state holds and a change in the UI shows up
# as drift. Edit in the UI, then write the dashboard back with
# `opsdaily dashboards pull <id> --out dashboards/<name>.json`.
#
# The files name the team as `team:argos` (the default of var.team) in their
# monitor summaries and alert counts: another team edits them, as any change.
resource "datadog_dashboard_json" "this" {
  for_each = { for f in fileset("${path.module}/dashboards", "*.json") : trimsuffix(f, ".json") => f }

  dashboard = file("${path.module}/dashboards/${each.value}")
}
