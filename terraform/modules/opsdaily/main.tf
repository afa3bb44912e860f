data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

# The settings the functions read and Terraform uses too, validated against
# value-domains.json in one place (./settings); everything below reads them
# from there, entries trimmed.
module "settings" {
  source = "./settings"

  datadog_site                = var.datadog_site
  timezone                    = var.timezone
  check_slots                 = var.check_slots
  notification_offset_minutes = var.notification_offset_minutes
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  # The three functions of SPEC §2; keys are also the zip names in build/lambda.
  functions = toset(["collection", "daily-check", "notification"])
  # Invoked by EventBridge Scheduler (asynchronously): these get the DLQ.
  scheduled_functions = toset(["daily-check", "notification"])

  zip_dir = coalesce(var.lambda_zip_dir, "${path.module}/../../../build/lambda")

  # collection answers Datadog, which gives up after 15 s; the scheduled ones talk
  # to the Datadog API (paged, rate limited) and render reports.
  memory_mb = merge({ collection = 128, "daily-check" = 256, notification = 256 }, var.lambda_memory_mb)
  timeout_s = merge({ collection = 10, "daily-check" = 300, notification = 120 }, var.lambda_timeout_seconds)
  # One scheduled run at a time. collection is unreserved unless
  # lambda_reserved_concurrency sets it (issue 15): a cap makes Lambda answer
  # 429 once that many deliveries run at once, whether the excess is a junk
  # flood on the public URL or a real alert storm, and Datadog does not retry a
  # 429, so real alerts were lost. Unreserved, collection shares the account's
  # unreserved pool: a flood costs money and can crowd out other functions of
  # the account instead of losing alerts; the URL 4xx and throttle alarms page
  # on either. -1 is the provider's "no reserved concurrency".
  reserved_concurrency = merge({ collection = -1, "daily-check" = 1, notification = 1 }, var.lambda_reserved_concurrency)

  function_names  = { for f in local.functions : f => "${var.name_prefix}-${f}" }
  log_group_names = { for f in local.functions : f => "/aws/lambda/${local.function_names[f]}" }

  # Each scheduled function writes one kind of report:
  # <report_prefix>check/YYYY/MM/DD/HHMM.html and <report_prefix>alerts/... .
  report_objects_arns = { for kind in ["check", "alerts"] : kind => "${module.reports_bucket.arn}/${var.report_prefix}${kind}/*" }
  alerts_index_arn    = "${aws_dynamodb_table.this["alerts"].arn}/index/${local.alerts_day_index}"
}
