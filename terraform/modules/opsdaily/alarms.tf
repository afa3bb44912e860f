# Seed weakness §9.3.4: nobody learnt that a run failed. Any error or throttle
# of a function, and any message in the DLQ, raises an alarm.

locals {
  alarms = merge(
    merge([
      for f in local.functions : {
        "${f}-errors" = {
          namespace   = "AWS/Lambda", metric = "Errors", statistic = "Sum"
          dimensions  = { FunctionName = aws_lambda_function.this[f].function_name }
          description = "${local.function_names[f]}: invocations ended in an error in the last 5 minutes."
        }
        "${f}-throttles" = {
          namespace   = "AWS/Lambda", metric = "Throttles", statistic = "Sum"
          dimensions  = { FunctionName = aws_lambda_function.this[f].function_name }
          description = "${local.function_names[f]}: invocations were throttled (reserved concurrency reached) in the last 5 minutes."
        }
      }
    ]...),
    {
      "scheduled-dlq-not-empty" = {
        namespace   = "AWS/SQS", metric = "ApproximateNumberOfMessagesVisible", statistic = "Maximum"
        dimensions  = { QueueName = aws_sqs_queue.dlq.name }
        description = "A scheduled daily-check or notification run could not be delivered or failed after retries; its event is in ${aws_sqs_queue.dlq.name}."
      }
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
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}
