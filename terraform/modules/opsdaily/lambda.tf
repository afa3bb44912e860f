# Log groups are managed here (not created by Lambda on first run) so they get a
# retention and the KMS key, and the roles need no logs:CreateLogGroup.
resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = local.log_group_names[each.key]
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.this.arn
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_117:The functions call only public endpoints (Datadog, Slack, AWS APIs); a VPC would add NAT gateways and no protection. Nothing private to reach.
  #checkov:skip=CKV_AWS_272:Zips are built from source by scripts/package.sh in CI; AWS Signer profiles are not part of that pipeline yet. source_code_hash pins the deployed artefact.
  for_each = local.functions

  function_name    = local.function_names[each.key]
  description      = "opsdaily ${each.key} (Swift, custom runtime)"
  role             = aws_iam_role.function[each.key].arn
  runtime          = "provided.al2023"
  handler          = "bootstrap"
  architectures    = [var.lambda_architecture]
  filename         = "${local.zip_dir}/${each.key}.zip"
  source_code_hash = filebase64sha256("${local.zip_dir}/${each.key}.zip")
  memory_size      = local.memory_mb[each.key]
  timeout          = local.timeout_s[each.key]
  kms_key_arn      = aws_kms_key.this.arn

  reserved_concurrent_executions = local.reserved_concurrency[each.key]

  environment {
    variables = local.environment[each.key]
  }

  logging_config {
    log_format            = var.log_format
    log_group             = aws_cloudwatch_log_group.function[each.key].name
    application_log_level = var.log_format == "JSON" ? var.log_level : null
    system_log_level      = var.log_format == "JSON" ? "WARN" : null
  }

  # PassThrough propagates an incoming trace header (the runtime sets
  # _X_AMZN_TRACE_ID) without sampling, so the roles need no xray:* on "*".
  tracing_config {
    mode = "PassThrough"
  }

  # Only the scheduled (asynchronous) functions: collection is invoked
  # synchronously through its URL, where a DLQ never fires; Datadog retries 5xx.
  dynamic "dead_letter_config" {
    for_each = contains(local.scheduled_functions, each.key) ? [aws_sqs_queue.dlq.arn] : []
    content {
      target_arn = dead_letter_config.value
    }
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.function]
}

# Scheduled runs are asynchronous: bound Lambda's own retries and event age. A
# run that still fails lands in the DLQ (dead_letter_config above).
resource "aws_lambda_function_event_invoke_config" "scheduled" {
  for_each = local.scheduled_functions

  function_name                = aws_lambda_function.this[each.key].function_name
  maximum_retry_attempts       = var.async_retry_attempts
  maximum_event_age_in_seconds = var.schedule_max_event_age_seconds
}

# --- collection's webhook endpoint ------------------------------------------------

resource "aws_lambda_function_url" "collection" {
  #checkov:skip=CKV_AWS_258:Datadog webhooks cannot sign SigV4, so the URL is public; collection authenticates every request itself with the shared-secret header, compared in constant time to the Secrets Manager value, and answers 401 otherwise. The URL 4xx alarm pages on abuse (alarms.tf).
  function_name      = aws_lambda_function.this["collection"].function_name
  authorization_type = "NONE"
  invoke_mode        = "BUFFERED"
}

resource "aws_lambda_permission" "collection_url" {
  #checkov:skip=CKV_AWS_301:Public only through the function URL (action InvokeFunctionUrl, auth type NONE), which is how Datadog reaches the webhook; the function authenticates the shared-secret header itself.
  statement_id           = "AllowPublicFunctionUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.this["collection"].function_name
  principal              = "*"
  function_url_auth_type = "NONE"
}
