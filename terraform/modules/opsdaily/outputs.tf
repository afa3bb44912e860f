output "webhook_url" {
  description = "Function URL of collection: the URL of the Datadog webhook (terraform/datadog variable collection_url)."
  value       = aws_lambda_function_url.collection.function_url
}

output "webhook_token_header" {
  description = "Header in which the Datadog webhook must send the token."
  value       = var.webhook_token_header
}

output "report_bucket" {
  description = "Name of the private report bucket."
  value       = module.reports_bucket.id
}

output "alerts_table" {
  description = "Name of the alerts table."
  value       = aws_dynamodb_table.this["alerts"].name
}

output "checks_table" {
  description = "Name of the checks table."
  value       = aws_dynamodb_table.this["checks"].name
}

output "secret_arns" {
  description = "ARNs of the secrets to fill with `aws secretsmanager put-secret-value` (datadog, slack, webhook, and report-signing when report_signing_user is set). ARNs only, never values."
  value       = { for k, s in aws_secretsmanager_secret.this : k => s.arn }
}

output "function_names" {
  description = "Lambda function names by function."
  value       = { for f, fn in aws_lambda_function.this : f => fn.function_name }
}

output "function_environments" {
  description = "Environment of each function, as set (no secret values: secrets are referenced by ARN)."
  value       = local.environment
}

output "schedules" {
  description = "Schedule name => cron expression, in the configured time zone."
  value       = { for k, s in aws_scheduler_schedule.this : s.name => "${s.schedule_expression} ${s.schedule_expression_timezone}" }
}

output "dead_letter_queue_url" {
  description = "SQS queue holding failed scheduled invocations."
  value       = aws_sqs_queue.dlq.id
}

output "kms_key_arn" {
  description = "ARN of the application's KMS key (operators need kms:Encrypt on it to put secret values)."
  value       = aws_kms_key.this.arn
}

output "report_signer_user" {
  description = "Name of the user whose access key signs report links (null unless report_signing_user): create its key with `aws iam create-access-key`."
  value       = var.report_signing_user ? aws_iam_user.report_signer[0].name : null
}

output "alarm_topic_arn" {
  description = "ARN of the SNS topic every alarm notifies (encrypted with the module's key; e-mail subscriptions from alarm_emails). Subscribe an on-call tool to it, or pass its topic in alarm_actions."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  description = "Names of the CloudWatch alarms, by role (e.g. collection-webhook-silence)."
  value       = { for k, a in aws_cloudwatch_metric_alarm.this : k => a.alarm_name }
}

output "schedules_enabled" {
  description = "Whether the schedules fire (false on the first apply, until the secrets are set and the webhook is tested)."
  value       = var.schedules_enabled
}
