# Secrets are created empty: values never pass through Terraform variables or
# state (seed weakness §9.1.4). Operators set them with
# `aws secretsmanager put-secret-value` (terraform/README.md).

locals {
  secrets = {
    datadog = "Datadog API and application keys for daily-check: JSON {\"api_key\": \"...\", \"app_key\": \"...\"}"
    slack   = "Slack incoming webhook for daily-check and notification: JSON {\"webhook_url\": \"https://hooks.slack.com/...\"}"
    webhook = "Shared token Datadog sends to collection in the webhook token header: JSON {\"token\": \"...\"}"
  }
}

resource "aws_secretsmanager_secret" "datadog" {
  #checkov:skip=CKV2_AWS_57:Datadog keys are issued in Datadog's UI; no rotation Lambda can create them. Rotate by hand (README) and put the new value.
  name                    = "${var.name_prefix}/datadog"
  description             = local.secrets.datadog
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret" "slack" {
  #checkov:skip=CKV2_AWS_57:A Slack incoming-webhook URL is issued by Slack; no rotation Lambda can create one. Rotate by hand (README) and put the new value.
  name                    = "${var.name_prefix}/slack"
  description             = local.secrets.slack
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret" "webhook" {
  #checkov:skip=CKV2_AWS_57:The token must change in the Datadog webhook's header at the same moment; rotation is a two-sided manual step (README), not a Lambda.
  name                    = "${var.name_prefix}/webhook"
  description             = local.secrets.webhook
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = var.tags
}
