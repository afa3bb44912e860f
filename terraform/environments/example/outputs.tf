output "webhook_url" {
  description = "URL to configure in the Datadog webhook (terraform/datadog collection_url)."
  value       = module.opsdaily.webhook_url
}

output "webhook_token_header" {
  description = "Header carrying the webhook token."
  value       = module.opsdaily.webhook_token_header
}

output "report_bucket" {
  description = "Report bucket."
  value       = module.opsdaily.report_bucket
}

output "alerts_table" {
  description = "Alerts table."
  value       = module.opsdaily.alerts_table
}

output "checks_table" {
  description = "Checks table."
  value       = module.opsdaily.checks_table
}

output "secret_arns" {
  description = "Secrets to fill after the first apply."
  value       = module.opsdaily.secret_arns
}

output "function_names" {
  description = "Lambda function names."
  value       = module.opsdaily.function_names
}

output "schedules" {
  description = "Schedules and their cron expressions."
  value       = module.opsdaily.schedules
}

output "kms_key_arn" {
  description = "KMS key of the application data."
  value       = module.opsdaily.kms_key_arn
}

output "report_signer_user" {
  description = "User whose access key signs report links (null unless report_signing_user)."
  value       = module.opsdaily.report_signer_user
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = module.opsdaily.alarm_topic_arn
}
