# EventBridge Scheduler, in the configured time zone (no UTC arithmetic, no DST
# surprises): for each check slot, daily-check at the slot and notification
# notification_offset_minutes later. Slots and offset come validated and
# trimmed from ./settings.

locals {
  schedules = merge(
    { for id, m in module.settings.slot_minutes : "daily-check-${id}" => { function = "daily-check", minute_of_day = m } },
    { for id, m in module.settings.slot_minutes : "notification-${id}" => { function = "notification", minute_of_day = (m + module.settings.notification_offset_minutes) % 1440 } },
  )
}

resource "aws_scheduler_schedule_group" "this" {
  name = var.name_prefix
  tags = var.tags
}

resource "aws_scheduler_schedule" "this" {
  for_each = local.schedules

  name                         = "${var.name_prefix}-${each.key}"
  group_name                   = aws_scheduler_schedule_group.this.name
  description                  = "${each.value.function} at ${format("%02d:%02d", floor(each.value.minute_of_day / 60), each.value.minute_of_day % 60)} ${module.settings.timezone}"
  schedule_expression          = format("cron(%d %d * * ? *)", each.value.minute_of_day % 60, floor(each.value.minute_of_day / 60))
  schedule_expression_timezone = module.settings.timezone
  kms_key_arn                  = aws_kms_key.this.arn
  # Off until the secrets are set (terraform/README.md, step 3): a schedule
  # that fires before them only fails and fills the DLQ.
  state = var.schedules_enabled ? "ENABLED" : "DISABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.this[each.value.function].arn
    role_arn = aws_iam_role.scheduler.arn
    # SPEC §6 (b): the slot comes from the scheduled time, never from the clock.
    input = jsonencode({ scheduled_time = "<aws.scheduler.scheduled-time>" })

    retry_policy {
      maximum_retry_attempts       = var.schedule_retry_attempts
      maximum_event_age_in_seconds = var.schedule_max_event_age_seconds
    }

    dead_letter_config {
      arn = aws_sqs_queue.dlq.arn
    }
  }
}

# Failed deliveries (Scheduler) and failed asynchronous runs (Lambda) of the
# scheduled functions. Kept 14 days, the SQS maximum; alarms.tf watches it.
resource "aws_sqs_queue" "dlq" {
  name                              = "${var.name_prefix}-scheduled-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = aws_kms_key.this.arn
  kms_data_key_reuse_period_seconds = 3600
  tags                              = var.tags
}

resource "aws_sqs_queue_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id
  policy    = data.aws_iam_policy_document.dlq.json
}

data "aws_iam_policy_document" "dlq" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.dlq.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
