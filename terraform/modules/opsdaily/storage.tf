# --- DynamoDB ---------------------------------------------------------------
# Alerts: pk = "DAY#<local day>", sk = "<epoch ms, zero-padded>#<event id>", so
# one Query returns a local day in time order and a key range returns a window.
# by_event finds an event by its Datadog $ID (redeliveries, fallback dates).

resource "aws_dynamodb_table" "alerts" {
  name                        = "${var.name_prefix}-alerts"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  attribute {
    name = "event_id"
    type = "S"
  }

  global_secondary_index {
    name            = local.alerts_event_index
    hash_key        = "event_id"
    projection_type = "KEYS_ONLY"
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

# Checks: one partition per run slot, so a slot's run record and its monitor
# records come back with one Query and a re-run overwrites them.
resource "aws_dynamodb_table" "checks" {
  name                        = "${var.name_prefix}-checks"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
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

resource "aws_s3_bucket" "reports" {
  #checkov:skip=CKV_AWS_18:Server access logs would need a second bucket per environment; report reads are pre-signed GETs whose issuing is logged by the functions, and account-wide CloudTrail data events are the place for object-level audit.
  #checkov:skip=CKV_AWS_144:Reports are regenerated twice a day and expire; cross-region replication would double storage for data nobody restores.
  #checkov:skip=CKV2_AWS_62:Nothing consumes report object events.
  bucket = "${var.name_prefix}-reports-${local.account_id}-${local.region}"
  tags   = var.tags
}

resource "aws_s3_bucket_ownership_controls" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
    # One data key per bucket instead of one KMS call per object.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    id     = "expire-reports"
    status = "Enabled"

    filter {
      prefix = var.report_prefix
    }

    expiration {
      days = var.report_expiration_days
    }
  }

  # Whole bucket: versioning only guards against mistakes, so old versions need
  # not linger, and an interrupted upload must not be billed forever.
  rule {
    id     = "housekeeping"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 7
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.reports]
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = data.aws_iam_policy_document.reports_bucket.json

  # The public access block must exist first, or a policy could briefly apply
  # to a bucket that still allows public policies.
  depends_on = [aws_s3_bucket_public_access_block.reports]
}

data "aws_iam_policy_document" "reports_bucket" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]

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
