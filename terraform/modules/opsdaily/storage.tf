# --- DynamoDB ---------------------------------------------------------------
# Both tables: pk/sk strings, on demand, TTL on expires_at, PITR, the module's key.
#
# alerts: pk = "DAY#<local day>", sk = "<epoch ms, zero-padded>#<event id>", so one
#   Query returns a local day in time order and a key range returns a window;
#   the by_event index finds an event by its Datadog $ID (redeliveries, fallback
#   dates).
# checks: one partition per run slot, so a slot's run record and its monitor
#   records come back with one Query and a re-run overwrites them.

locals {
  alerts_event_index = "by_event"

  tables = {
    alerts = { indexes = { (local.alerts_event_index) = "event_id" } }
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
    for_each = toset(concat(["pk", "sk"], values(each.value.indexes)))
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value
      projection_type = "KEYS_ONLY"
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
