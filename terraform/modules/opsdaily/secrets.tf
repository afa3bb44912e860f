# Secrets are created empty: values never pass through Terraform variables or
# state (seed weakness §9.1.4). Operators set them with
# `aws secretsmanager put-secret-value` (terraform/README.md).

locals {
  secret_descriptions = merge(
    {
      datadog = "Datadog API and application keys for daily-check: JSON {\"api_key\": \"...\", \"app_key\": \"...\"}"
      slack   = "Slack incoming webhook for daily-check and notification: JSON {\"webhook_url\": \"https://hooks.slack.com/...\"}"
      webhook = "Shared token Datadog sends to collection in the webhook token header: JSON {\"token\": \"...\"}"
    },
    var.report_signing_user ? {
      report-signing = "Access key of the report signer user, which signs report links: JSON {\"access_key_id\": \"AKIA...\", \"secret_access_key\": \"...\"}"
    } : {},
  )
}

resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:No rotation Lambda can issue these values: Datadog keys and the Slack webhook URL are issued in Datadog's and Slack's UIs, and the webhook token must change in the Datadog webhook at the same moment. Rotation is a manual, documented step (terraform/README.md).
  for_each = local.secret_descriptions

  name                    = "${var.name_prefix}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = var.tags
}
