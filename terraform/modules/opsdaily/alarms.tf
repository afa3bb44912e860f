# Seed weakness §9.3.4: nobody learnt that a run failed. Any error or throttle
# of a function, and any message in the DLQ, raises an alarm.

locals {
  function_alarms = merge([
    for f in local.functions : {
      "${f}-errors"    = { function = f, metric = "Errors", what = "invocations ended in an error" }
      "${f}-throttles" = { function = f, metric = "Throttles", what = "invocations were throttled (reserved concurrency reached)" }
    }
  ]...)
}

resource "aws_cloudwatch_metric_alarm" "function" {
  for_each = local.function_alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = "${local.function_names[each.value.function]}: ${each.value.what} in the last 5 minutes."
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = { FunctionName = aws_lambda_function.this[each.value.function].function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "dlq" {
  alarm_name          = "${var.name_prefix}-scheduled-dlq-not-empty"
  alarm_description   = "A scheduled daily-check or notification run could not be delivered or failed after retries; its event is in ${aws_sqs_queue.dlq.name}."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}
