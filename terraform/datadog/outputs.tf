output "webhook_handle" {
  description = "Handle every monitor notifies."
  value       = "@webhook-${datadog_webhook.collection.name}"
}

output "monitor_ids" {
  description = "Datadog monitor id by catalogue key."
  value       = { for k, m in datadog_monitor.this : k => m.id }
}

output "monitor_count" {
  description = "Number of monitors managed."
  value       = length(datadog_monitor.this)
}

output "dashboards" {
  description = "Datadog dashboard id and URL path by file name (dashboards/<name>.json)."
  value       = { for k, d in datadog_dashboard_json.this : k => { id = d.id, url = d.url } }
}
