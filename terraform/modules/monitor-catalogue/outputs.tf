output "monitors" {
  description = "Monitor definitions by catalogue key, conventions applied; the Datadog stack maps them 1:1 onto datadog_monitor."
  value       = local.monitors
}
