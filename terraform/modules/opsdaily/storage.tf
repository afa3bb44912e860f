# --- DynamoDB ---------------------------------------------------------------
# Both tables: pk/sk strings, on demand, TTL on expires_at, PITR, the module's key.
#
# alerts: pk = "EVENT#<Datadog $ID>", sk = "ALERT", so one conditional PutItem
#   stores a redelivered event exactly once, whatever its date; the by_day index
#   (day = local day, at = "<epoch ms, zero-padded>#<event id>") returns a local
#   day in time order with one Query and a window with a key range.
# checks: one partition per run slot, so a slot's run record and its monitor
#   records come back with one Query and a re-run overwrites them.

locals {
  alerts_day_index = "by_day"

  tables = {
    alerts = { indexes = { (local.alerts_day_index) = { hash_key = "day", range_key = "at" } } }
    checks = { indexes = {} }
  }
}

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name                        = "${var.name_prefix}-${each.key}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  dynamic "attribute" {
    for_each = toset(concat(["pk", "sk"], flatten([for index in values(each.value.indexes) : [index.hash_key, index.range_key]])))
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.indexes
    content {
      name      = global_secondary_index.key
      hash_key  = global_secondary_index.value.hash_key
      range_key = global_secondary_index.value.range_key
      # The digest reads whole alerts from the index: a keys-only index would cost a GetItem per alert.
      projection_type = "ALL"
    }
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }

  tags = var.tags
}

# --- Report bucket ------------------------------------------------------------
# Private: reports are read only through pre-signed URLs. Account and region in
# the name keep it globally unique without a random suffix.

module "reports_bucket" {
  source = "../private-bucket"

  name                      = "${var.name_prefix}-reports-${local.account_id}-${local.region}"
  kms_key_arn               = aws_kms_key.this.arn
  noncurrent_version_days   = 7
  expiration_days_by_prefix = { (var.report_prefix) = var.report_expiration_days }
  tags                      = var.tags
}
