# Monitors as data: monitors.json holds what differs per monitor; the
# monitor-catalogue module validates it and applies the conventions; this
# resource only maps the result onto the provider, field for field.
module "catalogue" {
  source = "../modules/monitor-catalogue"

  monitors         = jsondecode(file("${path.module}/${var.catalogue_file}")).monitors
  team             = var.team
  webhook_name     = datadog_webhook.collection.name
  priority_handles = var.priority_handles
}

resource "datadog_monitor" "this" {
  for_each = module.catalogue.monitors

  name                     = each.value.name
  type                     = each.value.type
  query                    = each.value.query
  message                  = each.value.message
  priority                 = each.value.priority
  tags                     = each.value.tags
  notification_preset_name = each.value.notification_preset_name

  escalation_message  = each.value.options.escalation_message
  renotify_interval   = each.value.options.renotify_interval
  renotify_statuses   = each.value.options.renotify_statuses
  new_group_delay     = each.value.options.new_group_delay
  notify_no_data      = each.value.options.notify_no_data
  no_data_timeframe   = each.value.options.no_data_timeframe
  evaluation_delay    = each.value.options.evaluation_delay
  require_full_window = each.value.options.require_full_window
  include_tags        = each.value.options.include_tags
  enable_logs_sample  = each.value.options.enable_logs_sample
  timeout_h           = each.value.options.timeout_h

  monitor_thresholds {
    critical          = each.value.thresholds.critical
    warning           = each.value.thresholds.warning
    critical_recovery = each.value.thresholds.critical_recovery
    warning_recovery  = each.value.thresholds.warning_recovery
  }
}
