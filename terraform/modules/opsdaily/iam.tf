# One role per function, each allowed exactly what its SPEC section needs, on
# exact ARNs. The only wildcards: log streams inside the function's own log
# group (stream names are made by Lambda) and report objects of one kind under
# the prefix (<prefix>check/* or <prefix>alerts/*).

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name               = "${local.function_names[each.key]}-fn"
  description        = "Execution role of ${local.function_names[each.key]}"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions

  name   = "least-privilege"
  role   = aws_iam_role.function[each.key].id
  policy = local.function_policies[each.key]
}

locals {
  function_policies = {
    collection    = data.aws_iam_policy_document.collection.json
    "daily-check" = data.aws_iam_policy_document.daily_check.json
    notification  = data.aws_iam_policy_document.notification.json
  }
  # KMS is used only on behalf of these services, never directly.
  kms_via_services = [for s in ["dynamodb", "s3", "secretsmanager", "sqs"] : "${s}.${local.region}.amazonaws.com"]
}

# Shared by all three: write the own log group, decrypt through the services.
data "aws_iam_policy_document" "base" {
  for_each = local.functions

  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:log-stream:*"]
  }

  statement {
    sid       = "KeyViaServices"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.this.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.kms_via_services
    }
  }
}

# collection (SPEC §5): the conditional put of an alert (keyed by its event id,
# so the condition alone makes redeliveries idempotent), the webhook token.
data "aws_iam_policy_document" "collection" {
  source_policy_documents = [data.aws_iam_policy_document.base["collection"].json]

  statement {
    sid       = "AlertsWrite"
    actions   = ["dynamodb:PutItem"]
    resources = [aws_dynamodb_table.this["alerts"].arn]
  }

  statement {
    sid       = "WebhookToken"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.this["webhook"].arn]
  }
}

# Both scheduled functions: the Slack webhook, the report signer's key and the
# DLQ that receives their failed asynchronous runs. Reports are per function
# below: each writes only its own kind (a pre-signed link carries the signer's
# permissions, hence GetObject on what it links to).
data "aws_iam_policy_document" "scheduled" {
  statement {
    sid       = "Slack"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.this["slack"].arn]
  }

  dynamic "statement" {
    for_each = var.report_signing_user ? [aws_secretsmanager_secret.this["report-signing"].arn] : []

    content {
      sid       = "ReportSigningKey"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [statement.value]
    }
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }
}

# daily-check (SPEC §6): run and monitor records, the Datadog keys. GetItem reads
# its post marker when the claim is refused (a retry of a posted slot is quiet).
data "aws_iam_policy_document" "daily_check" {
  source_policy_documents = [
    data.aws_iam_policy_document.base["daily-check"].json,
    data.aws_iam_policy_document.scheduled.json,
  ]

  statement {
    sid       = "CheckReports"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = [local.report_objects_arns["check"]]
  }

  statement {
    sid = "ChecksReadWrite"
    actions = [
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:BatchWriteItem",
    ]
    resources = [aws_dynamodb_table.this["checks"].arn]
  }

  statement {
    sid       = "Datadog"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.this["datadog"].arn]
  }
}

# notification (SPEC §7): read a window of alerts through the by_day index (it
# never reads the table itself), read the check run, claim and finish its own
# post marker (conditional PutItem, then UpdateItem).
data "aws_iam_policy_document" "notification" {
  source_policy_documents = [
    data.aws_iam_policy_document.base["notification"].json,
    data.aws_iam_policy_document.scheduled.json,
  ]

  statement {
    sid       = "AlertReports"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = [local.report_objects_arns["alerts"]]
  }

  # Reads (and so may link to) the check report of the slot; never writes it.
  statement {
    sid       = "CheckReportsRead"
    actions   = ["s3:GetObject"]
    resources = [local.report_objects_arns["check"]]
  }

  statement {
    sid       = "AlertsRead"
    actions   = ["dynamodb:Query"]
    resources = [local.alerts_index_arn]
  }

  statement {
    sid       = "ChecksRunRecords"
    actions   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.this["checks"].arn]
  }
}

# --- EventBridge Scheduler ----------------------------------------------------

data "aws_iam_policy_document" "scheduler_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    # Only this module's schedules may use the role (confused deputy). AWS
    # documents aws:SourceArn for Scheduler as the schedule group's ARN and
    # warns against scoping it to schedules or a name prefix (EventBridge
    # Scheduler User Guide, "Confused deputy prevention").
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [aws_scheduler_schedule_group.this.arn]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name_prefix}-scheduler"
  description        = "Lets the opsdaily schedules invoke daily-check and notification"
  assume_role_policy = data.aws_iam_policy_document.scheduler_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-scheduled-functions"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeScheduledFunctions"
    actions   = ["lambda:InvokeFunction"]
    resources = [for f in local.scheduled_functions : aws_lambda_function.this[f].arn]
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }

  # Schedules and the DLQ are encrypted with the module's key.
  statement {
    sid       = "Key"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.this.arn]
  }
}
