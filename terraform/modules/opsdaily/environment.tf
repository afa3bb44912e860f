# The environment of each function, one map per function, with the names of the
# SPEC §10 contract. A function reads exactly these; a test can compare each map
# with what the function's configuration code reads. An empty value means "not
# set": the variable is left out of the function's environment.

locals {
  report_signing_secret_id = var.report_signing_user ? aws_secretsmanager_secret.this["report-signing"].arn : ""

  collection_environment = {
    OPS_TIMEZONE             = module.settings.timezone
    OPS_ALERTS_TABLE         = aws_dynamodb_table.this["alerts"].name
    OPS_RETENTION_DAYS       = tostring(var.retention_days)
    OPS_WEBHOOK_SECRET_ID    = aws_secretsmanager_secret.this["webhook"].arn
    OPS_WEBHOOK_TOKEN_HEADER = var.webhook_token_header
  }

  daily_check_environment = {
    OPS_SYSTEM_NAME        = var.system_name
    OPS_TIMEZONE           = module.settings.timezone
    OPS_CHECK_SLOTS        = module.settings.ops_check_slots
    OPS_CHECKS_TABLE       = aws_dynamodb_table.this["checks"].name
    OPS_REPORT_BUCKET      = module.reports_bucket.id
    OPS_REPORT_PREFIX      = var.report_prefix
    OPS_REPORT_URL_TTL     = tostring(var.report_url_ttl_seconds)
    OPS_RETENTION_DAYS     = tostring(var.retention_days)
    OPS_DATADOG_SITE       = module.settings.datadog_site
    OPS_MONITOR_TAGS       = join(",", var.monitor_tags)
    OPS_MONITOR_PRIORITIES = join(",", var.monitor_priorities)
    OPS_DATADOG_SECRET_ID  = aws_secretsmanager_secret.this["datadog"].arn
    OPS_SLACK_SECRET_ID    = aws_secretsmanager_secret.this["slack"].arn

    OPS_REPORT_SIGNING_SECRET_ID = local.report_signing_secret_id
  }

  notification_environment = {
    OPS_SYSTEM_NAME     = var.system_name
    OPS_TIMEZONE        = module.settings.timezone
    OPS_CHECK_SLOTS     = module.settings.ops_check_slots
    OPS_ALERTS_TABLE    = aws_dynamodb_table.this["alerts"].name
    OPS_CHECKS_TABLE    = aws_dynamodb_table.this["checks"].name
    OPS_REPORT_BUCKET   = module.reports_bucket.id
    OPS_REPORT_PREFIX   = var.report_prefix
    OPS_REPORT_URL_TTL  = tostring(var.report_url_ttl_seconds)
    OPS_RETENTION_DAYS  = tostring(var.retention_days)
    OPS_SLACK_SECRET_ID = aws_secretsmanager_secret.this["slack"].arn

    OPS_REPORT_SIGNING_SECRET_ID = local.report_signing_secret_id
  }

  environment = {
    for function, variables in {
      collection    = local.collection_environment
      "daily-check" = local.daily_check_environment
      notification  = local.notification_environment
    } : function => { for name, value in variables : name => value if value != "" }
  }
}
