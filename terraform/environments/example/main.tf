provider "aws" {
  region = var.region
}

module "opsdaily" {
  source = "../../modules/opsdaily"

  name_prefix       = var.name_prefix
  tags              = var.tags
  system_name       = var.system_name
  timezone          = var.timezone
  check_slots       = var.check_slots
  monitor_tags      = var.monitor_tags
  datadog_site      = var.datadog_site
  alarm_actions     = var.alarm_actions
  alarm_emails      = var.alarm_emails
  schedules_enabled = var.schedules_enabled

  webhook_silence_hours = var.webhook_silence_hours
  lambda_zip_dir        = var.lambda_zip_dir
  lambda_architecture   = var.lambda_architecture
  report_signing_user   = var.report_signing_user
}
