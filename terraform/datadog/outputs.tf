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
