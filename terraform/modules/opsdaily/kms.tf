# One customer-managed key for the application's data at rest: tables, report
# bucket, secrets, log groups, the dead-letter queue, the alarm topic, function
# environments and schedules. Its use is granted per role in iam.tf (exact key ARN, and only via
# the services that need it).

resource "aws_kms_key" "this" {
  description             = "${var.name_prefix}: data at rest of the opsdaily application"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days
  policy                  = jsonencode(local.kms_key_policy)
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name_prefix}"
  target_key_id = aws_kms_key.this.key_id
}

locals {
  kms_key_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        # Standard delegation to IAM: without it no IAM policy (not even the
        # deployer's) could use or manage the key.
        Sid       = "AccountIAMDelegation"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        # CloudWatch Logs encrypts with the key itself, not with the caller's
        # credentials; limit it to this application's log groups.
        Sid       = "CloudWatchLogsForOwnLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${var.name_prefix}-*"
          }
        }
      },
      {
        # CloudWatch alarms publish to the encrypted alarm topic with the key
        # themselves (AWS Knowledge Center, "configure a CloudWatch alarm with
        # an encrypted SNS topic": Decrypt and GenerateDataKey* for
        # cloudwatch.amazonaws.com). Without it every alarm notification fails
        # silently. Only topics encrypted with this key are concerned, and the
        # topic policy admits only this module's alarms.
        Sid       = "CloudWatchAlarmsToEncryptedTopic"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      },
    ]
  }
}
