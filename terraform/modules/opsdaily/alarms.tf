# Seed weakness §9.3.4 and issue 15: nobody learnt that a run failed or that
# alerts stopped arriving. Every alarm notifies the module's own topic (e-mail
# subscriptions from alarm_emails) and any extra alarm_actions, when it fires
# and when it recovers.

# --- The alarm topic -----------------------------------------------------------

resource "aws_sns_topic" "alarms" {
  name              = "${var.name_prefix}-alarms"
  display_name      = "${var.name_prefix} alarms"
  kms_master_key_id = aws_kms_key.this.arn
  tags              = var.tags
}

# Only this module's alarms may publish (besides the account's own principals,
# through their IAM policies). CloudWatch also needs the key: kms.tf.
resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.alarm_topic.json
}

data "aws_iam_policy_document" "alarm_topic" {
  statement {
    sid       = "OwnAlarmsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}:alarm:${var.name_prefix}-*"]
    }
  }
}

# Each address gets a confirmation mail from SNS; until it is confirmed the
# subscription is pending and receives nothing (terraform/README.md, step 3).
resource "aws_sns_topic_subscription" "alarm_email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

# --- The alarms ----------------------------------------------------------------

locals {
  alarm_actions = concat([aws_sns_topic.alarms.arn], var.alarm_actions)

  # Most alarms: a sum (or maximum) of at least 1 in one 5-minute period; no
  # data means nothing happened.
  alarm_defaults = {
    statistic  = "Sum", period = 300, evaluation_periods = 1, threshold = 1
    comparison = "GreaterThanOrEqualToThreshold", treat_missing_data = "notBreaching"
  }

  collection_dimensions = { FunctionName = aws_lambda_function.this["collection"].function_name }

  alarms = merge(
    merge([
      for f in local.functions : {
        "${f}-errors" = merge(local.alarm_defaults, {
          namespace   = "AWS/Lambda", metric = "Errors"
          dimensions  = { FunctionName = aws_lambda_function.this[f].function_name }
          description = "${local.function_names[f]}: invocations ended in an error in the last 5 minutes."
        })
        "${f}-throttles" = merge(local.alarm_defaults, {
          namespace   = "AWS/Lambda", metric = "Throttles"
          dimensions  = { FunctionName = aws_lambda_function.this[f].function_name }
          description = "${local.function_names[f]}: invocations were throttled (reserved or account concurrency reached) in the last 5 minutes.${f == "collection" ? " Datadog does not retry a 429: those alerts are lost." : ""}"
        })
      }
    ]...),
    {
      "scheduled-dlq-not-empty" = merge(local.alarm_defaults, {
        namespace   = "AWS/SQS", metric = "ApproximateNumberOfMessagesVisible", statistic = "Maximum"
        dimensions  = { QueueName = aws_sqs_queue.dlq.name }
        description = "A scheduled daily-check or notification run could not be delivered or failed after retries; its event is in ${aws_sqs_queue.dlq.name}."
      })

      # Function URL metrics (AWS/Lambda; dimension FunctionName aggregates the
      # URL of $LATEST, which is collection's only URL). 4xx: collection
      # refused a delivery (the token in the Datadog stack and the webhook
      # secret differ, or the payload is not the template's), or something
      # other than Datadog is calling the public URL. Throttling has its own
      # alarm above.
      "collection-url-4xx" = merge(local.alarm_defaults, {
        namespace   = "AWS/Lambda", metric = "Url4xxCount"
        dimensions  = local.collection_dimensions
        description = "${local.function_names["collection"]}: its function URL answered 4XX in the last 5 minutes (a delivery refused: webhook token or payload; or calls that are not Datadog's)."
      })
      "collection-url-5xx" = merge(local.alarm_defaults, {
        namespace   = "AWS/Lambda", metric = "Url5xxCount"
        dimensions  = local.collection_dimensions
        description = "${local.function_names["collection"]}: its function URL answered 5XX in the last 5 minutes (function error or timeout)."
      })

      # Dead man's switch: no delivery reached collection for
      # webhook_silence_hours. Invocations rather than UrlRequestCount: it
      # counts the requests that ran collection's code (stored, refused or
      # failed), while throttled requests, which never reach it, have their
      # own alarm. Neither metric can tell Datadog from other callers, so a
      # trickle of junk would hide a silent Datadog; the 4xx alarm pages on
      # that junk. Lambda publishes no data point for an hour without
      # invocations, so missing data is what breaches.
      "collection-webhook-silence" = merge(local.alarm_defaults, {
        namespace          = "AWS/Lambda", metric = "Invocations"
        dimensions         = local.collection_dimensions
        period             = 3600
        evaluation_periods = var.webhook_silence_hours
        comparison         = "LessThanThreshold"
        treat_missing_data = "breaching"
        description        = "${local.function_names["collection"]}: no webhook delivery for ${var.webhook_silence_hours} hours. Datadog may have stopped sending (webhook removed or changed, URL or token wrong, Datadog outage), or no monitor changed state."
      })
    },
  )
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison
  treat_missing_data  = each.value.treat_missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
