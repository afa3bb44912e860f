output "datadog_site" {
  description = "The validated Datadog site."
  value       = var.datadog_site
}

output "timezone" {
  description = "The validated time zone."
  value       = var.timezone
}

output "check_slots" {
  description = "The check slots, each entry trimmed, in the order given."
  value       = local.slots
}

output "ops_check_slots" {
  description = "OPS_CHECK_SLOTS: the trimmed slots joined by commas."
  value       = join(",", local.slots)
}

output "slot_minutes" {
  description = "Minute of day of each slot, keyed by HHMM."
  value       = { for s in local.slots : replace(s, ":", "") => local.minute_of_day[s] }
}

output "notification_offset_minutes" {
  description = "The validated notification offset."
  value       = var.notification_offset_minutes
}
